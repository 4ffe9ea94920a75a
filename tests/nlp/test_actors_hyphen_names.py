"""Extents of names. Names written "X-e-Y" (Persian and Urdu ezafe, Arabic links) are one name, which the
tokenizer cuts in five tokens and the NER often reads as two places. Sentences written for
these tests."""
from __future__ import annotations

import pytest


def _names(nlp, text):
    return {e.text: e._.actor_id for e in nlp(text).ents}


@pytest.mark.parametrize("text, name", [
    ("Des militants du Harakat-ul-Mujahideen ont été arrêtés à Lahore.", "Harakat-ul-Mujahideen"),
    ("Le Hizb-e-Islami a signé un accord avec Kaboul.", "Hizb-e-Islami"),
    ("Les camps du Sipah-e-Sahaba ont été visés.", "Sipah-e-Sahaba"),
])
def test_hyphen_linked_name_is_one_actor(nlp, text, name):
    names = _names(nlp, text)
    parts = name.split("-")
    assert not any(p in names for p in (parts[0], parts[-1]))
    assert names[name] == name.lower()


def test_gazetteer_name_after_the_link_does_not_split_the_name(nlp):
    names = _names(nlp, "Le Tehrik-e-Taliban Pakistan a revendiqué l'attentat de Peshawar.")
    assert "Taliban" not in names and not any(k.endswith("-e") for k in names)


def test_plain_hyphenated_names_are_unchanged(nlp):
    names = _names(nlp, "Jean-Marie Dupuis a quitté Saint-Denis pour Paris-Saclay.")
    assert "Jean-Marie Dupuis" in names
    assert "Saint-Denis" in names


def test_generic_words_spelt_by_their_acronym_are_a_name(nlp):
    doc = nlp("Le Comité militaire de redressement national (CMRN) a pris le pouvoir.")
    got = {e.text: e._.actor_id for e in doc.ents}
    name = "Comité militaire de redressement national"
    assert got[name] == got["CMRN"] == "comite-militaire-de-redressement-national"


def test_generic_head_alone_or_with_another_acronym_is_still_dropped(nlp):
    assert not [e for e in nlp("Le Conseil national a voté la loi.").ents if e.text.startswith("Conseil")]
    doc = nlp("Le Parlement (UE) a voté.")
    assert not [e for e in doc.ents if e.text.startswith("Parlement")]


def test_acronym_after_a_concept_without_generic_head_keeps_no_name(nlp):
    doc = nlp("Les alliés ont promis de consacrer 3% de leur Revenu national brut (RNB) à la défense.")
    assert not [e for e in doc.ents if e.text.startswith("Revenu national")]
