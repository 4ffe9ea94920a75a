"""DURATION expressions: "deux ans" -> P2Y, "48 heures" -> PT48H, "plusieurs jours" -> PXD.

Numbers are digits ("30,4 secondes" -> PT30.4S) or French number words ("vingt-cinq
ans"); "et demi" adds a half ("deux ans et demi" -> P30M, :func:`~pipeline.nlp.timex.timeml.duration_value`).
A quantity word before the number is TimeML's ``mod`` and part of the expression ("plus de
deux heures" -> PT2H, MORE_THAN). Vague quantities ("plusieurs", "quelques", "des", "ces
derniers") give ``X`` (``PXD``). Vocabulary: ``duration_*``, ``vague_*`` and
``one_day_openers`` of ``models/timex_fr.yaml``. Expressions that place the duration on
the calendar ("il y a deux ans", "dans trois mois") are DATEs, found by the older rules
(the longest match wins); with a vague quantity they are references ("il y a quelques
mois" -> PAST_REF, "dans quelques jours" -> FUTURE_REF).

>>> [(c.fixed, c.tmod) for c in find("pendant plus de deux ans et demi, puis 30,4 secondes")]
[('P30M', 'MORE_THAN'), ('PT30.4S', '')]
>>> [c.fixed for c in find("ces derniers jours, des années 1990, un jour viendra")]
['PXD']
>>> [(c.fixed, c.ttype) for c in find("il y a quelques mois, dans quelques jours")]
[('PAST_REF', 'DATE'), ('FUTURE_REF', 'DATE')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from .candidates import Candidate
from .patterns import rules
from .timeml import duration_value
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list


def number_pattern() -> str:
    """A regex (no group) for a number in digits ("48", "30,4") or words ("vingt-cinq")."""
    voc = vocabulary()
    small = [w for w, v in voc["number_words"].items() if 1 <= int(v) <= 11 and "-" not in w]
    words = longest_first(voc["number_words"])
    tens = longest_first(voc.get("tens") or [])
    return (r"(?:(?<![\w,.])(?<!\d\s)\d{1,4}(?:[,.]\d+)?(?![\d])|" + tens + r"(?:[-‑]|\s+et\s+)" + longest_first(small)
            + r"|" + words + r")")


def parse_number(s: str) -> float | None:
    """ "30,4" -> 30.4, "vingt-cinq" -> 25, "une" -> 1; None when not a number."""
    k = lookup_key(s).replace(",", ".")
    try:
        return float(k)
    except ValueError:
        n = rules().number(k)
        return float(n) if n is not None else None


class _Rx:
    def __init__(self):
        voc = vocabulary()
        self.units = {lookup_key(k): v for k, v in voc["duration_units"].items()}
        self.mods = {lookup_key(k): v for k, v in voc["duration_mods"].items()}
        plural = [w for w in self.units if w.endswith(("s", "x")) or w == "mois"]
        U = longest_first(self.units)
        UP = longest_first(plural)
        MOD = r"(?:(?P<mod>" + longest_first(self.mods) + r")\s*)?"
        HALF = r"(?P<half>\s+" + longest_first(word_list("duration_half")) + r"(?![\w]))?"
        no_decade = r"(?!\s+(?:19|20)?\d0(?!\d))"
        F = re.IGNORECASE
        self.numeric = re.compile(
            r"(?<![\w])" + MOD + r"(?:(?P<det>les|ces)\s+)?(?P<n>" + number_pattern() + r")\s+"
            r"(?:(?P<rel>derniers|dernières|dernieres|prochains|prochaines|premiers|premières|premieres)\s+)?"
            r"(?P<unit>" + U + r")(?![\w])" + HALF + no_decade, F)
        self.vague = re.compile(
            r"(?<![\w])(?:" + longest_first(word_list("vague_quantities")) + r"|(?P<recent>"
            + longest_first(word_list("vague_recent")) + r"))\s+(?P<unit>" + UP + r")(?![\w])" + no_decade, F)
        self.of_after = re.compile(r"^\s+(?:de|du|des|d['’])(?![\w])", F)
        self.ago = re.compile(r"(?<![\w])(?:" + alternation(word_list("ago_openers")) + r")\s+$", F)
        self.ahead = re.compile(r"(?<![\w])(?:" + alternation(word_list("in_openers")) + r")\s+$", F)
        self.one_day_before = re.compile(r"(?<![\w])(?:" + alternation(word_list("one_day_openers")) + r")\s*$", F)


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


def find(text: str) -> list[Candidate]:
    """DURATION candidates of ``text`` (kind ``fixed``, value in ``fixed``), overlaps allowed."""
    X = _rx()
    out: list[Candidate] = []
    for m in X.numeric.finditer(text):
        unit = X.units[lookup_key(m.group("unit"))]
        n = parse_number(m.group("n"))
        if n is None or n <= 0:
            continue
        if unit == "D" and n == 1 and not m.group("mod") and not m.group("det"):
            if not X.one_day_before.search(text[max(0, m.start() - 20):m.start()]):
                continue  # "un jour, il reviendra": some day, not a duration
        if m.group("half"):
            n += 0.5
        mod = X.mods.get(lookup_key(m.group("mod"))) if m.group("mod") else ""
        out.append(Candidate(m.start(), m.end(), "duration", "fixed", ttype="DURATION", tmod=mod or "",
                             fixed=duration_value(n, unit)))
    for m in X.vague.finditer(text):
        unit = X.units[lookup_key(m.group("unit"))]
        if m.group("recent") and X.of_after.match(text[m.end():m.end() + 5]):
            continue  # "les derniers jours de la guerre": a period of the calendar, not a duration
        before = text[max(0, m.start() - 12):m.start()]
        ago, ahead = X.ago.search(before), X.ahead.search(before)
        if (ago or ahead) and not m.group("recent"):
            # "il y a quelques mois" -> PAST_REF, "dans quelques jours" -> FUTURE_REF (DATE)
            s = max(0, m.start() - 12) + (ago or ahead).start()
            out.append(Candidate(s, m.end(), "ago_vague" if ago else "in_vague", "fixed",
                                 fixed="PAST_REF" if ago else "FUTURE_REF"))
            continue
        out.append(Candidate(m.start(), m.end(), "duration_vague", "fixed", ttype="DURATION",
                             fixed=duration_value(None, unit)))
    return out
