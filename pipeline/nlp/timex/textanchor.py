"""Anchors taken from the text itself: the date an expression is counted from when TimeML
says it is not the publication date.

* Anaphoric expressions (rule ``anaphoric`` of :mod:`pipeline.nlp.timex.periods`: "le
  lendemain", "la veille", "le même jour", "deux jours plus tard"...) count from the most
  recent full date (a day value without ``X``) the text mentioned before them, in the same
  or an earlier sentence — whatever gave that date ("jeudi", "le 3 mars 2022", another
  "lendemain"). Only when the text has none before them is the publication date used.
* A bare weekday that cannot be placed otherwise ("dimanche soir") is the date written just
  before with that weekday ("dimanche 15 août", same or previous sentence), even when that
  date lacks its year (``XXXX-08-15``).
* A document without any publication date ("narrative" text): a weekday or a year-less
  date ("vendredi 22 janvier", "lundi", "en mars") is read against the most recent date
  written with its year ("le 23 janvier 2021") in the same or the previous sentence, or,
  when none precedes there, the first one in the same or the next sentence. Without one,
  nothing is inferred (``XXXX-WXX-5``, ``XXXX-01-22``): a date further away may belong to
  another story.

The record's ``anchor`` column then holds the text date used and its rule ends in ``_text``.

>>> previous_day([{"start_char": 0, "value": "2022-03-03"}, {"start_char": 9, "value": "XXXX-03-04"}], 20)
'2022-03-03'
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from .timeml import date_part

__all__ = ["previous_day", "in_quotation", "quoted_day", "previous_yearless_day", "shift_yearless", "previous_period", "sentence_year_date", "is_anaphoric", "narrative_dependent", "nearby_day", "same_weekday", "text_anchor_for",
           "weekday_year", "written_dates"]

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_anaphoric(c) -> bool:
    """True for "le lendemain", "la veille", "deux jours plus tard"..."""
    return c.rule == "anaphoric"


def narrative_dependent(c) -> bool:
    """True when a text date may stand in for a missing publication date (weekdays, year-less dates)."""
    if c.kind == "weekday":
        return True
    return c.kind in ("abs", "season") and c.year is None and c.yy is None and c.month is not None \
        and c.year_offset is None and c.mod != "generic"


def previous_day(records: list[dict[str, Any]], start_char: int) -> str | None:
    """Value of the last record that starts before ``start_char`` with a full day value (the
    day of a TIME: "hier soir" gives its day)."""
    for rec in reversed(records):
        day = date_part(rec["value"])
        if rec["start_char"] < start_char and _DAY_VALUE.match(day):
            return day
    return None


def previous_yearless_day(records: list[dict[str, Any]], start_char: int) -> str | None:
    """The day (``XXXX-MM-DD``) of the last record before ``start_char`` when it is a day
    without its year and no full day comes after it ("dimanche 11 mai [...] le lendemain" in an
    undated text); None otherwise."""
    for rec in reversed(records):
        if rec["start_char"] >= start_char or rec.get("type") not in ("DATE", "TIME"):
            continue
        day = date_part(rec["value"])
        if _DAY_VALUE.match(day):
            return None
        if re.match(r"^XXXX-\d{2}-\d{2}$", day):
            return day
    return None


def shift_yearless(day: str, resolve_at) -> str | None:
    """``resolve_at(anchor)`` for a year-less day ``XXXX-MM-DD``: resolved in a stand-in year
    (2001, or the leap year 2000 for 29 February) and written back without the year; None when
    the result leaves that year or has no day.

    >>> shift_yearless("XXXX-05-11", lambda a: a[:8] + "12")
    'XXXX-05-12'
    >>> shift_yearless("XXXX-12-31", lambda a: "2002-01-01") is None
    True
    """
    year = "2000" if day.endswith("-02-29") else "2001"
    value = resolve_at(year + day[4:])
    if not value or not value.startswith(year + "-") or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    return "XXXX" + value[4:]


def in_quotation(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a quotation opened earlier in its paragraph (« », “ ” or
    straight double quotes).

    >>> in_quotation('Il a dit : « Aujourd’hui, nous signons »', 12), in_quotation('Il a dit « non ». Aujourd’hui', 20)
    (True, False)
    >>> in_quotation('"Aujourd’hui, les dirigeants ont approuvé', 1)
    True
    """
    par = text[text.rfind("\n", 0, pos) + 1:pos]
    return (par.count("«") > par.count("»") or par.count("“") > par.count("”")
            or par.count('"') % 2 == 1)


def quoted_day(records: list[dict[str, Any]], sid: int, anchor: str | None) -> str | None:
    """The day a quoted "aujourd'hui" (in sentence ``sid``) names: the last day written before
    it, in the same or one of the :data:`WEEKDAY_WINDOW` previous sentences, when that day is
    before the publication day or there is none ("mardi 24 novembre [...] « ce qu'il s'est
    passé aujourd'hui »": the speaker's day); None otherwise."""
    for rec in reversed(records):
        if rec["sentence_id"] < sid - WEEKDAY_WINDOW:
            return None
        if rec.get("type") not in ("DATE", "TIME"):
            continue
        day = date_part(rec["value"])
        if _DAY_VALUE.match(day):
            return day if anchor is None or (len(anchor) == 10 and day < anchor) else None
        if _PARTIAL_DAY.match(day):
            return day if anchor is None else None
    return None


_KNOWN_PREFIX = re.compile(r"^\d{4}(?:-\d{2})?")


def previous_period(records: list[dict[str, Any]], start_char: int, width: int) -> str | None:
    """The year (``width`` 4) or year and month (7) of the last record before ``start_char``
    that knows them ("en 1998 [...] cette année-là" -> ``1998``); None when there is none."""
    for rec in reversed(records):
        if rec["start_char"] >= start_char or rec.get("type") not in ("DATE", "TIME"):
            continue
        m = _KNOWN_PREFIX.match(date_part(rec["value"]))
        if m and len(m.group(0)) >= width:
            return m.group(0)[:width]
    return None


def sentence_year_date(c, sid: int, explicit: list[tuple[int, int, str]]) -> str | None:
    """The date written with its year earlier in the same sentence, when ``c`` is a day and
    month without a year ("le 24 février 2022, [...] puis le 3 mars" -> 3 March 2022, "le 3
    mars 2022, [...] le 24 février, la guerre avait commencé" -> 24 February 2022, whatever
    the publication date); None otherwise. The year-less date is then resolved against that
    date without tense: the nearest such day to it."""
    if not (c.kind == "abs" and c.day is not None and narrative_dependent(c) and not c.in_range and c.mod is None):
        return None
    before = [v for s, k, v in explicit if s < c.start and k == sid]
    if not before:
        return None
    return before[-1]


def text_anchor_for(c, sid: int, records: list[dict[str, Any]], explicit: list[tuple[int, int, str]],
                    anchor: str | None) -> str | None:
    """The text date ``c`` (in sentence ``sid``) is resolved against, or None to use the
    publication anchor.

    ``records`` are the records made so far (text order); ``explicit`` the (start, sentence,
    value) of the dates written with their year, in text order; ``anchor`` the publication date.
    """
    if is_anaphoric(c) and c.kind in ("relyear", "relmonth"):
        # "cette année-là", "deux ans plus tard" after "en 2019": counted from the year (month) last written
        return previous_period(records, c.start, 4 if c.kind == "relyear" else 7)
    if is_anaphoric(c):
        return previous_day(records, c.start)
    if anchor is None and explicit and narrative_dependent(c):
        before = [v for s, k, v in explicit if s < c.start and sid - 1 <= k <= sid]
        if before:
            return before[-1]
        after = [v for s, k, v in explicit if s > c.start and sid <= k <= sid + 1]
        return after[0] if after else None
    return None


def written_dates(items, sentence_ids: list[int]) -> list[tuple[int, int, str]]:
    """(start, sentence, value) of the full dates written with their year ("le 23 janvier
    2021"), in text order; ``sentence_ids`` gives the sentence of each item."""
    from .anchors import resolve

    out = []
    for (c, _span, _tense), sid in zip(items, sentence_ids):
        if c.kind == "abs" and c.year is not None and c.month is not None and c.day is not None:
            r = resolve(c)
            if r is not None and _DAY_VALUE.match(r.value):
                out.append((c.start, sid, r.value))
    return out


_PARTIAL_DAY = re.compile(r"^[\dX]{4}-\d{2}-\d{2}$")


def _next_day(day: str) -> str:
    """The day after ``day`` (``YYYY-MM-DD``, the year possibly ``XXXX``: read as a leap year)."""
    y = day[:4]
    d = _dt.date(int(y) if y.isdigit() else 2000, int(day[5:7]), int(day[8:10])) + _dt.timedelta(days=1)
    return (y if y.isdigit() and d.year == int(y) else (str(d.year) if y.isdigit() else y)) + d.isoformat()[4:]


#: how many sentences back a bare weekday looks for the date it names (:func:`same_weekday`)
WEEKDAY_WINDOW = 3


def same_weekday(c, sid: int, records: list[dict[str, Any]], weekdays: list[int | None], resolved):
    """``resolved`` (an unplaced weekday) again as the date written before with the same
    weekday, in the same or one of the :data:`WEEKDAY_WINDOW` previous sentences, when no
    date written with another weekday comes between them; else ``resolved`` unchanged."""
    if c.kind != "weekday" or c.mod is not None:
        return resolved
    for rec, wd in zip(reversed(records), reversed(weekdays)):
        if rec["sentence_id"] < sid - WEEKDAY_WINDOW:
            break
        day = date_part(rec["value"])  # the day of a TIME ("dimanche 15 août au soir")
        if (wd is not None and rec.get("rule", "").startswith("night_range") and (wd + 1) % 7 == c.weekday
                and _PARTIAL_DAY.match(day)):
            day = _next_day(day)  # "la nuit du mercredi 23 à jeudi 24 [...] jeudi": the second day
            wd = c.weekday
        if wd == c.weekday and _PARTIAL_DAY.match(day):
            anchor = day if _DAY_VALUE.match(day) else ""
            resolved.value, resolved.rule, resolved.anchor = day, "weekday_same_text", anchor
            return resolved
        if wd is not None:
            break  # another weekday was written in between: that one is the story's day now
    return resolved


def nearby_day(records: list[dict[str, Any]], weekdays: list[int | None], start_char: int) -> str | None:
    """The full day (``YYYY-MM-DD``, the day of a TIME) of the last record before
    ``start_char`` that was written with its weekday ("mercredi 10 juillet": news name the
    weekday of the days around their publication); None when there is none. ``weekdays``
    holds the weekday written with each record (None when none was). A weekday that the
    publication date cannot place (the article is dated to the month only) is counted from
    that day ("mercredi 10 juillet, [...] il avait confirmé dès mardi soir" -> 9 July)."""
    for rec, wd in zip(reversed(records), reversed(weekdays)):
        if wd is None or rec["start_char"] >= start_char or rec.get("type") not in ("DATE", "TIME"):
            continue
        day = date_part(rec["value"])
        if _DAY_VALUE.match(day):
            return day
    return None


#: how far from the years written in a document without a publication date a weekday-dated
#: day may fall (:func:`weekday_year`)
YEAR_MARGIN = 1
#: the years must be at least two and this close: one year alone is often a date of history
#: ("l'OTAN, fondée en 1949"), years far apart do not place the text
YEAR_SPAN = 3


def weekday_year(c, years: list[int]) -> str | None:
    """In a document without a publication date, the day of "vendredi 9 janvier" (a weekday
    with a day and month, no year) in the only year from one before the first year written in
    the text to one after the last that has that weekday on that day; None when none or
    several do, or when the text writes fewer than two years or years more than
    :data:`YEAR_SPAN` apart.

    >>> from pipeline.nlp.timex.candidate import Candidate
    >>> weekday_year(Candidate(0, 1, "day_month", "abs", None, 1, 9, weekday=4), [2024, 2025])
    '2026-01-09'
    >>> weekday_year(Candidate(0, 1, "day_month", "abs", None, 1, 9, weekday=4), [2025])
    """
    if len(years) < 2 or max(years) - min(years) > YEAR_SPAN or c.kind != "abs" or c.year is not None or c.day is None or c.month is None or c.weekday is None:
        return None
    fits = []
    for y in range(min(years) - YEAR_MARGIN, max(years) + YEAR_MARGIN + 1):
        try:
            if _dt.date(y, c.month, c.day).weekday() == c.weekday:
                fits.append(y)
        except ValueError:
            continue
    return f"{fits[0]:04d}-{c.month:02d}-{c.day:02d}" if len(fits) == 1 else None
