"""From page layout to article text: what PDF and Word files share.

- :func:`strip_furniture`: running headers and footers (a line at the top or bottom of
  several pages, digits aside) and page numbers ("3", "Page 3", "3/8", "- 3 -") go;
- :func:`unwrap`: lines become paragraphs, words hyphenated at a line end are joined
  ("munici-" + "palité" -> "municipalité", but "porte-" + "parole" stays "porte-parole"
  when the text writes it so elsewhere) and a sentence cut by a page break continues;
- :func:`finish_layout`: title, date, author and newspaper from the first lines and the
  running header, and a body without them.

>>> unwrap(["Le porte-parole de la munici-", "palité a parlé.", "Un autre paragraphe."])
['Le porte-parole de la municipalité a parlé.', 'Un autre paragraphe.']
>>> is_page_number("- 12 -"), is_page_number("Page 3 sur 8"), is_page_number("2022")
(True, True, False)
"""
from __future__ import annotations

import re
from collections import Counter

from .exports import is_credit_line, parse_date, split_byline, squash

EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be running furniture
_PAGE_NO = re.compile(r"^(?:[-–—|]\s*)?(?:page|p\.)?\s*\d{1,3}(?:\s*(?:/|sur|of)\s*\d{1,4})?(?:\s*[-–—|])?$", re.I)
_END = re.compile(r"[.!?…»:\"”)]$")
_HYPHEN_END = re.compile(r"(\w+)[-\u00ad\u2010]$")
_ABBREV_END = re.compile(r"(?:^|\s)(?:[A-Z]|M|Mme|Mlle|MM|Dr|Pr|St|Ste|av|apr|J\.-C|cf|etc|p|n°)\.$")
_STARTS_LOWER = re.compile(r"^[a-zàâäçéèêëîïôöùûüÿœæ]")


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NO.match(squash(line)))


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", squash(line).lower())


def _dated_header(line: str) -> bool:
    """A running header printed on one page only: a short line naming the newspaper and the
    date, split by a dash or a bar ("Le Journal | mardi 1 mars 2022 | 3")."""
    line = squash(line)
    if len(line) > 90 or _STARTS_LOWER.match(line) or line.endswith((".", ",")):
        return False
    if not re.search(r"\s[-–—|•]\s|\|", line):
        return False
    return bool(_date_and_rest(line)[0])


def strip_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Pages without their running headers, footers and page numbers, and the removed
    header lines (first seen first)."""
    pages = [[squash(ln) for ln in p if squash(ln)] for p in pages]
    edges = Counter()
    for p in pages:
        edges.update({_shape(ln) for ln in p[:EDGE_LINES] + p[-EDGE_LINES:]})
    repeated = {s for s, n in edges.items() if n >= 2} if len(pages) >= 2 else set()
    kept, removed = [], []

    def furniture(line: str) -> bool:
        return _shape(line) in repeated or is_page_number(line) or _dated_header(line)

    for p in pages:
        top = 0
        while top < min(EDGE_LINES, len(p)) and furniture(p[top]):
            removed.append(p[top])
            top += 1
        bottom = len(p)
        while bottom > top and len(p) - bottom < EDGE_LINES and furniture(p[bottom - 1]):
            bottom -= 1
        kept.append(p[top:bottom])
    seen, headers = set(), []
    for ln in removed:
        if not is_page_number(ln) and ln not in seen:
            seen.add(ln)
            headers.append(ln)
    return kept, headers


def _join_hyphen(left: str, right: str, vocabulary: set[str]) -> str:
    m = _HYPHEN_END.search(left)
    head = m.group(1)
    tail = re.match(r"\w+", right)
    tail_word = tail.group(0) if tail else ""
    if f"{head}-{tail_word}".lower() in vocabulary:  # a real compound: keep its hyphen
        return left[:-1] + "-" + right
    return left[:-1] + right


def _ends_paragraph(line: str, nxt: str | None, full: int) -> bool:
    """Whether a layout line closes its paragraph: it ends a sentence and is clearly
    shorter than a full line, or the next line opens a new sentence. An abbreviation or
    an initial at the end ("M.", "J.") never closes one."""
    if not _END.search(line) or _ABBREV_END.search(line):
        return False
    if len(line) < 0.8 * full:
        return True
    return nxt is None or not _STARTS_LOWER.match(nxt)


def unwrap(lines: list[str], width: int | None = None) -> list[str]:
    """Paragraphs from layout lines (an empty line always ends one), hyphenated words
    joined. A sentence is never cut; a paragraph may be split where a sentence ends at
    the end of a line."""
    text_lines = [squash(ln) for ln in lines]
    full = width or max((len(ln) for ln in text_lines), default=0)
    vocabulary = {w.lower() for ln in text_lines for w in re.findall(r"\w+(?:-\w+)+", ln)}
    paras, cur = [], ""
    for i, line in enumerate(text_lines):
        if not line:
            if cur:
                paras.append(cur)
                cur = ""
            continue
        if not cur:
            cur = line
        elif _HYPHEN_END.search(cur) and _STARTS_LOWER.match(line):
            cur = _join_hyphen(cur, line, vocabulary)
        else:
            cur = f"{cur} {line}"
        nxt = next((ln for ln in text_lines[i + 1:i + 2] if ln), None)
        if _ends_paragraph(line, nxt, full):
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return paras


def split_title(lines: list[str]) -> tuple[str, list[str]]:
    """(title, other lines) when the first line reads like a headline and the next one
    opens a sentence; ("", lines) otherwise."""
    if len(lines) >= 2 and _looks_like_title(lines[0]) and not _STARTS_LOWER.match(lines[1]) \
            and not _HYPHEN_END.search(lines[0]):
        return lines[0], lines[1:]
    return "", lines


def _looks_like_title(line: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", line)
    return 2 <= len(words) and len(line) <= 160 and not re.search(r"[.;,]$", line) and not is_dateline(line)


def is_dateline(line: str) -> bool:
    """A short line that is a date, or a newspaper's name and a date ("Le Journal, mardi
    1 mars 2022"), not a sentence."""
    line = squash(line)
    if len(line) > 90 or line.endswith((".", ",", ";")):
        return False
    iso, _, rest = _date_and_rest(line)
    return bool(iso) and len(rest.split()) <= 6 and len(line) - len(rest) >= 8


def _date_and_rest(line: str) -> tuple[str, str, str]:
    """(iso date, precision, the line's other text) of a header line holding a date."""
    iso, precision = parse_date(line)
    if not iso:
        return "", "", ""
    parts = [squash(p) for p in re.split(r"\s[-–—|•·]\s|\||,\s", line) if squash(p)]
    rest = [p for p in parts if not parse_date(p)[0] and not is_page_number(p)]
    return iso, precision, (rest[0] if rest else "")


def finish_layout(doc, paragraphs: list[str], header_lines: list[str], title: str = ""):
    """Fill ``doc`` from the paragraphs of a PDF or Word file (in reading order)."""
    from .pubdate import find_publication_date
    from .document import content_hash, safe_str

    paras = [squash(p) for p in paragraphs if squash(p)]
    paras = [p for p in paras if not is_credit_line(p)]
    # "Le Journal, mardi 1 mars 2022" above the title: the newspaper and the date
    dated_lines = []
    while paras and is_dateline(paras[0]) and squash(paras[0]) != squash(title):
        dated_lines.append(paras.pop(0))
    if not title and paras and _looks_like_title(paras[0]):
        title = paras[0]
    if title and paras and squash(paras[0]) == squash(title):
        paras = paras[1:]
    # a date line or a byline right under the title is a header, not text
    head = "\n".join(dated_lines + [title] + paras[:4])
    value, precision, evidence = find_publication_date(head)
    while paras and len(paras[0]) <= 100 and not re.search(r"[.]$", paras[0]):
        first = paras[0]
        byline = split_byline(first)
        if byline != first and len(byline.split()) <= 6:
            doc.author = doc.author or byline
        elif value and parse_date(first)[0]:
            dated_lines.append(first)
        else:
            break
        paras = paras[1:]
    if not doc.title:
        doc.title = safe_str(title)
    if value and not doc.published:
        doc.published, doc.published_precision = value, precision
        doc.date_source, doc.date_evidence = "text", evidence
    for line in header_lines + dated_lines:
        iso, precision, rest = _date_and_rest(line)
        if iso and not doc.published:
            doc.published, doc.published_precision = iso, precision
            doc.date_source, doc.date_evidence = "text", f"running header: {line}"
        if iso and rest and len(rest.split()) <= 6 and not re.search(r"\d", rest):
            doc.meta["newspaper"] = safe_str(rest)
            if doc.source.lower().endswith((".pdf", ".docx")):  # not a source given in metadata.csv
                doc.source = safe_str(rest)
            break
    if header_lines:
        doc.meta["running_header"] = safe_str(" | ".join(header_lines))
    if not doc.published:
        doc.date_source = doc.date_source or "none"
    doc.text = safe_str("\n\n".join(paras))
    if not doc.text:
        return doc.fail("read", "no text found (a scanned document needs OCR first)")
    doc.content_hash = content_hash(doc.text)
    return doc
