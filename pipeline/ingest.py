"""Read a corpus lazily: a folder of .txt/.md/.html files, a .jsonl file or a .csv file.

Every input becomes a :class:`Document` — a good one with cleaned text, or one with
``status="error"`` and the reason, so that a bad file never stops the run.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .clean import clean_text, looks_like_html
from .decode import DecodeError, decode_bytes

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".csv"}
ID_COLUMNS = ("id", "doc_id")
DATE_COLUMNS = ("published", "date", "pubdate", "publication_date")
SOURCE_COLUMNS = ("source", "url", "link")
MAX_FILE_BYTES = 200 * 1024 * 1024


class CorpusError(RuntimeError):
    """The corpus cannot be read at all (missing path, unknown format, no text column)."""


@dataclass
class Document:
    doc_id: str
    source: str
    text: str = ""
    title: str = ""
    published: str = ""
    published_precision: str = ""
    date_source: str = ""  # metadata / text / none
    date_evidence: str = ""
    url: str = ""
    encoding: str = ""
    content_hash: str = ""
    status: str = "ok"
    error: str = ""
    error_stage: str = ""
    meta: dict = field(default_factory=dict)

    def fail(self, stage: str, message: str) -> "Document":
        self.status, self.error_stage, self.error, self.text = "error", stage, message, ""
        return self


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------- dates
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def parse_metadata_date(value: str) -> tuple[str, str]:
    """Parse a date from a metadata cell: ISO (``2022-02-24``, ``2022-02``, ``2022``,
    with a time) or French day-first ``24/02/2022``; returns (iso, precision) or ("", "").
    """
    import datetime as dt

    value = (value or "").strip()
    if not value:
        return "", ""
    m = _ISO.match(value)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        m = _DMY.match(value)
        if not m:
            from .pubdate import find_publication_date

            iso, precision, _ = find_publication_date(value)
            return iso, precision
        d, mo, y = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            return dt.date(int(y), int(mo), int(d)).isoformat(), "day"
        if mo:
            if not 1 <= int(mo) <= 12:
                return "", ""
            return f"{int(y):04d}-{int(mo):02d}", "month"
        return f"{int(y):04d}", "year"
    except ValueError:
        return "", ""


_HEADER_LINE = re.compile(r"^(?:\S+\.(?:com|fr|org|net|info|eu)\S*|date\s+\S+|\W*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b.*)$", re.I)


def _guess_title(text: str) -> str:
    """The first line when it reads like a headline (short, several words, no final
    full stop); header lines with only a date or a web address are skipped."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for line in lines[:3]:
        if _HEADER_LINE.match(line) and len(line) < 80:
            continue
        words = re.findall(r"[^\W\d_]{2,}", line)
        if 3 <= len(words) and len(line) <= 200 and not line.endswith((".", "»", '"')) or (
                3 <= len(words) and len(line) <= 120):
            return line
        return ""
    return ""


def finish(doc: Document, raw_text: str, filename: str | None = None, is_html: bool = False) -> Document:
    """Clean the text, find title and publication date (unless metadata gave them)."""
    from .pubdate import find_publication_date

    html_title = ""
    if is_html or looks_like_html(raw_text):
        raw_text, html_title, html_date = _extract_html(raw_text)
        if html_date and not doc.published:
            doc.published, doc.published_precision = parse_metadata_date(html_date)
            doc.date_source, doc.date_evidence = ("text", f"html metadata: {html_date}") if doc.published else ("", "")
    doc.text = clean_text(raw_text)
    if not doc.text.strip():
        return doc.fail("read", "empty document (no text after cleaning)")
    doc.content_hash = content_hash(doc.text)
    if not doc.title:
        doc.title = html_title or _guess_title(doc.text)
    if not doc.published:
        value, precision, evidence = find_publication_date(doc.text, filename=filename, url=doc.url or None)
        if value:
            doc.published, doc.published_precision = value, precision
            doc.date_source, doc.date_evidence = "text", evidence
        else:
            doc.date_source = "none"
    return doc


def _extract_html(page: str) -> tuple[str, str, str]:
    """Main text, title and date of a web page (trafilatura; falls back to tag stripping)."""
    try:
        import trafilatura

        text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True,
                                   deduplicate=False)
        meta = trafilatura.extract_metadata(page)
        title = (meta.title or "") if meta else ""
        date = (meta.date or "") if meta else ""
        if text:
            return text, title, date
        return page, title, date
    except Exception:  # noqa: BLE001 - a broken page falls back to the plain cleaner
        return page, "", ""


# ---------------------------------------------------------------------------- readers
def iter_corpus(path: str | os.PathLike) -> Iterator[Document]:
    """Yield the documents of a corpus (folder, .jsonl or .csv), lazily."""
    p = Path(path)
    if not p.exists():
        raise CorpusError(f"corpus not found: {p}")
    if p.is_dir():
        yield from iter_folder(p)
    elif p.suffix.lower() == ".jsonl":
        yield from iter_jsonl(p)
    elif p.suffix.lower() == ".csv":
        yield from iter_csv(p)
    elif p.suffix.lower() in TEXT_SUFFIXES:
        yield read_file(p, p.parent)
    else:
        raise CorpusError(f"unknown corpus format: {p} (expected a folder, a .jsonl or a .csv file)")


def list_folder(root: Path) -> list[Path]:
    """Text files under ``root``, recursively, sorted; symlinked folders are not followed
    (a symlink loop cannot trap the walk)."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            fp = Path(dirpath) / name
            if fp.suffix.lower() in TEXT_SUFFIXES:
                files.append(fp)
    return sorted(files, key=lambda f: f.relative_to(root).as_posix())


def _folder_metadata(root: Path) -> dict[str, dict]:
    meta_path = root / "metadata.csv"
    if not meta_path.is_file():
        return {}
    rows = {}
    data = decode_bytes(meta_path.read_bytes()).text
    for row in csv.DictReader(io.StringIO(data)):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        key = row.get("file") or row.get("filename") or row.get("path") or row.get("name")
        if key:
            rows[key] = row
    return rows


def iter_folder(root: Path) -> Iterator[Document]:
    files = list_folder(root)
    meta = _folder_metadata(root)
    for fp in files:
        rel = fp.relative_to(root).as_posix()
        yield read_file(fp, root, meta.get(rel) or meta.get(fp.name))


def read_file(fp: Path, root: Path, meta: dict | None = None) -> Document:
    rel = fp.relative_to(root).as_posix() if fp.is_relative_to(root) else fp.name
    doc_id = re.sub(r"\.[^./]+$", "", rel)
    doc = Document(doc_id=doc_id, source=rel)
    if meta:
        _apply_metadata(doc, meta)
    try:
        size = fp.stat().st_size
        if size > MAX_FILE_BYTES:
            return doc.fail("read", f"file too large ({size / 1e6:.0f} MB > {MAX_FILE_BYTES / 1e6:.0f} MB limit)")
        data = fp.read_bytes()
    except OSError as exc:
        return doc.fail("read", f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return doc.fail("read", "empty file")
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return doc.fail("decode", str(exc))
    doc.encoding = decoded.encoding
    try:
        return finish(doc, decoded.text, filename=fp.name, is_html=fp.suffix.lower() in {".html", ".htm"})
    except Exception as exc:  # noqa: BLE001 - one bad document never stops the run
        return doc.fail("clean", f"{type(exc).__name__}: {exc}")


def _apply_metadata(doc: Document, row: dict) -> None:
    for col in ID_COLUMNS:
        if row.get(col):
            doc.doc_id = str(row[col]).strip()
            break
    if row.get("title"):
        doc.title = str(row["title"]).strip()
    for col in SOURCE_COLUMNS:
        if row.get(col):
            value = str(row[col]).strip()
            if col in ("url", "link") or value.startswith(("http://", "https://")):
                doc.url = value
            doc.source = value
            break
    if row.get("url"):
        doc.url = str(row["url"]).strip()
    for col in DATE_COLUMNS:
        if row.get(col):
            iso, precision = parse_metadata_date(str(row[col]))
            if iso:
                doc.published, doc.published_precision = iso, precision
                doc.date_source, doc.date_evidence = "metadata", f"{col}: {row[col]}"
            break
    known = set(ID_COLUMNS) | set(DATE_COLUMNS) | set(SOURCE_COLUMNS) | {"title", "text", "file", "filename", "path"}
    doc.meta = {k: str(v) for k, v in row.items() if k not in known and v not in (None, "")}


def _row_document(row: dict, where: str, fallback_id: str) -> Document:
    row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    doc = Document(doc_id=fallback_id, source=where)
    _apply_metadata(doc, {k: ("" if v is None else v) for k, v in row.items() if not isinstance(v, (dict, list))})
    text = row.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return doc.fail("read", f"{where}: no text")
    if not isinstance(text, str):
        return doc.fail("read", f"{where}: 'text' is not a string")
    try:
        return finish(doc, text, filename=None)
    except Exception as exc:  # noqa: BLE001
        return doc.fail("clean", f"{type(exc).__name__}: {exc}")


def _table_id(row_text: str, row_no: int) -> str:
    return "doc-" + hashlib.sha1(row_text.encode("utf-8", "replace")).hexdigest()[:12] if row_text else f"row-{row_no}"


def iter_jsonl(path: Path) -> Iterator[Document]:
    try:
        data = decode_bytes(path.read_bytes()).text
    except DecodeError as exc:
        raise CorpusError(f"{path}: {exc}") from exc
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document(doc_id=f"line-{n}", source=where).fail("read", f"invalid JSON on line {n}: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield Document(doc_id=f"line-{n}", source=where).fail("read", f"line {n} is not a JSON object")
            continue
        text = row.get("text") if isinstance(row.get("text"), str) else ""
        yield _row_document(row, where, _table_id(text, n))


def iter_csv(path: Path) -> Iterator[Document]:
    try:
        data = decode_bytes(path.read_bytes()).text
    except DecodeError as exc:
        raise CorpusError(f"{path}: {exc}") from exc
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(data, newline=""))
    fields = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    if "text" not in fields:
        raise CorpusError(f"{path}: the CSV has no 'text' column (columns: {', '.join(fields) or 'none'})")
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            n += 1
            yield Document(doc_id=f"row-{n}", source=f"{path.name}:{n}").fail("read", f"malformed CSV row: {exc}")
            continue
        n += 1
        if None in row:  # more cells than header columns
            row.pop(None)
        text = row.get("text") or row.get("Text") or ""
        yield _row_document(row, f"{path.name}:{reader.line_num}", _table_id(text, n))
