"""Action edges count only the events at or above the run's min_confidence."""

from pipeline.analysis.extract import DocResult
from pipeline.ingest.readers import Document
from pipeline.nlp.gazetteer import build, parse_entries
from pipeline.reduce.aggregate import action_edges
from pipeline.reduce.tables import build_tables

GAZ = build(parse_entries([
    {"id": "nato", "label": "OTAN", "type": "ORG", "aliases": ["OTAN"]},
    {"id": "russia", "label": "Russie", "type": "LOC", "aliases": ["Russie"]},
]))


def _result():
    d = Document(doc_id="d1", source="d1.txt", text="x", published="2022-02-24", published_precision="day")
    r = DocResult(d, n_tokens=10)
    for aid, label in (("russia", "LOC"), ("nato", "ORG")):
        r.mentions.append({"doc_id": "d1", "sentence_id": 0, "start_char": 0, "end_char": 3, "text": aid,
                           "label": label, "actor_id": aid})
    for start, etype, conf in ((1, "ASSAULT", 0.9), (5, "ASSAULT", 0.2), (9, "THREATEN", 0.3)):
        r.events.append({"doc_id": "d1", "sentence_id": 0, "start_char": start, "end_char": start + 3,
                         "event_type": etype, "trigger": "x", "agent_id": "russia", "target_id": "nato",
                         "date": "", "modality": "asserted", "sentence": "s", "confidence": conf})
    return r


def test_edges_use_confident_events_and_the_table_keeps_all():
    t = build_tables([_result()], GAZ, min_confidence=0.5)
    act = t.edges[t.edges["kind"] == "action"].set_index("edge_id")
    assert list(act.index) == ["a:russia->nato:ASSAULT"]
    assert act.loc["a:russia->nato:ASSAULT", "weight"] == 1
    assert len(t.events) == 3
    assert sorted(t.events["confidence"]) == [0.2, 0.3, 0.9]


def test_threshold_zero_keeps_every_event():
    t = build_tables([_result()], GAZ, min_confidence=0.0)
    act = t.edges[t.edges["kind"] == "action"].set_index("edge_id")
    assert act.loc["a:russia->nato:ASSAULT", "weight"] == 2
    assert "a:russia->nato:THREATEN" in act.index


def test_in_memory_action_edges_filter_the_same_way():
    t = build_tables([_result()], GAZ, min_confidence=0.0)
    rows = action_edges(t.events, {"d1": "2022-02-24"}, {"russia", "nato"}, min_confidence=0.5)
    assert [(r["event_type"], r["weight"]) for r in rows] == [("ASSAULT", 1)]
