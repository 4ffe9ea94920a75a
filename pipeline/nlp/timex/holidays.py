"""Holidays (TimeML DATE): "Noël" -> ``XXXX-12-25`` placed in a year like a day and month,
"Pâques", "le lundi de Pentecôte" -> the day computed from Easter of that year.

Fixed holidays become day-month candidates (kind ``abs``: the year comes from the text, the
tense or the publication date, as for "le 25 décembre"); holidays counted from Easter are
kind ``easter`` (``offset`` = days after Easter Sunday). Words: ``holidays_fixed``,
``holidays_easter`` of ``models/timex_fr.yaml``; those that are also common nouns
("ascension", "assomption") count only written with a capital. A holiday word inside a name
("Noël Mamère", "le Père Noël", "l'île de Pâques") is none.

>>> [(c.kind, c.month, c.day, c.offset) for c in find("à Noël, puis à Pâques 2025")]
[('abs', 12, 25, 0), ('easter', None, None, 0)]
>>> easter_sunday(2024), easter_sunday(2025)
(datetime.date(2024, 3, 31), datetime.date(2025, 4, 20))
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from .candidate import Candidate
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list

__all__ = ["easter_sunday", "find"]


def easter_sunday(year: int) -> _dt.date:
    """Easter Sunday of ``year`` (Gregorian calendar; the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return _dt.date(year, month, day + 1)


@lru_cache(maxsize=None)
def _rx():
    voc = vocabulary()
    fixed = {lookup_key(k): str(v) for k, v in voc["holidays_fixed"].items()}
    easter = {lookup_key(k): int(v) for k, v in voc["holidays_easter"].items()}
    words = longest_first(list(fixed) + list(easter))
    return {
        "fixed": fixed,
        "easter": easter,
        "capital": {lookup_key(w) for w in word_list("holidays_capital_only")},
        "gate": tuple(lookup_key(w) for w in word_list("holiday_gate_words")),
        "rx": re.compile(r"(?<![\w])(?P<h>" + words + r")(?![\w])(?:\s+(?:de\s+l['’]année\s+)?(?P<year>(?:19|20)\d{2})(?!\d))?",
                         re.IGNORECASE),
        "before": re.compile(r"(?:" + alternation(word_list("holiday_blockers_before")) + r")\s*$", re.IGNORECASE),
        "name_after": re.compile(r"^\s+[A-ZÀ-Ý][a-zà-ÿ]"),
    }


def find(text: str, low: str | None = None) -> list[Candidate]:
    """Holiday candidates of ``text`` (they may overlap others; the longest wins)."""
    X = _rx()
    low = low if low is not None else text.lower()
    if not any(w in low for w in X["gate"]):
        return []  # none of the words a holiday needs
    out: list[Candidate] = []
    for m in X["rx"].finditer(text):
        word = m.group("h")
        key = re.sub(r"\s+", " ", lookup_key(word))
        if key in X["capital"] and not word[:1].isupper():
            continue  # "l'ascension du mont Blanc"
        if X["before"].search(text[max(0, m.start() - 12):m.start()]):
            continue  # "le Père Noël", "l'île de Pâques"
        if not m.group("year") and X["name_after"].match(text[m.end("h"):m.end("h") + 4]) and word[:1].isupper():
            continue  # "Noël Mamère": a first name
        year = int(m.group("year")) if m.group("year") else None
        if key in X["fixed"]:
            md = X["fixed"][key]
            out.append(Candidate(m.start(), m.end(), "holiday", "abs", year, int(md[:2]), int(md[3:])))
        else:
            out.append(Candidate(m.start(), m.end(), "holiday", "easter", year, offset=X["easter"][key]))
    return out
