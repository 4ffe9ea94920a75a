"""Communities and centralities of the co-mention graph (pipeline.network.measures)."""
from __future__ import annotations

import math

import pytest

from benchmarks.graphgen import planted_results, planted_tables
from pipeline.network.measures import add_measures, comention_graph, communities
from pipeline.nlp.gazetteer import build, parse_entries
from pipeline.reduce.tables import build_tables, frame


def _tables(actors, edges):
    a = frame("actors", [{"actor_id": i, "label": i.upper(), "type": "PER", "in_graph": g} for i, g in actors])
    e = frame("edges", [{"edge_id": f"c:{u}--{v}", "source": u, "target": v, "kind": k, "weight": w}
                        for u, v, k, w in edges])
    return a, e


def test_two_triangles_and_a_bridge():
    a, e = _tables([(x, True) for x in "abcdefz"] + [("misc", False)],
                   [("a", "b", "comention", 3), ("b", "c", "comention", 2), ("a", "c", "comention", 1),
                    ("d", "e", "comention", 2), ("e", "f", "comention", 2), ("d", "f", "comention", 2),
                    ("c", "d", "comention", 1), ("a", "f", "action", 9)])
    m = add_measures(a, e).set_index("actor_id")
    assert m.loc["a", "community"] == m.loc["b", "community"] == m.loc["c", "community"]
    assert m.loc["d", "community"] == m.loc["e", "community"] == m.loc["f", "community"]
    assert m.loc["a", "community"] != m.loc["d", "community"]
    assert {m.loc["a", "community"], m.loc["d", "community"]} == {1, 2}
    assert m.loc["z", "community"] == 0 and m.loc["misc", "community"] == 0  # no edge / not in the graph
    # degrees count co-mention edges only (the action a -> f is not one)
    assert (m.loc["a", "degree"], m.loc["a", "weighted_degree"]) == (2, 4)
    assert (m.loc["c", "degree"], m.loc["c", "weighted_degree"]) == (3, 4)
    assert m.loc["z", "degree"] == 0 and math.isnan(m.loc["misc", "pagerank"])
    graph_pr = m.loc[m["in_graph"], "pagerank"]
    assert graph_pr.sum() == pytest.approx(1.0, abs=1e-4)
    # in the evenly weighted triangle the bridge end is the most central; in the other one
    # weights count: b (5 sentences) outranks the bridge end c (4)
    assert m.loc["d", "pagerank"] > m.loc["e", "pagerank"] == pytest.approx(m.loc["f", "pagerank"])
    assert m.loc["b", "pagerank"] > m.loc["c", "pagerank"]
    assert m.loc["z", "pagerank"] < m.loc["b", "pagerank"]


def test_communities_are_numbered_by_size_and_deterministic():
    res = planted_results(400, n_communities=5, seed=3)
    gaz = build(parse_entries([]))
    t1 = build_tables(res, gaz)
    t2 = build_tables(list(reversed(res)), gaz)
    cols = ["actor_id", "community", "degree", "weighted_degree", "pagerank"]
    assert t1.actors[cols].equals(t2.actors[cols])
    sizes = t1.actors[t1.actors["community"] > 0].groupby("community").size()
    assert list(sizes.index) == list(range(1, len(sizes) + 1))
    assert list(sizes) == sorted(sizes, reverse=True)
    # the planted structure is found: 5 large communities hold most linked actors
    assert sizes.iloc[:5].sum() >= 0.9 * sizes.sum()


def test_measures_follow_the_edges_table():
    t = planted_tables(300, seed=5)
    g = comention_graph(t.actors, t.edges)
    co = t.edges[t.edges["kind"] == "comention"]
    assert g.number_of_edges() == len(co)
    a = t.actors.set_index("actor_id")
    for aid in list(g.nodes)[:50]:
        rows = co[(co["source"] == aid) | (co["target"] == aid)]
        assert a.loc[aid, "degree"] == len(rows)
        assert a.loc[aid, "weighted_degree"] == rows["weight"].sum()
    assert set(communities(g)) == {n for n in g if g.degree(n) > 0}
