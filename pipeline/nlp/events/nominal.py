"""Argument extraction for event nouns ("l'invasion russe de l'Ukraine").

:func:`nominal_args` reads the agent and target of an event noun from its own dependents
(nationality adjective, ``par``, ``entre``, ``de`` and target prepositions);
:func:`governing_verb` and :func:`participle_agent` find an agent outside the noun phrase.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... l' le DET det 1
... invasion invasion NOUN ROOT 1
... russe russe ADJ amod 1
... de de ADP case 5
... l' le DET det 5
... Ukraine Ukraine PROPN nmod 1''', actors={(5, 6): ("LOC", "ukraine")})
>>> agents, targets, rule = nominal_args(DocContext(EventExtractor(), doc), doc[1], None)
>>> agents, targets, rule
([Arg('russia', 'russe', 2)], [Arg('ukraine', 'Ukraine', 5)], 'noun_adj_agent')
>>> possessive(doc[1]), governing_verb(doc[5])
(False, (None, ''))
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lexicon import words
from ..normalize import fold
from . import arguments
from . import words as W
from .context import Arg, DocContext, case_of

if TYPE_CHECKING:
    from .triggers import Entry

TARGETING_VERBS = words("trigger_words.yaml", "targeting_verbs")


def nominal_args(ctx: DocContext, noun: Token, entry: Entry | None) -> tuple[list[Arg], list[Arg], str]:
    """Own agent(s) and target(s) of an event noun, with the rule that found the agent."""
    tpreps = entry.target_prep if entry and entry.target_prep else W.NOUN_TARGET_PREPS
    agents: list[Arg] = []
    targets: list[Arg] = []
    rule = ""
    for c in noun.children:
        if c.dep_ == "amod":
            cid = ctx.ex.adjectives.get(fold(c.text))
            if cid and not agents:
                agents.append(Arg(cid, c.text, c.i))
                rule = "noun_adj_agent"
    de_args: list[list[Arg]] = []
    for c in noun.children:
        if c.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg", "acl"):
            continue
        case = case_of(c)
        if case == "par":
            if judged_before(noun, c):
                continue  # 'une invasion qualifiée de barbare par Bruxelles': the judge, not the doer
            got = arguments.actors(ctx, c)
            if got:
                agents = got
                rule = "noun_par_agent"
        elif case == "entre":
            got = arguments.actors(ctx, c)
            if got:
                last = max(t.i for t in c.subtree)
                if ctx.tok2ent[last] is not None:
                    last = ctx.tok2ent[last].end - 1
                # "entre Xi Jinping et Vladimir Poutine" with the second name mis-attached
                if len(got) == 1 and last + 2 < len(ctx.doc) and ctx.doc[last + 1].lower_ == "et":
                    k = last + 2
                    while k < len(ctx.doc) and ctx.doc[k].pos_ == "DET":
                        k += 1
                    if k < len(ctx.doc) and ctx.tok2ent[k] is not None:
                        e2 = ctx.tok2ent[k]
                        got.append(Arg(e2._.actor_id, e2.text, e2.start))
                if not agents:
                    agents = got[:1]
                    rule = "noun_entre"
                targets.extend(got[1:])
        elif case == "de":
            if entry is not None and entry.type in W.VENUE_TYPES and place_name(ctx, c):
                continue  # 'les accords de Minsk', 'le sommet de Vilnius': a venue in a name
            got = arguments.actors(ctx, c)
            if got:
                de_args.append(got)
        elif case in tpreps:
            got = arguments.actors(ctx, c)
            if entry is not None and not (entry.target_prep and case in entry.target_prep):
                got = arguments.venue_filter(ctx, got, entry, case, c.dep_)
            targets.extend(got)
    for c in noun.children:  # a verb mis-tagged NOUN ("l'OTAN menace la sécurité de la Russie")
        if c.dep_ == "nsubj" and not agents:
            agents = arguments.actors(ctx, c)
            rule = "noun_nsubj" if agents else rule
        elif c.dep_ == "obj" and not targets:
            targets = arguments.actors(ctx, c, role="target")
    if not targets:  # "le retrait des troupes russes de Kherson", "livraisons d'armes américaines à Israël"
        for c in noun.children:
            if c.dep_ == "nmod" and case_of(c) == "de":
                for k in c.children:
                    # (the agent may still be the de-complement's own adjective: 'des troupes russes')
                    if k.dep_ == "nmod" and (case_of(k) in tpreps or (case_of(k) == "de" and (agents or de_args))):
                        targets.extend(arguments.prep_actors(ctx, k))
    if de_args:
        if "de" in tpreps:
            targets = de_args[0] + targets
            if len(de_args) > 1 and not agents:
                agents = de_args[1]
                rule = rule or "noun_de_agent"
        else:
            if not agents:
                agents = de_args[0]
                rule = "noun_de_agent"
                rest = de_args[1:]
            else:
                rest = de_args
            if not targets:
                for got in rest:
                    if {a.id for a in got} - {a.id for a in agents}:
                        targets = got
                        break
    ids = {a.id for a in agents}
    targets = [t for t in targets if t.id not in ids]
    if not targets:
        targets = aimed_at(ctx, noun, ids)
    if not targets and entry is not None and entry.type in ("ASSAULT", "MOBILIZE"):
        roots = [c for c in noun.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg")
                 and case_of(c) not in ("par", "entre")]
        preps = tuple(p for p in entry.target_prep if p in W.DEEP_PLACE_PREPS) if entry.target_prep \
            else W.DEEP_PLACE_PREPS
        targets = arguments.deep_place_targets(ctx, roots, ids, preps)
    return agents, targets, rule


def aimed_at(ctx: DocContext, noun: Token, exclude: set[str]) -> list[Arg]:
    """An event noun that is the subject of a verb of aiming or hitting (``targeting_verbs``
    of models/trigger_words.yaml) has that verb's object as its target ("une attaque du
    Hamas a visé Israël"); in the passive, the verb's subject ("Israël a été visé par une
    attaque")."""
    head = noun.head
    if head.i == noun.i or head.pos_ not in ("VERB", "ADJ") or head.lemma_.lower() not in TARGETING_VERBS:
        return []
    if noun.dep_ == "nsubj":
        slots = [c for c in head.children if c.dep_ == "obj"]
    elif noun.dep_ == "obl:agent" or (noun.dep_.startswith("obl") and case_of(noun) == "par"):
        slots = [c for c in head.children if c.dep_ == "nsubj:pass"]
    else:
        return []
    for c in slots:
        got = [a for a in arguments.actors(ctx, c, role="target") if a.id not in exclude]
        if got:
            return got
    return []


def governing_verb(tok: Token) -> tuple[Token | None, str]:
    """The verb a nominal depends on (through nmod chains), with the dep of the last step."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None, ""
        if head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and any(c.dep_ == "aux:pass" for c in head.children)):
            return head, cur.dep_
        if cur.dep_ not in ("nmod", "conj", "appos", "obj", "obl", "obl:arg", "obl:mod", "nsubj", "nsubj:pass"):
            return None, ""
        cur = head
    return None, ""


def participle_agent(ctx: DocContext, noun: Token) -> list[Arg]:
    """'une vague de mobilisation décidée par Moscou': the par-agent of a participle on
    the event noun or on the noun it quantifies (vague, série, paquet...)."""
    hosts = [noun]
    if noun.dep_ == "nmod" and case_of(noun) == "de" and noun.head.pos_ == "NOUN":
        hosts.append(noun.head)
    for h in hosts:
        for c in h.children:
            if c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ") and "Part" in c.morph.get("VerbForm") \
                    and "Pres" not in c.morph.get("Tense") \
                    and not judgement_participle(c):  # 'un plan passant par…' is no passive
                for k in c.children:
                    if k.dep_.startswith("obl") and case_of(k) == "par":
                        got = arguments.actors(ctx, k)
                        if got:
                            return got
    return []


def judgement_participle(tok: Token) -> bool:
    """A past participle (or participial adjective) of judgement, perception or asking
    ('qualifiée', 'redoutée', 'réclamé'): ``judgement_participles`` of event_words.yaml."""
    if tok.pos_ not in ("VERB", "ADJ") or "Pres" in tok.morph.get("Tense"):
        return False
    if tok.lemma_.lower() in W.JUDGEMENT_PARTICIPLES:
        return True
    low = tok.lower_
    for suf, rep in W.PASSIVE_PARTICIPLE_ENDINGS.items():
        if low.endswith(suf) and len(low) > len(suf) + 2 and low[: -len(suf)] + rep in W.JUDGEMENT_PARTICIPLES:
            return True
    return False


def judged_before(noun: Token, par: Token) -> bool:
    """'une invasion qualifiée de barbare par Bruxelles': a participle of judgement on the
    event noun stands between the noun and its *par* complement, which is then the judge's
    (the parser often hangs 'par X' on the noun instead of the participle)."""
    return any(c.dep_ in ("amod", "acl") and noun.i < c.i < par.i and judgement_participle(c)
               for c in noun.children)


def possessive(noun: Token) -> bool:
    return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)


def place_name(ctx: DocContext, tok: Token) -> bool:
    """A city named without determiner whose actor is something else (a capital standing for
    its state, 'Minsk' → Belarus) or a mere place: in 'accords de Minsk', 'sommet de
    Vilnius' the city is the venue that names the event, not its agent. A country keeps
    its role ('la rencontre d'Israël et du Hamas')."""
    ent = ctx.tok2ent[tok.i]
    if ent is None or ent.label_ != "LOC" or any(c.dep_ == "det" for c in tok.children):
        return False
    arg = Arg(ent._.actor_id, ent.text, ent.start)
    if arguments.is_place(ctx, arg):
        return True
    gent = ctx.ex.gaz.get(ent._.actor_id)
    return gent is not None and fold(gent.label) != fold(ent.text) and fold(ent.text) not in {
        fold(a) for a in getattr(gent, "aliases", ())}
