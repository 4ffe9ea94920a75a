import pytest
from hypothesis import given, strategies as st

from pipeline.normalize import fold, name_key


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
