"""Trigger detection and sense selection: which tokens are events, and of what type.

A token is a candidate trigger when its ``(lemma, pos)`` is in ``models/triggers.yaml``
(participles tagged ADJ in a passive count as verbs). :func:`select` picks the most
specific entry whose constraints (object, preposition, reflexive) hold in the parse, and
:func:`sense` drops or retypes it on word-sense evidence (``ambiguous_nouns``,
``recipient_object_verbs``, "répondre non", promises of harm...).

>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... Les le DET det 1
... avoirs avoir NOUN nsubj:pass 4
... ont avoir AUX aux:tense 4
... été être AUX aux:pass 4
... gelés gelé ADJ ROOT 4''')
>>> participle_lemma(doc[4])
'geler'
>>> from pipeline.nlp.events.component import EventExtractor
>>> doc = hand_parsed('''
... La le DET det 1
... Russie Russie PROPN nsubj 3
... a avoir AUX aux:tense 3
... envahi envahir VERB ROOT 3
... l' le DET det 5
... Ukraine Ukraine PROPN obj 3''', actors={(1, 2): ("LOC", "russia"), (5, 6): ("LOC", "ukraine")})
>>> ex = EventExtractor()
>>> ctx = DocContext(ex, doc)
>>> trigger_key(ex, doc[3])
('envahir', 'VERB')
>>> entry, obj_tok = select(ctx, doc[3], *trigger_key(ex, doc[3]))
>>> entry.type, entry.canonical, obj_tok
('ASSAULT', 'envahir', None)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Token

from ..normalize import fold
from . import arguments, said, subjects, surface
from . import words as W
from .context import DocContext, case_of, verb_lemma
from .speech import evaluation, opens_incise, warns_of_force

if TYPE_CHECKING:
    from .component import EventExtractor


class Entry:
    """One trigger of ``models/triggers.yaml`` with its constraints."""
    __slots__ = ("lemma", "canonical", "pos", "type", "obj", "prep", "reflexive", "light", "target_prep",
                 "adv", "specificity", "order", "not_with", "not_under", "incise")

    def __init__(self, raw: dict, order: int):
        self.lemma = str(raw["lemma"])
        self.canonical = str(raw.get("alias_of") or raw["lemma"])
        self.pos = str(raw["pos"])
        self.type = str(raw["type"])
        self.obj = frozenset(str(o).lower() for o in raw.get("obj") or ()) or None
        self.prep = frozenset(str(p).lower() for p in raw.get("prep") or ()) or None
        self.reflexive = bool(raw.get("reflexive"))
        self.light = bool(raw.get("light", True)) and self.obj is not None
        tp = raw.get("target_prep")
        self.target_prep = tuple(str(p).lower() for p in tp) if tp else None
        self.adv = frozenset(str(a).lower() for a in raw.get("adv") or ()) or None
        # the verb only counts as a speech act when it opens an incise ("», a-t-il lancé")
        self.incise = bool(raw.get("incise"))
        self.specificity = ((self.obj is not None) + (self.prep is not None) + self.reflexive
                            + (self.adv is not None) + self.incise)
        # figurative senses (pipeline/nlp/events/filters.py): an argument or the governing word
        self.not_with = frozenset(str(o).lower() for o in raw.get("not_with") or ())
        self.not_under = frozenset(str(o).lower() for o in raw.get("not_under") or ())
        self.order = order


def retyped(entry: Entry, new_type: str) -> Entry:
    """A copy of ``entry`` with another event type."""
    e = object.__new__(Entry)
    for k in Entry.__slots__:
        setattr(e, k, getattr(entry, k))
    e.type = new_type
    return e


def load_entries(raw_triggers: list[dict]) -> dict[tuple[str, str], list[Entry]]:
    """(lemma, pos) -> its entries, most specific first (then in file order)."""
    entries: dict[tuple[str, str], list[Entry]] = {}
    for i, raw in enumerate(raw_triggers):
        e = Entry(raw, i)
        entries.setdefault((e.lemma, e.pos), []).append(e)
    for lst in entries.values():
        lst.sort(key=lambda e: (-e.specificity, e.order))
    return entries


def trigger_key(ex: EventExtractor, tok: Token) -> tuple[str, str] | None:
    """The ``(lemma, pos)`` under which a token is looked up in the lexicon: verbs through
    the lemma fixes, nouns lowercased, participles tagged ADJ in a passive as verbs."""
    pos = tok.pos_
    if pos == "VERB":
        return ex.lemma_fixes.get(tok.lower_, tok.lemma_), pos
    hidden = surface.hidden_verb(ex, tok)
    if hidden is not None:
        return hidden, "VERB"  # "La Russie frappe Kiev" with 'frappe' tagged NOUN
    if pos == "NOUN":
        return tok.lemma_.lower(), pos
    if pos == "ADJ":
        lemma = participle_lemma(tok)
        return (lemma, "VERB") if lemma is not None else None
    return None


def candidates(ex, doc: Doc) -> list[int]:
    """Indices of the tokens that may be triggers, found on arrays (no Token objects):
    verbs and nouns whose lemma (or lowercase form, for lemma fixes) is in the lexicon,
    and adjectives (participles tagged ADJ are checked one by one)."""
    if len(doc) == 0:
        return []
    if ex.lemma_hashes is None:
        strings = doc.vocab.strings
        lemmas = {lemma for lemma, _ in ex.keys}
        ex.lemma_hashes = np.array(sorted({strings.add(x) for lemma in lemmas
                                              for x in (lemma, lemma.capitalize())}), dtype="uint64")
        ex.fix_hashes = np.array(sorted({strings.add(x) for x in ex.lemma_fixes}), dtype="uint64")
    arr = doc.to_array([POS, LEMMA, LOWER])
    pos = arr[:, 0]
    known = _member(arr[:, 1], ex.lemma_hashes) | _member(arr[:, 2], ex.fix_hashes)
    mask = (((pos == VERB) | (pos == NOUN)) & known) | (pos == ADJ)
    found = np.nonzero(mask)[0].tolist()
    # verbs the tagger hid under another tag right after a name (surface.py)
    forms = surface.ex_forms(ex)
    extra = [e.end for e in doc.ents if e.end < len(doc) and doc[e.end].lower_ in forms]
    if extra:
        found = sorted(set(found) | set(extra))
    return found


def _member(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """``np.isin(values, sorted_keys)`` for keys already sorted: a binary search per value,
    without sorting the keys again at every document."""
    if len(sorted_keys) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_keys, values)
    return sorted_keys[np.minimum(at, len(sorted_keys) - 1)] == values


def sense(ctx: DocContext, tok: Token, entry: Entry, obj_tok: Token | None) -> Entry | None:
    """Word-sense checks on the chosen entry: drop or retype it (word lists in ``models/event_words.yaml``)."""
    if entry.pos == "NOUN":
        mods = W.AMBIGUOUS_NOUNS.get(entry.canonical)
        if mods is not None and not any(
                c.dep_ == "amod" and (c.lemma_.lower() in mods or c.lower_ in mods
                                      or fold(c.text) in ctx.ex.adjectives) for c in tok.children):
            return None
        return entry
    if entry.obj is not None:
        return entry
    if entry.canonical in W.RECIPIENT_OBJECT_VERBS:
        for c in tok.children:
            if c.dep_ == "obj" and c.pos_ == "NOUN" and arguments.actor(ctx, c, depth=0) is None:
                return None
    if entry.type == "REQUEST" and entry.canonical == "demander" and asks_question(tok):
        return None
    if entry.type == "STATEMENT" and entry.canonical in W.SAY_NO_VERBS:
        if any(c.lower_ == "non" and c.dep_ in ("advmod", "obj", "ccomp", "xcomp") for c in tok.children):
            return retyped(entry, "REJECT")
    if entry.type == "STATEMENT":
        judged = evaluation(tok, incise_only=entry.canonical not in W.EVALUATION_VERBS)
        if judged:
            return retyped(entry, judged)
    if entry.type == "STATEMENT" and entry.canonical in W.WARNING_VERBS and warns_of_force(ctx, tok):
        return retyped(entry, "THREATEN")
    if entry.type == "STATEMENT":
        act = said.speech_act(ctx, tok, opinion=entry.canonical in W.EVALUATION_VERBS)  # what is said: a demand, a threat or a reproach (models/trigger_words.yaml)
        if act:
            return retyped(entry, act)
    if entry.type == "AGREE" and entry.canonical in W.PROMISE_VERBS:
        frontier = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        for _ in range(3):
            nxt = []
            for v in frontier:
                if v.pos_ == "VERB" and (verb_lemma(ctx.ex, v) in ctx.ex.harm_verbs or any(
                        e.type in ("ASSAULT", "COERCE") for e in ctx.ex.entries.get((verb_lemma(ctx.ex, v), "VERB"), ()))):
                    return retyped(entry, "THREATEN")
                nxt.extend(c for c in v.children if c.dep_ in ("xcomp", "obj", "ccomp"))
            frontier = nxt
    return entry


def asks_question(tok: Token) -> bool:
    """'demander à X s'il...' or the incise after a question ('?, lui a demandé une
    journaliste'): asking, not requesting."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "advcl", "obj", "xcomp") and any(
                k.dep_ == "mark" and k.lower_ in ("si", "s'", "s’") for k in c.children):
            return True
    first = min([tok.i] + [c.i for c in tok.children if c.dep_.startswith(("aux", "expl", "iobj"))
                           or (c.dep_ == "obj" and c.pos_ == "PRON")])
    doc = tok.doc
    if first > 0 and doc[first - 1].text in (",", "»", "”", '"') and any(
            c.dep_ in ("nsubj", "obj") and c.i > tok.i and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        j = first - 1
        while j > 0 and doc[j].text in (",", "»", "”", '"'):
            j -= 1
        return doc[j].text == "?"
    return False


def participle_lemma(tok: Token) -> str | None:
    """'gelés' tagged ADJ in a passive ('ont été gelés') or after *avoir* ('ont resserré')
    -> 'geler'."""
    if not any(c.dep_ == "aux:pass" or (c.dep_ == "aux:tense" and c.lemma_ == "avoir") for c in tok.children):
        return None  # a passive, or a compound past the tagger read as an adjective ("ont resserré")
    low = tok.lower_
    for suf, rep in W.PASSIVE_PARTICIPLE_ENDINGS.items():
        if low.endswith(suf) and len(low) > len(suf) + 2:
            return low[: -len(suf)] + rep
    return None


def select(ctx: DocContext, tok: Token, lemma: str, pos: str):
    """The most specific entry whose constraints hold, and the object token it used."""
    for e in ctx.ex.entries[(lemma, pos)]:
        obj_tok = None
        if e.reflexive and not any(c.lower_ in W.REFLEXIVE and c.pos_ == "PRON"
                                   and (c.dep_.startswith("expl") or c.dep_ in ("obj", "iobj"))
                                   for c in tok.children):
            continue
        if e.adv is not None and not has_modifier(tok, e):
            continue  # 'accueillir favorablement', 'soutien militaire'
        if e.incise and not opens_incise(tok):
            continue  # '», a-t-il lancé': a speech act only after what was said
        if e.prep is not None and e.obj is None:
            if not any(case_of(c) in e.prep for c in prep_dependents(tok)):
                continue
        if e.obj is not None:
            obj_tok = find_obj(ctx, tok, e)
            if obj_tok is None:
                continue
        return e, obj_tok
    return None, None


def has_modifier(tok: Token, e: Entry) -> bool:
    """The entry's ``adv`` constraint: an adverb of the verb ("soutenir **militairement**")
    or, for a noun, an adjective of it ("une opération **militaire**"), by form or lemma."""
    dep = "amod" if e.pos == "NOUN" else "advmod"
    return any(c.dep_ == dep and (c.lower_ in e.adv or c.lemma_.lower() in e.adv) for c in tok.children)


def prep_dependents(tok: Token) -> list[Token]:
    """The dependents of a trigger that a preposition may introduce, with those the parser
    hung on a bare time word after it ("a appelé vendredi à des manifestations": the
    *à*-phrase under "vendredi")."""
    out = [c for c in tok.children if c.dep_ not in ("case", "mark")]
    for c in list(out):
        if (c.i > tok.i and c.pos_ == "NOUN" and c.dep_ == "obl:mod" and not any(k.dep_ in ("case", "det") for k in c.children)):
            out.extend(k for k in c.children if k.i > c.i and k.dep_ not in ("case", "mark", "nmod") or (
                k.i > c.i and k.dep_ == "nmod" and case_of(k) not in ("", "de")))
    return out


def find_obj(ctx: DocContext, tok: Token, e: Entry) -> Token | None:
    if e.pos == "NOUN":
        cands = [c for c in tok.children if c.dep_ == "nmod" and case_of(c) == "de"]
    elif e.prep is not None:
        cands = [c for c in prep_dependents(tok) if case_of(c) in e.prep]
        # "a décidé mercredi de nouvelles sanctions": the constrained noun hung on a bare time word
        cands += [k for c in tok.children if c.i > tok.i and c.pos_ == "NOUN" and c.dep_ == "obl:mod"
                  and not any(x.dep_ in ("case", "det") for x in c.children)
                  for k in c.children if k.i > c.i and k.dep_ == "nmod" and case_of(k) in e.prep]
    else:
        passive = subjects.is_passive(ctx, tok)
        cands = [c for c in tok.children if c.dep_ == "obj" or (passive and c.dep_ == "nsubj:pass")]
        # parse slips: "a lancé une nouvelle offensive" (offensive tagged punct/dep)
        cands += [c for c in tok.children if c.i > tok.i and c.pos_ == "NOUN" and c.dep_ in ("dep", "punct")]
        if not any(c.dep_ == "obj" for c in tok.children):
            # "a approuvé mardi un paquet de sanctions": the object after a time word parsed as
            # an adjunct (a noun with no preposition of its own)
            cands += [c for c in tok.children if c.i > tok.i and c.pos_ == "NOUN" and c.dep_ == "obl:mod"
                      and not any(k.dep_ == "case" for k in c.children)]
        if not any(c.dep_ == "obj" for c in tok.children):
            # "amasse des troupes": the partitive article parsed as a preposition (obl:arg)
            cands += [c for c in tok.children if c.i > tok.i and c.pos_ == "NOUN" and c.dep_.startswith("obl")
                      and any(k.dep_ == "case" and k.lower_ in W.PARTITIVES for k in c.children)]
        # "a fait savoir que", "laisse entendre": the infinitive right after the verb
        cands += [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and 0 < c.i - tok.i <= 2
                  and "Inf" in c.morph.get("VerbForm")]
        # "enverrait des soldats combattre": the object parsed as subject of an infinitive
        cands += [k for c in tok.children if c.dep_ == "xcomp" for k in c.children if k.dep_ == "nsubj" and k.i < c.i]
        if not cands and tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm"):
            cands = [tok.head]  # "les sanctions imposées à la Russie"
    for c in cands:
        for x in [c, *[k for k in c.children if k.dep_ == "conj"]]:
            if x.lemma_.lower() in e.obj or x.lower_ in e.obj:
                return x
            if x.lemma_.lower() in W.QUANTIFIERS and any(
                    k.dep_ == "nmod" and case_of(k) == "de" and k.lemma_.lower() in e.obj for k in x.children):
                return x  # "a lancé une vague de frappes": the quantifier's NP holds the target
            if x.pos_ == "VERB" and x.lower_.endswith("s") and x.lower_[:-1] in e.obj:
                return x  # a plural noun tagged VERB ("déclenché d'importantes frappes")
            if "per" in e.obj and ctx.label_of(x) == "PER":
                return x
            if "loc" in e.obj and ctx.label_of(x) == "LOC":
                return x  # "ont investi Kaboul"
    return None


def noun_entry(ctx: DocContext, noun: Token) -> Entry | None:
    key = (noun.lemma_.lower(), "NOUN")
    if key not in ctx.ex.keys:
        return None
    e, _ = select(ctx, noun, key[0], "NOUN")
    return e
