import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
import networkx as nx

from pipeline.outputs.gexf import NS, build_gexf, day_bounds, read_gexf_edges, read_gexf_nodes, write_gexf


def test_day_bounds_cover_partial_dates():
    assert day_bounds("2023-02") == ("2023-02-01", "2023-02-28")
    assert day_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert day_bounds("2021") == ("2021-01-01", "2021-12-31")


def test_mixed_graph_round_trip(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("nato", label="OTAN", type="ORG", n_mentions=10, color="#3182bd", first_seen="2022-02",
               last_seen="2023-05-04")
    g.add_node("russia", label="Russie", type="LOC", n_mentions=5, color="#31a354", first_seen="", last_seen="")
    g.add_edge("nato", "russia", key="c:nato--russia", kind="comention", weight=3, directed=False,
               first_seen="2022-02", last_seen="2022-02")
    g.add_edge("russia", "nato", key="a:russia->nato:THREATEN", kind="action", weight=2, directed=True,
               event_type="THREATEN", share_hypothetical=0.5, first_seen="2022", last_seen="2023")
    path = tmp_path / "g.gexf"
    write_gexf(g, path)
    edges = {e["id"]: e for e in read_gexf_edges(path)}
    assert edges["c:nato--russia"]["type"] == "undirected" and edges["c:nato--russia"]["kind"] == "comention"
    assert (edges["c:nato--russia"]["start"], edges["c:nato--russia"]["end"]) == ("2022-02-01", "2022-02-28")
    act = edges["a:russia->nato:THREATEN"]
    assert (act["type"], act["source"], act["target"], act["label"]) == ("directed", "russia", "nato", "THREATEN")
    assert (act["start"], act["end"], act["share_hypothetical"]) == ("2022-01-01", "2023-12-31", "0.5")
    nodes = {n["id"]: n for n in read_gexf_nodes(path)}
    assert nodes["nato"]["start"] == "2022-02-01" and nodes["nato"]["end"] == "2023-05-04"
    assert "start" not in nodes["russia"]
    text = path.read_text(encoding="utf-8")
    assert "defaultedgetype" not in text and "nan" not in text


def test_gexf_is_deterministic():
    g = nx.MultiDiGraph()
    for n in ("b", "a", "c"):
        g.add_node(n, label=n.upper(), type="PER", n_mentions=1, color="#e6550d")
    g.add_edge("b", "a", key="c:a--b", kind="comention", weight=1, directed=False)
    h = nx.MultiDiGraph()
    for n in ("c", "a", "b"):
        h.add_node(n, label=n.upper(), type="PER", n_mentions=1, color="#e6550d")
    h.add_edge("b", "a", key="c:a--b", kind="comention", weight=1, directed=False)
    import xml.etree.ElementTree as ET

    assert ET.tostring(build_gexf(g).getroot()) == ET.tostring(build_gexf(h).getroot())


def test_positions_and_sizes_are_written():
    g = nx.MultiDiGraph()
    g.add_node("nato", label="OTAN", type="ORG", n_mentions=10, color="#3182bd", x=12.5, y=-3.25, size=13.59)
    g.add_node("russia", label="Russie", type="LOC", n_mentions=5, color="#31a354")
    root = build_gexf(g).getroot()
    viz = "{http://gexf.net/1.3/viz}"
    nodes = {n.get("id"): n for n in root.iter("{http://gexf.net/1.3}node")}
    pos = nodes["nato"].find(f"{viz}position")
    assert (pos.get("x"), pos.get("y"), pos.get("z")) == ("12.5", "-3.25", "0.0")
    assert nodes["nato"].find(f"{viz}size").get("value") == "13.59"
    assert nodes["russia"].find(f"{viz}position") is None  # no layout given: Gephi places it


def _tables_of(out):
    """The edges and actors tables of an output folder, typed as build_tables makes them."""
    import pandas as pd

    from pipeline.reduce.tables import frame

    read = lambda n: frame(n, pd.read_csv(out / f"{n}.csv", dtype=str,  # noqa: E731
                                          keep_default_na=False).to_dict("records"))
    actors = read("actors")
    actors["in_graph"] = actors["in_graph"].astype(str) == "True"
    edges = read("edges")
    edges["npmi"] = edges["npmi"].replace("", float("nan")).astype(float)
    return actors, edges


def test_seed_graph_files_carry_the_layout(seeds_out):
    out, _ = seeds_out
    g = nx.read_graphml(out / "graph.graphml")
    a = nx.read_graphml(out / "actions.graphml", force_multigraph=True)
    gexf = {n["id"]: n for n in read_gexf_nodes(out / "graph.gexf")}
    text = (out / "graph.gexf").read_text(encoding="utf-8")
    assert text.count("<viz:position ") == g.number_of_nodes()
    for n, d in g.nodes(data=True):
        assert isinstance(d["x"], float) and isinstance(d["y"], float) and d["size"] > 4
        assert (a.nodes[n]["x"], a.nodes[n]["y"]) == (d["x"], d["y"])
        assert f'<viz:position x="{d["x"]!r}" y="{d["y"]!r}" z="0.0"' in text, n
        assert n in gexf
    spread = {(round(d["x"]), round(d["y"])) for _, d in g.nodes(data=True)}
    assert len(spread) == g.number_of_nodes()  # no two nodes on top of each other


def test_filtered_edges_disappear_from_every_file(seeds_out, tmp_path):
    from pipeline.outputs.export import write_graphml
    from pipeline.network.graph import build_graph
    from pipeline.reduce.tables import filter_edges

    out, _ = seeds_out
    actors, edges = _tables_of(out)
    kept = filter_edges(edges, min_weight=2, top_edges=5)
    co = kept[kept["kind"] == "comention"]
    assert 0 < len(co) <= 5 and (co["weight"] >= 2).all()
    assert set(kept.loc[kept["kind"] == "action", "edge_id"]) == set(edges.loc[edges["kind"] == "action", "edge_id"])
    g = build_graph(actors, kept)
    write_graphml(g, tmp_path / "graph.graphml")
    write_graphml(g, tmp_path / "actions.graphml", directed=True)
    write_gexf(g, tmp_path / "graph.gexf")
    graphml_ids = {k for *_, k in nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
                   .edges(keys=True)}
    assert graphml_ids == set(co["edge_id"])
    assert {e["id"] for e in read_gexf_edges(tmp_path / "graph.gexf")} == set(kept["edge_id"])
    # filtering in build_graph gives the same graph as filtering the table
    g2 = build_graph(actors, edges, min_weight=2, top_edges=5)
    assert sorted(g2.edges(keys=True)) == sorted(g.edges(keys=True))
    assert set(g2.nodes) == set(g.nodes) == set(actors.loc[actors["in_graph"], "actor_id"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\t\n\r&<>"\''),
               min_size=1, max_size=12))
def test_any_label_survives_the_streamed_file(tmp_path_factory, label):
    g = nx.MultiDiGraph()
    g.add_node("a", label=label, type="PER", n_mentions=2, source=label)
    g.add_node("b", label="B", type="ORG", n_mentions=1)
    g.add_edge("a", "b", key=f"a:{label}", kind="action", weight=1, directed=True, event_type=label)
    path = tmp_path_factory.mktemp("g") / "g.gexf"
    write_gexf(g, path)
    nodes = {n["id"]: n for n in read_gexf_nodes(path)}
    assert nodes["a"]["label"] == label and nodes["a"]["source"] == label
    (edge,) = read_gexf_edges(path)
    assert edge["id"] == f"a:{label}" and edge["label"] == label and edge["event_type"] == label


def test_an_empty_graph_is_a_valid_file(tmp_path):
    write_gexf(nx.MultiDiGraph(), tmp_path / "g.gexf")
    root = ET.parse(tmp_path / "g.gexf").getroot()
    assert read_gexf_nodes(tmp_path / "g.gexf") == [] and root.find(f"{{{NS}}}graph/{{{NS}}}edges") is not None
