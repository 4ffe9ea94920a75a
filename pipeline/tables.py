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
from collections.abc import Mapping
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
    """The tables of a run, in memory. ``min_weight`` / ``top_edges`` filter the co-mention
    edges (see :func:`filter_edges`); the other tables do not depend on them.

    The same reduce as a run's (:func:`reduce_spool`), over an in-memory spool; the
    tables hold plain Python objects (``object`` columns, ``texts`` and ``sentences``
    dicts)."""
    from .spool import Spool

    spool = Spool(None, chunk_docs=1 << 30).extend(results)
    return reduce_spool(spool, gaz, graph_types, min_weight=min_weight, top_edges=top_edges, objects=True)


def _sort(t: pa.Table, keys: list[str]) -> pa.Table:
    """Stable sort of an Arrow table (strings by code point, as pandas sorts ``str``)."""
    if t.num_rows == 0:
        return t
    return t.take(pc.sort_indices(t, sort_keys=[(k, "ascending") for k in keys])).combine_chunks()


def _map_strings(t: pa.Table, column: str, mapping: dict) -> pa.Table:
    """Replace the values of a string column by ``mapping.get(value, value)``."""
    if t.num_rows == 0:
        return t
    enc = pc.dictionary_encode(t.column(column).combine_chunks())
    values = pa.array([mapping.get(v, v) for v in enc.dictionary.to_pylist()], type=t.schema.field(column).type)
    return t.set_column(t.schema.get_field_index(column), column, values.take(enc.indices))


def _rows(t: pa.Table, columns: list[str], size: int = 65536):
    """Tuples of ``columns`` of ``t``, a batch of Python objects at a time."""
    for batch in t.select(columns).to_batches(max_chunksize=size):
        yield from zip(*(batch.column(i).to_pylist() for i in range(len(columns))))


def _to_pandas(t: pa.Table, objects: bool) -> pd.DataFrame:
    """A spool table as a pandas frame: ``object`` strings (``objects``) as :func:`frame`
    makes them, else pyarrow-backed strings (compact)."""
    df = t.to_pandas()
    for c in df.columns:
        if c not in INT_COLUMNS and c not in FLOAT_COLUMNS and c not in BOOL_COLUMNS:
            if objects:
                df[c] = df[c].astype(object)
        elif c in INT_COLUMNS:
            df[c] = df[c].astype("int64")
    return df.reset_index(drop=True)


class ArrowTexts(Mapping):
    """``doc_id -> cleaned text`` of the documents whose status is ``ok``, read on demand
    from an Arrow column (no Python string per document held)."""

    def __init__(self, doc_ids: pa.Array, texts: pa.Array, status: pa.Array):
        self._texts = texts
        self._all = {d: i for i, d in enumerate(doc_ids.to_pylist())}
        self._row = {d: i for d, i, s in zip(self._all, self._all.values(), status.to_pylist()) if s == "ok"}

    def __getitem__(self, doc_id):
        return self._texts[self._row[doc_id]].as_py()

    def column(self, doc_ids: list[str]) -> pa.Array:
        """The texts of ``doc_ids`` (``""`` for documents not analysed), as an Arrow array."""
        return self._texts.take(pa.array([self._all[d] for d in doc_ids], type=pa.int64()))

    def __iter__(self):
        return iter(self._row)

    def __len__(self):
        return len(self._row)


class ArrowSentences(Mapping):
    """``doc_id -> [(start_char, end_char), ...]`` from the spool's ``sentences`` table
    (each document's rows contiguous), read on demand."""

    def __init__(self, t: pa.Table):
        self._start = t.column("start_char").combine_chunks()
        self._end = t.column("end_char").combine_chunks()
        self._span: dict[str, tuple[int, int]] = {}
        prev, first = None, 0
        for i, d in enumerate(t.column("doc_id").to_pylist()):
            if d != prev:
                if prev is not None:
                    self._span.setdefault(prev, (first, i))
                prev, first = d, i
        if prev is not None:
            self._span.setdefault(prev, (first, t.num_rows))

    def __getitem__(self, doc_id):
        a, b = self._span[doc_id]
        return list(zip(self._start[a:b].to_pylist(), self._end[a:b].to_pylist()))

    def __iter__(self):
        return iter(self._span)

    def __len__(self):
        return len(self._span)


def reduce_spool(spool, gaz: Gazetteer, graph_types=GRAPH_TYPES, min_weight: int = 1,
                 top_edges: int | None = None, objects: bool = False) -> Tables:
    """The reduce step over a :class:`pipeline.spool.Spool`: the tables of a run.

    Works on compact Arrow tables and streams over their rows in batches; the
    aggregations (actors, co-mention and action edges) keep one entry per actor or pair,
    never one per record. With ``objects=False`` the large tables hold pyarrow-backed
    strings and ``texts`` / ``sentences`` are read on demand; the exported files are
    the same either way."""
    docs = _sort(spool.read("documents"), ["doc_id"])
    doc_ids = docs.column("doc_id").to_pylist()
    published = dict(zip(doc_ids, docs.column("published").to_pylist()))
    del doc_ids
    status = docs.column("status").combine_chunks()

    mentions = _sort(spool.read("mentions"), ["doc_id", "start_char", "end_char"])
    counts = Counter()
    if mentions.num_rows:
        for row in pc.value_counts(mentions.column("actor_id")).to_pylist():
            counts[row["values"]] = row["counts"]
    merged = merge_counts(counts, gaz)
    mentions = _map_strings(mentions, "actor_id", merged)
    timexes = _sort(spool.read("timexes"), ["doc_id", "start_char", "end_char"])
    events = spool.read("events")
    for col in ("agent_id", "target_id", "attributed_to"):
        events = _map_strings(events, col, merged)
    mention_rows = _rows(mentions, ["actor_id", "text", "label", "doc_id"])
    event_rows = ((aid, doc_id) for col in ("agent_id", "target_id", "attributed_to")
                  for aid, doc_id in _rows(events, [col, "doc_id"]))
    actors = frame("actors", actor_rows(mention_rows, event_rows, published, gaz, graph_types))
    if events.num_rows:
        events = _sort(events, ["doc_id", "start_char", "event_type", "agent_id", "target_id"])
        ids = events.column("doc_id").combine_chunks()
        codes = pc.dictionary_encode(ids).indices.to_numpy(zero_copy_only=False)
        pos = np.arange(len(codes))
        starts = np.where(np.r_[True, codes[1:] != codes[:-1]], pos, 0)
        cumcount = pos - np.maximum.accumulate(starts)
        event_id = pc.binary_join_element_wise(ids, pc.cast(pa.array(cumcount), ids.type),
                                               pa.scalar("#e", ids.type))
        events = events.set_column(events.schema.get_field_index("event_id"), "event_id", event_id)
        known = pa.array(sorted(set(actors["actor_id"])), type=events.schema.field("agent_id").type)
        for col in ("agent_id", "target_id", "attributed_to"):
            values = events.column(col)
            events = events.set_column(events.schema.get_field_index(col), col,
                                       pc.if_else(pc.is_in(values, value_set=known), values,
                                                  pa.scalar("", known.type)))
    node_ids = set(actors.loc[actors["in_graph"], "actor_id"])
    rows = comention_rows(_rows(mentions, ["doc_id", "sentence_id", "actor_id"]), published, node_ids)
    rows.extend(_action_rows(_rows(events, ["agent_id", "target_id", "event_type", "modality", "date", "doc_id"]),
                             published, node_ids))
    edges = filter_edges(frame("edges", rows), min_weight=min_weight, top_edges=top_edges)
    dropped = _sort(spool.read("dropped_mentions"), ["doc_id", "start_char"])
    error_rows = [{"doc_id": d, "source": s, "stage": st, "error": e} for d, s, st, e, ok in
                  _rows(docs, ["doc_id", "source", "error_stage", "error", "status"]) if ok != "ok"]
    errors = frame("errors", error_rows).sort_values(["doc_id", "source"], kind="stable")
    sentences_t = spool.read("sentences")
    if objects:
        texts = {d: t for d, t, s in _rows(docs, ["doc_id", "text", "status"]) if s == "ok"}
        sentences: Mapping = {}
        for d, a, b in _rows(sentences_t, ["doc_id", "start_char", "end_char"]):
            sentences.setdefault(d, []).append((a, b))
    else:
        texts = ArrowTexts(docs.column("doc_id").combine_chunks(), docs.column("text").combine_chunks(), status)
        sentences = ArrowSentences(sentences_t)
    documents = _to_pandas(docs.drop_columns(["text"]), objects)
    tables = Tables(documents, _to_pandas(mentions, objects), actors, _to_pandas(timexes, objects),
                    _to_pandas(events, objects), edges, _to_pandas(dropped, objects),
                    errors.reset_index(drop=True), texts=texts, sentences=sentences)
    return tables


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
    """Per key: the number of distinct documents and the first / last of their non-empty
    publication dates, fed with rows grouped by document."""

    def __init__(self, published: dict):
        self.published = published
        self.n: Counter = Counter()
        self.last_doc: dict = {}
        self.first: dict = {}
        self.last: dict = {}

    def add(self, key, doc_id: str, date: str | None = None) -> None:
        if self.last_doc.get(key) != doc_id:
            self.last_doc[key] = doc_id
            self.n[key] += 1
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
    forms: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    docs = _DocDates(published)
    for aid, text, label, doc_id in mentions:
        if not aid:
            continue
        forms[aid][" ".join(text.split())] += 1
        labels[aid][label] += 1
        docs.add(aid, doc_id)
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
        first, last = docs.minmax(aid)
        rows.append({
            "actor_id": aid, "label": label, "type": typ, "wikidata": qid,
            "aliases": "|".join(f for f, _ in ranked), "n_mentions": sum(forms[aid].values()),
            "n_documents": docs.n[aid], "first_seen": first, "last_seen": last, "source": source,
            "in_graph": typ in graph_types,
        })
    # gazetteer actors that only events name, through a nationality adjective ("l'invasion
    # russe") or a resolved pronoun: a document's events must not depend on whether other
    # documents of the corpus happen to name the same actor
    event_docs: dict[str, set] = defaultdict(set)
    for aid, doc_id in events:
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
    return rows


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
    m = mentions.sort_values("doc_id", kind="stable")
    rows = comention_rows(zip(m["doc_id"], m["sentence_id"], m["actor_id"]), published, node_ids)
    rows.extend(action_edges(events, published, node_ids))
    return filter_edges(frame("edges", rows), min_weight=min_weight, top_edges=top_edges)


def comention_rows(mentions, published: dict, node_ids: set) -> list[dict]:
    """The co-mention rows of :func:`build_edges` from ``(doc_id, sentence_id, actor_id)``
    tuples grouped by document: one document's sentences are held at a time."""
    weight: Counter = Counter()
    n_actor: Counter = Counter()
    docs = _DocDates(published)
    n_sentences = 0

    def close(doc_id, by_sentence):
        nonlocal n_sentences
        n_sentences += len(by_sentence)
        for actors in by_sentence.values():
            n_actor.update(actors)
            for pair in combinations(sorted(actors), 2):
                weight[pair] += 1
                docs.add(pair, doc_id)

    current, by_sentence = None, defaultdict(set)
    for doc_id, sid, aid in mentions:
        if doc_id != current:
            close(current, by_sentence)
            current, by_sentence = doc_id, defaultdict(set)
        if aid in node_ids:
            by_sentence[int(sid)].add(aid)
    close(current, by_sentence)
    rows = []
    for (a, b) in sorted(weight):
        first, last = docs.minmax((a, b))
        rows.append({"edge_id": f"c:{a}--{b}", "source": a, "target": b, "kind": "comention",
                     "weight": weight[(a, b)], "n_documents": docs.n[(a, b)],
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


def action_edges(events: pd.DataFrame, published: dict, node_ids: set) -> list[dict]:
    """Directed edges agent -> target, one per (agent, target, event type): ``weight`` =
    number of events, dates from the events' dates (else their documents'), and the
    share of hypothetical events."""
    if not len(events):
        return []
    e = events.sort_values("doc_id", kind="stable")
    return _action_rows(zip(e["agent_id"], e["target_id"], e["event_type"], e["modality"], e["date"], e["doc_id"]),
                        published, node_ids)


def _action_rows(events, published: dict, node_ids: set) -> list[dict]:
    """:func:`action_edges` from ``(agent_id, target_id, event_type, modality, date,
    doc_id)`` tuples grouped by document."""
    n: Counter = Counter()
    n_hyp: Counter = Counter()
    docs = _DocDates(published)
    for a, b, etype, modality, date, doc_id in events:
        if a and b and a != b and a in node_ids and b in node_ids:
            key = (a, b, etype)
            n[key] += 1
            n_hyp[key] += modality == "hypothetical"
            docs.add(key, doc_id, date or published.get(doc_id, ""))
    rows = []
    for (a, b, etype) in sorted(n):
        key = (a, b, etype)
        first, last = docs.minmax(key)
        rows.append({"edge_id": f"a:{a}->{b}:{etype}", "source": a, "target": b, "kind": "action",
                     "weight": n[key], "n_documents": docs.n[key],
                     "first_seen": first, "last_seen": last, "event_type": etype,
                     "n_hypothetical": n_hyp[key], "share_hypothetical": round(n_hyp[key] / n[key], 4)})
    return rows
