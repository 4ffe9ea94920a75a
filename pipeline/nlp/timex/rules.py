"""French temporal expressions -> TIMEX3 values: the pure rules (no spaCy needed).

The rules are split into small modules; this one gathers their public names and adds
:func:`normalize` (one expression in, one value out). Both the spaCy component
(:mod:`pipeline.nlp.timex.component`) and a notebook user can call them:

1. :func:`find_candidates` (:mod:`~pipeline.nlp.timex.candidates`, regexes of
   :mod:`~pipeline.nlp.timex.patterns` built from ``models/timex_fr.yaml`` by
   :mod:`~pipeline.nlp.timex.vocabulary`) scans a text and returns non-overlapping
   :class:`Candidate` objects (longest match wins; "du 8 au 9 juillet" and "entre 2014 et
   2022" are merged into ranges). A candidate holds what the text says (year, month, day,
   weekday, offset...), not yet a value.
2. :func:`resolve` (:mod:`~pipeline.nlp.timex.anchors`, values computed in
   :mod:`~pipeline.nlp.timex.values`) turns a candidate into a TIMEX3 value using an
   optional *anchor* (the publication date, ``"2022-02-24"``, ``"2022-02"`` or ``"2022"``)
   and an optional *tense* of the governing verb (``"past"``, ``"present"``,
   ``"future"``). Parts that cannot be known are written ``X`` (``XXXX-07``); nothing is
   ever invented.
3. Interval anchors: a publication date known only to the month or the year covers a
   period of days (:func:`anchor_period`). :func:`resolve_in_interval` resolves a
   candidate against every feasible day and keeps a day value only when all agree (rule
   suffix ``_interval``, anchor written as an ISO 8601 interval ``2022-02-24/2022-02-28``,
   which :func:`resolve` also accepts). The first feasible day is raised by
   :func:`event_evidence` (:mod:`~pipeline.nlp.timex.landmarks`): landmark events of
   ``models/dated_events.yaml`` that the text reports as past ("depuis l'invasion de
   l'Ukraine" -> on or after 2022-02-24), counted only when dated inside the period and
   when the sentence is no question and matches no guard (negation, conditional, future,
   modality, speculation). The text-date bound that needs a parse is in
   :mod:`pipeline.nlp.timex.component`.

>>> normalize("le 1er mars 2014")
('2014-03-01', 'day', 'date_full')
>>> normalize("en octobre", anchor="2025-12-03", tense="past")
('2025-10', 'month', 'month')
>>> normalize("hier")
('XXXX-XX-XX', 'day', 'relative_day')
"""
from __future__ import annotations

from .anchors import (anchor_dependent, anchor_period, format_interval, max_interval_days, parse_interval, resolve,
                      resolve_in_interval)
from .candidates import Candidate, find_candidates
from .landmarks import (AnchorEvidence, DatedEvent, _DatedEvents, dated_events, event_evidence, event_matches,
                        events_between, literal_gate)
from .patterns import rules
from .values import PRECISIONS, VALUE_RE, Resolved, parse_anchor
from .vocabulary import alternation, vocabulary, word_list

__all__ = ["PRECISIONS", "VALUE_RE", "AnchorEvidence", "Candidate", "DatedEvent", "Resolved", "_DatedEvents",
           "alternation", "anchor_dependent", "anchor_period", "dated_events", "event_evidence", "event_matches",
           "events_between", "find_candidates", "format_interval", "literal_gate", "max_interval_days", "normalize",
           "parse_anchor", "parse_interval", "resolve", "resolve_in_interval", "rules", "vocabulary", "word_list"]


def normalize(text: str, anchor: str | None = None, tense: str | None = None) -> tuple[str, str, str] | None:
    """Normalise ONE French temporal expression to (value, precision, rule), or None.

    ``anchor`` is the publication date (``"2022-02-24"``, ``"2022-02"``, ``"2022"``);
    ``tense`` the tense of the governing verb (``"past"``, ``"present"``, ``"future"``).
    The expression may sit in a short sentence; the longest expression found is used.
    Context guards (bare month without a preposition, number followed by "hommes") are
    relaxed when the expression is the whole text.

    >>> normalize("24/02/2022")
    ('2022-02-24', 'day', 'date_numeric')
    >>> normalize("jeudi", anchor="2022-02-25", tense="past")
    ('2022-02-24', 'day', 'weekday_past')
    >>> normalize("200 000 hommes") is None
    True
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if tense not in ("past", "weak_past", "present", "future"):
        tense = None
    stripped = text.strip()
    cands = find_candidates(text, keep_guarded=True)
    cands = [c for c in cands if not c.guarded or text[c.start:c.end].strip() == stripped]
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.end - c.start, -c.start))
    r = resolve(best, anchor, tense)
    if r is None:
        return None
    return r.value, r.precision, r.rule
