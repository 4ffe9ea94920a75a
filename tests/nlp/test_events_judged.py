"""Nominal agents and targets (issue #15, "who is meant"), pipeline/nlp/events/nominal.py.

The par-complement of a participle of judgement, perception or asking on an event noun
names who judges, sees or asks for the event, not who does it (``judged_before``,
``judgement_participle``, word list ``judgement_participles`` of models/event_words.yaml).
Forces withdrawn from a place: the place is the target of the RETREAT noun.

Every sentence was written for this test; each rule has a guard where it must not fire.
"""
from __future__ import annotations

import pytest

from pipeline.nlp.events import nominal


def _agents(nlp, text, etype):
    return {e["agent_id"] for e in nlp(text)._.events if e["event_type"] == etype}


@pytest.mark.parametrize("text, etype, judge", [
    # the parser hangs 'par X' on the noun: the participle between them decides
    ("Les voisins commentent une invasion jugée illégale par Londres.", "ASSAULT", "united-kingdom"),
    ("Les observateurs parlent d'une annexion jugée illégale par Londres.", "ASSAULT", "united-kingdom"),
    # a participle of perception or of judgement that has the par-agent itself
    ("Les diplomates évoquent une offensive redoutée par Varsovie.", "ASSAULT", "poland"),
    ("Une nouvelle offensive, dénoncée par Berlin, a visé le Donbass.", "ASSAULT", "germany"),
])
def test_the_judge_is_not_the_agent(nlp, text, etype, judge):
    assert judge not in _agents(nlp, text, etype)


def test_the_judge_keeps_its_own_act(nlp):
    """the participle itself is still a speech act of its par-agent"""
    assert "germany" in _agents(nlp, "Une nouvelle offensive, dénoncée par Berlin, a visé le Donbass.", "ACCUSE")


@pytest.mark.parametrize("text, etype, agent", [
    # guards: a participle of deciding or leading keeps its par-agent as the doer
    ("Une vague de mobilisation décidée par Moscou inquiète les pays baltes.", "MOBILIZE", "russia"),
    ("Une attaque menée par la Russie a visé le port d'Odessa.", "ASSAULT", "russia"),
    # no participle between the noun and 'par': the par-complement stays the agent
    ("L'invasion de l'Ukraine par la Russie a commencé en février.", "ASSAULT", "russia"),
])
def test_a_doer_par_agent_stays(nlp, text, etype, agent):
    assert agent in _agents(nlp, text, etype)


def test_judgement_participle_forms(nlp):
    doc = nlp("une offensive qualifiée de brutale, une frappe redoutée, une attaque menée hier")
    by_text = {t.text: nominal.judgement_participle(t) for t in doc}
    assert by_text["qualifiée"] and by_text["redoutée"]
    assert not by_text["menée"] and not by_text["offensive"]


def _events(nlp, text):
    return [(e["event_type"], e["agent_id"], e["target_id"]) for e in nlp(text)._.events]


def test_withdrawn_forces_owned_by_adjective_leave_a_named_place(nlp):
    """'le retrait des troupes russes de Moldavie': the troops' adjective is the agent, the
    de-complement of the troops the place they leave (the target), also when the agent is
    read from the troops' own adjective (nominal.nominal_args)."""
    assert ("RETREAT", "russia", "moldova") in _events(nlp, "Le retrait des troupes russes de Moldavie a commencé lundi.")


def test_a_single_de_complement_is_not_both_agent_and_target(nlp):
    # guard: 'le retrait des troupes de la Russie' names the owner, no place is left
    assert ("RETREAT", "russia", "") in _events(nlp, "Le retrait des troupes de la Russie a commencé lundi.")
