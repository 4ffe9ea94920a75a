"""Fast paths of the pipeline's components against the plain computation they replace."""
import numpy as np
from hypothesis import given, settings, strategies as st

from pipeline.nlp.events.triggers import _member

_HASHES = st.integers(0, 2**64 - 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(_HASHES, max_size=50), st.lists(_HASHES, max_size=50), st.lists(st.integers(0, 49), max_size=30))
def test_member_of_sorted_keys_equals_isin(keys, others, picks):
    keys = np.array(sorted(set(keys)), dtype="uint64")
    values = np.array(others + [int(keys[p % len(keys)]) for p in picks if len(keys)], dtype="uint64")
    assert _member(values, keys).tolist() == np.isin(values, keys).tolist()


# ------------------------------------------------------------------ the document text, made once
from pipeline.nlp.base import doc_text, span_text  # noqa: E402
from pipeline.nlp.events.context import _french_vocab  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

_WORDS = st.lists(st.tuples(st.sampled_from(["La", "Russie", "l'", "Ukraine", ".", "\n", "  ", "«", "é", "x"]),
                            st.booleans()), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.data())
def test_doc_and_span_text_equal_spacy_text(rows, data):
    doc = Doc(_french_vocab(), words=[w for w, _ in rows], spaces=[s for _, s in rows])
    assert doc_text(doc) == doc.text and doc_text(doc) == doc.text  # the second read is the kept one
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, len(doc)))
    assert span_text(doc[start:end]) == doc[start:end].text
