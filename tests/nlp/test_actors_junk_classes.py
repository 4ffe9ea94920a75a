"""Junk classes added for issue #17 (pipeline/nlp/junk.py): each is dropped with its reason,
and the look-alike that names an actor is kept. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.conftest import parse


def _run(nlp, text):
    doc = parse(nlp, text, None)
    kept = {e.text: e._.actor_id for e in doc.ents}
    dropped = {d[2].strip(): d[4].replace("split_remainder_", "") for d in doc._.dropped_ents or []}
    return kept, dropped


@pytest.mark.parametrize("text", [
    "Selon le ministère de l'Intérieur, quarante personnes ont été interpellées.",
    "Le ministère des Finances a publié ses prévisions jeudi.",
])
def test_department_without_its_state_is_dropped(nlp, text):
    kept, dropped = _run(nlp, text)
    assert not any(k.startswith("ministère") for k in kept)
    assert "department_without_state" in dropped.values() or not dropped


@pytest.mark.parametrize("text, name", [
    ("Le ministère de l'Intérieur turc a annoncé des arrestations.", "ministère de l'Intérieur"),
])
def test_department_with_its_state_is_kept(nlp, text, name):
    kept, _ = _run(nlp, text)
    assert any(k.startswith(name) for k in kept), kept


@pytest.mark.parametrize("text, junk, reason", [
    ("Le port après les frappes. Photo : AFP/KYODO\nLe ministre a visité le site.", "KYODO", "credit_line"),
    ("Des soldats près de Bakhmout. via AP - Yuri Petrenko\n\nLe front reste figé.", "Yuri Petrenko", "credit_line"),
    ("Kherson est libérée !\n— Oksana (@oksana_k) November 11, 2022\nLes habitants sont sortis.", "Oksana",
     "credit_line"),
    ("La présidence l'a confirmé. « II a choisi de partir », a dit un proche.", "II", "typo"),
    ("Le tribunal siège à Rabat.\n\nLA RIPOSTE\n\nLes juges ont tranché.", "RIPOSTE", "uppercase_headline"),
])
def test_chrome_credits_and_typos_are_dropped(nlp, text, junk, reason):
    kept, dropped = _run(nlp, text)
    assert not any(junk in k for k in kept), kept
    assert any(junk in d and r == reason for d, r in dropped.items()), dropped


@pytest.mark.parametrize("text, name", [
    ("La Communauté des États d'Afrique de l'Ouest a suspendu le pays.", "Communauté des États d'Afrique de l'Ouest"),
    ("Une chercheuse du Center for Strategic Studies a été entendue.", "Center for Strategic Studies"),
])
def test_long_names_are_not_cut_around_a_place_or_an_english_particle(nlp, text, name):
    kept, _ = _run(nlp, text)
    assert name in kept, kept


def test_a_name_after_an_agency_in_prose_is_kept(nlp):
    kept, _ = _run(nlp, "Selon l'AFP, Olena Zelenska a quitté Kiev mardi.")
    assert "Olena Zelenska" in kept
