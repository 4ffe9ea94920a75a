"""How sure the extractor is of one event: a logistic score over documented evidence.

Each event record gets ``confidence`` in [0, 1]::

    confidence = 1 / (1 + exp(-(bias + sum of the weights of the features that hold)))

The features are yes/no facts read from the record and the parse (:func:`features`); the
bias and the weights are in ``models/confidence.yaml`` and every feature is described in
CODEBOOK.md (``events.confidence``). Nothing is learnt at run time.

>>> w = Weights(bias=0.0, weights={"core_frame": 1.0, "noun_trigger": -1.0}, default_min_confidence=0.5)
>>> score({"core_frame": True, "noun_trigger": False}, w)
0.731
>>> score({"core_frame": True, "noun_trigger": True}, w)
0.5
>>> sorted(FEATURES)[:3]
['agent_adjective', 'agent_elsewhere', 'background_noun']
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...paths import model_file, read_yaml
from ..base import span_text

if TYPE_CHECKING:  # spaCy is not imported: a cached run reads the default threshold without it
    from spacy.tokens import Span, Token

    from .context import DocContext
    from .triggers import Entry

#: the features of :func:`features` (the keys allowed under ``weights`` in confidence.yaml):
#: evidence on the arguments and the trigger, then on the sentence
ARGUMENT_FEATURES = ("no_agent", "agent_elsewhere", "target", "missing_target", "core_frame", "de_agent", "inferred_agent",
                     "noun_trigger", "background_noun", "sense_constrained", "statement", "speaker_adjective",
                     "agent_adjective", "reported")
SENTENCE_FEATURES = ("hypothetical", "hypothetical_statement", "negated", "in_quote", "question", "verbless_sentence",
                     "subordinate_clause", "long_sentence", "lead_sentence")
#: a sentence longer than this many tokens is ``long_sentence``; the first LEAD_SENTENCES
#: sentences of a document are its lead
LONG_SENTENCE, LEAD_SENTENCES = 40, 3
FEATURES = ARGUMENT_FEATURES + SENTENCE_FEATURES

#: record rules whose agent is a syntactic argument of the trigger itself
CORE_RULES = ("verb_nsubj", "verb_obl_agent", "noun_adj_agent", "noun_de_agent", "noun_par_agent", "noun_nsubj",
              "noun_entre")
#: record rules whose agent is borrowed from another word (a governing verb, a participle...)
INFERRED_RULES = ("noun_subject_control", "noun_object_control", "noun_participle_agent", "light_noun_agent",
                  "verb_acl_owner")


class ConfidenceError(ValueError):
    """``models/confidence.yaml`` is malformed."""


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: dict = field(default_factory=dict)
    default_min_confidence: float = 0.5
    layout: dict = field(default_factory=dict)
    #: event types that name a relation to someone (``dyadic_types``): no target is a doubt
    dyadic_types: frozenset = frozenset()


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> Weights:
    """The bias, weights, default threshold and layout settings of ``models/confidence.yaml``."""
    p = path or model_file("confidence.yaml")
    raw = read_yaml(p) or {}
    weights = raw.get("weights") or {}
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise ConfidenceError(f"{p}: unknown feature {unknown[0]!r} under weights (known: {', '.join(FEATURES)})")
    try:
        w = {k: float(v) for k, v in weights.items()}
        bias = float(raw.get("bias", 0.0))
        threshold = float(raw.get("default_min_confidence", 0.5))
    except (TypeError, ValueError) as exc:
        raise ConfidenceError(f"{p}: weights, bias and default_min_confidence must be numbers ({exc})") from None
    if not 0.0 <= threshold <= 1.0:
        raise ConfidenceError(f"{p}: default_min_confidence must be in [0, 1], got {threshold}")
    dyadic = raw.get("dyadic_types") or []
    if not isinstance(dyadic, list) or not all(isinstance(t, str) and t.isupper() for t in dyadic):
        raise ConfidenceError(f"{p}: dyadic_types must be a list of event types in capitals")
    return Weights(bias, w, threshold, dict(raw.get("layout") or {}), frozenset(dyadic))


def default_min_confidence() -> float:
    """The documented default of ``--min-confidence``."""
    return load_weights().default_min_confidence


def score(feats: dict[str, bool], weights: Weights) -> float:
    """The logistic score of the features that hold, rounded to 3 decimals."""
    z = weights.bias + sum(weights.weights.get(k, 0.0) for k, on in feats.items() if on)
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def features(ctx: DocContext, tok: Token, entry: Entry, rec: dict[str, Any], sent: Span,
             dyadic_types: frozenset = frozenset()) -> dict[str, bool]:
    """The yes/no evidence of one event record (see the module doc and CODEBOOK.md);
    ``dyadic_types`` are the types whose event without a target is in doubt."""
    rule = rec.get("rule", "")
    has_agent = bool(rec["agent_id"])
    agent_text = rec.get("agent_text", "")
    return {
        "no_agent": not has_agent,
        "agent_elsewhere": has_agent and bool(agent_text) and agent_text.lower() not in rec["sentence"].lower(),
        "target": bool(rec["target_id"]),
        "missing_target": has_agent and not rec["target_id"] and rec["event_type"] in dyadic_types,
        "core_frame": has_agent and rule.startswith(CORE_RULES),
        "de_agent": has_agent and rule.startswith("noun_de_agent"),
        "inferred_agent": has_agent and rule.startswith(INFERRED_RULES),
        "noun_trigger": entry.pos == "NOUN",
        "background_noun": entry.pos == "NOUN" and tok.dep_ == "nmod" and tok.head.pos_ in ("NOUN", "PROPN"),
        "sense_constrained": entry.specificity > 0,
        "statement": entry.type == "STATEMENT" and has_agent,
        "speaker_adjective": entry.type == "STATEMENT" and has_agent and " " not in agent_text.strip()
                             and agent_text[:1].islower(),
        "agent_adjective": has_agent and " " not in agent_text.strip() and agent_text[:1].islower(),
        "reported": bool(rec.get("attributed_to")) and entry.type != "STATEMENT",
        "subordinate_clause": in_subordinate_clause(tok, sent),
        "long_sentence": len(sent) > LONG_SENTENCE,
        "lead_sentence": int(rec.get("sentence_id", LEAD_SENTENCES)) < LEAD_SENTENCES,
        "hypothetical": rec["modality"] == "hypothetical",
        "hypothetical_statement": entry.type == "STATEMENT" and rec["modality"] == "hypothetical",
        "negated": rec["modality"] == "negated",
        "in_quote": quoted_in_sentence(tok, sent, ctx.quote_marks),
        "question": span_text(sent).rstrip().endswith("?"),
        "verbless_sentence": not ctx.once(("finite_verb", sent.start), has_finite_verb, sent),
    }


OPENING, CLOSING, STRAIGHT = ("«", "“"), ("»", "”"), '"'


def quoted_in_sentence(tok: Token, sent: Span, marks: tuple[list[int], list[str]] | None = None) -> bool:
    """The trigger lies between an opening and a closing quotation mark of its own
    sentence (a sentence-local check: an unbalanced mark elsewhere cannot spread).
    ``marks``: the document's quotation marks (``DocContext.quote_marks``), read instead
    of the sentence's tokens."""
    if marks is not None:
        index, texts = marks
        before = texts[bisect_left(index, sent.start): bisect_left(index, tok.i)]
        after = texts[bisect_right(index, tok.i): bisect_left(index, sent.end)]
    else:
        before = [t.text for t in sent.doc[sent.start: tok.i]]
        after = [t.text for t in sent.doc[tok.i + 1: sent.end]]
    depth = 0
    straight = 0
    for t in before:
        if t in OPENING:
            depth += 1
        elif t in CLOSING:
            depth = max(0, depth - 1)
        elif t == STRAIGHT:
            straight += 1
    if depth and any(t in CLOSING for t in after):
        return True
    return straight % 2 == 1 and any(t == STRAIGHT for t in after)


def in_subordinate_clause(tok: Token, sent: Span) -> bool:
    """The trigger lies in a relative or adverbial clause of its sentence (``acl:relcl``,
    ``advcl`` on the way up to the root): background more often than news."""
    cur = tok
    for _ in range(12):
        if cur.dep_ in ("acl:relcl", "advcl"):
            return True
        if cur.head.i == cur.i or not (sent.start <= cur.head.i < sent.end):
            return False
        cur = cur.head
    return False


def has_finite_verb(sent: Span) -> bool:
    """A verb or auxiliary with a finite form (indicative, conditional, subjunctive, imperative)."""
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in sent)
