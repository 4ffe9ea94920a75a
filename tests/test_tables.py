"""Co-mention counts on hand-made records whose answer is known."""
import networkx as nx

from pipeline.extract import DocResult
from pipeline.gazetteer import build, parse_entries
from pipeline.graph import build_graph
from pipeline.ingest import Document
from pipeline.tables import build_tables

GAZ = build(parse_entries([
    {"id": "nato", "label": "OTAN", "type": "ORG", "wikidata": "Q7184", "aliases": ["OTAN"]},
    {"id": "russia", "label": "Russie", "type": "LOC", "aliases": ["Russie"]},
]))


def _res(doc_id, published, mentions):
    d = Document(doc_id=doc_id, source=doc_id + ".txt", text="x", published=published,
                 published_precision="day" if published else "")
    r = DocResult(d, n_tokens=10)
    for sid, aid, label in mentions:
        r.mentions.append({"doc_id": doc_id, "sentence_id": sid, "start_char": sid * 10, "end_char": sid * 10 + 3,
                           "text": aid.upper(), "label": label, "actor_id": aid})
    return r


def test_comention_weights_documents_and_dates():
    results = [
        # d1: sentence 0 names nato+russia twice (one sentence), sentence 1 nato+russia+kyiv
        _res("d1", "2022-02-24", [(0, "nato", "ORG"), (0, "russia", "LOC"), (0, "nato", "ORG"),
                                  (1, "nato", "ORG"), (1, "russia", "LOC"), (1, "kyiv", "LOC")]),
        # d2: nato and russia in different sentences: no edge; misc never a node
        _res("d2", "2023-01-05", [(0, "nato", "ORG"), (1, "russia", "LOC"), (1, "traite", "MISC")]),
        # d3: undated, nato+russia once
        _res("d3", "", [(4, "russia", "LOC"), (4, "nato", "ORG")]),
    ]
    t = build_tables(results, GAZ)
    edges = {(r.source, r.target): r for r in t.edges.itertuples()}
    assert set(edges) == {("nato", "russia"), ("kyiv", "nato"), ("kyiv", "russia")}
    nr = edges[("nato", "russia")]
    assert (nr.weight, nr.n_documents, nr.first_seen, nr.last_seen) == (3, 2, "2022-02-24", "2022-02-24")
    assert edges[("kyiv", "nato")].weight == 1
    actors = t.actors.set_index("actor_id")
    assert actors.loc["nato", "n_mentions"] == 5 and actors.loc["nato", "n_documents"] == 3
    assert actors.loc["nato", "wikidata"] == "Q7184" and actors.loc["nato", "source"] == "gazetteer"
    assert actors.loc["nato", "first_seen"] == "2022-02-24" and actors.loc["nato", "last_seen"] == "2023-01-05"
    assert actors.loc["kyiv", "source"] == "discovered" and actors.loc["kyiv", "type"] == "LOC"
    assert not actors.loc["traite", "in_graph"]
    g = build_graph(t.actors, t.edges)
    assert set(g.nodes) == {"nato", "russia", "kyiv"}
    assert g.number_of_edges() == 3


def test_type_vote_and_label_of_discovered_actor():
    results = [_res("d1", "", [(0, "x", "PER"), (1, "x", "ORG"), (2, "x", "PER")])]
    a = build_tables(results, GAZ).actors.set_index("actor_id")
    assert a.loc["x", "type"] == "PER"


def test_tables_do_not_depend_on_document_order():
    a = [_res("d1", "2022-01-01", [(0, "nato", "ORG"), (0, "russia", "LOC")]),
         _res("d2", "2022-03-01", [(0, "nato", "ORG"), (0, "kyiv", "LOC")])]
    t1, t2 = build_tables(a, GAZ), build_tables(list(reversed(a)), GAZ)
    for name, df in t1.items():
        assert df.equals(getattr(t2, name)), name


def test_discovered_spellings_merge_across_documents():
    results = [_res("d1", "", [(0, "opex360-com", "ORG")]), _res("d2", "", [(0, "opex-360", "ORG")]),
               _res("d3", "", [(0, "opex360", "ORG"), (1, "opex360", "ORG")]),
               _res("d4", "", [(0, "n-a-t-o", "ORG")])]
    gaz = build(parse_entries([{"id": "nato", "label": "OTAN", "type": "ORG", "aliases": ["OTAN"]}]))
    t = build_tables(results, gaz)
    assert set(t.mentions["actor_id"]) == {"opex360", "nato"}
    assert t.actors.set_index("actor_id").loc["opex360", "n_documents"] == 3


def _event(doc_id, start, etype, agent, target, modality="asserted", date=""):
    return {"doc_id": doc_id, "sentence_id": 0, "start_char": start, "end_char": start + 3, "event_type": etype,
            "trigger": "x", "agent_id": agent, "target_id": target, "date": date, "modality": modality,
            "sentence": "s"}


def test_action_edges_group_by_agent_target_type():
    r1 = _res("d1", "2022-02-24", [(0, "russia", "LOC"), (0, "nato", "ORG")])
    r1.events += [_event("d1", 5, "ASSAULT", "russia", "nato", date="2022-02-20"),
                  _event("d1", 9, "ASSAULT", "russia", "nato", modality="hypothetical"),
                  _event("d1", 12, "THREATEN", "russia", "nato"),
                  _event("d1", 15, "STATEMENT", "nato", "")]
    r2 = _res("d2", "2023-05-01", [(0, "russia", "LOC"), (1, "nato", "ORG")])
    r2.events += [_event("d2", 1, "ASSAULT", "russia", "nato", modality="hypothetical")]
    t = build_tables([r1, r2], GAZ)
    act = t.edges[t.edges["kind"] == "action"].set_index("edge_id")
    assert list(act.index) == ["a:russia->nato:ASSAULT", "a:russia->nato:THREATEN"]
    a = act.loc["a:russia->nato:ASSAULT"]
    assert (a.weight, a.n_documents, a.n_hypothetical, a.share_hypothetical) == (3, 2, 2, round(2 / 3, 4))
    assert (a.first_seen, a.last_seen) == ("2022-02-20", "2023-05-01")
    assert list(t.events["event_id"]) == ["d1#e0", "d1#e1", "d1#e2", "d1#e3", "d2#e0"]
    g = build_graph(t.actors, t.edges)
    assert g.number_of_edges() == 3  # one co-mention + two action edges
    assert sum(1 for *_, d in g.edges(data=True) if d["directed"]) == 2
