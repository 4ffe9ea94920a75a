"""spaCy component ``actorgraph_timex``: French temporal expressions -> ``doc._.timexes``.

The rules live in :mod:`pipeline.nlp.timex.rules` and the modules it gathers (pure Python, data in
``models/timex_fr.yaml``); this module runs them over ``doc.text``, maps each match to
tokens and a sentence, reads the tense of the governing verb from the parse when the value
depends on it (weekdays, "en octobre", "30 septembre"; :mod:`.tense`), and resolves against
``doc._.anchor`` (the publication date, set by the caller before the component runs), or
against a date of the text where TimeML says so ("le lendemain"; :mod:`.textanchor`)::

    doc = nlp.make_doc(text)
    doc._.anchor = "2022-02-25"
    doc = nlp(doc)
    doc._.timexes   # [{'text': 'jeudi', 'value': '2022-02-24', 'precision': 'day', ...}]

Each record is a plain dict (str/int only): start_char, end_char, start, end,
sentence_id, text, value, precision, rule, anchor, kind, end_value, type, mod. ``type`` is
the TimeML type (DATE, TIME, DURATION, SET) and ``value`` is written the TimeML way for it
(:mod:`pipeline.nlp.timex.timeml`); ``mod`` is a TimeML modifier or empty.

Anchors of month or year precision (``"2022-02"``): the article was published on some day
of that period. The first feasible day is raised by evidence in the text — a landmark
event of ``models/dated_events.yaml`` reported as past ("l'activation des plans de
défense" -> on or after 2022-02-24), or an explicit date of the period governed by an
asserted past-tense verb ("le 24 février 2022, la Russie a envahi…") — and every
anchor-dependent expression is resolved against each feasible day: when all agree the
value has day precision, the rule ends in ``_interval`` and ``anchor`` holds the interval
(``2022-02-24/2022-02-28``); otherwise the value keeps its ``X`` parts. The interval and
its evidence are in ``doc._.anchor_interval``. Without an anchor nothing is inferred.
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..base import StatelessComponent, doc_text, register_extensions, span_text
from .anchors import anchor_dependent, anchor_period, format_interval, max_interval_days, resolve, resolve_in_interval
from .candidates import Candidate, find_candidates
from .landmarks import AnchorEvidence, dated_events, event_evidence, events_between
from .patterns import rules
from .rules import normalize  # noqa: F401  (part of this module's __all__)
from .clock import sentence_days
from .tense import is_conditional as _is_conditional
from .tense import tense_of
from .textanchor import (narrative_dependent, in_quotation, quoted_day, is_anaphoric, previous_yearless_day, shift_yearless, weekday_year, nearby_day, same_weekday, sentence_year_date, text_anchor_for,
                         written_dates)
from .timeml import OLD_VALUE, date_part, is_point, typed_value
from .sets import habitual
from .values import PRECISIONS, Resolved
from .vocabulary import vocabulary, word_list

__all__ = ["TimexTagger", "normalize", "sentence_dates", "tense_of", "make_timex_tagger", "past_date_bound"]

register_extensions(Doc, "anchor", "timexes", "anchor_interval")

_PREC_RANK = {p: i for i, p in enumerate(reversed(PRECISIONS))}  # decade 0 ... day 5


_NEGATION = frozenset(word_list("negation_words"))
_UNPLACED_WEEKDAY = re.compile(r"(?:XXXX|\d{4})-WXX-")  # a weekday whose week is unknown
_TODAY = re.compile(r"aujourd['’]hui\Z", re.IGNORECASE)
_BOUND_CASES = frozenset(word_list("lower_bound_prepositions"))
_CONDITION_MARKS = frozenset(word_list("condition_marks"))


def past_date_bound(span: Span) -> bool:
    """True when the date ``span`` is asserted as past: the article was written on or after it.

    Deliberately narrow: the date is an oblique of a verb ("le 24 février 2022, la Russie
    a envahi…", "dès le 3 mars 2022 les troupes sont entrées…") introduced by no
    preposition other than "depuis"/"dès"; the verb is a compound past with an indicative
    auxiliary (passé composé, plus-que-parfait) or a passé simple; it is not negated, not
    in a "si" clause, not in a question, and not a verb of planning or announcement
    (``lower_bound_blocking_verbs`` in ``models/timex_fr.yaml``: "a convoqué pour le 25
    février un sommet" says nothing about the article's day).
    """
    root = span.root
    verb = root.head
    if not root.dep_.startswith("obl") or verb.i == root.i or verb.pos_ != "VERB":
        return False
    if any(ch.dep_ == "case" and ch.lower_ not in _BOUND_CASES for ch in root.children):
        return False
    blocking = vocabulary().get("lower_bound_blocking_verbs") or []
    if verb.lemma_.lower() in blocking:
        return False
    vform = verb.morph.get("VerbForm")
    if "Part" in vform:
        fin = [a for a in verb.children if a.dep_ in ("aux", "aux:tense") and "Fin" in a.morph.get("VerbForm")]
        if not fin:
            return False
        aux = fin[0]
        if "Ind" not in aux.morph.get("Mood") or "Fut" in aux.morph.get("Tense") or _is_conditional(aux):
            return False
    elif "Fin" in vform:
        if "Past" not in verb.morph.get("Tense") or "Ind" not in verb.morph.get("Mood"):
            return False
    else:
        return False
    for ch in verb.children:
        if ch.dep_ == "advmod" and ch.lower_ in _NEGATION:
            return False
        if ch.dep_ == "mark" and ch.lower_ in _CONDITION_MARKS:
            return False
    if span_text(span.sent).rstrip().endswith("?"):
        return False
    return True


class TimexTagger(StatelessComponent):
    """Find French temporal expressions and store TIMEX3 records in ``doc._.timexes``."""

    def __init__(self, nlp: Language | None = None, name: str = "actorgraph_timex", *, use_tense: bool = True):
        self.name = name
        self.use_tense = use_tense
        rules()  # compile the regexes now, not on the first document
        dated_events()

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = self.extract(doc)
        return doc

    def _interval(self, doc: Doc, text: str, items: list[tuple[Candidate, Span, str | None]],
                  anchor: str | None, has_parse: bool) -> tuple[Any, Any, list[AnchorEvidence]] | None:
        """Feasible publication days [lo, hi] and the evidence that set lo, for an anchor of
        month/year precision with at least one anchor-dependent expression; else None.

        Work that cannot change a value is skipped: only events dated after the current
        lower bound and late enough to bring the interval under ``interval_max_days`` are
        searched (for a year anchor, those of its last month); none is searched when even
        the tightest interval they could give resolves no expression; and the search runs
        from the latest event down and stops at the first one found."""
        period = anchor_period(anchor)
        dependent = [(c, tense) for c, _, tense in items if anchor_dependent(c)]
        if period is None or not dependent:
            return None
        lo, hi = period
        evidence: list[AnchorEvidence] = []
        if has_parse:
            for c, span, _ in items:
                if (c.kind != "abs" or c.in_range or c.year is None or c.month is None
                        or c.day is None):
                    continue
                try:
                    day = _dt.date(c.year, c.month, c.day)
                except ValueError:
                    continue
                if lo <= day <= hi and past_date_bound(span):
                    evidence.append(AnchorEvidence("text_date", "", day, c.start, c.end, text[c.start:c.end]))
        if evidence:
            lo = max(lo, max(e.date for e in evidence))
        useful_from = max(lo + _dt.timedelta(days=1), hi - _dt.timedelta(days=max_interval_days() - 1))
        events = events_between(useful_from, hi)
        if events:
            tightest = events[-1].date
            if any(r is not None and r.rule.endswith("_interval")
                   for r in (resolve_in_interval(c, tightest, hi, tense, coarse=anchor) for c, tense in dependent)):
                found = event_evidence(text, useful_from, hi, latest_only=True)
                if found:
                    evidence.extend(found)
                    lo = max(lo, found[0].date)
        return lo, hi, evidence

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc_text(doc)
        cands = find_candidates(text)
        if not cands:
            return []
        anchor = doc._.anchor
        if isinstance(anchor, _dt.date):  # a datetime.date/datetime is accepted too
            anchor = anchor.isoformat()[:10]
        elif not isinstance(anchor, str) or not anchor.strip():
            anchor = None
        has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        sent_starts = [s.start for s in doc.sents] if has_sents else [0]
        has_parse = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
        items: list[tuple[Candidate, Span, str | None]] = []
        for c in cands:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            tense = tense_of(span) if (self.use_tense and has_parse and c.needs_tense) else None
            items.append((c, span, tense))
        iv = self._interval(doc, text, items, anchor, has_parse)
        if iv is not None:
            period = anchor_period(anchor)
            doc._.anchor_interval = {
                "anchor": anchor,
                "period": format_interval(*period),
                "interval": format_interval(iv[0], iv[1]),
                "evidence": [e.as_dict() for e in iv[2]],
            }
        period = anchor_period(anchor)  # the days of a publication date known to the month or year
        out: list[dict[str, Any]] = []
        sids = [max(0, bisect_right(sent_starts, span.start) - 1) for _, span, _ in items]
        explicit = written_dates(items, sids)
        years = sorted({c.year for c, _, _ in items if c.year is not None}) if anchor is None else []
        weekdays: list[int | None] = []  # the weekday written with each date of `out` ("dimanche 15 août")
        context: list[bool] = []
        present: list[int] = []  # records of "aujourd'hui" that no date resolves
        story = ""  # in an undated text, the first day its weekday placed in a year ("vendredi 9 janvier")
        for (c, span, tense), sid in zip(items, sids):
            here = text_anchor_for(c, sid, out, explicit, anchor)
            same_year = here is None and anchor is not None and (here := sentence_year_date(c, sid, explicit)) is not None
            if here is not None:  # "le lendemain": the date just mentioned (textanchor.py)
                r = resolve(c, here, None if is_anaphoric(c) or same_year else tense)
                if r is not None:
                    r.rule, r.anchor = r.rule + "_text", here
            elif is_anaphoric(c) and c.kind not in ("relyear", "relmonth") \
                    and (yearless := previous_yearless_day(out, c.start)) is not None:
                # "dimanche 11 mai [...] le lendemain" without a year: counted from that day
                r = resolve(c, anchor, tense)
                moved = shift_yearless(yearless, lambda a: (resolve(c, a, None) or r).value)
                if r is not None and moved is not None:
                    r = Resolved(moved, "day", r.rule + "_text", True, r.kind, anchor=yearless)
            elif iv is not None:
                r = resolve_in_interval(c, iv[0], iv[1], tense, coarse=anchor)
            else:
                r = resolve(c, anchor, tense)
            if (r is not None and c.kind == "relday" and not c.offset and not c.tod and _TODAY.match(text, c.start, c.end)
                    and in_quotation(text, c.start) and (day := quoted_day(out, sid, anchor)) is not None):
                r = Resolved(day, "day", "relative_day_quoted_text", True, "relative", anchor=day)
            habit = habitual(c, text, tense)  # "le marché se tient le jeudi": a SET
            if habit is not None:
                r = Resolved(habit, "", "set_habitual", False, "date")
            if r is None:
                continue
            if _UNPLACED_WEEKDAY.match(r.value):  # "dimanche 15 août [...] dimanche soir": that Sunday
                r = same_weekday(c, sid, out, weekdays, r)
            if _UNPLACED_WEEKDAY.match(r.value) and c.mod != "this" and period is not None:
                # an article dated to the month: counted from the last day written with its weekday in that month
                day = nearby_day(out, weekdays, c.start)
                again = resolve(c, day, tense) if day and period[0].isoformat() <= day <= period[1].isoformat() else None
                if again is not None:
                    again.rule, again.anchor, r = again.rule + "_text", day, again
            if anchor is None and r.value.startswith("XXXX-") and years:
                day = weekday_year(c, years)  # "vendredi 9 janvier" in an undated text that writes 2024, 2025
                if day is not None:
                    r = Resolved(day, "day", r.rule + "_weekday_year", True, r.kind)
                    story = story or day
                elif story and c.kind in ("abs", "season") and narrative_dependent(c):
                    # "Début janvier" later in that text: the year by tense from the day the weekday placed
                    again = resolve(c, story, tense)
                    if again is not None and not again.value.startswith("X"):
                        r = replace(again, rule=again.rule + "_story", anchor=story)
            weekdays.append(c.weekday if c.kind == "abs" and c.day is not None else None)
            if r.value == "XXXX-XX-XX" and c.kind == "relday" and not c.offset and not c.tod \
                    and _TODAY.match(text, c.start, c.end):  # "aujourd'hui" in an undated text: the present
                present.append(len(out))
            value, ttype = typed_value(c, r.value)
            if habit is not None:
                value, ttype = habit + (f"T{c.tod}" if c.tod and habit[-1].isdigit() else ""), "SET"
            # "ce matin" on a publication date known only to the month: the day of its sentence
            context.append(c.context_day or (ttype == "TIME" and c.kind == "relday" and c.offset == 0
                                             and "X" in date_part(value)))
            out.append({
                "start_char": c.start,
                "end_char": c.end,
                "start": span.start,
                "end": span.end,
                "sentence_id": sid,
                "text": text[c.start:c.end],
                "value": value,
                "precision": r.precision,
                "rule": r.rule,
                "anchor": r.anchor or (anchor if (r.anchor_used and anchor) else ""),
                "kind": r.kind,
                "end_value": r.end_value,
                "type": ttype,
                "mod": c.tmod or (c.period_part or ""),
            })
        sentence_days(out, context)
        for i in present:  # after the times of its sentence took its (unknown) day
            out[i].update(value="PRESENT_REF", precision="", rule=out[i]["rule"] + "_present")
        return out



@Language.factory("actorgraph_timex", default_config={"use_tense": True})
def make_timex_tagger(nlp: Language, name: str, use_tense: bool) -> TimexTagger:
    return TimexTagger(nlp, name, use_tense=use_tense)


def _specificity(rec: dict[str, Any]) -> tuple:
    value = rec["value"]
    return (not value.startswith("XXXX"), _PREC_RANK.get(rec["precision"], -1), -value.count("X"), -rec["start_char"])


def sentence_dates(doc: Doc) -> dict[int, dict[str, Any]]:
    """For each sentence with a timex, its most specific record ("the date of a sentence").

    Most specific = a known year first, then the finest precision (day > week > month >
    season > year > decade), then the fewest unknown ``X`` parts, then the first one.
    """
    best: dict[int, dict[str, Any]] = {}
    for rec in doc._.timexes or []:
        if not is_point(rec):
            continue  # durations, sets and references name no date
        if rec.get("type") == "TIME":
            rec = {**rec, "value": date_part(rec["value"])}  # a TIME gives its day
        if rec.get("precision") == "quarter":  # "au premier trimestre 2024": the year for events
            rec = {**rec, "value": rec["value"][:4], "precision": "year"}
        if not OLD_VALUE.match(rec["value"]):
            continue  # a fiscal year (FY2023) dates no event
        sid = rec["sentence_id"]
        if sid not in best or _specificity(rec) > _specificity(best[sid]):
            best[sid] = rec
    return best
