"""Resolve a candidate against an anchor: a publication day, month, year or interval of days.

:func:`resolve` is the entry point (``"2022-02-24"``, ``"2022-02"``, ``"2022"``, an ISO 8601
interval ``"2022-02-24/2022-02-28"`` or None). A publication date known only to the month
or the year covers a period of days (:func:`anchor_period`); :func:`resolve_in_interval`
resolves an anchor-dependent candidate against every feasible day and keeps a day value
only when all agree (rule suffix ``_interval``).

>>> from .candidates import find_candidates
>>> c = find_candidates("hier")[0]
>>> resolve(c, "2022-02-25").value, resolve(c, "2022-02").value
('2022-02-24', 'XXXX-XX-XX')
>>> r = resolve(c, "2022-02-27/2022-02-27")
>>> r.value, r.rule, r.anchor
('2022-02-26', 'relative_day_interval', '2022-02-27/2022-02-27')
>>> anchor_dependent(c), anchor_dependent(find_candidates("le 3 mars 2022")[0])
(True, False)
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections import Counter
from dataclasses import replace

from .candidates import Candidate
from .values import Resolved, iso_date, parse_anchor, resolve_parsed
from .vocabulary import vocabulary

# A publication date known only to the month ("2022-02") or the year ("2022") says that
# the article was written on some day of a period. Each anchor-dependent expression
# ("jeudi", "hier", "la semaine dernière") is resolved against every feasible day; a
# day-precision value is kept only when all of them agree (consensus), otherwise the
# expression keeps its unknown parts (``2022-02-XX``; ``XXXX-WXX-4`` for a weekday).
# Evidence in the text can raise the
# first feasible day: a landmark event of ``models/dated_events.yaml`` that the text
# reports as having happened (:func:`~pipeline.nlp.timex.landmarks.event_evidence`), or (in :mod:`pipeline.nlp.timex.component`) an
# explicit date in an asserted past-tense clause. Nothing narrows the period from above,
# and nothing ever creates an anchor where there is none.
_INTERVAL_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})\s*$")


def resolve(c: Candidate, anchor: str | None = None, tense: str | None = None) -> Resolved | None:
    """TIMEX3 value of a candidate; None when the text names an impossible date (31/02).

    ``anchor`` may also be an ISO 8601 interval of days, ``"2022-02-24/2022-02-28"``: the
    publication day is known to lie in it, and :func:`resolve_in_interval` decides.
    """
    if isinstance(anchor, str) and "/" in anchor:
        iv = parse_interval(anchor)
        if iv is not None:
            return resolve_in_interval(c, iv[0], iv[1], tense)
    return resolve_parsed(c, parse_anchor(anchor), tense)


def parse_interval(anchor: str | None) -> tuple[_dt.date, _dt.date] | None:
    """``"2022-02-24/2022-02-28"`` -> (date(2022, 2, 24), date(2022, 2, 28)); anything else -> None."""
    if not isinstance(anchor, str):
        return None
    m = _INTERVAL_RE.match(anchor)
    if not m:
        return None
    lo, hi = iso_date(m.group(1)), iso_date(m.group(2))
    if lo is None or hi is None or lo > hi:
        return None
    return lo, hi


def format_interval(lo: _dt.date, hi: _dt.date) -> str:
    """ISO 8601 interval of two days: ``2022-02-24/2022-02-28``."""
    return f"{lo.isoformat()}/{hi.isoformat()}"


def anchor_period(anchor: str | None) -> tuple[_dt.date, _dt.date] | None:
    """The days an anchor of month or year precision covers; None for a day anchor or none.

    >>> anchor_period("2022-02")
    (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
    >>> anchor_period("2022-02-24") is None, anchor_period(None) is None
    (True, True)
    """
    if isinstance(anchor, str) and "/" in anchor:
        return None
    y, m, d = parse_anchor(anchor)
    if y is None or d is not None:
        return None
    if m is None:
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    return _dt.date(y, m, 1), _dt.date(y, m, calendar.monthrange(y, m)[1])


def max_interval_days() -> int:
    """Longest interval (in days) over which a consensus is attempted (``interval_max_days``)."""
    return int(vocabulary().get("interval_max_days", 31))


def _coarse_anchor(lo: _dt.date, hi: _dt.date) -> str | None:
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo.year == hi.year:
        return f"{lo.year:04d}"
    return None


def anchor_dependent(c: Candidate) -> bool:
    """True when the value of ``c`` may depend on the anchor (weekdays, "hier", "en octobre"...)."""
    if c.range_end is not None and anchor_dependent(c.range_end):
        return True
    if c.kind in ("decade", "fixed"):
        return False
    if c.kind in ("abs", "season", "yearpart", "nthday", "easter") and c.year is not None:
        return False
    return True


_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(T.*)?$")
_WEEKDAY_BASE = re.compile(r"^XXXX-WXX-[1-7]")  # a weekday: stays "some Thursday" (CODEBOOK)
_WEEK_VALUE = re.compile(r"^(\d{4})-W\d\d(-\w+)?$")


def shared_value(base: str, values: list[str]) -> str:
    """``base`` (the value with unknown parts, ``XXXX-XX-XX``, ``XXXX-WXX-7``, ``XXXX-WXX``)
    with the year, and for a day the month, that most feasible values (more than half of
    the feasible publication days) give filled in.

    The feasible publication days disagree on the day, but an article of October 2018 says
    "hier" about some day of October 2018 (only on the 1st would it be 30 September): the
    value is ``2018-10-XX``; a week ``2023-WXX``, a weekend ``2022-WXX-WE`` (the convention of
    the real articles' gold). A weekday that cannot be placed stays ``XXXX-WXX-N`` (CODEBOOK:
    "some Thursday"); a value of another shape is left as it is.

    >>> shared_value("XXXX-XX-XX", ["2018-09-30", "2018-10-01", "2018-10-30"])
    '2018-10-XX'
    >>> shared_value("XXXX-XX-XX", ["2018-09-30", "2018-10-30"])
    '2018-XX-XX'
    >>> shared_value("XXXX-WXX-7", ["2018-10-07", "2018-10-28"]), shared_value("XXXX-WXX", ["2023-W36", "2023-W39"])
    ('XXXX-WXX-7', '2023-WXX')
    >>> shared_value("XXXX-WXX-WE", ["2022-W39-WE", "2022-W40-WE"]), shared_value("XXXX-WXX", ["2022-W52", "2023-W01"])
    ('2022-WXX-WE', 'XXXX-WXX')
    """
    if not base.startswith("XXXX") or not values or _WEEKDAY_BASE.match(base):
        return base
    days = [_DAY_VALUE.match(v) for v in values]
    weeks = [_WEEK_VALUE.match(v) for v in values]
    if all(days):
        parts = [(m.group(1), m.group(2)) for m in days]
    elif all(weeks):
        parts = [(m.group(1), "") for m in weeks]
    else:
        return base
    year, n_year = Counter(y for y, _ in parts).most_common(1)[0]
    if 2 * n_year <= len(parts):
        return base
    month, n_month = Counter(parts).most_common(1)[0]
    if base.startswith("XXXX-XX-XX") and month[1] and 2 * n_month > len(parts):
        return f"{year}-{month[1]}-XX" + base[len("XXXX-XX-XX"):]
    if base.startswith("XXXX-XX-XX") or base.startswith("XXXX-WXX"):
        return year + base[4:]
    return base


def resolve_in_interval(c: Candidate, lo: _dt.date, hi: _dt.date, tense: str | None = None,
                        coarse: str | None = None) -> Resolved | None:
    """Resolve ``c`` when the publication day lies somewhere in [lo, hi].

    ``coarse`` is the anchor to fall back on (default: the month or year shared by lo and
    hi). When every day of the interval gives the same value, that value is returned with
    the rule suffixed ``_interval`` and ``anchor`` set to the interval; when the days
    disagree, or the interval is longer than :func:`max_interval_days`, the value is the
    one the coarse anchor gives (unknown parts stay ``X``).

    >>> from pipeline.nlp.timex.candidates import find_candidates
    >>> c = find_candidates("jeudi")[0]
    >>> r = resolve_in_interval(c, _dt.date(2022, 2, 24), _dt.date(2022, 2, 28), "past")
    >>> r.value, r.rule, r.anchor
    ('2022-02-24', 'weekday_past_interval', '2022-02-24/2022-02-28')
    >>> resolve_in_interval(c, _dt.date(2022, 2, 1), _dt.date(2022, 2, 28), "past").value
    'XXXX-WXX-4'
    """
    if coarse is None:
        coarse = _coarse_anchor(lo, hi)
    base = resolve(c, coarse, tense)
    if base is None or not anchor_dependent(c) or lo > hi:
        return base
    n = (hi - lo).days + 1
    if n > max_interval_days():
        return base
    first: Resolved | None = None
    values: list[str] = []
    agree = True
    for i in range(n):
        day = lo + _dt.timedelta(days=i)
        r = resolve_parsed(c, (day.year, day.month, day.day), tense)
        if r is None:
            return base
        values.append(r.value)
        if first is None:
            first = r
        elif (r.value, r.end_value, r.precision) != (first.value, first.end_value, first.precision):
            agree = False
    assert first is not None
    if not agree:
        shared = shared_value(base.value, values)
        if shared == base.value or base.end_value:
            return base
        return replace(base, value=shared, rule=base.rule + "_partial", anchor_used=True,
                       anchor=format_interval(lo, hi))
    if (first.value, first.end_value) == (base.value, base.end_value):
        return base
    return replace(first, rule=first.rule + "_interval", anchor_used=True, anchor=format_interval(lo, hi))
