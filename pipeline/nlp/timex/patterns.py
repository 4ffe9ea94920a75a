"""Compiled regular expressions and lookup tables of the timex rules, built from the vocabulary.

:func:`rules` builds one :class:`Rules` from ``models/timex_fr.yaml`` (once per process).
``patterns`` lists ``(rule name, regex)`` in the order :func:`~pipeline.nlp.timex.candidates.find_candidates`
tries them; the other regexes are context guards read around a match (a number followed
by "hommes" is no year, a bare month needs a preposition before it...).

>>> R = rules()
>>> [name for name, _ in R.patterns][:3]
['date_iso', 'date_numeric', 'month_iso']
>>> R.month_of["févr"], R.weekday_of["jeudi"], R.number("vingt-cinq")
(2, 3, 25)
>>> bool(R.year_after.search(" hommes")), R.mod("dernière")
(True, 'past')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .vocabulary import longest_first, lookup_key, word_pattern, alternation, vocabulary, word_list


class Rules:
    """Compiled regexes and lookup tables (built once from the vocabulary)."""

    def __init__(self, voc: dict[str, Any]):
        self.month_of: dict[str, int] = {}
        self.abbr: set[str] = set()
        full, abbr = [], []
        for num, names in voc["months"].items():
            for w in names.get("full") or []:
                self.month_of[lookup_key(w)] = int(num)
                full.append(w)
            for w in names.get("abbr") or []:
                self.month_of[lookup_key(w)] = int(num)
                self.abbr.add(lookup_key(w))
                abbr.append(w)
        self.weekday_of = {lookup_key(w): int(n) for n, ws in voc["weekdays"].items() for w in ws}
        self.season_of = {lookup_key(w): code for code, ws in voc["seasons"].items() for w in ws}
        self.day_words = {lookup_key(k): int(v) for k, v in voc["day_words"].items()}
        self.rel_days = {lookup_key(k): int(v) for k, v in voc["relative_days"].items()}
        self.units = {lookup_key(k): v for k, v in voc["units"].items()}
        self.numbers = {lookup_key(k): int(v) for k, v in voc["number_words"].items()}
        self.year_of = {lookup_key(k): int(v) for k, v in voc["year_of_phrases"].items()}
        self.period_units = {lookup_key(k): v for k, v in voc["period_units"].items()}
        self.past_mods = {lookup_key(w) for w in voc["past_modifiers"]}
        self.future_mods = {lookup_key(w) for w in voc["future_modifiers"]}

        B, E = r"(?<![\w])", r"(?![\w])"
        MF = longest_first(full)
        MA = r"(?:" + longest_first(abbr) + r"\.?)"
        M = r"(?P<month>" + MF + r"|" + MA + r")"
        MFULL = r"(?P<month>" + MF + r")"
        WD = longest_first(self.weekday_of)
        DAYW = longest_first(voc["day_words"])
        DAY = r"(?P<day>" + DAYW + r"|[12]\d|3[01]|0?[1-9])"
        YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d])"
        PART = r"(?P<part>" + longest_first(voc["parts_of_period"]) + r")"
        PARTSEP = r"(?:\s*[-‑]\s*|\s+)(?:(?:du\s+)?mois\s+d(?:e\s+|['’])|de\s+|d['’])?"
        MOIS = r"(?P<mois>mois\s+d(?:e\s+|['’]))"
        MODS = r"(?P<mod>" + longest_first(self.past_mods | self.future_mods) + r")"
        YREL = r"(?P<yrel>\s+(?:de\s+)?(?:" + alternation(voc["year_of_phrases"]) + r"))"
        SEASON = r"(?P<season>" + longest_first(self.season_of) + r")"
        units_pat = longest_first(self.units)
        num_words = [w for w in self.numbers]
        tens = voc.get("tens") or []
        small = [w for w, v in self.numbers.items() if 1 <= v <= 11 and "-" not in w]
        NUMW = (r"(?:" + longest_first(tens) + r"(?:[-‑]|\s+et\s+)" + longest_first(small) + r"|" + longest_first(num_words) + r")")
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
            ("date", re.compile(r"(?<![\w,./])(?<![^\W\d_][-‑])(?<!\d\s[-‑])(?:(?P<wd>" + WD + r")\s+)?" + DAY + r"(?:\s+|[-‑])" + M
                                + r"(?:\s*,?\s*(?:de\s+l['’]an\s+)?" + YEAR + r"|" + YREL + r"|\s+" + MODS
                                + r"|\s+(?P<yy>\d{2})(?![\d]))?" + r"(?![\w])", F)),
            ("month_year", re.compile(B + r"(?:" + PART + PARTSEP + r"|" + MOIS + r")?" + M
                                      + r"\s*,?\s*(?:de\s+l['’]année\s+)?" + YEAR, F)),
            ("month", re.compile(B + r"(?:" + PART + PARTSEP + r"|" + MOIS + r")?" + MFULL + E
                                 + r"(?:\s+" + MODS + E + r"|" + YREL + r")?", F)),
            ("part_of_year", re.compile(B + PART + r"(?:\s*[-‑]\s*|\s+)(?:de\s+l['’](?:année|an)\s+|d['’]année\s+)?" + YEAR, F)),
            ("part_of_rel", re.compile(B + PART + r"\s+(?:de\s+l['’]|d['’]|du\s+|de\s+la\s+|de\s+)"
                                       r"(?P<unit>" + alternation(self.period_units) + r")(?:\s+" + MODS + r")?" + E, F)),
            ("season_year", re.compile(B + SEASON + r"\s+(?:de\s+l['’]année\s+|de\s+|d['’])?" + YEAR, F)),
            ("season", re.compile(B + r"(?:(?P<this>cet|cette|ce)\s+)?" + SEASON + E + r"(?:\s+" + MODS + E + r")?", F)),
            ("decade", re.compile(B + r"(?:les\s+)?années\s+(?P<dec>(?:1[0-9]|20)?\d0)(?![\w])", F)),
            ("weekday", re.compile(B + r"(?:(?P<this>ce)\s+)?(?P<wd>" + WD + r")" + E + r"(?:\s+" + MODS + E + r")?" + TOD + E, F)),
            ("relative_day", re.compile(B + r"(?P<rd>" + longest_first(self.rel_days) + r")" + TOD + E, F)),
            ("same_day", re.compile(B + longest_first(voc["same_day_phrases"]) + E, F)),
            ("relative_week", re.compile(B + r"(?:(?P<det>cette|ce|la|le)\s+)?(?P<unit>semaine|week[-‑ ]?end)" + E
                                         + r"(?:\s+" + MODS + E + r")?", F)),
            ("relative_month", re.compile(B + r"(?:(?P<det>ce|le)\s+)mois(?P<ci>[-‑]ci)?" + E + r"(?:\s+" + MODS + E + r")?", F)),
            ("relative_year", re.compile(B + r"(?:(?P<this>cette\s+année|cette\s+annee)(?![-‑]l)|(?:l['’]|cet\s+|cette\s+)(?:an|année|annee)\s+" + MODS + E + r")", F)),
            ("ago", re.compile(B + r"(?:" + alternation(word_list("ago_openers")) + r")\s+" + NUM + r"\s+(?P<unit>" + units_pat + r")" + E, F)),
            ("in", re.compile(B + r"(?:" + alternation(word_list("in_openers")) + r")\s+" + NUM + r"\s+(?P<unit>" + units_pat + r")" + E, F)),
            ("year", re.compile(r"(?<![\w/.,-])(?<![\w][.,])" + YEAR + r"(?![\w]|[.,/-]\d)", F)),
        ]
        # The word patterns also run case-sensitively on the lowercased text (same matches,
        # about three times faster; pipeline.nlp.timex.extents.lowered keeps offsets). Not
        # "date_iso", whose guard reads an upper-case "T" (a time after an ISO date).
        self.on_lowercase = {name: re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)
                             for name, rx in self.patterns if name != "date_iso"}
        # Words one of which every match of a pattern holds (lowercase): a pattern whose words
        # are all absent from the lowercased text is not run at all.
        months = tuple(sorted(self.month_of))
        seasons = tuple(sorted(self.season_of))
        self.gates: dict[str, tuple[str, ...]] = {
            "date": months, "month_year": months, "month": months, "season_year": seasons, "season": seasons,
            "weekday": tuple(sorted(self.weekday_of)), "relative_day": ("hier", "demain", "aujourd"),
            "same_day": ("soir", "matin", "nuit", "midi"), "relative_week": ("semaine", "week"),
            "relative_month": ("mois",), "decade": ("ann",),
        }
        # context guards
        self.year_before = re.compile(
            r"(?:(?<![\w])(?:" + "|".join(word_pattern(w) for w in sorted(voc["year_blockers_before"], key=len, reverse=True))
            + r")\s*$|[^\W\d_]+[-‑]$|\d[\s\u00a0\u202f'’.]$|[$€£#]\s*$)", F)
        self.year_after = re.compile(
            r"^(?:[\s\u00a0\u202f'’.,]\d{3}(?!\d)|(?:\s*(?:et|à|ou|[-–])\s*\d+(?:[\s\u00a0\u202f'’.,]\d{3}(?!\d))*)?"
            r"\s*(?:(?:" + longest_first(voc["year_blocker_adjectives"]) + r")\s+)?"
            + longest_first(voc["year_blockers_after"]) + r"(?![\w]))", F)
        trig = sorted(voc["month_triggers_before"], key=len, reverse=True)
        self.month_trigger = re.compile(r"(?<![\w])(?:" + "|".join(word_pattern(w) for w in trig) + r")\s*$", F)
        self.month_strong_trigger = re.compile(
            r"(?<![\w])(?:" + alternation(word_list("month_strong_triggers")) + r")\s*$", F)
        self.season_trigger = re.compile(r"(?<![\w])(?:" + alternation(word_list("season_triggers_before")) + r")\s*$", F)
        self.sentence_start = re.compile(r"(?:^|[.!?:;\n«\"“(]\s*|[-–—]\s)\s*$")
        adverbs = "|".join(word_pattern(w) + r"\s+" for w in word_list("perfect_adverbs"))
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
        s = lookup_key(s)
        if s.isdigit():
            return int(s)
        total = 0
        for part in re.split(r"-| et ", s):
            if part not in self.numbers:
                return None
            total += self.numbers[part]
        return total

    def year_offset(self, s: str) -> int:
        """Year relative to the anchor's of "de l'année dernière", "cette année"... (-1, 0)."""
        k = lookup_key(s).strip()
        return self.year_of[k[3:] if k.startswith("de ") else k]

    def day(self, s: str) -> int:
        k = lookup_key(s)
        return self.day_words[k] if k in self.day_words else int(k)

    def mod(self, s: str | None) -> str | None:
        if not s:
            return None
        k = lookup_key(s)
        return "past" if k in self.past_mods else "future" if k in self.future_mods else None


@lru_cache(maxsize=None)
def rules() -> Rules:
    return Rules(vocabulary())
