"""The reduce step: DocResults -> tidy pandas tables (documents, mentions, actors, ...).

Tables come first and the graph is derived from them (pipeline.graph), so every graph
attribute can be traced back to rows. All sorting is explicit, so the same input gives
the same tables whatever the order documents were processed in.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

import pandas as pd

from .extract import DocResult
from .gazetteer import Gazetteer

# Column order of each table; the contract's required columns come first.
COLUMNS = {
    "documents": ["doc_id", "source", "title", "published", "published_precision", "n_tokens", "status",
                  "date_source", "date_evidence", "url", "n_sentences", "n_mentions", "encoding",
                  "content_hash", "error_stage", "error"],
    "mentions": ["doc_id", "sentence_id", "start_char", "end_char", "text", "label", "actor_id",
                 "actor_source", "actor_rule"],
    "actors": ["actor_id", "label", "type", "wikidata", "aliases", "n_mentions", "n_documents",
               "first_seen", "last_seen", "source", "in_graph"],
    "timexes": ["doc_id", "sentence_id", "start_char", "end_char", "text", "value", "precision",
                "end_value", "kind", "anchor", "rule"],
    "events": ["event_id", "doc_id", "sentence_id", "event_type", "trigger", "agent_id", "target_id",
               "date", "date_precision", "date_source", "modality", "attributed_to", "sentence",
               "trigger_lemma", "start_char", "end_char", "agent_text", "target_text", "rule"],
    "edges": ["edge_id", "source", "target", "kind", "weight", "n_documents", "first_seen", "last_seen",
              "event_type", "n_hypothetical", "share_hypothetical", "npmi"],
    "dropped_mentions": ["doc_id", "start_char", "end_char", "text", "label", "reason"],
    "errors": ["doc_id", "source", "stage", "error"],
}
INT_COLUMNS = {"n_tokens", "n_sentences", "n_mentions", "sentence_id", "start_char", "end_char",
               "n_documents", "weight", "n_hypothetical"}
FLOAT_COLUMNS = {"share_hypothetical", "npmi"}
BOOL_COLUMNS = {"in_graph"}
TYPE_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
GRAPH_TYPES = ("PER", "ORG", "LOC")


@dataclass
class Tables:
    documents: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    edges: pd.DataFrame
    dropped_mentions: pd.DataFrame
    errors: pd.DataFrame
    texts: dict  # doc_id -> cleaned text (for documents.parquet)
    #: doc_id -> [(start_char, end_char), ...] of its sentences, indexed by sentence_id
    #: (from the parser; used for evidence sentences in report.html, not written as a table)
    sentences: dict = field(default_factory=dict)

    def items(self):
        for name in COLUMNS:
            yield name, getattr(self, name)


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table with the declared columns, in order, with stable dtypes and no NaN."""
    cols = COLUMNS[name]
    df = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame({c: [] for c in cols})
    for c in cols:
        if c in INT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").fillna(0).astype("int64")
        elif c in FLOAT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
        elif c in BOOL_COLUMNS:
            df[c] = df[c].fillna(False).astype("bool")
        else:
            col = df[c].astype(object)
            df[c] = col.where(col.notna(), "").map(str).astype(object)
    return df.reset_index(drop=True)


def _minmax(dates: Iterable[str]) -> tuple[str, str]:
    ds = sorted(d for d in dates if d)
    return (ds[0], ds[-1]) if ds else ("", "")


def build_tables(results: Iterable[DocResult], gaz: Gazetteer, graph_types=GRAPH_TYPES,
                 min_weight: int = 1, top_edges: int | None = None) -> Tables:
    """The tables of a run. ``min_weight`` / ``top_edges`` filter the co-mention edges
    (see :func:`filter_edges`); the other tables do not depend on them."""
    doc_rows, mention_rows, timex_rows, event_rows, dropped_rows, error_rows = [], [], [], [], [], []
    texts, sentences = {}, {}
    for res in results:
        d = res.doc
        doc_rows.append({
            "doc_id": d.doc_id, "source": d.source, "title": d.title, "published": d.published,
            "published_precision": d.published_precision, "n_tokens": res.n_tokens, "status": d.status,
            "date_source": d.date_source, "date_evidence": d.date_evidence, "url": d.url,
            "n_sentences": res.n_sentences or len(res.sentences), "n_mentions": len(res.mentions),
            "encoding": d.encoding, "content_hash": d.content_hash, "error_stage": d.error_stage,
            "error": d.error,
        })
        if d.status != "ok":
            error_rows.append({"doc_id": d.doc_id, "source": d.source, "stage": d.error_stage, "error": d.error})
        else:
            texts[d.doc_id] = d.text
            if res.sentences:
                sentences[d.doc_id] = [(int(a), int(b)) for a, b in res.sentences]
        mention_rows.extend(res.mentions)
        timex_rows.extend(res.timexes)
        event_rows.extend(res.events)
        dropped_rows.extend(res.dropped)

    documents = frame("documents", doc_rows).sort_values("doc_id", kind="stable")
    published = dict(zip(documents["doc_id"], documents["published"]))
    mentions = frame("mentions", mention_rows).sort_values(["doc_id", "start_char", "end_char"], kind="stable")
    merged = merge_discovered(mentions, gaz)
    mentions["actor_id"] = mentions["actor_id"].map(merged)
    timexes = frame("timexes", timex_rows).sort_values(["doc_id", "start_char", "end_char"], kind="stable")
    for ev in event_rows:
        ev["agent_id"] = merged.get(ev.get("agent_id", ""), ev.get("agent_id", ""))
        ev["target_id"] = merged.get(ev.get("target_id", ""), ev.get("target_id", ""))
        ev["attributed_to"] = merged.get(ev.get("attributed_to", ""), ev.get("attributed_to", ""))
    events = frame("events", event_rows)
    actors = build_actors(mentions, published, gaz, graph_types, events=events)
    if len(events):
        events = events.sort_values(["doc_id", "start_char", "event_type", "agent_id", "target_id"],
                                    kind="stable").reset_index(drop=True)
        events["event_id"] = events["doc_id"] + "#e" + events.groupby("doc_id").cumcount().astype(str)
        known = set(actors["actor_id"])
        for col in ("agent_id", "target_id", "attributed_to"):
            events.loc[~events[col].isin(known), col] = ""
    node_ids = set(actors.loc[actors["in_graph"], "actor_id"])
    edges = build_edges(mentions, events, published, node_ids, min_weight=min_weight, top_edges=top_edges)
    dropped = frame("dropped_mentions", dropped_rows).sort_values(["doc_id", "start_char"], kind="stable")
    errors = frame("errors", error_rows).sort_values(["doc_id", "source"], kind="stable")
    return Tables(*(df.reset_index(drop=True) for df in
                    (documents, mentions, actors, timexes, events, edges, dropped, errors)), texts=texts,
                  sentences=sentences)


_TLD = re.compile(r"-(com|fr|net|org|info|news|eu|uk|de|ru|ua)$")


def squash(actor_id: str) -> str:
    """Key under which discovered ids are merged: no dashes, no web suffix
    (``opex360-com``, ``opex-360`` and ``opex360`` are one actor)."""
    return _TLD.sub("", actor_id).replace("-", "")


def merge_discovered(mentions: pd.DataFrame, gaz: Gazetteer) -> dict[str, str]:
    """Map every actor id to its merged id: discovered ids that squash alike become the
    most frequent of them, or the gazetteer id that squashes alike."""
    counts = Counter(mentions["actor_id"])
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


def build_actors(mentions: pd.DataFrame, published: dict, gaz: Gazetteer, graph_types=GRAPH_TYPES,
                 events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor id seen in the mentions: gazetteer facts, or for discovered actors
    the most frequent surface form as label and a majority vote of NER labels as type."""
    forms: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set] = defaultdict(set)
    for aid, text, label, doc_id in zip(mentions["actor_id"], mentions["text"], mentions["label"], mentions["doc_id"]):
        if not aid:
            continue
        forms[aid][" ".join(text.split())] += 1
        labels[aid][label] += 1
        docs[aid].add(doc_id)
    rows = []
    for aid in sorted(forms):
        entry = gaz.get(aid)
        ranked = sorted(forms[aid].items(), key=lambda kv: (-kv[1], kv[0]))
        if entry:
            label, typ, qid, source = entry.label, entry.type, entry.wikidata, "gazetteer"
        else:
            label = ranked[0][0]
            typ = sorted(labels[aid].items(), key=lambda kv: (-kv[1], TYPE_ORDER.get(kv[0], 9)))[0][0]
            qid, source = "", "discovered"
        first, last = _minmax(published.get(d, "") for d in docs[aid])
        rows.append({
            "actor_id": aid, "label": label, "type": typ, "wikidata": qid,
            "aliases": "|".join(f for f, _ in ranked), "n_mentions": sum(forms[aid].values()),
            "n_documents": len(docs[aid]), "first_seen": first, "last_seen": last, "source": source,
            "in_graph": typ in graph_types,
        })
    # gazetteer actors that only events name, through a nationality adjective ("l'invasion
    # russe") or a resolved pronoun: a document's events must not depend on whether other
    # documents of the corpus happen to name the same actor
    event_docs: dict[str, set] = defaultdict(set)
    if events is not None and len(events):
        for col in ("agent_id", "target_id", "attributed_to"):
            for aid, doc_id in zip(events[col], events["doc_id"]):
                if aid and aid not in forms and gaz.get(aid) is not None:
                    event_docs[aid].add(doc_id)
    for aid in sorted(event_docs):
        entry = gaz.get(aid)
        first, last = _minmax(published.get(d, "") for d in event_docs[aid])
        rows.append({
            "actor_id": aid, "label": entry.label, "type": entry.type, "wikidata": entry.wikidata, "aliases": "",
            "n_mentions": 0, "n_documents": 0, "first_seen": first, "last_seen": last, "source": "gazetteer",
            "in_graph": entry.type in graph_types,
        })
    rows.sort(key=lambda r: r["actor_id"])
    return frame("actors", rows)


def build_edges(mentions: pd.DataFrame, events: pd.DataFrame, published: dict, node_ids: set,
                min_weight: int = 1, top_edges: int | None = None) -> pd.DataFrame:
    """Undirected co-mention edges (two actors named in the same sentence), then the
    directed action edges of :func:`action_edges`.

    ``weight`` = number of sentences naming both; ``n_documents`` = documents with at
    least one such sentence; dates from the documents' publication dates; ``npmi`` =
    sentence-level normalised PMI (:func:`npmi`), computed on all sentences before any
    filter. ``min_weight`` and ``top_edges`` filter the co-mention edges only
    (:func:`filter_edges`); action edges are always kept.
    """
    by_sentence: dict[tuple[str, int], set] = defaultdict(set)
    for doc_id, sid, aid in zip(mentions["doc_id"], mentions["sentence_id"], mentions["actor_id"]):
        if aid in node_ids:
            by_sentence[(doc_id, int(sid))].add(aid)
    weight: Counter = Counter()
    n_actor: Counter = Counter()
    edge_docs: dict[tuple[str, str], set] = defaultdict(set)
    for (doc_id, _), actors in by_sentence.items():
        n_actor.update(actors)
        for a, b in combinations(sorted(actors), 2):
            weight[(a, b)] += 1
            edge_docs[(a, b)].add(doc_id)
    n_sentences = len(by_sentence)
    rows = []
    for (a, b) in sorted(weight):
        first, last = _minmax(published.get(d, "") for d in edge_docs[(a, b)])
        rows.append({"edge_id": f"c:{a}--{b}", "source": a, "target": b, "kind": "comention",
                     "weight": weight[(a, b)], "n_documents": len(edge_docs[(a, b)]),
                     "first_seen": first, "last_seen": last,
                     "npmi": npmi(weight[(a, b)], n_actor[a], n_actor[b], n_sentences)})
    rows.extend(action_edges(events, published, node_ids))
    return filter_edges(frame("edges", rows), min_weight=min_weight, top_edges=top_edges)


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


def action_edges(events: pd.DataFrame, published: dict, node_ids: set) -> list[dict]:
    """Directed edges agent -> target, one per (agent, target, event type): ``weight`` =
    number of events, dates from the events' dates (else their documents'), and the
    share of hypothetical events."""
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    if len(events):
        for row in events.itertuples(index=False):
            a, b = row.agent_id, row.target_id
            if a and b and a != b and a in node_ids and b in node_ids:
                groups[(a, b, row.event_type)].append(row)
    rows = []
    for (a, b, etype), evs in sorted(groups.items()):
        n_hyp = sum(1 for e in evs if e.modality == "hypothetical")
        first, last = _minmax((e.date or published.get(e.doc_id, "")) for e in evs)
        rows.append({"edge_id": f"a:{a}->{b}:{etype}", "source": a, "target": b, "kind": "action",
                     "weight": len(evs), "n_documents": len({e.doc_id for e in evs}),
                     "first_seen": first, "last_seen": last, "event_type": etype,
                     "n_hypothetical": n_hyp, "share_hypothetical": round(n_hyp / len(evs), 4)})
    return rows
