"""Per-document indexes shared by the event stages, and the small helpers they all use.

:class:`DocContext` holds what the stages look up again and again in one document: the
actor entity of each token, the sentence of each token, the dated expressions, the
article's anchor date, the heads of conditional clauses, the tokens inside quotations,
the pronouns already resolved and the memos of the modality checks. The stage modules
(:mod:`.triggers`, :mod:`.arguments`, :mod:`.subjects`, ...) are module-level functions
that take the context first. :func:`hand_parsed` builds a small parsed ``Doc`` by hand,
for examples and tests that should not load the French model.

>>> doc = hand_parsed('''
... Selon selon ADP case 1
... Moscou Moscou PROPN obl:mod 4
... , , PUNCT punct 1
... Kiev Kiev PROPN nsubj 4
... négocie négocier VERB ROOT 4 VerbForm=Fin
... . . PUNCT punct 4''', actors={(1, 2): ("LOC", "russia"), (3, 4): ("LOC", "ukraine")})
>>> case_of(doc[1]), case_of(doc[3])
('selon', '')
>>> from pipeline.nlp.events.component import EventExtractor
>>> ctx = DocContext(EventExtractor(), doc)
>>> [(i, ent._.actor_id) for i, ent in ctx.mentions], ctx.label_of(doc[3]), ctx.sent_of[4]
([(1, 'russia'), (3, 'ukraine')], 'LOC', 0)
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import spacy

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from ..base import register_extensions
from . import words as W

if TYPE_CHECKING:
    from .component import EventExtractor

register_extensions(Doc, "events", "anchor")
register_extensions(Span, "actor_id", "actor_source")


class Arg:
    """An actor argument: id, surface text and the token it was read from."""
    __slots__ = ("id", "text", "i")

    def __init__(self, actor_id: str, text: str, i: int):
        self.id, self.text, self.i = actor_id, text, i

    def __repr__(self) -> str:
        return f"Arg({self.id!r}, {self.text!r}, {self.i})"


def case_of(tok: Token) -> str:
    """The preposition (case/mark child, with its fixed parts) that introduces ``tok``."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            words = [c.lower_] + [f.lower_ for f in c.children if f.dep_ == "fixed"]
            text = " ".join(words).replace("’", "'")
            return W.CONTRACTED_PREPOSITIONS.get(text, text)
    return ""


def verb_lemma(ex: EventExtractor, tok: Token) -> str:
    """Canonical lemma of a verb token (model quirks and lemma_fixes undone)."""
    low = tok.lower_
    if low in ex.lemma_fixes:
        return ex.lemma_fixes[low]
    lemma = tok.lemma_.lower()
    return ex.canonical.get(lemma, lemma)


class TokenTable:
    """Per-token values of one parsed document, read once from spaCy's arrays so that the
    hot loops of the stages index lists instead of making a ``Token`` for each look-up:
    ``head`` (index of the head; a root points to itself), ``dep``, ``lower``, ``pos``
    (coarse tag), ``lemma`` (as spaCy writes them: ``tok.dep_``, ``tok.lower_``, ...)
    and ``children`` (each token's dependents in text order, as ``tok.children``).

    >>> doc = hand_parsed('''
    ... Kiev Kiev PROPN nsubj 1
    ... négocie négocier VERB ROOT 1 VerbForm=Fin
    ... . . PUNCT punct 1''')
    >>> t = TokenTable(doc)
    >>> t.head, t.dep[0], t.pos[1], t.lemma[1], t.lower[0], t.children[1]
    ([1, 1, 1], 'nsubj', 'VERB', 'négocier', 'kiev', [0, 2])
    """
    __slots__ = ("head", "dep", "lower", "pos", "lemma", "children")

    def __init__(self, doc: Doc):
        n = len(doc)
        table = doc.to_array([HEAD, DEP, LOWER, POS, LEMMA]).reshape(n, 5)
        # HEAD is an offset, stored unsigned: the cast gives back the negative ones
        self.head: list[int] = (table[:, 0].astype(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        strings, names = doc.vocab.strings, {}

        def texts(column) -> list[str]:
            out = []
            for h in column.tolist():
                name = names.get(h)
                if name is None:
                    name = names[h] = strings[h]
                out.append(name)
            return out

        self.dep, self.lower, self.pos, self.lemma = (texts(table[:, k]) for k in range(1, 5))
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)


def verb_lemma_at(ctx: "DocContext", i: int) -> str:
    """:func:`verb_lemma` of token ``i``, read from the context's :class:`TokenTable`."""
    t = ctx.table
    low = t.lower[i]
    if low in ctx.ex.lemma_fixes:
        return ctx.ex.lemma_fixes[low]
    lemma = t.lemma[i].lower()
    return ctx.ex.canonical.get(lemma, lemma)


class DocContext:
    """Per-document indexes and state of the event stages (see the module doc)."""

    def __init__(self, ex: EventExtractor, doc: Doc):
        from .dating import document_anchor, sentence_dates_of, timex_heads
        from .modality import conditional_clauses

        self.ex = ex
        self.doc = doc
        self.sents = list(doc.sents)
        n = len(doc)
        self.tok2ent: list[Span | None] = [None] * n
        self.mentions: list[tuple[int, Span]] = []  # (token index, entity) for actors in order
        for ent in doc.ents:
            # a discovered MISC name (a treaty, an event, a weapon system) is no actor
            if ent._.actor_id and not (ent.label_ == "MISC" and getattr(ent._, "actor_source", None) == "discovered"):
                for i in range(ent.start, ent.end):
                    self.tok2ent[i] = ent
                self.mentions.append((ent.start, ent))
        self.sent_of = [0] * n
        for sid, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = sid
        self.sent_dates = sentence_dates_of(doc)
        self.timexes = timex_heads(doc)
        self.anchor = document_anchor(doc)
        self.cond_clauses = conditional_clauses(self)
        self._in_quote: list[bool] | None = None
        self._table: TokenTable | None = None
        self._quote_marks: tuple[list[int], list[str]] | None = None
        self._once: dict = {}
        # subject pronouns already resolved to a person: (token index, arg), in text order
        self.resolved: list[tuple[int, Arg]] = []
        self.hyp_memo: dict[int, bool] = {}
        self.neg_memo: dict[int, bool] = {}

    @property
    def table(self) -> TokenTable:
        """The document's :class:`TokenTable`, made on first use (the parse no longer
        changes once the event stage runs)."""
        if self._table is None:
            self._table = TokenTable(self.doc)
        return self._table

    @property
    def in_quote(self) -> list[bool]:
        """Per token: inside a direct quotation (« ... » or "..."); computed on first use."""
        if self._in_quote is None:
            strings = self.doc.vocab.strings
            opening = {strings.add("«"), strings.add("“")}
            closing = {strings.add("»"), strings.add("”")}
            straight_quote = strings.add('"')
            flags = [False] * len(self.doc)
            depth, straight = 0, False
            for i, h in enumerate(self.doc.to_array(ORTH).tolist()):
                if h in opening:
                    depth += 1
                elif h in closing:
                    depth = max(0, depth - 1)
                elif h == straight_quote:
                    straight = not straight
                elif depth or straight:
                    flags[i] = True
            self._in_quote = flags
        return self._in_quote

    @property
    def quote_marks(self) -> tuple[list[int], list[str]]:
        """The quotation marks of the document (« “ » ” and "), as two parallel lists in
        text order: their token indices and their texts; computed on first use."""
        if self._quote_marks is None:
            self._quote_marks = quote_marks(self.doc)
        return self._quote_marks

    def once(self, key, fn, *args):
        """``fn(*args)``, computed once per document for ``key`` (a value that depends only
        on the document, such as a sentence's, asked for by every event of the sentence)."""
        if key not in self._once:
            self._once[key] = fn(*args)
        return self._once[key]

    def label_of(self, tok: Token) -> str:
        ent = self.tok2ent[tok.i]
        return ent.label_ if ent is not None else tok.ent_type_


QUOTE_MARKS = ("«", "“", "»", "”", '"')


def quote_marks(doc: Doc) -> tuple[list[int], list[str]]:
    """(token indices, texts) of the tokens of ``doc`` that are a quotation mark of
    :data:`QUOTE_MARKS`, in text order: read from the ORTH array, no Token is made."""
    strings = doc.vocab.strings
    texts_of = {strings.add(m): m for m in QUOTE_MARKS}
    index, texts = [], []
    for i, h in enumerate(doc.to_array(ORTH).tolist()):
        m = texts_of.get(h)
        if m is not None:
            index.append(i)
            texts.append(m)
    return index, texts


def hand_parsed(rows: str, actors: dict[tuple[int, int], tuple[str, str]] | None = None) -> Doc:
    """A parsed French ``Doc`` written by hand: one token a line, ``word lemma POS dep head
    [morph]`` (``head`` is a token index; the root points to itself), and ``actors`` as
    ``{(start, end): (label, actor_id)}`` for the entity spans."""
    table = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(_french_vocab(), words=[r[0] for r in table], lemmas=[r[1] for r in table], pos=[r[2] for r in table],
              deps=[r[3] for r in table], heads=[int(r[4]) for r in table],
              morphs=[r[5] if len(r) > 5 else "" for r in table])
    spans = [Span(doc, s, e, label=label) for (s, e), (label, _) in sorted((actors or {}).items())]
    doc.ents = spans
    for span, ((_, _), (_, actor_id)) in zip(doc.ents, sorted((actors or {}).items())):
        span._.actor_id = actor_id
    return doc


@lru_cache(maxsize=1)
def _french_vocab():
    return spacy.blank("fr").vocab
