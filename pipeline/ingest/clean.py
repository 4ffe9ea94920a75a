"""Remove web artefacts before NLP, keeping prose and paragraph structure.

The cleaned text is what the pipeline analyses and what ``documents.parquet`` stores:
every ``start_char``/``end_char`` in the output tables indexes it exactly.
"""
from __future__ import annotations

import html
import re

import emoji

# <script>/<style>/… blocks with their content
_DROP_BLOCKS = re.compile(r"<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SUP = re.compile(r"<sup\b[^>]*>.*?</sup\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote)\b[^>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
# markdown: images first, then links [text](target) and reference-less [text](#)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]\n]|\\\[|\\\])*)\]\([^)\n]*\)")
_MD_ESCAPED_BRACKET = re.compile(r"\\([\[\]])")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_MD_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_MD_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.M)
_FOOTNOTE_ARROW = re.compile(r"[↑^]\s*")
# stray regional indicators (half a flag), variation selectors, zero-width chars
_INVISIBLE = re.compile("[\U0001F1E6-\U0001F1FF\uFE0E\uFE0F\u200B-\u200D\u2060\uFEFF\u00AD]")
# characters in the blocks where emoji and pictographs live (ℹ, ©, ™, ⚠, ✅, 🇷🇺 …)
_MAYBE_PICTOGRAPH = re.compile("[\u00A9\u00AE\u203C-\u3299\U0001F000-\U0001FAFF\uFE0F]")
# C0/C1 control characters, lone surrogates (from JSON escapes) and non-characters: never
# text, and XML (GraphML, GEXF) cannot hold them
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# other line and page breaks become line breaks (\f: page break in PDF extractions)
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028]")
_SPACES = re.compile(r"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def clean_text(text: str) -> str:
    """Return ``text`` without markup, pictographs and layout noise.

    >>> clean_text("L'**OTAN** ℹ️ a [révélé](#) un plan<sup>1</sup>.")
    "L'OTAN a révélé un plan."
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    text = _LINE_BREAKS.sub("\n", text)
    # each pattern runs only when the character it starts with is present (most press
    # text has no markup at all, and a re-run on a cached corpus still cleans every text)
    if "<" in text:
        text = _COMMENT.sub(" ", text)
        text = _DROP_BLOCKS.sub(" ", text)
        text = _SUP.sub("", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    text = html.unescape(text)
    # invisible and control characters go before markdown is read: "*\x08 x" is a bullet
    # once the backspace is gone, and cleaning must give the same text when run twice
    if _MAYBE_PICTOGRAPH.search(text):  # emoji's scan is slow: only run it when needed
        text = emoji.replace_emoji(text, replace="")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)  # "*\u00a0x" is a bullet too
    if "[" in text:
        text = _MD_IMAGE.sub(r"\1", text)
        text = _MD_LINK.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPED_BRACKET.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _MD_BOLD.sub(r"\2", text)
    if "*" in text:
        text = _MD_ITALIC.sub(r"\1", text)
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    text = _MD_BULLET.sub("", text)
    text = _FOOTNOTE_ARROW.sub("", text) if "↑" in text else text
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    text = re.sub(r" +([,.;:!?)»])", _space_before_punct, text)
    text = unwrap_lines(text)
    return text.strip()


# a line break inside a sentence: after a letter or a comma, before a lowercase letter
_WRAP = re.compile(r"(?<=[^\W\d_]|,)\n(?=[a-zà-ÿ])")
_SINGLE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
_WRAP_MIN = 3


def unwrap_lines(text: str) -> str:
    """Join the lines of a text hard-wrapped at a fixed width ("celle de l'Arabie\\nsaoudite"):
    when at least three line breaks fall inside a sentence (after a letter or a comma, before
    a lowercase letter) and they are at least half of the single line breaks, each becomes a
    space. A text with only a stray one keeps it: a rubric line ("International") or a date
    line before a lowercase line is layout, not a wrap.

    >>> unwrap_lines("Une défection, celle de l'Arabie\\nsaoudite, puis\\nde l'Irak et\\ndu Koweït.")
    "Une défection, celle de l'Arabie saoudite, puis de l'Irak et du Koweït."
    """
    if "\n" not in text:
        return text
    wraps = len(_WRAP.findall(text))
    if wraps < _WRAP_MIN or 2 * wraps < len(_SINGLE_BREAK.findall(text)):
        return text
    return _WRAP.sub(" ", text)


def _space_before_punct(m: re.Match) -> str:
    # French typography keeps a space before ; : ! ? » — only drop spaces that
    # markup removal left before , . and )
    ch = m.group(1)
    return ch if ch in ",.)" else m.group(0)
