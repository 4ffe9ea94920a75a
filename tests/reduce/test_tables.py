"""Co-mention counts on hand-made records whose answer is known."""

from pipeline.analysis.extract import DocResult
from pipeline.nlp.gazetteer import build, parse_entries
from pipeline.network.graph import build_graph
from pipeline.ingest.readers import Document
from pipeline.reduce.tables import build_tables

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


def _three_docs():
    return [
        _res("d1", "2022-02-24", [(0, "nato", "ORG"), (0, "russia", "LOC"), (0, "nato", "ORG"),
                                  (1, "nato", "ORG"), (1, "russia", "LOC"), (1, "kyiv", "LOC")]),
        _res("d2", "2023-01-05", [(0, "nato", "ORG"), (1, "russia", "LOC"), (1, "traite", "MISC")]),
        _res("d3", "", [(4, "russia", "LOC"), (4, "nato", "ORG")]),
    ]


def test_npmi_over_sentences_naming_a_graph_actor():
    import math

    edges = build_tables(_three_docs(), GAZ).edges.set_index("edge_id")
    # 5 sentences name a graph actor (the MISC-only mention does not count as an actor of
    # the graph, but d2's sentence 1 names russia); nato in 4, russia in 4, both in 3
    n = 5
    want = math.log((3 / n) / ((4 / n) * (4 / n))) / -math.log(3 / n)
    assert edges.loc["c:nato--russia", "npmi"] == round(want, 4)
    want_kn = math.log((1 / n) / ((1 / n) * (4 / n))) / -math.log(1 / n)
    assert edges.loc["c:kyiv--nato", "npmi"] == round(want_kn, 4)
    assert all(-1 <= v <= 1 for v in edges["npmi"])


def test_npmi_edge_cases():
    from pipeline.reduce.tables import npmi

    assert npmi(3, 3, 3, 3) == 1.0            # every sentence names both: defined as 1
    assert npmi(2, 2, 2, 10) == 1.0           # only ever named together
    assert npmi(2, 4, 5, 10) == 0.0           # independent
    assert npmi(1, 9, 9, 10) < 0              # less often together than chance


def test_action_edges_have_no_npmi():
    r = _res("d1", "2022-02-24", [(0, "russia", "LOC"), (0, "nato", "ORG")])
    r.events.append(_event("d1", 5, "ASSAULT", "russia", "nato"))
    e = build_tables([r], GAZ).edges.set_index("edge_id")
    import math

    assert math.isnan(e.loc["a:russia->nato:ASSAULT", "npmi"])
    assert e.loc["c:nato--russia", "npmi"] == 1.0


def test_min_weight_and_top_edges_filter_comention_edges_only():
    results = _three_docs()
    results[0].events.append(_event("d1", 5, "ASSAULT", "russia", "kyiv"))
    full = build_tables(results, GAZ).edges
    co = lambda df: list(df.loc[df["kind"] == "comention", "edge_id"])  # noqa: E731
    assert co(full) == ["c:kyiv--nato", "c:kyiv--russia", "c:nato--russia"]
    t2 = build_tables(results, GAZ, min_weight=2).edges
    assert co(t2) == ["c:nato--russia"]
    assert "a:russia->kyiv:ASSAULT" in set(t2["edge_id"])  # action edges are never filtered
    # top 2 by weight: nato--russia (3), then the tie at 1 broken by edge id
    t3 = build_tables(results, GAZ, top_edges=2).edges
    assert co(t3) == ["c:kyiv--nato", "c:nato--russia"]
    assert co(build_tables(results, GAZ, top_edges=0).edges) == []
    # npmi is computed before filtering
    assert t2.set_index("edge_id").loc["c:nato--russia", "npmi"] == full.set_index("edge_id").loc[
        "c:nato--russia", "npmi"]
    # the graph keeps every node, and filtering again in build_graph changes nothing
    g = build_graph(build_tables(results, GAZ).actors, full, min_weight=2)
    assert set(g.nodes) == {"nato", "russia", "kyiv"}
    assert sorted(k for *_, k in g.edges(keys=True)) == ["a:russia->kyiv:ASSAULT", "c:nato--russia"]


def test_filter_arguments_are_checked():
    import pytest

    from pipeline.reduce.tables import filter_edges

    e = build_tables(_three_docs(), GAZ).edges
    with pytest.raises(ValueError):
        filter_edges(e, min_weight=0)
    with pytest.raises(ValueError):
        filter_edges(e, top_edges=-1)


def test_graph_nodes_have_deterministic_positions_and_size():
    t = build_tables(_three_docs(), GAZ)
    g1 = build_graph(t.actors, t.edges)
    g2 = build_graph(t.actors.iloc[::-1].reset_index(drop=True), t.edges.iloc[::-1].reset_index(drop=True))
    for n in g1.nodes:
        d = g1.nodes[n]
        assert (d["x"], d["y"]) == (g2.nodes[n]["x"], g2.nodes[n]["y"])
        assert round(d["x"], 2) == d["x"] and -1100 < d["x"] < 1100
        assert d["size"] > 4
    assert len({(g1.nodes[n]["x"], g1.nodes[n]["y"]) for n in g1.nodes}) == 3


def test_actor_named_only_by_an_event_is_kept():
    """'l'invasion russe': Russia is the agent without a mention of its own."""
    r = _res("d1", "2022-02-24", [(0, "nato", "ORG")])
    r.events.append(_event("d1", 3, "ASSAULT", "russia", "nato"))
    t = build_tables([r], GAZ)
    assert t.events.loc[0, "agent_id"] == "russia"
    a = t.actors.set_index("actor_id").loc["russia"]
    assert (a.n_mentions, a.label, a.in_graph) == (0, "Russie", True)
    assert list(t.edges[t.edges["kind"] == "action"]["edge_id"]) == ["a:russia->nato:ASSAULT"]
