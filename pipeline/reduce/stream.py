"""Out-of-core plumbing of the reduce: a merge of sorted spool parts and streamed writers.

The spool (:mod:`pipeline.reduce.spool`) writes each table as Parquet parts, one per flush of a
few hundred documents, each part sorted by the table's key (``doc_id`` first). A
document's rows are all in one part, and the documents table says which. So the rows of
a table in global ``doc_id`` order are obtained by visiting the documents in that order
and taking, from the cursor of the document's part, its next run of rows: a k-way merge
that never compares rows, holds one batch per part at most, and reads every part once.

:func:`doc_chunks` yields those rows as Arrow tables holding whole documents;
:class:`TableWriter` writes a table's CSV and Parquet files from such chunks, with fixed
row groups so the bytes do not depend on how the rows arrived; :class:`StoredTable` is a
table written that way, read back batch by batch.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: the process's umask: output files get the permissions of any file the user creates
UMASK = _current_umask()

#: rows per Parquet row group of an output table (and per batch read back)
ROW_GROUP = 65536
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


def output_schema(columns: list[str], int_columns, float_columns=(), bool_columns=()) -> pa.Schema:
    """Types of an output file: int64, float64, bool, else (UTF-8) string."""
    def typ(c):
        if c in int_columns:
            return pa.int64()
        if c in float_columns:
            return pa.float64()
        if c in bool_columns:
            return pa.bool_()
        return pa.string()
    return pa.schema([(c, typ(c)) for c in columns])


def _no_carriage_returns(table: pa.Table) -> pa.Table:
    """Line breaks of string cells as ``\\n``: a bare ``\\r`` (old Mac line end, in a title
    or a file name) is left unquoted by pandas' CSV writer and splits the row for every
    CSV reader. Cleaned texts never hold one, so offsets are unaffected; CSV and Parquet
    get the same cells."""
    for i, f in enumerate(table.schema):
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
            col = table.column(i)
            if pc.any(pc.match_substring(col, "\r")).as_py():
                col = pc.replace_substring(pc.replace_substring(col, "\r\n", "\n"), "\r", "\n")
                table = table.set_column(i, f, col)
    return table


def _tmp_beside(path: Path) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(tmp)


class TableWriter:
    """Write a table's ``NAME.csv`` and/or ``NAME.parquet`` from Arrow chunks.

    The CSV is written as pandas writes it (``to_csv``, no index, ``\\n`` line ends); the
    Parquet file has the given schema, zstd compression and row groups of exactly
    ``row_group`` rows (default :data:`ROW_GROUP`; the last one shorter), so the bytes
    depend on the rows only.
    Both files appear under their final names when :meth:`close` succeeds (written to
    temporary names first); :meth:`abort` removes the temporary files.
    """

    def __init__(self, folder: Path, name: str, schema: pa.Schema, csv_columns: list[str] | None = None,
                 parquet: bool = True, csv: bool = True, umask: int | None = None, row_group: int | None = None):
        self.folder, self.name, self.schema = Path(folder), name, schema
        self.row_group = row_group or ROW_GROUP
        self.folder.mkdir(parents=True, exist_ok=True)
        self.csv_columns = csv_columns if csv_columns is not None else schema.names
        self.n_rows = 0
        self._umask = umask
        self._csv = self._pq = None
        self._tmp: dict[str, Path] = {}
        if csv:
            self._tmp["csv"] = _tmp_beside(self.folder / f"{name}.csv")
            self._csv = open(self._tmp["csv"], "w", encoding="utf-8", newline="")
            self._header = True
        if parquet:
            self._tmp["parquet"] = _tmp_beside(self.folder / f"{name}.parquet")
            self._pq = pq.ParquetWriter(self._tmp["parquet"], schema, compression="zstd")
        self._buffer: list[pa.Table] = []
        self._buffered = 0

    def write(self, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        table = table.select(self.schema.names)
        if table.schema != self.schema:
            table = table.cast(self.schema)
        table = _no_carriage_returns(table)
        self.n_rows += table.num_rows
        if self._csv is not None:
            df = table.select(self.csv_columns).to_pandas()
            df.to_csv(self._csv, index=False, header=self._header, lineterminator="\n", float_format="%.6g")
            self._header = False
        if self._pq is not None:
            self._buffer.append(table)
            self._buffered += table.num_rows
            if self._buffered >= self.row_group:
                self._flush(final=False)

    def _flush(self, final: bool) -> None:
        if not self._buffer:
            return
        t = pa.concat_tables(self._buffer)
        size = self.row_group
        upto = t.num_rows if final else (t.num_rows // size) * size
        for start in range(0, upto, size):
            self._pq.write_table(t.slice(start, min(size, upto - start)).combine_chunks(), row_group_size=size)
        rest = t.slice(upto)
        self._buffer = [rest] if rest.num_rows else []
        self._buffered = rest.num_rows

    def close(self) -> list[str]:
        """Finish both files; returns their names."""
        written = []
        if self._csv is not None:
            if self._header:  # no row: the header alone
                self.schema.empty_table().select(self.csv_columns).to_pandas().to_csv(
                    self._csv, index=False, lineterminator="\n")
            self._csv.close()
        if self._pq is not None:
            self._flush(final=True)
            self._pq.close()
        for ext, tmp in self._tmp.items():
            final = self.folder / f"{self.name}.{ext}"
            if self._umask is not None:
                os.chmod(tmp, 0o666 & ~self._umask)
            os.replace(tmp, final)
            written.append(final.name)
        self._tmp = {}
        return written

    def abort(self) -> None:
        for f in (self._csv, self._pq):
            try:
                if f is not None:
                    f.close()
            except Exception:  # pragma: no cover - closing a half-written file
                pass
        for tmp in self._tmp.values():
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        self._tmp = {}


class StoredTable:
    """A table written to ``folder/NAME.parquet`` (and ``NAME.csv``), read back lazily."""

    def __init__(self, folder: Path, name: str, columns: list[str], n_rows: int):
        self.folder, self.name, self._columns, self.n_rows = Path(folder), name, list(columns), n_rows

    @property
    def path(self) -> Path:
        return self.folder / f"{self.name}.parquet"

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def __len__(self) -> int:
        return self.n_rows

    def iter_batches(self, columns: list[str] | None = None, batch_size: int = ROW_GROUP) -> Iterator[pa.RecordBatch]:
        if self.n_rows == 0:
            return
        yield from pq.ParquetFile(self.path).iter_batches(batch_size=batch_size, columns=columns or self._columns)

    def read(self, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.path, columns=columns or self._columns)

    def __repr__(self) -> str:
        return f"StoredTable({self.name!r}, {self.n_rows} rows, {str(self.path)!r})"


def iter_rows(table, columns: list[str], size: int = ROW_GROUP):
    """Tuples of ``columns`` of an Arrow table, a :class:`StoredTable` or a pandas frame,
    in its row order, a batch of Python objects at a time."""
    if isinstance(table, StoredTable):
        for batch in table.iter_batches(columns, size):
            yield from zip(*(batch.column(c).to_pylist() for c in columns))
    elif isinstance(table, pa.Table):
        for batch in table.select(columns).to_batches(max_chunksize=size):
            yield from zip(*(batch.column(i).to_pylist() for i in range(len(columns))))
    else:  # pandas
        yield from zip(*(table[c] for c in columns))
