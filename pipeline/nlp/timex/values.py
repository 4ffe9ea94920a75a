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
from dataclasses import dataclass, replace

from .candidates import Candidate

PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade", "century")
VALUE_RE = re.compile(r"^[\dX]{4}(-([\dX]{2}(-[\dX]{2})?|W[\dX]{2}(-WE|-[1-7])?|SP|SU|FA|WI))?$")


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
    """Year of a year-less date: the previous occurrence for a past tense, the next one for a
    future tense, the nearest one (the anchor's year, the year before or after) otherwise."""
    ay, am, ad = a
    if ay is None:
        return None
    if am is None:
        return ay
    if ad is None and month == am:
        return ay  # "le 25 novembre" in an article of November 2018 (day unknown): that month
    key = (month, day or 0)
    akey = (am, ad if (ad and day) else 0)
    if direction == "past":
        return ay - 1 if (key >= akey if strict else key > akey) else ay
    if direction == "future":
        return ay + 1 if (key <= akey if strict else key < akey) else ay
    return _nearest_year(month, day, a)


def _nearest_year(month: int, day: int | None, a) -> int:
    ay, am, ad = a
    anchor = _dt.date(ay, am, ad or 15)
    best, best_gap = ay, None
    for y in (ay, ay - 1, ay + 1):
        d = min(day or 15, calendar.monthrange(y, month)[1])
        gap = abs((_dt.date(y, month, d) - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def two_digit_year(yy: int, anchor_year: int | None) -> int:
    """Century of a two-digit year ("le 10 novembre 93"): with an anchor year A, 20yy when that
    is at most A + 10, else 19yy; without an anchor, 20yy below 70, else 19yy.

    >>> two_digit_year(93, 1999), two_digit_year(5, 1999), two_digit_year(25, 2022), two_digit_year(93, None)
    (1993, 2005, 2025, 1993)
    """
    if anchor_year is None:
        return (2000 if yy < 70 else 1900) + yy
    return 2000 + yy if 2000 + yy <= anchor_year + 10 else 1900 + yy


def _near_year(month: int, day: int | None, a, chosen: int, weak: bool) -> int:
    """A year-less date a past tense put in the year before the anchor's ("le défilé du 9 mai"
    in an article of 5 May): keep the anchor's year when that date lies just after the
    anchor (within four months) and the past reading is eight months or more away — only
    for a weak past (an imperfect: "devait se tenir en juin" still points ahead; a date
    on a noun: "le défilé du 9 mai a été maintenu"). A past tense on the date itself is
    not relaxed ("Le 21 juin, il a signé", in an article of 27 May, is the year before),
    nor is a future tense."""
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
    ahead = _valid_day(ay, month, day or 15) and _dt.date(ay, month, day or 15) >= anchor
    if weak and near is not None and far is not None and ahead and near <= 122 and far >= 240:
        return ay
    return chosen


def _weekday_year(month: int, day: int, weekday: int, chosen: int) -> int:
    """"vendredi 22 janvier": among the chosen year and the years just before and after, the
    one where that day is that weekday, when exactly one is; else the chosen year."""
    fits = [y for y in (chosen, chosen - 1, chosen + 1)
            if _valid_day(y, month, day) and _dt.date(y, month, day).weekday() == weekday]
    return fits[0] if len(fits) == 1 else chosen


def _weekend_saturday(base: _dt.date, offset: int, direction: str | None) -> _dt.date:
    """Saturday of the weekend meant by "ce week-end" (offset 0), "le week-end dernier" (-1)
    or "le week-end prochain" (1) in a text of day ``base``.

    On a Saturday or Sunday "ce week-end" is the current one. On a weekday it is the weekend
    just past for a past tense, the coming one for a present or future tense, and without a
    tense the past one early in the week (Monday, Tuesday) and the coming one later. "Dernier" is the weekend
    before the current week's (or before the current weekend); "prochain" the next one to come.
    """
    wd = base.weekday()
    past = base - _dt.timedelta(days=wd + 2) if wd < 5 else base - _dt.timedelta(days=wd - 5)
    if offset < 0:
        return past - _dt.timedelta(days=7) if wd >= 5 else past
    coming = base + _dt.timedelta(days=5 - wd) if wd < 5 else base + _dt.timedelta(days=12 - wd)
    if offset > 0:
        return coming
    if wd >= 5:
        return past
    if direction == "past" or (direction is None and wd <= 1):
        return past
    return coming


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
    if c.range_start is not None:  # the second date of a range: never before the first
        r = _resolve_one(c, a, tense)
        start = _resolve_one(c.range_start, a, tense)
        return _not_before(r, start, c, a, tense)
    r = _resolve_one(c, a, tense)
    if r is None:
        return None
    if c.range_end is not None:
        e = _not_before(_resolve_one(c.range_end, a, tense), r, c.range_end, a, tense)
        if e is None:
            return None
        r.end_value = e.value
        r.anchor_used = r.anchor_used or e.anchor_used
        r.rule = "range" if c.rule == "range" else c.rule
        r.kind = "range"
    return r


def _not_before(end: Resolved | None, start: Resolved | None, c: Candidate, a, tense) -> Resolved | None:
    """``end`` again in the start's year (or the next) when a year-less end came out before it
    ("du 30 décembre au 2 janvier": the end is in the year after the start)."""
    if end is None or start is None or c.year is not None or c.kind != "abs" or c.month is None:
        return end
    m = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$", start.value)
    if m is None or not re.match(r"^\d{4}", end.value) or end.value >= start.value[:len(end.value)]:
        return end
    sy, sm, sd = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    year = sy if (c.month, c.day or 0) >= (sm, sd) else sy + 1
    later = _resolve_one(replace(c, year=year, yy=None), a, tense)
    if later is None:
        return end
    later.rule, later.kind, later.anchor_used = end.rule, end.kind, end.anchor_used
    return later


def _resolve_one(c: Candidate, a, tense: str | None) -> Resolved | None:
    ay, am, ad = a
    weak = tense == "weak_past"  # an imperfect, or a past reached through a noun (see _near_year)
    if weak:
        tense = "past"
    direction = c.mod if c.mod in ("past", "future") else tense
    rule = c.rule
    if c.kind == "abs" and c.year is None and c.yy is not None:  # "le 10 novembre 93"
        c = replace(c, year=two_digit_year(c.yy, ay))
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
                y = _near_year(c.month, c.day, a, y, weak)
            if y is not None and c.day is not None and c.weekday is not None:
                y = _weekday_year(c.month, c.day, c.weekday, y)
        if y is not None and c.day is not None and not _valid_day(y, c.month, c.day):
            y = None
        prec = "day" if c.day is not None else "month"
        return Resolved(_fmt(y, c.month, c.day), prec, rule, y is not None, "relative")
    if c.kind == "season":
        if c.mod == "generic":  # "les mois d'été": no particular year
            return Resolved(f"XXXX-{c.season}", "season", rule, False, "relative")
        if c.year is not None:
            return Resolved(f"{c.year:04d}-{c.season}", "season", rule, False, "date")
        y = _year_for(c.month or 1, None, a, direction, strict=c.mod in ("past", "future"))
        return Resolved(f"{_fmt(y)}-{c.season}", "season", rule, y is not None, "relative")
    if c.kind == "yearpart":
        return _year_part(c, a, direction, rule)
    if c.kind == "nthday":
        return _nth_day(c, a, direction, rule)
    if c.kind == "easter":  # "Pâques", "le lundi de Pentecôte": counted from Easter Sunday of the year
        from .holidays import easter_sunday

        y = c.year if c.year is not None else _year_for(4, None, a, direction, strict=False)
        if y is None:
            return Resolved("XXXX-XX-XX", "day", rule, False, "relative")
        day = easter_sunday(y) + _dt.timedelta(days=c.offset)
        return Resolved(day.isoformat(), "day", rule, c.year is None, "date" if c.year is not None else "relative")
    if c.kind == "academic":  # "la saison dernière": the season or school year before the current one
        from .academic import start_month

        if ay is None or am is None:
            return Resolved("XXXX", "year", rule, False, "relative")
        y = (ay if am >= start_month() else ay - 1) + c.offset
        return Resolved(f"{y:04d}", "year", rule, True, "relative", end_value=f"{y + 1:04d}")
    if c.kind == "decade":
        return Resolved(c.decade, "decade", rule, False, "date")
    if c.kind == "century":
        return Resolved(c.decade, "century", rule, False, "date")
    if c.kind == "weekday":
        if ad is None:  # TimeML: an unresolved weekday is "some Thursday"
            return Resolved(f"XXXX-WXX-{c.weekday + 1}", "day", "weekday_unresolved", False, "relative")
        base = _dt.date(ay, am, ad)
        wd = base.weekday()
        if c.mod == "this":
            date, rule = base + _dt.timedelta(days=c.weekday - wd), "weekday_this"
        elif direction == "past":
            # "a levé lundi son veto" in an article of Monday: that very day; "lundi dernier": a week before
            back = (wd - c.weekday) % 7 or (7 if c.mod == "past" else 0)
            date, rule = base - _dt.timedelta(days=back), "weekday_past"
        elif direction == "future":
            # "attendu mardi dans la soirée" in an article of Tuesday: that very day; "mardi prochain": a week on
            ahead = (c.weekday - wd) % 7 or (7 if c.mod == "future" else 0)
            date, rule = base + _dt.timedelta(days=ahead), "weekday_future"
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
        if weekend and c.mod == "bare" and direction not in ("past", "future"):
            return None  # "le week-end" in the present: a habit, not a date
        if weekend and ad is not None:
            return Resolved(_week(_weekend_saturday(_dt.date(ay, am, ad), c.offset, direction), True), "week",
                            rule, True, "relative")
        if ad is not None:
            date = _dt.date(ay, am, ad) + _dt.timedelta(days=7 * c.offset)
            return Resolved(_week(date, weekend), "week", rule, True, "relative")
        return Resolved("XXXX-WXX" + ("-WE" if weekend else ""), "week", rule, False, "relative")
    if c.mod == "same_day" and ad is not None and c.kind in ("relmonth", "relyear"):
        # "il y a un an jour pour jour": that very day, N months or years from the anchor
        y, m = _add_months(ay, am, c.offset * (12 if c.kind == "relyear" else 1))
        day = min(ad, calendar.monthrange(y, m)[1])
        return Resolved(_dt.date(y, m, day).isoformat(), "day", rule, True, "relative")
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


def _year_part(c: Candidate, a, direction: str | None, rule: str) -> Resolved:
    """A quarter or half ("le premier trimestre 2024" -> 2024-Q1; "le trimestre dernier" -> the
    one before the publication date's). ``c.season`` holds the letter and number (``Q1``), or
    only the letter for a relative one, whose ``unit`` gives how many make a year (``Q4``)."""
    ay, am, _ = a
    if c.unit:  # "le trimestre dernier", "ce semestre"
        count = int(c.unit[1:])
        if ay is None or am is None:
            return Resolved(f"{_fmt(ay)}-{c.season}X", "quarter", rule, ay is not None, "relative")
        k = (am - 1) // (12 // count) + c.offset
        return Resolved(f"{ay + k // count:04d}-{c.season}{k % count + 1}", "quarter", rule, True, "relative")
    if c.year is not None:
        return Resolved(f"{c.year:04d}-{c.season}", "quarter", rule, False, "date")
    if c.year_offset is not None:
        y = ay + c.year_offset if ay is not None else None
    else:
        y = _year_for(c.month, None, a, direction, strict=False)
    return Resolved(f"{_fmt(y)}-{c.season}", "quarter", rule, y is not None, "relative")


def _nth_day(c: Candidate, a, direction: str | None, rule: str) -> Resolved | None:
    """The n-th weekday of a month or season ("le premier dimanche du printemps")."""
    from .yearparts import nth_weekday  # yearparts imports the patterns, which need this module's callers

    y = c.year if c.year is not None else _year_for(c.month, None, a, direction, strict=False)
    if y is None:
        return Resolved(f"XXXX-{c.season}" if c.season else f"XXXX-{c.month:02d}", "season" if c.season else "month",
                        rule, False, "relative")
    day = nth_weekday(y, c.weekday, c.day, month=None if c.season else c.month, season=c.season)
    if day is None:
        return None
    return Resolved(day.isoformat(), "day", rule, c.year is None, "date" if c.year is not None else "relative")
