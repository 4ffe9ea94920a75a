"""Light verbs and locutions of general coverage (models/triggers.yaml, TRIGGERS.md §7):
one event per verb + event noun, typed by the noun. Sentences written for this test."""
from __future__ import annotations

import pytest


def _events(nlp, text):
    return {(e["event_type"], e["agent_id"], e["target_id"]) for e in nlp(text)._.events}


@pytest.mark.parametrize("text, event", [
    ("L'armée turque a opéré des frappes contre la Syrie.", ("ASSAULT", "turkey", "syria")),
    ("La Turquie a amorcé son retrait de Libye.", ("RETREAT", "turkey", "libya")),
    ("La Géorgie a déposé plainte contre la Russie.", ("ACCUSE", "georgia", "russia")),
    ("Le Canada a apporté une aide à Haïti.", ("AID", "canada", "haiti")),
    ("L'Éthiopie a engagé des négociations avec l'Égypte.", ("CONSULT", "ethiopia", "egypt")),
])
def test_light_verb_with_its_event_noun(nlp, text, event):
    assert event in _events(nlp, text)


def test_the_light_verb_alone_is_not_that_event(nlp):
    assert not {t for t, _, _ in _events(nlp, "Le Canada a apporté des précisions.")} & {"AID", "SUPPORT"}


def test_the_reflexive_commitment_stays_an_agreement(nlp):
    evs = nlp("L'Éthiopie s'est engagée à négocier.")._.events
    assert {e["event_type"] for e in evs if e["trigger_lemma"] == "engager"} == {"AGREE"}


def test_expecting_an_act_of_a_named_party_is_a_demand(nlp):
    """'attendre de X qu'il…' (models/triggers.yaml, REQUEST)"""
    evs = _events(nlp, "Le Canada attend de la Chine qu'elle libère les deux ressortissants.")
    assert ("REQUEST", "canada", "china") in evs


@pytest.mark.parametrize("text", ["Le Canada attend de voir la réponse.", "Le Canada attend la réponse de la Chine."])
def test_plain_waiting_is_no_demand(nlp, text):
    assert not any(t == "REQUEST" for t, _, _ in _events(nlp, text))
