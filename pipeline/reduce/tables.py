"""The reduce step: DocResults -> tidy pandas tables (documents, mentions, actors, ...).

Tables come first and the graph is derived from them (pipeline.network.graph), so every graph
attribute can be traced back to rows. All sorting is explicit, so the same input gives
the same tables whatever the order documents were processed in. The actors and edges
tables are aggregated by :mod:`pipeline.reduce.aggregate` (its names are re-exported here).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
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
from ..nlp.normalize import name_key
from .aggregate import (GRAPH_TYPES, TYPE_ORDER, _ActionAgg, _ActorAgg, action_edges, actor_rows,  # noqa: F401
                        build_actors, build_edges, comention_rows, filter_edges, merge_counts, merge_discovered,
                        npmi, squash)
from .identity import corpus_identity
from .schema import BOOL_COLUMNS, COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, ROW_GROUPS, frame  # noqa: F401 (re-exported)
from .spool import SORT_KEYS, Spool
from .stories import reprint_map, spool_stories, with_stories
from .stream import doc_chunks, doc_order, whole_groups
from .writer import StoredTable, TableWriter, iter_rows, output_schema, UMASK as _UMASK


@dataclass
class Tables:
    """The tables of a run. ``documents`` (without the text), ``actors``, ``edges`` and
    ``errors`` are pandas frames; the record tables (mentions, timexes, events,
    dropped_mentions) are pandas frames in memory (:func:`build_tables`) or
    :class:`pipeline.reduce.writer.StoredTable` files already written by :func:`reduce_spool`."""
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



def build_tables(results: Iterable[DocResult], gaz: Gazetteer, graph_types=GRAPH_TYPES,
                 min_weight: int = 1, top_edges: int | None = None, min_confidence: float = 0.0) -> Tables:
    """The tables of a run, in memory: the reduce of a run (:func:`reduce_spool`) over an
    in-memory spool, read back as pandas frames with plain Python strings (``object``
    columns, as :func:`frame` makes them) and ``texts`` / ``sentences`` dicts.
    ``min_weight`` / ``top_edges`` filter the co-mention edges (see :func:`filter_edges`);
    the other tables do not depend on them. Action edges use only the events with
    ``confidence >= min_confidence``."""
    import tempfile


    spool = Spool(None, chunk_docs=1 << 30).extend(results)
    with tempfile.TemporaryDirectory(prefix="actorgraph-tables-") as tmp:
        t = reduce_spool(spool, gaz, Path(tmp), graph_types, min_weight=min_weight, top_edges=top_edges,
                         min_confidence=min_confidence)
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


def merge_identities(pairs: Counter, gaz: Gazetteer, acronyms: dict | None = None) -> dict[str, str]:
    """Map every actor id of the mentions to its merged id, from the number of mentions of
    each ``(actor_id, label)``: ids that squash alike (:func:`merge_counts`), then a short
    form to the one full name of the corpus (:func:`pipeline.reduce.identity.corpus_identity`)."""
    from ..nlp.gazetteer import load_rules

    counts: Counter = Counter()
    for (aid, _), n in pairs.items():
        counts[aid] += n
    merged = merge_counts(counts, gaz)
    labels: dict[str, Counter] = {}
    for (aid, label), n in pairs.items():
        if aid:
            labels.setdefault(merged.get(aid, aid), Counter())[label] += n
    rules = load_rules()
    defined = {merged.get(a, a): {merged.get(i, i) for i in ids} for a, ids in (acronyms or {}).items()}
    joined = corpus_identity(labels, gaz, heads=rules.name_heads, particles=rules.name_particles, acronyms=defined)
    return {aid: joined.get(m, m) for aid, m in merged.items()}


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


def _event_ids(events: pa.Table, numbered: tuple[str, int] = ("", 0)) -> tuple[pa.Array, tuple[str, int]]:
    """``doc_id#eN``, N counting each document's events from 0 in row order (the rows
    of a document are contiguous), and ``(doc_id, events numbered)`` of the last document.
    ``numbered``: the same of the chunk before, whose last document may go on here.

    >>> t = pa.table({"doc_id": ["a", "a", "b"]})
    >>> ids, last = _event_ids(t); ids.to_pylist(), last
    (['a#e0', 'a#e1', 'b#e0'], ('b', 1))
    >>> _event_ids(t.slice(2), ("b", 4))[0].to_pylist()
    ['b#e4']
    """
    ids = events.column("doc_id").combine_chunks()
    codes = pc.dictionary_encode(ids).indices.to_numpy(zero_copy_only=False)
    if len(codes) == 0:
        return ids, numbered
    pos = np.arange(len(codes))
    starts = np.where(np.r_[True, codes[1:] != codes[:-1]], pos, 0)
    cumcount = pos - np.maximum.accumulate(starts)
    if numbered[1] and ids[0].as_py() == numbered[0]:  # the document of the chunk before goes on
        other = np.flatnonzero(codes != codes[0])
        cumcount[:int(other[0]) if len(other) else len(codes)] += numbered[1]
    joined = pc.binary_join_element_wise(ids, pc.cast(pa.array(cumcount), ids.type), pa.scalar("#e", ids.type))
    return joined, (ids[len(ids) - 1].as_py(), int(cumcount[-1]) + 1)


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


def _confident(value, min_confidence: float) -> bool:
    """An event's confidence clears the threshold (a missing score counts as 0)."""
    try:
        return float(value) >= min_confidence
    except (TypeError, ValueError):
        return min_confidence <= 0.0


def reduce_spool(spool, gaz: Gazetteer, out: Path, graph_types=GRAPH_TYPES, min_weight: int = 1,
                 top_edges: int | None = None, min_confidence: float = 0.0) -> Tables:
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
    story_of = spool_stories(spool, documents)
    documents["story_id"] = [story_of.get(d, "") for d in documents["doc_id"]]
    reprinted = reprint_map(story_of)

    # actor ids merged across spellings, then short forms joined to the corpus's full
    # names (reduce/identity.py): one pass over the mentions' actor ids and labels
    pairs: Counter = Counter()
    acronyms: dict[str, set[str]] = {}  # acronym key -> ids of the names it was defined as
    for batch in spool.iter_batches("mentions", ["actor_id", "label", "text", "actor_rule"]):
        part = pa.Table.from_batches([batch])
        if part.num_rows:
            for row in part.group_by(["actor_id", "label"]).aggregate([("actor_id", "count")]).to_pylist():
                pairs[(row["actor_id"], row["label"])] += row["actor_id_count"]
            for text, aid, rule in zip(*(part.column(c).to_pylist() for c in ("text", "actor_id", "actor_rule"))):
                if rule == "acronym" and text and text.isupper():
                    acronyms.setdefault(name_key(text), set()).add(aid)
    merged = merge_identities(pairs, gaz, acronyms)
    del pairs

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

        actions = _ActionAgg(published, reprinted)
        w = writer("events")
        numbered = ("", 0)
        # chunks of whole (document, offset) groups: the sort below only reorders the events of
        # one trigger, so the global order holds when a long document comes in several chunks
        for chunk in whole_groups(doc_chunks(spool, "events", order), ["doc_id", "start_char"]):
            for col in ("agent_id", "target_id", "attributed_to"):
                chunk = _map_strings(chunk, col, lambda v: known(merged.get(v, v)) if v else v)
            chunk = _sort(chunk, SORT_KEYS["events"])
            ids, numbered = _event_ids(chunk, numbered)
            chunk = chunk.set_column(chunk.schema.get_field_index("event_id"), "event_id", ids)
            w.write(chunk)
            agg.add_event_actors((aid, doc_id) for col in ("agent_id", "target_id", "attributed_to")
                                 for aid, doc_id in iter_rows(chunk, [col, "doc_id"]))
            actions.add(row[:6] for row in iter_rows(chunk, ["agent_id", "target_id", "event_type", "modality", "date",
                                                           "doc_id", "confidence"])
                        if _confident(row[6], min_confidence))
        w.close()
        stored["events"] = StoredTable(out, "events", COLUMNS["events"], w.n_rows)
        actors = frame("actors", agg.rows())
        node_ids = set(actors.loc[actors["in_graph"], "actor_id"])

        # co-mention edges: one pass over the written mentions, a document at a time
        rows = comention_rows(iter_rows(stored["mentions"], ["doc_id", "sentence_id", "actor_id"]),
                              published, node_ids, reprinted)
        rows.extend(actions.rows(node_ids))
        edges = filter_edges(frame("edges", rows), min_weight=min_weight, top_edges=top_edges)
        actors = add_measures(actors, edges)  # communities and centralities of the co-mention graph

        for name in ("timexes", "dropped_mentions", "documents"):
            w = writer(name)
            for chunk in doc_chunks(spool, name, order):
                if name == "documents":
                    chunk = with_stories(chunk, story_of)
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
                      documents["status"]) if ok not in ("ok", "skipped")]
    errors = frame("errors", error_rows).sort_values(["doc_id", "source"], kind="stable")
    texts = StoredTexts(out / "documents.parquet", ok_ids)
    sentences = StoredSentences(out / ".sentences.parquet", sentence_docs) if sentence_docs else {}
    return Tables(documents, stored["mentions"], actors, stored["timexes"], stored["events"], edges,
                  stored["dropped_mentions"], errors.reset_index(drop=True), texts=texts, sentences=sentences,
                  written={name: out for name in STREAMED})
