"""Capitals as places or as states, and street or square names (pipeline/nlp/linker.py
``_locative``, pipeline/nlp/name_bounds.py ``odonym_start``). Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.conftest import parse


def _ids(nlp, text):
    doc = parse(nlp, text, None)
    return {e.text: e._.actor_id for e in doc.ents}


@pytest.mark.parametrize("text, name, place", [
    # presented as a city: after "la capitale", "la ville de", or before ", la capitale"
    ("Samedi, la capitale lituanienne Vilnius a accueilli des milliers de manifestants.", "Vilnius", "vilnius"),
    ("Les bus ont rejoint la capitale de la Pologne, Varsovie, en fin de journée.", "Varsovie", "warsaw"),
    ("Des sirènes ont retenti à Kharkiv et à Kiev, la capitale, dans la nuit.", "Kiev", "kyiv"),
    # a circumstance of place introduced by "à"
    ("Le journaliste a été interpellé à Moscou à la sortie de son hôtel.", "Moscou", "moscow"),
    ("Une voiture piégée a explosé à Kaboul près d'un marché.", "Kaboul", "kabul"),
    # "de" after a noun of place or direction
    ("Les combats se rapprochent du nord de Kiev depuis mardi.", "Kiev", "kyiv"),
    ("Les ouvriers des usines de Minsk ont cessé le travail.", "Minsk", "minsk"),
    # a place within the city, talks held there, a day and place
    ("Des milliers de personnes ont manifesté devant le Reichstag à Berlin samedi.", "Berlin", "berlin"),
    ("Les pourparlers à Genève ont repris hier soir.", "Genève", "geneva"),
    ("Les deux délégations ont signé, jeudi à Vilnius, un texte commun.", "Vilnius", "vilnius"),
])
def test_capital_meant_as_the_city_stays_the_city(nlp, text, name, place):
    assert _ids(nlp, text).get(name) == place


@pytest.mark.parametrize("text, name, state", [
    ("Washington a livré des obus à Kiev la semaine dernière.", "Kiev", "ukraine"),
    ("Le ministre a demandé à Moscou de retirer ses troupes.", "Moscou", "russia"),
    ("Varsovie a rappelé son ambassadeur, a annoncé la présidence.", "Varsovie", "poland"),
    ("Berlin a vendu des blindés à Kiev au printemps.", "Kiev", "ukraine"),
    ("Paris a fourni en mars des munitions à Kiev.", "Kiev", "ukraine"),
])
def test_capital_acting_or_receiving_stands_for_its_state(nlp, text, name, state):
    assert _ids(nlp, text).get(name) == state


@pytest.mark.parametrize("text, name", [
    ("Les manifestants se sont massés sur la place de la Concorde avant midi.", "place de la Concorde"),
    ("Le cortège a descendu l'avenue de la Liberté jusqu'au parlement.", "avenue de la Liberté"),
    ("La conférence de presse s'est tenue dans la salle Clemenceau du ministère.", "salle Clemenceau"),
    ("Une foule s'est rassemblée place du Capitole dans la soirée.", "place du Capitole"),
])
def test_street_and_square_names_keep_their_lowercase_head(nlp, text, name):
    ids = _ids(nlp, text)
    assert name in ids, ids


def test_a_day_of_the_calendar_is_not_a_square(nlp):
    ids = _ids(nlp, "Le pays fête le jour de l'Indépendance ce jeudi.")
    assert not any(k.startswith("jour") for k in ids)


@pytest.mark.parametrize("text, name", [
    ("Le chef de la République populaire autoproclamée de Kherson a démissionné.",
     "République populaire autoproclamée de Kherson"),
    ("Un député de la République autonome de Crimée a été arrêté.", "République autonome de Crimée"),
])
def test_name_built_on_a_place_is_one_name(nlp, text, name):
    # French capitalises only the first word of such a name; the NER cuts it before the place
    assert name in _ids(nlp, text)


def test_a_person_before_de_and_a_place_is_not_merged(nlp):
    ids = _ids(nlp, "Le discours de Macron de France a surpris.")
    assert not any(k.endswith("de France") and k != "France" for k in ids)


def test_a_la_place_de_means_instead_of(nlp):
    ids = _ids(nlp, "Le ministre ne peut pas décider à la place des Kurdes, a-t-il dit.")
    assert not any(k.startswith("place") for k in ids)


@pytest.mark.parametrize("text, name", [
    ("Trois Su-34 ont survolé la zone avant l'aube.", "Su-34"),
    ("Un avion C-130 a atterri à Niamey dans la nuit.", "C-130"),
])
def test_a_machine_type_is_not_an_actor(nlp, text, name):
    doc = parse(nlp, text, None)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get(name, "MISC") == "MISC"


@pytest.mark.parametrize("text, name", [
    ("Les frappes ont visé la province de Kandahar dans la nuit.", "Kandahar"),
    ("Les milices de l'État de Michoacán ont bloqué les routes.", "Michoacán"),
])
def test_administrative_generic_word_is_not_part_of_the_name(nlp, text, name):
    ids = _ids(nlp, text)
    assert name in ids and not any(k.lower().startswith(("province", "état", "l'état")) for k in ids), ids


def test_sea_keeps_its_generic_word(nlp):
    ids = _ids(nlp, "Des navires croisent en mer Baltique depuis lundi.")
    assert not any(k == "Baltique" for k in ids)


def test_a_common_word_opening_a_headline_does_not_head_a_name_on_a_place(nlp):
    ids = _ids(nlp, "Rôle décisif de la Pologne dans la livraison des chars\n\nLe convoi est arrivé hier.")
    assert not any(k.startswith("Rôle") for k in ids), ids
