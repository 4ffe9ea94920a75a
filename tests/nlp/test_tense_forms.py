"""pipeline/nlp/tense.py: the one module that reads a verb's tense from its spelling, shared
by the TIMEX3 tense (timex/tense.py) and event modality and dating (events/)."""
from hypothesis import given, strategies as st

from pipeline.nlp import tense
from pipeline.nlp.events import dating, modality
from pipeline.nlp.events.context import hand_parsed
from pipeline.nlp.timex import tense as timex_tense


def _verb(form: str, lemma: str, morph: str):
    return hand_parsed(f"Moscou Moscou PROPN nsubj 1\n{form} {lemma} VERB ROOT 1 {morph}")[1]


def test_both_sides_import_the_same_functions():
    assert timex_tense.is_conditional is tense.is_conditional
    assert modality.tense_by_suffix is tense.tense_by_suffix and modality.future_form is tense.future_form
    assert dating.present is tense.present and dating.future_form is tense.future_form


def test_a_conditional_tagged_as_an_imperfect_is_read_from_its_stem():
    assert tense.is_conditional(_verb("viendrait", "venir", "Mood=Ind|Tense=Imp|VerbForm=Fin"))
    assert tense.is_conditional(_verb("signerait", "signer", "Mood=Ind|Tense=Imp|VerbForm=Fin"))
    assert not tense.is_conditional(_verb("signait", "signer", "Mood=Ind|Tense=Imp|VerbForm=Fin"))


def test_endings_give_the_tense_the_tagger_missed():
    assert tense.tense_by_suffix(_verb("envahirait", "envahir", "Mood=Ind|VerbForm=Fin")) == "Cnd"
    assert tense.tense_by_suffix(_verb("céderons", "céder", "Mood=Ind|VerbForm=Fin")) == "Fut"
    assert tense.tense_by_suffix(_verb("envahit", "envahir", "Mood=Ind|VerbForm=Fin")) == ""


def test_a_future_tag_on_a_present_form_is_a_present():
    assert tense.present(_verb("discute", "discuter", "Tense=Fut|VerbForm=Fin"))
    assert not tense.present(_verb("discutera", "discuter", "Tense=Fut|VerbForm=Fin"))


@given(st.text(alphabet="abcdeéilnorstu", min_size=2, max_size=12))
def test_present_and_future_form_never_agree_on_a_future_tag(word):
    v = _verb(word, "faire", "Tense=Fut|VerbForm=Fin")
    assert tense.present(v) != tense.future_form(v)
