"""Which occurrence is an event, and of what type: speech acts typed by what is said,
incise-only speech verbs, anaphoric event nouns, reciprocal verbs, place seizures.

The sentences are written for these tests (none comes from a scored article).
"""
from __future__ import annotations

import pytest

from tests.conftest import parse


def _events(nlp, text: str):
    return parse(nlp, text)._.events


def _by_trigger(events, word: str) -> list[tuple[str, str, str]]:
    return [(e["event_type"], e["agent_id"], e["target_id"]) for e in events if word in e["trigger"]]


# --------------------------------------------------------------- warnings of force are threats
@pytest.mark.parametrize("text, word", [
    ("Le Kremlin a prévenu que l'armée russe bombarderait les dépôts d'armes occidentaux.", "prévenu"),
    ("« Nous frapperons les dépôts d'armes », a prévenu le ministre russe Sergueï Choïgou.", "prévenu"),
])
def test_a_warning_that_announces_force_is_a_threat(nlp, text, word):
    assert {t for t, _, _ in _by_trigger(_events(nlp, text), word)} == {"THREATEN"}


def test_a_warning_about_talks_stays_a_statement(nlp):
    ev = _events(nlp, "Le ministre russe a prévenu que les discussions avec l'Ukraine reprendraient lundi.")
    assert {t for t, _, _ in _by_trigger(ev, "prévenu")} == {"STATEMENT"}


def test_a_warning_about_someone_elses_past_strikes_is_no_threat(nlp):
    # the force named in the content refers back to reported events ("ces frappes")
    ev = _events(nlp, "Le ministre polonais a prévenu que ces frappes inquiétaient Varsovie.")
    assert "THREATEN" not in {t for t, _, _ in _by_trigger(ev, "prévenu")}


# --------------------------------------------------------------- speech verbs only in an incise
@pytest.mark.parametrize("text, word", [
    ("« Nous ne céderons rien », a lancé le président polonais Andrzej Duda.", "lancé"),
    ("« Les chars partiront demain », a poursuivi Olaf Scholz.", "poursuivi"),
])
def test_incise_verbs_report_speech(nlp, text, word):
    assert [t for t, _, _ in _by_trigger(_events(nlp, text), word)] == ["STATEMENT"]


@pytest.mark.parametrize("text, word", [
    ("La Pologne a lancé un programme de formation des pilotes ukrainiens.", "lancé"),
    ("L'Allemagne poursuit ses livraisons d'armes à l'Ukraine.", "poursuit"),
])
def test_the_same_verbs_outside_an_incise_say_nothing(nlp, text, word):
    assert not any(e["event_type"] == "STATEMENT" and word in e["trigger"] for e in _events(nlp, text))


# --------------------------------------------------------------- one event per occurrence
def test_a_demonstrative_event_noun_refers_back(nlp):
    text = "L'armée russe a lancé des frappes sur Odessa. Ces frappes russes ont tué dix civils."
    ev = _events(nlp, text)
    second = text.index("Ces")
    assert not [e for e in ev if e["start_char"] >= second and e["trigger"].startswith("frappes")]
    assert any(e["event_type"] == "ASSAULT" and e["start_char"] < second for e in ev)


def test_a_fresh_event_noun_is_still_an_event(nlp):
    ev = _events(nlp, "Les frappes russes ont tué dix civils à Odessa.")
    assert ("ASSAULT", "russia", "") in _by_trigger(ev, "frappes")


# --------------------------------------------------------------- reciprocal verbs, blame
def test_mutual_blame_is_two_accusations(nlp):
    ev = _events(nlp, "La Serbie et le Kosovo se renvoient la faute.")
    assert set(_by_trigger(ev, "renvoient")) == {("ACCUSE", "serbia", "kosovo"), ("ACCUSE", "kosovo", "serbia")}


def test_reciprocal_needs_a_reflexive_indirect_object_or_an_adverb(nlp):
    from pipeline.nlp.events.speech import reciprocal
    doc = nlp("La Serbie et le Kosovo se renvoient la faute. La Serbie et le Kosovo accusent la Hongrie.")
    verbs = [t for t in doc if t.pos_ == "VERB"]
    assert [reciprocal(v) for v in verbs] == [True, False]


# --------------------------------------------------------------- material acts
def test_seizing_a_place_is_an_assault_investing_money_is_not(nlp):
    assert ("ASSAULT", "russia", "kherson") in _by_trigger(_events(nlp, "Les troupes russes ont investi Kherson."),
                                                          "investi")
    assert not _events(nlp, "La Russie a investi des milliards dans son armée.")


def test_deciding_sanctions_is_a_sanction(nlp):
    ev = _events(nlp, "L'Union européenne a décidé de nouvelles sanctions contre la Biélorussie.")
    assert ("SANCTION", "eu", "belarus") in _by_trigger(ev, "décidé")


# --------------------------------------------------------------- evaluations typed by what is said
@pytest.mark.parametrize("text, word, kind", [
    ("Emmanuel Macron a jugé l'OTAN en état de mort cérébrale.", "jugé", "ACCUSE"),
    ("Le président Emmanuel Macron a jugé l'OTAN absurde et inacceptable.", "jugé", "ACCUSE"),
    ("Le chancelier Olaf Scholz estime que la décision russe n'est pas acceptable.", "estime", "ACCUSE"),
    ("Volodymyr Zelensky a jugé absurde que l'Ukraine n'ait pas de calendrier.", "jugé", "ACCUSE"),
    ("Le ministre turc a qualifié la décision de la Suède de bonne nouvelle.", "qualifié", "SUPPORT"),
])
def test_a_judgement_is_typed_by_what_it_says(nlp, text, word, kind):
    assert {t for t, _, _ in _by_trigger(_events(nlp, text), word)} == {kind}


@pytest.mark.parametrize("text, word", [
    ("Le chancelier Olaf Scholz estime que la Russie doit négocier.", "estime"),   # no judgement word
    ("Olaf Scholz ne juge pas la proposition russe absurde.", "juge"),             # a negated reproach
])
def test_a_neutral_or_negated_judgement_stays_a_statement(nlp, text, word):
    assert {t for t, _, _ in _by_trigger(_events(nlp, text), word)} == {"STATEMENT"}


def test_an_accusation_keeps_the_judged_actor_as_target(nlp):
    ev = _events(nlp, "Emmanuel Macron a jugé l'OTAN en état de mort cérébrale.")
    assert ("ACCUSE", "emmanuel-macron", "nato") in _by_trigger(ev, "jugé")


# --------------------------------------------------------------- the content of an event noun
def test_an_event_noun_inside_another_is_its_content(nlp):
    ev = _events(nlp, "L'Ukraine a annoncé un accord de cessez-le-feu.")
    assert {e["event_type"] for e in ev} == {"STATEMENT", "AGREE"}


def test_the_same_noun_alone_is_an_event(nlp):
    ev = _events(nlp, "L'Ukraine a annoncé un cessez-le-feu.")
    assert ("CONCEDE", "ukraine", "") in _by_trigger(ev, "cessez-le-feu")


# --------------------------------------------------------------- triggers inside names
def test_a_trigger_after_a_capitalised_institution_noun_is_part_of_a_name(nlp):
    ev = _events(nlp, "Berlin veut contacter l'Organisation pour l'interdiction des armes chimiques.")
    assert not [e for e in ev if e["trigger"] == "interdiction"]


def test_the_same_noun_in_prose_is_still_an_event(nlp):
    ev = _events(nlp, "Berlin a demandé l'interdiction des armes chimiques russes.")
    assert any(e["trigger"] == "interdiction" for e in ev)


# --------------------------------------------------------------- background mentions
@pytest.mark.parametrize("text, word", [
    ("Lors du sommet de l'OTAN, Joe Biden a rencontré Recep Tayyip Erdogan.", "sommet"),
    ("Avant l'ouverture de la réunion de l'OTAN, l'Allemagne a livré des chars à l'Ukraine.", "réunion"),
    ("Après l'invasion russe de l'Ukraine, la Finlande a demandé son adhésion à l'OTAN.", "invasion"),
])
def test_an_event_noun_that_frames_the_time_is_no_new_event(nlp, text, word):
    ev = _events(nlp, text)
    assert not _by_trigger(ev, word)
    assert ev  # the sentence's own news is still there


def test_a_framing_noun_with_a_par_agent_is_kept_and_a_plain_one_too(nlp):
    assert _by_trigger(_events(nlp, "Sept ans après l'annexion de la Crimée par la Russie, Kiev a rompu avec Moscou."),
                       "annexion")
    assert _by_trigger(_events(nlp, "Le sommet de l'OTAN s'est ouvert à Vilnius."), "sommet")


# --------------------------------------------------------------- permissions, requests sent, restrictions
@pytest.mark.parametrize("text, word, kind", [
    ("Berlin va autoriser la Pologne à livrer des chars.", "autoriser", "CONCEDE"),
    ("Olaf Scholz a donné son feu vert à la livraison de chars par la Pologne.", "donné", "CONCEDE"),
    ("Berlin a envoyé une demande officielle à Moscou.", "envoyé", "REQUEST"),
    ("Moscou a suspendu la navigation dans le détroit de Kertch.", "suspendu", "COERCE"),
    ("Les Vingt-Sept sont tombés d'accord sur un embargo contre la Russie.", "tombés", "AGREE"),
])
def test_material_and_verbal_acts_named_by_a_light_verb(nlp, text, word, kind):
    assert kind in {t for t, _, _ in _by_trigger(_events(nlp, text), word)}


def test_a_preposition_hung_on_a_time_word_still_counts(nlp):
    # the parser attaches "à des manifestations" to "vendredi"
    ev = _events(nlp, "Svetlana Tikhanovskaïa a appelé vendredi à des manifestations.")
    assert {t for t, _, _ in _by_trigger(ev, "appelé")} == {"REQUEST"}
    # a time word with its own determiner is no bare time word: nothing is borrowed from it
    from pipeline.nlp.events.triggers import prep_dependents
    doc = nlp("Kiev a appelé la semaine dernière.")
    verb = next(t for t in doc if t.lemma_ == "appeler")
    assert not any(t.lower_ == "dernière" for t in prep_dependents(verb))


# --------------------------------------------------------------- judgements in a quotation
def test_a_quoted_reproach_makes_the_incise_an_accusation(nlp):
    ev = _events(nlp, "« Cette annexion est une violation du droit international », a déclaré Emmanuel Macron.")
    assert {t for t, _, _ in _by_trigger(ev, "déclaré")} == {"ACCUSE"}
    ev = _events(nlp, "« L'indécision est une faiblesse », a lancé Volodymyr Zelensky.")
    assert {t for t, _, _ in _by_trigger(ev, "lancé")} == {"ACCUSE"}


@pytest.mark.parametrize("text", [
    "« La réunion a été longue », a déclaré Emmanuel Macron.",            # no judgement
    "« C'était une conversation constructive », a déclaré Emmanuel Macron.",  # self-praise of a plain incise
])
def test_other_quotations_keep_the_statement(nlp, text):
    assert {t for t, _, _ in _by_trigger(_events(nlp, text), "déclaré")} == {"STATEMENT"}


# --------------------------------------------------------------- taking sides
@pytest.mark.parametrize("text, word", [
    ("La Pologne se tient aux côtés de l'Ukraine.", "tient"),
    ("La Hongrie s'est rangée du côté de la Russie.", "rangée"),
    ("L'Union européenne doit se mobiliser aux côtés des Biélorusses.", "mobiliser"),
])
def test_taking_sides_is_support(nlp, text, word):
    assert {t for t, _, _ in _by_trigger(_events(nlp, text), word)} == {"SUPPORT"}


def test_mobilising_reservists_stays_a_mobilisation(nlp):
    assert {t for t, _, _ in _by_trigger(_events(nlp, "La Russie a mobilisé 300 000 réservistes."), "mobilisé")} == {
        "MOBILIZE"}
