"""Publication date of a document, from its header/byline, file name or URL.

>>> find_publication_date("03/12/2025 ssofidelis.substack.com  4min\\n\\nTitre\\n")
('2025-12-03', 'day', 'header: 03/12/2025')
>>> find_publication_date("Titre\\n\\nLe texte parle du 24 février 2022 dans le corps.")
('', '', '')

Where we look (never in the body, never "today"):

1. **Header**: the first 5 non-empty lines. A date counts there when it is
   - introduced by a marker: ``Publié le``, ``Publiée le``, ``Date de publication :``,
     ``Date :``/``date`` at the start of a line, ``Mis à jour le`` (least preferred), or
   - in a byline: a line starting with ``Par``/``By``/``De`` (``Par Andrew Korybko, le
     2 décembre 2025``), or
   - at the start of a line (``03/12/2025 ssofidelis.substack.com``, ``24 févr. 2022 |
     Le Monde``) unless it opens a sentence of body text (``24 février 2022, la Russie…``
     on a long line), or
   - in a wire dateline at the start of the text (``VARSOVIE, 21 février 2023 (AFP) -``), or
   - anywhere in a short line (<= 80 characters) when it is not governed by a
     preposition (``le``, ``du``, ``depuis``, ``en``…) — a title such as "Ce qui s'est
     passé le 24 février 2022" is not a publication date.
2. **Footer**: the last 3 non-empty lines, only with a ``Publié le`` / ``Mis à jour le``
   / ``Date de publication`` marker or a byline (a references list ending an article is
   not a date line).
3. **URL** (``/2022/02/24/``, ``/2022/02/``, ``2022-02-24`` in the slug), then **file
   name** (``2022-02-24_otan.txt``, ``20220224-otan.txt``).

Choice among several header dates: an explicit ``Publié le`` wins; otherwise the FIRST
date in reading order (line 1 before the byline: what the publisher's page shows above
the article, e.g. ``03/12/2025`` before ``Par …, le 2 décembre 2025``); ``Mis à jour``
dates only when nothing else is found. Impossible dates (31/02/2024) are rejected.
Result: ``(value, precision, evidence)`` with value ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``, precision ``day``/``month``/``year``, evidence ``"header: <text>"``,
``"footer: <text>"``, ``"url: <text>"``, ``"filename: <text>"``; ``("", "", "")`` when
there is no evidence.
"""
from __future__ import annotations

import calendar
import os
import re
from urllib.parse import unquote, urlparse

from .. import lexicon
from ..nlp.timex.anchors import resolve
from ..nlp.timex.candidates import find_candidates
from ..nlp.timex.vocabulary import alternation, vocabulary

__all__ = ["find_publication_date"]

HEADER_LINES = 5
FOOTER_LINES = 3
SHORT_LINE = 80

WORDS_FILE = "pubdate_fr.yaml"  # models/pubdate_fr.yaml


def _words(key: str) -> str:
    """The list ``key`` of ``models/pubdate_fr.yaml`` as a regex alternation."""
    return alternation(lexicon.word_list(WORDS_FILE, key))


_WEEKDAYS = alternation(w for _, names in sorted(vocabulary()["weekdays"].items()) for w in names)
_PUBLISHED = re.compile(r"(?<![\w])(?:" + _words("published_markers") + r")\s*(?:le|:|en)?\s*$", re.I)
_UPDATED = re.compile(r"(?<![\w])(?:" + _words("updated_markers") + r")\s*(?:le|:)?\s*$", re.I)
_DATE_KW = re.compile(r"^\s*(?:" + _words("date_labels") + r")\s*:?\s*$", re.I)
_BYLINE = re.compile(r"^\s*(?:" + _words("byline_openers") + r")\s+\S", re.I)
_LINE_START = re.compile(r"^\s*(?:le\s+|(?:" + _WEEKDAYS + r")\s*,?\s*)?$", re.I)
_GOVERNED = re.compile(r"(?<![\w])(?:" + _words("governing_words") + r")\s*$", re.I)
_REFERENCE = re.compile(r"(?:" + _words("reference_markers") + r")", re.I)
_BYLINE_SEP = re.compile(r"(?:[,|–—·•-]\s*(?:le\s+)?|\s+le\s+)$", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
# a wire dateline: "VARSOVIE, 21 février 2023 (AFP) - Joe Biden a promis..."
_DATELINE_BEFORE = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ .-]{1,40}(?:\s*\([^)]{1,40}\))?\s*,\s*(?:le\s+)?$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(\s*[A-Za-zÀ-ÿ/ .-]{2,30}\)\s*)?[-–—]")
_MARKDOWN = re.compile(r"^[\s#>*_\-]*|[\s*_]*$")

_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
_FILE_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_FILE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_](0[1-9]|1[0-2])(?![\d])")


def _valid(y: int, m: int, d: int | None = None) -> bool:
    return 1 <= m <= 12 and (d is None or 1 <= d <= calendar.monthrange(y, m)[1])


def _dates_in(line: str):
    """Yield (start, end, value, precision) for each absolute date with a year in ``line``."""
    for c in find_candidates(line, timeml=False):  # the older extents: "Publié le" stays before the date
        if c.kind != "abs" or c.year is None or c.in_range:
            continue
        r = resolve(c)
        if r is None or "X" in r.value:
            continue
        yield c.start, c.end, r.value, r.precision


#: characters of a header or footer line searched for a publication date: such dates sit
#: near the start of short lines, and reading a megabyte-long line whole for each date it
#: holds would take time quadratic in its length
MAX_LINE_CHARS = 2_000


def _clean(line: str) -> str:
    return _MARKDOWN.sub("", line.replace("\u00a0", " ").replace("\u202f", " "))


def _classify(line: str, start: int, end: int, precision: str, footer: bool, bullet: bool = False) -> str | None:
    """'published', 'updated', 'plain' or None (not a publication date)."""
    before = line[:start]
    after = line[end:]
    if _PUBLISHED.search(before):
        return "published"
    if _UPDATED.search(before):
        return "updated"
    if _DATE_KW.match(before):
        return "plain"
    if _REFERENCE.search(line):  # a reference: "(consulté le ...)"
        return None
    if _BYLINE.match(line) and _BYLINE_SEP.search(before) and len(line) <= 160 and precision != "year":
        return "plain"
    if footer or precision == "year":
        return None
    if _DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after) and precision == "day":
        return "plain"
    if bullet:
        return None
    if _LINE_START.match(before):
        # "24 février 2022, la Russie lance..." opens a sentence of body text
        n_words = len(re.findall(r"\w+", after))
        sentence = (re.match(r"^\s*[,:;]", after) and n_words >= 3) or (
            n_words >= 6 and line.rstrip()[-1:] in ".!?»\"…")
        return None if sentence else "plain"
    if len(line) <= SHORT_LINE and not _GOVERNED.search(before):
        return "plain"
    if len(line) <= SHORT_LINE and _BYLINE_SEP.search(before) and re.search(r"[,|–—·•]", before):
        return "plain"
    return None


def _from_text(text: str) -> tuple[str, str, str]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    header = lines[:HEADER_LINES]
    footer = lines[HEADER_LINES:][-FOOTER_LINES:]
    found: list[tuple[int, int, str, str, str]] = []  # (rank, order, value, precision, evidence)
    order = 0
    for where, block in (("header", header), ("footer", footer)):
        for raw in block:
            line = _clean(raw[:MAX_LINE_CHARS])
            bullet = bool(_BULLET.match(raw))
            for s, e, value, precision in _dates_in(line):
                kind = _classify(line, s, e, precision, footer=(where == "footer"), bullet=bullet)
                order += 1
                if kind is None:
                    continue
                rank = {"published": 0, "plain": 1, "updated": 2}[kind]
                if where == "footer" and kind == "plain":
                    rank = 1
                found.append((rank, order + (1000 if where == "footer" else 0), value, precision, f"{where}: {line[s:e]}"))
    if not found:
        return ("", "", "")
    found.sort(key=lambda t: (t[0], t[1]))
    _, _, value, precision, evidence = found[0]
    return (value, precision, evidence)


def _day_or_month(text: str, day_re: re.Pattern, month_re: re.Pattern, kind: str) -> tuple[str, str, str]:
    """A ``YYYY MM DD`` or ``YYYY MM`` date in a URL path or file name."""
    m = day_re.search(text)
    if m:  # a full date that does not exist (2022/02/30) is no evidence at all
        if not _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return ("", "", "")
        return (f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day", f"{kind}: {m.group(0)}")
    m = month_re.search(text)
    if m:
        return (f"{m.group(1)}-{m.group(2)}", "month", f"{kind}: {m.group(0)}")
    return ("", "", "")


def _from_url(url: str) -> tuple[str, str, str]:
    return _day_or_month(unquote(urlparse(url).path or url), _URL_DAY, _URL_MONTH, "url")


def _from_filename(filename: str) -> tuple[str, str, str]:
    return _day_or_month(os.path.basename(str(filename)), _FILE_DAY, _FILE_MONTH, "filename")


def find_publication_date(text: str, filename: str | None = None, url: str | None = None) -> tuple[str, str, str]:
    """Publication date of a document as ``(value, precision, evidence)``; see the module doc."""
    if isinstance(text, str) and text:
        res = _from_text(text)
        if res[0]:
            return res
    if url:
        res = _from_url(url)
        if res[0]:
            return res
    if filename:
        res = _from_filename(filename)
        if res[0]:
            return res
    return ("", "", "")
