"""Speech acts typed by what is said (issue #15), pipeline/nlp/events/said.py.

A verb of saying whose content demands an act of another named party is a REQUEST to that
party; one whose content announces, in the future, force by the speaker's own side is a
THREATEN against whom it names (word lists in models/trigger_words.yaml).

Every sentence was written for this test; each rule has a guard where it must not fire.
"""
from __future__ import annotations

import pytest

from pipeline.nlp.events import said


def _events(nlp, text):
    return {(e["event_type"], e["agent_id"], e["target_id"]) for e in nlp(text)._.events}


@pytest.mark.parametrize("text, agent, target", [
    ("« La Turquie doit libérer les journalistes », a ajouté Emmanuel Macron.", "emmanuel-macron", "turkey"),
    ("« Le Venezuela doit organiser des élections libres », a déclaré Josep Borrell.", "josep-borrell", "venezuela"),
    ("Olaf Scholz a répété que la Serbie devait reconnaître le Kosovo.", "olaf-scholz", "serbia"),
])
def test_a_demand_in_what_is_said_is_a_request(nlp, text, agent, target):
    evs = _events(nlp, text)
    assert ("REQUEST", agent, target) in evs
    assert not any(t == "STATEMENT" and a == agent for t, a, _ in evs)


@pytest.mark.parametrize("text", [
    # a forecast in the conditional, a first-person commitment, a plain report
    "« La Serbie devrait reconnaître le Kosovo cette année », a ajouté Emmanuel Macron.",
    "« Nous devons aider la Moldavie », a déclaré Emmanuel Macron.",
    "« La Serbie a reconnu le Kosovo », a ajouté Emmanuel Macron.",
])
def test_no_request_without_a_demand_of_another_party(nlp, text):
    assert not any(t == "REQUEST" for t, _, _ in _events(nlp, text))


@pytest.mark.parametrize("text, agent, target", [
    ("« Ces mesures feront très mal à la Biélorussie », a ajouté Josep Borrell.", "josep-borrell", "belarus"),
    ("« Nous frapperons la Syrie si elle utilise des armes chimiques », a déclaré Emmanuel Macron.",
     "emmanuel-macron", "syria"),
])
def test_the_speakers_own_force_announced_is_a_threat(nlp, text, agent, target):
    assert ("THREATEN", agent, target) in _events(nlp, text)


@pytest.mark.parametrize("text", [
    # a third party's force, a past attack, force in the present
    "« La Syrie frappera la Turquie », a ajouté Emmanuel Macron.",
    "« Nous avons frappé la Syrie », a déclaré Emmanuel Macron.",
    "« Ces mesures font très mal à la Biélorussie », a ajouté Josep Borrell.",
])
def test_no_threat_without_the_speakers_future_force(nlp, text):
    assert not any(t == "THREATEN" for t, _, _ in _events(nlp, text))


def test_content_of_an_incise_and_of_a_clause(nlp):
    doc = nlp("« Le Mali doit partir », a ajouté le ministre. Il a dit que le Mali devait partir.")
    verbs = [t for t in doc if t.lemma_ in ("ajouter", "dire")]
    assert [[r.lemma_ for r in said.content_roots(v)] for v in verbs] == [["devoir"], ["devoir"]]


@pytest.mark.parametrize("text, agent, target", [
    ("Le Kremlin a déclaré que les manœuvres de l'OTAN étaient une provocation.", "russia", "nato"),
    ("Emmanuel Macron a affirmé que le blocus par l'Azerbaïdjan était inacceptable.", "emmanuel-macron", "azerbaijan"),
])
def test_a_reproach_in_the_clause_said_is_an_accusation(nlp, text, agent, target):
    assert ("ACCUSE", agent, target) in _events(nlp, text)


@pytest.mark.parametrize("text", [
    # negated judgement; a judgement without a named party
    "Le Kremlin a déclaré que les manœuvres de l'OTAN n'étaient pas une provocation.",
    "Emmanuel Macron a affirmé que la situation était inacceptable.",
])
def test_no_accusation_without_a_reproach_to_a_named_party(nlp, text):
    assert not any(t == "ACCUSE" for t, _, _ in _events(nlp, text))


def test_a_view_on_what_another_must_do_is_no_demand_a_quoted_one_is(nlp):
    assert not any(t == "REQUEST" for t, _, _ in _events(nlp, "Josep Borrell estime que la Serbie doit reconnaître le Kosovo."))
    assert ("REQUEST", "josep-borrell", "serbia") in _events(
        nlp, "« La Serbie doit reconnaître le Kosovo », a estimé Josep Borrell.")


def test_an_incise_whose_inverted_subject_was_parsed_as_object(nlp):
    """speech.opens_incise: '», a prévenu Joe Biden' with 'Joe' parsed as the object"""
    evs = _events(nlp, "« S'ils refusent, les prochaines frappes seront bien plus dures, et bien plus rapides », "
                       "a prévenu Joe Biden.")
    assert any(t == "THREATEN" and a == "joe-biden" for t, a, _ in evs)
