"""Factiva exports: articles with field codes (HTML, RTF or text), or separated by
``Document …`` lines.

With field codes (the "full article report" of Factiva, read by R's tm.plugin.factiva),
each field starts on a line with its code, alone or followed by the value::

    HD  Le titre                      BY  the author          WC  642 mots
    PD  1 mars 2022                   SN  the newspaper       SC  its code
    SE  the section                   LA  Français            CY  the copyright line
    LP  the lead paragraphs           TD  the other paragraphs
    AN  Document LQDN000020220301ei310000a (the article's id, ends the article)

Without codes, each article ends with its ``Document <id>`` line and starts with its
title, an optional author, the word count ("642 mots"), the date, the newspaper, its code,
the language and the copyright line, then the body.

>>> arts = list(iter_articles("HD Le titre\\nPD 2 mars 2022\\nSN Le Quotidien\\nTD\\nUn texte.\\nAN Document QUOT000020220302ei320000b"))
>>> arts[0].title, arts[0].source, arts[0].date, arts[0].body, arts[0].ident
('Le titre', 'Le Quotidien', '2 mars 2022', 'Un texte.', 'QUOT000020220302ei320000b')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..lexicon import words
from .exports import (LEXICON, Article, clean_source, is_credit_line, looks_like_byline, parse_date,
                      split_byline, squash)

#: the field codes of an article, in the order Factiva prints them
CODES = ("HD", "CR", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "SE", "CLM", "LA", "CY", "LP", "TD",
         "CT", "RF", "ART", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN")
_CODE_LINE = re.compile(r"^(" + "|".join(CODES) + r")(?:[ \t\u00a0]*:?[ \t\u00a0]+(.*)|[ \t\u00a0]*:?)$")
_DOC_LINE = re.compile(r"^Document\s+([A-Za-z0-9]{16,})\s*$")
_WORD_COUNT = re.compile(r"^\d+(?:[\s.]\d{3})?\s+(?:mots|words|palabras|parole|wörter)$", re.I)
_TIME = re.compile(r"^\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:GMT|UTC|CET|CEST).*)?$", re.I)
_SOURCE_CODE = re.compile(r"^[A-Z0-9]{3,12}$")
_BODY_CODES = {"LP", "TD"}


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(w.lower() for w in words(LEXICON, "languages"))


def looks_like_factiva(text: str) -> bool:
    """Text (or HTML) holding Factiva articles: field-code lines or ``Document <id>`` lines."""
    head = text[:400_000]
    lines = [ln.strip() for ln in re.split(r"<[^>]+>|\n", head) if ln.strip()]
    codes = {m.group(1) for ln in lines if (m := _CODE_LINE.match(ln))}
    if {"HD", "AN"} <= codes or len(codes & {"HD", "WC", "PD", "SN", "SC", "LA", "TD", "AN"}) >= 4:
        return True
    return any(_DOC_LINE.match(ln) for ln in lines) and any(_WORD_COUNT.match(ln) for ln in lines)


def _lines(text: str) -> list[str]:
    return [squash(ln) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _coded(lines: list[str]) -> Iterator[dict]:
    """Field dicts (code -> list of lines) of the coded articles, in order."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in lines:
        m = _CODE_LINE.match(line)
        code = m.group(1) if m else None
        # a body paragraph may start with a code-like word ("LA PAZ …"): a code opens a
        # field only once per article, and HD opens a new article
        if code and (code not in fields or code == "HD"):
            if code == "HD" and fields:
                yield fields
                fields = {}
            current = code
            fields[code] = [m.group(2)] if m.group(2) else []
            if code == "AN":
                yield fields
                fields, current = {}, None
            continue
        if current is not None and line:
            fields[current].append(line)
        elif current is not None and current in _BODY_CODES:
            fields[current].append("")
    if fields:
        yield fields


def _from_fields(f: dict[str, list[str]]) -> Article:
    def one(code: str) -> str:
        return squash(" ".join(x for x in f.get(code, []) if x))

    body_lines = f.get("LP", []) + [""] + f.get("TD", [])
    body = "\n\n".join(x for x in body_lines if x)
    ident = re.sub(r"^Document\s+", "", one("AN"))
    return Article(body=body, title=one("HD"), source=clean_source(one("SN")), date=one("PD"),
                   author=split_byline(one("BY")), section=one("SE"), ident=ident,
                   meta={"source_code": one("SC"), "language": one("LA"), "copyright": one("CY"),
                         "word_count": one("WC")})


def _uncoded(lines: list[str]) -> Iterator[Article]:
    """Articles of an export without field codes, each closed by its ``Document <id>`` line."""
    chunk: list[str] = []
    for line in lines:
        m = _DOC_LINE.match(line)
        if not m:
            chunk.append(line)
            continue
        art = _uncoded_article(chunk, m.group(1))
        if art is not None:
            yield art
        chunk = []


def _uncoded_article(chunk: list[str], ident: str) -> Article | None:
    lines = [ln for ln in chunk if ln]
    wc = next((i for i, ln in enumerate(lines) if _WORD_COUNT.match(ln)), None)
    if wc is None or wc == 0:
        return None
    # the lines before the word count: [page header lines…], title, [author]
    head = lines[:wc]
    title, author = head[-1], ""
    if len(head) >= 2 and looks_like_byline(head[-1]):
        title, author = head[-2], split_byline(head[-1])
    i = wc + 1
    date = ""
    if i < len(lines) and parse_date(lines[i])[0]:
        date, i = lines[i], i + 1
    if i < len(lines) and _TIME.match(lines[i]):
        i += 1
    source = clean_source(lines[i]) if i < len(lines) else ""
    i += 1
    meta = {}
    while i < len(lines) and len(lines[i]) < 120 and (
            _SOURCE_CODE.match(lines[i]) or lines[i].lower() in _languages() or is_credit_line(lines[i])):
        meta.setdefault("header", []).append(lines[i])
        i += 1
    # keep paragraph breaks of the original chunk for the body
    body_start = _nth_nonempty(chunk, i)
    body = "\n\n".join(ln for ln in chunk[body_start:] if ln)
    return Article(body=body, title=title, source=source, date=date, author=author, ident=ident,
                   meta={k: " | ".join(v) for k, v in meta.items()})


def _nth_nonempty(lines: list[str], n: int) -> int:
    seen = 0
    for j, ln in enumerate(lines):
        if ln:
            if seen == n:
                return j
            seen += 1
    return len(lines)


def iter_articles(text: str) -> Iterator[Article]:
    """The articles of a Factiva export given as plain text (HTML already turned into
    text with one line per table row or paragraph)."""
    lines = _lines(text)
    coded = [f for f in _coded(lines) if "HD" in f and ({"LP", "TD"} & set(f))]
    if coded:
        for f in coded:
            yield _from_fields(f)
        return
    yield from _uncoded(lines)


def html_to_lines(html: str) -> str:
    """The text of a Factiva HTML page, one line per table row (``HD`` and its value on
    one line) and per paragraph."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for bad in root.xpath("//script | //style | //head"):
        bad.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("p", "div", "tr", "li", "h1", "h2", "h3", "table"):
        el.tail = "\n" + (el.tail or "")
        if el.tag in ("p", "div", "li"):
            el.text = "\n" + (el.text or "")
    for el in root.iter("td", "th"):
        el.tail = " " + (el.tail or "")
    text = root.text_content()
    # a code cell holds the code alone, its paragraphs follow on their own lines
    return "\n".join(ln.strip() for ln in text.split("\n"))
