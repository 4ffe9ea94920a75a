"""Read a corpus lazily: a folder of .txt/.md/.html/.rtf/.pdf/.docx files, a .jsonl file
or a .csv file. A file of a folder may hold many documents: a Europresse or Factiva export
gives one per article (:func:`read_documents`, :mod:`pipeline.ingest.formats`).

Every input becomes a :class:`Document` — a good one with cleaned text, or one with
``status="error"`` and the reason, so that a bad file never stops the run. Only a
problem with the whole corpus (missing path, unknown format, a table that cannot be read
or has no ``text`` column, an unreadable ``metadata.csv``) raises :class:`CorpusError`.

Rules for bad input (documented for users in README/CODEBOOK):

- files over :data:`MAX_FILE_BYTES`, empty or whitespace-only files, binary files, and
  files that cannot be read (permissions, broken symlinks, symlink loops, fifos) are
  error documents (stage ``read``/``decode``); an unreadable subfolder is one error row;
- JSONL: one JSON object per line (``\n``, ``\r\n`` or ``\r`` line ends); a line that
  is not valid JSON or not an object is an error row;
- CSV: the delimiter is ``,``, ``;``, tab or ``|`` (the one that gives a ``text``
  column); a row with an empty ``text`` is an error row; **broken quoting** — a row
  spanning several lines whose quotes do not parse strictly (a quote never closed, or
  closed in the middle of a cell) — is an error row naming the lines it swallowed, never
  a silently merged giant document.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Iterator

from .decode import DecodeError, decode_bytes
# the record and its finishing live in .document; the names other modules and users import
# from here stay importable from here
from .document import (CorpusError, Document, ExtractionError, HtmlExtractorError, _reason,  # noqa: F401
                       check_html_extractor, content_hash, display_path, finish, parse_metadata_date, safe_str)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".rtf", ".pdf", ".docx"}
TABLE_SUFFIXES = {".jsonl", ".csv"}
ID_COLUMNS = ("id", "doc_id")
DATE_COLUMNS = ("published", "date", "pubdate", "publication_date")
SOURCE_COLUMNS = ("source", "url", "link")
MAX_FILE_BYTES = 200 * 1024 * 1024  # one text file
MAX_TABLE_BYTES = 4 * 1024 * 1024 * 1024  # a .jsonl/.csv corpus (read into memory)


# ---------------------------------------------------------------------------- readers
def iter_corpus(path: str | os.PathLike) -> Iterator[Document]:
    """Yield the documents of a corpus (folder, .jsonl or .csv), lazily.

    Never raises for one bad document (it is yielded with ``status="error"``); raises
    :class:`CorpusError` only when the corpus as a whole cannot be read.
    """
    p = Path(path)
    if not p.exists():
        raise CorpusError(f"corpus not found: {p}")
    if p.is_dir():
        yield from iter_folder(p)
    elif p.suffix.lower() == ".jsonl":
        yield from tables.iter_jsonl(p)
    elif p.suffix.lower() == ".csv":
        yield from tables.iter_csv(p)
    elif p.suffix.lower() in TEXT_SUFFIXES:
        yield from read_documents(p, p.parent)
    else:
        raise CorpusError(f"unknown corpus format: {p} (expected a folder, a .jsonl or a .csv file)")


#: files of a corpus folder that are part of its description, not documents
FOLDER_METADATA = ("metadata.csv",)


def _own_outputs(folder: Path, names: list[str]) -> set[str]:
    """Files that an actorgraph run wrote into ``folder`` (listed in its manifest.json or
    in the record of an interrupted switch): never read back as documents."""
    skip: set[str] = set()
    for record_name in ("manifest.json", ".actorgraph-switch.json"):
        if record_name not in names:
            continue
        try:
            path = folder / record_name
            if path.stat().st_size > 50_000_000:
                continue
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if not isinstance(record, dict) or (record_name == "manifest.json" and record.get("tool") != "actorgraph"):
            continue
        files = record.get("files")
        if isinstance(files, list):
            skip.update(f for f in files if isinstance(f, str))
        skip.add(record_name)
    return skip


def _walk(root: Path) -> tuple[list[Path], list[tuple[str, str]], list[Path]]:
    """Under ``root``: the files we read (sorted), the subfolders that could not be listed,
    and the other files (sorted; listed as skipped documents). Dotfiles, dot-folders, the
    folder's ``metadata.csv`` and actorgraph's own outputs are none of them."""
    files, errors, others = [], [], []

    def onerror(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        rel = where.relative_to(root).as_posix() if where.is_relative_to(root) else where.name
        errors.append((rel or ".", exc.strerror or str(exc)))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        own = _own_outputs(Path(dirpath), filenames)
        for name in filenames:
            if name.startswith(".") or name in own:
                continue
            fp = Path(dirpath) / name
            if fp.suffix.lower() in TEXT_SUFFIXES:
                files.append(fp)
            elif not (Path(dirpath) == root and name in FOLDER_METADATA):
                others.append(fp)
    files.sort(key=lambda f: f.relative_to(root).as_posix())
    others.sort(key=lambda f: f.relative_to(root).as_posix())
    return files, sorted(errors), others


def list_folder(root: Path) -> list[Path]:
    """Text files under ``root``, recursively, sorted; symlinked folders are not followed
    (a symlink loop cannot trap the walk)."""
    return _walk(root)[0]


def count_documents(path: str | os.PathLike) -> int | None:
    """How many documents :func:`iter_corpus` will yield (for a progress bar), counted
    cheaply: files of a folder, non-blank lines of a JSONL file, records of a CSV file."""
    p = Path(path)
    try:
        if p.is_dir():
            files, errors, others = _walk(p)
            return len(files) + len(errors) + len(others)
        suffix = p.suffix.lower()
        if suffix == ".jsonl":
            with open(p, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        if suffix == ".csv":
            with open(p, encoding="utf-8", errors="replace", newline="") as fh:
                delimiter = tables.csv_delimiter(fh.readline()) or ","
                csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
                return sum(1 for _ in csv.reader(fh, delimiter=delimiter))
        if suffix in TEXT_SUFFIXES:
            return 1
    except (OSError, csv.Error):
        return None
    return None


def _folder_metadata(root: Path) -> dict[str, dict]:
    meta_path = root / "metadata.csv"
    if not meta_path.is_file():
        return {}
    rows = {}
    try:
        data = decode_bytes(meta_path.read_bytes()).text
        for row in csv.DictReader(io.StringIO(data, newline="")):
            row = {safe_str(k or "").strip().lower(): safe_str(v or "").strip()
                   for k, v in row.items() if isinstance(v, str) or v is None}
            key = row.get("file") or row.get("filename") or row.get("path") or row.get("name")
            if key:
                rows[key] = row
    except (OSError, DecodeError, csv.Error) as exc:
        raise CorpusError(f"cannot read {meta_path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return rows


def iter_folder(root: Path) -> Iterator[Document]:
    files, unreadable, others = _walk(root)
    meta = _folder_metadata(root)
    for rel, reason in unreadable:
        yield Document(doc_id=display_path(rel), source=display_path(rel) + "/").fail(
            "read", f"cannot read folder: {reason}")
    skipped = {id(fp) for fp in others}
    for fp in sorted(files + others, key=lambda f: f.relative_to(root).as_posix()):
        rel = display_path(fp.relative_to(root).as_posix())
        if id(fp) in skipped:
            yield skipped_file(rel, fp.suffix)
        else:
            yield from read_documents(fp, root, meta.get(rel) or meta.get(display_path(fp.name)))


def skipped_file(rel: str, suffix: str) -> Document:
    """A file of the corpus folder that no reader handles, listed with ``status="skipped"``."""
    kind = f"{suffix.lower()} files" if suffix else "files without a suffix"
    readable = ", ".join(sorted(TEXT_SUFFIXES))
    doc = Document(doc_id=rel, source=rel, status="skipped", error_stage="read",
                   error=f"not read: no reader for {kind} (read: {readable})")
    return doc


def read_file(fp: Path, root: Path, meta: dict | None = None) -> Document:
    """One document from one text file (see :func:`read_documents` for exports)."""
    doc, data = _read_bytes(fp, root, meta)
    return doc if data is None else decode_and_finish(doc, data, fp)


def read_documents(fp: Path, root: Path, meta: dict | None = None) -> Iterator[Document]:
    """The documents of one file: one per article of a Europresse or Factiva export, one
    for a PDF, a Word file or any other text file (pipeline.ingest.formats)."""
    doc, data = _read_bytes(fp, root, meta)
    if data is None:
        yield doc
        return
    from .formats import split_file

    yield from split_file(doc, data, fp)


def _read_bytes(fp: Path, root: Path, meta: dict | None) -> tuple[Document, bytes | None]:
    """The file's document (ids, metadata) and its bytes, or an error document and None."""
    rel = display_path(fp.relative_to(root).as_posix() if fp.is_relative_to(root) else fp.name)
    doc_id = re.sub(r"\.[^./]+$", "", rel)
    doc = Document(doc_id=doc_id, source=rel)
    try:
        if meta:
            _apply_metadata(doc, meta)
        st = fp.stat()
        if not stat.S_ISREG(st.st_mode):
            return doc.fail("read", "not a regular file"), None
        if st.st_size > MAX_FILE_BYTES:
            return doc.fail("read", f"file too large ({st.st_size / 1e6:.0f} MB > "
                                    f"{MAX_FILE_BYTES / 1e6:.0f} MB limit)"), None
        data = fp.read_bytes()
    except OSError as exc:
        return doc.fail("read", f"cannot read file: {exc.strerror or exc}"), None
    except Exception as exc:  # noqa: BLE001 - one bad document never stops the run
        return doc.fail("read", f"cannot read file: {type(exc).__name__}: {exc}"), None
    if not data.strip():
        return doc.fail("read", "empty file"), None
    return doc, data


def decode_and_finish(doc: Document, data: bytes, fp: Path) -> Document:
    """The document of a plain text, Markdown or HTML file."""
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return doc.fail("decode", str(exc))
    except Exception as exc:  # noqa: BLE001
        return doc.fail("decode", f"{type(exc).__name__}: {exc}")
    doc.encoding = decoded.encoding
    try:
        return finish(doc, decoded.text, filename=display_path(fp.name),
                      is_html=fp.suffix.lower() in {".html", ".htm"})
    except Exception as exc:  # noqa: BLE001 - one bad document never stops the run
        return doc.fail("clean", _reason(exc))


def _apply_metadata(doc: Document, row: dict) -> None:
    row = {k: safe_str(v) for k, v in row.items()}
    for col in ID_COLUMNS:
        if row.get(col, "").strip():
            doc.doc_id = row[col].strip()
            break
    if row.get("title"):
        doc.title = row["title"].strip()
    for col in SOURCE_COLUMNS:
        if row.get(col, "").strip():
            value = row[col].strip()
            if col in ("url", "link") or value.startswith(("http://", "https://")):
                doc.url = value
            doc.source = value
            break
    if row.get("url", "").strip():
        doc.url = row["url"].strip()
    for col in DATE_COLUMNS:
        if row.get(col, "").strip():
            iso, precision = parse_metadata_date(row[col])
            if iso:
                doc.published, doc.published_precision = iso, precision
                doc.date_source, doc.date_evidence = "metadata", f"{col}: {row[col]}"
            break
    known = set(ID_COLUMNS) | set(DATE_COLUMNS) | set(SOURCE_COLUMNS) | {"title", "text", "file", "filename", "path"}
    doc.meta = {k: v for k, v in row.items() if k not in known and v != ""}


from . import tables  # noqa: E402  (the table readers build on the helpers above)
