"""extract: a long document's pieces stream through spaCy in character-bounded groups."""
from hypothesis import given, strategies as st

from pipeline.analysis import extract
from pipeline.analysis.extract import _char_bounded
from pipeline.ingest.readers import Document


@given(st.lists(st.integers(min_value=0, max_value=300), max_size=40), st.integers(1, 8), st.integers(1, 500))
def test_groups_keep_order_and_bounds(lengths, batch_size, max_chars):
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    groups = list(_char_bounded(items, batch_size, max_chars, size=len))
    assert [it for g in groups for it in g] == items  # nothing lost, nothing reordered
    for g in groups:
        assert 1 <= len(g) <= batch_size
        # a group holds more than max_chars only when its first item alone does
        assert len(g) == 1 or sum(len(d) for d, _ in g) <= max_chars


def test_records_do_not_depend_on_the_grouping(nlp, monkeypatch):
    sentence = "Le Kremlin a averti l'OTAN le 3 mars 2022, selon Reuters. Kiev a salué l'aide de Berlin. "
    docs = lambda: [Document(doc_id=f"d{i}", source=f"d{i}", text=sentence * (3 + i)) for i in range(6)]

    def records():
        return [(r.n_tokens, r.mentions, r.timexes, r.events, r.sentences) for r in extract.analyse(nlp, docs(), 32)]

    monkeypatch.setattr(extract, "BATCH_CHARS", 10**9)
    one_group = records()
    monkeypatch.setattr(extract, "BATCH_CHARS", 300)  # about one document per group
    assert records() == one_group
    assert sum(len(r[1]) for r in one_group) > 20


def test_a_piece_keeps_the_text_it_was_made_from(nlp):
    from pipeline.nlp.base import doc_text

    text = "M.Obama  a parlé\u00a0à l'OTAN.\n\nKiev « salue » l'aide ;  Berlin aussi…  "
    document = Document(doc_id="d", source="d", text=text)
    for offset, doc in extract._make_docs(nlp, document):
        assert doc_text(doc) == doc.text == text[offset:offset + len(doc.text)]
