"""The quotation marks index of the event stages (context.quote_marks) and the quotation
bounds read from it, against a token-by-token reading of the same document."""
from types import SimpleNamespace

from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from pipeline.nlp.events.attribution import CLOSING, OPENING, QUOTE_WINDOW, STRAIGHT, paragraph_breaks, quotation_bounds
from pipeline.nlp.events.context import _french_vocab, quote_marks


def _doc(words: list[str]) -> Doc:
    return Doc(_french_vocab(), words=words)


class _Ctx(SimpleNamespace):
    """The parts of a DocContext that quotation_bounds reads."""

    def __init__(self, doc):
        super().__init__(doc=doc, quote_marks=quote_marks(doc), memo={})

    def once(self, key, fn, *args):
        if key not in self.memo:
            self.memo[key] = fn(*args)
        return self.memo[key]


def _bounds_token_by_token(doc: Doc, i: int):
    """The quotation around token ``i``, read token by token within the window and the
    paragraph (a token holding a line break ends it)."""
    start = max(0, i - QUOTE_WINDOW)
    for t in doc[start: i]:
        if "\n" in t.text:
            start = t.i + 1
    opened, straight = [], None
    for t in doc[start: i]:
        if t.text in OPENING:
            opened.append(t.i)
        elif t.text in CLOSING and opened:
            opened.pop()
        elif t.text == STRAIGHT:
            straight = None if straight is not None else t.i
    if opened:
        open_i, closers = opened[-1], CLOSING
    elif straight is not None:
        open_i, closers = straight, (STRAIGHT,)
    else:
        return None
    for t in doc[i + 1: min(len(doc), i + QUOTE_WINDOW)]:
        if "\n" in t.text:
            return None
        if t.text in closers:
            return open_i, t.i
    return None


def test_quote_marks_lists_each_mark_in_text_order():
    doc = _doc(["Il", "a", "dit", ":", "«", "non", "»", ",", '"', "oui", '"', "“", "x", "”", "«"])
    assert quote_marks(doc) == ([4, 6, 8, 10, 11, 13, 14], ["«", "»", '"', '"', "“", "”", "«"])
    assert quote_marks(_doc(["sans", "guillemets"])) == ([], [])


def test_quotation_bounds_finds_the_marks_around_a_token():
    doc = _doc(["Il", "a", "dit", ":", "«", "nous", "attaquerons", "demain", "»", "."])
    ctx = _Ctx(doc)
    assert quotation_bounds(ctx, doc[6]) == (4, 8)
    assert quotation_bounds(ctx, doc[1]) is None


def test_quotation_bounds_stop_at_a_line_break():
    # an unclosed quotation in one paragraph does not run into the next one's marks
    doc = Doc(_french_vocab(), words=["Il", "a", "dit", "«", "non", ".", "\n", "Moscou", "répond", "»", "."],
              spaces=[True, True, True, True, False, False, False, True, True, False, False])
    ctx = _Ctx(doc)
    assert paragraph_breaks(doc) == [6]
    assert quotation_bounds(ctx, doc[4]) is None
    assert quotation_bounds(ctx, doc[8]) is None
    # the same words on one line: one quotation from 3 to 8
    one = Doc(_french_vocab(), words=["Il", "a", "dit", "«", "non", ".", "Moscou", "répond", "»", "."])
    assert quotation_bounds(_Ctx(one), one[4]) == (3, 8)


def test_quotation_bounds_read_a_quotation_inside_its_own_paragraph():
    doc = Doc(_french_vocab(), words=["Fin", ".", "\n\n", "Il", "a", "dit", "«", "oui", "»", "."],
              spaces=[False, False, False, True, True, True, True, True, False, False])
    assert quotation_bounds(_Ctx(doc), doc[7]) == (6, 8)


def test_quotation_bounds_in_a_parsed_text_of_two_paragraphs(nlp):
    doc = nlp("Le ministre a déclaré : « Nous ne céderons pas.\nLa Russie a bombardé Kharkiv », selon l'AFP.")
    ctx = _Ctx(doc)
    bombarde = next(t for t in doc if t.text == "bombardé")
    cede = next(t for t in doc if t.text == "céderons")
    assert quotation_bounds(ctx, bombarde) is None  # its closing mark has no opening in its paragraph
    assert quotation_bounds(ctx, cede) is None  # its opening mark is closed only in the next paragraph


_WORDS = st.lists(st.sampled_from(["«", "»", "“", "”", '"', "mot", "Kiev", ",", ".", "\n"]), min_size=1, max_size=400)


@settings(max_examples=150, deadline=None)
@given(_WORDS, st.data())
def test_quotation_bounds_equal_a_token_by_token_reading(words, data):
    doc = _doc(words)
    ctx = _Ctx(doc)
    i = data.draw(st.integers(0, len(doc) - 1))
    assert quotation_bounds(ctx, doc[i]) == _bounds_token_by_token(doc, i)


@settings(max_examples=150, deadline=None)
@given(_WORDS, st.data())
def test_quoted_in_sentence_from_the_marks_equals_the_token_reading(words, data):
    from pipeline.nlp.events.confidence import quoted_in_sentence

    doc = _doc(words)
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, len(doc)))
    i = data.draw(st.integers(start, end - 1))
    sent = doc[start:end]
    assert quoted_in_sentence(doc[i], sent, quote_marks(doc)) == quoted_in_sentence(doc[i], sent)
