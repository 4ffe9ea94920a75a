"""School years and sports seasons: one period over two calendar years.

TimeML has no value for a period that starts in one year and ends in the next ("l'année
scolaire 2024-2025", "la saison 2023-2024"); French TimeBank and HeidelTime tag the years
only. Our convention (CODEBOOK.md, *Checklist*): one DATE over the whole phrase, the value
the first year, ``end_value`` the second (as the first date of a range), kind ``range``,
rule ``academic_year``. "la saison dernière", "l'année scolaire prochaine", "la saison en
cours" count in such periods from the publication date: the current one started in the
anchor's year from ``academic_year_start_month`` (August) on, the year before otherwise
(kind ``academic``, rule ``academic_relative``).

>>> [(c.rule, c.year, c.range_end.year) for c in find("la saison 2023-2024 et l'année scolaire 2024-25")]
[('academic_year', 2023, 2024), ('academic_year', 2024, 2025)]
>>> [(c.rule, c.offset) for c in find("La saison dernière, il a gagné.")]
[('academic_relative', -1)]
>>> find("la saison 2023-2026") + find("la saison des pluies")
[]
"""
from __future__ import annotations

import re
from functools import lru_cache

from .candidate import Candidate
from .vocabulary import alternation, lookup_key, vocabulary, word_list

F = re.IGNORECASE


@lru_cache(maxsize=None)
def _rx() -> tuple[re.Pattern, re.Pattern, dict[str, int]]:
    nouns = alternation(word_list("academic_year_nouns"))
    det = r"(?:(?:l['’]|la|cette|une)\s*)?"
    rel = {lookup_key(k): int(v) for k, v in vocabulary()["academic_year_relative"].items()}
    years = re.compile(r"(?<![\w])" + det + r"(?:" + nouns + r")\s+(?P<y1>(?:19|20)\d\d)\s*[-/–]\s*(?P<y2>(?:19|20)?\d\d)(?![\w])", F)
    relative = re.compile(r"(?<![\w])(?:l['’]|la|cette)\s*(?:" + nouns + r")\s+(?P<rel>"
                          + alternation(sorted(rel, key=len, reverse=True)) + r")(?![\w])", F)
    return years, relative, rel


def start_month() -> int:
    """The month a school year or sports season starts in (``academic_year_start_month``)."""
    return int(vocabulary().get("academic_year_start_month", 8))


def find(text: str) -> list[Candidate]:
    """School-year and season candidates of ``text`` (they may overlap others; the longest wins)."""
    low = text.lower()
    if "saison" not in low and "scolaire" not in low and "universitaire" not in low:
        return []
    years, relative, rel = _rx()
    out: list[Candidate] = []
    for m in years.finditer(text):
        y1, raw2 = int(m.group("y1")), m.group("y2")
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if len(raw2) == 2 and y2 < y1:
            y2 += 100  # "1999-00"
        if y2 != y1 + 1:
            continue  # "2023-2026" is no school year
        end = Candidate(m.start("y2"), m.end("y2"), "year", "abs", y2)
        out.append(Candidate(m.start(), m.end(), "academic_year", "abs", y1, range_end=end))
    for m in relative.finditer(text):
        out.append(Candidate(m.start(), m.end(), "academic_relative", "academic",
                             offset=rel[lookup_key(m.group("rel"))], unit="year"))
    return out
