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
from .normalize import fold

_RULES = "actor_rules.yaml"
GIVEN_NAMES = frozenset(fold(w) for w in words("given_names.yaml", "given_names"))
CRAFT = frozenset(fold(w) for w in words(_RULES, "craft_classifiers"))
_CREDIT_STARTS = tuple(sorted((fold(w) for w in words(_RULES, "credit_line_starts")), key=len, reverse=True))
_APPENDIX = frozenset(fold(w) for w in words(_RULES, "appendix_headings"))
_AGENCIES = frozenset(fold(w) for w in words(_RULES, "credit_agencies"))
RUBRIC = frozenset(fold(w) for w in words(_RULES, "rubric_words"))
_AWARDS = frozenset(fold(w) for w in words(_RULES, "award_heads"))
ODONYM_HEADS = frozenset(words(_RULES, "odonym_heads"))
DEPARTMENT_HEADS = frozenset(words(_RULES, "department_heads"))
ADMINISTRATIVE_HEADS = frozenset(fold(w) for w in words(_RULES, "administrative_heads"))
_ODONYM_LINKS = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’", "la"})
_NAME_LINKS = frozenset({"de", "du", "des", "d'", "pour", "sans", "contre"})
_PARTICLES_OF_TITLES = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "a", "en", "et", "aussi"})
_CAMEL_HUMP = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(e|er|ère|eme|ème)$")
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]\.?-?){1,3}$")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_GLUED_INITIALS = re.compile(r"^[A-ZÀ-Þ]{2,4}[a-zà-ÿ]{2,}$")
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Za-z]{0,2}$")
_CREDIT_MAX_WORDS = 15
_CUT_MIN_WORDS = 6
_OPENING_QUOTES = frozenset("«“\"‘„")
_SIGNATURE_MAX_TOKENS = 5
_MENU_MIN_WORDS = 4
_UPPER_FUNCTION_WORDS = frozenset(fold(w) for w in words(_RULES, "uppercase_phrase_words"))
# "— Jane Doe (@janedoe) December 8, 2024": the signature line of an embedded post
_POST_SIGNATURE = re.compile(r"^\s*[—–-]\s*\S.*\(@\w+\)")
_CREDIT_SEPARATORS = "/-–—|:"


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
    ("AFP/TTXVN", "via REUTERS - SOCIAL MEDIA"): a second credit after an agency."""
    before = text[max(line_start, i - 60): i].rstrip()
    if not before or before[-1] not in _CREDIT_SEPARATORS:
        return False
    words_ = _NON_LETTERS.sub(" ", fold(before[:-1])).split()
    return any(" ".join(words_[-n:]) in _AGENCIES for n in (1, 2, 3) if len(words_) >= n)


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
        if _heads_lowercase_name(tok):
            ctx.truncated.add(low)
            return "truncated_name"
        if ctx.french.is_noun(word) and _ends_lowercase_name(tok):
            return "truncated_name"
    return ""


def _ends_lowercase_name(tok: Token) -> bool:
    """Whether a capitalised common noun closes a name that opens in lowercase: the
    complement, through "de", of a lowercase noun before it ("la place de l'Indépendance",
    "la guerre d'Indépendance"). A contracted "du" or "des" does not count: "les rebelles du
    Tigré" name a place."""
    head = tok.head
    if not (tok.dep_ == "nmod" and head.i < tok.i and head.pos_ == "NOUN" and head.text.islower()):
        return False
    cases = {fold(c.text) for c in tok.children if c.dep_ == "case"}
    dets = {fold(c.text) for c in tok.children if c.dep_ == "det"}
    # "de l'Indépendance", "de la Liberté", "d'Indépendance"; not "du Tigré", "des Balkans":
    # a contracted article more often introduces a place or a people
    return "d'" in cases or ("de" in cases and bool(dets & {"l'", "la", "le"}))


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
    if nxt.pos_ in ("VERB", "AUX"):
        return False  # "la force Barkhane poursuit son retrait": a verb, not a name going on
    return any(c.i > tok.i and c.dep_ in ("amod", "nmod") and c.text.islower() for c in tok.children)


def lowercase_name_end(tok: Token, limit: int) -> int:
    """End (token index) of the name a capitalised head opens and the NER span (ending at
    ``limit``) goes on with in lowercase ("l'Observatoire syrien des droits de l'homme",
    "Médecins sans frontières"), or -1: French capitalises only the first word of such a
    name, so the whole span is the name, not its head alone. Not for a head that is itself
    the complement of a lowercase noun ("le ministre de la Défense française"), nor for a
    head and one word ("Défense française"): those describe."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < limit else None
    if nxt is None or not nxt.is_alpha or not nxt.text.islower() or _ends_lowercase_name(tok) \
            or tok.lower_.endswith(("s", "x")):
        return -1  # a plural head ("aux Droits de l'homme") describes (the tagger's number is unsure)
    if not (nxt.pos_ == "ADJ" or fold(nxt.text) in _NAME_LINKS):
        return -1
    end = limit
    while end > tok.i + 1 and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")
                               or doc[end - 1].text.endswith(("'", "’"))):
        end -= 1
    if end - tok.i - 1 < 2 or doc[end - 1].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return -1
    return end


def company_on_place(ent: Span, place: Span) -> bool:
    """Whether an ORG entity is a place followed by one to three capitalised words that are
    not given names ("Malaysia Airlines", "Qatar Airways"): an organisation named after the
    place, not the place and a leftover."""
    tail = [t for t in ent if t.i >= place.end]
    return (ent.label_ == "ORG" and place.start == ent.start and 1 <= len(tail) <= 3
            and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper and fold(t.text) not in GIVEN_NAMES
                    for t in tail))


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


def odonym_start(tok: Token) -> int:
    """Index of the lowercase generic word that opens the street, square or hall name whose
    first capitalised word is ``tok`` ("la place de l'Indépendance", "place du Trocadéro",
    "la salle Murat"), or -1: French writes that word in lowercase, and it is part of the name."""
    doc = tok.doc
    i = tok.i - 1
    links = 0
    while i >= 0 and links < 2 and doc[i].lower_ in _ODONYM_LINKS:
        i -= 1
        links += 1
    if i >= 0 and doc[i].text in ODONYM_HEADS and (links or doc[i].i == tok.i - 1):
        if doc[i].text == "place" and i >= 2 and doc[i - 2].lower_ == "à" and doc[i - 1].lower_ == "la":
            return -1  # "à la place des Sahraouis": instead of, not a square
        return i
    return -1


_PLACE_OF = frozenset({"de", "d'", "d’", "du"})


def lowercase_modifier(tok: Token) -> bool:
    """Whether a lowercase word is an adjective or a participle ("populaire", "autoproclamée")."""
    return tok.text.islower() and (tok.pos_ == "ADJ" or tok.morph.get("VerbForm") == ["Part"])
_HEAD_MAX_WORDS = 4


def head_before_place(ent: Span) -> int:
    """Token index where a place name would start if ``ent`` is the head of a name built on
    that place, cut short by the NER: a capitalised word and lowercase adjectives or nouns
    ("République populaire", "Mouvement de libération" … "du Tigré"), then lowercase adjectives
    or participles and "de"
    ("… autoproclamée de Lougansk", "… auto-proclamée de Donetsk"); else -1. French
    capitalises only the first word of such a name."""
    doc = ent.doc
    words_ = [t for t in ent if not t.is_punct]
    if ent.label_ == "PER" or not words_ or len(words_) > _HEAD_MAX_WORDS:
        return -1
    if not words_[0].text[:1].isupper() or words_[0].is_upper or not all(
            lowercase_modifier(t) or (t.text.islower() and t.pos_ == "NOUN") or (
                0 < k < len(words_) - 1 and t.lower_ in _NAME_LINKS) for k, t in enumerate(words_[1:], 1)):
        return -1  # "République populaire", "Mouvement de libération"
    i = ent.end
    while i < len(doc) and i - ent.end < 3 and doc[i].lower_ not in _PLACE_OF and lowercase_modifier(doc[i]):
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in _PLACE_OF:
        return i + 1
    return -1


def model_designator(span: Span) -> bool:
    """Whether the span is a type designator of a machine ("C-17", "Su-35", "S-400", "MiG-29"):
    letters, a hyphen and a number. It names a model, not an actor (typed MISC)."""
    words_ = [t for t in span if not t.is_punct or t.text == "-"]
    return bool(_MODEL.match("".join(t.text for t in words_)))


def department_without_state(span: Span, state_adjectives: frozenset) -> bool:
    """Whether the span is a government department written with its lowercase generic word and
    no state ("le ministère de la Santé", "le ministère des Affaires étrangères"): the
    department of a government the sentence leaves implicit, a description rather than a
    name. A nationality adjective inside or just after it ("le ministère russe des Affaires
    étrangères", "… de la Défense ukrainien") names the state: kept."""
    if not span or span[0].text not in DEPARTMENT_HEADS:
        return False
    doc = span.doc
    after = [doc[i] for i in range(span.end, min(span.end + 1, len(doc)))]
    return not any(fold(t.text) in state_adjectives for t in [*span, *after])


def administrative_head_length(run: list) -> int:
    """Number of tokens of a generic administrative word and its "de" that open a name run
    ("province d'", "État de", "États du"), to leave out of the name: "la province
    d'Helmand" names Helmand. 0 when the run does not open so."""
    i = 0
    if len(run) < 3 or fold(run[0].text) not in ADMINISTRATIVE_HEADS:
        return 0
    i = 1
    while i < len(run) - 1 and run[i].lower_ in _ODONYM_LINKS:
        i += 1
    return i if i > 1 and run[i].text[:1].isupper() else 0


def common_word_opening(tok: Token, ctx: DocContext) -> bool:
    """Whether ``tok`` is a French common word capitalised only because it opens a sentence or
    a line, and written with a capital nowhere else in the document ("Place stratégique de
    l'Ukraine", "Les Exilés de Calais"): not the head of a name."""
    return is_sentence_opening(tok) and tok.lower_ in ctx.french and fold(tok.text) not in ctx.mid_capitals
