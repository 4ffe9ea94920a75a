"""Graph files at 1,000+ actors: communities, centralities and positions in GraphML and
GEXF, read back and compared with the tables; byte-identical across runs."""
from __future__ import annotations

import filecmp
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from benchmarks.graphgen import planted_tables
from pipeline.network.graph import build_graph, community_color
from pipeline.outputs.export import write_graphml, write_tables
from pipeline.outputs.gexf import NS, VIZ, read_gexf_edges, read_gexf_nodes, write_gexf

MEASURES = ["community", "degree", "weighted_degree", "pagerank"]


def _write(folder):
    t = planted_tables(1200, seed=7)
    g = build_graph(t.actors, t.edges)
    write_tables(t, folder)
    write_graphml(g, folder / "graph.graphml")
    write_graphml(g, folder / "actions.graphml", directed=True)
    write_gexf(g, folder / "graph.gexf")
    return t


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("graph_files")
    return folder, _write(folder)


def test_graphml_nodes_carry_the_measures_of_actors_csv(written):
    folder, t = written
    actors = pd.read_csv(folder / "actors.csv", dtype=str, keep_default_na=False)
    nodes = actors[actors["in_graph"] == "True"].set_index("actor_id")
    assert len(nodes) >= 1000
    g = nx.read_graphml(folder / "graph.graphml")
    assert g.number_of_nodes() == len(nodes)
    assert g.number_of_edges() == int((t.edges["kind"] == "comention").sum())
    for n, d in g.nodes(data=True):
        row = nodes.loc[n]
        assert (d["community"], d["degree"], d["weighted_degree"]) == (
            int(row["community"]), int(row["degree"]), int(row["weighted_degree"])), n
        assert d["pagerank"] == pytest.approx(float(row["pagerank"]), rel=1e-5)
        assert d["color"] == community_color(int(row["community"]))
        assert isinstance(d["x"], float) and isinstance(d["y"], float)
    # degree in the file = co-mention neighbours in the file
    simple = nx.Graph(g)
    assert all(simple.degree(n) == d["degree"] for n, d in g.nodes(data=True))
    a = nx.read_graphml(folder / "actions.graphml")
    assert a.is_directed() and a.number_of_edges() == int((t.edges["kind"] == "action").sum())
    assert {n: d["community"] for n, d in a.nodes(data=True)} == {n: d["community"] for n, d in g.nodes(data=True)}


def test_gexf_nodes_have_measures_positions_and_colours(written):
    folder, t = written
    actors = t.actors[t.actors["in_graph"]].set_index("actor_id")
    nodes = {n["id"]: n for n in read_gexf_nodes(folder / "graph.gexf")}
    assert set(nodes) == set(actors.index)
    for n, rec in nodes.items():
        assert int(rec["community"]) == actors.loc[n, "community"]
        assert float(rec["pagerank"]) == pytest.approx(actors.loc[n, "pagerank"], rel=1e-5)
    assert len(read_gexf_edges(folder / "graph.gexf")) == len(t.edges)
    root = ET.parse(folder / "graph.gexf").getroot()
    declared = {a.get("id"): a.get("type") for a in root.iter(f"{{{NS}}}attribute")}
    assert declared["community"] == "integer" and declared["pagerank"] == "double"
    for el in root.iter(f"{{{NS}}}node"):
        assert el.find(f"{{{VIZ}}}position") is not None and el.find(f"{{{VIZ}}}color") is not None


def test_graph_files_are_byte_identical_across_runs(written, tmp_path):
    folder, _ = written
    _write(tmp_path)
    for f in ("graph.graphml", "actions.graphml", "graph.gexf", "actors.csv", "actors.parquet"):
        assert filecmp.cmp(folder / f, tmp_path / f, shallow=False), f
