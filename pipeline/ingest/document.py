"""The :class:`Document` record of one input, and how a read text becomes one
(:func:`finish`): HTML extraction (trafilatura), cleaning, content hash, a title and the
publication date when metadata gave none. The readers of folders and tables
(:mod:`pipeline.ingest.readers`, :mod:`pipeline.ingest.tables`) and the press-export
parsers all end here.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field

from .clean import clean_text, looks_like_html


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
    author: str = ""
    section: str = ""
    status: str = "ok"
    error: str = ""
    error_stage: str = ""
    meta: dict = field(default_factory=dict)

    def fail(self, stage: str, message: str) -> "Document":
        self.status, self.error_stage, self.error, self.text = "error", stage, message, ""
        return self


_SURROGATES = re.compile("[\ud800-\udfff]")


def safe_str(value) -> str:
    """``value`` as a string that UTF-8 files and XML can hold: lone surrogates (JSON
    escapes, undecodable file names) become U+FFFD, NFC normalised."""
    text = _SURROGATES.sub("\ufffd", value if isinstance(value, str) else str(value))
    return unicodedata.normalize("NFC", text)


def display_path(rel: str) -> str:
    """A file path for ids and tables: names that are not valid UTF-8 (an old latin-1
    file system) are read as cp1252 rather than kept as undecodable bytes."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(rel)
        try:
            rel = raw.decode("utf-8")
        except UnicodeDecodeError:
            rel = raw.decode("cp1252", errors="replace")
    return safe_str(rel)


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


class HtmlExtractorError(CorpusError):
    """The HTML extractor (trafilatura and the lxml parts it needs) cannot be imported."""


class ExtractionError(ValueError):
    """The extractor failed on one document (the message names it)."""


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, ExtractionError) else f"{type(exc).__name__}: {exc}"


#: what the HTML extractor imports (lxml 5.2+ no longer ships lxml.html.clean: lxml_html_clean does)
HTML_EXTRACTOR_MODULES = ("trafilatura", "lxml_html_clean")


def check_html_extractor(load: bool = True) -> None:
    """Raise :class:`HtmlExtractorError` when web pages cannot be read properly (a missing
    ``lxml_html_clean`` since lxml 5.2, a broken trafilatura): never strip tags instead,
    which would keep menus and footers as article text.

    With ``load=False`` (the run's check before it starts) the modules are only looked
    for, not imported (importing trafilatura takes about 0.1 s that a corpus without web
    pages does not need); the first page read imports them and fails the same way."""
    if not load:
        import importlib.util

        missing = [m for m in HTML_EXTRACTOR_MODULES if importlib.util.find_spec(m) is None]
        if missing:
            raise HtmlExtractorError(
                f"the HTML extractor cannot be loaded (No module named {missing[0]!r}); reinstall "
                "actorgraph's dependencies (pip install 'lxml_html_clean' 'trafilatura')")
        return
    try:
        import lxml.html.clean  # noqa: F401 - what justext (used by trafilatura) imports
        import trafilatura  # noqa: F401
    except ImportError as exc:
        raise HtmlExtractorError(
            f"the HTML extractor cannot be loaded ({exc}); reinstall actorgraph's dependencies "
            "(pip install 'lxml_html_clean' 'trafilatura')") from exc


def _extract_html(page: str) -> tuple[str, str, str]:
    """Main text, title and date of a web page (trafilatura).

    A page where trafilatura finds no article text gives an empty text (an error document),
    and a failure of the extractor raises: the page is never kept whole, with its menus."""
    check_html_extractor()
    import trafilatura

    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True,
                                   deduplicate=False)
        meta = trafilatura.extract_metadata(page)
    except Exception as exc:  # noqa: BLE001 - reported as this document's error
        raise ExtractionError(f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    title = (meta.title or "") if meta else ""
    date = (meta.date or "") if meta else ""
    return text or "", title, date
