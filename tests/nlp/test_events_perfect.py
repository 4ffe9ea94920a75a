"""Modality of an act governed by a verb of intent or agreement: 'convenir de' + infinitive
is an act agreed on, not done (hypothetical, like 'accepter de'); a past infinitive
('a annoncé avoir rompu', 'dit avoir abattu') reports an act already done (asserted), and
'convenir que' reports, like 'reconnaître que'.

Every sentence was written for this test (none comes from an article).
"""
from __future__ import annotations

import pytest


def _modalities(nlp, text, trigger_word):
    return {e["modality"] for e in nlp(text)._.events if trigger_word in e["trigger"]}


@pytest.mark.parametrize("text, trigger_word, modality", [
    # the agreement happened; the act agreed on did not yet
    ("La Bolivie a convenu de rétablir ses relations diplomatiques avec le Pérou.", "convenu", "asserted"),
    ("La Bolivie a convenu de rétablir ses relations diplomatiques avec le Pérou.", "rétablir", "hypothetical"),
    ("Le Danemark a annoncé avoir rompu ses relations diplomatiques avec le Venezuela.", "rompu", "asserted"),
    ("L'armée grecque affirme avoir abattu un drone turc.", "abattu", "asserted"),
    # the same verbs with a plain infinitive keep the intent
    ("Le Danemark a annoncé vouloir rompre ses relations diplomatiques avec le Venezuela.", "rompre", "hypothetical"),
    ("Le Danemark a décidé de rompre ses relations diplomatiques avec le Venezuela.", "rompre", "hypothetical"),
])
def test_intent_verbs_and_past_infinitives(nlp, text, trigger_word, modality):
    assert _modalities(nlp, text, trigger_word) == {modality}


def test_convenir_que_reports(nlp):
    """'convenir que' acknowledges: the clause keeps its own modality and has a source."""
    events = [e for e in nlp("Le ministre grec a convenu que la Turquie avait attaqué Chypre.")._.events
              if "attaqué" in e["trigger"]]
    assert [e["modality"] for e in events] == ["asserted"]
