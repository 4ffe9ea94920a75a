"""A text without punctuation is cut into sentences of bounded length, offsets exact."""
import numpy as np
from hypothesis import given, strategies as st

from pipeline.analysis.extract import DocResult, reduce_doc
from pipeline.ingest.readers import Document
from pipeline.nlp.sentences import MAX_SENTENCE_TOKENS, bound_sentences

_WORDS = ("le ministre des affaires étrangères Emmanuel Macron a rencontré son homologue "
          "allemand à Berlin pour parler de l'aide à l'Ukraine et des sanctions contre la Russie").split()


@given(st.lists(st.sampled_from([1, 0, -1, -1, -1, -1]), min_size=1, max_size=400),
       st.lists(st.booleans(), min_size=400, max_size=400), st.integers(2, 40))
def test_runs_without_a_possible_start_are_bounded(values, spaced, limit):
    n = len(values)
    starts = np.array([1] + values[1:], dtype="int64")
    before = starts.copy()
    spaced = np.ones(n, dtype=bool)  # every token follows a space: a cut is always possible
    out = bound_sentences(starts.copy(), spaced, np.zeros(n, dtype=bool), limit=limit)
    assert ((out == before) | (out == 1)).all()  # only forced starts are added
    assert (out[before >= 0] == before[before >= 0]).all()  # the parser's choices are kept
    possible = np.append(np.flatnonzero(out >= 0), n)
    assert (np.diff(possible) <= limit).all()


def test_cut_never_falls_inside_a_word():
    # tokens 0..9; only tokens 3 and 7 follow a space
    spaced = np.array([False, False, True, False, False, False, True, False, False, False])
    out = bound_sentences(np.array([1] + [-1] * 9), spaced, np.zeros(10, dtype=bool), limit=2)
    assert np.flatnonzero(out == 1).tolist() == [0, 3, 7]


def test_ordinary_runs_are_untouched():
    starts = np.array([1] + [-1] * 30 + [0] + [-1] * 30)
    assert (bound_sentences(starts.copy(), np.ones(62, bool), np.zeros(62, bool), limit=40) == starts).all()


def test_long_text_without_punctuation(nlp):
    words = (_WORDS * 80)[:1500]
    text = " ".join(words)
    doc = nlp(text)
    sents = list(doc.sents)
    assert len(sents) >= len(doc) // MAX_SENTENCE_TOKENS
    assert max(len(s) for s in sents) <= MAX_SENTENCE_TOKENS
    assert sents[0].start == 0 and sents[-1].end == len(doc)
    for a, b in zip(sents, sents[1:]):
        assert a.end == b.start
        assert text[b.start_char - 1] == " "  # each cut falls at a space
    for s in sents:
        assert text[s.start_char:s.end_char] == s.text  # offsets index the text exactly
    res = DocResult(Document(doc_id="x", source="x", text=text))
    reduce_doc(doc, res, 0, 0)
    for m in res.mentions:
        assert text[m["start_char"]:m["end_char"]] == m["text"]
        assert res.sentences[m["sentence_id"]][0] <= m["start_char"] < res.sentences[m["sentence_id"]][1]


def test_punctuated_text_keeps_its_sentences(nlp):
    text = "Le Kremlin a averti l'OTAN le 3 mars 2022. Kiev a salué l'aide de Berlin. " * 40
    assert [s.text for s in nlp(text).sents][:2] == ["Le Kremlin a averti l'OTAN le 3 mars 2022.",
                                                      "Kiev a salué l'aide de Berlin."]


def test_a_long_unpunctuated_document_streams_in_pieces_with_the_same_records(nlp, monkeypatch):
    from pipeline.analysis import extract

    text = " ".join((_WORDS * 60)[:1800])  # about 11,000 characters, one line, no punctuation
    monkeypatch.setattr(extract, "CHUNK_CHARS", 2_000)  # about six pieces

    def records():
        (res,) = extract.analyse(nlp, [Document(doc_id="long", source="long", text=text)], 32)
        return res

    monkeypatch.setattr(extract, "BATCH_CHARS", 10**9)  # every piece in one spaCy batch
    whole = records()
    monkeypatch.setattr(extract, "BATCH_CHARS", 2_500)  # one piece per batch, reduced as it leaves
    streamed = records()
    assert (streamed.n_tokens, streamed.sentences, streamed.mentions, streamed.timexes, streamed.events) == \
        (whole.n_tokens, whole.sentences, whole.mentions, whole.timexes, whole.events)
    assert len(whole.mentions) > 20 and len(whole.sentences) >= 6
    assert all(b[0] >= a[1] for a, b in zip(whole.sentences, whole.sentences[1:]))  # in order, no overlap
    assert all(e - s <= 2_000 for s, e in whole.sentences)
    for m in whole.mentions:
        assert text[m["start_char"]:m["end_char"]] == m["text"]
