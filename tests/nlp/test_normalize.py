import pytest
from hypothesis import given, strategies as st

from pipeline.nlp.normalize import fold, name_key


@pytest.mark.parametrize("forms,key", [
    (["OTAN", "Otan", "l’OTAN", "L'OTAN", "l'Otan", "L’OTAN", "d'OTAN"], "otan"),
    (["États-Unis", "Etats-Unis", "les États-Unis", "ETATS-UNIS"], "etats-unis"),
    (["Zelensky", "ZELENSKY", "le Zelensky"], "zelensky"),
    (["Charles Q. Brown Jr"], "charles-q-brown-jr"),
    (["la Maison-Blanche", "Maison Blanche", "maison-blanche"], "maison-blanche"),
])
def test_name_key_folds_case_accents_articles_and_elision(forms, key):
    assert {name_key(f) for f in forms} == {key}


def test_article_alone_is_kept_as_a_name():
    assert name_key("Le") == "le"


def test_non_latin_names_keep_a_key():
    assert name_key("Москва") == "москва"


@given(st.text(max_size=80))
def test_name_key_is_stable_lowercase_and_dash_joined(text):
    key = name_key(text)
    assert key == key.strip("-") and "--" not in key
    assert key == key.lower()
    assert name_key(key) == key or key.split("-")[0] in {"le", "la", "les", "du", "des", "de", "the", "l", "d", "qu"}


# ------------------------------------------------------------------ robustness (fuzzing)
from hypothesis import settings  # noqa: E402

from pipeline.nlp.gazetteer import alias_key  # noqa: E402

_NAMES = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(["l’", "L'", "le ", "la ", "les ", "de l'", "d'", "OTAN", "États", "-", "Unis", "é",
                              "\u0301", "\u0627\u0644", "\u200f", "🇫🇷", " ", "\n", "\t", "’", ".", "'", "Ⅻ", "ﬁ",
                              "\ud800", "\x00"]), max_size=12).map("".join))


@settings(max_examples=300, deadline=None)
@given(_NAMES)
def test_normalisers_never_raise_and_are_deterministic(text):
    for fn in (name_key, alias_key, fold):
        out = fn(text)
        assert isinstance(out, str) and out == fn(text)
    assert "\n" not in fold(text) and "\t" not in fold(text)


@settings(max_examples=300, deadline=None)
@given(_NAMES)
def test_alias_key_is_folded_and_stable(text):
    key = alias_key(text)
    assert key == key.strip() and "  " not in key
    assert key == key.lower() and fold(key) == key  # already folded: folding again changes nothing
    assert alias_key(text.upper()) == alias_key(text.lower()) or not text.isascii()


@settings(max_examples=200, deadline=None)
@given(_NAMES)
def test_name_key_of_its_own_output_converges(text):
    key = name_key(text)
    assert "--" not in key and key == key.strip("-")
    # each call strips at most one leading article: keys of keys shrink, then stop changing
    keys = [key]
    while len(keys) < 20 and name_key(keys[-1]) != keys[-1]:
        keys.append(name_key(keys[-1]))
        assert len(keys[-1]) < len(keys[-2])
    assert name_key(keys[-1]) == keys[-1]


# ------------------------------------------------------------------ the one-pass fold
from pipeline.nlp.normalize import _fold, _fold_slow  # noqa: E402

_FOLD_TEXT = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60),  # the ASCII path
    st.lists(st.sampled_from(["É", "é", "e\u0301", "’", "`", "´", "‑", "—", "︱", "İ", "ﬁ", "Ⅻ", "ß", "Ǆ", "\u0327",
                              "\u05b7", " ", "\n", "\t", "\u00a0", "A", "z", "'", "-"]), max_size=30).map("".join))


@settings(max_examples=500, deadline=None)
@given(_FOLD_TEXT)
def test_fold_in_one_pass_equals_the_step_by_step_fold(text):
    assert _fold(text) == _fold_slow(text)
