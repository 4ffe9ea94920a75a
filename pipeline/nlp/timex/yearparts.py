"""Parts of a year and days counted inside a period (TimeML DATE values).

* Quarters and halves: "le premier trimestre 2024" -> ``2024-Q1``, "au second semestre" ->
  ``2024-H2`` (the year of the publication date, or the one its tense points to), "le
  troisième trimestre de l'année dernière" -> ``2023-Q3``, "la première moitié de 2023" ->
  ``2023-H1``; "le trimestre dernier" / "ce trimestre" / "le semestre prochain" count from
  the publication date (kind ``yearpart``).
* The n-th weekday of a month or a season: "le premier dimanche du printemps", "le
  deuxième mardi de mars 2025", "le dernier samedi d'octobre" -> a day (kind ``nthday``).
  A season starts on its usual first day (``season_start_days``).
* A fiscal year: "l'exercice 2023" -> ``FY2023`` (TimeML's value for fiscal years).
* "l'année à venir" (P1Y), "les mois à venir" (PXM): a stretch of time ahead, a DURATION
  (with "dans" before it, the older rules make a FUTURE_REF of the whole).
* "tout au long de l'année", "au cours de l'année", "l'année en cours": the year of the
  publication date (the words before "l'année" are signals, outside the expression).

Words are in ``models/timex_fr.yaml`` (section "issue 16: parts of a year").

>>> [(c.kind, c.season, c.year, c.offset) for c in find("au premier trimestre 2024, au second semestre")]
[('yearpart', 'Q1', 2024, 0), ('yearpart', 'H2', None, 0)]
>>> c = find("le premier dimanche du printemps")[0]
>>> c.kind, c.day, c.weekday, c.season
('nthday', 1, 6, 'SP')
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import lru_cache

from .candidate import Candidate
from .patterns import rules
from .timeml import duration_value
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list

__all__ = ["find", "nth_weekday", "season_start"]

_B, _E = r"(?<![\w])", r"(?![\w])"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"


@lru_cache(maxsize=None)
def _rx() -> dict:
    voc = vocabulary()
    R = rules()
    parts = voc["year_parts"]
    ords = {lookup_key(k): int(v) for k, v in voc["period_ordinals"].items()}
    ORD = longest_first(ords)
    UNIT = longest_first(parts)
    MOD = longest_first(R.past_mods | R.future_mods)
    YREL = alternation(voc["year_of_phrases"])
    tail = (r"(?:\s+(?:de\s+l['’](?:année|annee)\s+|de\s+|d['’])?" + _YEAR + r"|\s+(?:de\s+|d['’])?(?P<yrel>" + YREL
            + r"))?")
    WD = longest_first(R.weekday_of)
    MONTHS = longest_first([w for w in R.month_of if w not in R.abbr])
    # all regexes run on the lowercased text (pipeline.nlp.timex.extents.lowered): no IGNORECASE
    SEASONS = longest_first(R.season_of)
    return {
        "ords": ords,
        "weekdays": sorted(R.weekday_of),
        "parts": {lookup_key(k): v for k, v in parts.items()},
        # "le premier trimestre 2024", "au second semestre", "la première moitié de 2023"
        "part": re.compile(_B + r"(?P<ord>" + ORD + r")\s+(?P<unit>" + UNIT + r")" + _E + tail),
        # "le trimestre dernier", "ce semestre", "le trimestre prochain"
        "rel": re.compile(_B + r"(?:(?P<this>ce|cet|cette)\s+(?P<unit2>" + UNIT + r")" + _E
                          + r"|(?P<unit>" + UNIT + r")\s+(?P<mod>" + MOD + r"))" + _E),
        # "le premier dimanche du printemps", "le deuxième mardi de mars 2025": the weekday is
        # found first, then the ordinal before it and the period after it
        "wd": re.compile(_B + r"(?P<wd>" + WD + r")" + _E),
        "nth_before": re.compile(_B + r"(?P<ord>" + ORD + r")\s+$"),
        "nth_after": re.compile(r"\s+(?:(?:du\s+mois\s+)?d(?:e\s+|['’])(?P<month>" + MONTHS
                                + r")|(?:du|de\s+l['’]|de\s+cet?)\s*(?P<season>" + SEASONS + r"))" + _E
                                + r"(?:\s+(?:de\s+)?" + _YEAR + r")?"),
        "fiscal": re.compile(_B + r"(?:" + alternation(word_list("fiscal_year_words")) + r")\s+" + _YEAR),
        "ahead": re.compile(_B + r"(?P<det>l['’]|la\s+|le\s+|les\s+)(?P<unit>" + longest_first(voc["ahead_units"])
                            + r")\s+(?:" + alternation(word_list("ahead_words")) + r")" + _E),
        "ahead_blocker": re.compile(r"(?:" + alternation(word_list("ahead_blockers_before")) + r")\s*$"),
        "whole_year": re.compile(_B + r"(?:(?P<open>" + alternation(word_list("whole_year_openers"))
                                 + r")\s+de\s+)?(?P<y>l['’](?:année|annee)(?:\s+en\s+cours)?)" + _E
                                 + r"(?!\s+(?:19|20)\d\d)(?!\s+(?:" + alternation(word_list("whole_year_blockers_after"))
                                 + r")(?![\w]))"),
    }


class _Nth:
    """The three matches of an n-th weekday read as one ("premier" + "dimanche" + "du printemps")."""

    def __init__(self, o, w, a):
        self._ms = (o, w, a)

    def start(self) -> int:
        return self._ms[0].start()

    def end(self) -> int:
        return self._ms[2].end()

    def group(self, name: str):
        for m in self._ms:
            if name in m.re.groupindex:
                return m.group(name)
        raise KeyError(name)


def season_start(year: int, code: str) -> _dt.date:
    """First day of a season (``season_start_days`` of the vocabulary: 20 March for spring...)."""
    md = vocabulary()["season_start_days"][code]
    return _dt.date(year, int(md[:2]), int(md[3:]))


def nth_weekday(year: int, weekday: int, n: int, month: int | None = None, season: str | None = None) -> _dt.date | None:
    """The ``n``-th ``weekday`` (0 Monday) of a month or a season of ``year`` (``n`` = -1: the
    last one of the month); None when there is no such day.

    >>> nth_weekday(2024, 6, 1, season="SP"), nth_weekday(2025, 1, 2, month=3), nth_weekday(2024, 5, -1, month=10)
    (datetime.date(2024, 3, 24), datetime.date(2025, 3, 11), datetime.date(2024, 10, 26))
    """
    if month is not None:
        if n < 0:
            last = _dt.date(year, month, calendar.monthrange(year, month)[1])
            return last - _dt.timedelta(days=(last.weekday() - weekday) % 7)
        first = _dt.date(year, month, 1)
        day = first + _dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        return day if day.month == month else None
    if season is None or n < 1:
        return None
    start = season_start(year, season)
    return start + _dt.timedelta(days=(weekday - start.weekday()) % 7 + 7 * (n - 1))


def find(text: str, low: str | None = None) -> list[Candidate]:
    """Candidates of the classes above in ``text`` (they may overlap others; the longest wins)."""
    X, R = _rx(), rules()
    low = low if low is not None else text.lower()
    out: list[Candidate] = []
    if "trimestre" in low or "semestre" in low or "moiti" in low:
        for m in X["part"].finditer(low):
            n = X["ords"][lookup_key(m.group("ord"))]
            unit = X["parts"][lookup_key(m.group("unit"))]
            letter, count = unit[0], int(unit[1:])
            if "moiti" in m.group("unit").lower() and not (m.group("year") or m.group("yrel")):
                continue  # "la première moitié du match": a half of something else
            n = count if n < 0 else n
            if not 1 <= n <= count:
                continue
            c = Candidate(m.start(), m.end(), "year_part", "yearpart", int(m.group("year")) if m.group("year") else None,
                          season=f"{letter}{n}", month=(n - 1) * (12 // count) + 1)
            if m.group("yrel"):
                c.year_offset = R.year_offset(m.group("yrel"))
            out.append(c)
        for m in X["rel"].finditer(low):
            unit = X["parts"][lookup_key(m.group("unit") or m.group("unit2"))]
            mod = R.mod(m.group("mod"))
            out.append(Candidate(m.start(), m.end(), "year_part_relative", "yearpart", season=unit[0],
                                 offset={"past": -1, "future": 1}.get(mod or "", 0), unit=unit))
    if "exercice" in low:
        for m in X["fiscal"].finditer(low):
            out.append(Candidate(m.start(), m.end(), "fiscal_year", "fixed", fixed=f"FY{m.group('year')}"))
    for w in X["wd"].finditer(low) if any(w in low for w in X["weekdays"]) else ():
        o = X["nth_before"].search(low, max(0, w.start() - 14), w.start())
        a = X["nth_after"].match(low, w.end()) if o else None
        if a is None:
            continue
        m = _Nth(o, w, a)
        n = X["ords"][lookup_key(m.group("ord"))]
        if n < 0 and m.group("season"):
            continue
        c = Candidate(m.start(), m.end(), "nth_weekday", "nthday", int(m.group("year")) if m.group("year") else None,
                      day=n, weekday=R.weekday_of[lookup_key(m.group("wd"))])
        if m.group("month"):
            c.month = R.month_of[lookup_key(m.group("month"))]
        else:
            c.season = R.season_of[lookup_key(m.group("season"))]
            c.month = int(vocabulary()["season_start_days"][c.season][:2])
        out.append(c)
    if "venir" in low:
        units = {lookup_key(k): v for k, v in vocabulary()["ahead_units"].items()}
        for m in X["ahead"].finditer(low):
            plural = lookup_key(m.group("det")).strip() == "les"
            if plural and X["ahead_blocker"].search(low[max(0, m.start() - 12):m.start()]):
                continue  # "dans les mois à venir": a FUTURE_REF of the older rules
            unit = units[lookup_key(m.group("unit"))]
            out.append(Candidate(m.start(), m.end(), "duration_ahead", "fixed", ttype="DURATION",
                                 fixed=duration_value(None if plural else 1, unit)))
    if "l'ann" in low or "l’ann" in low:
        for m in X["whole_year"].finditer(low):
            if not (m.group("open") or "cours" in m.group("y").lower()):
                continue
            out.append(Candidate(m.start("y"), m.end("y"), "whole_year", "relyear", offset=0, unit="year"))
    return out
