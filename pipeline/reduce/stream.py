"""Out-of-core plumbing of the reduce: a merge of sorted spool parts, in bounded memory.

The spool (:mod:`pipeline.reduce.spool`) writes each table as Parquet parts, one per flush of a
few hundred documents, each part sorted by the table's key (``doc_id`` first). A
document's rows are all in one part, and the documents table says which. So the rows of
a table in global ``doc_id`` order are obtained by visiting the documents in that order
and taking, from the cursor of the document's part, its next run of rows: a k-way merge
that never compares rows, holds one batch per part at most, and reads every part once.

:func:`doc_chunks` yields those rows as Arrow tables holding whole documents, which
:class:`pipeline.reduce.writer.TableWriter` writes out.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: rows and bytes per chunk of :func:`doc_chunks` (a chunk ends at a document boundary
#: once it holds either)
CHUNK_ROWS = 32768
CHUNK_BYTES = 4 << 20
#: rows per batch a cursor reads from a part (fewer for the wide tables)
PART_BATCH = 8192
PART_BATCHES = {"documents": 128, "events": 2048}


class _Cursor:
    """Sequential reader of one sorted part: hands out the rows of one document at a time."""

    def __init__(self, source, columns: list[str], batch_rows: int = PART_BATCH):
        self._source, self._columns, self._batch_rows = source, columns, batch_rows
        self._it = None
        self._batch = None
        self._runs: list[tuple[str, int, int]] = []
        self._i = 0

    def _batches(self):
        if isinstance(self._source, (str, Path)):
            return pq.ParquetFile(self._source).iter_batches(batch_size=self._batch_rows, columns=self._columns)
        t = self._source.select(self._columns)
        return iter(t.to_batches(max_chunksize=self._batch_rows))

    def _load(self) -> bool:
        if self._it is None:
            self._it = self._batches()
        for b in self._it:
            if b.num_rows == 0:
                continue
            ids = b.column(0).to_numpy(zero_copy_only=False)
            cuts = np.flatnonzero(ids[1:] != ids[:-1]) + 1
            starts = np.r_[0, cuts]
            stops = np.r_[cuts, len(ids)]
            self._batch = b
            self._runs = [(ids[s], int(s), int(e)) for s, e in zip(starts, stops)]
            self._i = 0
            return True
        self._batch, self._runs, self._i = None, [], 0
        return False

    def take(self, doc_id: str) -> Iterator[pa.RecordBatch]:
        """The rows of ``doc_id`` (none if it has none), a batch at most at a time, read as
        they are asked for; documents must be asked for in the part's order."""
        while True:
            if self._i >= len(self._runs) and not self._load():
                break
            d, s, e = self._runs[self._i]
            if d != doc_id:
                break
            piece = self._batch.slice(s, e - s)
            self._i += 1
            ended = self._i < len(self._runs)  # the document ended inside this batch
            if self._i >= len(self._runs):
                self._batch, self._runs, self._i = None, [], 0  # release the spent batch
            yield piece
            if ended:
                break


def doc_order(spool) -> list[tuple[str, int]]:
    """``(doc_id, part number)`` of every document of the spool, sorted by ``doc_id``."""
    order = []
    for (k, _), ids in zip(spool.numbered_parts("documents"), spool.iter_parts("documents", ["doc_id"])):
        order.extend((d, k) for d in ids.column("doc_id").to_pylist())
    order.sort()
    return order


def doc_chunks(spool, name: str, order: list[tuple[str, int]], columns: list[str] | None = None,
               chunk_rows: int | None = None, chunk_bytes: int | None = None) -> Iterator[pa.Table]:
    """The rows of table ``name`` in ``order`` (each part's own order within a document),
    as tables of whole documents of about ``chunk_rows`` rows or ``chunk_bytes`` bytes; a
    document with more rows than that (a long document) comes in several chunks, one after
    the other, so that memory holds one chunk whatever the size of a document.

    At most :data:`MAX_OPEN` parts are read at once: when the documents' order jumps
    between more parts than that (an input not in id order, or ids such as ``line-10``
    that sort apart from ``line-9``), groups of parts are first merged into sorted runs
    written beside them, and the runs are merged, so memory stays bounded. An input in
    id order is merged in one pass."""
    chunk_rows = CHUNK_ROWS if chunk_rows is None else chunk_rows
    chunk_bytes = CHUNK_BYTES if chunk_bytes is None else chunk_bytes
    schema = spool.schemas[name]
    columns = list(columns or schema.names)
    read = columns if columns[0] == "doc_id" else ["doc_id"] + [c for c in columns if c != "doc_id"]
    sch = pa.schema([schema.field(c) for c in read])
    parts = dict(spool.numbered_parts(name))
    batch_rows = PART_BATCHES.get(name, PART_BATCH)
    level = 0
    while len(parts) > MAX_OPEN and max_open(order) > MAX_OPEN:
        parts, order = _premerge(parts, order, sch, batch_rows, spool.folder, f"{name}-run{level}")
        level += 1
    for chunk in _merge(parts, order, sch, batch_rows, chunk_rows, chunk_bytes, name):
        yield chunk.select(columns)


#: most parts a merge reads at once (each holds one batch of rows in memory)
MAX_OPEN = 8


def max_open(order: list[tuple[str, int]]) -> int:
    """How many parts a merge in ``order`` has open at once: a part is open from its first
    document in the order to its last (1 when the parts follow each other).

    >>> max_open([("a", 0), ("b", 0), ("c", 1)]), max_open([("a", 0), ("b", 1), ("c", 0)])
    (1, 2)
    """
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, (_, k) in enumerate(order):
        first.setdefault(k, i)
        last[k] = i
    events = sorted([(i, 1) for i in first.values()] + [(i, -1) for i in last.values()],
                    key=lambda e: (e[0], -e[1]))
    n = best = 0
    for _, delta in events:
        n += delta
        best = max(best, n)
    return best


def _merge(parts: dict, order, sch: pa.Schema, batch_rows: int, chunk_rows: int, chunk_bytes: int, name: str):
    cursors = {k: _Cursor(p, sch.names, batch_rows) for k, p in parts.items()}
    pending: list[pa.RecordBatch] = []
    n = size = 0
    for doc_id, k in order:
        cur = cursors.get(k)
        if cur is None:
            continue
        doc_n = doc_size = 0
        for piece in cur.take(doc_id):
            pending.append(piece)
            n += piece.num_rows
            size += piece.nbytes
            doc_n += piece.num_rows
            doc_size += piece.nbytes
            if doc_n >= chunk_rows or doc_size >= chunk_bytes:  # a long document: cut inside it
                yield pa.Table.from_batches(pending, schema=sch).combine_chunks()
                pending, n, size, doc_n, doc_size = [], 0, 0, 0, 0
        if n >= chunk_rows or size >= chunk_bytes:
            yield pa.Table.from_batches(pending, schema=sch).combine_chunks()
            pending, n, size = [], 0, 0
    if pending:
        yield pa.Table.from_batches(pending, schema=sch).combine_chunks()
    for k, cur in cursors.items():  # every row was handed out: the parts were sorted as promised
        if cur._load():
            raise RuntimeError(f"spool part {k} of {name} holds rows out of document order")


def _premerge(parts: dict, order, sch: pa.Schema, batch_rows: int, folder: Path | None, stem: str):
    """Merge the parts ``MAX_OPEN`` at a time into sorted runs (Parquet files in
    ``folder``, or tables in memory); returns the runs and the order over them."""
    numbers = sorted(parts)
    group = {k: i // MAX_OPEN for i, k in enumerate(numbers)}
    sub_orders: dict[int, list] = {g: [] for g in group.values()}
    for d, k in order:  # one pass: each group's documents, still in id order
        if k in group:
            sub_orders[group[k]].append((d, k))
    runs: dict[int, object] = {}
    for g, sub_order in sorted(sub_orders.items()):
        members = {k: parts[k] for k in numbers if group[k] == g}
        chunks = _merge(members, sub_order, sch, batch_rows, CHUNK_ROWS, CHUNK_BYTES, stem)
        if folder is None:
            tables = list(chunks)
            runs[g] = pa.concat_tables(tables) if tables else sch.empty_table()
            continue
        path = Path(folder) / f"{stem}-{g:05d}.parquet"
        with pq.ParquetWriter(path, sch, compression="lz4") as w:
            for chunk in chunks:
                w.write_table(chunk)
        runs[g] = path
    # documents without rows in this table (their part has none) are dropped from the order
    return runs, [(d, group[k]) for d, k in order if k in group]


def whole_groups(chunks: Iterator[pa.Table], keys: list[str]) -> Iterator[pa.Table]:
    """The rows of ``chunks`` (grouped by ``keys``: rows with equal values follow each
    other) again, in chunks that never split a group: the rows of the last group of a
    chunk are held back and go with the next chunk.

    >>> t = pa.table({"k": [1, 1, 2, 2, 2, 3]})
    >>> [c.column("k").to_pylist() for c in whole_groups(iter([t.slice(0, 3), t.slice(3)]), ["k"])]
    [[1, 1], [2, 2, 2], [3]]
    """
    carry = None
    for chunk in chunks:
        if carry is not None:
            chunk = pa.concat_tables([carry, chunk])
        if chunk.num_rows == 0:
            continue
        same = np.ones(chunk.num_rows, dtype=bool)
        for k in keys:
            col = chunk.column(k)
            same &= pc.equal(col, col[chunk.num_rows - 1]).to_numpy(zero_copy_only=False)
        other = np.flatnonzero(~same)
        cut = int(other[-1]) + 1 if len(other) else 0
        carry = chunk.slice(cut)
        if cut:
            yield chunk.slice(0, cut)
    if carry is not None and carry.num_rows:
        yield carry
