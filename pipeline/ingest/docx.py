"""Word files (python-docx): the body's paragraphs and tables in reading order. Page
headers and footers live apart from the body in a .docx and are left out; a paragraph cut
by a page break (a file converted from PDF) is joined to the next one, and so are lines
broken inside a paragraph with a hyphen at their end."""
from __future__ import annotations

import io
import re

from .layout import finish_layout, unwrap

_TITLE_STYLES = ("title", "titre", "heading 1", "titre 1")


def docx_paragraphs(data: bytes) -> tuple[list[str], str, list[str]]:
    """(paragraph texts in reading order, text of the first Title-style paragraph, the
    lines of the first page header and footer)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = docx.Document(io.BytesIO(data))
    paras, title = [], ""
    pending = ""  # a paragraph cut by a page break, waiting for its end
    for block in d.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(block, d)
            text = p.text.replace("\u00ad", "")
            if "\n" in text:  # soft line breaks inside a paragraph
                text = " ".join(unwrap(text.split("\n"), width=10**6))
            style = (p.style.name if p.style is not None else "").lower()
            if not title and style in _TITLE_STYLES and text.strip():
                title = text.strip()
            breaks = bool(block.xpath(".//w:br[@w:type='page']")) or bool(block.xpath(".//w:lastRenderedPageBreak"))
            if pending:
                text = _join(pending, text)
                pending = ""
            if breaks and text.strip() and not re.search(r"[.!?…»:\"”]$", text.strip()):
                pending = text
                continue
            paras.append(text)
        elif tag == "tbl":
            for row in Table(block, d).rows:
                cells = []
                for c in row.cells:
                    if c.text.strip() and c.text.strip() not in cells:
                        cells.append(c.text.strip())
                if cells:
                    paras.append(" ; ".join(cells))
    if pending:
        paras.append(pending)
    furniture = []
    for section in d.sections[:1]:
        for part in (section.header, section.footer):
            try:
                furniture += [p.text.strip() for p in part.paragraphs if p.text.strip()]
            except Exception:  # noqa: BLE001 - a broken header is no reason to lose the text
                pass
    return paras, title, furniture


def _join(left: str, right: str) -> str:
    left, right = left.rstrip(), right.lstrip()
    if re.search(r"\w-$", left) and re.match(r"[a-zà-ÿœæ]", right):
        return left[:-1] + right
    return f"{left} {right}"


def read_docx(doc, data: bytes):
    """Fill ``doc`` from a .docx file's bytes."""
    try:
        paras, title, furniture = docx_paragraphs(data)
    except Exception as exc:  # noqa: BLE001 - a broken file is one error document
        return doc.fail("decode", f"cannot read Word file: {type(exc).__name__}: {exc}")
    doc.encoding = "docx"
    doc.meta["format"] = "docx"
    return finish_layout(doc, paras, furniture, title=title)
