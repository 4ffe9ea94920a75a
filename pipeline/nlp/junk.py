"""Why a discovered name is not an actor: document-level context and junk tests.

The actor ruler (:mod:`pipeline.nlp.actors`) keeps every gazetteer name; a name the
statistical NER found on its own is judged here. Each test takes a span (or token) and a
:class:`DocContext` and returns a reason string, empty when the name passes. The reasons
are written to ``dropped_mentions.csv`` (documented in CODEBOOK.md):

``first_name_only``            a given name alone ("Olga raconte…") that is neither the
                               surname of nor the first name of a full name of the document
``sentence_start_common_word`` a French common word capitalised only because it opens a
                               sentence or a line ("Asile : les demandes…"), or a MISC
                               phrase of such words ("Coup d'État au Niger :")
``truncated_name``             the capitalised head of a longer lowercase name
                               ("l'Organisation internationale pour les migrations"), or
                               its capitalised tail ("la place de l'Indépendance")
``typo``                       a function word with a stray letter ("Ill exige…"), or "II" for
                               the pronoun "Il" ("II a décidé…")
``uppercase_headline``         a word of a line written in capitals ("GUERRE EN UKRAINE", "LE
                               JUGEMENT")
``credit_line``                a translator, photo or byline credit ("Traduit par …"), a
                               publication stamp ("Published at: …"), a name followed by
                               "/ AFP" ("Alex HALADA / AFP") or following "AFP /" ("AFP/TTXVN"),
                               the outlet of a dateline ("(VOVWORLD) - …"), or the signature
                               line of an embedded post ("— Jane Doe (@jdoe) December 8, 2024")
``appendix``                   after a notes or references heading
``signature``                  a person named by initials only ("JP D."), or a line holding
                               only a name with initials, or initials glued to a surname
                               ("ARDiallo")
``site_chrome``                navigation words run together ("AccueilMondeAfrique…")
``ordinal``                    a Roman ordinal ("XXIe")
``award_name``                 a prize or a cup ("le prix Nobel", "Coupe du monde"), not an actor
``rubric_title``               a press rubric or series word ("Live", "Décryptage", "Carnets"),
                               or a title-case label before a colon ("Annonce Nucléaire :")
``cut_at_end``                 the last word of a text cut short ("… avant de quitter Wash")
``department_without_state``   a ministry written with its lowercase generic word and no
                               state ("le ministère de la Santé"): a description

Word lists come from ``models/actor_rules.yaml`` and ``models/given_names.yaml``; whether
a word is a French common word comes from the lemmatizer tables of the spaCy model.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import words
from .base import doc_text
from .name_bounds import ends_lowercase_name, heads_lowercase_name
from .normalize import fold

_RULES = "actor_rules.yaml"
GIVEN_NAMES = frozenset(fold(w) for w in words("given_names.yaml", "given_names"))
_CREDIT_STARTS = tuple(sorted((fold(w) for w in words(_RULES, "credit_line_starts")), key=len, reverse=True))
_APPENDIX = frozenset(fold(w) for w in words(_RULES, "appendix_headings"))
_AGENCIES = frozenset(fold(w) for w in words(_RULES, "credit_agencies"))
RUBRIC = frozenset(fold(w) for w in words(_RULES, "rubric_words"))
_AWARDS = frozenset(fold(w) for w in words(_RULES, "award_heads"))
_PARTICLES_OF_TITLES = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "a", "en", "et", "aussi"})
_CAMEL_HUMP = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(e|er|ère|eme|ème)$")
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.?-?){1,3}$")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_BYLINE_TAIL = re.compile(r"^,\s*[A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]+)*\s*$")
_END_INITIALS = re.compile(r"^(?:[A-ZÀ-Þ][.-]{0,2}){1,4}$")
_GLUED_INITIALS = re.compile(r"^[A-ZÀ-Þ]{2,4}[a-zà-ÿ]{2,}$")
_CREDIT_MAX_WORDS = 15
_CUT_MIN_WORDS = 6
_OPENING_QUOTES = frozenset("«“\"‘„")
_SIGNATURE_MAX_TOKENS = 5
_MENU_MIN_WORDS = 4
_UPPER_FUNCTION_WORDS = frozenset(fold(w) for w in words(_RULES, "uppercase_phrase_words"))
# "— Jane Doe (@janedoe) December 8, 2024": the signature line of an embedded post
_POST_SIGNATURE = re.compile(r"^\s*[—–-]\s*\S.*\(@\w+\)")
_CREDIT_SEPARATORS = "/-–—|:"
#: credits of a slash-separated chain looked at, back from a span ("AFP/Jane Doe/Pool")
_CREDIT_CHAIN_MAX = 4
_CREDIT_PARENTHESIS = tuple(fold(w) for w in words(_RULES, "credit_parenthesis_words"))


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
        self.text = doc_text(doc)
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
        elif len(letters) == 2 and all(w.isupper() for w in letters) and len(words_) == 2 \
                and fold(letters[0]) in _UPPER_FUNCTION_WORDS:
            reason = "uppercase_headline"  # "LE JUGEMENT": a short heading in capitals
        elif _POST_SIGNATURE.match(line):
            reason = "credit_line"  # the author and date of an embedded post
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
    if _agency_after(ctx.text, span.end_char, end) or _agency_before(ctx.text, start, span.start_char):
        return "credit_line"  # "Alex HALADA / AFP", "AFP/TTXVN": a photo credit, wherever the line starts
    if label == "PER" and _byline(ctx.text, span, start, end):
        return "signature"  # "… entre les deux pays. Jane Doe, Budapest": the writer and her city
    if _credit_parenthesis(ctx.text, span):
        return "credit_line"  # "(Jane Doe, avec John Roe; version française Ann Poe)"
    if rubric_label(span, ctx, start):
        return "rubric_title"
    if _award(span):
        return "award_name"
    reason = _line_reason(ctx, start, end)
    if reason:
        return reason
    if _dateline(ctx.text, span):
        return "credit_line"  # "(VOVWORLD) - L'Agence…": the outlet in a dateline
    if len(span) == 1 and _GLUED_INITIALS.match(span.text) and ctx.text[start:end].strip() == span.text:
        return "signature"  # "ARDiallo" alone on its line: initials glued to a surname
    toks = [t for t in span if not t.is_punct]
    if toks and span.end_char == len(ctx.text.rstrip()) and _END_INITIALS.match(span.text) \
            and ctx.text[:span.start_char].rstrip()[-1:] in (".", "!", "?", "»", ""):
        return "signature"  # "… les détails opérationnels. B.S": initials that close the text
    if label == "PER" and toks and all(_INITIAL.match(t.text) for t in toks):
        return "signature"  # initials only ("JP D."): a signature, not an identifiable person
    if ctx.bare_line(start, end) == span.text.strip().rstrip("."):
        toks = [t for t in span if not t.is_punct]
        if len(toks) <= _SIGNATURE_MAX_TOKENS and any(_INITIAL.match(t.text) for t in toks):
            return "signature"
    return ""


def _award(span: Span) -> bool:
    """Whether the span names a prize or a cup: it opens with an award head ("Coupe du monde",
    "Prix Sakharov"), or follows one in lowercase ("le prix Nobel", "la médaille Fields")."""
    words_ = [t for t in span if t.is_alpha]
    if words_ and fold(words_[0].text) in _AWARDS and (len(words_) >= 2 or (
            span.end < len(span.doc) and fold(span.doc[span.end].text) in ("de", "du", "des", "d'"))):
        return True  # "Coupe du monde", "la Coupe d'Afrique…" cut by a place name
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.text.islower() and fold(prev.text) in _AWARDS and fold(prev.text) != "coupe"


def _dateline(text: str, span: Span) -> bool:
    """Whether the span stands alone in parentheses followed by a dash ("(VOVWORLD) - …",
    "30 septembre (LaPresse) – …"): the outlet of a dateline."""
    before = text[max(0, span.start_char - 2): span.start_char].rstrip(" ")
    after = text[span.end_char: span.end_char + 4]
    return before.endswith("(") and after.startswith(")") and after[1:].lstrip(" ")[:1] in ("-", "–", "—")


def _agency_before(text: str, line_start: int, i: int) -> bool:
    """Whether the span starting at ``i`` follows, on its line, "<agency> /" or "<agency> -"
    ("AFP/TTXVN", "via REUTERS - SOCIAL MEDIA"): a second credit after an agency; or a chain
    of credits joined by slashes that opens with an agency ("REUTERS/Jane Doe/Pool")."""
    before = text[max(line_start, i - 90): i].rstrip()
    if not before or before[-1] not in _CREDIT_SEPARATORS:
        return False
    chain = before[:-1]
    for _ in range(_CREDIT_CHAIN_MAX):
        words_ = _NON_LETTERS.sub(" ", fold(chain)).split()
        if any(" ".join(words_[-n:]) in _AGENCIES for n in (1, 2, 3) if len(words_) >= n):
            return True
        # step back over one credit of the chain: a few words, no sentence punctuation
        head, slash, last = chain.rpartition("/")
        if not slash or len(last.split()) > 4 or any(c in last for c in ".,;:!?«»()\""):
            return False
        chain = head
    return False


def _byline(text: str, span: Span, line_start: int, line_end: int) -> bool:
    """Whether the span is the writer of a byline that closes its line after a sentence
    ("… entre les deux pays. Jane Doe, Budapest"): a name, a comma and one capitalised place
    word ending the line, the name opening the line or following a full stop."""
    before = text[line_start:span.start_char].rstrip()
    return (not before or before[-1] in ".!?»") and bool(_BYLINE_TAIL.match(text[span.end_char:line_end]))


def _credit_parenthesis(text: str, span: Span) -> bool:
    """Whether the span stands in a parenthesis that names the writers of a dispatch
    ("(Jane Doe et John Roe, avec Ann Poe; version française Jean Dupont)"): a parenthesis
    holding one of ``credit_parenthesis_words`` (actor_rules.yaml) and closing its line."""
    open_ = text.rfind("(", max(0, span.start_char - 200), span.start_char)
    if open_ < 0 or ")" in text[open_:span.start_char]:
        return False
    close = text.find(")", span.end_char, span.end_char + 200)
    if close < 0 or "\n" in text[open_:close]:
        return False
    after = text[close + 1: close + 3].strip()
    inside = fold(text[open_ + 1:close])
    return after in ("", ".") and any(w in inside for w in _CREDIT_PARENTHESIS)


def _agency_after(text: str, i: int, line_end: int) -> bool:
    """Whether the span ending at ``i`` is followed, on its line, by "/ <agency>"."""
    rest = text[i:line_end].lstrip()
    if not rest.startswith("/"):
        return False
    words_ = _NON_LETTERS.sub(" ", fold(rest[1:60])).split()
    return any(" ".join(words_[:n]) in _AGENCIES for n in (1, 2, 3))


def rubric_label(span: Span, ctx: DocContext, line_start: int) -> bool:
    """A press rubric: a span made only of rubric words ("Live", "L'essentiel", "Carnets"),
    or a label of two or more capitalised French common words that opens its line and
    stands before a colon ("Annonce Nucléaire: Téhéran dit non…")."""
    words_ = [t for t in span if t.is_alpha]
    if not words_:
        return False
    folded = [fold(t.text) for t in words_]
    if all(w in RUBRIC or w in _PARTICLES_OF_TITLES for w in folded) and any(w in RUBRIC for w in folded):
        return True
    if len(words_) < 2 or not all(t.text[:1].isupper() for t in words_):
        return False
    if ctx.text[line_start:span.start_char].strip(" \t-–—*•>«\"'"):
        return False
    after = ctx.text[span.end_char: span.end_char + 3].lstrip()
    return after.startswith(":") and all(t.lower_ in ctx.french and fold(t.text) not in ctx.surnames
                                         for t in words_)


def token_reason(tok: Token, label: str, ctx: DocContext) -> str:
    """Reasons for a name of one word."""
    text = tok.text
    low = fold(text)
    if _ROMAN_ORDINAL.match(text):
        return "ordinal"
    if text == "II" and is_sentence_opening(tok) and tok.i + 1 < len(tok.doc) and tok.nbor(1).text.islower():
        return "typo"  # "II a décidé": the pronoun "Il" with a capital i
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
        if heads_lowercase_name(tok):
            ctx.truncated.add(low)
            return "truncated_name"
        if ctx.french.is_noun(word) and ends_lowercase_name(tok):
            return "truncated_name"
    return ""


def company_on_place(ent: Span, place: Span) -> bool:
    """Whether an entity ends with a place followed by one to three capitalised words that are
    not given names ("Malaysia Airlines", "Qatar Airways"): an organisation named after the
    place, not the place and a leftover. An ORG entity must open with the place; a MISC one
    may hold words before it ("le vol MH17 de la Malaysia Airlines"), which are judged apart."""
    tail = [t for t in ent if t.i >= place.end]
    if not (ent.label_ == "ORG" and place.start == ent.start) and not (ent.label_ == "MISC" and place.start > ent.start):
        return False
    return 1 <= len(tail) <= 3 and all(
        t.is_alpha and t.text[:1].isupper() and not t.is_upper and fold(t.text) not in GIVEN_NAMES for t in tail)


def common_word_opening(tok: Token, ctx: DocContext) -> bool:
    """Whether ``tok`` is a French common word capitalised only because it opens a sentence or
    a line, and written with a capital nowhere else in the document ("Place stratégique de
    l'Ukraine", "Les Exilés de Calais"): not the head of a name."""
    return is_sentence_opening(tok) and tok.lower_ in ctx.french and fold(tok.text) not in ctx.mid_capitals
