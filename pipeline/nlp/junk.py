"""Why a discovered name is not an actor: document-level context and junk tests.

The actor ruler (:mod:`pipeline.nlp.actors`) keeps every gazetteer name; a name the
statistical NER found on its own is judged here. Each test takes a span (or token) and a
:class:`DocContext` and returns a reason string, empty when the name passes. The reasons
are written to ``dropped_mentions.csv`` (documented in CODEBOOK.md):

``first_name_only``            a given name alone ("Olga raconte…") that is neither the
                               surname of nor the first name of a full name of the document
``sentence_start_common_word`` a French common word capitalised only because it opens a
                               sentence or a line ("Asile : les demandes…")
``truncated_name``             the capitalised head of a longer lowercase name
                               ("l'Organisation internationale pour les migrations"), or
                               its capitalised tail ("la place de l'Indépendance")
``typo``                       a function word with a stray letter ("Ill exige…")
``uppercase_headline``         a word of a line written in capitals ("GUERRE EN UKRAINE")
``credit_line``                a translator, photo or byline credit ("Traduit par …")
``appendix``                   after a notes or references heading
``signature``                  a person named by initials only ("JP D."), or a line holding
                               only a name with initials
``site_chrome``                navigation words run together ("AccueilMondeAfrique…")
``ordinal``                    a Roman ordinal ("XXIe")
``cut_at_end``                 the last word of a text cut short ("… avant de quitter Wash")

Word lists come from ``models/actor_rules.yaml`` and ``models/given_names.yaml``; whether
a word is a French common word comes from the lemmatizer tables of the spaCy model.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import words
from .normalize import fold

_RULES = "actor_rules.yaml"
GIVEN_NAMES = frozenset(fold(w) for w in words("given_names.yaml", "given_names"))
CRAFT = frozenset(fold(w) for w in words(_RULES, "craft_classifiers"))
_CREDIT_STARTS = tuple(sorted((fold(w) for w in words(_RULES, "credit_line_starts")), key=len, reverse=True))
_APPENDIX = frozenset(fold(w) for w in words(_RULES, "appendix_headings"))
_CAMEL_HUMP = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(e|er|ère|eme|ème)$")
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.?-?){1,3}$")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_CREDIT_MAX_WORDS = 15
_CUT_MIN_WORDS = 6
_OPENING_QUOTES = frozenset("«“\"‘„")
_SIGNATURE_MAX_TOKENS = 5
_MENU_MIN_WORDS = 4


def is_sentence_opening(token: Token) -> bool:
    """Whether only punctuation, quotes or determiners stand between the token and the start
    of its sentence ("Asile :", "« Tapis rouge", "Les Exilés de…"), or it opens a quotation
    ("un seul cri : « Pars »")."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text in _OPENING_QUOTES:
        return True
    if token.is_sent_start:
        return True
    # walked back from the token (not over ``token.sent``, which costs the whole sentence)
    for i in range(token.i - 1, -1, -1):
        t = doc[i]
        if not (t.is_punct or t.is_space or t.pos_ == "DET" or t.is_quote):
            return False
        if t.is_sent_start:
            return True
    return True


class FrenchWords:
    """``word in french``: whether a lowercase word is a French common word (noun, adjective,
    verb or adverb) by the lemmatizer tables of the spaCy model: its lemma index, or the
    lookup table of inflected forms. Empty when the model has no such tables."""

    def __init__(self, lookups=None):
        self.index: frozenset = frozenset()
        self.nouns: frozenset = frozenset()
        self.lookup = None
        if lookups is not None and lookups.has_table("lemma_index"):
            idx = lookups.get_table("lemma_index")
            self.index = frozenset(w for pos in idx.keys() for w in idx[pos])
            self.nouns = frozenset(idx["noun"]) if "noun" in idx else frozenset()
        if lookups is not None and lookups.has_table("lemma_lookup"):
            self.lookup = lookups.get_table("lemma_lookup")
        self.cache: dict[str, bool] = {}

    @classmethod
    def from_nlp(cls, nlp) -> "FrenchWords":
        for name in ("lemmatizer", "trainable_lemmatizer"):
            if name in nlp.pipe_names:
                return cls(getattr(nlp.get_pipe(name), "lookups", None))
        return cls(None)

    def is_noun(self, word: str) -> bool:
        """Whether ``word`` is a common noun of the lexicon, or an inflected form of one."""
        if word in self.nouns:
            return True
        lemmas = self.lookup.get(word) if self.lookup is not None else None
        lemmas = [lemmas] if isinstance(lemmas, str) else (lemmas or [])
        return any(lemma in self.nouns for lemma in lemmas)

    def __contains__(self, word: str) -> bool:
        if word not in self.cache:
            found = word in self.index
            if not found and self.lookup is not None:
                found = self.lookup.get(word) is not None  # an inflected form of the lexicon
            self.cache[word] = found
        return self.cache[word]


class DocContext:
    """What the junk tests need to know about the whole document, computed once."""

    def __init__(self, doc: Doc, french: FrenchWords, ents: list[Span]):
        self.doc = doc
        self.text = doc.text
        self.french = french
        self._lower: dict[str, bool] = {}
        # words written with a capital somewhere other than at a sentence opening: used as names
        self.mid_capitals = {fold(t.text) for t in doc if t.is_alpha and t.text[:1].isupper()
                             and not t.is_upper and not is_sentence_opening(t)}
        per_multi = [[t for t in e if t.is_alpha] for e in ents if e.label_ == "PER"]
        per_multi = [ts for ts in per_multi if len(ts) >= 2]
        self.surnames = {fold(ts[-1].text) for ts in per_multi}
        self.first_names: dict[str, set[str]] = {}
        for ts in per_multi:
            self.first_names.setdefault(fold(ts[0].text), set()).add(" ".join(fold(t.text) for t in ts))
        self.truncated: set[str] = set()
        self._lines = _line_starts(self.text)
        self.line_reasons: dict[int, str] = {}  # line start -> _line_reason
        self._bare_lines: dict[int, str] = {}
        self.appendix_from = self._appendix_start()

    def lowercase_in_text(self, word: str) -> bool:
        """Whether ``word`` occurs in lowercase as a whole word in the document."""
        if word not in self._lower:
            self._lower[word] = len(word) > 2 and re.search(
                r"(?<!\w)" + re.escape(word) + r"(?!\w)", self.text) is not None
        return self._lower[word]

    def line(self, char: int) -> tuple[int, int]:
        """(start, end) character offsets of the line holding ``char``."""
        import bisect

        i = bisect.bisect_right(self._lines, char) - 1
        start = self._lines[i]
        # the next line starts just after this line's "\n" (no search: a line may be megabytes long)
        return start, (self._lines[i + 1] - 1 if i + 1 < len(self._lines) else len(self.text))

    def bare_line(self, start: int, end: int) -> str:
        """The line ``text[start:end]`` without surrounding spaces and full stops (kept:
        the spans of one line ask for it again and again)."""
        if start not in self._bare_lines:
            self._bare_lines[start] = self.text[start:end].strip().rstrip(".")
        return self._bare_lines[start]

    def _appendix_start(self) -> int:
        for start in self._lines:
            end = self.text.find("\n", start)
            line = self.text[start: len(self.text) if end < 0 else end]
            if line.strip() and " ".join(_NON_LETTERS.sub(" ", fold(line)).split()) in _APPENDIX:
                return start
        return -1


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _line_reason(ctx: DocContext, start: int, end: int) -> str:
    """What the line ``text[start:end]`` is, whatever span of it is judged: a credit line, a
    headline in capitals, navigation chrome, or ``""``. Worked out once per line: a long
    line holds many spans, and each reading costs the whole line."""
    cache = ctx.line_reasons
    if start in cache:
        return cache[start]
    line = ctx.text[start:end]
    folded = fold(line).lstrip(" -–—*•>«\"'")
    words_ = line.split()
    reason = ""
    if len(words_) <= _CREDIT_MAX_WORDS and any(
            folded.startswith(c) and (len(folded) == len(c) or not folded[len(c)].isalnum()) for c in _CREDIT_STARTS):
        reason = "credit_line"
    else:
        letters = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 1]
        if len(letters) >= 3 and sum(w.isupper() for w in letters) / len(letters) >= 0.6:
            reason = "uppercase_headline"
        elif len(words_) >= _MENU_MIN_WORDS and all(w[:1].isupper() or not w[:1].isalpha() for w in words_) \
                and not any(c in line for c in ".,;:!?«»()"):
            reason = "site_chrome"  # a navigation bar: capitalised words only, no sentence
    cache[start] = reason
    return reason


def context_reason(span: Span, label: str, ctx: DocContext) -> str:
    """Reasons that depend on where the span stands: an appendix, a credit line, a line in
    capitals, a signature, navigation chrome."""
    if 0 <= ctx.appendix_from <= span.start_char:
        return "appendix"
    if len(span) == 1 and span.end_char == len(ctx.text) and span[-1].is_alpha \
            and len(ctx.text[ctx.line(span.start_char)[0]:].split()) >= _CUT_MIN_WORDS:
        return "cut_at_end"  # the text stops inside a sentence, in this word ("… avant de quitter Wash")
    if any(len(_CAMEL_HUMP.findall(t.text)) >= 2 for t in span):
        return "site_chrome"
    start, end = ctx.line(span.start_char)
    reason = _line_reason(ctx, start, end)
    if reason:
        return reason
    toks = [t for t in span if not t.is_punct]
    if label == "PER" and toks and all(_INITIAL.match(t.text) for t in toks):
        return "signature"  # initials only ("JP D."): a signature, not an identifiable person
    if ctx.bare_line(start, end) == span.text.strip().rstrip("."):
        toks = [t for t in span if not t.is_punct]
        if len(toks) <= _SIGNATURE_MAX_TOKENS and any(_INITIAL.match(t.text) for t in toks):
            return "signature"
    return ""


def token_reason(tok: Token, label: str, ctx: DocContext) -> str:
    """Reasons for a name of one word."""
    text = tok.text
    low = fold(text)
    if _ROMAN_ORDINAL.match(text):
        return "ordinal"
    if text.isupper() and len(text) > 1 and tok.vocab[tok.lower_].is_stop:
        return "uppercase_headline"
    if 3 <= len(text) <= 6 and text[-1] == "l" and tok.vocab[text[:-1].lower()].is_stop \
            and is_sentence_opening(tok):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.is_alpha and nxt.text.islower():
            return "typo"
    # a given name the NER took for a place or body is a person when it is the subject of a verb
    as_person = label in ("PER", "MISC") or (tok.dep_ == "nsubj" and tok.head.pos_ == "VERB")
    if as_person and low in GIVEN_NAMES and low not in ctx.surnames:
        if len(ctx.first_names.get(low, ())) != 1:
            return "first_name_only"
    if low in ctx.truncated:
        return "truncated_name"
    word = tok.lower_
    if word in ctx.french and low not in ctx.surnames:
        if is_sentence_opening(tok) and low not in ctx.mid_capitals:
            return "sentence_start_common_word"
        if _heads_lowercase_name(tok):
            ctx.truncated.add(low)
            return "truncated_name"
        if ctx.french.is_noun(word) and _ends_lowercase_name(tok):
            return "truncated_name"
    return ""


def _ends_lowercase_name(tok: Token) -> bool:
    """Whether a capitalised common noun closes a name that opens in lowercase: the
    complement, through "de", of a lowercase noun before it ("la place de l'Indépendance",
    "la guerre d'Indépendance")."""
    head = tok.head
    return (tok.dep_ == "nmod" and head.i < tok.i and head.pos_ == "NOUN" and head.text.islower()
            and any(c.dep_ == "case" and fold(c.text) in ("de", "d'", "du", "des") for c in tok.children))


def _heads_lowercase_name(tok: Token) -> bool:
    """Whether a capitalised noun opens a name that goes on in lowercase: followed by an
    adjective or a "de/pour + noun" complement the parser attaches to it
    ("Organisation internationale pour les migrations", "Mouvement des forces…")."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if not nxt.is_alpha or not nxt.text.islower():
        return False
    return any(c.i > tok.i and c.dep_ in ("amod", "nmod") and c.text.islower() for c in tok.children)


def craft_before(start: int, doc: Doc) -> bool:
    """Whether a name starting at token ``start`` follows a craft noun ("le croiseur Moskva",
    "le croiseur lance-missiles « Moskva »"): the word before it, skipping quotes and one
    lowercase modifier, is listed in ``craft_classifiers``."""
    i = start - 1
    skipped = 0
    while i >= 0:
        t = doc[i]
        if t.is_quote or t.text in "«»\"“”‘’":
            i -= 1
            continue
        low = fold(t.text)
        if low in CRAFT:
            return True
        if skipped == 0 and t.text.islower() and (t.pos_ in ("ADJ", "NOUN") or "-" in t.text):
            skipped += 1
            i -= 1
            continue
        return False
    return False
