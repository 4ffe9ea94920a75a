"""Normalised keys for names: case, accents, French articles and elision folded away.

``l’OTAN``, ``L'OTAN``, ``Otan`` and ``OTAN`` share the key ``otan``; the key is
also the id of an actor that is not in the gazetteer.
"""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})
_LEADING_ARTICLE = re.compile(r"^(?:(?:l|d|qu)'\s*|(?:le|la|les|du|des|de la|de l'|de|the)\s+)", re.I)
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lowercase, strip accents and unify apostrophes, dashes and spaces.

    >>> fold("  L’Élysée — Zelensky ")
    "l'elysee - zelensky"
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_DASHES))
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
