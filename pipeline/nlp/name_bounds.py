"""Where a name begins and ends in French text: the lowercase words around a capitalised one.

French capitalises only the first word of many names ("l'Organisation internationale pour les
migrations", "la République populaire de Donetsk") and writes the generic word of a street, a
square or a vessel in lowercase ("la place de l'Indépendance", "le croiseur Moskva"). The
actor ruler (:mod:`pipeline.nlp.actors`) asks these functions how far a name goes, whether a
capitalised word is the head or the tail of a longer name (the ``truncated_name`` reason of
:mod:`pipeline.nlp.junk`), and whether a name is a craft, a machine's type or a department.
Each takes a token or span and returns a plain value. Word lists come from
``models/actor_rules.yaml``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import words
from .normalize import fold

_RULES = "actor_rules.yaml"
CRAFT = frozenset(fold(w) for w in words(_RULES, "craft_classifiers"))
ODONYM_HEADS = frozenset(words(_RULES, "odonym_heads"))
DEPARTMENT_HEADS = frozenset(words(_RULES, "department_heads"))
ADMINISTRATIVE_HEADS = frozenset(fold(w) for w in words(_RULES, "administrative_heads"))
_ODONYM_LINKS = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’", "la"})
_NAME_LINKS = frozenset({"de", "du", "des", "d'", "pour", "sans", "contre"})
_PLACE_OF = frozenset({"de", "d'", "d’", "du"})
PLACE_CLASSIFIERS = frozenset(words(_RULES, "place_classifiers"))
ORGANISATION_CLASSIFIERS = frozenset(words(_RULES, "organisation_classifiers"))
_MAX_CLASSIFIER_ADJECTIVES = 2
_HEAD_MAX_WORDS = 4
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Za-z]{0,2}$")


def ends_lowercase_name(tok: Token) -> bool:
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


def heads_lowercase_name(tok: Token) -> bool:
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
    if nxt is None or not nxt.is_alpha or not nxt.text.islower() or ends_lowercase_name(tok) \
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


def lowercase_modifier(tok: Token) -> bool:
    """Whether a lowercase word is an adjective or a participle ("populaire", "autoproclamée")."""
    return tok.text.islower() and (tok.pos_ == "ADJ" or tok.morph.get("VerbForm") == ["Part"])


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


def classified_type(span: Span, label: str, given_names: frozenset) -> str:
    """The type a generic noun before a discovered name gives it, or ``label``: ``LOC`` after a
    place noun and "de", or a place noun, lowercase adjectives and a comma ("la ville de Wad
    Madani", "sa capitale stratégique, Wad Madani"); ``ORG`` right after an organisation noun
    ("la force Takuba"). A name opening with a given name keeps its type."""
    doc = span.doc
    first = next((t for t in span if t.is_alpha), None)
    if first is None or fold(first.text) in given_names or span.start == 0:
        return label
    prev = doc[span.start - 1]
    if prev.text in ORGANISATION_CLASSIFIERS:
        return "ORG"
    i = span.start - 1
    link = doc[i].lower_ in _PLACE_OF or doc[i].text == ","
    if not link:
        return label
    i -= 1
    adjectives = 0
    while i >= 0 and adjectives < _MAX_CLASSIFIER_ADJECTIVES and doc[i].text.islower() and lowercase_modifier(doc[i]):
        i -= 1
        adjectives += 1
    if i >= 0 and doc[i].text in PLACE_CLASSIFIERS and (doc[span.start - 1].text != "," or doc[i].i < span.start - 1):
        return "LOC"
    return label


#: a short lowercase link written between hyphens inside one name: the Persian and Urdu
#: ezafe ("Lashkar-e-Taiba", "Hizb-e-Islami"), Arabic "ul"/"al"/"ud" ("Jamaat-ul-Ahrar")
_HYPHEN_LINK = re.compile(r"^[a-z]{1,3}$")


def hyphen_linked_end(doc: Doc, end: int) -> int:
    """The end of a name that goes on after token ``end - 1`` through "-<link>-" and a
    capitalised word, all written without spaces ("Lashkar" → "Lashkar-e-Taiba", which the
    tokenizer cuts in five); ``end`` when it does not."""
    while end + 3 < len(doc) and not doc[end - 1].whitespace_:
        dash1, link, dash2, word = doc[end], doc[end + 1], doc[end + 2], doc[end + 3]
        if not (dash1.text == "-" and dash2.text == "-" and _HYPHEN_LINK.match(link.text)
                and not dash1.whitespace_ and not link.whitespace_ and not dash2.whitespace_
                and word.text[:1].isupper() and word.is_alpha):
            break
        end += 4
    return end


def join_hyphen_linked(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entity spans with the names written "X-e-Y" made whole: a span that goes on through
    "-<link>-" and a capitalised word takes it in, and the entity that starts at that word
    (the NER often reads "Lashkar" and "Taiba" as two places) is part of it. The label is the
    first span's."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = hyphen_linked_end(doc, ent.end)
        j = i + 1
        if end != ent.end:
            while j < len(ents) and ents[j].start < end:
                end = max(end, ents[j].end)
                j += 1
            ent = Span(doc, ent.start, end, label=ent.label_)
        out.append(ent)
        i = j
    return out
