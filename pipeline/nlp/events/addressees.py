"""Addressees and patients that the parse hangs away from the verb of an event.

Six rules for :mod:`.targets`, each a fact of French syntax rather than of one verb:

* :func:`partner` — the *avec* complement of a two-sided act (agree, meet, cooperate) is
  the other party ('a signé un accord avec la Turquie');
* :func:`dative_of_object` — the *à* complement that the parser attached to the object
  noun of a verb of asking or giving is the verb's addressee ('réclame des extraditions
  à la Suède');
* :func:`hit_owner` — what a strike hits belongs to the state of its nationality
  adjective ('des frappes sur les installations iraniennes de Natanz': Iran, not Natanz);
* :func:`quoted_party` — a judging incise is about the subject or *par* agent of the
  quotation it closes ('« La Russie ment », a dénoncé X': Russie);
* :func:`recipient_on_object` — the recipient of a gift named on a participle of the
  thing given ('livrer les chars promis à l'Ukraine');
* :func:`addressee_word` — the *à* phrase of a speech act names whom it is said to only
  through a name or the adjective of a person or body, not of a thing ('a réagi à une
  provocation ukrainienne' has no addressee).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lexicon import words
from ..normalize import fold
from . import arguments, nominal
from . import words as W
from .context import Arg, DocContext, case_of

if TYPE_CHECKING:
    from .triggers import Entry


#: types whose verbs take a dative addressee ('réclamer X à Y', 'livrer X à Y')
DATIVE_TYPES = frozenset({"REQUEST", "AID"})


def dative_of_object(ctx: DocContext, obj: Token, entry: Entry, exclude: set[str]) -> list[Arg]:
    """The *à* complement that the parser hung on the object noun of a ditransitive verb
    of asking or giving belongs to the verb: it names the addressee ('réclame des
    extraditions à la Suède'). Only names, and not after a possessive, which makes the
    noun its owner's own act ('ont demandé leur adhésion à l'OTAN')."""
    if entry.type not in DATIVE_TYPES or nominal.possessive(obj):
        return []  # 'demander leur adhésion à l'OTAN': the owner's own act and its goal
    for c in obj.children:
        if c.dep_ == "nmod" and case_of(c) == "à":
            got = [g for g in arguments.prep_actors(ctx, c) if g.id not in exclude]
            if got:
                return got
    return []


def partner(ctx: DocContext, verb: Token, obj_tok: Token | None, exclude: set[str]) -> list[Arg]:
    """The other party of a two-sided act (agree, meet, cooperate): the name introduced by
    *avec* on the verb or on its object ('a signé un accord avec la Turquie', 'se sont
    entretenus avec Pékin'). Only names: 'avec son homologue' or 'avec prudence' is none."""
    nouns = [verb] + [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")]
    if obj_tok is not None and obj_tok not in nouns:
        nouns.append(obj_tok)
    for n in nouns:
        for c in n.children:
            if c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and case_of(c) == "avec":
                got = [g for g in arguments.actors(ctx, c, depth=0, adj=False, role="target") if g.id not in exclude]
                if got:
                    return got
    return []


def hit_owner(ctx: DocContext, noun: Token, entry: Entry, prep: str, agent_ids: set[str]) -> list[Arg]:
    """What a strike hits belongs to the state of its nationality adjective: 'des frappes
    sur les installations iraniennes de Natanz et d'Ispahan' is aimed at Iran, not at the
    towns named in the noun's own complement. Only for a common noun that is no actor
    itself, introduced by *sur* or *contre*, in a type of force."""
    if entry.type not in W.FORCE_TYPES or prep not in ("sur", "contre") or noun.pos_ != "NOUN" \
            or ctx.tok2ent[noun.i] is not None:
        return []
    for c in noun.children:
        cid = ctx.ex.adjectives.get(fold(c.text)) if c.dep_ == "amod" else None
        if cid and cid not in agent_ids:
            return [Arg(cid, c.text, c.i)]
    return []


QUOTED_PARTY_TYPES = words("argument_words.yaml", "quoted_party_types")
CLOSING_MARKS, OPENING_MARKS = ("»", "”", '"'), ("«", "“", '"')


def quoted_party(ctx: DocContext, verb: Token, exclude: set[str]) -> list[Arg]:
    """Whom a judging incise is about: '« Aucune mesure n'a été prise par la Suède », a
    déploré M. Erdogan' → Suède. The verb opens an incise (a closing quotation mark right
    before it, its auxiliary, clitics and adverbs aside); the one judged is the first actor
    of the quotation, in its sentence, that is a subject or a *par* agent there."""
    doc = ctx.doc
    close = None
    for k in range(verb.i - 1, max(-1, verb.i - 7), -1):
        t = doc[k]
        if t.text in CLOSING_MARKS:
            close = k
            break
        if t.pos_ not in ("PUNCT", "AUX", "ADV", "PRON") and t.dep_ not in ("aux", "aux:tense", "advmod"):
            return []
    if close is None:
        return []
    sent = doc[close].sent
    opening = next((k for k in range(close - 1, sent.start - 1, -1) if doc[k].text in OPENING_MARKS), None)
    if opening is None:
        return []
    for t in doc[opening + 1: close]:
        if t.dep_ in ("nsubj", "nsubj:pass", "obl:agent") or (t.dep_.startswith(("obl", "nmod")) and case_of(t) == "par"):
            got = [a for a in arguments.actors(ctx, t, depth=0) if a.id not in exclude]
            if got:
                return got
    return []


def addressee_word(ctx: DocContext, phrase: Token, arg: Arg) -> bool:
    """Whether an actor read from the à-phrase of a speech act is whom it is said to: a
    name, or a nationality adjective on a person or a body ('à son homologue chinois', 'aux
    dirigeants européens'); not the adjective of a thing or a deed, which is what the speech
    is about ('a réagi à une provocation ukrainienne')."""
    tok = ctx.doc[arg.i]
    if tok.pos_ != "ADJ" or ctx.tok2ent[arg.i] is not None:
        return True
    noun = tok.head
    lemma = noun.lemma_.lower()
    return lemma in arguments.POST_NOUNS or lemma in W.COLLECTIVE_NOUNS or lemma in W.RELATIONAL_NOUNS


def recipient_on_object(ctx: DocContext, verb: Token, exclude: set[str]) -> list[Arg]:
    """The recipient of an act of giving named on a participle of the thing given: 'livrer
    les chars promis à l'Ukraine', 'envoyer les munitions destinées à Kiev' → Ukraine."""
    for o in verb.children:
        if o.dep_ != "obj":
            continue
        for p in o.children:
            if p.dep_ != "acl" or "Part" not in p.morph.get("VerbForm"):
                continue
            for c in p.children:
                if (c.dep_ in ("iobj", "obl:arg") or c.dep_.startswith("obl")) and case_of(c) == "à":
                    got = [g for g in arguments.prep_actors(ctx, c) if g.id not in exclude]
                    if got:
                        return got
    return []
