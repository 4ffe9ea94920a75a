"""Error classes common to every batch of real articles (issue #15, transfer): complements
the parser hung on a bare date, what a strike hits named by a nationality adjective on the
object, the other side of a broken or suspended tie, role holders and pronoun subjects.

Every sentence was written for this test (none comes from an article).
"""
from __future__ import annotations

import pytest


def _events(nlp, text):
    return [(e["agent_id"], e["event_type"], e["target_id"], e["modality"]) for e in nlp(text)._.events]


@pytest.mark.parametrize("text, expected", [
    # complements hung on a bare date ('ont convenu samedi de…', 'a rompu jeudi ses relations…')
    ("Le Chili et l'Argentine ont convenu samedi de rouvrir leurs ambassades.",
     ("chile", "AGREE", "argentina")),
    ("Le Danemark a rompu jeudi ses relations diplomatiques avec le Venezuela.",
     ("denmark", "SANCTION", "venezuela")),
    # what is struck belongs to the state of its adjective
    ("L'armée grecque a abattu jeudi un drone turc.", ("greece", "ASSAULT", "turkey")),
    ("Un drone iranien a été abattu par l'armée israélienne.", ("israel", "ASSAULT", "iran")),
    ("Le Pakistan a lancé une offensive sur une grande partie du territoire indien.",
     ("pakistan", "ASSAULT", "india")),
    # the other side of a tie
    ("La Hongrie a suspendu sa coopération avec l'Autriche.", ("hungary", "SANCTION", "austria")),
    ("Le Maroc et la Tunisie ont rompu leurs liens et fermé leurs frontières avec la Libye.",
     ("morocco", "SANCTION", "libya")),
    # a threat is aimed at whoever the threatened act is aimed at
    ("Le Brésil a menacé d'imposer des droits de douane à l'Argentine.", ("brazil", "THREATEN", "argentina")),
    ("Le Japon a menacé de suspendre ses importations et d'émettre un embargo contre la Corée du Nord.",
     ("japan", "THREATEN", "north-korea")),
])
def test_transfer_rules_find_the_event(nlp, text, expected):
    assert expected in [e[:3] for e in _events(nlp, text)]


@pytest.mark.parametrize("text, unexpected", [
    # a date after the object keeps its place phrase: Vienna is where, not whom
    ("La Hongrie a annoncé la signature, jeudi à Vienne, d'un accord.", ("hungary", "AGREE", "vienna")),
    # the adjective of a delivered thing is not the target of an aid
    ("Le Japon a livré jeudi des camions allemands à la Mongolie.", ("japan", "AID", "germany")),
    # a threat does not borrow the target of an act by someone else
    ("Le Brésil a menacé de répondre si l'Argentine frappe le Chili.", ("brazil", "THREATEN", "chile")),
])
def test_transfer_rules_keep_out(nlp, text, unexpected):
    """A rule that fires where it should not."""
    assert unexpected not in [e[:3] for e in _events(nlp, text)]


def test_date_glued_complement_returns_to_the_verb(nlp):
    # 'a donné vendredi au maximum deux semaines à X': words between the date and the complement
    doc = nlp("Le Brésil a appelé mardi au plus vite la Bolivie à négocier.")
    assert next(t for t in doc if t.lemma_ == "négocier").head.lemma_ != "mardi"
    doc = nlp("La Suède a convenu lundi de livrer des chars à la Finlande.")
    verb = next(t for t in doc if t.lemma_ == "convenir")
    inf = next(t for t in doc if t.lemma_ == "livrer")
    assert inf.head == verb and inf.dep_ == "xcomp"
    assert ("sweden", "AID", "finland") in [e[:3] for e in _events(nlp, doc.text)]
