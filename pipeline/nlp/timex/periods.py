"""Candidates of three more kinds: days counted from a date of the text, centuries, season months.

* "le lendemain", "la veille (au soir)", "le même jour", "le surlendemain", "l'avant-veille",
  "deux jours plus tard", "trois semaines auparavant": rule ``anaphoric``, kinds ``relday``
  / ``relweek`` / ``relmonth`` / ``relyear``; the component resolves them against the most
  recent full date before them in the text (:mod:`pipeline.nlp.timex.textanchor`).
* "le XIXe siècle", "la fin du XXe siècle": kind ``century``, value ``18XX`` (the
  nineteenth century is the years 1800-1899 in TimeML), ``period_part`` START/MID/END.
* "les mois d'été": the season, ``XXXX-SU`` unless a year is written (``mod`` "generic").

The words are in ``models/timex_fr.yaml`` (section "issue 16 (tx-b)").

>>> [(c.rule, c.kind, c.offset) for c in find_period_candidates("Le lendemain, il est parti.")]
[('anaphoric', 'relday', 1)]
>>> c = find_period_candidates("à la fin du XIXe siècle")[0]
>>> c.kind, c.decade, c.period_part
('century', '18XX', 'END')
"""
from __future__ import annotations

import re
from functools import lru_cache

from .candidate import Candidate
from .patterns import rules
from .extents import lowered
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list

__all__ = ["find_period_candidates", "roman_to_int"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_UNIT_KIND = {"day": "relday", "week": "relweek", "month": "relmonth", "year": "relyear"}
_FOLLOWING_WHAT = re.compile(r"\s+(?:l['’]|(?:le|la|les|son|sa|ses|leur|leurs|ce|cet|cette|un|une|sa)\s)")
# One of these is in every phrase of `anaphoric_periods` (the pattern runs only then).
_PERIOD_GATE = ("-l", "‑l", "même", "meme", "précéd", "preced", "suivant")


def roman_to_int(s: str) -> int | None:
    """``"XIX"`` -> 19; None for anything that is not a Roman number up to 39 written well.

    >>> roman_to_int("XIX"), roman_to_int("xxi"), roman_to_int("IIII"), roman_to_int("VX")
    (19, 21, None, None)
    """
    s = s.upper()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    canonical = "X" * (total // 10) + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][total % 10]
    return total if 0 < total < 40 and canonical == s else None


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    voc = vocabulary()
    R = rules()
    F = 0  # compiled for the lowercased text (pipeline.nlp.timex.extents.lowered): faster than IGNORECASE
    B, E = r"(?<![\w])", r"(?![\w])"
    units = longest_first(R.units)
    num = (r"(?P<n>\d{1,3}|" + longest_first(R.numbers) + r")")
    seasons = longest_first(R.season_of)
    return {
        "day": re.compile(B + r"(?P<w>" + alternation(sorted(voc["anaphoric_days"], key=len, reverse=True)) + r")" + E
                          + r"(?:\s+(?P<tod>" + alternation(word_list("anaphoric_time_of_day")) + r")" + E + r")?", F),
        "count": re.compile(B + num + r"\s+(?P<unit>" + units + r")\s+(?:(?P<later>"
                            + alternation(word_list("anaphoric_later")) + r")|(?P<earlier>"
                            + alternation(word_list("anaphoric_earlier")) + r"))" + E, F),
        "blocker": re.compile(r"^\s*(?:" + alternation(word_list("anaphoric_blockers_after")) + r")(?![\w])", F),
        "century": re.compile(B + r"(?:(?P<part>" + longest_first(voc["century_parts"]) + r")(?:\s*[-‑]\s*|\s+)"
                              r"(?:du\s+|de\s+ce\s+)?)?(?P<n>[ivxl]{1,6}|\d{1,2})(?:"
                              + longest_first(word_list("century_suffixes")) + r")\s+siècle" + E, F),
        "that_period": re.compile(B + r"(?P<w>" + alternation(sorted(voc["anaphoric_periods"], key=len, reverse=True))
                                  + r")" + E, F),
        "that_part": re.compile(B + r"(?:ce|cet|cette)\s+(?P<part>" + longest_first(
            [w for w, v in voc["parts_of_day"].items() if ":" not in str(v)]) + r")[-‑]l[àa]" + E, F),
        # "le soir même", "la nuit même": that part of the day last written, like "ce soir-là"
        "same_part": re.compile(B + r"(?:le|la|l['’])\s*(?P<part>" + longest_first(
            [w for w, v in voc["parts_of_day"].items() if ":" not in str(v)]) + r")\s+m[êe]me" + E, F),
        "parts": {lookup_key(k): str(v) for k, v in voc["parts_of_day"].items()},
        "last_night": re.compile(B + r"(?:" + alternation(word_list("last_night_phrases")) + r")" + E, F),
        "season_months": re.compile(B + r"(?:" + alternation(word_list("season_months_openers")) + r")\s*(?P<season>"
                                    + seasons + r")" + E + r"(?:\s+(?:de\s+)?(?P<year>(?:19|20)\d{2})(?!\d))?", F),
    }


def find_period_candidates(text: str) -> list[Candidate]:
    """Candidates of the three kinds in ``text`` (they may overlap others; the longest wins later)."""
    if not text:
        return []
    P, R = _patterns(), rules()
    voc = vocabulary()
    low = lowered(text)
    days = {lookup_key(k): int(v) for k, v in voc["anaphoric_days"].items()}
    out: list[Candidate] = []
    # each pattern runs only when a word all its matches hold is in the text
    for m in P["day"].finditer(low) if ("lendemain" in low or "veille" in low or "jour" in low or "date" in low) else ():
        if not m.group("tod") and P["blocker"].match(low[m.end():m.end() + 6]):
            continue
        out.append(Candidate(m.start(), m.end(), "anaphoric", "relday", offset=days[lookup_key(m.group("w"))],
                             unit="day"))
    that_part = P["that_part"].finditer(low) if ("-l" in low or "‑l" in low) else ()
    same_part = P["same_part"].finditer(low) if ("même" in low or "meme" in low) else ()
    for m in [*that_part, *same_part]:
        # "ce soir-là": that part of the day last written (TIME)
        out.append(Candidate(m.start(), m.end(), "anaphoric", "relday", offset=0, unit="day", ttype="TIME",
                             tod=P["parts"][lookup_key(m.group("part"))]))
    for m in P["count"].finditer(low) if ("tard" in low or "auparavant" in low or "tôt" in low or "tot" in low) else ():
        n = R.number(m.group("n"))
        if n is None or n > 500:
            continue
        unit = R.units[lookup_key(m.group("unit"))]
        out.append(Candidate(m.start(), m.end(), "anaphoric", _UNIT_KIND[unit],
                             offset=n if m.group("later") else -n, unit=unit))
    for m in P["century"].finditer(low) if ("siècle" in low or "siecle" in low) else ():
        raw = text[m.start("n"):m.end("n")]  # the case written: Roman numbers in capitals only
        n = int(raw) if raw.isdigit() else roman_to_int(raw)
        if n is None or not 1 <= n <= 30 or (not raw.isdigit() and raw != raw.upper()):
            continue
        part = m.group("part")
        c = Candidate(m.start(), m.end(), "century", "century", decade=f"{n - 1:02d}XX")
        if part:
            c.period_part = voc["century_parts"][lookup_key(part)]
        out.append(c)
    for m in P["that_period"].finditer(low) if any(w in low for w in _PERIOD_GATE) else ():
        if _FOLLOWING_WHAT.match(low, m.end()) and m.group("w").endswith(("suivant", "suivante")):
            continue  # "le mois suivant l'élection": a preposition, counted from the election
        unit = voc["anaphoric_periods"][lookup_key(m.group("w"))]
        unit, _, step = unit.partition(" ")  # "year -1": the year before the one last written
        out.append(Candidate(m.start(), m.end(), "anaphoric", _UNIT_KIND[unit], offset=int(step or 0), unit=unit))
    for m in P["last_night"].finditer(low) if "nuit" in low else ():
        out.append(Candidate(m.start(), m.end(), "relative_day", "relday", offset=-1, ttype="TIME", tod="NI"))
    for m in P["season_months"].finditer(low) if "mois" in low else ():
        code = R.season_of[lookup_key(m.group("season"))]
        year = int(m.group("year")) if m.group("year") else None
        # no year written: the season of no particular year (mod "generic": XXXX-SU)
        out.append(Candidate(m.start(), m.end(), "season_months", "season", year, season=code,
                             mod=None if year else "generic"))
    return out
