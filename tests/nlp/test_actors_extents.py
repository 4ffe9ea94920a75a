"""Where a discovered name ends and what it is (issue #17): given names before a gazetteer
person join that person, a name cut before the last word of a gazetteer alias takes the id of
its acronym, and a generic noun before a name gives its type (pipeline/nlp/actors.py,
linker.py ``link_acronyms``, name_bounds.py ``classified_type``). Sentences written for these
tests."""
from __future__ import annotations

import pytest

from tests.conftest import parse


def _ents(nlp, text):
    doc = parse(nlp, text, None)
    return {e.text: (e.label_, e._.actor_id) for e in doc.ents}


@pytest.mark.parametrize("text, name, actor", [
    ("Le chef de l'État, Luiz Inácio Lula da Silva, a reçu ses homologues.", "Luiz Inácio Lula da Silva",
     "luiz-inacio-lula-da-silva"),
    ("À Ankara, le président Recep Tayyip Erdogan a pris la parole.", "Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
    ("Le président Andrés Manuel Lopez Obrador a pris la parole mardi.", "Andrés Manuel Lopez Obrador",
     "andres-manuel-lopez-obrador"),
])
def test_given_names_before_a_gazetteer_person_are_part_of_the_name(nlp, text, name, actor):
    ents = _ents(nlp, text)
    assert ents.get(name, (None, None))[1] == actor, ents
    # no leftover person made of the given names alone
    assert not any(label == "PER" and aid != actor for label, aid in ents.values()), ents


def test_a_name_without_its_last_word_takes_the_id_of_its_acronym(nlp):
    ents = _ents(nlp, "Les élus du Bharatiya Janata (BJP) ont voté contre le texte au Parlement.")
    assert ents.get("Bharatiya Janata", (None, None))[1] == "bharatiya-janata-party", ents


@pytest.mark.parametrize("text, name, label", [
    ("Les rebelles ont encerclé la ville de Kadugli vendredi.", "Kadugli", "LOC"),
    ("Les combats ont repris autour de sa capitale régionale, Kadugli, selon des témoins.", "Kadugli", "LOC"),
    ("Les soldats de la force Sabre ont quitté la base.", "Sabre", "ORG"),
])
def test_a_generic_noun_before_a_discovered_name_gives_its_type(nlp, text, name, label):
    ents = _ents(nlp, text)
    assert ents.get(name, (None,))[0] == label, ents


def test_a_person_after_a_place_noun_stays_a_person(nlp):
    ents = _ents(nlp, "Le maire de la ville, Jean Kabongo, a demandé des renforts.")
    assert ents.get("Jean Kabongo", (None,))[0] == "PER", ents


def test_a_company_named_after_a_place_inside_a_longer_entity(nlp):
    ents = _ents(nlp, "Les débris de l'appareil du vol KL612 de la Qatar Airways ont été retrouvés lundi.")
    assert ents.get("Qatar Airways", (None,))[0] == "ORG", ents
    assert not any(aid == "qatar" for _, aid in ents.values()), ents


@pytest.mark.parametrize("text, actor", [
    ("Dans la province, les talibans ont fermé les écoles de filles.", "taliban"),
    ("Sur la côte, les houthistes ont tiré un missile vers un cargo.", "houthis"),
])
def test_a_group_written_in_lowercase_is_a_mention(nlp, text, actor):
    doc = parse(nlp, text, None)
    assert actor in {e._.actor_id for e in doc.ents}, [(e.text, e._.actor_id) for e in doc.ents]


def test_a_lowercase_description_of_an_organisation_is_still_no_mention(nlp):
    doc = parse(nlp, "Les forces russes ont repris le village, selon le communiqué.", None)
    assert not any(e.text.startswith("forces") for e in doc.ents), [e.text for e in doc.ents]


def test_a_region_named_by_a_place_and_its_adjective_is_a_place_of_its_own(nlp):
    doc = parse(nlp, "Les réseaux sont actifs dans plusieurs pays d'Afrique sub-saharienne depuis 2015.", None)
    ids = {e._.actor_id for e in doc.ents}
    assert "africa" not in ids and any(e.text == "Afrique sub-saharienne" for e in doc.ents), ids


def test_a_headline_phrase_of_common_words_is_no_actor(nlp):
    doc = parse(nlp, "Crise politique au Pérou : le Congrès destitue la présidente\nLe vote a eu lieu jeudi.", None)
    assert not any(e.text.startswith("Crise") for e in doc.ents), [e.text for e in doc.ents]
    assert any(e._.actor_id == "peru" for e in doc.ents)


def test_a_name_glued_to_the_article_of_the_next_word_is_linked(nlp):
    doc = parse(nlp, "Nucléaire : Téhéran répond à l'AIEAL'Iran menace de limiter les inspections.", None)
    ids = {e.text: e._.actor_id for e in doc.ents}
    assert "iaea" in ids.values(), ids
