"""What the press-database readers share: article records, credit lines, dates, bylines.

An export (Europresse, Factiva) holds many articles; each becomes one :class:`Article`,
turned into a :class:`pipeline.ingest.document.Document` by :func:`to_document`. The body
keeps only the article's own paragraphs: every header, date line, identifier, copyright
and credit line is left out (the lists live in ``models/exports.yaml``).

>>> is_credit_line("© 2022 Le Quotidien. Tous droits réservés.")
True
>>> is_credit_line("Le ministre a parlé de copyright lors de sa visite à Lyon.")
False
>>> clean_source("Le Quotidien du Nord, no. 24099")
'Le Quotidien du Nord'
>>> split_byline("Par Jeanne Martin")
'Jeanne Martin'
>>> english_date("Tuesday, 1 March 2022")
'2022-03-01'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import load_lexicon, word_list

LEXICON = "exports.yaml"
#: a line longer than this is article text, whatever it starts with
CREDIT_MAX_CHARS = 220
_SPACES = re.compile(r"\s+")
_ISSUE = re.compile(r"\s*[,;(–-]?\s*\b(?:no|n°|num[ée]ro|nr)\.?\s*\d[\d\s]*\)?.*$", re.I)
_EUROPRESSE_ID = re.compile(r"news·\d{8}·[^\s·]+·[^\s<]+")


@dataclass
class Article:
    """One article of an export, before cleaning."""
    body: str  # paragraphs separated by blank lines (plain text, may hold inline markup)
    title: str = ""
    source: str = ""  # the newspaper
    date: str = ""  # as printed ("mardi 1 mars 2022")
    date_iso: str = ""  # when the export states it unambiguously (an id, a numeric field)
    author: str = ""
    section: str = ""
    url: str = ""
    ident: str = ""  # the database's document id
    meta: dict = field(default_factory=dict)


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, trimmed."""
    return _SPACES.sub(" ", text or "").strip()


@lru_cache(maxsize=1)
def _credit_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(w.lower() for w in word_list(LEXICON, "credit_prefixes")),
            tuple(w.lower() for w in word_list(LEXICON, "credit_phrases")))


def is_credit_line(line: str) -> bool:
    """A short line that is a copyright, credit, cross-reference or database line."""
    text = squash(line).lower()
    if not text or len(text) > CREDIT_MAX_CHARS:
        return False
    prefixes, phrases = _credit_words()
    if text.startswith(prefixes) or any(p in text for p in phrases):
        return True
    return bool(_EUROPRESSE_ID.search(text)) or bool(re.fullmatch(r"document\s+[a-z0-9]{16,}", text))


def clean_source(name: str) -> str:
    """The newspaper's name without its issue number, edition line or trailing commas."""
    name = (name or "").replace("\xa0", " ")
    lines = [squash(ln) for ln in re.split(r"\n|\s{6,}", name) if squash(ln)]
    name = lines[0] if lines else ""
    name = _ISSUE.sub("", name)
    return name.strip(" ,;:-–")


@lru_cache(maxsize=1)
def _byline_words() -> tuple[str, ...]:
    return tuple(sorted(word_list(LEXICON, "byline_words"), key=len, reverse=True))


def split_byline(line: str) -> str:
    """The names of a byline line ("Par Jeanne Martin" -> "Jeanne Martin")."""
    text = squash(line)
    low = text.lower()
    for w in _byline_words():
        if low.startswith(w + " "):
            return text[len(w):].strip(" :,")
    return text


def looks_like_byline(line: str) -> bool:
    """A byline: "Par …"/"By …", or a few capitalised names without a full stop."""
    if split_byline(line) != squash(line):
        return True
    words = line.split()
    return 1 <= len(words) <= 5 and not line.endswith((".", "?", "!", "»", ":")) and all(
        w[:1].isupper() or w.lower() in ("de", "du", "des", "et", "la", "le", "van", "von", "d'") for w in words)


def english_date(text: str) -> str:
    """ISO date of an English date ("1 March 2022", "March 1, 2022"), else ""."""
    import datetime as dt

    months = load_lexicon(LEXICON)["english_months"]
    low = (text or "").lower()
    m = re.search(r"\b(\d{1,2})\s+([a-z]+)\s+(\d{4})\b", low) or None
    if m and m.group(2) in months:
        d, mo, y = int(m.group(1)), months[m.group(2)], int(m.group(3))
    else:
        m = re.search(r"\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b", low)
        if not m or m.group(1) not in months:
            return ""
        d, mo, y = int(m.group(2)), months[m.group(1)], int(m.group(3))
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> tuple[str, str]:
    """(iso, precision) of a printed date, French or English; ("", "") when none."""
    from .document import parse_metadata_date

    iso, precision = parse_metadata_date(text)
    if iso:
        return iso, precision
    iso = english_date(text)
    return (iso, "day") if iso else ("", "")


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of a body, credit lines and empty lines dropped."""
    from .clean import clean_text

    # before cleaning too: the cleaner drops "©" with the other pictographs
    raw = "\n".join(ln for ln in (text or "").split("\n") if not is_credit_line(ln))
    paras = [squash(p) for p in clean_text(raw).split("\n")]
    return [p for p in paras if p and not is_credit_line(p)]


def to_document(article: Article, doc_id: str, fallback_source: str, fmt: str):
    """The :class:`Document` of an article, or an error document when it has no text."""
    from .document import Document, content_hash, safe_str

    doc = Document(doc_id=safe_str(doc_id), source=safe_str(article.source or fallback_source))
    doc.title = safe_str(squash(article.title))
    doc.author = safe_str(squash(article.author))
    doc.section = safe_str(squash(article.section))
    doc.url = safe_str(article.url.strip())
    doc.meta = {"format": fmt, **{k: safe_str(v) for k, v in article.meta.items() if v}}
    if article.ident:
        doc.meta["export_id"] = safe_str(article.ident)
    if article.date_iso:
        doc.published, doc.published_precision = article.date_iso, "day"
        doc.date_source, doc.date_evidence = "metadata", f"{fmt}: {article.ident or article.date_iso}"
    if article.date:
        iso, precision = parse_date(article.date)
        if iso:
            doc.published, doc.published_precision = iso, precision
            doc.date_source, doc.date_evidence = "metadata", f"{fmt} date line: {squash(article.date)}"
    if not doc.published:
        doc.date_source = "none"
    doc.text = safe_str("\n\n".join(body_paragraphs(article.body)))
    if not doc.text:
        return doc.fail("read", f"{fmt} article without text ({doc.title or 'no title'})")
    doc.content_hash = content_hash(doc.text)
    return doc


def article_id(stem: str, ident: str, n: int) -> str:
    """``<file>#<database id>`` (stable across runs), or ``<file>#<n>`` without an id."""
    ident = re.sub(r"\s+", "", ident or "")
    return f"{stem}#{ident}" if ident else f"{stem}#{n}"
