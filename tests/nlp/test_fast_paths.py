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


# ------------------------------------------------------------------ layout spans from the attribute arrays
_LAYOUT_TEXTS = [
    "Guerre en Ukraine : la Russie a bombardé Kiev mardi. Le président a réagi.",
    "Annonce Nucléaire : Téhéran dit non\nLe ministre Les Échos a déclaré que Paris soutient Kiev.",
    "Sommet de l'OTAN Les alliés ont promis des armes à l'Ukraine. « Ce Soir », a-t-il dit : non.",
    "Lire aussi\nDes Frappes Sur Kharkiv Dans la nuit, l'armée russe a tiré des missiles. Il A dit : « Oui ».",
]


def _non_event_spans_sentence_by_sentence(doc):
    from pipeline.nlp.base import doc_text
    from pipeline.nlp.events import layout

    spans = [(s, e) for s, e in layout.heading_lines(doc_text(doc)) if not layout._open_ended(doc, e)]
    for sent in doc.sents:
        label = layout.rubric_label(sent)
        first = sent.start
        if label is not None:
            spans.append(label)
            while first < sent.end and doc[first].idx < label[1]:
                first += 1
        while first < sent.end and (doc[first].is_space or doc[first].is_punct):
            first += 1
        if first < sent.end - 1:
            title = layout.glued_title(sent, first)
            if title is not None:
                spans.append(title)
    spans.sort()
    merged = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def test_non_event_spans_equal_the_sentence_by_sentence_reading(nlp):
    from pipeline.nlp.events.layout import non_event_spans

    found = 0
    for text in _LAYOUT_TEXTS:
        doc = nlp(text)
        spans = non_event_spans(doc)
        assert spans == _non_event_spans_sentence_by_sentence(doc)
        found += len(spans)
    assert found >= 3  # the texts do hold labels, headings and glued titles
