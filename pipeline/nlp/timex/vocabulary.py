"""The French temporal vocabulary of ``models/timex_fr.yaml`` and the word-to-regex helpers.

The file is read once with :mod:`pipeline.lexicon` (a malformed list stops with an error
naming the file, the key and the line). Words become regular expressions with
:func:`alternation`: a space matches any run of whitespace, an apostrophe either
apostrophe, a hyphen either hyphen. A matched word is looked up with :func:`lookup_key`.

>>> vocabulary()["months"][2]["full"][0]
'février'
>>> "dès" in word_list("lower_bound_prepositions")
True
>>> lookup_key("Aujourd’hui")
"aujourd'hui"
"""
from __future__ import annotations

import re
from typing import Any

from ... import lexicon

VOCABULARY_FILE = "timex_fr.yaml"


def vocabulary() -> dict[str, Any]:
    """The parsed ``models/timex_fr.yaml`` (loaded once)."""
    return lexicon.load_lexicon(VOCABULARY_FILE)


def word_list(key: str) -> tuple[str, ...]:
    """The word list ``key`` of ``models/timex_fr.yaml``, in file order (validated)."""
    return lexicon.word_list(VOCABULARY_FILE, key)


def lookup_key(word: str) -> str:
    """Lookup key of a matched word: lowercase, typographic apostrophe, no dot/hyphen variants."""
    return re.sub(r"\s+", " ", word.lower().replace("’", "'").replace("‑", "-").rstrip("."))


def word_pattern(word: str) -> str:
    """A regex matching ``word`` with any whitespace run, apostrophe or hyphen in its gaps."""
    out = []
    for ch in word:
        if ch == "'":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append("[-‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words) -> str:
    """The words as a regex alternation, in the order given (no group around it).

    >>> print(alternation(["jusqu'en", "mis à jour"]))
    jusqu['’]en|mis\\s+à\\s+jour
    """
    return "|".join(word_pattern(w) for w in words)


def longest_first(words) -> str:
    """A group alternating the distinct words, longest first (so "juillet" is tried before "juil").

    >>> print(longest_first(["mi", "fin", "mi", "début"]))
    (?:début|fin|mi)
    """
    words = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(word_pattern(w) for w in words) + ")"
