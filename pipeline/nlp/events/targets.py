"""Argument extraction: the target of a verb trigger.

:func:`verb_targets` looks, in order, at the addressee of a statement, the constrained
object of a light verb ("lancer une offensive contre X"), the direct object (an actor, a
pronoun, an event noun with its own arguments), the indirect object and the prepositional
complements of ``verb_target_preps``; for ASSAULT and MOBILIZE it then searches locative
phrases deeply. :func:`clause_opponent` reads the opponent of a warning in its clause.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> from pipeline.nlp.events.triggers import select
>>> doc = hand_parsed('''
... La le DET det 1
... Russie Russie PROPN nsubj 3
... a avoir AUX aux:tense 3
... envahi envahir VERB ROOT 3
... l' le DET det 5
... Ukraine Ukraine PROPN obj 3''', actors={(1, 2): ("LOC", "russia"), (5, 6): ("LOC", "ukraine")})
>>> ctx = DocContext(EventExtractor(), doc)
>>> entry, obj_tok = select(ctx, doc[3], "envahir", "VERB")
>>> verb_targets(ctx, doc[3], entry, obj_tok, [Arg("russia", "Russie", 1)], {})
([Arg('ukraine', 'Ukraine', 5)], 'obj')
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..normalize import fold
from . import addressees, arguments, control, nominal, pronouns, subjects, triggers
from . import words as W
from .context import Arg, DocContext, case_of

if TYPE_CHECKING:
    from .triggers import Entry


def light_noun_targets(ctx: DocContext, noun: Token, preps: tuple, agent_ids: set[str],
                        entry: Entry | None = None) -> list[Arg]:
    """Target of a light verb read on its object noun: the noun's own nationality
    adjective ('formera des soldats ukrainiens') or an entity introduced by a target
    preposition somewhere in its nominal phrase ('un embargo sur le pétrole russe')."""
    got: list[Arg] = []
    # 'retirer les troupes américaines': the withdrawn troops' adjective is their owner
    owner_adj = entry is not None and entry.type in W.OWNER_ADJECTIVE_TYPES
    if not owner_adj and noun.lemma_.lower() not in ctx.ex.event_nouns and noun.lemma_.lower() not in ctx.ex.instruments:
        for c in noun.children:
            if c.dep_ == "amod" and fold(c.text) in ctx.ex.adjectives:
                got.append(Arg(ctx.ex.adjectives[fold(c.text)], c.text, c.i))
    frontier, depth = [noun], 0
    while frontier and not got and depth < 3:
        nxt = []
        for n in frontier:
            for c in n.children:
                if c.dep_ not in ("nmod", "obl"):
                    continue
                case = case_of(c)
                if case in preps and case != "de" and c.pos_ == "NOUN" and c.lemma_.lower() in ctx.ex.event_nouns:
                    # 'donner son feu vert à la livraison par Varsovie': the doer of the act
                    own, _, _ = nominal.nominal_args(ctx, c, triggers.noun_entry(ctx, c))
                    got.extend(a for a in own if a.id not in agent_ids)
                    if got:
                        break
                if case in preps or case == "de":
                    found = arguments.actors(ctx, c, depth=0, role="target")
                    if entry is not None:  # 'tenir une réunion à Bruxelles': a venue
                        found = arguments.venue_filter(ctx, found, entry, case, c.dep_)
                    got.extend(found)
                if case == "de":
                    nxt.append(c)
        frontier, depth = nxt, depth + 1
    return [g for g in got if g.id not in agent_ids]


def verb_targets(ctx: DocContext, verb: Token, entry: Entry, obj_tok: Token | None, agents: list[Arg],
                  absorbed: dict[int, Token]) -> tuple[list[Arg], str]:
    got, rule = verb_targets_core(ctx, verb, entry, obj_tok, agents, absorbed)
    agent_ids = {a.id for a in agents}
    if not got and entry.type == "REQUEST":
        got = asked_party(ctx, verb, agent_ids)
        if got:
            return got, "asked_party"
    if not got and entry.type == "AGREE":
        got = control.promised_party(ctx, verb, agent_ids)
        if got:
            return got, "promised_party"
    if not got and entry.type in W.SYMMETRIC_TYPES:
        got = addressees.partner(ctx, verb, obj_tok, agent_ids)
        if got:
            return got, "partner"
    if not got and obj_tok is not None and obj_tok.lemma_.lower() in W.RELATION_NOUNS:
        # 'a rompu ses liens diplomatiques avec le Qatar', 'rompu leurs liens et fermé leurs
        # frontières avec le Qatar': the other side of a relation is the one acted upon
        for v in [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
            got = addressees.partner(ctx, v, obj_tok if v.i == verb.i else None, agent_ids)
            if got:
                return got, "relation_partner"
    if not got and entry.type == "AID":
        got = addressees.recipient_on_object(ctx, verb, agent_ids)
        if got:
            return got, "object_recipient"
    if not got and entry.type in addressees.QUOTED_PARTY_TYPES:
        got = addressees.quoted_party(ctx, verb, agent_ids)
        if got:
            return got, "quoted_party"
    if got or entry.type not in ("ASSAULT", "MOBILIZE"):
        return got, rule
    roots = [c for c in verb.children if c.dep_.startswith("obl") and c.dep_ != "obl:agent"
             and case_of(c) != "par"]
    objs = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")]
    if obj_tok is not None:
        objs.append(obj_tok)
    roots += [k for o in objs for k in o.children if k.dep_ == "nmod"]
    preps = tuple(p for p in entry.target_prep if p in W.DEEP_PLACE_PREPS) if entry.target_prep else W.DEEP_PLACE_PREPS
    got = arguments.deep_place_targets(ctx, roots, agent_ids, preps)
    if got:
        return got, "deep_place"
    if entry.type == "ASSAULT":
        # 'une attaque sur trois sites nucléaires iraniens', 'des frappes contre les
        # positions russes': what is hit belongs to the state of its nationality adjective
        # (also under an adjective of the object: 'une attaque "très réussie" sur…')
        hits = roots + [k for o in objs for a in o.children if a.dep_ == "amod"
                        for k in a.children if k.dep_.startswith(("obl", "nmod"))]
        for r in hits:
            if case_of(r) in ("sur", "contre") and r.pos_ == "NOUN":
                # 'sur une grande partie du territoire indien': also the noun's de-complement
                for n in [r] + [k for k in r.children if k.dep_ == "nmod" and case_of(k) in ("de", "du", "des")]:
                    for c in n.children:
                        cid = ctx.ex.adjectives.get(fold(c.text)) if c.dep_ == "amod" else None
                        if cid and cid not in agent_ids:
                            return [Arg(cid, c.text, c.i)], "hit_adjective"
        # 'a abattu un avion militaire russe', 'un drone iranien a été abattu': what is
        # struck, named by a common noun, belongs to the state of its nationality adjective
        # (also the object parsed as a bare adjunct after a dated incise: 'a abattu, mardi, un avion')
        bare = [c for c in verb.children if c.dep_ == "obl:mod" and c.i > verb.i and not case_of(c)
                and not any(k.dep_ == "obj" for k in verb.children)]
        for o in objs + bare:
            if o.pos_ == "NOUN" and ctx.tok2ent[o.i] is None and o.lemma_.lower() not in ctx.ex.event_nouns:
                for c in o.children:
                    cid = ctx.ex.adjectives.get(fold(c.text)) if c.dep_ == "amod" else None
                    if cid and cid not in agent_ids:
                        return [Arg(cid, c.text, c.i)], "hit_adjective_obj"
    return [], ""


def verb_targets_core(ctx: DocContext, verb: Token, entry: Entry, obj_tok: Token | None, agents: list[Arg],
                       absorbed: dict[int, Token]) -> tuple[list[Arg], str]:
    preps = entry.target_prep or W.VERB_TARGET_PREPS
    if entry.type == "MOBILIZE" and entry.target_prep is None:
        preps = tuple(p for p in preps if p != "de")  # 'patrouillent de la mer du Nord à...'
    passive = subjects.is_passive(ctx, verb)
    kids = list(verb.children)
    agent_ids = {a.id for a in agents}
    if entry.type == "STATEMENT":
        for c in kids:
            if c.dep_ == "iobj" or (c.dep_.startswith("obl") and case_of(c) == "à"):
                if c.dep_ != "iobj" and nominal.place_name(ctx, c):
                    continue  # 'a déclaré à Minsk': where it was said, not to whom
                if c.dep_ != "iobj" and c.lemma_.lower() in W.COMPLEX_PREP_NOUNS:
                    continue  # 'aux côtés de X', 'à la demande de X': a manner, not whom
                got = [g for g in arguments.actors(ctx, c) if g.id not in agent_ids
                       and addressees.addressee_word(ctx, c, g)]
                if got:
                    return got, "statement_addressee"
        return [], ""
    light = entry.light and obj_tok is not None
    if light and ctx.tok2ent[obj_tok.i] is not None:
        # the constrained object is itself an actor: 'rejoindre l'UE', 'a reçu Vladimir Poutine'
        got = [g for g in arguments.actors(ctx, obj_tok) if g.id not in agent_ids]
        if got:
            return got, "obj"
    objs = [c for c in kids if c.dep_ == ("nsubj:pass" if passive else "obj")]
    if not objs and verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm"):
        objs = [verb.head]
    if not objs and not passive:
        objs = glued_to_date(ctx, verb)  # 'a bombardé dimanche trois sites…'
    if light:
        objs = [o for o in objs if o.i != obj_tok.i] if entry.prep is not None else []
        objs.append(obj_tok)
    elif entry.obj is not None and obj_tok is not None and entry.prep is not None:
        objs = [o for o in objs if o.i != obj_tok.i]
    if len(objs) > 1:
        # 'refusant tout cessez-le-feu, le Qatar est…': a second object after a comma is
        # the parser's slip for the subject of the next clause
        objs = [objs[0]] + [o for o in objs[1:] if not (min(t.i for t in o.subtree) > 0
                                                       and ctx.doc[min(t.i for t in o.subtree) - 1].text == ",")]
    for o in objs:
        if o.pos_ == "PRON":
            if o.lower_ in W.OBJECT_PRONOUNS:
                got = pronouns.pronoun(ctx, o, exclude=agent_ids, subject=False)
            elif passive and o.lower_ in W.SUBJECT_PRONOUNS:
                got = [g for g in pronouns.pronoun(ctx, o) if g.id not in agent_ids]
            else:
                got = []
            if got:
                return got, "pronoun_object"
            continue
        is_light_noun = light and o.i == obj_tok.i
        if o.pos_ == "NOUN" and o.lemma_.lower() in ctx.ex.event_nouns:
            nentry = triggers.noun_entry(ctx, o)
            own, ntargets, _ = nominal.nominal_args(ctx, o, nentry)
            own = [a for a in own if a.id not in agent_ids]
            if own and not is_light_noun:  # 'saluer l'annonce d'Ankara' (not 'lancer une offensive')
                return own, "event_noun_agent"
            ntargets = [t for t in ntargets if t.id not in agent_ids]
            if is_light_noun and ntargets:
                return ntargets, "light_noun_target"
            if not is_light_noun:
                got = [g for g in relative_clause_agent(ctx, o, verb) if g.id not in agent_ids]
                if got:  # 'saluer l'annonce faite par Ankara'
                    return got, "event_noun_agent"
                got = addressees.dative_of_object(ctx, o, entry, agent_ids)
                if got:  # 'réclame des extraditions à la Suède'
                    return got, "obj_nmod_prep"
                continue
        if is_light_noun:
            got = light_noun_targets(ctx, o, preps, agent_ids, entry)
            if got:
                return got, "light_noun_target"
            continue
        if o.pos_ == "NOUN" and o.lemma_.lower() in W.PATIENT_NOUNS and ctx.tok2ent[o.i] is None:
            # 'dénoncer l'exclusion de l'Ukraine': the de-complement is the victim of the
            # action named by the noun, not the addressee of the speech act
            got = [g for g in relative_clause_agent(ctx, o, verb) if g.id not in agent_ids]
            if got:
                return got, "obj_relative_agent"
            continue
        got = [g for g in arguments.actors(ctx, o, role="target") if g.id not in agent_ids]
        if got:
            return got, "obj"
        got = [g for g in relative_clause_agent(ctx, o, verb) if g.id not in agent_ids]
        if got:  # 'refuser les garanties que leur proposait la Russie'
            return got, "obj_relative_agent"
        for c in o.children:  # "livré des drones à la Russie" (à attached to the object)
            if c.dep_ == "nmod" and case_of(c) in preps and case_of(c) != "de":
                got = [g for g in arguments.prep_actors(ctx, c) if g.id not in agent_ids]
                got = arguments.venue_filter(ctx, got, entry, case_of(c), "nmod")
                if got:
                    return got, "obj_nmod_prep"
    for c in kids:
        if c.dep_ == "iobj":
            got = [g for g in arguments.actors(ctx, c, role="target") if g.id not in agent_ids]
            if got:
                return got, "iobj"
    for prep in preps:
        for c in kids:
            if not c.dep_.startswith("obl") or c.dep_ == "obl:agent" or case_of(c) != prep:
                continue
            if is_venue(ctx, c, entry, prep):
                # 'rencontrera à Helsinki (Finlande) Vladimir Poutine': the city is where the
                # meeting happens; a person the parser hung on it is the real object
                got = [g for g in venue_people(ctx, c) if g.id not in agent_ids]
                if got:
                    return got, "obj_after_venue"
                continue
            if (prep in ("à", "en", "de", "dans") and c.dep_ == "obl:mod" and entry.type in W.PLACE_ADJUNCT_TYPES
                    and entry.target_prep is None and not (entry.prep and prep in entry.prep)):
                continue  # 'réunis à Varsovie', 'signé à Istanbul': places, not targets
            owner = addressees.hit_owner(ctx, c, entry, prep, agent_ids)
            if owner:
                return owner, "hit_adjective"
            if entry.type != "STATEMENT" and c.pos_ == "NOUN" and c.lemma_.lower() in ctx.ex.event_nouns:
                # 'a donné son feu vert à la livraison par Varsovie', 's'oppose à l'adhésion
                # de la Suède': an act named as the complement is aimed at whoever does it
                own, _, _ = nominal.nominal_args(ctx, c, triggers.noun_entry(ctx, c))
                own = [a for a in own if a.id not in agent_ids]
                if own:
                    return own, "event_noun_agent"
            got = [g for g in arguments.prep_actors(ctx, c) if g.id not in agent_ids]
            got = arguments.venue_filter(ctx, got, entry, prep, c.dep_)
            if got:
                return got, "obl_" + prep
    return [], ""


def glued_to_date(ctx: DocContext, verb: Token) -> list[Token]:
    """The object the parser hung on a bare date right after the verb ('ont bombardé
    dimanche trois sites iraniens': 'sites' under 'dimanche'): the noun phrase without
    preposition attached to a date that is itself a bare complement of the verb."""
    dates = temporal_tokens(ctx.doc)
    out = []
    for c in verb.children:
        if c.i in dates and c.i > verb.i and c.dep_ in ("obj", "obl:mod", "obl") and not case_of(c):
            out += [k for k in c.children if k.dep_ in ("nmod", "appos") and not case_of(k) and k.i > c.i
                    and k.pos_ in ("NOUN", "PROPN")]
    return out


def temporal_tokens(doc) -> set[int]:
    """Indices of the tokens inside a temporal expression of the timex layer (any value)."""
    out: set[int] = set()
    for rec in (doc._.timexes if doc.has_extension("timexes") else None) or []:
        span = doc.char_span(rec["start_char"], rec["end_char"], alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def clause_opponent(ctx: DocContext, verb: Token, exclude: set[str]) -> tuple[list[Arg], str]:
    """A warning without object: the opponent named by 'avec/contre X' in its clause
    ('le Kremlin a averti que cela déclencherait une guerre directe avec l'OTAN')."""
    for cl in verb.children:
        if cl.dep_ not in ("ccomp", "xcomp"):
            continue
        nodes = [cl] + [c for c in cl.children if c.dep_ in ("obj", "nsubj", "nsubj:pass")]
        for n in nodes:
            for c in n.children:
                if c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and case_of(c) in ("avec", "contre"):
                    got = [g for g in arguments.actors(ctx, c, depth=0, role="target") if g.id not in exclude]
                    if got:
                        return got, "clause_opponent"
    return [], ""


def is_venue(ctx: DocContext, tok: Token, entry: Entry, prep: str) -> bool:
    """In a frame with a venue (``venue_types`` of event_words.yaml: meetings, signatures),
    a place-name (a LOC entity, capital or country) introduced by à/en/dans is the venue,
    unless the trigger names that preposition itself ('se rendre à Moscou')."""
    if entry.type not in W.VENUE_TYPES or prep not in W.PLACE_PREPS:
        return False
    if entry.prep and prep in entry.prep:
        return False
    ent = ctx.tok2ent[tok.i]
    return ent is not None and ent.label_ == "LOC"


def venue_people(ctx: DocContext, place: Token) -> list[Arg]:
    """People the parser attached to a venue as appositions ('à Helsinki (Finlande)
    Vladimir Poutine')."""
    out = []
    for c in place.children:
        if c.dep_ in ("appos", "conj", "nmod") and not case_of(c):
            ent = ctx.tok2ent[c.i]
            if ent is not None and ent.label_ == "PER":
                out.append(Arg(ent._.actor_id, ent.text, ent.start))
    return out


def relative_clause_agent(ctx: DocContext, noun: Token, trigger: Token | None = None) -> list[Arg]:
    """The doer named in a participle or an object relative clause on ``noun``: 'l'annonce
    faite par Ankara', 'les garanties que leur proposait la Russie' (the subject of the clause,
    also when inverted after the verb; the parser often attaches such clauses as a
    ccomp of the main verb right after the noun)."""
    end = max(t.i for t in noun.subtree)
    clauses = [c for c in noun.children if c.dep_ == "acl:relcl"]
    if end + 1 < len(ctx.doc) and ctx.doc[end + 1].lower_ in ("que", "qu'", "qu’"):
        que = ctx.doc[end + 1]
        if que.head.dep_ in ("ccomp", "acl:relcl", "advcl") and que.head.i > que.i:
            clauses.append(que.head)
    for c in noun.children:
        # 'a salué les engagements pris par les membres de l'Alliance', 'l'annonce faite
        # par M. Erdogan': the par-agent of a participle on the object
        if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm") and "Pres" not in c.morph.get("Tense") \
                and (trigger is None or c.i != trigger.i):  # 'otages détenus par X': X is the agent
            for k in c.children:
                if k.dep_ == "obl:agent" or (k.dep_.startswith("obl") and case_of(k) == "par"):
                    got = arguments.actors(ctx, k)
                    if got:
                        return got
    for cl in clauses:
        if not any(k.lower_ in ("que", "qu'", "qu’") and k.i < cl.i for k in cl.children):
            continue
        for k in cl.children:
            if k.dep_ in ("nsubj", "nsubj:pass") and k.pos_ != "PRON":
                got = arguments.actors(ctx, k)
                if got:
                    return got
        for k in cl.children:  # stylistic inversion: 'que proposait la Russie'
            if k.i > cl.i and k.dep_ in ("obj", "nsubj") and not case_of(k) and ctx.tok2ent[k.i] is not None:
                return arguments.actors(ctx, k)
    return []


def asked_party(ctx: DocContext, verb: Token, exclude: set[str]) -> list[Arg]:
    """The party a demand is addressed to when it is only named as the subject of the
    demanded clause: 'insiste pour que l'Ukraine se démilitarise', 'exige que Moscou
    retire ses troupes'."""
    for c in verb.children:
        if c.dep_ not in ("ccomp", "advcl", "obl:arg") or c.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if not any(k.lower_ in ("que", "qu'", "qu’") for k in c.children):
            continue
        for k in c.children:
            if k.dep_ in ("nsubj", "nsubj:pass") and ctx.tok2ent[k.i] is not None:
                got = [g for g in arguments.actors(ctx, k) if g.id not in exclude]
                if got:
                    return got
    return []
