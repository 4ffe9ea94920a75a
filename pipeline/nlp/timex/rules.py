"""French temporal expressions -> TIMEX3 values: the pure rules (no spaCy needed).

Two steps, kept apart so that both the spaCy component (:mod:`pipeline.nlp.timex.component`) and a
notebook user can call them:

1. :func:`find_candidates` scans a text with precompiled regular expressions built from
   ``models/timex_fr.yaml`` and returns non-overlapping :class:`Candidate` objects
   (longest match wins; "du 8 au 9 juillet" and "entre 2014 et 2022" are merged into
   ranges). A candidate holds what the text says (year, month, day, weekday, offset...),
   not yet a value.
2. :func:`resolve` turns a candidate into a TIMEX3 value using an optional *anchor*
   (the publication date, ``"2022-02-24"``, ``"2022-02"`` or ``"2022"``) and an optional
   *tense* of the governing verb (``"past"``, ``"present"``, ``"future"``). Parts that
   cannot be known are written ``X`` (``XXXX-07``); nothing is ever invented.
3. Interval anchors: a publication date known only to the month or the year covers a
   period of days (:func:`anchor_period`). :func:`resolve_in_interval` resolves a
   candidate against every feasible day and keeps a day value only when all agree (rule
   suffix ``_interval``, anchor written as an ISO 8601 interval ``2022-02-24/2022-02-28``,
   which :func:`resolve` also accepts). The first feasible day is raised by
   :func:`event_evidence`: landmark events of ``models/dated_events.yaml`` that the text
   reports as past ("depuis l'invasion de l'Ukraine" -> on or after 2022-02-24), counted
   only when dated inside the period and when the sentence is no question and matches no
   guard (negation, conditional, future, modality, speculation). The text-date bound
   that needs a parse is in :mod:`pipeline.nlp.timex.component`.

>>> normalize("le 1er mars 2014")
('2014-03-01', 'day', 'date_full')
>>> normalize("en octobre", anchor="2025-12-03", tense="past")
('2025-10', 'month', 'month')
>>> normalize("hier")
('XXXX-XX-XX', 'day', 'relative_day')
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

PRECISIONS = ("day", "week", "month", "season", "year", "decade")
VALUE_RE = re.compile(r"^[\dX]{4}(-([\dX]{2}(-[\dX]{2})?|W[\dX]{2}(-WE)?|SP|SU|FA|WI))?$")
# Months used to place a season on the calendar when resolving "cet été", "au printemps".
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


# --------------------------------------------------------------------------- vocabulary
VOCABULARY_FILE = "timex_fr.yaml"


def vocabulary() -> dict[str, Any]:
    """The parsed ``models/timex_fr.yaml`` (loaded once)."""
    from ...lexicon import load_lexicon

    return load_lexicon(VOCABULARY_FILE)


def word_list(key: str) -> tuple[str, ...]:
    """The word list ``key`` of ``models/timex_fr.yaml``, in file order (validated)."""
    from ... import lexicon

    return lexicon.word_list(VOCABULARY_FILE, key)


def _key(word: str) -> str:
    """Lookup key of a matched word: lowercase, typographic apostrophe, no dot/hyphen variants."""
    return re.sub(r"\s+", " ", word.lower().replace("’", "'").replace("‑", "-").rstrip("."))


def _wordpat(word: str) -> str:
    out = []
    for ch in word:
        if ch == "'":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append("[-‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words) -> str:
    """The words as a regex alternation, in the order given (no group around it).

    >>> print(alternation(["jusqu'en", "mis à jour"]))
    jusqu['’]en|mis\\s+à\\s+jour
    """
    return "|".join(_wordpat(w) for w in words)


def _alt(words) -> str:
    words = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(_wordpat(w) for w in words) + ")"


class _Rules:
    """Compiled regexes and lookup tables (built once from the vocabulary)."""

    def __init__(self, voc: dict[str, Any]):
        self.month_of: dict[str, int] = {}
        self.abbr: set[str] = set()
        full, abbr = [], []
        for num, names in voc["months"].items():
            for w in names.get("full") or []:
                self.month_of[_key(w)] = int(num)
                full.append(w)
            for w in names.get("abbr") or []:
                self.month_of[_key(w)] = int(num)
                self.abbr.add(_key(w))
                abbr.append(w)
        self.weekday_of = {_key(w): int(n) for n, ws in voc["weekdays"].items() for w in ws}
        self.season_of = {_key(w): code for code, ws in voc["seasons"].items() for w in ws}
        self.day_words = {_key(k): int(v) for k, v in voc["day_words"].items()}
        self.rel_days = {_key(k): int(v) for k, v in voc["relative_days"].items()}
        self.units = {_key(k): v for k, v in voc["units"].items()}
        self.numbers = {_key(k): int(v) for k, v in voc["number_words"].items()}
        self.period_units = {_key(k): v for k, v in voc["period_units"].items()}
        self.past_mods = {_key(w) for w in voc["past_modifiers"]}
        self.future_mods = {_key(w) for w in voc["future_modifiers"]}

        B, E = r"(?<![\w])", r"(?![\w])"
        MF = _alt(full)
        MA = r"(?:" + _alt(abbr) + r"\.?)"
        M = r"(?P<month>" + MF + r"|" + MA + r")"
        MFULL = r"(?P<month>" + MF + r")"
        WD = _alt(self.weekday_of)
        DAYW = _alt(voc["day_words"])
        DAY = r"(?P<day>" + DAYW + r"|[12]\d|3[01]|0?[1-9])"
        YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d])"
        PART = r"(?P<part>" + _alt(voc["parts_of_period"]) + r")"
        PARTSEP = r"(?:\s*[-‑]\s*|\s+)(?:(?:du\s+)?mois\s+d(?:e\s+|['’])|de\s+|d['’])?"
        MOIS = r"(?P<mois>mois\s+d(?:e\s+|['’]))"
        MODS = r"(?P<mod>" + _alt(self.past_mods | self.future_mods) + r")"
        YREL = (r"(?P<yrel>\s+(?:de\s+)?(?:cette\s+année|l['’]ann[ée]e\s+(?:derni[èe]re|pass[ée]e|prochaine)"
                r"|l['’]an\s+(?:dernier|pass[ée]|prochain)))")
        SEASON = r"(?P<season>" + _alt(self.season_of) + r")"
        units_pat = _alt(self.units)
        num_words = [w for w in self.numbers]
        tens = voc.get("tens") or []
        small = [w for w, v in self.numbers.items() if 1 <= v <= 11 and "-" not in w]
        NUMW = (r"(?:" + _alt(tens) + r"(?:[-‑]|\s+et\s+)" + _alt(small) + r"|" + _alt(num_words) + r")")
        NUM = r"(?P<n>\d{1,3}|" + NUMW + r")"
        TOD = r"(?:\s+(?:" + alternation(word_list("time_of_day")) + r"))?"
        F = re.IGNORECASE
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("date_iso", re.compile(r"(?<![\w/.-])(?P<year>(?:19|20)\d{2})(?P<sep>[-/])(?P<month>0[1-9]|1[0-2])"
                                    r"(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?![\d/])(?![^\WT])", F)),
            ("date_numeric", re.compile(r"(?<![\w/.,-])(?P<day>0?[1-9]|[12]\d|3[01])(?P<sep>[/.-])"
                                        r"(?P<month>0?[1-9]|1[0-2])(?P=sep)(?P<year>(?:19|20)\d{2}|\d{2})"
                                        r"(?![\w]|[/.,-]\d)", F)),
            ("month_iso", re.compile(r"(?<![\w/.-])(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])(?![\w]|[-/.]\d)", F)),
            ("year_range", re.compile(r"(?<![\w/.,-])(?P<year>(?:19|20)\d{2})\s*[-–—]\s*(?P<year2>(?:19|20)\d{2})(?![\w]|[.,]\d)", F)),
            ("date", re.compile(r"(?<![\w,./])(?<![^\W\d_][-‑])(?<!\d\s[-‑])(?:(?P<wd>" + WD + r")\s+)?" + DAY + r"\s+" + M
                                + r"(?:\s*,?\s*(?:de\s+l['’]an\s+)?" + YEAR + r"|" + YREL + r"|\s+" + MODS + r")?" + r"(?![\w])", F)),
            ("month_year", re.compile(B + r"(?:" + PART + PARTSEP + r"|" + MOIS + r")?" + M
                                      + r"\s*,?\s*(?:de\s+l['’]année\s+)?" + YEAR, F)),
            ("month", re.compile(B + r"(?:" + PART + PARTSEP + r"|" + MOIS + r")?" + MFULL + E
                                 + r"(?:\s+" + MODS + E + r"|" + YREL + r")?", F)),
            ("part_of_year", re.compile(B + PART + r"(?:\s*[-‑]\s*|\s+)(?:de\s+l['’](?:année|an)\s+|d['’]année\s+)?" + YEAR, F)),
            ("part_of_rel", re.compile(B + PART + r"\s+(?:de\s+l['’]|d['’]|du\s+|de\s+la\s+|de\s+)"
                                       r"(?P<unit>" + alternation(self.period_units) + r")(?:\s+" + MODS + r")?" + E, F)),
            ("season_year", re.compile(B + SEASON + r"\s+(?:de\s+l['’]année\s+|de\s+|d['’])?" + YEAR, F)),
            ("season", re.compile(B + r"(?:(?P<this>cet|cette|ce)\s+)?" + SEASON + E + r"(?:\s+" + MODS + E + r")?", F)),
            ("decade", re.compile(B + r"(?:les\s+)?années\s+(?P<dec>(?:19|20)?\d0)(?![\w])", F)),
            ("weekday", re.compile(B + r"(?:(?P<this>ce)\s+)?(?P<wd>" + WD + r")" + E + r"(?:\s+" + MODS + E + r")?" + TOD + E, F)),
            ("relative_day", re.compile(B + r"(?P<rd>" + _alt(self.rel_days) + r")" + TOD + E, F)),
            ("same_day", re.compile(B + _alt(voc["same_day_phrases"]) + E, F)),
            ("relative_week", re.compile(B + r"(?:(?P<det>cette|ce|la|le)\s+)?(?P<unit>semaine|week[-‑ ]?end)" + E
                                         + r"(?:\s+" + MODS + E + r")?", F)),
            ("relative_month", re.compile(B + r"(?:(?P<det>ce|le)\s+)mois(?P<ci>[-‑]ci)?" + E + r"(?:\s+" + MODS + E + r")?", F)),
            ("relative_year", re.compile(B + r"(?:(?P<this>cette\s+année|cette\s+annee)(?![-‑]l)|(?:l['’]|cet\s+|cette\s+)(?:an|année|annee)\s+" + MODS + E + r")", F)),
            ("ago", re.compile(B + r"il\s+y\s+a\s+" + NUM + r"\s+(?P<unit>" + units_pat + r")" + E, F)),
            ("in", re.compile(B + r"(?:dans|d['’]ici(?:\s+à)?)\s+" + NUM + r"\s+(?P<unit>" + units_pat + r")" + E, F)),
            ("year", re.compile(r"(?<![\w/.,-])(?<![\w][.,])" + YEAR + r"(?![\w]|[.,/-]\d)", F)),
        ]
        # context guards
        self.year_before = re.compile(
            r"(?:(?<![\w])(?:" + "|".join(_wordpat(w) for w in sorted(voc["year_blockers_before"], key=len, reverse=True))
            + r")\s*$|[^\W\d_]+[-‑]$|\d[\s\u00a0\u202f'’.]$|[$€£#]\s*$)", F)
        self.year_after = re.compile(
            r"^(?:[\s\u00a0\u202f'’.,]\d{3}(?!\d)|(?:\s*(?:et|à|ou|[-–])\s*\d+(?:[\s\u00a0\u202f'’.,]\d{3}(?!\d))*)?"
            r"\s*(?:(?:" + _alt(voc["year_blocker_adjectives"]) + r")\s+)?"
            + _alt(voc["year_blockers_after"]) + r"(?![\w]))", F)
        trig = sorted(voc["month_triggers_before"], key=len, reverse=True)
        self.month_trigger = re.compile(r"(?<![\w])(?:" + "|".join(_wordpat(w) for w in trig) + r")\s*$", F)
        self.month_strong_trigger = re.compile(
            r"(?<![\w])(?:" + alternation(word_list("month_strong_triggers")) + r")\s*$", F)
        self.season_trigger = re.compile(r"(?<![\w])(?:" + alternation(word_list("season_triggers_before")) + r")\s*$", F)
        self.sentence_start = re.compile(r"(?:^|[.!?:;\n«\"“(]\s*|[-–—]\s)\s*$")
        adverbs = "|".join(_wordpat(w) + r"\s+" for w in word_list("perfect_adverbs"))
        self.aux_before = re.compile(r"(?<![\w])(?:" + alternation(word_list("perfect_auxiliaries"))
                                     + r")\s+(?:" + adverbs + r")?$", F)
        self.range_prefix = re.compile(r"(?<![\w])(?P<pre>" + alternation(word_list("range_openers"))
                                       + r")\s*(?:le\s+|les\s+|l['’])?$", F)
        self.range_gap = re.compile(r"^\s*(?:(?:" + alternation(word_list("range_links"))
                                    + r")\s+(?:le\s+|l['’])?|[-–]\s*)$", F)
        self.bare_day_range = re.compile(r"(?:(?<![\w])(?P<pre>" + alternation(word_list("day_range_openers"))
                                         + r")\s+)?(?<![\w,./‑-])" + DAY
                                         + r"\s*(?:" + alternation(word_list("day_range_links")) + r"|[-–])\s*(?:le\s+)?$", F)

    def number(self, s: str) -> int | None:
        s = _key(s)
        if s.isdigit():
            return int(s)
        total = 0
        for part in re.split(r"-| et ", s):
            if part not in self.numbers:
                return None
            total += self.numbers[part]
        return total

    def day(self, s: str) -> int:
        k = _key(s)
        return self.day_words[k] if k in self.day_words else int(k)

    def mod(self, s: str | None) -> str | None:
        if not s:
            return None
        k = _key(s)
        return "past" if k in self.past_mods else "future" if k in self.future_mods else None


@lru_cache(maxsize=None)
def rules() -> _Rules:
    return _Rules(vocabulary())


# --------------------------------------------------------------------------- candidates
@dataclass
class Candidate:
    """What an expression says, before resolution against an anchor."""

    start: int
    end: int
    rule: str
    kind: str  # abs, weekday, relday, relweek, relmonth, relyear, season, decade
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    decade: str | None = None
    offset: int = 0
    unit: str | None = None  # for ago/in and relative weeks: day/week/weekend/month/year
    mod: str | None = None  # past / future / this (an explicit modifier in the text)
    year_offset: int | None = None  # "le 30 septembre de cette année" -> 0
    guarded: bool = False  # context says it is probably not a date (bare month, number...)
    range_end: "Candidate | None" = field(default=None, repr=False)

    @property
    def needs_tense(self) -> bool:
        """True when the value depends on the tense of the sentence."""
        if self.range_end is not None and self.range_end.needs_tense:
            return True
        if self.kind == "weekday":
            return self.mod is None
        if self.kind in ("abs", "season"):
            return self.year is None and self.month is not None and self.mod is None and self.year_offset is None
        return False


def _m(g: dict, name: str) -> str | None:
    return g.get(name)


def _make(rule: str, m: re.Match, text: str, R: _Rules) -> Candidate | None:
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
        mk = _key(g["month"])
        month = R.month_of[mk]
        year = int(g["year"]) if g.get("year") else None
        if mk in R.abbr and not g["month"].endswith(".") and year is None:
            return None
        c = Candidate(s, e, "date_full" if year else "day_month", "abs", year, month, R.day(g["day"]))
        if g.get("wd"):
            c.weekday = R.weekday_of[_key(g["wd"])]
        if g.get("yrel"):
            c.year_offset = _yrel(g["yrel"])
        c.mod = R.mod(g.get("mod"))
        return c
    if rule in ("month_year", "month"):
        mk = _key(g["month"])
        c = Candidate(s, e, rule, "abs", int(g["year"]) if g.get("year") else None, R.month_of[mk])
        if g.get("part"):
            c.rule = "part_of_month"
        if rule == "month":
            c.mod = R.mod(g.get("mod"))
            if g.get("yrel"):
                c.year_offset = _yrel(g["yrel"])
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
        unit = R.period_units[_key(g["unit"])]
        mod = R.mod(g.get("mod"))
        kind = {"year": "relyear", "month": "relmonth", "week": "relweek"}[unit]
        return Candidate(s, e, rule, kind, offset={"past": -1, "future": 1}.get(mod or "", 0), unit=unit)
    if rule == "season_year":
        return Candidate(s, e, "season", "season", int(g["year"]), season=R.season_of[_key(g["season"])])
    if rule == "season":
        code = R.season_of[_key(g["season"])]
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
        c = Candidate(s, e, "weekday", "weekday", weekday=R.weekday_of[_key(g["wd"])])
        c.mod = "this" if g.get("this") else R.mod(g.get("mod"))
        return c
    if rule == "relative_day":
        return Candidate(s, e, rule, "relday", offset=R.rel_days[_key(g["rd"])])
    if rule == "same_day":
        return Candidate(s, e, "relative_day", "relday", offset=0)
    if rule == "relative_week":
        det = _key(g["det"] or "")
        mod = R.mod(g.get("mod"))
        if mod is None and det not in ("cette", "ce"):
            return None
        if det in ("cette", "la") and _key(g["unit"]) != "semaine":
            return None
        unit = "week" if _key(g["unit"]) == "semaine" else "weekend"
        return Candidate(s, e, "relative_weekend" if unit == "weekend" else rule, "relweek",
                         offset={"past": -1, "future": 1}.get(mod or "", 0), unit=unit)
    if rule == "relative_month":
        mod = R.mod(g.get("mod"))
        det = _key(g["det"] or "")
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
        unit = R.units[_key(g["unit"])]
        kind = {"day": "relday", "week": "relweek", "month": "relmonth", "year": "relyear"}[unit]
        return Candidate(s, e, rule, kind, offset=-n if rule == "ago" else n, unit=unit)
    if rule == "year":
        c = Candidate(s, e, rule, "abs", int(g["year"]))
        if R.year_before.search(text[max(0, s - 25):s]) or R.year_after.search(text[e:e + 40]):
            c.guarded = True
        return c
    return None  # pragma: no cover


def _yrel(s: str) -> int:
    k = _key(s)
    if "cette" in k:
        return 0
    return 1 if "prochain" in k else -1


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def find_candidates(text: str, *, keep_guarded: bool = False) -> list[Candidate]:
    """Non-overlapping candidates in ``text``, sorted by start (longest match wins).

    >>> [(c.rule, c.year) for c in find_candidates("entre 2014 et 2022, 200 000 hommes")]
    [('range', 2014)]
    """
    if not text:
        return []
    R = rules()
    found: list[Candidate] = []
    for rule, rx in R.patterns:
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            try:
                c = _make(rule, m, text, R)
            except (KeyError, ValueError):
                c = None
            if c is None or (c.guarded and not keep_guarded):
                continue
            found.append(c)
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    for c in found:
        if not any(_overlaps(c, o) for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return _merge_ranges(text, chosen, R)


def _merge_ranges(text: str, cands: list[Candidate], R: _Rules) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        # "du 8 au 9 juillet 2023": a bare day number before a day-month expression
        if c.kind == "abs" and c.day is not None and c.month is not None and c.range_end is None:
            m = R.bare_day_range.search(text[max(0, c.start - 40):c.start])
            if m:
                # "du 8 au 9 juillet" keeps "du"; "les 24 et 25 février" starts at the number
                keep = m.group("pre") is not None and _key(m.group("pre")) not in ("les", "des")
                s = c.start - (len(text[max(0, c.start - 40):c.start]) - (m.start() if keep else m.start("day")))
                if not out or out[-1].end <= s:
                    first = replace(c, start=s, end=c.end, day=R.day(m.group("day")), weekday=None)
                    if c.rule == "date_full":
                        first.rule = "date_full"
                    out.append(_as_range(first, c, s))
                    i += 1
                    continue
        if i + 1 < len(cands):
            d = cands[i + 1]
            gap = text[c.end:d.start]
            pm = R.range_prefix.search(text[max(0, c.start - 20):c.start])
            hyphen = bool(re.match(r"^\s*[-–]\s*$", gap))
            if pm and _key(pm.group("pre")) == "depuis" and not re.match(r"^\s*jusqu", gap, re.I):
                pm = None  # "depuis X et Y" lists two dates; "depuis X jusqu'en Y" is a range
            if (c.range_end is None and d.range_end is None and R.range_gap.match(gap) and (pm or hyphen)
                    and c.kind == d.kind and c.kind in ("abs", "weekday", "season")):
                first = replace(c)
                if first.kind == "abs" and first.year is None and d.year is not None:
                    first.year = d.year
                    first.year_offset = None
                s = c.start
                if pm:
                    s = c.start - (len(text[max(0, c.start - 20):c.start]) - pm.start())
                out.append(_as_range(first, d, s))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


def _as_range(first: Candidate, last: Candidate, start: int) -> Candidate:
    r = replace(first, start=start, end=last.end, rule="range", guarded=False)
    r.range_end = replace(last, range_end=None)
    return r


# --------------------------------------------------------------------------- resolution
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


def resolve(c: Candidate, anchor: str | None = None, tense: str | None = None) -> Resolved | None:
    """TIMEX3 value of a candidate; None when the text names an impossible date (31/02).

    ``anchor`` may also be an ISO 8601 interval of days, ``"2022-02-24/2022-02-28"``: the
    publication day is known to lie in it, and :func:`resolve_in_interval` decides.
    """
    if isinstance(anchor, str) and "/" in anchor:
        iv = parse_interval(anchor)
        if iv is not None:
            return resolve_in_interval(c, iv[0], iv[1], tense)
    return _resolve_parsed(c, parse_anchor(anchor), tense)


def _resolve_parsed(c: Candidate, a, tense: str | None) -> Resolved | None:
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


# --------------------------------------------------------------------------- interval anchors
# A publication date known only to the month ("2022-02") or the year ("2022") says that
# the article was written on some day of a period. Each anchor-dependent expression
# ("jeudi", "hier", "la semaine dernière") is resolved against every feasible day; a
# day-precision value is kept only when all of them agree (consensus), otherwise the
# expression keeps its unknown parts (``2022-02-XX``). Evidence in the text can raise the
# first feasible day: a landmark event of ``models/dated_events.yaml`` that the text
# reports as having happened (:func:`event_evidence`), or (in :mod:`pipeline.nlp.timex.component`) an
# explicit date in an asserted past-tense clause. Nothing narrows the period from above,
# and nothing ever creates an anchor where there is none.
_INTERVAL_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})\s*$")


def _iso_date(s: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        return None


def parse_interval(anchor: str | None) -> tuple[_dt.date, _dt.date] | None:
    """``"2022-02-24/2022-02-28"`` -> (date(2022, 2, 24), date(2022, 2, 28)); anything else -> None."""
    if not isinstance(anchor, str):
        return None
    m = _INTERVAL_RE.match(anchor)
    if not m:
        return None
    lo, hi = _iso_date(m.group(1)), _iso_date(m.group(2))
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
    if c.kind == "decade":
        return False
    if c.kind in ("abs", "season") and c.year is not None:
        return False
    return True


def resolve_in_interval(c: Candidate, lo: _dt.date, hi: _dt.date, tense: str | None = None,
                        coarse: str | None = None) -> Resolved | None:
    """Resolve ``c`` when the publication day lies somewhere in [lo, hi].

    ``coarse`` is the anchor to fall back on (default: the month or year shared by lo and
    hi). When every day of the interval gives the same value, that value is returned with
    the rule suffixed ``_interval`` and ``anchor`` set to the interval; when the days
    disagree, or the interval is longer than :func:`max_interval_days`, the value is the
    one the coarse anchor gives (unknown parts stay ``X``).

    >>> c = find_candidates("jeudi")[0]
    >>> r = resolve_in_interval(c, _dt.date(2022, 2, 24), _dt.date(2022, 2, 28), "past")
    >>> r.value, r.rule, r.anchor
    ('2022-02-24', 'weekday_past_interval', '2022-02-24/2022-02-28')
    >>> resolve_in_interval(c, _dt.date(2022, 2, 1), _dt.date(2022, 2, 28), "past").value
    '2022-02-XX'
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
    for i in range(n):
        day = lo + _dt.timedelta(days=i)
        r = _resolve_parsed(c, (day.year, day.month, day.day), tense)
        if r is None:
            return base
        if first is None:
            first = r
        elif (r.value, r.end_value, r.precision) != (first.value, first.end_value, first.precision):
            return base
    assert first is not None
    if (first.value, first.end_value) == (base.value, base.end_value):
        return base
    return replace(first, rule=first.rule + "_interval", anchor_used=True, anchor=format_interval(lo, hi))


# --------------------------------------------------------------------------- dated events
@dataclass(frozen=True)
class DatedEvent:
    """One landmark event of ``models/dated_events.yaml``."""

    id: str
    date: _dt.date
    description: str
    cues: tuple[re.Pattern, ...]
    unless: tuple[re.Pattern, ...] = ()
    context: tuple[re.Pattern, ...] = ()
    example: str = ""
    # per cue, a lowercase literal every match contains ("" when none was found): a cheap
    # substring test that spares running the regex over texts that cannot match
    gates: tuple[str, ...] = ()


def literal_gate(pattern: str) -> str:
    """The longest run of literal characters that every match of ``pattern`` contains,
    lowercased ("" when there is none or the pattern cannot be analysed).

    >>> literal_gate(r"\\b(?:la )?suède (?:est|était) devenue")
    ' devenue'
    """
    try:
        try:
            from re import _constants as C, _parser as P  # Python >= 3.11
        except ImportError:  # pragma: no cover
            import sre_constants as C  # type: ignore
            import sre_parse as P  # type: ignore
        parsed = P.parse(pattern)
    except Exception:  # pragma: no cover - a private API; without it there is no gate
        return ""
    best = ""

    def walk(items) -> None:
        nonlocal best
        run: list[str] = []
        for op, av in items:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if len(run) >= len(best):  # on a tie the later run wins: names come last
                best = "".join(run)
            run = []
            if op is C.SUBPATTERN:
                walk(av[-1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
                walk(av[2])
        if len(run) >= len(best):
            best = "".join(run)

    walk(parsed)
    return best.lower()


@dataclass(frozen=True)
class AnchorEvidence:
    """Why the first feasible publication day was raised: the article was written on or
    after ``date``. ``source`` is ``dated_event`` (``id`` names the event) or ``text_date``."""

    source: str
    id: str
    date: _dt.date
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "id": self.id, "date": self.date.isoformat(),
                "start_char": self.start, "end_char": self.end, "text": self.text}


# same-length normalisation, so that offsets in the normalised text are offsets in the text
_EV_NORM = (("’", "'"), ("ʼ", "'"), ("\u00a0", " "), ("\u202f", " "), ("‑", "-"), ("–", "-"))


def _ev_normalize(text: str) -> str:
    for a, b in _EV_NORM:
        if a in text:
            text = text.replace(a, b)
    return text
_EVENT_FIELDS = {"id", "date", "description", "cues", "unless", "context", "example"}
_EVENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _DatedEvents:
    def __init__(self, data: dict[str, Any]):
        macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}

        def compile_(pat: Any, where: str) -> re.Pattern:
            if not isinstance(pat, str) or not pat.strip():
                raise ValueError(f"dated_events.yaml: {where}: empty or non-string pattern {pat!r}")
            for name, body in macros.items():
                pat = pat.replace(f"<{name}>", body)
            try:
                return re.compile(pat, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"dated_events.yaml: {where}: bad regex {pat!r}: {exc}") from exc

        self.guard = compile_("|".join(f"(?:{g})" for g in data.get("guards") or ["(?!)"]), "guards")
        events: list[DatedEvent] = []
        seen: set[str] = set()
        for i, e in enumerate(data.get("events") or []):
            if not isinstance(e, dict) or not {"id", "date", "description", "cues"} <= set(e):
                raise ValueError(f"dated_events.yaml: event #{i} lacks id/date/description/cues")
            extra = set(e) - _EVENT_FIELDS
            if extra:
                raise ValueError(f"dated_events.yaml: event {e['id']!r}: unknown field(s) {sorted(extra)}")
            eid = str(e["id"])
            if not _EVENT_ID.match(eid) or eid in seen:
                raise ValueError(f"dated_events.yaml: bad or duplicate id {eid!r}")
            seen.add(eid)
            date = _iso_date(str(e["date"])) if re.match(r"^\d{4}-\d{2}-\d{2}$", str(e["date"])) else None
            if date is None:
                raise ValueError(f"dated_events.yaml: event {eid!r}: date must be a quoted YYYY-MM-DD, not {e['date']!r}")
            cues = tuple(compile_(p, f"{eid} cue") for p in e["cues"] or [])
            if not cues:
                raise ValueError(f"dated_events.yaml: event {eid!r} has no cue")
            events.append(DatedEvent(
                eid, date, str(e["description"]).strip(), cues,
                tuple(compile_(p, f"{eid} unless") for p in e.get("unless") or []),
                tuple(compile_(p, f"{eid} context") for p in e.get("context") or []),
                str(e.get("example") or "").strip(),
                tuple(literal_gate(c.pattern) for c in cues)))
        self.events: tuple[DatedEvent, ...] = tuple(sorted(events, key=lambda ev: (ev.date, ev.id)))
        self.dates = [ev.date for ev in self.events]


@lru_cache(maxsize=None)
def dated_events() -> _DatedEvents:
    """The parsed and compiled ``models/dated_events.yaml`` (loaded once)."""
    from ...paths import model_file, read_yaml

    return _DatedEvents(read_yaml(model_file("dated_events.yaml")) or {})


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or headline line) around text[start:end], found without a parser."""
    lo = max(0, start - 400)
    left = max((text.rfind(ch, lo, start) for ch in ".!?\n"), default=-1)
    left = lo if left < 0 and lo > 0 else left + 1
    hi = min(len(text), end + 400)
    rights = [i for i in (text.find(ch, end, hi) for ch in ".!?\n") if i >= 0]
    right = min(rights) + 1 if rights else hi
    return left, right


def event_matches(text: str, ev: DatedEvent, *, normalized: bool = False) -> list[tuple[int, int]]:
    """Spans of ``text`` where a cue of ``ev`` reports the event as having happened: the cue
    matches, and its sentence is not a question, matches no ``guards`` (negation,
    conditional, future, modality, speculation), none of the event's ``unless`` patterns,
    and one of its ``context`` patterns when it has some."""
    norm = text if normalized else _ev_normalize(text)
    low = norm.lower()
    guard = dated_events().guard
    out: list[tuple[int, int]] = []
    for k, cue in enumerate(ev.cues):
        gate = ev.gates[k] if k < len(ev.gates) else ""
        if gate and gate not in low:
            continue
        for m in cue.finditer(norm):
            if m.end() == m.start():
                continue
            s, e = _sentence_bounds(norm, m.start(), m.end())
            sent = norm[s:e]
            if sent.rstrip().endswith("?") or guard.search(sent):
                continue
            if any(u.search(sent) for u in ev.unless):
                continue
            if ev.context and not any(x.search(sent) for x in ev.context):
                continue
            out.append((m.start(), m.end()))
    return sorted(set(out))


def events_between(lo: _dt.date, hi: _dt.date) -> list[DatedEvent]:
    """The gazetteer's events dated in [lo, hi], in date order."""
    db = dated_events()
    return list(db.events[bisect_left(db.dates, lo):bisect_right(db.dates, hi)])


def event_evidence(text: str, lo: _dt.date, hi: _dt.date, *, latest_only: bool = False) -> list[AnchorEvidence]:
    """Landmark events dated in [lo, hi] that ``text`` reports as past, one record per event
    (its first cue match), in date order. An event outside the period says nothing about
    the day within it. With ``latest_only``, events are tried from the latest down and the
    search stops at the first one found (the only one that matters for a lower bound)."""
    if not text or lo > hi:
        return []
    events = events_between(lo, hi)
    if latest_only:
        events.reverse()
    out: list[AnchorEvidence] = []
    norm: str | None = None
    for ev in events:
        if norm is None:
            norm = _ev_normalize(text)
        spans = event_matches(norm, ev, normalized=True)
        if spans:
            s, e = spans[0]
            out.append(AnchorEvidence("dated_event", ev.id, ev.date, s, e, text[s:e]))
            if latest_only:
                break
    return out


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
    if tense not in ("past", "present", "future"):
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
