"""TIMEX3 values of a candidate against a known publication day, month or year.

:func:`parse_anchor` reads an anchor string; :func:`resolve_parsed` computes the
:class:`Resolved` value of a :class:`~pipeline.nlp.timex.candidates.Candidate` from the
parsed anchor and the tense of the sentence. Parts that cannot be known are written ``X``
(``XXXX-07``); nothing is invented. Anchors that are intervals of days are handled in
:mod:`pipeline.nlp.timex.anchors` (whose :func:`~pipeline.nlp.timex.anchors.resolve` is
the entry point).

>>> parse_anchor("2022-02-24"), parse_anchor("2022-02"), parse_anchor("hier")
((2022, 2, 24), (2022, 2, None), (None, None, None))
>>> from .candidates import find_candidates
>>> r = resolve_parsed(find_candidates("jeudi")[0], (2022, 2, 25), "past")
>>> r.value, r.precision, r.rule
('2022-02-24', 'day', 'weekday_past')
>>> resolve_parsed(find_candidates("en octobre")[0], (None, None, None), None).value
'XXXX-10'
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from .candidates import Candidate

PRECISIONS = ("day", "week", "month", "season", "year", "decade")
VALUE_RE = re.compile(r"^[\dX]{4}(-([\dX]{2}(-[\dX]{2})?|W[\dX]{2}(-WE)?|SP|SU|FA|WI))?$")


def iso_date(s: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        return None


def parse_anchor(anchor: str | None) -> tuple[int | None, int | None, int | None]:
    """``"2022-02-24"`` -> (2022, 2, 24); ``"2022-02"`` -> (2022, 2, None); bad input -> Nones."""
    if not anchor or not isinstance(anchor, str):
        return (None, None, None)
    m = re.match(r"^\s*((?:1[89]|20|21)\d\d)(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?", anchor)
    if not m:
        return (None, None, None)
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if d is not None and d > calendar.monthrange(y, mo)[1]:
        d = None
    return (y, mo, d)


def _valid_day(y: int | None, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y if y is not None else 2000, m)[1]


def _year_for(month: int, day: int | None, a, direction: str | None, strict: bool) -> int | None:
    ay, am, ad = a
    if ay is None:
        return None
    if am is None or direction not in ("past", "future"):
        return ay
    key = (month, day or 0)
    akey = (am, ad if (ad and day) else 0)
    if direction == "past":
        return ay - 1 if (key >= akey if strict else key > akey) else ay
    return ay + 1 if (key <= akey if strict else key < akey) else ay


def _near_year(month: int, day: int | None, a, chosen: int) -> int:
    """A year-less date a past tense put in the year before the anchor's ("le défilé du 9 mai"
    in an article of 5 May): keep the anchor's year when that date lies within four months
    after the anchor and the past reading is eight months or more away. A past tense is a weak
    cue (an imperfect "devait se tenir en juin" still points ahead); a future one is not relaxed."""
    ay, am, ad = a
    if am is None:
        return chosen
    anchor = _dt.date(ay, am, ad or 15)
    def dist(y: int) -> int | None:
        d = day or 15
        if not _valid_day(y, month, d):
            return None
        return abs((_dt.date(y, month, d) - anchor).days)
    near, far = dist(ay), dist(chosen)
    if near is not None and far is not None and near <= 122 and far >= 240:
        return ay
    return chosen


def _fmt(y, m=None, d=None) -> str:
    ys = f"{y:04d}" if isinstance(y, int) else "XXXX"
    if m is None:
        return ys
    ms = f"{m:02d}" if isinstance(m, int) else "XX"
    if d is None:
        return f"{ys}-{ms}"
    ds = f"{d:02d}" if isinstance(d, int) else "XX"
    return f"{ys}-{ms}-{ds}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week(date: _dt.date, weekend: bool) -> str:
    iy, iw, _ = date.isocalendar()
    return f"{iy:04d}-W{iw:02d}" + ("-WE" if weekend else "")


@dataclass
class Resolved:
    value: str
    precision: str
    rule: str
    anchor_used: bool
    kind: str  # date / relative
    end_value: str = ""
    anchor: str = ""  # the anchor actually used when it is not the one given (an interval)


def resolve_parsed(c: Candidate, a, tense: str | None) -> Resolved | None:
    if c.fixed is not None:  # durations, sets, references: the text alone gives the value
        return Resolved(c.fixed, "", c.rule, False, "date")
    r = _resolve_one(c, a, tense)
    if r is None:
        return None
    if c.range_end is not None:
        e = _resolve_one(c.range_end, a, tense)
        if e is None:
            return None
        r.end_value = e.value
        r.anchor_used = r.anchor_used or e.anchor_used
        r.rule = "range" if c.rule == "range" else c.rule
        r.kind = "range"
    return r


def _resolve_one(c: Candidate, a, tense: str | None) -> Resolved | None:
    ay, am, ad = a
    direction = c.mod if c.mod in ("past", "future") else tense
    rule = c.rule
    if c.kind == "abs":
        if c.year is not None:
            if c.day is not None and not _valid_day(c.year, c.month, c.day):
                return None
            prec = "day" if c.day is not None else "month" if c.month is not None else "year"
            return Resolved(_fmt(c.year, c.month, c.day), prec, rule, False, "date")
        # year-less: "30 septembre", "en octobre", "mi-juillet"
        if c.day is not None and not _valid_day(None, c.month, c.day):
            return None
        if c.year_offset is not None:
            y = ay + c.year_offset if ay is not None else None
        else:
            y = _year_for(c.month, c.day, a, direction, strict=c.mod == "past" or c.mod == "future")
            if c.mod is None and direction == "past" and y is not None and y != ay:
                y = _near_year(c.month, c.day, a, y)
        if y is not None and c.day is not None and not _valid_day(y, c.month, c.day):
            y = None
        prec = "day" if c.day is not None else "month"
        return Resolved(_fmt(y, c.month, c.day), prec, rule, y is not None, "relative")
    if c.kind == "season":
        if c.year is not None:
            return Resolved(f"{c.year:04d}-{c.season}", "season", rule, False, "date")
        y = _year_for(c.month or 1, None, a, direction, strict=c.mod in ("past", "future"))
        return Resolved(f"{_fmt(y)}-{c.season}", "season", rule, y is not None, "relative")
    if c.kind == "decade":
        return Resolved(c.decade, "decade", rule, False, "date")
    if c.kind == "weekday":
        if ad is None:
            return Resolved(_fmt(ay, am if ay is not None else None, "X") if ay is not None and am is not None
                            else (_fmt(ay, "X", "X")), "day", "weekday_unresolved", ay is not None, "relative")
        base = _dt.date(ay, am, ad)
        wd = base.weekday()
        if c.mod == "this":
            date, rule = base + _dt.timedelta(days=c.weekday - wd), "weekday_this"
        elif direction == "past":
            # "a levé lundi son veto" in an article of Monday: that very day; "lundi dernier": a week before
            back = (wd - c.weekday) % 7 or (7 if c.mod == "past" else 0)
            date, rule = base - _dt.timedelta(days=back), "weekday_past"
        elif direction == "future":
            date, rule = base + _dt.timedelta(days=((c.weekday - wd) % 7) or 7), "weekday_future"
        else:
            delta = (c.weekday - wd) % 7
            if delta > 3:
                delta -= 7
            date, rule = base + _dt.timedelta(days=delta), "weekday_nearest"
        return Resolved(date.isoformat(), "day", rule, True, "relative")
    if c.kind == "relday":
        if ad is not None:
            date = _dt.date(ay, am, ad) + _dt.timedelta(days=c.offset)
            return Resolved(date.isoformat(), "day", rule, True, "relative")
        if c.offset == 0 and ay is not None:
            return Resolved(_fmt(ay, am if am is not None else "X", "X"), "day", rule, True, "relative")
        return Resolved("XXXX-XX-XX", "day", rule, False, "relative")
    if c.kind == "relweek":
        weekend = c.unit == "weekend"
        if ad is not None:
            date = _dt.date(ay, am, ad) + _dt.timedelta(days=7 * c.offset)
            return Resolved(_week(date, weekend), "week", rule, True, "relative")
        return Resolved("XXXX-WXX" + ("-WE" if weekend else ""), "week", rule, False, "relative")
    if c.kind == "relmonth":
        if am is not None:
            y, m = _add_months(ay, am, c.offset)
            return Resolved(_fmt(y, m), "month", rule, True, "relative")
        if c.offset == 0 and ay is not None:
            return Resolved(_fmt(ay, "X"), "month", rule, True, "relative")
        return Resolved("XXXX-XX", "month", rule, False, "relative")
    if c.kind == "relyear":
        if ay is not None:
            return Resolved(_fmt(ay + c.offset), "year", rule, True, "relative")
        return Resolved("XXXX", "year", rule, False, "relative")
    return None  # pragma: no cover
