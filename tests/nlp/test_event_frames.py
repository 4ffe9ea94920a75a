"""models/frames.yaml: frames of trigger senses (target, content, venue, agent markers)."""
import pytest

from pipeline.lexicon import LexiconError, load_lexicon
from pipeline.nlp.events import frames
from pipeline.nlp.events.frames import Frame, frame_of, marker_of

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT"}


def test_every_type_has_a_frame_and_every_sense_names_a_trigger():
    raw = load_lexicon("frames.yaml")
    assert set(raw["types"]) == TYPES
    triggers = load_lexicon("triggers.yaml")["triggers"]
    known = {(t.get("alias_of") or t["lemma"], t["pos"]) for t in triggers}
    typed = {(t.get("alias_of") or t["lemma"], t["pos"], t["type"]) for t in triggers}
    for item in raw["senses"]:
        assert (item["lemma"], item["pos"]) in known, item
        if "type" in item:
            assert (item["lemma"], item["pos"], item["type"]) in typed, item


def test_threat_object_is_target_and_threatened_act_is_content():
    f = frame_of("menacer", "VERB", "THREATEN")
    assert f.role("obj") == "target" and f.role("de") == "content"
    # a sense restricted to one type does not leak into another type of the same lemma
    assert frame_of("frapper", "VERB", "ASSAULT").role("de") != "content"
    assert frame_of("frapper", "VERB", "SANCTION").role("de") == "content"


def test_nouns_need_an_agent_verbs_do_not():
    assert frame_of("offensive", "NOUN", "ASSAULT").needs_agent
    assert not frame_of("attaquer", "VERB", "ASSAULT").needs_agent


def test_meeting_place_is_venue_and_aid_thing_is_content():
    assert frame_of("rencontrer", "VERB", "CONSULT").role("à") == "venue"
    assert frame_of("livrer", "VERB", "AID").role("obj") == "content"
    assert frame_of("livrer", "VERB", "AID").role("à") == "target"
    assert frame_of("invasion", "NOUN", "ASSAULT").role("de") == "target"
    assert frame_of("offensive", "NOUN", "ASSAULT").role("de") == "agent"


def test_bad_items_are_refused_with_a_clear_error():
    with pytest.raises(LexiconError, match="unknown key"):
        frames._check({"lemma": "x", "patient": ["obj"]}, "senses item 1")
    with pytest.raises(LexiconError, match="list of markers"):
        frames._check({"target": "obj"}, "types.X")
    assert Frame().role("obj") == ""


def test_marker_of_reads_prepositions_and_relations(nlp):
    doc = nlp("Washington a menacé Moscou de nouvelles sanctions.")
    verb = next(t for t in doc if t.lemma_ == "menacer")
    markers = {c.text: marker_of(c) for c in verb.children if c.dep_ not in ("aux:tense", "punct", "nsubj")}
    assert markers.get("Moscou") == "obj"
    assert markers.get("sanctions") == "de"
