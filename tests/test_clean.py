import pytest
from hypothesis import given, settings, strategies as st

from pipeline.clean import clean_text


@pytest.mark.parametrize("raw,expected", [
    ("le quotidien Bild [ait révélé](#) un document", "le quotidien Bild ait révélé un document"),
    ("voir [Opex360 : c'est quoi ? \\[archive\\]](#) ici", "voir Opex360 : c'est quoi ? [archive] ici"),
    ("**À moins que cette fuite ne soit volontaire.**", "À moins que cette fuite ne soit volontaire."),
    ("dirigé par Laurent Lagneau<sup>1</sup>.", "dirigé par Laurent Lagneau."),
    ("<p>L&#39;OTAN &amp; la Russie</p>", "L'OTAN & la Russie"),
    ("l’OTAN ℹ️ envisage", "l’OTAN envisage"),
    ("Moscou 🇷🇺🇺 répond", "Moscou répond"),
    ("## C'est chaud : Opex360.com", "C'est chaud : Opex360.com"),
    ("un\n\n\n\n\ndeux", "un\n\ndeux"),
    ("a\r\nb\rc", "a\nb\nc"),
    ("<script>var x = 1;</script>Texte <b>gras</b>", "Texte gras"),
    ("- <sup>↑</sup> Kohan Kioshiko", "Kohan Kioshiko"),
])
def test_web_artefacts_are_removed(raw, expected):
    assert clean_text(raw) == expected


def test_french_typography_spaces_are_kept():
    assert clean_text("Pourquoi ? « Non » : oui ; bien !") == "Pourquoi ? « Non » : oui ; bien !"


@settings(max_examples=300)
@given(st.text(max_size=500))
def test_cleaning_never_fails_and_is_idempotent_on_its_output_shape(text):
    out = clean_text(text)
    assert isinstance(out, str)
    assert "\r" not in out and "\n\n\n" not in out
    assert out == out.strip()
