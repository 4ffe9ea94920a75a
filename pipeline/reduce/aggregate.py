"""Actors and edges from the record tables: the aggregating half of the reduce step.

Discovered actor ids that differ only by dashes or a web suffix are merged
(:func:`squash`); each actor gets its label, type, counts and first/last dates
(:func:`build_actors`); co-mention edges link actors named in the same sentence, weighted
by the number of sentences and scored with :func:`npmi`; action edges link the agent and
the target of events (:func:`build_edges`). Rows are sorted explicitly, so the same
records give the same tables in any order.

>>> squash("opex360-com"), squash("opex-360")
('opex360', 'opex360')
>>> round(npmi(5, 5, 5, 100), 3)
1.0
"""
from __future__ import annotations

from collections.abc import Mapping

import math
import re
from array import array
from collections import Counter, defaultdict
from itertools import combinations
from typing import Iterable

import numpy as np
import pandas as pd

from ..nlp.gazetteer import Gazetteer
from ..nlp.normalize import name_key
from .crafts import craft_qid, load_catalogue
from .schema import frame

TYPE_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
#: the type of a discovered actor whose mentions the NER labels as often one way as another:
#: a place, then an organisation, then a person. The NER reads an unknown one-word name as a
#: person most readily and as a place or an organisation only on the evidence of its context
#: ("sa capitale, Wad Madani", "les forces spéciales Takuba"), so on a tie that evidence wins.
TIE_ORDER = {"LOC": 0, "ORG": 1, "PER": 2, "MISC": 3}
GRAPH_TYPES = ("PER", "ORG", "LOC")


def majority_type(labels: Counter) -> str:
    """The most frequent NER label of a discovered actor's mentions; a tie goes by
    :data:`TIE_ORDER`.

    >>> majority_type(Counter({"PER": 1, "LOC": 1})), majority_type(Counter({"PER": 2, "ORG": 1}))
    ('LOC', 'PER')
    """
    return sorted(labels.items(), key=lambda kv: (-kv[1], TIE_ORDER.get(kv[0], 9), kv[0]))[0][0]


def _minmax(dates: Iterable[str]) -> tuple[str, str]:
    ds = sorted(d for d in dates if d)
    return (ds[0], ds[-1]) if ds else ("", "")


_TLD = re.compile(r"-(com|fr|net|org|info|news|eu|uk|de|ru|ua)$")


def squash(actor_id: str) -> str:
    """Key under which discovered ids are merged: no dashes, no web suffix
    (``opex360-com``, ``opex-360`` and ``opex360`` are one actor)."""
    return _TLD.sub("", actor_id).replace("-", "")


def merge_discovered(mentions: pd.DataFrame, gaz: Gazetteer) -> dict[str, str]:
    """Map every actor id to its merged id: discovered ids that squash alike become the
    most frequent of them, or the gazetteer id that squashes alike."""
    return merge_counts(Counter(mentions["actor_id"]), gaz)


def merge_counts(counts: Counter, gaz: Gazetteer) -> dict[str, str]:
    """:func:`merge_discovered` from the number of mentions of each actor id."""
    by_squash: dict[str, list[str]] = defaultdict(list)
    for aid in counts:
        if aid:
            by_squash[squash(aid)].append(aid)
    gaz_squash = {squash(i): i for i in gaz.entries}
    mapping = {aid: aid for aid in counts}
    for sq, ids in by_squash.items():
        if sq in gaz_squash:
            target = gaz_squash[sq]
        else:
            target = sorted(ids, key=lambda i: (-counts[i], i))[0]
        for aid in ids:
            if aid not in gaz.entries:
                mapping[aid] = target
    return mapping


class _DocDates:
    """Per key: the number of distinct documents, of distinct stories (``reprinted``:
    ``doc_id -> story_id`` of the documents of stories printed more than once; any other
    document is a story of its own) and the first / last of their non-empty publication
    dates, fed with rows grouped by document."""

    def __init__(self, published: dict, reprinted: Mapping | None = None):
        self.published = published
        self.reprinted = reprinted or {}
        self.n: Counter = Counter()
        self.n_repeats: Counter = Counter()  # documents of a story already counted
        self.stories_seen: set = set()  # (key, story_id) of reprinted stories only
        self.last_doc: dict = {}
        self.first: dict = {}
        self.last: dict = {}

    def n_stories(self, key) -> int:
        return self.n[key] - self.n_repeats[key]

    def add(self, key, doc_id: str, date: str | None = None) -> None:
        if self.last_doc.get(key) != doc_id:
            self.last_doc[key] = doc_id
            self.n[key] += 1
            story = self.reprinted.get(doc_id)
            if story is not None:
                if (key, story) in self.stories_seen:
                    self.n_repeats[key] += 1
                else:
                    self.stories_seen.add((key, story))
        date = self.published.get(doc_id, "") if date is None else date
        if date:
            if key not in self.first or date < self.first[key]:
                self.first[key] = date
            if key not in self.last or date > self.last[key]:
                self.last[key] = date

    def minmax(self, key) -> tuple[str, str]:
        return self.first.get(key, ""), self.last.get(key, "")


def build_actors(mentions: pd.DataFrame, published: dict, gaz: Gazetteer, graph_types=GRAPH_TYPES,
                 events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor id seen in the mentions: gazetteer facts, or for discovered actors
    the most frequent surface form as label and a majority vote of NER labels as type."""
    m = mentions.sort_values("doc_id", kind="stable")
    event_rows = []
    if events is not None and len(events):
        event_rows = [(aid, doc_id) for col in ("agent_id", "target_id", "attributed_to")
                      for aid, doc_id in zip(events[col], events["doc_id"])]
    return frame("actors", actor_rows(zip(m["actor_id"], m["text"], m["label"], m["doc_id"]), event_rows,
                                      published, gaz, graph_types))


def actor_rows(mentions, events, published: dict, gaz: Gazetteer, graph_types=GRAPH_TYPES) -> list[dict]:
    """The rows of :func:`build_actors` from ``(actor_id, text, label, doc_id)`` tuples
    grouped by document and ``(actor_id, doc_id)`` tuples of the events' actor columns."""
    agg = _ActorAgg(published, gaz, graph_types)
    agg.add_mentions(mentions)
    agg.add_event_actors(events)
    return agg.rows()


class _ActorAgg:
    """The actors table, accumulated: one entry per actor id, never one per mention."""

    def __init__(self, published: dict, gaz: Gazetteer, graph_types=GRAPH_TYPES):
        self.gaz, self.graph_types, self.published = gaz, graph_types, published
        self.crafts = load_catalogue()
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.labels: dict[str, Counter] = defaultdict(Counter)
        self.docs = _DocDates(published)
        #: gazetteer actors that only events name, through a nationality adjective
        #: ("l'invasion russe") or a resolved pronoun: a document's events must not depend
        #: on whether other documents of the corpus happen to name the same actor
        self.event_docs: dict[str, set] = defaultdict(set)

    def add_mentions(self, mentions) -> None:
        """``(actor_id, text, label, doc_id)`` tuples, grouped by document."""
        forms, labels, docs = self.forms, self.labels, self.docs
        for aid, text, label, doc_id in mentions:
            if not aid:
                continue
            forms[aid][" ".join(text.split())] += 1
            labels[aid][label] += 1
            docs.add(aid, doc_id)

    def add_event_actors(self, events) -> None:
        """``(actor_id, doc_id)`` tuples of the events' actor columns (after all mentions)."""
        for aid, doc_id in events:
            if aid and aid not in self.forms and self.gaz.get(aid) is not None:
                self.event_docs[aid].add(doc_id)

    def rows(self) -> list[dict]:
        gaz, graph_types = self.gaz, self.graph_types
        rows = []
        for aid in sorted(self.forms):
            entry = gaz.get(aid)
            ranked = sorted(self.forms[aid].items(), key=lambda kv: (-kv[1], kv[0]))
            if entry:
                label, typ, qid, source = entry.label, entry.type, entry.wikidata, "gazetteer"
            else:
                # the form the id was made from ("Boris Johnson" for boris-johnson, also
                # named "Johnson"), else the most frequent one
                label = next((f for f, _ in ranked if name_key(f) == aid), ranked[0][0])
                typ = majority_type(self.labels[aid])
                # a weapon or aircraft model of models/craft.yaml keeps its type, gains its QID
                qid, source = craft_qid(aid, typ, self.crafts), "discovered"
            first, last = self.docs.minmax(aid)
            rows.append({
                "actor_id": aid, "label": label, "type": typ, "wikidata": qid,
                "aliases": "|".join(f for f, _ in ranked), "n_mentions": sum(self.forms[aid].values()),
                "n_documents": self.docs.n[aid], "first_seen": first, "last_seen": last, "source": source,
                "in_graph": typ in graph_types,
            })
        for aid in sorted(self.event_docs):
            entry = gaz.get(aid)
            first, last = _minmax(self.published.get(d, "") for d in self.event_docs[aid])
            rows.append({
                "actor_id": aid, "label": entry.label, "type": entry.type, "wikidata": entry.wikidata,
                "aliases": "", "n_mentions": 0, "n_documents": 0, "first_seen": first, "last_seen": last,
                "source": "gazetteer", "in_graph": entry.type in graph_types,
            })
        rows.sort(key=lambda r: r["actor_id"])
        return rows


def build_edges(mentions: pd.DataFrame, events: pd.DataFrame, published: dict, node_ids: set,
                min_weight: int = 1, top_edges: int | None = None, min_confidence: float = 0.0) -> pd.DataFrame:
    """Undirected co-mention edges (two actors named in the same sentence), then the
    directed action edges of :func:`action_edges`.

    ``weight`` = number of sentences naming both; ``n_documents`` = documents with at
    least one such sentence; dates from the documents' publication dates; ``npmi`` =
    sentence-level normalised PMI (:func:`npmi`), computed on all sentences before any
    filter. ``min_weight`` and ``top_edges`` filter the co-mention edges only
    (:func:`filter_edges`); action edges are always kept.
    """
    m = mentions.sort_values("doc_id", kind="stable")
    rows = comention_rows(zip(m["doc_id"], m["sentence_id"], m["actor_id"]), published, node_ids)
    rows.extend(action_edges(events, published, node_ids, min_confidence))
    return filter_edges(frame("edges", rows), min_weight=min_weight, top_edges=top_edges)


def comention_rows(mentions, published: dict, node_ids: set, reprinted: Mapping | None = None) -> list[dict]:
    """The co-mention rows of :func:`build_edges` from ``(doc_id, sentence_id, actor_id)``
    tuples grouped by document. A document's graph actors are held as two integer arrays
    (sentence, actor number: 16 bytes a mention, whatever the order of its rows) and
    grouped by sentence when the document ends.
    ``reprinted`` (:func:`pipeline.reduce.stories.reprint_map`) gives ``n_stories``."""
    weight: Counter = Counter()
    n_actor: Counter = Counter()
    docs = _DocDates(published, reprinted)
    n_sentences = 0
    number: dict[str, int] = {}  # actor id -> its number in ``names``
    names: list[str] = []
    sids, actors_of = array("q"), array("q")

    def close(doc_id):
        nonlocal n_sentences
        if not sids:
            return
        s, a = np.array(sids, dtype=np.int64), np.array(actors_of, dtype=np.int64)
        del sids[:], actors_of[:]
        order = np.argsort(s, kind="stable")
        s, a = s[order], a[order]
        for group in np.split(a, np.flatnonzero(s[1:] != s[:-1]) + 1):
            actors = {names[i] for i in group.tolist()}
            n_sentences += 1
            n_actor.update(actors)
            for pair in combinations(sorted(actors), 2):
                weight[pair] += 1
                docs.add(pair, doc_id)

    current = None
    for doc_id, sid, aid in mentions:
        if doc_id != current:
            close(current)
            current = doc_id
        if aid in node_ids:
            k = number.get(aid)
            if k is None:
                k = number[aid] = len(names)
                names.append(aid)
            sids.append(int(sid))
            actors_of.append(k)
    close(current)
    rows = []
    for (a, b) in sorted(weight):
        first, last = docs.minmax((a, b))
        rows.append({"edge_id": f"c:{a}--{b}", "source": a, "target": b, "kind": "comention",
                     "weight": weight[(a, b)], "n_documents": docs.n[(a, b)],
                     "n_stories": docs.n_stories((a, b)),
                     "first_seen": first, "last_seen": last,
                     "npmi": npmi(weight[(a, b)], n_actor[a], n_actor[b], n_sentences)})
    return rows


def npmi(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    """Normalised pointwise mutual information of two actors over sentences.

    ``n`` sentences name at least one graph actor; ``n_a`` / ``n_b`` of them name actor a /
    b, ``n_ab`` name both. With p(x) = n_x / n::

        npmi = log(p(a,b) / (p(a) p(b))) / -log p(a,b)

    in [-1, 1]: 1 when a and b are only ever named together, 0 when independent, close
    to -1 when they avoid each other (never -1 here, since an edge has ``n_ab >= 1``).
    When p(a,b) = 1 (every sentence names both) the denominator is 0 and the value is
    1.0. Rounded to 4 decimals.

    >>> npmi(2, 2, 2, 10), npmi(3, 3, 3, 3), npmi(2, 4, 5, 10), npmi(1, 5, 5, 10)
    (1.0, 1.0, 0.0, -0.3979)
    """
    if n_ab <= 0 or n <= 0:
        return float("nan")
    p_ab = n_ab / n
    if p_ab >= 1.0:
        return 1.0
    value = math.log(p_ab / ((n_a / n) * (n_b / n))) / -math.log(p_ab)
    return round(max(-1.0, min(1.0, value)), 4)


def filter_edges(edges: pd.DataFrame, min_weight: int = 1, top_edges: int | None = None) -> pd.DataFrame:
    """Keep the co-mention edges with ``weight >= min_weight``, then only the
    ``top_edges`` strongest of them (by weight, ties broken by ``edge_id``); action edges
    are kept whatever their weight. ``top_edges=None`` keeps all; the row order of
    ``edges`` is preserved.

    >>> e = frame("edges", [{"edge_id": f"c:{i}", "kind": "comention", "weight": w}
    ...                     for i, w in zip("abcd", (1, 3, 2, 3))])
    >>> list(filter_edges(e, min_weight=2)["edge_id"]), list(filter_edges(e, top_edges=2)["edge_id"])
    (['c:b', 'c:c', 'c:d'], ['c:b', 'c:d'])
    """
    if min_weight is not None and min_weight < 1:
        raise ValueError("min_weight must be at least 1")
    if top_edges is not None and top_edges < 0:
        raise ValueError("top_edges must be positive")
    co = edges["kind"] == "comention"
    keep = ~co | (edges["weight"] >= (min_weight or 1))
    if top_edges is not None:
        ranked = edges[co & keep].sort_values(["weight", "edge_id"], ascending=[False, True], kind="stable")
        keep &= ~co | edges.index.isin(ranked.index[:top_edges])
    return edges[keep].reset_index(drop=True)


def action_edges(events: pd.DataFrame, published: dict, node_ids: set, min_confidence: float = 0.0) -> list[dict]:
    """Directed edges agent -> target, one per (agent, target, event type): ``weight`` =
    number of events, dates from the events' dates (else their documents'), and the
    share of hypothetical events. Only events with ``confidence >= min_confidence`` count."""
    if min_confidence > 0 and "confidence" in events.columns:
        events = events[pd.to_numeric(events["confidence"], errors="coerce").fillna(0.0) >= min_confidence]
    if not len(events):
        return []
    e = events.sort_values("doc_id", kind="stable")
    return _action_rows(zip(e["agent_id"], e["target_id"], e["event_type"], e["modality"], e["date"], e["doc_id"]),
                        published, node_ids)


def _action_rows(events, published: dict, node_ids: set) -> list[dict]:
    """:func:`action_edges` from ``(agent_id, target_id, event_type, modality, date,
    doc_id)`` tuples grouped by document."""
    agg = _ActionAgg(published)
    agg.add(events)
    return agg.rows(node_ids)


class _ActionAgg:
    """Action edges, accumulated: one entry per (agent, target, event type)."""

    def __init__(self, published: dict, reprinted: Mapping | None = None):
        self.published = published
        self.n: Counter = Counter()
        self.n_hyp: Counter = Counter()
        self.docs = _DocDates(published, reprinted)

    def add(self, events) -> None:
        """``(agent_id, target_id, event_type, modality, date, doc_id)`` tuples, grouped by
        document."""
        for a, b, etype, modality, date, doc_id in events:
            if a and b and a != b:
                key = (a, b, etype)
                self.n[key] += 1
                self.n_hyp[key] += modality == "hypothetical"
                self.docs.add(key, doc_id, date or self.published.get(doc_id, ""))

    def rows(self, node_ids: set) -> list[dict]:
        """The edges whose two ends are graph nodes."""
        rows = []
        for key in sorted(self.n):
            a, b, etype = key
            if a not in node_ids or b not in node_ids:
                continue
            first, last = self.docs.minmax(key)
            rows.append({"edge_id": f"a:{a}->{b}:{etype}", "source": a, "target": b, "kind": "action",
                         "weight": self.n[key], "n_documents": self.docs.n[key],
                         "n_stories": self.docs.n_stories(key),
                         "first_seen": first, "last_seen": last, "event_type": etype,
                         "n_hypothetical": self.n_hyp[key],
                         "share_hypothetical": round(self.n_hyp[key] / self.n[key], 4)})
        return rows
