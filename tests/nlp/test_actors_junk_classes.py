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
