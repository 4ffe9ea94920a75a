"""Ranges of two dates: each end is its own TIMEX3 with its own value.

"du 11 au 12 juillet", "les 3 et 4 décembre", "entre 1982 et 1990", "de 2014 à 2022",
"2014-2022", "mercredi 29 et jeudi 30 juin" hold two temporal expressions (TimeML): the
first ("11", "3", "1982", "mercredi 29") and the second ("12 juillet", "4 décembre",
"1990", "jeudi 30 juin"). The prepositions ("du", "entre", "les") belong to neither. A
bare day number takes the month and year of the date after it; a year-less first date
takes the year of the second (the year before when its month and day come later: "du 30
décembre au 2 janvier 2023" starts in 2022).

The first part keeps a link to the second (``range_end``: the record gets ``kind`` range
and ``end_value``, the value of the second); the second links back (``range_start``), so
that a year-less end never comes before its start.

>>> from .candidates import find_candidates
>>> [(c.start, c.end, c.day, c.month) for c in find_candidates("du 11 au 12 juillet")]
[(3, 5, 11, 7), (9, 19, 12, 7)]
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .patterns import Rules
from .vocabulary import longest_first, lookup_key

__all__ = ["merge_ranges"]

_HYPHEN_GAP = re.compile(r"^\s*[-–]\s*$")


@lru_cache(maxsize=None)
def _weekday_before(R: Rules) -> re.Pattern:
    return re.compile(r"(?<![\w])(?P<wd>" + longest_first(R.weekday_of) + r")\s+$", re.IGNORECASE)


def merge_ranges(text: str, cands: list, R: Rules) -> list:
    """Split each range of ``cands`` (sorted, non-overlapping) into its two dates."""
    out: list = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if c.rule == "year_range" and c.range_end is not None:
            out.extend(_link(replace(c, end=c.start + 4, rule="range"), replace(c.range_end, start=c.end - 4)))
            i += 1
            continue
        # "du 8 au 9 juillet 2023", "les 24 et 25 février": a bare day number before a day-month date
        if c.kind == "abs" and c.day is not None and c.month is not None and c.range_end is None:
            before = text[max(0, c.start - 40):c.start]
            m = R.bare_day_range.search(before)
            if m:
                base = c.start - len(before)
                s, e = base + m.start("day"), base + m.end("day")
                first = replace(c, start=s, end=e, day=R.day(m.group("day")), weekday=None, yy=c.yy)
                w = _weekday_before(R).search(text[max(0, s - 15):s])
                if w:
                    first.start = s - (len(text[max(0, s - 15):s]) - w.start())
                    first.weekday = R.weekday_of[lookup_key(w.group("wd"))]
                if w and out and out[-1].kind == "weekday" and out[-1].start >= first.start and out[-1].end <= s:
                    out.pop()  # "mercredi 29 et jeudi 30 juin": the weekday belongs to the first date
                if not out or out[-1].end <= first.start:
                    out.extend(_link(first, c))
                    i += 1
                    continue
        if i + 1 < len(cands):
            d = cands[i + 1]
            gap = text[c.end:d.start]
            pm = R.range_prefix.search(text[max(0, c.start - 20):c.start])
            if pm and lookup_key(pm.group("pre")) == "depuis" and not re.match(r"^\s*jusqu", gap, re.I):
                pm = None  # "depuis X et Y" lists two dates; "depuis X jusqu'en Y" is a range
            if (c.range_end is None and d.range_end is None and R.range_gap.match(gap)
                    and (pm or _HYPHEN_GAP.match(gap)) and c.kind == d.kind and c.kind in ("abs", "weekday", "season")):
                first = replace(c)
                if first.kind == "abs" and first.year is None and d.year is not None:
                    later = (first.month or 0, first.day or 0) > (d.month or 0, d.day or 0) and first.month is not None
                    first.year = d.year - 1 if later else d.year
                    first.year_offset = None
                out.extend(_link(first, d))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


def _link(first, last) -> tuple:
    """The two parts of a range, linked both ways (the links hold no further links)."""
    last = replace(last, range_end=None, range_start=None, guarded=False)
    first = replace(first, rule="range", guarded=False, range_start=None)
    first.range_end = replace(last)
    last.range_start = replace(first, range_end=None)
    return first, last
