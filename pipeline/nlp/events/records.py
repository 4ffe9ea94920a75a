"""Record building: one plain record per (agent, target) pair of a trigger.

:func:`events_for` joins the stages for one trigger (agents, targets, modality,
attribution, date) and writes records with exactly the keys of ``EVENT_KEYS``; symmetric
types with two agents and no target give one record in each direction.

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
>>> [rec] = events_for(ctx, doc[3], entry, obj_tok, 0, ctx.sents[0], {})
>>> rec["event_type"], rec["agent_id"], rec["target_id"], rec["modality"], rec["rule"]
('ASSAULT', 'russia', 'ukraine', 'asserted', 'verb_nsubj_obj')
"""
from __future__ import annotations

from typing import Any, TYPE_CHECKING

from spacy.tokens import Span, Token

from ..base import span_text
from . import control, said, surface
from .frames import frame_of
from .groups import MemberArg
from . import words as W
from .arguments import actors
from .attribution import quotation_speaker, sentence_source, speaker
from .context import Arg, DocContext, case_of, verb_lemma
from .dating import date_for
from .modality import noun_modality, verb_modality
from .nominal import governing_verb, nominal_args, participle_agent, possessive
from .subjects import controller_object, is_passive, subject
from .targets import clause_opponent, verb_targets
from .speech import reciprocal
from .triggers import noun_entry

if TYPE_CHECKING:
    from .triggers import Entry


def events_for(ctx: DocContext, tok: Token, entry: Entry, obj_tok: Token | None, sid: int, sent: Span,
               absorbed: dict[int, Token]) -> list[dict[str, Any]]:
    rule = ""
    if entry.pos == "VERB" and tok.pos_ != "VERB" and surface.hidden_verb(ctx.ex, tok) is not None:
        # a verb the tagger hid under another tag ("La Russie frappe Kiev"): no verb
        # dependents, the arguments are read from the surface (surface.py)
        own = surface.subject_before(ctx, tok)
        if own is None:
            return []
        agents, rule = [own], "verb_nsubj_surface"
        targets = surface.object_after(ctx, tok, frame_of(entry.canonical, "VERB", entry.type).target)
        targets = [t for t in targets if t.id != own.id]
        rule += "_obj" if targets else ""
        modality, clause_verb, trigger_text = verb_modality(ctx, tok, sent), tok, tok.text
    elif entry.pos == "VERB":
        agents = subject(ctx, tok)
        if agents:
            rule = "verb_" + ("obl_agent" if is_passive(ctx, tok) else "nsubj")
        elif entry.light and obj_tok is not None and obj_tok.lemma_.lower() in ctx.ex.event_nouns:
            # 'organiser des exercices de l'OTAN': the light noun's own agent is the agent
            own, _, _ = nominal_args(ctx, obj_tok, noun_entry(ctx, obj_tok))
            if own:
                agents, rule = own, "light_noun_agent"
        elif entry.type == "MOBILIZE" and tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm"):
            # 'les formateurs de l'OTAN positionnés en Ukraine': the owner of the forces
            # moved (the participle often hangs on the owner's name itself)
            h = tok.head
            for _ in range(2):
                if ctx.tok2ent[h.i] is not None and h.dep_ in ("nmod", "conj") and h.head.pos_ in ("NOUN", "PROPN"):
                    h = h.head
            if ctx.tok2ent[h.i] is None:
                agents = actors(ctx, h)
                rule = "verb_acl_owner" if agents else rule
        targets, trule = verb_targets(ctx, tok, entry, obj_tok, agents, absorbed)
        if not targets and entry.type == "THREATEN":
            targets, trule = clause_opponent(ctx, tok, {a.id for a in agents})
        if not targets and entry.type in ("REQUEST", "THREATEN", "ACCUSE") and entry.canonical in ctx.ex.report_verbs:
            # a verb of saying typed by what it says (said.py): the party asked, threatened or reproached
            ids = {a.id for a in agents}
            if entry.type == "REQUEST":
                targets = said.demanded_parties(ctx, tok, ids, opinion=entry.canonical in W.EVALUATION_VERBS)
            else:
                targets = (said.threatened_parties if entry.type == "THREATEN" else said.reproach)(ctx, tok, ids)
            trule = "said_" + entry.type.lower() if targets else trule
        if targets:
            rule += ("_" if rule else "verb_") + trule
        modality = verb_modality(ctx, tok, sent)
        clause_verb = tok
        trigger_text = tok.text
        if entry.light and obj_tok is not None and tok.i < obj_tok.i <= tok.i + 6:
            trigger_text = ctx.doc[tok.i: obj_tok.i + 1].text
        elif entry.obj is not None and entry.prep is not None and obj_tok is not None and obj_tok.i > tok.i:
            trigger_text = ctx.doc[tok.i: obj_tok.i + 1].text
    else:
        host = absorbed.get(tok.i)
        agents, targets, rule = nominal_args(ctx, tok, entry)
        if host is not None and not agents:
            return []  # part of a light-verb event ("lancer une offensive")
        if host is not None:
            host_ids = {a.id for a in subject(ctx, host)}
            if not host_ids or {a.id for a in agents} <= host_ids:
                return []  # the light verb's event already has this agent (or took it)
        if not agents:
            agents = participle_agent(ctx, tok)
            rule = "noun_participle_agent" if agents else rule
        gov, dep = governing_verb(tok)
        if entry.type == "STATEMENT" and not agents and not targets and gov is not None and dep.startswith("obl") \
                and verb_lemma(ctx.ex, gov) in ctx.ex.report_verbs:
            return []  # 'a déclaré l'UE dans un communiqué': the medium of the same statement
        if not agents and gov is not None:
            gl = verb_lemma(ctx.ex, gov)
            if dep in ("obj", "obl", "obl:arg", "obl:mod", "nsubj:pass", "xcomp"):
                if gl in ctx.ex.agent_from_object:
                    agents = controller_object(ctx, gov)
                    rule = "noun_object_control" if agents else rule
                if not agents and (gl in ctx.ex.agent_from_subject or possessive(tok)):
                    agents = subject(ctx, gov)
                    rule = "noun_subject_control" if agents else rule
        if not targets and agents:  # 'l'Ukraine a reçu l'aide de la Norvège': the recipient
            targets = control.recipient(ctx, tok, gov, dep, {a.id for a in agents})
            rule = rule + "_recipient" if targets else rule
        if not targets and agents and rule == "noun_subject_control" and gov is not None \
                and dep.startswith("obl") and case_of(tok) == "de":
            # 'a menacé la Russie de nouvelles sanctions': the object of the verb is the one
            # the threatened (offered, promised) act would fall on
            targets = [a for a in controller_object(ctx, gov) if a.id not in {x.id for x in agents}]
            rule = rule + "_object" if targets else rule
        if not targets and gov is not None and dep in ("obj", "nsubj:pass"):
            preps = entry.target_prep or W.NOUN_TARGET_PREPS
            for c in gov.children:  # "annoncer des livraisons de chars à l'Ukraine"
                if c.dep_.startswith("obl") and c.dep_ != "obl:agent" and case_of(c) in preps \
                        and case_of(c) != "de" and absorbed.get(tok.i) is None:
                    targets = actors(ctx, c)
                    if targets:
                        break
        ids = {a.id for a in agents}
        targets = [t for t in targets if t.id not in ids]
        modality = noun_modality(ctx, tok, sent)
        clause_verb = gov
        trigger_text = tok.text
        rule = rule or "noun_target_only"
    if not agents and not targets:
        return []
    if entry.type == "STATEMENT" and not agents:
        return []
    attributed = speaker(ctx, tok)
    if attributed is None:
        attributed = sentence_source(ctx, sent, tok)
    if attributed is None:
        attributed = quotation_speaker(ctx, tok)
    attributed_id = attributed.id if attributed is not None else ""
    pairs: list[tuple[Arg | None, Arg | None]] = []
    if ((entry.type in W.SYMMETRIC_TYPES or reciprocal(tok)) and not targets and len({a.id for a in agents}) == 2
            and modality != "negated"):
        a, b = agents[0], next(x for x in agents if x.id != agents[0].id)
        pairs = [(a, b), (b, a)]
    else:
        for a in agents or [None]:
            for t in targets or [None]:
                if a is not None and t is not None and a.id == t.id:
                    continue
                pairs.append((a, t))
    if any(isinstance(x, MemberArg) for pair in pairs for x in pair):
        rule += "_group_members"  # one event per listed member of a group noun (groups.py)
    date, precision, source = date_for(ctx, tok, sid, modality, clause_verb)
    sentence_text = " ".join(span_text(sent).split())
    out = []
    for a, t in pairs:
        if a is None and t is None:
            continue
        att = attributed_id
        if entry.type == "STATEMENT" and a is not None and att == a.id:
            att = ""
        out.append({
            "event_type": entry.type,
            "trigger": trigger_text,
            "trigger_lemma": entry.canonical,
            "start_char": int(tok.idx),
            "end_char": int(tok.idx + len(tok.text)),
            "sentence_id": int(sid),
            "sentence": sentence_text,
            "sentence_start_char": int(sent.start_char),
            "agent_id": a.id if a else "",
            "agent_text": a.text if a else "",
            "target_id": t.id if t else "",
            "target_text": t.text if t else "",
            "attributed_to": att,
            "modality": modality,
            "date": date,
            "date_precision": precision,
            "date_source": source,
            "rule": rule,
        })
    return out
