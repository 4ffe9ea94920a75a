"""The graph of a real corpus (500+ actors) gets a layout and is exported."""
from __future__ import annotations

import pandas as pd

from pipeline.network.graph import build_graph
from pipeline.network.layout import force_layout
from pipeline.reduce.schema import COLUMNS


def test_a_layout_for_600_nodes_places_every_node():
    nodes = [f"actor-{i:04d}" for i in range(600)]
    edges = [(nodes[i % 600], nodes[(i * 13 + 5) % 600], 1 + i % 4) for i in range(900)]
    pos = force_layout(nodes, edges)
    assert sorted(pos) == nodes
    assert len(set(pos.values())) > 590  # not all stacked on one point


def test_build_graph_with_600_actors_has_as_many_nodes_as_the_table():
    n = 600
    actors = pd.DataFrame([{c: "" for c in COLUMNS["actors"]} for _ in range(n)])
    actors["actor_id"] = [f"a{i}" for i in range(n)]
    actors["label"] = [f"Acteur {i}" for i in range(n)]
    actors["type"] = "PER"
    actors["in_graph"] = True
    for c in ("n_mentions", "n_documents"):
        actors[c] = 2
    rows = []
    for i in range(n):
        row = {c: "" for c in COLUMNS["edges"]}
        row.update(edge_id=f"e{i}", source=f"a{i}", target=f"a{(i + 1) % n}", kind="comention", weight=2,
                   n_documents=1)
        rows.append(row)
    edges = pd.DataFrame(rows)
    graph = build_graph(actors, edges)
    assert graph.number_of_nodes() == n
    assert graph.number_of_edges() == n
    assert all("x" in d and "y" in d for _, d in graph.nodes(data=True))
