"""Europresse HTML exports: one file, many ``<article>`` elements, one document each.

What an article of an export holds (learnt from the layout of public exports and the
parsers that read them, R's tm.plugin.europresse, CERES's europarser, médialab's minet):

- ``span.DocPublicationName``: the newspaper, sometimes with an issue number or an
  edition on a second line ("Le Quotidien, no. 24099");
- ``span.DocHeader``: the date line, "Rubrique, mardi 1 mars 2022 1062 mots, p. 3"
  (section, weekday and date, word count, page; each part may be missing);
- ``div.titreArticle``: the title (``.titreArticleVisu``), with an optional kicker before
  it and a subtitle after it;
- ``div.docAuthors`` or the ``p.sm-margin-bottomNews`` after the title block: the author;
- ``div.docOcurrContainer`` (inside ``div.DocText``): the body paragraphs, where a
  "Cet article est paru dans …" link gives the article's web address;
- ``aside`` (illustrations, notes) and ``footer`` (copyright, the certificate of use and
  the document id ``news·20220301·LM·…``), never part of the body.

>>> looks_like_europresse('<article><span class="DocPublicationName">X</span></article>')
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..lexicon import words
from .exports import LEXICON, Article, clean_source, looks_like_byline, split_byline, squash

_DATE_IN_ID = re.compile(r"news·(\d{4})(\d{2})(\d{2})·")
_ID = re.compile(r"news·\d{8}·[^\s·]+·[^\s<]+")
_WORDS_PAGES = re.compile(r"\b\d+(?:[\s.]\d{3})?\s+(?:mots|words)\b.*$|,?\s*\bp\.\s*\d.*$", re.I)


def looks_like_europresse(text: str) -> bool:
    """An HTML page with Europresse's article markup (not only its file name)."""
    head = text[:400_000]
    return "DocPublicationName" in head and ("<article" in head or "titreArticle" in head)


def _cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _text(el) -> str:
    return squash(el.text_content()) if el is not None else ""


def _first(node, xpath: str):
    found = node.xpath(xpath)
    return found[0] if found else None


def _body_text(container) -> tuple[str, str]:
    """(paragraphs separated by blank lines, url of the "paru dans" link)."""
    from lxml import etree

    url = ""
    for a in container.xpath(".//a"):
        label = squash(a.text_content()).lower()
        if "paru dans" in label:
            url = url or (a.get("href") or "")
            a.drop_tree()
    for br in container.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    blocks = container.xpath(".//p | .//h1 | .//h2 | .//h3 | .//h4 | .//li | .//blockquote")
    if blocks:
        paras = []
        for b in blocks:
            if b.xpath("ancestor::p | ancestor::li | ancestor::blockquote"):
                continue  # nested: read with its parent
            paras.append(b.text_content())
        # text sitting directly in the container, outside any paragraph
        loose = (container.text or "").strip()
        if loose:
            paras.insert(0, loose)
        text = "\n\n".join(paras)
    else:
        text = etree.tostring(container, method="text", encoding="unicode")
    return text, url


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(w.lower() for w in words(LEXICON, "weekdays"))


def _date_line(header: str) -> tuple[str, str]:
    """(section, date part) of a DocHeader line."""
    header = squash(header)
    parts = [p.strip() for p in header.split(",")]
    section = []
    for p in parts:
        if re.search(r"\d", p):
            break
        section.append(p)
    if len(section) == len(parts):  # no date at all: the whole line is not a section
        section = []
    days = _weekdays()
    while section and section[-1].lower() in days:  # "Thursday, December 22, 2022"
        section.pop()
    rest = ", ".join(parts[len(section):])
    return ", ".join(section), _WORDS_PAGES.sub("", rest).strip(" ,")


def _title_block(article) -> tuple[str, str, list[str]]:
    """(kicker, title, subtitle) of an article."""
    block = _first(article, f".//div[{_cls('titreArticle')}]")
    title_el = _first(article, f".//*[{_cls('titreArticleVisu')} or {_cls('rdp__articletitle')}]")
    if title_el is None:
        return "", _text(block), []
    kicker, subtitle = [], []
    if block is not None:
        seen = False
        for el in block.iterchildren():
            if el is title_el or title_el in el.iterancestors():
                seen = True
                continue
            if el.tag in ("p", "div", "span"):
                (subtitle if seen else kicker).append(_text(el))
    return " ".join(k for k in kicker if k), _text(title_el), [s for s in subtitle if s]


def _author(article, block) -> str:
    el = _first(article, f".//div[{_cls('docAuthors')}]")
    if el is None and block is not None:
        el = _first(block, f"following-sibling::*[1][self::p and {_cls('sm-margin-bottomNews')}]")
    text = _text(el)
    return split_byline(text) if text and len(text) <= 200 else ""


def _author_in_title_block(subtitle: list[str]) -> tuple[str, list[str]]:
    """(author, subtitle): some exports close the title block with the byline."""
    if len(subtitle) >= 1 and looks_like_byline(subtitle[-1]) and (
            len(subtitle) >= 2 or split_byline(subtitle[-1]) != subtitle[-1]):
        return split_byline(subtitle[-1]), subtitle[:-1]
    return "", subtitle


def parse_article(article) -> Article | None:
    """The :class:`Article` of one ``<article>`` element (None when it is not a press article)."""
    pub = _first(article, f".//span[{_cls('DocPublicationName')}]")
    if pub is None:
        return None
    for br in pub.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    source = clean_source(pub.text_content())
    header = _text(_first(article, f".//span[{_cls('DocHeader')}]"))
    section, date = _date_line(header)
    kicker, title, subtitle = _title_block(article)
    block = _first(article, f".//div[{_cls('titreArticle')}]")
    author = _author(article, block)
    if not author:
        author, subtitle = _author_in_title_block(subtitle)
    ident = _text(_first(article, f".//*[{_cls('publiC-lblNodoc')}]"))
    m = _ID.search(ident or article.text_content())  # "Numéro de document : news·…"
    ident = m.group(0) if m else ident
    m = _DATE_IN_ID.search(ident)
    date_iso = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""
    container = _first(article, f".//div[{_cls('docOcurrContainer')}]")
    if container is None or not _text(container):
        container = _first(article, f".//div[{_cls('DocText')}]")
    body, url = _body_text(container) if container is not None else ("", "")
    return Article(body=body, title=title, source=source, date=date, date_iso=date_iso, author=author,
                   section=section, url=url, ident=ident,
                   meta={"kicker": kicker, "subtitle": " ".join(subtitle), "date_line": header})


def iter_articles(html: str) -> Iterator[Article]:
    """The articles of an export, in file order."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for el in root.iter("article"):
        art = parse_article(el)
        if art is not None:
            yield art
