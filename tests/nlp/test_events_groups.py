"""A group noun that lists its members stands for each of them (events/groups.py): one
event per listed member, with the same type, trigger, modality and date; nothing is
expanded without an explicit list.

Every sentence was written for this test (none comes from an article).
"""
from __future__ import annotations

import pytest


def _events(nlp, text):
    return nlp(text)._.events


def _triples(nlp, text):
    return {(e["agent_id"], e["event_type"], e["target_id"]) for e in _events(nlp, text)}


@pytest.mark.parametrize("text, expected", [
    # comma apposition of coordinated names
    ("Deux pays, le Chili et l'Argentine, ont dénoncé l'accord signé par le Pérou.",
     {("chile", "ACCUSE", "peru"), ("argentina", "ACCUSE", "peru")}),
    # a list between dashes
    ("Quatre nations – le Japon, la Corée du Sud, l'Australie et le Canada – ont imposé des "
     "sanctions à la Corée du Nord.",
     {("japan", "SANCTION", "north-korea"), ("south-korea", "SANCTION", "north-korea"),
      ("australia", "SANCTION", "north-korea"), ("canada", "SANCTION", "north-korea")}),
    # a demonstrative of the group in the next sentence
    ("Trois pays, la France, l'Allemagne et l'Italie, ont livré des armes à l'Ukraine. "
     "Ces pays ont aussi sanctionné l'Iran.",
     {("france", "SANCTION", "iran"), ("germany", "SANCTION", "iran"), ("italy", "SANCTION", "iran")}),
    # a group named as one actor, its members in parentheses
    ("L'Otan a décidé de déployer des bataillons dans les pays baltes (Estonie, Lettonie, Lituanie).",
     {("nato", "MOBILIZE", "estonia"), ("nato", "MOBILIZE", "latvia"), ("nato", "MOBILIZE", "lithuania")}),
    # a list after a colon, as the target of a threatened act and of the threat
    ("Le Brésil a menacé d'imposer des sanctions à trois pays voisins : le Paraguay, l'Uruguay et la Bolivie.",
     {("brazil", "SANCTION", "paraguay"), ("brazil", "SANCTION", "bolivia"),
      ("brazil", "THREATEN", "uruguay"), ("brazil", "THREATEN", "bolivia")}),
    # a plural pronoun right after the list, in the same sentence
    ("Le Brésil a menacé de sanctionner trois pays voisins : le Paraguay, l'Uruguay et la Bolivie, "
     "s'ils continuent d'envoyer des troupes en Guyane.",
     {("paraguay", "MOBILIZE", "french-guiana"), ("bolivia", "MOBILIZE", "french-guiana")}),
])
def test_listed_group_gives_one_event_per_member(nlp, text, expected):
    assert expected <= _triples(nlp, text)


def test_members_share_everything_but_the_agent(nlp):
    evs = [e for e in _events(nlp, "Deux pays, le Chili et l'Argentine, ont dénoncé l'accord "
                                   "signé par le Pérou le 3 mars 2021.")
           if e["event_type"] == "ACCUSE"]
    assert {e["agent_id"] for e in evs} == {"chile", "argentina"}
    for key in ("trigger", "modality", "date", "start_char", "sentence", "confidence"):
        assert len({e[key] for e in evs}) == 1, key
    assert all(e["rule"].endswith("_group_members") for e in evs)
    assert evs[0]["date"] == "2021-03-03"


@pytest.mark.parametrize("text", [
    # a group noun without a list stays without an agent
    "Trois pays ont condamné l'Iran. Ces pays ont aussi sanctionné la Syrie.",
    # the demonstrative is too far from the list
    "Deux pays, le Chili et l'Argentine, ont signé un accord. Le Pérou a salué le texte. "
    "La Bolivie s'est tue. Le Brésil a observé. Ces pays ont ensuite accusé la Bolivie.",
])
def test_no_expansion_without_a_near_list(nlp, text):
    last = [e for e in _events(nlp, text) if e["event_type"] in ("SANCTION", "ACCUSE")][-1]
    assert last["agent_id"] == ""
    assert not last["rule"].endswith("_group_members")


@pytest.mark.parametrize("text", [
    "Le pays, la Suède, a condamné la Russie.",  # one name is no list
    "La tension monte entre les deux pays : la Grèce accuse la Turquie.",  # a clause, no list
])
def test_no_list_no_members(nlp, text):
    evs = _events(nlp, text)
    assert not any("_group_members" in e["rule"] for e in evs)
