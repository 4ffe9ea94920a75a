"""SET expressions: "chaque année" -> P1Y, "tous les jeudis" -> XXXX-WXX-4, "tous les deux
ans" -> P2Y, "deux fois par mois" -> P1M, "quotidiennement" -> P1D (``set_*`` of
``models/timex_fr.yaml``). TimeML's ``freq``/``quant`` attributes are not kept (a
frequency stays readable in the text: "deux fois par mois").

>>> [c.fixed for c in find("chaque année, tous les jeudis, tous les deux ans, deux fois par mois")]
['P1Y', 'XXXX-WXX-4', 'P2Y', 'P1M']
>>> sorted(c.fixed for c in find("quotidiennement, chaque matin"))
['P1D', 'XXXX-XX-XXTMO']
"""
from __future__ import annotations

import re
from functools import lru_cache

from .candidate import Candidate
from .durations import number_pattern, parse_number
from .patterns import rules
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list

F = re.IGNORECASE


class _Rx:
    def __init__(self):
        voc = vocabulary()
        self.units = {lookup_key(k): v for k, v in voc["set_units"].items()}
        self.adverbs = {lookup_key(k): v for k, v in voc["set_adverbs"].items()}
        wd = {lookup_key(w): n for w, n in rules().weekday_of.items()}
        self.weekdays = {**wd, **{w + "s": n for w, n in wd.items()}}
        U = longest_first(list(self.units) + list(self.weekdays))
        self.every = re.compile(r"(?<![\w])(?:" + alternation(word_list("set_openers")) + r")\s+(?:(?P<n>"
                                + number_pattern() + r")\s+)?(?P<unit>" + U + r")(?![\w])")
        self.times = re.compile(r"(?<![\w])(?P<n>" + number_pattern() + r")\s+(?:" + alternation(word_list("set_times"))
                                + r")\s+par\s+(?P<unit>" + longest_first(self.units) + r")(?![\w])")
        self.adjectives = {lookup_key(k): v for k, v in voc["set_adjectives"].items()}
        heads = longest_first(word_list("set_adjective_heads"))
        self.adjective = re.compile(r"(?<![\w'’])(?P<head>" + heads + r")(?P<mid>(?:\s+[\w'’-]+){0,2}?)\s+(?P<adj>"
                                    + longest_first(self.adjectives) + r")(?![\w])")
        months = {lookup_key(w): n for w, n in rules().month_of.items() if len(w) > 4 or w in ("mai", "juin", "août", "aout", "mars")}
        self.month_of = months
        # "chaque 1er mai", "tous les 14 juillet": a day of every year (XXXX-05-01)
        self.every_day = re.compile(r"(?<![\w])(?:chaque|tous\s+les)\s+(?P<d>1er|premier|[12]?\d|3[01])[\s-]+(?P<m>"
                                    + longest_first(months) + r")(?![\w])")
        self.adverb = re.compile(r"(?<![\w])" + longest_first(self.adverbs) + r"(?![\w])")


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


def find(text: str, low: str | None = None) -> list[Candidate]:
    """SET candidates of ``text`` (kind ``fixed``); ``low`` is ``text`` lowercased with the
    same length (computed when not given). The regexes run on ``low``, only when a word
    they need occurs in it."""
    X = _rx()
    low = low if low is not None else text.lower()
    out = []
    every = "chaque" in low or "tous les" in low or "toutes les" in low
    for m in X.every.finditer(low) if every else ():
        unit = lookup_key(m.group("unit"))
        n = parse_number(m.group("n")) if m.group("n") else 1
        if unit in X.weekdays:
            if n != 1:
                continue
            value = f"XXXX-WXX-{X.weekdays[unit] + 1}"
        else:
            value = X.units[unit]
            if n is None or n < 1 or n != int(n):
                continue
            if n != 1:
                if not value.startswith("P"):
                    continue
                value = value.replace("1", str(int(n)), 1)
        out.append(Candidate(m.start(), m.end(), "set", "fixed", ttype="SET", fixed=value))
    for m in X.every_day.finditer(low) if every else ():
        d = 1 if m.group("d") in ("1er", "premier") else int(m.group("d"))
        if 1 <= d <= 31:
            out.append(Candidate(m.start(), m.end(), "set", "fixed", ttype="SET",
                                 fixed=f"XXXX-{X.month_of[lookup_key(m.group('m'))]:02d}-{d:02d}"))
    for m in X.times.finditer(low) if " par " in low else ():
        out.append(Candidate(m.start(), m.end(), "set_freq", "fixed", ttype="SET",
                             fixed=X.units[lookup_key(m.group("unit"))]))
    for m in X.adjective.finditer(low) if ("quotidien" in low or "uel" in low or "daire" in low or "triel" in low) else ():
        if re.search(r"\d", m.group("mid")):
            continue
        out.append(Candidate(m.start("adj"), m.end(), "set_adjective", "fixed", ttype="SET",
                             fixed=X.adjectives[lookup_key(m.group("adj"))]))
    for m in X.adverb.finditer(low) if ("ment" in low or "tous les" in low or "sur" in low or "/" in low or "après" in low) else ():
        out.append(Candidate(m.start(), m.end(), "set", "fixed", ttype="SET",
                             fixed=X.adverbs[re.sub(r"\s+", " ", lookup_key(m.group(0)))]))
    return out


@lru_cache(maxsize=None)
def _habit_blockers() -> re.Pattern:
    return re.compile(r"\s+(?:" + alternation(word_list("habitual_blockers_after")) + r")(?![\w])", F)


def habitual(c, text: str, tense: str | None) -> str | None:
    """SET value of a weekday or weekend that recurs: "le marché se tient le jeudi" ->
    ``XXXX-WXX-4``, "les bureaux ferment le week-end" -> ``XXXX-WXX-WE``. Only with the
    determiner "le" and a verb in the present tense, and not before a word that picks one
    day out ("le lundi suivant", "le lundi où..."; ``habitual_blockers_after``). None otherwise."""
    if tense != "present" or c.range_end is not None or c.range_start is not None:
        return None
    if text[c.start:c.start + 3].lower() != "le " or _habit_blockers().match(text, c.end):
        return None
    if c.kind == "weekday" and c.mod is None and c.weekday is not None:
        return f"XXXX-WXX-{c.weekday + 1}"
    if c.kind == "relweek" and c.unit == "weekend" and c.mod == "bare":
        return "XXXX-WXX-WE"
    return None
