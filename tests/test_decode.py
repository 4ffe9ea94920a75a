import codecs

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.decode import DecodeError, decode_bytes

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
