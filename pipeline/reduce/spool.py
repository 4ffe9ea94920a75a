"""The records of a run, out of core: DocResults in, compact Arrow tables out.

A :class:`Spool` receives DocResults as they stream out of the map step and appends their
rows to per-table column lists; every ``chunk_docs`` documents the lists become an Arrow
table per record table, sorted by its key (:data:`SORT_KEYS`) and written as a Parquet
part into the spool's folder (or kept in memory when the spool has no folder). The
reduce (:func:`pipeline.reduce.tables.reduce_spool`) merges the parts a document at a time
(:mod:`pipeline.reduce.stream`), so the main process never holds a whole table: memory grows
with a chunk of records, not with the corpus.

Values are normalised as :func:`pipeline.reduce.tables.frame` does (missing -> ``""`` or ``0``,
everything else ``str`` / ``int``), so the tables are the same whichever path built them.
"""
from __future__ import annotations

import math
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..analysis.extract import DocResult
from .schema import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS

#: tables the spool holds (``documents`` has an extra ``text`` column, the cleaned text of
#: documents whose status is ``ok``; ``sentences`` one row per parser sentence)
SPOOL_COLUMNS = {
    "documents": COLUMNS["documents"] + ["text"],
    "mentions": COLUMNS["mentions"],
    "timexes": COLUMNS["timexes"],
    "events": COLUMNS["events"],
    "dropped_mentions": COLUMNS["dropped_mentions"],
    "sentences": ["doc_id", "start_char", "end_char"],
}
_RECORDS = {"mentions": "mentions", "timexes": "timexes", "events": "events", "dropped_mentions": "dropped"}
#: the order of each table's rows inside a part (``doc_id`` first: see pipeline.reduce.stream);
#: sentences keep their parser order within a document
SORT_KEYS = {
    "documents": ["doc_id"],
    "mentions": ["doc_id", "start_char", "end_char"],
    "timexes": ["doc_id", "start_char", "end_char"],
    "events": ["doc_id", "start_char", "event_type", "agent_id", "target_id"],
    "dropped_mentions": ["doc_id", "start_char"],
    "sentences": ["doc_id"],
}
DEFAULT_CHUNK_DOCS = 500


def schema(name: str) -> pa.Schema:
    """Integers ``int64``; floats ``float64``; strings ``large_string``, as pandas'
    pyarrow-backed ``str`` holds them (tables convert to pandas without copying their strings)."""
    def typ(c):
        if c in INT_COLUMNS or (name == "sentences" and c != "doc_id"):
            return pa.int64()
        return pa.float64() if c in FLOAT_COLUMNS else pa.large_string()
    return pa.schema([(c, typ(c)) for c in SPOOL_COLUMNS[name]])


def as_str(v) -> str:
    """A string cell as ``frame`` makes it: missing (None, NaN, NA) -> ``""``, else ``str(v)``."""
    if type(v) is str:
        return v
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover
        pass
    return str(v)


def as_int(v) -> int:
    """An integer cell as ``frame`` makes it: numeric if it can be, else 0; truncated."""
    if type(v) is int:
        return v
    if v is None or isinstance(v, bool):
        return int(v or 0)
    try:
        f = float(v)
    except (TypeError, ValueError):
        return 0
    if math.isnan(f) or math.isinf(f):
        return 0
    try:
        return int(v) if isinstance(v, str) and v.strip().lstrip("+-").isdigit() else int(f)
    except (TypeError, ValueError):
        return 0


def as_float(v) -> float | None:
    """A float cell: numeric if it can be, else missing."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def column(values: list, typ: pa.DataType) -> pa.Array:
    """An Arrow column of ``values`` normalised as :func:`as_int` / :func:`as_str` do;
    Arrow converts well-typed values at once, the rest go through the Python functions."""
    is_int = pa.types.is_integer(typ)
    if pa.types.is_floating(typ):
        return pa.array([as_float(v) for v in values], type=typ)
    try:
        arr = pa.array(values, type=typ)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        conv = as_int if is_int else as_str
        return pa.array([conv(v) for v in values], type=typ)
    if arr.null_count:
        arr = pc.fill_null(arr, pa.scalar(0 if is_int else "", typ))
    return arr


class Spool:
    """Per-table Arrow batches of a run's records, spilled to Parquet parts on disk."""

    def __init__(self, folder: Path | str | None = None, chunk_docs: int = DEFAULT_CHUNK_DOCS):
        self.folder = Path(folder) if folder is not None else None
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
        self.chunk_docs = max(1, int(chunk_docs))
        self.schemas = {name: schema(name) for name in SPOOL_COLUMNS}
        #: per table, ``(part number, path or in-memory table)``; a part is one flush
        self.parts: dict[str, list] = {name: [] for name in SPOOL_COLUMNS}
        self.n_documents = 0
        self.n_parts = 0
        self._pending = 0
        self._cols = self._empty_lists()

    def _empty_lists(self) -> dict[str, dict[str, list]]:
        return {name: {c: [] for c in cols} for name, cols in SPOOL_COLUMNS.items()}

    def add(self, res: DocResult) -> None:
        if res.spilled is not None:
            self._add_pieces(res)
            return
        self._append("documents", [self._doc_row(res, len(res.mentions), res.n_sentences or len(res.sentences))])
        self._append_records(res)
        self.n_documents += 1
        self._pending += 1
        if self._pending >= self.chunk_docs:
            self.flush()

    @staticmethod
    def _doc_row(res: DocResult, n_mentions: int, n_sentences: int) -> dict:
        d = res.doc
        return {
            "doc_id": d.doc_id, "source": d.source, "title": d.title, "published": d.published,
            "published_precision": d.published_precision, "n_tokens": res.n_tokens, "status": d.status,
            "date_source": d.date_source, "date_evidence": d.date_evidence, "url": d.url,
            "n_sentences": n_sentences, "n_mentions": n_mentions,
            "encoding": d.encoding, "content_hash": d.content_hash, "error_stage": d.error_stage,
            "error": d.error, "author": d.author, "section": d.section, "text": d.text if d.status == "ok" else "",
        }

    def _append_records(self, res: DocResult) -> None:
        if res.doc.status == "ok" and res.sentences:
            cols = self._cols["sentences"]
            cols["doc_id"].extend([res.doc.doc_id] * len(res.sentences))
            cols["start_char"].extend(a for a, _ in res.sentences)
            cols["end_char"].extend(b for _, b in res.sentences)
        for name, attr in _RECORDS.items():
            recs = getattr(res, attr)
            if recs:
                self._append(name, recs)

    def _add_pieces(self, res: DocResult) -> None:
        """A long document (records spilled by the map step), a piece at a time: the
        document gets a part of its own, each piece's rows sorted and appended to it.
        The pieces follow each other in the text and a table's sort key starts with the
        document and an offset, so the part is sorted as a whole (sentences, whose rows
        keep their order, too)."""
        self.flush()  # the documents before it: their own part
        k = self.n_parts
        out: dict[str, list | pq.ParquetWriter] = {}
        n_mentions = n_sentences = 0
        try:
            for piece in res.pieces():
                n_mentions += len(piece.mentions)
                n_sentences += len(piece.sentences)
                self._append_records(piece)
                self._write_pending(k, out)
            self._append("documents", [self._doc_row(res, n_mentions, res.n_sentences or n_sentences)])
            self._write_pending(k, out)
        finally:
            for sink in out.values():
                if isinstance(sink, pq.ParquetWriter):
                    sink.close()
        for name in SPOOL_COLUMNS:  # the part's tables, in the order flush() lists them
            if name in out:
                sink = out[name]
                self.parts[name].append((k, self._path(name, k) if self.folder is not None
                                         else pa.concat_tables(sink).combine_chunks()))
        self.n_parts += 1
        self.n_documents += 1

    def _write_pending(self, k: int, out: dict) -> None:
        """Append the pending rows (sorted) to part ``k`` of each table."""
        for name, batch in self._batches():
            if self.folder is None:
                out.setdefault(name, []).append(batch)
                continue
            if name not in out:
                out[name] = pq.ParquetWriter(self._path(name, k), self.schemas[name], compression="lz4")
            out[name].write_table(batch)

    def _append(self, name: str, records: list[dict]) -> None:
        """Raw values, column by column; :func:`column` converts them at the flush."""
        cols = self._cols[name]
        for c in SPOOL_COLUMNS[name]:
            default = 0 if c in INT_COLUMNS else None if c in FLOAT_COLUMNS else ""
            cols[c].extend(r.get(c, default) for r in records)

    def extend(self, results) -> "Spool":
        for res in results:
            self.add(res)
        return self

    def _path(self, name: str, k: int) -> Path:
        return self.folder / f"{name}-{k:05d}.parquet"

    def _batches(self):
        """``(table name, sorted Arrow table)`` of the pending rows of every table that
        has some; the pending lists are emptied."""
        cols_of, self._cols = self._cols, self._empty_lists()
        for name, cols in cols_of.items():
            if not cols[SPOOL_COLUMNS[name][0]]:
                continue
            sch = self.schemas[name]
            batch = pa.table([column(cols[c], sch.field(c).type) for c in sch.names], schema=sch)
            for c in sch.names:
                cols[c] = None  # the raw values go as soon as they are converted
            yield name, batch.take(pc.sort_indices(batch, sort_keys=[(k, "ascending") for k in SORT_KEYS[name]]))

    def flush(self) -> None:
        """Turn the pending rows into one batch per table (a Parquet part with a folder)."""
        if not self._pending:
            return
        for name, batch in self._batches():
            if self.folder is not None:
                path = self._path(name, self.n_parts)
                pq.write_table(batch, path, compression="lz4")
                self.parts[name].append((self.n_parts, path))
            else:
                self.parts[name].append((self.n_parts, batch))
        self.n_parts += 1
        self._pending = 0

    def close(self) -> None:
        self.flush()

    def iter_parts(self, name: str, columns: list[str] | None = None):
        """The table ``name`` part by part (a document's rows are never split)."""
        self.flush()
        for _, p in self.parts[name]:
            t = pq.read_table(p, columns=columns) if isinstance(p, Path) else p
            yield t.select(columns) if columns is not None else t

    def iter_batches(self, name: str, columns: list[str], rows: int = 65536):
        """The table ``name`` in batches of at most ``rows`` rows (a document's rows may be
        split), read from the parts one batch at a time."""
        self.flush()
        for _, p in self.parts[name]:
            if isinstance(p, Path):
                yield from pq.ParquetFile(p).iter_batches(batch_size=rows, columns=columns)
            else:
                yield from p.select(columns).to_batches(max_chunksize=rows)

    def numbered_parts(self, name: str) -> list:
        """``(part number, path or table)`` of table ``name``, each part sorted by
        :data:`SORT_KEYS`; the documents of part k have their rows in part k of every table."""
        self.flush()
        return list(self.parts[name])
