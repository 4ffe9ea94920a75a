"""Normalised keys for names: case, accents, French articles and elision folded away.

``l’OTAN``, ``L'OTAN``, ``Otan`` and ``OTAN`` share the key ``otan``; the key is
also the id of an actor that is not in the gazetteer. The articles removed from the start
of a name are listed in ``models/name_keys.yaml``.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..lexicon import word_list

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})


def _alternation(key: str) -> str:
    """A regex alternation of the words of ``key`` in ``models/name_keys.yaml``, in file order."""
    return "|".join(re.escape(w) for w in word_list("name_keys.yaml", key))


_LEADING_ARTICLE = re.compile(rf"^(?:(?:{_alternation('elided_articles')})'\s*|(?:{_alternation('leading_articles')})\s+)",
                              re.I)
_NON_WORD = re.compile(r"[\W_]+")


#: texts up to this length have their folded form cached (words and names, met over and over)
_CACHED_LEN = 200


def fold(text: str) -> str:
    """Lowercase, strip accents and unify apostrophes, dashes and spaces.

    >>> fold("  L’Élysée — Zelensky ")
    "l'elysee - zelensky"
    """
    return _fold_cached(text) if len(text) <= _CACHED_LEN else _fold(text)


@functools.lru_cache(maxsize=1 << 16)
def _fold_cached(text: str) -> str:
    return _fold(text)


class _FoldTable(dict):
    """``str.translate`` table of :func:`fold`: the apostrophes and dashes unified, and every
    combining mark dropped (looked up with ``unicodedata.combining`` the first time a
    character is met, then kept)."""

    def __missing__(self, code: int):
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable({**_APOSTROPHES, **_DASHES})


def _fold(text: str) -> str:
    if text.isascii():  # no accent to strip; "`" is the only ASCII mark unified
        return " ".join(text.replace("`", "'").lower().split())
    # translated after NFKD: compatibility forms decompose into the marks we unify ("︱" -> "—");
    # one pass, as the three of _fold_slow (no mark unified is a combining character)
    return " ".join(unicodedata.normalize("NFKD", text).translate(_FOLD_TABLE).lower().split())


def _fold_slow(text: str) -> str:
    """:func:`_fold` step by step (the reference of the tests)."""
    text = unicodedata.normalize("NFKD", text).translate(_APOSTROPHES).translate(_DASHES)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def strip_article(folded: str) -> str:
    """Remove one leading French (or English) article or elided particle from folded text."""
    stripped = _LEADING_ARTICLE.sub("", folded, count=1)
    return stripped if stripped else folded


def name_key(text: str) -> str:
    """The normalised key of a name: folded, without leading article, words joined by '-'.

    >>> [name_key(s) for s in ["l’OTAN", "L'OTAN", "Otan", "les États-Unis"]]
    ['otan', 'otan', 'otan', 'etats-unis']
    """
    key = _NON_WORD.sub("-", strip_article(fold(text))).strip("-")
    return key


# French and English spellings of one transliterated name ("Bourhane", "Burhan";
# "Salmane", "Salman"; "Mohammed", "Mohamed"; "Chevtchenko", "Shevchenko"), folded to one key.
# Each pair is (written, key); applied in order to a folded word.
_TRANSLIT_PAIRS = (("abdul", "abdel"), ("tch", "ch"), ("sh", "ch"), ("dj", "j"), ("ou", "u"), ("w", "u"),
                   ("y", "i"), ("ph", "f"), ("q", "k"), ("ck", "k"))
_DOUBLED = re.compile(r"([a-z])\1+")
_TRANSLIT_PARTICLES = {"el": "al", "ben": "bin", "ibn": "bin"}
_FINAL_E = re.compile(r"(?<=[^aeiou])e$")


def transliteration_key(word: str) -> str:
    """A key shared by the French and English transliterations of one name word: folded, then
    abdul -> abdel, tch/sh -> ch, dj -> j, ou/w -> u, y -> i, ph -> f, q/ck -> k, doubled letters once, a final
    mute "e" after a consonant dropped, and the particles el -> al, ben/ibn -> bin.

    >>> [transliteration_key(w) for w in ["Bourhane", "Burhan", "Salmane", "Mohammed", "Chevtchenko"]]
    ['burhan', 'burhan', 'salman', 'mohamed', 'chevchenko']
    """
    w = fold(word)
    while True:  # to a fixed point: one rule can make a spelling another one folds ("tsh" -> "tch")
        if w in _TRANSLIT_PARTICLES:
            return _TRANSLIT_PARTICLES[w]
        prev = w
        for written, key in _TRANSLIT_PAIRS:
            w = w.replace(written, key)
        w = _DOUBLED.sub(r"\1", w)
        if len(w) > 3:
            w = _FINAL_E.sub("", w)
        if w == prev:
            return w
