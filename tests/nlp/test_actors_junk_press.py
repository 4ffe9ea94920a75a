"""Junk of general press pages (issue #17, pipeline/nlp/junk.py): rubric titles, photo
credits after "/ <agency>", publication stamps, editors' notes, English page chrome; and the
real names in similar positions that must stay. Sentences written for these tests."""
from __future__ import annotations

import pytest


def _run(nlp, text):
    doc = nlp(text)
    kept = {e.text: e._.actor_id for e in doc.ents}
    dropped = {d[2].strip(): d[4].replace("split_remainder_", "") for d in doc._.dropped_ents or []}
    return kept, dropped


@pytest.mark.parametrize("text, word", [
    ("Ce Live se termine ici. Merci de l'avoir suivi depuis Nairobi.", "Live"),
    ("Reportage\nÀ Bangui, les électeurs font la queue dès l'aube.", "Reportage"),
])
def test_rubric_word_alone_is_a_rubric_title(nlp, text, word):
    kept, dropped = _run(nlp, text)
    assert word not in kept and not any(k.endswith(word) for k in kept)
    if word in dropped or "Ce " + word in dropped:
        assert dropped.get(word, dropped.get("Ce " + word)) == "rubric_title"


def test_real_name_holding_a_rubric_word_is_kept(nlp):
    kept, _ = _run(nlp, "La Tribune de Genève a publié l'entretien.")
    assert "Tribune de Genève" in kept


def test_title_case_label_before_a_colon_is_a_rubric_title(nlp):
    kept, dropped = _run(nlp, "Alerte Sanitaire: le Kenya ferme ses écoles.")
    assert "Alerte Sanitaire" not in kept and dropped["Alerte Sanitaire"] == "rubric_title"
    assert kept.get("Kenya") == "kenya"


def test_person_before_a_colon_is_kept(nlp):
    kept, _ = _run(nlp, "Raila Odinga : « Nous irons aux urnes »")
    assert "Raila Odinga" in kept


def test_name_before_slash_agency_is_a_photo_credit(nlp):
    kept, dropped = _run(nlp, "Le cortège a traversé Lima. — Julia Benítez / Reuters")
    assert "Julia Benítez" not in kept and dropped["Julia Benítez"] == "credit_line"
    assert "Lima" in kept


def test_same_person_in_a_sentence_is_kept(nlp):
    kept, _ = _run(nlp, "Julia Benítez, ministre péruvienne, a parlé à Lima.")
    assert "Julia Benítez" in kept


def test_slash_between_two_places_is_no_credit(nlp):
    kept, _ = _run(nlp, "La ligne Dakar / Bamako a rouvert.")
    assert "Dakar" in kept


def test_publication_stamp_is_a_credit_line(nlp):
    kept, dropped = _run(nlp, "Published at: 2024-03-03 10:00\nLe président kenyan William Ruto a reçu son homologue.")
    assert not any(k.startswith("Published") for k in kept)
    assert "credit_line" in dropped.values()
    assert "William Ruto" in kept


def test_editors_note_is_not_a_name(nlp):
    kept, dropped = _run(nlp, "« Ils (les rebelles, NDLR) ont quitté Goma », a dit le porte-parole.")
    assert "NDLR" not in kept and dropped["NDLR"] == "not_a_name"
    assert "Goma" in kept


def test_english_page_chrome_is_a_foreign_passage(nlp):
    kept, dropped = _run(nlp, "Le Parlement kényan a voté la loi.\nStill want to read the full version? Subscribe here")
    assert "Still" not in kept


def test_place_after_a_contracted_article_is_not_a_truncated_tail(nlp):
    kept, _ = _run(nlp, "Les rebelles du Tigré ont rendu leurs armes lourdes.")
    assert "Tigré" in kept


def test_capitalised_noun_before_a_verb_is_no_truncated_head(nlp):
    kept, _ = _run(nlp, "Selon le rapport, Sentinelle mobilise encore des milliers de soldats.")
    assert "Sentinelle" in kept


@pytest.mark.parametrize("text, name", [
    ("Selon la Fédération internationale des échecs, le tournoi aura lieu à Chennai.",
     "Fédération internationale des échecs"),
    ("D'après l'Alliance démocratique pour le changement, le scrutin a été truqué.",
     "Alliance démocratique pour le changement"),
])
def test_organisation_written_in_lowercase_after_its_head_is_kept_whole(nlp, text, name):
    kept, _ = _run(nlp, text)
    assert name in kept and name.split()[0] not in kept


def test_head_after_a_lowercase_noun_with_one_adjective_is_not_kept_whole(nlp):
    kept, _ = _run(nlp, "Selon Amina Diop, ministre de la Santé publique sénégalaise, les stocks sont suffisants.")
    assert not any(k.startswith("Santé") for k in kept)


def test_head_alone_after_its_lowercase_name_is_a_truncated_name(nlp):
    text = ("Hier, la Fédération nationale des pêcheurs a bloqué le port de Dakar. "
            "Dans la soirée, la Fédération a levé le blocus.")
    kept, dropped = _run(nlp, text)
    assert "Fédération nationale des pêcheurs" in kept
    assert "Fédération" not in kept


@pytest.mark.parametrize("text, name", [
    ("Les combats ont repris au Sahara occidental la semaine dernière.", "Sahara occidental"),
    ("La sécheresse frappe la Corne orientale depuis trois ans.", "Corne orientale"),
])
def test_place_keeps_its_orientation_adjective(nlp, text, name):
    kept, _ = _run(nlp, text)
    assert name in kept


def test_place_followed_by_another_adjective_stays_the_place(nlp):
    kept, _ = _run(nlp, "Les éleveurs du Darfour affamés ont fui vers le Tchad.")
    assert "Darfour" in kept and "Darfour affamés" not in kept


@pytest.mark.parametrize("text, outlet", [
    ("(RADIOFLASH) - Le gouvernement kényan a annoncé lundi une hausse des taxes.", "RADIOFLASH"),
    ("Lomé, 3 mars (TogoPresse) – Le président Faure Gnassingbé a reçu l'émissaire.", "TogoPresse"),
])
def test_outlet_of_a_dateline_is_a_credit(nlp, text, outlet):
    kept, dropped = _run(nlp, text)
    assert outlet not in kept and dropped[outlet] == "credit_line"


def test_name_in_parentheses_without_a_dash_is_kept(nlp):
    kept, _ = _run(nlp, "Le porte-parole (Abdou Karim Diallo) a refusé l'offre.")
    assert "Abdou Karim Diallo" in kept


def test_initials_glued_to_a_surname_alone_on_a_line_are_a_signature(nlp):
    kept, dropped = _run(nlp, "Les négociations ont repris au Caire.\nKMbaye")
    assert "KMbaye" not in kept and dropped["KMbaye"] == "signature"


def test_airline_named_after_a_country_is_one_organisation(nlp):
    doc = nlp("Le Kenya Airways a annulé ses vols vers Nairobi.")
    assert [(e.text, e.label_) for e in doc.ents if e.text.startswith("Kenya")] == [("Kenya Airways", "ORG")]


def test_acronym_in_parentheses_joins_its_name_in_the_document(nlp):
    doc = nlp("Le Mouvement pour la renaissance du Katanga (MRK) a remporté les élections à Lubumbashi. "
              "Le MRK gouvernera seul.")
    ids = [e._.actor_id for e in doc.ents if e.text in ("MRK", "Mouvement pour la renaissance du Katanga")]
    assert len(ids) == 3 and set(ids) == {"mouvement-pour-la-renaissance-du-katanga"}


def test_parentheses_holding_an_unrelated_acronym_join_nothing(nlp):
    doc = nlp("Le porte-parole Jean-Paul Mbeki (AFP) a démenti.")
    ids = [e._.actor_id for e in doc.ents if e.text == "AFP"]
    assert ids == ["afp"]


@pytest.mark.parametrize("text, award", [
    ("La lauréate du prix Nobel de la paix, Maria Ressa, a quitté Manille.", "Nobel"),
    ("Le Prix Sakharov a été remis à Strasbourg.", "Sakharov"),
    ("Le Sénégal a remporté la Coupe d'Afrique des nations à Yaoundé.", "Coupe"),
])
def test_prize_or_cup_is_not_an_actor(nlp, text, award):
    kept, dropped = _run(nlp, text)
    assert not any(award in k for k in kept)
    assert "award_name" in dropped.values()


def test_laureate_and_verb_coupe_are_kept(nlp):
    kept, _ = _run(nlp, "La lauréate du prix Nobel de la paix, Maria Ressa, a quitté Manille.")
    assert "Maria Ressa" in kept
    kept, _ = _run(nlp, "Le Niger coupe ses relations avec Paris.")
    assert "Niger" in kept and "Paris" in kept
