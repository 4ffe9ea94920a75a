"""Precision of the events component: confidence, non-event layout, names, modifiers and
figurative senses (pipeline/nlp/events/confidence.py, layout.py, filters.py).

The sentences are written for these tests (none comes from a scored article).
"""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.events import confidence as C
from pipeline.nlp.events.layout import SpanIndex, heading_lines
from tests.conftest import parse


def _events(nlp, text: str):
    return parse(nlp, text)._.events


def _types(events, trigger_word: str) -> set[str]:
    return {e["event_type"] for e in events if trigger_word in e["trigger"]}


# ----------------------------------------------------------------------------- confidence
def test_score_is_the_logistic_of_bias_plus_weights():
    w = C.Weights(bias=-1.0, weights={"statement": 2.0, "negated": -3.0})
    assert C.score({"statement": True, "negated": False}, w) == round(1 / (1 + math.exp(-1.0)), 3)
    assert C.score({}, w) == round(1 / (1 + math.exp(1.0)), 3)
    assert C.score({"statement": True, "negated": True}, w) < C.score({"statement": True}, w)


@given(st.dictionaries(st.sampled_from(C.FEATURES), st.booleans()))
@settings(deadline=None, max_examples=60)
def test_score_is_a_probability_for_any_features(feats):
    s = C.score(feats, C.load_weights())
    assert 0.0 <= s <= 1.0


def test_every_weight_names_a_feature_and_the_default_threshold_is_a_probability():
    w = C.load_weights()
    assert set(w.weights) <= set(C.FEATURES)
    assert 0.0 < w.default_min_confidence < 1.0


def test_unknown_feature_is_a_clear_error(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("bias: 0\nweights: {agentt: 1}\n", encoding="utf-8")
    with pytest.raises(C.ConfidenceError, match="unknown feature 'agentt'"):
        C.load_weights(str(bad))


def test_every_event_has_a_confidence_and_evidence_orders_them(nlp):
    asserted = _events(nlp, "L'Allemagne a livré des chars Leopard à la Pologne hier.")
    hypothetical = _events(nlp, "L'Allemagne pourrait livrer des chars Leopard à la Pologne.")
    a = [e for e in asserted if e["event_type"] == "AID"]
    h = [e for e in hypothetical if e["event_type"] == "AID"]
    assert a and h
    assert all(0.0 <= e["confidence"] <= 1.0 for e in asserted + hypothetical)
    assert a[0]["confidence"] > h[0]["confidence"]


def test_a_statement_with_its_speaker_is_surer_than_one_in_a_question(nlp):
    plain = _events(nlp, "Le Kremlin a déclaré que les négociations avançaient.")
    asked = _events(nlp, "Le Kremlin a-t-il déclaré que les négociations avançaient ?")
    p = [e["confidence"] for e in plain if e["event_type"] == "STATEMENT"]
    q = [e["confidence"] for e in asked if e["event_type"] == "STATEMENT"]
    assert p and (not q or max(q) < max(p))


def test_quote_check_stays_inside_the_sentence(nlp):
    doc = nlp("Il a dit « la Turquie a bloqué l'accord ». La Grèce a signé le texte.")
    sents = list(doc.sents)
    bloque = next(t for t in doc if t.text == "bloqué")
    signe = next(t for t in doc if t.text == "signé")
    assert C.quoted_in_sentence(bloque, sents[0])
    assert not C.quoted_in_sentence(signe, sents[-1])


# ----------------------------------------------------------------------------- layout
def test_heading_lines_finds_short_unpunctuated_paragraphs():
    text = "Tensions à la frontière\n\nLe texte commence ici, avec une phrase.\nPar Jean Dupont\n"
    assert [text[s:e] for s, e in heading_lines(text)] == ["Tensions à la frontière", "Par Jean Dupont"]


def test_a_one_line_text_has_no_heading():
    assert heading_lines("La Pologne renforce sa frontière") == []


@given(st.lists(st.text(alphabet="abc .!?«»:\t", max_size=40), min_size=0, max_size=6))
@settings(deadline=None, max_examples=80)
def test_heading_ranges_are_stripped_lines_of_the_text(lines):
    text = "\n".join(lines)
    for s, e in heading_lines(text):
        chunk = text[s:e]
        assert chunk and "\n" not in chunk and chunk == chunk.strip()
        assert not chunk.rstrip("»”\"’)] ").endswith((".", "!", "?", "…"))


def test_span_index():
    idx = SpanIndex([(0, 5), (10, 12)])
    assert [idx.inside(i) for i in (0, 4, 5, 9, 10, 11, 12)] == [True, True, False, False, True, True, False]


def test_headline_and_byline_yield_no_event_but_the_body_does(nlp):
    text = ("La Pologne accuse la Biélorussie\n\nPar Marie Martin\n\n"
            "Varsovie a accusé Minsk d'organiser le passage de migrants à sa frontière.")
    events = _events(nlp, text)
    body_start = text.index("Varsovie")
    assert events and all(e["start_char"] >= body_start for e in events)
    assert "ACCUSE" in {e["event_type"] for e in events}


def test_rubric_label_yields_no_event(nlp):
    events = _events(nlp, "Guerre au Proche-Orient : Israël a bombardé le sud du Liban dans la nuit.")
    assert not any(e["trigger"] == "Guerre" for e in events)
    assert "ASSAULT" in _types(events, "bombardé")


def test_title_glued_to_the_next_sentence_yields_no_event(nlp):
    text = ("Voir aussi : Paris promet des missiles à Kiev Dans la nuit de mardi, la Russie a bombardé "
            "le port d'Odessa.")
    events = _events(nlp, text)
    cut = text.index("Dans la nuit")
    assert events and all(e["start_char"] >= cut for e in events)


# ----------------------------------------------------------------------------- filters
def test_trigger_inside_an_organisation_name_is_no_event(nlp):
    events = _events(nlp, "L'Organisation du traité de l'Atlantique nord a condamné la Biélorussie.")
    assert "AGREE" not in {e["event_type"] for e in events}


def test_bare_noun_modifier_is_no_event(nlp):
    events = _events(nlp, "La Norvège a livré des avions de combat à la Lituanie.")
    assert "ASSAULT" not in {e["event_type"] for e in events}
    assert "AID" in {e["event_type"] for e in events}


def test_escalation_of_tension_is_no_attack(nlp):
    events = _events(nlp, "La Russie poursuit son escalade de la tension avec la Moldavie.")
    assert "ASSAULT" not in {e["event_type"] for e in events}
    events = _events(nlp, "La Russie poursuit son escalade militaire en Moldavie.")
    assert "ASSAULT" in {e["event_type"] for e in events}


def test_cessation_of_hostilities_is_no_attack(nlp):
    events = _events(nlp, "L'Arménie a annoncé la cessation des hostilités avec l'Azerbaïdjan.")
    assert "ASSAULT" not in {e["event_type"] for e in events}


def test_striking_with_sanctions_is_a_sanction(nlp):
    events = _events(nlp, "Le Canada a frappé l'Iran de nouvelles sanctions.")
    types = _types(events, "frapp")
    assert "SANCTION" in types and "ASSAULT" not in types


def test_event_noun_needs_an_agent(nlp):
    events = _events(nlp, "Les bombardements sur Kharkiv ont repris.")
    assert not [e for e in events if e["trigger"] == "bombardements"]


def test_agreement_named_after_a_city_has_no_city_agent(nlp):
    events = _events(nlp, "L'accord de Genève prévoyait un retrait progressif.")
    assert not [e for e in events if e["trigger"] == "accord"]
    events = _events(nlp, "L'accord de la Moldavie a surpris.")
    assert [e for e in events if e["trigger"] == "accord" and e["agent_id"]]


def test_one_type_per_trigger_occurrence(nlp):
    text = ("La Turquie a menacé la Suède de nouvelles sanctions. Le Japon a dénoncé les essais de "
            "missiles de la Corée du Nord.")
    events = _events(nlp, text)
    by_start: dict[int, set] = {}
    for e in events:
        by_start.setdefault(e["start_char"], set()).add(e["event_type"])
    assert events and all(len(types) == 1 for types in by_start.values())


def test_a_text_cut_short_keeps_its_last_line_as_body():
    text = ("Titre court\n\nPremier paragraphe complet.\n"
            "La Lettonie a expulsé deux diplomates biélorusses accusés d'espionnage et la")
    spans = heading_lines(text)
    assert [text[s:e] for s, e in spans] == ["Titre court"]


def test_a_line_cut_in_mid_phrase_is_no_heading(nlp):
    text = "Bilan de la semaine\n\nLe Japon a condamné les tirs de missiles de la Corée du Nord sur\nla mer."
    events = _events(nlp, text)
    assert "ACCUSE" in {e["event_type"] for e in events}


def test_approving_a_package_of_sanctions_is_a_sanction_even_after_a_time_word(nlp):
    events = _events(nlp, "Les Vingt-Sept ont approuvé mardi un paquet de sanctions contre la Biélorussie.")
    assert [(e["event_type"], e["target_id"]) for e in events] == [("SANCTION", "belarus")]


def test_trigger_continuing_an_institution_name_is_no_event(nlp):
    events = _events(nlp, "La Lituanie a contacté l'Organisation pour l'interdiction des armes chimiques (OIAC).")
    assert "COERCE" not in {e["event_type"] for e in events}


def test_in_subordinate_clause_reads_relative_and_adverbial_clauses(nlp):
    doc = nlp("La Pologne réclame des sanctions contre la Russie, qui a bombardé Kiev.")
    livre = next(t for t in doc if t.text == "bombardé")
    reclame = next(t for t in doc if t.text == "réclame")
    sent = next(iter(doc.sents))
    assert C.in_subordinate_clause(livre, sent)
    assert not C.in_subordinate_clause(reclame, sent)


def test_features_of_an_agent_read_from_an_adjective_and_of_a_reported_event(nlp):
    doc = nlp("Selon Reuters, l'armée russe a bombardé Kharkiv.")
    bombed = [e for e in doc._.events if e["event_type"] == "ASSAULT"]
    assert bombed and bombed[0]["attributed_to"] == "reuters"
    from pipeline.nlp.events.component import EventExtractor
    from pipeline.nlp.events.context import DocContext
    ex = EventExtractor()
    ctx = DocContext(ex, doc)
    tok = next(t for t in doc if t.text == "bombardé")
    entry = next(e for e in ex.entries[("bombarder", "VERB")])
    feats = C.features(ctx, tok, entry, bombed[0], tok.sent)
    assert feats["agent_adjective"] == (bombed[0]["agent_text"] == "russe")
    assert feats["reported"] and feats["lead_sentence"] and not feats["long_sentence"]
