r"""Plain text of an RTF file (Factiva's RTF exports, Word's "Save as RTF").

A small reader of the RTF syntax: groups ``{…}``, control words ``\word-12`` and symbols
``\'e9`` / ``\u233?``. Paragraph marks become line breaks; font tables, styles, pictures,
headers, footers and every ``{\*\…}`` destination are skipped.

>>> rtf_to_text(rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}\f0 Le pr\'e9sident\par L\u8217?OTAN}")
'Le président\nL’OTAN'
"""
from __future__ import annotations

import re

_TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([\r\n]+)|([^\\{}\r\n]+)", re.S)
_SKIP = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"header", b"footer", b"headerl",
         b"headerr", b"headerf", b"footerl", b"footerr", b"footerf", b"listtable", b"listoverridetable",
         b"rsidtbl", b"generator", b"xmlnstbl", b"themedata", b"colorschememapping", b"latentstyles",
         b"datastore", b"object", b"filetbl", b"revtbl", b"fldinst", b"bkmkstart", b"bkmkend"}
_SPECIAL = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"cell": " ",
            b"tab": "\t", b"emdash": "—", b"endash": "–", b"lquote": "‘", b"rquote": "’",
            b"ldblquote": "“", b"rdblquote": "”", b"bullet": "•", b"emspace": " ", b"enspace": " "}


def rtf_to_text(data: bytes) -> str:
    """The text of an RTF document (its code page from ``\\ansicpg``, cp1252 by default)."""
    m = re.search(rb"\\ansicpg(\d+)", data[:4096])
    codepage = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    out: list[str] = []
    pending = bytearray()  # \'hh bytes, decoded together (multi-byte code pages)
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip = False, 1, 0

    def flush():
        if pending:
            if not skip:
                out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    for tok in _TOKEN.finditer(data):
        word, arg, hexa, sym, brace, newline, text = tok.groups()
        if hexa is None:
            flush()
        if brace == b"{":
            stack.append((skip, uc))
            continue
        if brace == b"}":
            skip, uc = stack.pop() if stack else (False, 1)
            continue
        if newline is not None:
            continue
        if to_skip and (hexa is not None or text is not None):
            if text is not None and len(text) > to_skip:
                text, to_skip = text[to_skip:], 0
            else:
                to_skip -= 1 if hexa is not None else len(text)
                to_skip = max(to_skip, 0)
                continue
        if hexa is not None:
            pending.append(int(hexa, 16))
        elif sym is not None:
            if sym == b"*":
                skip = True
            elif sym in (b"{", b"}", b"\\") and not skip:
                out.append(sym.decode())
            elif sym == b"~" and not skip:
                out.append("\u00a0")
            elif sym == b"_" and not skip:
                out.append("-")
            elif sym in (b"\n", b"\r") and not skip:
                out.append("\n")
        elif word is not None:
            if word in _SKIP:
                skip = True
            elif word == b"uc" and arg:
                uc = int(arg)
            elif word == b"u" and arg:
                if not skip:
                    n = int(arg)
                    out.append(chr(n + 65536 if n < 0 else n))
                to_skip = uc
            elif word in _SPECIAL and not skip:
                out.append(_SPECIAL[word])
            elif word == b"pard" or word == b"plain":
                pass
        elif text is not None and not skip:
            out.append(text.decode(codepage, errors="replace"))
    flush()
    text = "".join(out)
    return re.sub(r"[ \t]+\n", "\n", text).strip()
