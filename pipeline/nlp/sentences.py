"""A bound on the length of a sentence, whatever the text.

The sentence constraints set before the parser (``actorgraph_paragraphs`` in
:mod:`pipeline.nlp.paragraphs`) let a sentence start only after terminal punctuation or a line
break. A text without punctuation for megabytes (a dump of words, a transcript, a table
flattened into one line) would then be one sentence of tens of thousands of tokens, and
work done per sentence (the parser's, and ours: a sentence's subjects, quotes, dates)
grows with its square.

The rule: a run of more than :data:`MAX_SENTENCE_TOKENS` tokens in which no sentence may
start is cut into sentences of at most that many tokens. Each cut falls before the last token
within the limit that follows a space (a word, not a space token: never inside a word,
"l'" + "Iran" and "mot" + "," are not separated); only when the whole window holds no
space does the sentence run on to the first token after one. The text is not changed,
so character offsets stay exact. Ordinary prose never has such runs (a sentence of 250
tokens is about 1,500 characters), so its sentences are untouched.
"""
from __future__ import annotations

import numpy as np

#: longest run of tokens (spaces included) with no possible sentence start
MAX_SENTENCE_TOKENS = 250


def bound_sentences(starts: np.ndarray, spaced: np.ndarray, is_space: np.ndarray,
                    limit: int = MAX_SENTENCE_TOKENS) -> np.ndarray:
    """Force sentence starts (1) into runs longer than ``limit`` where ``starts`` allows none.

    ``starts`` holds spaCy's ``SENT_START`` values (1 start, 0 the parser decides, -1 no
    start); ``spaced[i]``: token ``i`` is followed by a space; ``is_space[i]``: token ``i``
    is whitespace. Returns ``starts`` (changed in place).

    >>> s = np.array([1] + [-1] * 9); sp = np.ones(10, bool); ws = np.zeros(10, bool)
    >>> bound_sentences(s, sp, ws, limit=4).tolist()
    [1, -1, -1, -1, 1, -1, -1, -1, 1, -1]
    """
    n = len(starts)
    possible = np.flatnonzero(starts >= 0)
    if n <= limit and len(possible):
        return starts
    bounds = np.append(possible, n)
    if len(possible) and not (np.diff(bounds) > limit).any() and possible[0] <= limit:
        return starts
    # after a space: the previous token has a trailing space, or is itself whitespace
    after_space = np.zeros(n, dtype=bool)
    after_space[1:] = spaced[:-1] | is_space[:-1]
    cuttable = after_space & ~is_space
    run_start = 0
    for b in bounds.tolist():
        cut = run_start
        while b - cut > limit:
            j = cut + limit  # the last cuttable token that keeps the sentence within the limit
            while j > cut and not cuttable[j]:
                j -= 1
            if j == cut:  # no space in the whole window: the first one after it
                j = cut + limit
                while j < b and not cuttable[j]:
                    j += 1
                if j >= b:
                    break
            starts[j] = 1
            cut = j
        run_start = b
    return starts
