"""TimeML extents and types of the candidates: the hooks of issue #16 into
:func:`~pipeline.nlp.timex.candidates.find_candidates`.

:func:`typed_candidates` adds the TIME, DURATION, SET and reference candidates of
:mod:`.clock`, :mod:`.durations`, :mod:`.sets` and :mod:`.refs` to the older DATE ones
(the longest match wins). :func:`finish` then, on the chosen candidates: joins a part of
day to the day before it (:func:`~pipeline.nlp.timex.clock.attach_parts_of_day`), adds the
determiner that TimeML puts in the expression ("le 30 juin", "l'été 2019", "ce 15 août":
``extent_determiners``), and reads the ``mod`` of a part of a period ("début 2024" START,
"mi-juillet" MID, "fin mars" END).

>>> from .candidates import find_candidates
>>> [(c.start, c.tmod) for c in find_candidates("Il viendra le 30 juin, puis fin 2024.")]
[(11, ''), (28, 'END')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import clock, durations, holidays, refs, sets, yearparts
from .candidate import Candidate
from .vocabulary import alternation, word_list

F = re.IGNORECASE
_PART_MODS = {"début": "START", "debut": "START", "mi": "MID", "milieu": "MID", "fin": "END"}
_DET_KINDS = ("abs", "weekday", "season", "decade", "relweek", "relmonth", "relyear", "century", "yearpart", "nthday", "easter")


@lru_cache(maxsize=None)
def _det() -> re.Pattern:
    return re.compile(r"(?:^|(?<=[^\w'’]))(?:" + alternation(word_list("extent_determiners")) + r")(?:\s+|(?<=['’]))$", F)


_BLANK = re.compile(r"[ \t\u00a0]+$")
# "l'année 2023", "l'an 2000": the noun belongs to the year's expression
_YEAR_NOUN = re.compile(r"(?:^|(?<=[^\w'’]))(?:l['’]|cette\s+)(?:année|annee|an)\s+$", F)
# "au début des années 1990", "la fin de l'été": a part of a decade or season joins it (mod)
_PART_BEFORE = re.compile(r"(?:^|(?<=[^\w'’]))(?:(?:le|la|l['’])\s*)?(?P<p>début|debut|fin|milieu|mi)"
                          r"(?:\s*[-‑]\s*|\s+)(?:des\s+|du\s+|de\s+|d['’])?$", F)
_PART_RE = re.compile(r"^(?:(?:le|la|les|l['’]|ce|cette|en)\s+)?(?P<p>début|debut|milieu|mi|fin)(?![^\W\d_])", F)


def lowered(text: str) -> str:
    """``text`` in lowercase, with the same length (a character whose lowercase is longer,
    such as "İ", is kept as it is), so that offsets found in it hold in ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def typed_candidates(text: str, low: str | None = None) -> list[Candidate]:
    """TIME, DURATION, SET and reference candidates (overlapping; the caller chooses). Their
    regexes run on ``low``, the lowercased text (case-sensitive regexes are faster)."""
    low = low if low is not None else lowered(text)
    return (clock.find(text, low) + durations.find(text, low) + refs.find(text, low) + sets.find(text, low)
            + yearparts.find(text, low) + holidays.find(text, low))


def _weekday_numeric(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A weekday right before a numeric date ("mardi 24/06/2025") is one expression, as a
    weekday before a written date already is ("mardi 24 juin 2025")."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "weekday" and prev.range_end is None and c.kind == "abs"
                and c.rule in ("date_numeric", "date_iso") and c.range_start is None
                and _BLANK.match(text, prev.end, c.start)):
            c.start, c.weekday = prev.start, prev.weekday
            out[-1] = c
            continue
        out.append(c)
    return out


def finish(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Parts of day joined to their day, determiners added, START/MID/END read; in text order."""
    cands = clock.attach_parts_of_day(text, clock.attach_night_ranges(text, _weekday_numeric(text, cands)))
    det = _det()
    prev_end = 0
    for c in cands:
        if c.kind in _DET_KINDS and c.range_end is None and c.rule != "year":
            m = det.search(text[max(prev_end, c.start - 8):c.start])
            if m:
                c.start = max(prev_end, c.start - 8) + m.start()
        elif c.rule == "year" and c.range_start is None:
            m = _YEAR_NOUN.search(text[max(prev_end, c.start - 14):c.start])
            if m:
                c.start = max(prev_end, c.start - 14) + m.start()
        if c.kind in ("decade", "season") and c.range_end is None and c.range_start is None and not c.tmod:
            m = _PART_BEFORE.search(text[max(prev_end, c.start - 16):c.start])
            if m:
                c.start = max(prev_end, c.start - 16) + m.start()
                c.tmod = _PART_MODS[m.group("p").lower()]
        if c.kind != "fixed" and not c.tmod and c.rule != "part_of_day":  # "la mi-journée" is TMI, not MID
            pm = _PART_RE.match(text[c.start:c.end])
            if pm:
                c.tmod = _PART_MODS[pm.group("p").lower()]
        prev_end = c.end
    return cands
