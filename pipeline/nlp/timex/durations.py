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

from .candidate import Candidate
from .patterns import rules
from .timeml import duration_value
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list


def number_pattern() -> str:
    """A regex (no group) for a number in digits ("48", "30,4") or words ("vingt-cinq")."""
    voc = vocabulary()
    small = [w for w, v in voc["number_words"].items() if 1 <= int(v) <= 11 and "-" not in w]
    words = longest_first(voc["number_words"])
    tens = longest_first(voc.get("tens") or [])
    return (r"(?:(?<![\w,.])(?<!\d\s)(?<!\d[-‑–])\d{1,4}(?:[,.]\d+)?(?![\d])|" + tens + r"(?:[-‑]|\s+et\s+)" + longest_first(small)
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
        self.fractions = {lookup_key(w): 0.5 for w in word_list("duration_half")}
        self.fractions.update({lookup_key(k): float(v) for k, v in (voc.get("duration_fractions") or {}).items()})
        HALF = r"(?P<half>\s+" + longest_first(self.fractions) + r"(?![\w]))?"
        no_decade = r"(?!\s+(?:19|20)?\d0(?!\d))"
        # matched on the lowercased text (pipeline.nlp.timex.extents.lowered): no IGNORECASE, faster
        # a unit word is found first; the number is read in the 40 characters before it
        self.unit = re.compile(r"(?<![\w])(?P<unit>" + U + r")(?![\w])")
        self.number_before = re.compile(
            r"(?P<n>" + number_pattern() + r")\s+"
            r"(?:(?P<rel>derniers|dernières|dernieres|prochains|prochaines|premiers|premières|premieres)\s+)?$")
        self.after_unit = re.compile(HALF + no_decade)
        self.approx = {lookup_key(k): int(v) for k, v in voc["duration_approx_nouns"].items()}
        # "une dizaine d'années": the approximate number before "de" + unit (mod APPROX)
        self.approx_before = re.compile(r"(?<![\w])(?:une|la|cette)\s+(?P<noun>" + longest_first(self.approx)
                                        + r")\s+d(?:e\s+|['’])$")
        # before the number: a quantity word (the mod) and a determiner, both in the expression
        self.before = re.compile(r"(?:(?<![\w])(?P<mod>" + longest_first(self.mods) + r")\s*)?"
                                 r"(?:(?<![\w])(?P<det>les|ces)\s+)?\Z")
        self.vague = re.compile(
            r"(?<![\w])(?:" + longest_first(word_list("vague_quantities")) + r"|(?P<recent>"
            + longest_first(word_list("vague_recent")) + r"))\s+(?P<unit>" + UP + r")(?![\w])" + no_decade)
        # "une demi-heure" PT30M, "un quart d'heure" PT15M, "trois quarts d'heure" PT45M, "un demi-siècle" P50Y
        self.fraction = re.compile(r"(?<![\w])(?:(?P<det>un|une|trois|le|la|ce|cette)\s+)?(?:demi-(?P<u1>" + U
                                   + r")|(?P<quart>quarts?)\s+d(?:e\s+|['’])(?P<u2>" + U + r"))(?![\w])")
        self.of_after = re.compile(r"^\s+(?:de|du|des|d['’])(?![\w])")
        self.ago = re.compile(r"(?<![\w])(?:" + alternation(word_list("ago_openers")) + r")\s+$")
        self.ahead = re.compile(r"(?<![\w])(?:" + alternation(word_list("in_openers")) + r")\s+$")
        self.ago_words = {w.lower() for w in word_list("ago_openers")}
        self.age_before = re.compile(r"(?:(?<![\w])(?:" + alternation(word_list("age_openers")) + r")|(?<![\w])(?:"
                                     + alternation(word_list("age_nouns")) + r")\s+(?:de|d['’]))\s*\Z")
        # an apposition: a capitalised word, a comma or bracket, the age in digits, then a comma or bracket
        self.age_name = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s*[,(]\s*\Z")
        self.age_close = re.compile(r"\s*[,)]")
        # "Elle est en résidence surveillée et, à 76 ans, est en bonne santé": "à" + age between commas
        self.age_at = re.compile(r"(?:^|[,;(—–])\s*à\s+\Z")
        self.one_day_before = re.compile(r"(?<![\w])(?:" + alternation(word_list("one_day_openers")) + r")\s*$")


# The kind of the DATE that "il y a"/"dans" + a duration of this unit gives (TimeML: a point).
_PLACED = {"D": "relday", "W": "relweek", "M": "relmonth", "Y": "relyear"}


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


def _is_age(text: str, low: str, s: int, e: int, X: _Rx) -> bool:
    """True when "N ans" at ``text[s:e]`` is the age of a person (``age_*`` of the vocabulary)."""
    if X.age_before.search(low, max(0, s - 40), s):
        return True
    if not (low[s].isdigit() and X.age_close.match(text, e)):
        return False
    return bool(X.age_name.search(text, max(0, s - 40), s) or X.age_at.search(text, max(0, s - 10), s))


@lru_cache(maxsize=None)
def _elapsed() -> re.Pattern:
    units = [u for u in _rx().units if u in ("semaine", "mois", "année", "annee", "an", "journée", "journee", "décennie", "decennie")]
    return re.compile(r"(?<![\w])(?:(?:la|le|l['’]|cette|ce|cet)\s*)?(?P<unit>" + "|".join(sorted(units, key=len, reverse=True))
                      + r")\s+(?:écoulée?|ecoulee?)(?![\w])")


def find(text: str, low: str | None = None) -> list[Candidate]:
    """DURATION candidates of ``text`` (kind ``fixed``, value in ``fixed``), overlaps allowed.
    ``low`` is ``text`` lowercased with the same length (computed when not given)."""
    X = _rx()
    low = low if low is not None else text.lower()
    out: list[Candidate] = []
    for u in X.unit.finditer(low):
        m = X.number_before.search(low, max(0, u.start() - 40), u.start())
        after = X.after_unit.match(low, u.end())
        if m is None and after is not None:
            a = X.approx_before.search(low, max(0, u.start() - 30), u.start())
            if a:  # "une dizaine d'années" -> P10Y, APPROX
                n, unit = X.approx[a.group("noun")], X.units[u.group("unit")]
                b = (X.ago.search(low, max(0, a.start() - 12), a.start())
                     or X.ahead.search(low, max(0, a.start() - 12), a.start()))
                kind = _PLACED.get(unit)
                if b and kind:  # "il y a une quarantaine d'années": a DATE placed by the duration, APPROX
                    ago = b.group(0).strip().lower() in X.ago_words
                    out.append(Candidate(b.start(), after.end(), "ago" if ago else "in", kind,
                                         offset=-n if ago else n, unit=kind[3:], tmod="APPROX"))
                    continue
                out.append(Candidate(a.start(), after.end(), "duration", "fixed", ttype="DURATION", tmod="APPROX",
                                     fixed=duration_value(X.approx[a.group("noun")], X.units[u.group("unit")])))
            continue
        if m is None or after is None:
            continue
        s = m.start()
        if s and (low[s - 1].isalnum() or low[s - 1] == "_"):
            continue
        unit = X.units[u.group("unit")]
        n = parse_number(m.group("n"))
        if n is None or n <= 0:
            continue
        w0 = max(0, s - 30)
        b = X.before.search(low, w0, s)
        if b and (b.group("mod") or b.group("det")):
            s = b.start("mod") if b.group("mod") else b.start("det")
        mod = X.mods.get(lookup_key(b.group("mod"))) if b and b.group("mod") else ""
        if unit == "D" and n == 1 and not mod and s == m.start():
            if not X.one_day_before.search(low, max(0, s - 20), s):
                continue  # "un jour, il reviendra": some day, not a duration
        if unit == "Y" and not mod and s == m.start() and not after.group("half") and _is_age(text, low, s, after.end(), X):
            continue  # "l'homme de 79 ans", "Alexeï Navalny, 44 ans,": an age, not a duration
        if after.group("half"):  # "et demi" 0.5, "et quart" 0.25, "et trois quarts" 0.75
            n += X.fractions[re.sub(r"\s+", " ", lookup_key(after.group("half").strip()))]
        out.append(Candidate(s, after.end(), "duration", "fixed", ttype="DURATION", tmod=mod or "",
                             fixed=duration_value(n, unit)))
    for m in X.fraction.finditer(low) if ("demi-" in low or "quart" in low) else ():
        det = m.group("det") or ""
        if m.group("quart"):
            if not det or (det == "trois") != m.group("quart").endswith("s"):
                continue  # "le quart d'heure" alone is fine; "quarts" needs "trois"
            n = 0.75 if det == "trois" else 0.25
        else:
            if det == "trois":
                continue
            n = 0.5
        out.append(Candidate(m.start(), m.end(), "duration", "fixed", ttype="DURATION",
                             fixed=duration_value(n, X.units[m.group("u1") or m.group("u2")])))
    for m in _elapsed().finditer(low) if ("écoul" in low or "ecoul" in low) else ():
        # "la semaine écoulée", "l'année écoulée": the unit just elapsed (TimeML "the past week"), a DURATION
        out.append(Candidate(m.start(), m.end(), "duration_elapsed", "fixed", ttype="DURATION",
                             fixed=duration_value(1, X.units[m.group("unit")])))
    for m in X.vague.finditer(low):
        unit = X.units[m.group("unit")]
        if m.group("recent") and X.of_after.match(low[m.end():m.end() + 5]):
            continue  # "les derniers jours de la guerre": a period of the calendar, not a duration
        before = low[max(0, m.start() - 12):m.start()]
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
