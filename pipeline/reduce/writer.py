"""The files of an output table written from Arrow chunks (:class:`TableWriter`: CSV and
Parquet with fixed row groups, so the bytes do not depend on how the rows arrived) and read
back batch by batch (:class:`StoredTable`, :func:`iter_rows`)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterator

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
