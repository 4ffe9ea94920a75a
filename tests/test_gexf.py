import networkx as nx

from pipeline.gexf import build_gexf, day_bounds, read_gexf_edges, read_gexf_nodes, write_gexf


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
