"""extract.split_text: pieces for spaCy's max_length, with offsets into the whole text."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.analysis import extract
from pipeline.analysis.extract import split_text


def _check(text, pieces, limit):
    assert "".join(p for _, p in pieces) == text
    pos = 0
    for offset, piece in pieces:
        assert offset == pos and text[offset:offset + len(piece)] == piece
        assert 0 < len(piece) <= limit or text == ""
        pos += len(piece)


def test_short_text_is_one_piece():
    assert split_text("La Russie.", limit=100) == [(0, "La Russie.")]
    assert split_text("", limit=5) == [(0, "")]


def test_cuts_prefer_paragraphs_then_lines_then_sentences_then_spaces():
    text = "a" * 40 + "\n\n" + "b" * 40 + "\n" + "c" * 40
    assert [p for _, p in split_text(text, limit=60)] == ["a" * 40 + "\n\n", "b" * 40 + "\n", "c" * 40]
    text = "Une phrase courte. " * 10
    pieces = split_text(text, limit=50)
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    _check(text, pieces, 50)


def test_single_huge_line_without_spaces_is_cut_anywhere():
    text = "x" * 250_001
    pieces = split_text(text, limit=50_000)
    assert [len(p) for _, p in pieces] == [50_000] * 5 + [1]
    _check(text, pieces, 50_000)


def test_huge_single_line_of_sentences_offsets_index_the_text():
    text = "".join(f"Le {i} mars, la Russie a averti l'OTAN à Bruxelles. " for i in range(6000))  # ~310k chars
    assert "\n" not in text and len(text) > 300_000
    pieces = split_text(text)
    assert len(pieces) > 6
    _check(text, pieces, extract.CHUNK_CHARS)
    assert all(p.endswith(". ") for _, p in pieces[:-1])  # never inside a sentence


def test_default_limit_is_read_at_call_time(monkeypatch):
    monkeypatch.setattr(extract, "CHUNK_CHARS", 10)
    assert [p for _, p in split_text("abc def ghi jkl mno")] == ["abc def ", "ghi jkl ", "mno"]


def test_limit_must_be_positive():
    with pytest.raises(ValueError):
        split_text("abc", limit=0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\né\u0301🇫"), max_size=400), st.integers(1, 60))
def test_pieces_concatenate_back_with_right_offsets(text, limit):
    _check(text, split_text(text, limit=limit), limit)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.integers(1, 80))
def test_any_unicode_splits_exactly(text, limit):
    _check(text, split_text(text, limit=limit), limit)
