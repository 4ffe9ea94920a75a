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


def pdf_pages(data: bytes) -> tuple[list[list[str]], str]:
    """The lines of every page and the title of the PDF's metadata."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-file warnings
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted with a password")
    pages = [(page.extract_text() or "").split("\n") for page in reader.pages]
    meta_title = ""
    try:
        meta_title = str((reader.metadata or {}).get("/Title") or "").strip()
    except Exception:  # noqa: BLE001 - broken metadata does not matter
        pass
    return pages, meta_title


def read_pdf(doc, data: bytes):
    """Fill ``doc`` from a PDF's bytes (an error document when it holds no text)."""
    try:
        pages, _ = pdf_pages(data)
    except Exception as exc:  # noqa: BLE001 - a broken PDF is one error document
        return doc.fail("decode", f"cannot read PDF: {type(exc).__name__}: {exc}")
    doc.encoding = "pdf"
    doc.meta["format"] = "pdf"
    pages, headers = strip_furniture(pages)
    lines: list[str] = [ln for page in pages for ln in page]
    title, lines = split_title(lines)
    return finish_layout(doc, unwrap(lines), headers, title=title)
