"""Triggers that look like events but are not: names, noun modifiers and figurative senses.

:func:`not_an_event` is asked for every trigger token with its chosen lexicon entry,
before any argument is read. It says why the token states no event, or returns ``""``:

* ``entity`` — a noun inside a named entity ("Organisation du **traité** de l'Atlantique
  nord", "l'**Alliance** atlantique"), or right after the capitalised first word of an
  institution's name that the tagger kept alone ("l'Organisation pour l'**interdiction**
  des armes chimiques");
* ``modifier`` — a bare noun (no determiner) in the *de*-complement of another noun that
  is not itself an event, a quantifier, a hypothetical or an attribution noun: it classifies
  that noun ("avions de **combat**", "navires de **guerre**", "crimes de **guerre**");
* ``venue`` (:func:`venue_agent`, per record) — the *de*-complement taken as the agent of a
  meeting or agreement noun is a bare place name, the venue or the name of the
  event ("l'accord de **Doha**", "le sommet de **Madrid**", "une visite du musée du **Prado**");
* ``anaphoric`` — an event noun with a demonstrative determiner ("**ce sommet**", "ces
  attaques", "cette décision") refers back to an event the text has already reported: it is
  no new occurrence (the earlier mention carries the event);
* ``content`` — an event noun without an agent of its own in the complement of another
  event noun is what that event is about ("un accord de **cessez-le-feu**", "des négociations
  pour une **trêve**", "des demandes d'**extradition**"): one event, the governing noun's;
* ``background`` — an event noun that frames the time of the news ("**après** l'invasion",
  "**lors du** sommet", "avant l'ouverture de leur **réunion**"): the sentence reports
  something else;
* ``sense`` — a figurative sense excluded by the entry's ``not_with`` / ``not_under``
  constraints in ``models/triggers.yaml`` ("**escalade** des tensions", "cessation des
  **hostilités**"; see ``models/TRIGGERS.md``).

>>> from pipeline.nlp.events.context import hand_parsed
>>> doc = hand_parsed('''
... des un DET det 1
... avions avion NOUN ROOT 1
... de de ADP case 3
... combat combat NOUN nmod 1''')
>>> bare_modifier(doc[3], frozenset({"combat"}))
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import words as W
from .context import case_of
from .triggers import trigger_key

if TYPE_CHECKING:
    from .context import DocContext
    from .triggers import Entry

#: types of the nouns named after their venue ("accord de Doha", "sommet de Madrid")
VENUE_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: the forms of "de" that carry no article ("du", "des" do)
BARE_DE = frozenset({"de", "d'", "d’"})
#: dependents of a verb trigger that a ``not_with`` lemma is looked for in
VERB_ARG_DEPS = ("obj", "obl", "obl:arg", "obl:mod", "nsubj:pass", "xcomp", "iobj")


def not_an_event(ctx: DocContext, tok: Token, entry: Entry) -> str:
    """Why ``tok`` (with ``entry``) states no event: ``entity``, ``modifier``, ``anaphoric``,
    ``content``, ``background``, ``sense`` or ``""``."""
    if entry.pos == "NOUN":
        if tok.ent_type_ or ctx.tok2ent[tok.i] is not None or continues_a_name(tok):
            return "entity"
        wrappers = ctx.ex.event_nouns | W.QUANTIFIERS | ctx.ex.hyp_nouns | ctx.ex.attr_nouns
        if bare_modifier(tok, wrappers):
            return "modifier"
        if anaphoric(tok):
            return "anaphoric"
        if content_noun(ctx, tok, entry):
            return "content"
        if background(tok):
            return "background"
    if excluded_sense(tok, entry):
        return "sense"
    return ""


def anaphoric(tok: Token) -> bool:
    """A demonstrative determiner on the noun ("ce sommet", "ces frappes", "cette décision")."""
    return any(c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children)


def background(tok: Token) -> bool:
    """The event noun frames the time of the sentence's news: it is introduced by a temporal
    preposition ("après l'invasion", "lors du sommet"), or it is the *de*-complement of a
    phase noun so introduced ("avant l'ouverture de leur réunion", "après la rupture du
    cessez-le-feu"). A noun with a *par* agent states its event like a passive clause and
    is kept."""
    def temporal(t: Token) -> bool:
        case = case_of(t)
        first = case.split()[0] if case else ""
        words = {c.lower_ for c in t.children if c.dep_ in ("case", "advmod", "mark")}
        if t.head.i != t.i and t.head.pos_ == "ADV" and t.head.lower_ in W.TEMPORAL_PREPOSITIONS:
            return True  # "lors du sommet": the tagger heads the phrase with the adverb
        return case in W.TEMPORAL_PREPOSITIONS or first in W.TEMPORAL_PREPOSITIONS or bool(words & W.TEMPORAL_PREPOSITIONS)

    if any(c.dep_ in ("nmod", "obl", "obl:agent") and case_of(c) == "par" for c in tok.children):
        return False  # "après l'annexion de la Crimée par la Russie": a clause in all but name
    if temporal(tok):
        return True
    head = tok.head
    return (tok.dep_ == "nmod" and head.i != tok.i and head.lemma_.lower() in W.PHASE_NOUNS
            and case_of(tok) == "de" and (temporal(head) or counted(head) or temporal(head.head)))


def counted(phase: Token) -> bool:
    """A phase noun counted by a number or an ordinal ("au dixième jour de la guerre",
    "le 1116e jour de l'invasion"): a date reckoned from the event, not the event."""
    def number(t: Token) -> bool:
        return "Ord" in t.morph.get("NumType") or t.text[:1].isdigit()

    if phase.head.i != phase.i and phase.dep_ == "nmod" and not case_of(phase) and number(phase.head):
        return True  # 'le 1116e jour': the tagger heads the phrase with the ordinal
    return any(c.dep_ == "nummod" or (c.dep_ == "amod" and number(c)) for c in phase.children)


#: prepositions that attach the content of an event noun to it
CONTENT_PREPS = frozenset({"de", "pour", "sur"})
#: prepositions and relations that attach the topic of a verb of discussion to it
TOPIC_PREPS = frozenset({"de", "sur"})
TOPIC_DEPS = ("obl", "obl:arg", "obl:mod")


def discussion_verb(ctx: DocContext, verb: Token) -> bool:
    """A verb whose every reading in the lexicon is a consultation (discuter, négocier,
    s'entretenir): what it is about is its topic, not an act of its subject."""
    key = trigger_key(ctx.ex, verb)
    entries = ctx.ex.entries.get(key) if key is not None and key[1] == "VERB" else None
    return bool(entries) and all(e.type == "CONSULT" for e in entries)


def content_noun(ctx: DocContext, tok: Token, entry: Entry) -> bool:
    """An event noun with no agent of its own that is what another event is about: in the
    *de*/*pour*/*sur* complement of another event noun (not a quantifier, hypothetical or
    attribution wrapper), or the object or *de*/*sur* complement of a verb of discussion
    ("ont discuté d'une **trêve**", "négocient un **cessez-le-feu**": talking about an
    event is not doing it; a meeting noun under such a verb is that meeting itself)."""
    head = tok.head
    if head.i == tok.i:
        return False
    if head.pos_ in ("VERB", "AUX") and entry.type != "CONSULT":
        if not (tok.dep_ == "obj" or (tok.dep_ in TOPIC_DEPS and case_of(tok) in TOPIC_PREPS)):
            return False
        if not discussion_verb(ctx, head):
            return False
    else:
        if tok.dep_ != "nmod" or head.pos_ != "NOUN" or case_of(tok) not in CONTENT_PREPS:
            return False
        hl = head.lemma_.lower()
        if hl not in ctx.ex.event_nouns or hl in W.QUANTIFIERS or hl in ctx.ex.hyp_nouns or hl in ctx.ex.attr_nouns:
            return False
    from .nominal import nominal_args  # a late import: nominal imports the argument readers
    agents, targets, _ = nominal_args(ctx, tok, entry)
    if agents:
        return False
    if head.pos_ in ("VERB", "AUX"):
        # 'discute de sanctions contre la Russie': a topic with a party of its own (not a
        # mere place: 'un cessez-le-feu en Ukraine') is a contemplated act of the speakers
        return not any(case_of(arg_root(ctx, t)) not in W.PLACE_PREPS for t in targets)
    return True


def arg_root(ctx: DocContext, arg) -> Token:
    """The token that carries an argument's preposition: its entity's root, or the token."""
    ent = ctx.tok2ent[arg.i]
    return ent.root if ent is not None else ctx.doc[arg.i]


def continues_a_name(tok: Token) -> bool:
    """The noun continues an institution's name whose first word the tagger kept alone:
    a capitalised common noun inside a name, then only a preposition and a determiner
    ("l'Organisation pour l'**interdiction** des armes chimiques")."""
    k = tok.i - 1
    steps = 0
    while k >= 0 and steps < 3 and tok.doc[k].pos_ in ("DET", "ADP"):
        k -= 1
        steps += 1
    if k < 0 or steps == 0:
        return False
    head = tok.doc[k]
    if head.pos_ != "NOUN" or not head.text[:1].isupper() or not head.text[1:2].islower() or head.is_sent_start:
        return False
    if head.ent_type_ in ("ORG", "MISC"):
        return True
    # a capitalised common noun mid-sentence starts a name even when the tagger missed it
    # ("l'Organisation pour l'interdiction des armes chimiques"), unless it opens a quotation
    # or follows a colon
    prev = tok.doc[head.i - 1] if head.i > 0 else None
    while prev is not None and prev.pos_ == "DET" and prev.i > 0:
        prev = tok.doc[prev.i - 1]
    return prev is None or not (prev.is_quote or prev.text in (":", "«", "\n") or prev.is_space)


def bare_modifier(tok: Token, wrappers: frozenset[str]) -> bool:
    """A determiner-less *de*-complement of a noun that does not wrap an event ("chars de combat")."""
    head = tok.head
    if tok.dep_ != "nmod" or head.i == tok.i or head.pos_ != "NOUN" or case_of(tok) != "de":
        return False
    if not bare(tok):
        return False
    if tok.text[:1].isupper():
        return False
    return head.lemma_.lower() not in wrappers and head.lower_ not in wrappers


def bare(tok: Token) -> bool:
    """No determiner, not even one contracted into the preposition ("du", "des")."""
    for c in tok.children:
        if c.dep_ == "det":
            return False
        if c.dep_ == "case" and c.lower_ not in BARE_DE:
            return False
    return True


def excluded_sense(tok: Token, entry: Entry) -> bool:
    """The entry's ``not_with`` lemma among the trigger's arguments or modifiers, or its
    ``not_under`` lemma as the word that governs it."""
    if entry.not_with:
        deps = VERB_ARG_DEPS if entry.pos == "VERB" else ("nmod", "amod", "obl")
        cands = [c for c in tok.children if c.dep_ in deps]
        if entry.pos == "NOUN":
            # "son escalade de la tension": the complement is often attached to the verb
            cands += [t for t in tok.doc[tok.i + 1: tok.i + 4]
                      if t.pos_ in ("NOUN", "ADJ") and t.head.i in (tok.i, tok.head.i)]
        if any(c.lemma_.lower() in entry.not_with or c.lower_ in entry.not_with for c in cands):
            return True
    if entry.not_under and tok.head.i != tok.i:
        h = tok.head
        if h.lemma_.lower() in entry.not_under or h.lower_ in entry.not_under:
            return True
    return False


def venue_agent(ctx: DocContext, tok: Token, entry: Entry, rec: dict) -> bool:
    """The record's agent is a place named in a determiner-less *de*-complement (or in its
    own complement) of a meeting or agreement noun (:data:`VENUE_TYPES`)."""
    if entry.pos != "NOUN" or entry.type not in VENUE_TYPES or not rec["agent_id"]:
        return False
    for c in tok.children:
        if c.dep_ != "nmod" or case_of(c) != "de":
            continue
        for x in (c, *[k for k in c.children if k.dep_ in ("nmod", "flat:name")]):
            ent = ctx.tok2ent[x.i]
            label = ent.label_ if ent is not None else x.ent_type_
            if label != "LOC" and not (x.pos_ == "PROPN" and x.i != c.i and label == ""):
                continue
            if not bare(x):
                continue
            text = ent.text if ent is not None else x.text
            if text and (text in rec["agent_text"] or rec["agent_text"] in text):
                return True
    return False
