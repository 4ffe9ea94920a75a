"""Turn raw bytes into text: UTF-8 (with or without BOM), UTF-16 by BOM, else detected.

French press exports are often cp1252 or latin-1; charset-normalizer detects those.
Binary content (PDF renamed .txt, images, NUL-filled files) is refused with a clear reason.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not text we can read."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP/Office file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office file",
}


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``; raise :class:`DecodeError` for binary or undecodable content.

    >>> decode_bytes("élan".encode("cp1252")).text
    'élan'
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 text ({exc.reason})") from exc
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary content: looks like {what}")
    if b"\x00" in data[:65536]:
        utf16 = _guess_bomless_utf16(data)
        if utf16 is not None:
            return utf16
        raise DecodeError("binary content: contains NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # French single-byte text is almost always cp1252 (a superset of latin-1's
    # printable letters): accept it when its non-ASCII characters are letters.
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = ""
    if not text or _latin_letter_share(text) < 0.6:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        encoding = best.encoding if best is not None else "cp1252"
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if _control_ratio(text) > 0.05:
        raise DecodeError("binary content: too many control characters to be text")
    return Decoded(text, encoding)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:100_000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad / len(sample)


def _latin_letter_share(text: str) -> float:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 1.0
    return sum(1 for c in high if c.isalpha() or c in "€«»’“”–—…°") / len(high)


def _guess_bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without BOM: ASCII-range text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    for ratio, codec in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if ratio > 0.4 and (even_nuls if codec == "utf-16-le" else odd_nuls) < 0.1:
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                return None
    return None
