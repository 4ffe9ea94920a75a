"""Find French temporal expressions in a text: :class:`Candidate` records, not yet values.

:func:`find_candidates` runs the regexes of :mod:`pipeline.nlp.timex.patterns` over a
string and returns non-overlapping candidates sorted by start (the longest match wins;
"du 8 au 9 juillet" and "entre 2014 et 2022" are ranges of two dates, each its own
candidate, linked by :mod:`pipeline.nlp.timex.ranges`). A candidate holds
what the text says (year, month, day, weekday, offset, modifier...); turning it into a
TIMEX3 value is :func:`pipeline.nlp.timex.anchors.resolve`.

>>> [(c.rule, c.kind, c.month, c.day) for c in find_candidates("Le 24 février, puis hier.")]
[('day_month', 'abs', 2, 24), ('relative_day', 'relday', None, None)]
>>> c = find_candidates("du 8 au 9 juillet 2023")[0]
>>> c.rule, c.day, c.range_end.day, c.end
('range', 8, 9, 4)
>>> find_candidates("200 000 hommes en 2022 dans 2000 villages")[0].year
2022
"""
from __future__ import annotations

import re

from . import academic
from .candidate import Candidate
from .extents import finish as finish_extents
from .extents import lowered, typed_candidates
from .patterns import Rules, rules
from .periods import find_period_candidates
from .ranges import merge_ranges
from .vocabulary import lookup_key

# After a two-digit year: a clock time, a percentage or a decimal ("le 3 mars 15 h").
_NOT_A_YEAR = re.compile(r"\s*(?:h\b|h\d|heures?\b|%|[.,:]\d|[-–])", re.IGNORECASE)

# After "le week-end", "la semaine": the days that name it ("le week-end des 13 et 14 avril").
_DAYS_AFTER = re.compile(r"\s+d(?:es|u)\s+(?:\d|premier\b)", re.IGNORECASE)

# "il y a un an jour pour jour": the same day, a year before (day precision).
_SAME_DAY = re.compile(r"\s*,?\s*jour\s+pour\s+jour(?![\w])", re.IGNORECASE)

_NAMED_BY = re.compile(r"\s+(?:d(?:e|u|es)\s|d['’])", re.IGNORECASE)

# Months used to place a season on the calendar when resolving "cet été", "au printemps".
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def _make(rule: str, m: re.Match, text: str, R: Rules) -> Candidate | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if rule in ("date_iso", "date_numeric"):
        y = g["year"]
        if len(y) == 2:
            if g.get("sep") != "/":
                return None
            y = ("20" if int(y) < 70 else "19") + y
        return Candidate(s, e, rule, "abs", int(y), int(g["month"]), int(g["day"]))
    if rule == "month_iso":
        return Candidate(s, e, rule, "abs", int(g["year"]), int(g["month"]))
    if rule == "year_range":
        c = Candidate(s, e, "year_range", "abs", int(g["year"]))
        c.range_end = Candidate(s, e, "year", "abs", int(g["year2"]))
        return c if c.range_end.year >= c.year else None
    if rule == "date":
        mk = lookup_key(g["month"])
        month = R.month_of[mk]
        year = int(g["year"]) if g.get("year") else None
        if mk in R.abbr and not g["month"].endswith(".") and year is None:
            return None
        yy = None
        if g.get("yy"):
            after = text[m.end():m.end() + 40]
            if _NOT_A_YEAR.match(after) or R.year_after.search(after):
                e = len(text[:m.start("yy")].rstrip())
            else:
                yy = int(g["yy"])
        c = Candidate(s, e, "date_full" if year else "day_month", "abs", year, month, R.day(g["day"]), yy=yy)
        if g.get("wd"):
            c.weekday = R.weekday_of[lookup_key(g["wd"])]
        if g.get("yrel"):
            c.year_offset = R.year_offset(g["yrel"])
        c.mod = R.mod(g.get("mod"))
        return c
    if rule in ("month_year", "month"):
        mk = lookup_key(g["month"])
        c = Candidate(s, e, rule, "abs", int(g["year"]) if g.get("year") else None, R.month_of[mk])
        if g.get("part"):
            c.rule = "part_of_month"
        if rule == "month":
            c.mod = R.mod(g.get("mod"))
            if g.get("yrel"):
                c.year_offset = R.year_offset(g["yrel"])
            if not (g.get("part") or g.get("mois") or c.mod or c.year_offset is not None):
                before = ("\x01" if s > 20 else "") + text[max(0, s - 20):s]
                word = text[m.start("month"):m.end("month")]
                if word[:1].isupper() and not R.sentence_start.search(before):
                    c.guarded = not R.month_strong_trigger.search(before)
                else:
                    c.guarded = not R.month_trigger.search(before) and not R.sentence_start.search(before)
        return c
    if rule == "part_of_year":
        return Candidate(s, e, rule, "abs", int(g["year"]))
    if rule == "part_of_rel":
        unit = R.period_units[lookup_key(g["unit"])]
        mod = R.mod(g.get("mod"))
        kind = {"year": "relyear", "month": "relmonth", "week": "relweek"}[unit]
        return Candidate(s, e, rule, kind, offset={"past": -1, "future": 1}.get(mod or "", 0), unit=unit)
    if rule == "season_year":
        return Candidate(s, e, "season", "season", int(g["year"]), season=R.season_of[lookup_key(g["season"])])
    if rule == "season":
        code = R.season_of[lookup_key(g["season"])]
        c = Candidate(s, e, "season_relative", "season", season=code, month=_SEASON_MONTH[code])
        c.mod = R.mod(g.get("mod")) or ("this" if g.get("this") else None)
        before = text[max(0, s - 25):s]
        if c.mod is None:
            c.guarded = not R.season_trigger.search(before)
        if code == "SU" and R.aux_before.search(before):
            return None
        return c
    if rule == "decade":
        d = g["dec"]
        if len(d) == 2:
            d = ("20" if d in ("00", "10") else "19") + d
        return Candidate(s, e, rule, "decade", decade=d[:3] + "X")
    if rule == "weekday":
        c = Candidate(s, e, "weekday", "weekday", weekday=R.weekday_of[lookup_key(g["wd"])])
        c.mod = "this" if g.get("this") else R.mod(g.get("mod"))
        return c
    if rule == "relative_day":
        return Candidate(s, e, rule, "relday", offset=R.rel_days[lookup_key(g["rd"])])
    if rule == "same_day":
        return Candidate(s, e, "relative_day", "relday", offset=0)
    if rule == "relative_week":
        det = lookup_key(g["det"] or "")
        if _DAYS_AFTER.match(text, e) or (det in ("le", "la") and not g.get("mod") and _NAMED_BY.match(text, e)):
            return None  # "le week-end des 13 et 14 avril", "le week-end de Pâques": what follows says which
        mod = R.mod(g.get("mod"))
        if mod is None and det == "le" and lookup_key(g["unit"]) != "semaine":
            mod = "bare"  # "durant le week-end": a date only in a past or future sentence
        elif mod is None and det not in ("cette", "ce"):
            return None
        if det in ("cette", "la") and lookup_key(g["unit"]) != "semaine":
            return None
        unit = "week" if lookup_key(g["unit"]) == "semaine" else "weekend"
        return Candidate(s, e, "relative_weekend" if unit == "weekend" else rule, "relweek",
                         offset={"past": -1, "future": 1}.get(mod or "", 0), unit=unit,
                         mod="bare" if mod == "bare" else None)
    if rule == "relative_month":
        mod = R.mod(g.get("mod"))
        det = lookup_key(g["det"] or "")
        if mod is None and not (det == "ce"):
            return None
        return Candidate(s, e, rule, "relmonth", offset={"past": -1, "future": 1}.get(mod or "", 0), unit="month")
    if rule == "relative_year":
        mod = R.mod(g.get("mod"))
        return Candidate(s, e, rule, "relyear", offset={"past": -1, "future": 1}.get(mod or "", 0), unit="year")
    if rule in ("ago", "in"):
        n = R.number(g["n"])
        if n is None or n > 500:
            return None
        unit = R.units[lookup_key(g["unit"])]
        kind = {"day": "relday", "week": "relweek", "month": "relmonth", "year": "relyear"}[unit]
        same = _SAME_DAY.match(text, e) if kind in ("relmonth", "relyear") else None
        return Candidate(s, same.end() if same else e, rule, kind, offset=-n if rule == "ago" else n, unit=unit,
                         mod="same_day" if same else None)
    if rule == "year":
        c = Candidate(s, e, rule, "abs", int(g["year"]))
        if R.year_before.search(text[max(0, s - 25):s]) or R.year_after.search(text[e:e + 40]):
            c.guarded = True
        return c
    return None  # pragma: no cover


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def find_candidates(text: str, *, keep_guarded: bool = False, timeml: bool = True) -> list[Candidate]:
    """Non-overlapping candidates in ``text``, sorted by start (longest match wins).

    With ``timeml=False``: calendar dates only, with their older extents (no determiner, no
    part of day joined after a day), as :mod:`pipeline.ingest.pubdate` reads header lines.

    >>> [(c.rule, c.year) for c in find_candidates("entre 2014 et 2022, 200 000 hommes")]
    [('range', 2014), ('year', 2022)]
    """
    if not text:
        return []
    R = rules()
    low = lowered(text)
    found: list[Candidate] = []
    for rule, rx in R.patterns:
        gate = R.gates.get(rule)
        if gate is not None and not any(w in low for w in gate):
            continue  # none of the words this pattern needs is in the text
        fast = R.on_lowercase.get(rule)
        for m in (fast.finditer(low) if fast is not None else rx.finditer(text)):
            if m.end() == m.start():
                continue
            try:
                c = _make(rule, m, text, R)
            except (KeyError, ValueError):
                c = None
            if c is None or (c.guarded and not keep_guarded):
                continue
            found.append(c)
    found.extend(find_period_candidates(text))
    found.extend(academic.find(text))
    if timeml:
        found.extend(typed_candidates(text, low))
    # the longest first; of two equal ones, "la semaine écoulée" as a DURATION (durations.py)
    found.sort(key=lambda c: (-(c.end - c.start), c.start, c.rule != "duration_elapsed"))
    chosen: list[Candidate] = []
    for c in found:
        if not any(_overlaps(c, o) for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    merged = merge_ranges(text, chosen, R)
    return finish_extents(text, merged) if timeml else merged
