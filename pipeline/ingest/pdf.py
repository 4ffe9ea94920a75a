"""PDF files (pypdf): the text of every page in reading order, without the running
headers, footers and page numbers, with hyphenated words and sentences cut across lines
and pages joined again (:mod:`pipeline.ingest.layout`).

A scanned PDF (images, no text layer) is an error document asking for OCR; an encrypted
PDF that opens without a password is read, any other is an error document.
"""
from __future__ import annotations

import io
import logging

from .layout import finish_layout, split_title, strip_furniture, unwrap


#: text this much larger than the page's body text is a headline
TITLE_SCALE = 1.2


def pdf_pages(data: bytes) -> tuple[list[list[str]], list[tuple[float, str]]]:
    """The lines of every page, and the (font size, text) pieces of the first page."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-file warnings
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted with a password")
    pieces: list[tuple[float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            pieces.append((round(abs(font_size * (tm[3] or 1) * (cm[3] or 1)), 1), text))

    pages = []
    for n, page in enumerate(reader.pages):
        text = page.extract_text(visitor_text=visit) if n == 0 else page.extract_text()
        pages.append((text or "").split("\n"))
    return pages, pieces


def headline(pieces: list[tuple[float, str]], furniture: set[str]) -> str:
    """The text set larger than the body at the top of the first page ("" when none)."""
    from collections import Counter

    from .exports import squash

    sizes = Counter()
    for size, text in pieces:
        sizes[size] += len(text.strip())
    if not sizes:
        return ""
    body = sizes.most_common(1)[0][0]
    title = []
    from .layout import is_dateline

    for size, text in pieces:
        t = squash(text)
        if not t or t in furniture or (not title and is_dateline(t)):
            continue
        if size >= TITLE_SCALE * body:
            title.append(t)
        elif title or size >= body:
            break
    return squash(" ".join(title)) if len(" ".join(title)) <= 300 else ""


def _drop_title(lines: list[str], title: str) -> list[str]:
    """``lines`` without the leading lines that spell ``title``."""
    from .exports import squash

    target, got, k = squash(title), "", 0
    while k < len(lines) and len(got) < len(target):
        nxt = squash(f"{got} {lines[k]}")
        if not target.startswith(nxt):
            return lines
        got, k = nxt, k + 1
    return lines[k:] if got == target else lines


def read_pdf(doc, data: bytes):
    """Fill ``doc`` from a PDF's bytes (an error document when it holds no text)."""
    try:
        pages, pieces = pdf_pages(data)
    except Exception as exc:  # noqa: BLE001 - a broken PDF is one error document
        return doc.fail("decode", f"looks like a PDF file but cannot be read: {type(exc).__name__}: {exc}")
    doc.encoding = "pdf"
    doc.meta["format"] = "pdf"
    pages, headers = strip_furniture(pages)
    lines: list[str] = [ln for page in pages for ln in page]
    title = headline(pieces, set(headers))
    rest = _drop_title(lines, title) if title else lines
    if rest is lines:  # no larger type at the top: a first line that reads like a headline
        title, rest = split_title(lines)
    lines = rest
    return finish_layout(doc, unwrap(lines), headers, title=title)
