"""TimeML references (type DATE): ``PRESENT_REF`` "actuellement", ``PAST_REF`` "autrefois",
``FUTURE_REF`` "prochainement" (``reference_words`` of ``models/timex_fr.yaml``).

"aujourd'hui" is the publication day (a DATE of day precision, found by the older rules)
except in its general sense, which the text marks: "aujourd'hui encore", "encore
aujourd'hui", "d'aujourd'hui" after a noun ("la Russie d'aujourd'hui", but not "à partir
d'aujourd'hui") -> PRESENT_REF. "maintenant" is the participle of "maintenir" after "en"
("en maintenant la pression") or when it opens a clause before a determiner ("Le
gouvernement, maintenant le cap, ..."; the parser reads both as adverbs); "bientôt" before a
number means "almost" ("bientôt deux ans"): neither is a reference then.

>>> [(c.fixed, c.start, c.end) for c in find("Actuellement, la Russie d'aujourd'hui, autrefois.")]
[('PRESENT_REF', 0, 12), ('PRESENT_REF', 24, 37), ('PAST_REF', 39, 48)]
>>> find("en maintenant la pression, bientôt deux ans, à partir d'aujourd'hui")
[]
"""
from __future__ import annotations

import re
from functools import lru_cache

from .candidate import Candidate
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list

F = re.IGNORECASE


class _Rx:
    def __init__(self):
        self.value = {lookup_key(w): ref for ref, ws in vocabulary()["reference_words"].items() for w in ws}
        self.words = re.compile(r"(?<![\w'’])" + longest_first(self.value) + r"(?![\w])")  # on lowercased text
        self.object_after = re.compile(r"^\s+(?:" + alternation(word_list("maintenant_objects")) + r")(?![\w])", F)
        self.number_after = re.compile(r"^\s+(?:\d|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|"
                                       r"trente|quarante|cinquante|cent|mille)(?![\w])", F)


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


def find(text: str, low: str | None = None) -> list[Candidate]:
    """Reference candidates of ``text`` (kind ``fixed``, type DATE); ``low`` is ``text``
    lowercased with the same length (computed when not given)."""
    X = _rx()
    low = low if low is not None else text.lower()
    out = []
    for m in X.words.finditer(low):
        k = re.sub(r"\s+", " ", lookup_key(m.group(0)))
        before = text[max(0, m.start() - 12):m.start()]
        after = text[m.end():m.end() + 12]
        if k == "maintenant" and (re.search(r"(?<![\w])en\s+$", before, F) or (
                X.object_after.match(after) and re.search(r"(?:^|[,;:(«—–-])\s*$", before))):
            continue
        if k in ("bientôt", "bientot") and X.number_after.match(after):
            continue
        if k == "d'aujourd'hui" and re.search(r"(?:partir|compter|dès|des|jusqu['’]à)\s*$", before + "", F):
            continue
        out.append(Candidate(m.start(), m.end(), "reference", "fixed", ttype="DATE", fixed=X.value[k]))
    return out
