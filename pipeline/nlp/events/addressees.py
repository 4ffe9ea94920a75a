"""Addressees and patients that the parse hangs away from the verb of an event.

Three rules for :mod:`.targets`, each a fact of French syntax rather than of one verb:

* :func:`partner` — the *avec* complement of a two-sided act (agree, meet, cooperate) is
  the other party ('a signé un accord avec la Turquie');
* :func:`dative_of_object` — the *à* complement that the parser attached to the object
  noun of a verb of asking or giving is the verb's addressee ('réclame des extraditions
  à la Suède');
* :func:`hit_owner` — what a strike hits belongs to the state of its nationality
  adjective ('des frappes sur les installations iraniennes de Natanz': Iran, not Natanz).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

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
