import codecs

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.ingest.decode import DecodeError, decode_bytes

FRENCH = "L'armée française a déployé des soldats près de la frontière à l'été, déclare le ministère."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1"])
def test_french_text_in_common_encodings(encoding):
    assert decode_bytes(FRENCH.encode(encoding)).text == FRENCH


def test_cp1252_specific_characters():
    text = "« L’OTAN » coûte 3 € — œuvre"
    assert decode_bytes(text.encode("cp1252")).text == text


def test_utf8_bom_is_removed():
    d = decode_bytes(codecs.BOM_UTF8 + FRENCH.encode("utf-8"))
    assert d.text == FRENCH and d.encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    assert decode_bytes(FRENCH.encode(encoding)).text == FRENCH


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"abc\x00\x01\x02\x00\xff\xfe\x00\x00\x10binary", "NUL"),
])
def test_binary_content_is_refused_with_reason(data, what):
    with pytest.raises(DecodeError, match=what):
        decode_bytes(data)


@settings(max_examples=200)
@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_refuse_cleanly(data):
    try:
        out = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(out.text, str)


# ------------------------------------------------------------------ robustness cases
def test_empty_and_whitespace_bytes_decode_to_text():
    assert decode_bytes(b"").text == ""
    assert decode_bytes(b" \r\n\t").text.strip() == ""


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32(encoding):
    data = FRENCH.encode(encoding)
    if encoding != "utf-32":  # the BOM-less variants: only with a BOM we are sure
        data = (codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE) + data
    assert decode_bytes(data).text == FRENCH


def test_utf8_bom_before_cp1252_text_is_detected():
    data = codecs.BOM_UTF8 + ("Le président élu à Genève, " * 5).encode("cp1252")
    out = decode_bytes(data)
    assert out.text.startswith("Le président élu à Genève") and out.encoding == "cp1252"


def test_utf8_bom_with_one_bad_byte_keeps_the_text():
    data = codecs.BOM_UTF8 + ("L'armée " * 50).encode("utf-8") + b"\xff"
    out = decode_bytes(data)
    assert out.text.startswith("L'armée") and out.text.endswith("\ufffd") and out.encoding == "utf-8-sig"


def test_truncated_utf16_loses_only_the_last_byte():
    out = decode_bytes(FRENCH.encode("utf-16")[:-1])
    assert out.text[:-1] == FRENCH[:-1] and out.encoding == "utf-16"
    out = decode_bytes(FRENCH.encode("utf-16-le")[:-1])  # no BOM, odd length
    assert out.text == FRENCH[:-1] and out.encoding == "utf-16-le"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_kept_for_the_cleaner(newline):
    text = newline.join(["Ligne une.", "Ligne deux."])
    assert decode_bytes(text.encode("cp1252")).text == text


def test_a_few_stray_nul_bytes_are_dropped():
    data = ("La Pologne renforce sa frontière. " * 20).encode("utf-8")
    data = data[:100] + b"\x00" + data[100:]
    out = decode_bytes(data)
    assert "\x00" not in out.text and out.text.count("Pologne") == 20


@pytest.mark.parametrize("data,what", [
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office"),
    (b"{\\rtf1\\ansi Le texte", "RTF"),
    (b"\x00\x00\x00\x18ftypmp42", "MP4"),
    (b"\x00\x01\x02\x03" * 100, "NUL"),
    (bytes(range(1, 32)) * 20, "control characters"),
])
def test_more_binary_content_is_refused(data, what):
    with pytest.raises(DecodeError, match=what):
        decode_bytes(data)


def test_detector_failure_falls_back_to_cp1252(monkeypatch):
    import charset_normalizer

    def boom(*a, **k):
        raise RuntimeError("detector bug")

    monkeypatch.setattr(charset_normalizer, "from_bytes", boom)
    data = bytes([0x81, 0x8d, 0x8f]) * 3 + b" texte"  # not UTF-8, not cp1252: goes to the detector
    out = decode_bytes(data)
    assert out.encoding == "cp1252" and out.text.endswith(" texte")


@settings(max_examples=200)
@given(st.lists(st.sampled_from([b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9", b"\x92", b"a", b"\n", b"\r",
                                 b"%PDF", "é".encode("utf-8"), "€".encode("utf-16-le")]), max_size=60))
def test_structured_random_bytes_decode_or_refuse_cleanly(parts):
    data = b"".join(parts)
    try:
        out = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert isinstance(out.text, str) and out.encoding
    out.text.encode("utf-8")  # never lone surrogates
