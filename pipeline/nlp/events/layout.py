"""Text that states no event: headings, bylines, rubric labels and merged link titles.

News pages come with layout that is not prose: the headline and sub-headings, a byline,
a caption, a rubric label before a colon ("Guerre en Ukraine :"), the title of a linked
article glued to the next sentence. Their words look like events ("Guerre", "sommet") but
state none. :func:`non_event_spans` returns the character ranges of such text, found from
layout and grammar only (no word lists), with the settings of ``models/confidence.yaml``
(``layout``):

* **heading paragraph** — in a text of several lines, a line of at most
  ``heading_max_words`` words that does not end with final punctuation (closing quotes
  and brackets aside), unless it stops in mid-phrase (on a determiner, preposition,
  conjunction or pronoun) or is a long last line (a text cut short);
* **rubric label** — at the start of a line or sentence, at most ``rubric_max_words``
  words with no finite verb, then a colon: the label only;
* **merged title** — a sentence whose opening words run into the next sentence with no
  punctuation: a capitalised function word (determiner, preposition, pronoun, adverb,
  conjunction, auxiliary) outside any name right after a word (``… à l'Ukraine Selon le
  gouvernement …``); the words before it, from the sentence start, are a title.

>>> import spacy
>>> doc = spacy.blank("fr")("Guerre en Ukraine\\n\\nLa Russie a attaqué l'Ukraine.")
>>> [doc.text[s:e] for s, e in non_event_spans(doc)]
['Guerre en Ukraine']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
from spacy import symbols
from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_QUOTE, IS_SPACE, ORTH, POS
from spacy.tokens import Doc, Span

from ..base import doc_text
from .confidence import has_finite_verb, load_weights

#: the last line of a text is a heading (a credit, "Lire aussi") only when this short
LAST_LINE_MAX_WORDS = 6
#: POS of a line's last word that shows the line is cut in the middle of a phrase
OPEN_ENDED_POS = ("DET", "ADP", "CCONJ", "SCONJ", "PRON")
#: POS of the capitalised words that open a sentence glued to a title
GLUE_POS = ("DET", "ADP", "PRON", "ADV", "CCONJ", "SCONJ", "AUX")
_WORD = re.compile(r"\w+")


def _settings() -> tuple[int, int, tuple[str, ...], str]:
    lay = load_weights().layout
    final = tuple(str(x) for x in lay.get("final_punctuation") or (".", "!", "?", "…"))
    closing = "".join(str(x) for x in lay.get("closing_marks") or ("»", "”", '"', ")", " "))
    return int(lay.get("heading_max_words", 25)), int(lay.get("rubric_max_words", 5)), final, closing


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of short paragraphs without final punctuation (headings, bylines).

    >>> t = "Titre de l'article\\nPremier paragraphe, qui se termine bien.\\nDernière minute"
    >>> [t[s:e] for s, e in heading_lines(t)]
    ["Titre de l'article", 'Dernière minute']
    """
    max_words, _, final, closing = _settings()
    out = []
    pos = 0
    lines = text.split("\n")
    if sum(1 for line in lines if line.strip()) < 2:
        return out  # a one-line text is all body
    last = max(i for i, line in enumerate(lines) if line.strip())
    for k, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip()
        if not body:
            continue
        n_words = len(_WORD.findall(body))
        if n_words == 0 or n_words > max_words:
            continue
        if k == last and n_words > LAST_LINE_MAX_WORDS:
            continue  # a text cut short ends without punctuation: that line is body
        if body.rstrip(closing).endswith(final):
            continue
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, start + lead + len(body)))
    return out


def rubric_label(sent: Span) -> tuple[int, int] | None:
    """The verbless label before a colon that opens a sentence ("Guerre en Ukraine :")."""
    _, max_words, _, _ = _settings()
    for t in sent[: 3 * max_words]:
        if t.text == ":":
            label = sent.doc[sent.start: t.i]
            words = [x for x in label if not x.is_punct]
            if 0 < len(words) <= max_words and not has_finite_verb(label) and "\n" not in label.text:
                return sent.start_char, t.idx + 1
            return None
    return None


def glued_title(sent: Span, start: int) -> tuple[int, int] | None:
    """A title from token ``start`` of the sentence up to a capitalised function word that
    follows a word without punctuation (the next sentence glued to it)."""
    doc = sent.doc
    for t in doc[start + 1: sent.end]:
        prev = doc[t.i - 1]
        if (t.pos_ in GLUE_POS and t.text[:1].isupper() and t.text[1:2].islower() and not t.ent_type_
                and not prev.is_punct and not prev.is_space and not prev.is_quote and "\n" not in prev.whitespace_):
            return doc[start].idx, prev.idx + len(prev.text)
    return None


def _marks(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indices of the document's colons, and of the tokens at which
    :func:`glued_title` stops (a capitalised word of ``GLUE_POS`` outside an entity, after a
    token that is no punctuation, space or quote), read from the attribute arrays."""
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, POS, ENT_TYPE, IS_PUNCT, IS_SPACE, IS_QUOTE])
    colons = np.flatnonzero(arr[:, 0] == strings.add(":")).tolist()
    after_word = np.zeros(len(doc), dtype=bool)
    after_word[1:] = (arr[:-1, 3] == 0) & (arr[:-1, 4] == 0) & (arr[:-1, 5] == 0)
    pos = np.array([symbols.IDS[p] for p in GLUE_POS], dtype=arr.dtype)
    maybe = np.flatnonzero(np.isin(arr[:, 1], pos) & (arr[:, 2] == 0) & after_word)
    glue = [i for i, h in zip(maybe.tolist(), arr[maybe, 0].tolist())
            if strings[h][:1].isupper() and strings[h][1:2].islower()]
    return colons, glue


def _open_ended(doc: Doc, end: int) -> bool:
    """The line ending at ``end`` stops on a determiner, preposition, conjunction or
    pronoun, or on a one-letter word: it is cut in mid-phrase, not a heading."""
    span = doc.char_span(0, end, alignment_mode="contract") if end else None
    if span is None or not len(span):
        return False
    t = span[-1]
    return t.pos_ in OPEN_ENDED_POS or (len(t.text) == 1 and t.is_alpha)


def non_event_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sorted, merged character ranges of the text that states no event (see the module doc)."""
    spans = [(s, e) for s, e in heading_lines(doc_text(doc)) if not _open_ended(doc, e)]
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        colons, glue = _marks(doc)
        window = 3 * _settings()[1]
        for sent in doc.sents:
            # rubric_label reads up to the first ":" of its window; none there, no label
            k = bisect_left(colons, sent.start)
            has_colon = k < len(colons) and colons[k] < min(sent.end, sent.start + window)
            label = rubric_label(sent) if has_colon else None
            first = sent.start
            if label is not None:
                spans.append(label)
                while first < sent.end and doc[first].idx < label[1]:
                    first += 1
            while first < sent.end and (doc[first].is_space or doc[first].is_punct):
                first += 1
            if first < sent.end - 1:
                # glued_title(sent, first): the first point after ``first`` in the sentence
                k = bisect_right(glue, first)
                if k < len(glue) and glue[k] < sent.end:
                    prev = doc[glue[k] - 1]
                    spans.append((doc[first].idx, prev.idx + len(prev.text)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


class SpanIndex:
    """``inside(char)``: is a character offset inside one of the ranges?"""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def inside(self, char: int) -> bool:
        k = bisect_right(self.starts, char) - 1
        return k >= 0 and char < self.ends[k]
