"""Pronominal verbs (issue #15, "who is meant"): the reflexive clitic written with a
typographic apostrophe ("s’", models/event_words.yaml ``reflexive_pronouns``) counts like
"s'", and the subject of a pronominal verb that the parser tags nsubj:pass is the agent,
not the patient (pipeline/nlp/events/subjects.py ``is_passive``).

Every sentence was written for this test; each rule has a guard where it must not fire.
"""
from __future__ import annotations

import pytest


def _events(nlp, text):
    return [(e["event_type"], e["agent_id"], e["target_id"]) for e in nlp(text)._.events]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_pronominal_subject_is_the_agent(nlp, apostrophe):
    got = _events(nlp, f"La Russie s{apostrophe}est retirée de la région de Kharkiv.")
    assert ("RETREAT", "russia", "kharkiv") in got
    assert all(a for _, a, _ in got)


def test_reciprocal_with_typographic_apostrophe(nlp):
    got = _events(nlp, "Moscou et Kiev s’en rejettent la responsabilité, mais les Occidentaux insistent.")
    assert ("ACCUSE", "russia", "ukraine") in got and ("ACCUSE", "ukraine", "russia") in got


def test_true_passive_keeps_its_patient(nlp):
    # guards: a passive with 'être' and a par-agent, or without agent, is still a passive
    assert ("ASSAULT", "russia", "ukraine") in _events(nlp, "L'Ukraine a été attaquée par la Russie.")
    assert ("ASSAULT", "", "ukraine") in _events(nlp, "Kiev a été bombardée lundi.")
