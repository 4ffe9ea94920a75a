"""Junk filters of the actor layer (pipeline/nlp/junk.py): each class of non-actor is
dropped with its reason, and the look-alike that is a real name is kept. Sentences written
for these tests."""
from __future__ import annotations

import pytest


def _run(nlp, text):
    doc = nlp(text)
    kept = {e.text: e._.actor_id for e in doc.ents}
    dropped = {d[2].strip(): d[4] for d in doc._.dropped_ents or []}
    return kept, dropped


def _reason(dropped, text):
    """The reason of the dropped span ``text`` (or of its split remainder)."""
    reason = dropped.get(text, "")
    return reason.replace("split_remainder_", "")


@pytest.mark.parametrize("text, name", [
    ("Irina raconte la nuit passée dans une cave de Kharkiv.", "Irina"),
    ("Selon lui, Mathieu a quitté Odessa la veille du bombardement.", "Mathieu"),
    ("Dans le bus pour Lviv, Svetlana garde le silence.", "Svetlana"),
])
def test_first_name_alone_is_dropped(nlp, text, name):
    kept, dropped = _run(nlp, text)
    assert name not in kept
    assert _reason(dropped, name) == "first_name_only"


def test_first_name_after_its_full_name_joins_it(nlp):
    kept, _ = _run(nlp, "Irina Kovalenko, 41 ans, a quitté Kharkiv en mars. Depuis, Irina vit à Lviv.")
    assert kept.get("Irina") == kept["Irina Kovalenko"] == "irina-kovalenko"


def test_given_name_that_is_the_surname_of_a_full_name_is_kept(nlp):
    kept, _ = _run(nlp, "Le juge Pascal Thomas a entendu les témoins. Thomas a ensuite ajourné l'audience.")
    assert kept.get("Thomas") == "pascal-thomas"


@pytest.mark.parametrize("text, word", [
    ("Ravitaillement : les convois reprennent vers Kherson.", "Ravitaillement"),
    ("Inquiétudes au port de Constanța après l'explosion.", "Inquiétudes"),
    ("Bilan de la journée à Zaporijia : trois blessés.", "Bilan"),
])
def test_common_word_opening_a_sentence_is_dropped(nlp, text, word):
    kept, dropped = _run(nlp, text)
    assert word not in kept
    if word in dropped:
        assert _reason(dropped, word) == "sentence_start_common_word"


def test_capitalised_word_used_as_a_name_elsewhere_is_kept(nlp):
    # "Verdier" is a French noun (a bird) but the document also writes it capitalised
    # mid-sentence: a surname, not a sentence-opening noun
    kept, _ = _run(nlp, "Verdier a signé le texte. Le lendemain, le sénateur Verdier a quitté Bruxelles.")
    assert "Verdier" in kept


@pytest.mark.parametrize("text, head", [
    ("L'Agence nationale pour la reconstruction a publié un rapport.", "Agence"),
    ("Le Front populaire de libération a revendiqué l'attaque.", "Front"),
])
def test_truncated_head_of_a_lowercase_name_is_not_an_actor(nlp, text, head):
    kept, dropped = _run(nlp, text)
    assert head not in kept


def test_head_alone_joins_the_one_longer_name_of_the_document(nlp):
    text = ("La coalition des volontaires s'est réunie lundi. Selon la Coalition, trente pays "
            "enverront des observateurs.")
    kept, _ = _run(nlp, text)
    assert kept.get("Coalition") == "coalition-of-the-willing"


@pytest.mark.parametrize("text, word", [
    ("Ill faut attendre la réponse de Moscou.", "Ill"),
    ("Sil le faut, la Pologne fermera sa frontière.", "Sil"),
])
def test_function_word_with_a_stray_letter_is_a_typo(nlp, text, word):
    kept, dropped = _run(nlp, text)
    assert word not in kept


def test_words_of_a_headline_in_capitals_are_dropped(nlp):
    kept, dropped = _run(nlp, "DIRECT. OFFENSIVE SUR LA CAPITALE\nLes troupes avancent vers Kiev.")
    assert not any(k.isupper() and k != "KIEV" for k in kept)
    assert "ukraine" in kept.values()


def test_translator_and_photo_credits_are_dropped(nlp):
    text = ("Le Parlement a voté la loi à Vilnius.\nTraduit de l'anglais par Hélène Marchetti\n"
            "Photo : Piotr Zalewski / Reuters")
    kept, dropped = _run(nlp, text)
    assert "Hélène Marchetti" not in kept and "Piotr Zalewski" not in kept
    assert "credit_line" in {r.replace("split_remainder_", "") for r in dropped.values()}


def test_names_after_a_references_heading_are_dropped(nlp):
    text = ("Le ministre a rencontré son homologue à Varsovie.\n\nBibliographie\n"
            "- Marek Nowakowski, Histoire de la Pologne, 2004.")
    kept, dropped = _run(nlp, text)
    assert "Marek Nowakowski" not in kept
    assert _reason(dropped, "Marek Nowakowski") == "appendix"


def test_signature_of_initials_is_dropped(nlp):
    kept, dropped = _run(nlp, "La délégation est rentrée à Kiev dans la nuit.\nA.-M. K.")
    assert not any("K." in k for k in kept)


def test_person_named_by_initials_only_is_a_signature(nlp):
    kept, dropped = _run(nlp, "L'armée a repoussé l'assaut près de Bakhmout.\n\nsources : Reuters, AFP, M.-A. R.")
    assert not any(k.startswith("M.-A") or k == "R." for k in kept)


def test_navigation_words_run_together_are_site_chrome(nlp):
    kept, dropped = _run(nlp, "AccueilActualitésSportsCulture Politique\nLe président a reçu le ministre à Dakar.")
    assert not any("Accueil" in k for k in kept)


def test_roman_ordinal_is_not_a_name(nlp):
    kept, _ = _run(nlp, "Au XIXe siècle, la Crimée était russe.")
    assert "XIXe" not in kept


@pytest.mark.parametrize("text, name, place", [
    ("Le croiseur Varsovie a quitté le port.", "Varsovie", "poland"),
    ("La frégate « Kiev » patrouille en mer Noire.", "Kiev", "ukraine"),
    ("Le sous-marin Moscou a été touché.", "Moscou", "russia"),
    ("Un drone Odessa a été abattu.", "Odessa", "odesa"),
])
def test_craft_named_like_a_place_is_not_the_place(nlp, text, name, place):
    doc = nlp(text)
    ents = [e for e in doc.ents if e.text == name]
    assert ents, text
    assert ents[0].label_ == "MISC" and ents[0]._.actor_id.startswith("craft-")


def test_place_without_craft_noun_stays_a_place(nlp):
    doc = nlp("Les drones visant Kiev ont été abattus.")
    assert [e._.actor_id for e in doc.ents if e.text == "Kiev"] == ["ukraine"]


@pytest.mark.parametrize("text, actor", [
    ("M.Poutine a reçu son homologue.", "vladimir-putin"),
    ("Mme.Merkel a quitté la chancellerie.", "angela-merkel"),
    ("MM.Macron et Scholz se sont parlé.", "emmanuel-macron"),
])
def test_title_glued_to_a_name(nlp, text, actor):
    assert actor in [e._.actor_id for e in nlp(text).ents]


@pytest.mark.parametrize("text", [
    "Le plan de paix de Zelensky’ prévoit un cessez-le-feu.",
    "« Nous tiendrons », a écrit Zelensky’ sur son compte Telegram.",
])
def test_trailing_apostrophe_is_not_part_of_the_name(nlp, text):
    ids = [e._.actor_id for e in nlp(text).ents if e.text.startswith("Zelensk")]
    assert ids and set(ids) == {"volodymyr-zelensky"}


def test_seat_spelt_without_its_accent_follows_the_metonymy_policy(nlp):
    ids = [e._.actor_id for e in nlp("Selon l'Elysee, la réunion aura lieu jeudi. L’Élysée a confirmé.").ents]
    assert ids and set(ids) == {"france"}


@pytest.mark.parametrize("text, word", [
    ("Les étudiants se sont rassemblés devant le monument de la Victoire à Minsk.", "Victoire"),
    ("Le cortège a remonté l'avenue de la Liberté jusqu'au Parlement géorgien.", "Liberté"),
])
def test_capitalised_tail_of_a_lowercase_name_is_not_an_actor(nlp, text, word):
    kept, _ = _run(nlp, text)
    assert word not in kept


def test_word_opening_a_quotation_is_read_like_a_sentence_opening(nlp):
    kept, _ = _run(nlp, "Les manifestants scandaient « Démission » sous les fenêtres du gouvernement à Tbilissi.")
    assert "Démission" not in kept


def test_word_cut_by_the_end_of_the_text_is_dropped(nlp):
    kept, dropped = _run(nlp, "Le chef de la diplomatie a quitté Varsovie pour Ott")
    assert "Ott" not in kept


@pytest.mark.parametrize("text, name", [
    ("Selon lui, le Comité olympique international rendra sa décision vendredi à Lausanne.",
     "Comité olympique international"),
    ("Selon Kiev, l'Agence spatiale européenne a perdu le contact.", "Agence spatiale européenne"),
])
def test_generic_head_name_keeps_its_lowercase_adjectives(nlp, text, name):
    kept, _ = _run(nlp, text)
    assert name in kept and name.split()[0] not in kept


def test_compass_point_alone_is_not_a_place(nlp):
    kept, _ = _run(nlp, "Les frappes visent Kharkiv [Sud-Ouest, près du fleuve] depuis lundi.")
    assert "Sud-Ouest" not in kept
