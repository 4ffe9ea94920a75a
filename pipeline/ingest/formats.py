"""Which reader a file needs, told from its content rather than its name.

- ``%PDF-`` at the start: a PDF (:mod:`pipeline.ingest.pdf`);
- a ZIP holding ``word/document.xml``: a Word file (:mod:`pipeline.ingest.docx`);
- ``{\\rtf``: RTF, turned into text (:mod:`pipeline.ingest.rtf`), then read as below;
- Europresse's article markup (``DocPublicationName`` in ``<article>``): a Europresse
  export, one document per article (:mod:`pipeline.ingest.europresse`);
- Factiva field codes (``HD`` … ``AN``) or ``Document <id>`` separators: a Factiva export,
  one document per article (:mod:`pipeline.ingest.factiva`);
- anything else: one text, Markdown or HTML document (:func:`pipeline.ingest.document.finish`).

A file whose name promises a format its content does not hold (``export.pdf`` that is
text) is read for what it is. A file that cannot be read is one error document.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Iterator

from .decode import DecodeError, decode_bytes
from .exports import article_id, to_document


def sniff(data: bytes) -> str:
    """``pdf``, ``docx``, ``rtf`` or ``text`` from a file's first bytes."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "binary"
        return "binary"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def split_file(doc, data: bytes, fp: Path) -> Iterator:
    """The documents of one file whose bytes are ``data`` (``doc`` carries its id,
    source and ``metadata.csv`` row)."""
    from .readers import decode_and_finish

    kind = sniff(data)
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            yield read_pdf(doc, data)
            return
        if kind == "docx":
            from .docx import read_docx

            yield read_docx(doc, data)
            return
        if kind == "binary":
            yield doc.fail("decode", "binary file (an archive or a format actorgraph does not read)")
            return
        if kind == "rtf":
            from .rtf import rtf_to_text

            text, encoding = rtf_to_text(data), "rtf"
        else:
            decoded = decode_bytes(data)
            text, encoding = decoded.text, decoded.encoding
    except DecodeError:
        yield decode_and_finish(doc, data, fp)  # the usual decode error message
        return
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the run
        yield doc.fail("decode", f"cannot read {kind.upper()} file: {type(exc).__name__}: {exc}")
        return
    try:
        docs = list(_export_documents(doc, text, encoding))
    except Exception as exc:  # noqa: BLE001 - a broken export is one error document
        yield doc.fail("read", f"cannot read the export: {type(exc).__name__}: {exc}")
        return
    if docs:
        yield from docs
    elif kind == "rtf":
        from .document import finish

        doc.encoding = encoding
        yield finish(doc, text, filename=fp.name)
    else:
        yield decode_and_finish(doc, data, fp)


def _export_documents(doc, text: str, encoding: str) -> Iterator:
    """One document per article when ``text`` is a Europresse or Factiva export."""
    from . import europresse, factiva

    if europresse.looks_like_europresse(text):
        articles, fmt = list(europresse.iter_articles(text)), "europresse"
    elif factiva.looks_like_factiva(text):
        from .clean import looks_like_html

        plain = factiva.html_to_lines(text) if looks_like_html(text) or "<td" in text[:200_000] else text
        articles, fmt = list(factiva.iter_articles(plain)), "factiva"
    else:
        return
    for n, art in enumerate(articles, 1):
        d = to_document(art, article_id(doc.doc_id, art.ident, n), art.source or doc.source, fmt)
        d.encoding = encoding
        if not d.url and doc.url:
            d.url = doc.url
        yield d
