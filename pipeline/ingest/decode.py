"""Turn raw bytes into text: UTF-8 (with or without BOM), UTF-16/32 by BOM, else detected.

French press exports are often cp1252 or latin-1; charset-normalizer detects those.
Binary content (PDF renamed .txt, images, archives, NUL-filled files) is refused with a
clear reason. Rules, in order:

1. a byte-order mark decides (UTF-8, UTF-32, UTF-16); a few undecodable bytes after it
   (at most 1 %) become U+FFFD, more fall through to detection;
2. a known binary signature (PDF, ZIP/Office, images, archives, executables…) is refused;
3. NUL bytes: UTF-16 without BOM is recognised by its NUL in every other byte; a text with
   a few stray NULs (at most 4, or 1 % of the bytes) is read
   without them; otherwise refused;
4. strict UTF-8, else cp1252 when its non-ASCII characters are letters or French
   punctuation, else charset-normalizer's best guess;
5. a result with more than 5 % control characters is refused as binary.

Only :class:`DecodeError` leaves :func:`decode_bytes`: a failure of the detector itself
falls back to cp1252.
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
    b"MZ\x90\x00": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office file",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"SQLite format 3\x00": "an SQLite database",
    b"{\\rtf": "an RTF document",
    b"ID3\x03": "an MP3 file",
    b"ID3\x04": "an MP3 file",
    b"OggS": "an Ogg file",
}
# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
_BOMS = ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
         (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))
_MAX_REPLACED = 0.01  # share of U+FFFD tolerated after a BOM
_MAX_NULS = 0.01  # share of stray NUL bytes tolerated in a text


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``; raise :class:`DecodeError` for binary or undecodable content.

    >>> decode_bytes("élan".encode("cp1252")).text
    'élan'
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = _decode_tolerant(body, codec)
            if text is not None:
                return Decoded(text, name)
            if codec == "utf-8":  # a BOM glued onto cp1252 text: detect the rest
                data = body
                break
            raise DecodeError(f"invalid {name.upper()} text (byte-order mark followed by undecodable bytes)")
    what = _is_binary_signature(data)
    if what:
        raise DecodeError(f"binary content: looks like {what}")
    stray_nuls = False
    if b"\x00" in data[:65536]:
        utf16 = _guess_bomless_utf16(data)
        if utf16 is not None:
            return utf16
        if data.count(b"\x00") > max(4, _MAX_NULS * len(data)):
            raise DecodeError("binary content: contains NUL bytes")
        data, stray_nuls = data.replace(b"\x00", b""), True  # a few stray NULs in a text file
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # French single-byte text is almost always cp1252 (a superset of latin-1's
        # printable letters): accept it when its non-ASCII characters are letters.
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text = ""
        if not text or _latin_letter_share(text) < 0.6:
            text, encoding = _detect(data)
    if _control_ratio(text) > 0.05:
        nuls = "contains NUL bytes and " if stray_nuls else ""
        raise DecodeError(f"binary content: {nuls}too many control characters to be text")
    return Decoded(text, encoding)


def _is_binary_signature(data: bytes) -> str:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    if data[4:8] == b"ftyp":
        return "an MP4/MOV video"
    if data[:4] == b"RIFF" and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a RIFF (WAV/AVI/WebP) file"
    if data[:3] == b"BZh" and data[4:10] == b"1AY&SY":
        return "a bzip2 archive"
    return ""


def _decode_tolerant(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly, or with U+FFFD for a few bad bytes; None when too damaged."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    return text if text.count("\ufffd") <= max(1, _MAX_REPLACED * len(text)) else None


def _detect(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best guess; cp1252 with replacement characters when it has none
    or fails (it is third-party code: any exception falls back)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        if best is not None:
            return data.decode(best.encoding), best.encoding
    except Exception:  # noqa: BLE001 - detector failure: fall back below
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


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
            text = _decode_tolerant(data[: len(data) // 2 * 2], codec)
            if text is None or _control_ratio(text) > 0.05:
                return None
            return Decoded(text, codec)
    return None
