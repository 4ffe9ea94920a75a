"""Newspapers named with French common words match only as written; offices placed in a
city keep the capital a city; a state's official long name. Sentences written for these tests."""
from __future__ import annotations


def _names(nlp, text):
    return {e.text: e._.actor_id for e in nlp(text).ents}


def test_common_word_newspaper_titles_match_only_as_written(nlp):
    assert "le-monde" not in _names(nlp, "« Le monde entier regarde », a dit la ministre.").values()
    assert "le-point" not in _names(nlp, "Le point sur les négociations de Genève.").values()
    assert _names(nlp, "Selon Le Monde et Les Echos, Doha a accepté.").get("Le Monde") == "le-monde"


def test_capital_after_an_office_noun_is_the_city(nlp):
    names = _names(nlp, "L'ambassade du Chili à Londres a fermé. Londres a protesté.")
    assert [names.get("Chili")] == ["chile"]
    doc = nlp("L'ambassade du Chili à Londres a fermé.")
    assert [e._.actor_id for e in doc.ents if e.text == "Londres"] == ["london"]


def test_embassy_of_a_capital_stays_the_state(nlp):
    doc = nlp("L'ambassade de Moscou à Paris a protesté.")
    assert [e._.actor_id for e in doc.ents if e.text == "Moscou"] == ["russia"]


def test_official_long_name_without_accent(nlp):
    assert _names(nlp, "Le Bahreïn a rompu avec l'Etat du Qatar.").get("Etat du Qatar") == "qatar"


def test_british_honorifics_are_titles(nlp):
    doc = nlp("Celle qu'on appelle La Dame doit encore répondre devant la justice.")
    assert not any(e.label_ == "PER" for e in doc.ents)
    assert _names(nlp, "Sir Edward Grinling a été reçu à Londres.").get("Edward Grinling") == "edward-grinling"
    assert "Notre-Dame de Paris" in _names(nlp, "Notre-Dame de Paris a rouvert.")
