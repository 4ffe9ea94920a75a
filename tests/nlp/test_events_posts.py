"""Who speaks when a post is named with a nationality adjective ('le ministre ukrainien a
déclaré'), and whom a speech act is addressed to (issue #15, agent and target accuracy).

Every sentence was written for this test; each checks one rule of
``pipeline/nlp/events/arguments.py`` (role_holder) or ``targets.py`` (addressee_word).
"""
from __future__ import annotations

import pytest


def _events(nlp, text):
    return [(e["event_type"], e["agent_id"], e["target_id"]) for e in nlp(text)._.events]


@pytest.mark.parametrize("text, speaker", [
    # the same post and country, named earlier in the article
    ("Le ministre ukrainien des Affaires étrangères Dmytro Kuleba est arrivé à Bruxelles. "
     "Le ministre ukrainien a déclaré que Kiev attendait des armes.", "dmytro-kuleba"),
    # another wording of a post of the only person the article describes with that country
    ("La cheffe de la diplomatie allemande, Annalena Baerbock, a rencontré des élus. "
     "Plus tard, la ministre allemande a affirmé que Berlin ne changerait pas de ligne.", "annalena-baerbock"),
    # the post is the chief's, the adjective sits on the body he heads
    ("Le Premier ministre belge Alexander De Croo est arrivé lundi. "
     "Le chef du gouvernement belge a déclaré que l'Alliance devait inviter l'Ukraine.", "alexander-de-croo"),
])
def test_a_post_with_a_nationality_adjective_is_the_person_the_article_names(nlp, text, speaker):
    events = _events(nlp, text)
    assert ("STATEMENT", speaker, "") in events, events


@pytest.mark.parametrize("text, speaker", [
    # nobody named: the country stands for the speaker
    ("Le ministre ukrainien a déclaré que Kiev attendait des armes.", "ukraine"),
    # a body is no post: the government is the country's, not its head's
    ("Le Premier ministre belge Alexander De Croo est arrivé lundi. "
     "Le gouvernement belge a déclaré que l'Alliance devait inviter l'Ukraine.", "belgium"),
    # a plural post names a group, not the one person described
    ("Le ministre ukrainien des Affaires étrangères Dmytro Kuleba est arrivé à Bruxelles. "
     "Les ministres ukrainiens ont déclaré que Kiev attendait des armes.", "ukraine"),
])
def test_a_post_without_a_named_holder_stays_the_country(nlp, text, speaker):
    events = _events(nlp, text)
    assert any(t == "STATEMENT" and a == speaker for t, a, _ in events), events


@pytest.mark.parametrize("text, wrong", [
    # what the reaction is about is no addressee
    ("Le Kremlin a réagi à une provocation ukrainienne en mer Noire.", "ukraine"),
    # 'aux côtés de X' is a manner, not whom one speaks to
    ("Le Premier ministre néerlandais s'est exprimé aux côtés du secrétaire général de l'OTAN devant la presse.", "nato"),
])
def test_the_topic_or_a_complex_preposition_is_no_addressee(nlp, text, wrong):
    events = _events(nlp, text)
    assert events and not any(t == "STATEMENT" and g == wrong for t, _, g in events), events


def test_a_named_addressee_stays(nlp):
    events = _events(nlp, "Mark Rutte a déclaré à Wang Yi que l'Alliance restait unie.")
    assert ("STATEMENT", "mark-rutte", "wang-yi") in events, events


@pytest.mark.parametrize("text, agent, target", [
    # the parser hangs the par-phrase on the recipient's name: it is still the participle's agent
    ("Les armes livrées à l'Ukraine par les Etats-Unis sont arrivées.", "united-states", "ukraine"),
    ("Les munitions envoyées à la Moldavie par la Roumanie ont été stockées.", "romania", "moldova"),
])
def test_a_stray_par_phrase_is_the_participle_agent_not_the_recipient(nlp, text, agent, target):
    events = _events(nlp, text)
    assert ("AID", agent, target) in events, events


@pytest.mark.parametrize("text, agent, etype, target", [
    # a judging incise is about the subject or the par-agent of the quotation it closes
    ("« La Russie ment depuis le début », a dénoncé Volodymyr Zelensky.", "volodymyr-zelensky", "ACCUSE", "russia"),
    ("« La Pologne est un allié fiable », a salué Joe Biden.", "joe-biden", "SUPPORT", "poland"),
])
def test_a_judging_incise_targets_the_subject_of_the_quotation(nlp, text, agent, etype, target):
    events = _events(nlp, text)
    assert (etype, agent, target) in events, events


def test_a_plain_statement_incise_gets_no_target_from_the_quotation(nlp):
    events = _events(nlp, "« La Pologne recevra des chars », a déclaré Joe Biden.")
    assert ("STATEMENT", "joe-biden", "") in events, events


def test_a_post_as_addressee_is_the_person_the_article_names(nlp):
    events = _events(nlp, "Le président chinois Xi Jinping est arrivé à Paris. "
                          "Emmanuel Macron a dit à son homologue chinois que la France soutenait la paix.")
    assert ("STATEMENT", "emmanuel-macron", "xi-jinping") in events, events


def test_the_recipient_named_on_the_thing_given_is_the_target(nlp):
    events = _events(nlp, "La Norvège a envoyé les munitions destinées à la Moldavie.")
    assert ("AID", "norway", "moldova") in events, events


@pytest.mark.parametrize("text, state", [
    ("Les familles des victimes malaisiennes se sont réunies samedi à Kuala Lumpur.", "malaysia"),
    ("Les otages ukrainiens ont manifesté devant l'ambassade.", "ukraine"),
])
def test_held_or_harmed_people_do_not_make_their_state_an_agent(nlp, text, state):
    events = _events(nlp, text)
    assert not any(a == state for _, a, _ in events), events


def test_soldiers_with_a_nationality_adjective_still_act_for_their_state(nlp):
    events = _events(nlp, "Les soldats russes ont attaqué Kharkiv.")
    assert ("ASSAULT", "russia", "kharkiv") in events, events
