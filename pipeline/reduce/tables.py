"""The reduce step: DocResults -> tidy pandas tables (documents, mentions, actors, ...).

Tables come first and the graph is derived from them (pipeline.network.graph), so every graph
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
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..analysis.extract import DocResult
from ..network.measures import add_measures
from ..nlp.gazetteer import Gazetteer
from .schema import BOOL_COLUMNS, COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, ROW_GROUPS  # noqa: F401 (re-exported)
from .spool import SORT_KEYS, Spool
from .stream import StoredTable, TableWriter, doc_chunks, doc_order, iter_rows, output_schema, UMASK as _UMASK

TYPE_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
GRAPH_TYPES = ("PER", "ORG", "LOC")


@dataclass
class Tables:
    """The tables of a run. ``documents`` (without the text), ``actors``, ``edges`` and
    ``errors`` are pandas frames; the record tables (mentions, timexes, events,
    dropped_mentions) are pandas frames in memory (:func:`build_tables`) or
    :class:`pipeline.reduce.stream.StoredTable` files already written by :func:`reduce_spool`."""
    documents: pd.DataFrame
    mentions: object
    actors: pd.DataFrame
    timexes: object
    events: object
    edges: pd.DataFrame
    dropped_mentions: object
    errors: pd.DataFrame
    texts: Mapping  # doc_id -> cleaned text (a dict, or read on demand from documents.parquet)
    #: doc_id -> [(start_char, end_char), ...] of its sentences, indexed by sentence_id
    #: (from the parser; used for evidence sentences in report.html, not written as a table)
    sentences: Mapping = field(default_factory=dict)
    #: tables whose files the reduce already wrote: name -> folder
    written: dict = field(default_factory=dict)

    def items(self):
        for name in COLUMNS:
            yield name, getattr(self, name)

    def iter_texts(self, doc_ids):
        """``(doc_id, text, sentence spans or None)`` of those of ``doc_ids`` that were
        analysed, in ``doc_id`` order, one document's text held at a time."""
        ids = sorted(set(doc_ids))
        spans = _iter_subset(self.sentences, ids)
        nxt = next(spans, None)
        for doc_id, text in _iter_subset(self.texts, ids):
            while nxt is not None and nxt[0] < doc_id:
                nxt = next(spans, None)
            yield doc_id, text, (nxt[1] if nxt is not None and nxt[0] == doc_id else None)


def _iter_subset(mapping, keys: list):
    """``(key, value)`` of those of the sorted ``keys`` in ``mapping``, in that order."""
    if isinstance(mapping, _StoredMapping):
        return mapping.iter_subset(keys)
    return ((k, mapping[k]) for k in keys if k in mapping)


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
    """The tables of a run, in memory: the reduce of a run (:func:`reduce_spool`) over an
    in-memory spool, read back as pandas frames with plain Python strings (``object``
    columns, as :func:`frame` makes them) and ``texts`` / ``sentences`` dicts.
    ``min_weight`` / ``top_edges`` filter the co-mention edges (see :func:`filter_edges`);
    the other tables do not depend on them."""
    import tempfile


    spool = Spool(None, chunk_docs=1 << 30).extend(results)
    with tempfile.TemporaryDirectory(prefix="actorgraph-tables-") as tmp:
        t = reduce_spool(spool, gaz, Path(tmp), graph_types, min_weight=min_weight, top_edges=top_edges)
        return _in_memory(t)


def _objects(df: pd.DataFrame) -> pd.DataFrame:
    """String columns as ``object`` holding ``str`` (as :func:`frame` makes them)."""
    for c in df.columns:
        if c in INT_COLUMNS:
            df[c] = df[c].astype("int64")
        elif c not in FLOAT_COLUMNS and c not in BOOL_COLUMNS:
            col = df[c].astype(object)
            df[c] = col.where(col.notna(), "").map(str).astype(object)
    return df.reset_index(drop=True)


def _in_memory(t: Tables) -> Tables:
    """``t`` with every table a pandas frame and dict ``texts`` / ``sentences``."""
    def load(x):
        if isinstance(x, StoredTable):
            return _objects(x.read().to_pandas()) if len(x) else frame(x.name, [])
        return x
    return Tables(_objects(t.documents.copy()), load(t.mentions), t.actors, load(t.timexes), load(t.events),
                  t.edges, load(t.dropped_mentions), t.errors, texts=dict(_iter_subset(t.texts, sorted(t.texts))),
                  sentences=dict(_iter_subset(t.sentences, sorted(t.sentences))))


def _sort(t: pa.Table, keys: list[str]) -> pa.Table:
    """Stable sort of an Arrow table (strings by code point, as pandas sorts ``str``)."""
    if t.num_rows == 0:
        return t
    return t.take(pc.sort_indices(t, sort_keys=[(k, "ascending") for k in keys])).combine_chunks()


def _map_strings(t: pa.Table, column: str, mapping) -> pa.Table:
    """Replace the values of a string column by ``mapping.get(value, value)`` (or
    ``mapping(value)`` when it is a function)."""
    if t.num_rows == 0:
        return t
    get = mapping if callable(mapping) else (lambda v: mapping.get(v, v))
    enc = pc.dictionary_encode(t.column(column).combine_chunks())
    values = pa.array([get(v) for v in enc.dictionary.to_pylist()], type=t.schema.field(column).type)
    return t.set_column(t.schema.get_field_index(column), column, values.take(enc.indices))


def _event_ids(events: pa.Table) -> pa.Array:
    """``doc_id#eN``, N counting each document's events from 0 in row order (the rows
    of a document are contiguous)."""
    ids = events.column("doc_id").combine_chunks()
    codes = pc.dictionary_encode(ids).indices.to_numpy(zero_copy_only=False)
    pos = np.arange(len(codes))
    starts = np.where(np.r_[True, codes[1:] != codes[:-1]], pos, 0)
    cumcount = pos - np.maximum.accumulate(starts)
    return pc.binary_join_element_wise(ids, pc.cast(pa.array(cumcount), ids.type), pa.scalar("#e", ids.type))


class _StoredMapping(Mapping):
    """A ``doc_id -> value`` mapping read from a Parquet file on demand: :meth:`iter_subset`
    reads the values of many keys in one pass over the file."""

    def __init__(self, path: Path, keys):
        self.path, self._keys = Path(path), set(keys)

    def iter_subset(self, keys):  # pragma: no cover - defined by the subclasses
        raise NotImplementedError

    def __getitem__(self, key):
        for k, value in self.iter_subset([key]):
            return value
        raise KeyError(key)

    def __contains__(self, key):
        return key in self._keys

    def __iter__(self):
        return iter(sorted(self._keys))

    def __len__(self):
        return len(self._keys)


class StoredTexts(_StoredMapping):
    """``doc_id -> cleaned text`` of the analysed documents, from ``documents.parquet``."""

    def iter_subset(self, keys):
        """``(doc_id, text)`` of ``keys``, in file (``doc_id``) order."""
        keys = set(keys) & self._keys
        if not keys:
            return
        pf = pq.ParquetFile(self.path)
        for i in range(pf.num_row_groups):
            ids = pf.read_row_group(i, columns=["doc_id"]).column("doc_id").to_pylist()
            rows = [j for j, d in enumerate(ids) if d in keys]
            if rows:
                texts = pf.read_row_group(i, columns=["text"]).column("text")
                for j in rows:
                    yield ids[j], texts[j].as_py()


class StoredSentences(_StoredMapping):
    """``doc_id -> [(start_char, end_char), ...]`` from a sorted sentences Parquet file."""

    def iter_subset(self, keys):
        """``(doc_id, spans)`` of ``keys``, in ``doc_id`` order."""
        keys = set(keys) & self._keys
        if not keys:
            return
        current, spans = None, []
        for d, a, b in iter_rows(StoredTable(self.path.parent, self.path.stem, ["doc_id", "start_char", "end_char"], 1),
                                 ["doc_id", "start_char", "end_char"]):
            if d != current:
                if spans:
                    yield current, spans
                current, spans = d, []
            if d in keys:
                spans.append((a, b))
        if spans:
            yield current, spans


#: the record tables, streamed from the spool to their files in ``doc_id`` order
STREAMED = ("documents", "mentions", "timexes", "events", "dropped_mentions")


def table_schema(name: str) -> pa.Schema:
    """The Arrow schema of an output table's Parquet file (``documents`` with its text)."""
    cols = COLUMNS[name] + (["text"] if name == "documents" else [])
    return output_schema(cols, INT_COLUMNS, FLOAT_COLUMNS, BOOL_COLUMNS)


def reduce_spool(spool, gaz: Gazetteer, out: Path, graph_types=GRAPH_TYPES, min_weight: int = 1,
                 top_edges: int | None = None) -> Tables:
    """The reduce step over a :class:`pipeline.reduce.spool.Spool`: writes the record tables
    (documents, mentions, timexes, events, dropped_mentions; CSV + Parquet) into ``out``
    and returns the tables of the run.

    Memory does not grow with the records: the record tables go from the spool's parts to
    their files a chunk of whole documents at a time (:func:`pipeline.reduce.stream.doc_chunks`),
    and the aggregations (actors, co-mention and action edges) keep one entry per actor
    or pair, never one per record. Only the documents' metadata are held as a frame."""

    out = Path(out)
    order = doc_order(spool)
    meta_cols = COLUMNS["documents"]
    meta_parts = [t.select(meta_cols) for t in spool.iter_parts("documents", meta_cols)]
    docs = _sort(pa.concat_tables(meta_parts) if meta_parts else spool.schemas["documents"].empty_table()
                 .select(meta_cols), ["doc_id"])
    del meta_parts
    documents = docs.to_pandas()
    for c in documents.columns:
        if c in INT_COLUMNS:
            documents[c] = documents[c].astype("int64")
    published = dict(zip(documents["doc_id"], documents["published"]))
    ok_ids = [d for d, s in zip(documents["doc_id"], documents["status"]) if s == "ok"]

    # actor ids merged across spellings: one pass over the mentions' actor ids
    counts = Counter()
    for part in spool.iter_parts("mentions", ["actor_id"]):
        for row in pc.value_counts(part.column("actor_id")).to_pylist():
            counts[row["values"]] += row["counts"]
    merged = merge_counts(counts, gaz)
    del counts

    writers: list[TableWriter] = []

    def writer(name: str) -> TableWriter:
        w = TableWriter(out, name, table_schema(name), csv_columns=COLUMNS[name], umask=_UMASK,
                        row_group=ROW_GROUPS.get(name))
        writers.append(w)
        return w

    stored: dict[str, StoredTable] = {}
    try:
        # mentions: written, and the actors' forms, labels and documents counted
        agg = _ActorAgg(published, gaz, graph_types)
        w = writer("mentions")
        for chunk in doc_chunks(spool, "mentions", order):
            chunk = _map_strings(chunk, "actor_id", merged)
            w.write(chunk)
            agg.add_mentions(iter_rows(chunk, ["actor_id", "text", "label", "doc_id"]))
        w.close()
        stored["mentions"] = StoredTable(out, "mentions", COLUMNS["mentions"], w.n_rows)

        # events: merged ids, ids of their own, actors unknown to the tables blanked
        def known(aid):
            return aid if (aid in agg.forms or gaz.get(aid) is not None) else ""

        actions = _ActionAgg(published)
        w = writer("events")
        for chunk in doc_chunks(spool, "events", order):
            for col in ("agent_id", "target_id", "attributed_to"):
                chunk = _map_strings(chunk, col, lambda v: known(merged.get(v, v)) if v else v)
            chunk = _sort(chunk, SORT_KEYS["events"])  # whole documents: the global order holds
            chunk = chunk.set_column(chunk.schema.get_field_index("event_id"), "event_id", _event_ids(chunk))
            w.write(chunk)
            agg.add_event_actors((aid, doc_id) for col in ("agent_id", "target_id", "attributed_to")
                                 for aid, doc_id in iter_rows(chunk, [col, "doc_id"]))
            actions.add(iter_rows(chunk, ["agent_id", "target_id", "event_type", "modality", "date", "doc_id"]))
        w.close()
        stored["events"] = StoredTable(out, "events", COLUMNS["events"], w.n_rows)
        actors = frame("actors", agg.rows())
        node_ids = set(actors.loc[actors["in_graph"], "actor_id"])

        # co-mention edges: one pass over the written mentions, a document at a time
        rows = comention_rows(iter_rows(stored["mentions"], ["doc_id", "sentence_id", "actor_id"]),
                              published, node_ids)
        rows.extend(actions.rows(node_ids))
        edges = filter_edges(frame("edges", rows), min_weight=min_weight, top_edges=top_edges)
        actors = add_measures(actors, edges)  # communities and centralities of the co-mention graph

        for name in ("timexes", "dropped_mentions", "documents"):
            w = writer(name)
            for chunk in doc_chunks(spool, name, order):
                w.write(chunk)
            w.close()
            stored[name] = StoredTable(out, name, COLUMNS[name], w.n_rows)
        # the parser's sentences, for the report's evidence (not an output table)
        w = TableWriter(out, ".sentences", output_schema(["doc_id", "start_char", "end_char"], INT_COLUMNS),
                        csv=False)
        writers.append(w)
        for chunk in doc_chunks(spool, "sentences", order):
            w.write(chunk)
        w.close()
        sentence_docs = ok_ids if w.n_rows else []
    except BaseException:
        for w in writers:
            w.abort()
        raise

    error_rows = [{"doc_id": d, "source": s, "stage": st, "error": e} for d, s, st, e, ok in
                  zip(documents["doc_id"], documents["source"], documents["error_stage"], documents["error"],
                      documents["status"]) if ok != "ok"]
    errors = frame("errors", error_rows).sort_values(["doc_id", "source"], kind="stable")
    texts = StoredTexts(out / "documents.parquet", ok_ids)
    sentences = StoredSentences(out / ".sentences.parquet", sentence_docs) if sentence_docs else {}
    return Tables(documents, stored["mentions"], actors, stored["timexes"], stored["events"], edges,
                  stored["dropped_mentions"], errors.reset_index(drop=True), texts=texts, sentences=sentences,
                  written={name: out for name in STREAMED})


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
    agg = _ActorAgg(published, gaz, graph_types)
    agg.add_mentions(mentions)
    agg.add_event_actors(events)
    return agg.rows()


class _ActorAgg:
    """The actors table, accumulated: one entry per actor id, never one per mention."""

    def __init__(self, published: dict, gaz: Gazetteer, graph_types=GRAPH_TYPES):
        self.gaz, self.graph_types, self.published = gaz, graph_types, published
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
                label = ranked[0][0]
                typ = sorted(self.labels[aid].items(), key=lambda kv: (-kv[1], TYPE_ORDER.get(kv[0], 9)))[0][0]
                qid, source = "", "discovered"
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
    agg = _ActionAgg(published)
    agg.add(events)
    return agg.rows(node_ids)


class _ActionAgg:
    """Action edges, accumulated: one entry per (agent, target, event type)."""

    def __init__(self, published: dict):
        self.published = published
        self.n: Counter = Counter()
        self.n_hyp: Counter = Counter()
        self.docs = _DocDates(published)

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
                         "first_seen": first, "last_seen": last, "event_type": etype,
                         "n_hypothetical": self.n_hyp[key],
                         "share_hypothetical": round(self.n_hyp[key] / self.n[key], 4)})
        return rows
