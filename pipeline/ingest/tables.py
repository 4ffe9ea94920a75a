"""Read a corpus held in one table: a ``.jsonl`` file (one JSON object per line) or a
``.csv`` file (one row per document), as :func:`pipeline.ingest.readers.iter_corpus` does.

- JSONL: ``\n``, ``\r\n`` or ``\r`` line ends; a line that is not valid JSON or not an object
  is an error row;
- CSV: the delimiter is ``,``, ``;``, tab or ``|`` (the one that gives a ``text`` column); a
  row with an empty ``text`` is an error row; a row spanning several lines whose quotes do
  not parse strictly is an error row naming the lines it swallowed.

Each row becomes a :class:`~pipeline.ingest.document.Document` through the same metadata
and cleaning rules as a file of a folder.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Iterator

from .decode import DecodeError, decode_bytes
from .readers import (ID_COLUMNS, MAX_TABLE_BYTES, CorpusError, Document, _apply_metadata, _reason, finish,
                      safe_str)


def _row_document(row: dict, where: str, fallback_id: str) -> Document:
    doc = Document(doc_id=fallback_id, source=where)
    try:
        row = {safe_str(k).strip().lower(): v for k, v in row.items() if k is not None}
        _apply_metadata(doc, {k: ("" if v is None else v) for k, v in row.items()
                              if not isinstance(v, (dict, list))})
        text = row.get("text")
        if text is None or (isinstance(text, str) and not text.strip()):
            return doc.fail("read", f"{where}: no text")
        if not isinstance(text, str):
            return doc.fail("read", f"{where}: 'text' is not a string")
        return finish(doc, text, filename=None)
    except Exception as exc:  # noqa: BLE001 - one bad row never stops the others
        return doc.fail("clean", _reason(exc))


def _table_id(row_text: str, row_no: int) -> str:
    return "doc-" + hashlib.sha1(row_text.encode("utf-8", "replace")).hexdigest()[:12] if row_text else f"row-{row_no}"


def _read_table(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise CorpusError(f"{path}: file too large ({size / 1e6:.0f} MB > {MAX_TABLE_BYTES / 1e6:.0f} MB limit)")
        return decode_bytes(path.read_bytes()).text
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except DecodeError as exc:
        raise CorpusError(f"{path}: {exc}") from exc


_JSONL_LINE_END = re.compile(r"\r\n|\r|\n")


def iter_jsonl(path: Path) -> Iterator[Document]:
    data = _read_table(path)
    # only real line ends separate records: U+2028 and friends may sit inside a JSON string
    for n, line in enumerate(_JSONL_LINE_END.split(data), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield Document(doc_id=f"line-{n}", source=where).fail(
                "read", f"invalid JSON on line {n}: {getattr(exc, 'msg', exc)}")
            continue
        except Exception as exc:  # noqa: BLE001 - e.g. RecursionError on absurd nesting
            yield Document(doc_id=f"line-{n}", source=where).fail(
                "read", f"invalid JSON on line {n}: {type(exc).__name__}")
            continue
        if not isinstance(row, dict):
            yield Document(doc_id=f"line-{n}", source=where).fail("read", f"line {n} is not a JSON object")
            continue
        text = row.get("text") if isinstance(row.get("text"), str) else ""
        yield _row_document(row, where, _table_id(safe_str(text), n))


CSV_DELIMITERS = (",", ";", "\t", "|")


def csv_delimiter(header: str) -> str | None:
    """The delimiter that makes a ``text`` column of the header line, or None."""
    for delim in CSV_DELIMITERS:
        try:
            cells = next(csv.reader([header], delimiter=delim), [])
        except csv.Error:
            continue
        if "text" in {c.strip().lower() for c in cells}:
            return delim
    return None


def _broken_quoting(raw: str, delimiter: str) -> str:
    """Why a record spanning several lines has broken quoting ('' when it parses strictly)."""
    try:
        for _ in csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return "a quote is never closed"
        return "a quote closes in the middle of a cell"
    return ""


def iter_csv(path: Path) -> Iterator[Document]:
    data = _read_table(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = io.StringIO(data, newline="").readlines()  # the physical lines the csv reader sees
    header = lines[0] if lines else ""
    delimiter = csv_delimiter(header)
    if delimiter is None:
        try:
            cells = next(csv.reader([header]), [])
        except csv.Error:
            cells = []
        fields = [safe_str(c).strip().lower() for c in cells if c.strip()]
        raise CorpusError(f"{path}: the CSV has no 'text' column (columns: {', '.join(fields) or 'none'})")
    reader = csv.DictReader(iter(lines), delimiter=delimiter)
    try:
        reader.fieldnames  # noqa: B018 - reads the header
    except csv.Error as exc:
        raise CorpusError(f"{path}: cannot read the CSV header: {exc}") from exc
    n, last_line = 1, reader.line_num
    while True:
        first_line = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            n, last_line = n + 1, reader.line_num
            yield Document(doc_id=f"row-{n}", source=f"{path.name}:{first_line}").fail(
                "read", f"malformed CSV row (line {first_line}): {exc}")
            continue
        except Exception as exc:  # noqa: BLE001
            n, last_line = n + 1, reader.line_num
            yield Document(doc_id=f"row-{n}", source=f"{path.name}:{first_line}").fail(
                "read", f"malformed CSV row (line {first_line}): {type(exc).__name__}: {exc}")
            continue
        n, last_line = n + 1, reader.line_num
        where = f"{path.name}:{first_line}"
        if last_line > first_line:
            why = _broken_quoting("".join(lines[first_line - 1:last_line]), delimiter)
            if why:
                to_end = " (to the end of the file)" if last_line >= len(lines) else ""
                doc = Document(doc_id=f"row-{n}", source=where)
                ids = {k.strip().lower(): v for k, v in row.items() if isinstance(k, str) and isinstance(v, str)}
                _apply_metadata(doc, {k: ids.get(k, "") for k in ID_COLUMNS})  # the id cell precedes the quote
                yield doc.fail(
                    "read", f"broken CSV quoting: {why}, so lines {first_line}-{last_line}{to_end} were read as "
                            "one row; the row is skipped, fix the quote and run again")
                continue
        row.pop(None, None)  # more cells than header columns
        text = ""
        for k, v in row.items():
            if (k or "").strip().lower() == "text" and isinstance(v, str):
                text = v
                break
        yield _row_document(row, where, _table_id(safe_str(text), n))
