"""Communities and centralities of the actors, computed on the co-mention graph.

The co-mention graph is the undirected graph of ``graph.graphml``: graph actors (``in_graph``)
as nodes, co-mention edges (after ``--min-weight`` / ``--top-edges``) weighted by their
number of sentences. Its measures become columns of ``actors.csv`` and node attributes of
the graph files, so Gephi can colour and size by them without recomputing anything:

- ``community``: Louvain communities (networkx ``louvain_communities``, modularity,
  resolution 1, fixed seed), numbered 1, 2, ... by decreasing size (ties: smallest actor
  id first); 0 for an actor without any co-mention edge or outside the graph.
- ``degree``: number of distinct co-mention neighbours.
- ``weighted_degree``: sum of the weights of its co-mention edges (sentences).
- ``pagerank``: weighted PageRank (damping 0.85) of the co-mention graph, rounded to 6
  significant digits; the values of the graph's nodes sum to 1.

The same tables give the same numbers: the graph is built from sorted nodes and edges and
Louvain's random choices come from :data:`SEED`.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

SEED = 42
MEASURES = ("community", "degree", "weighted_degree", "pagerank")


def comention_graph(actors: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    """The undirected weighted co-mention graph of the graph actors (sorted, so that the
    algorithms below see the same order on every run)."""
    g = nx.Graph()
    g.add_nodes_from(sorted(actors.loc[actors["in_graph"], "actor_id"]))
    co = edges[edges["kind"] == "comention"]
    for u, v, w in sorted(zip(co["source"], co["target"], co["weight"])):
        if u != v and u in g and v in g:
            g.add_edge(u, v, weight=int(w))
    return g


def communities(g: nx.Graph, seed: int = SEED) -> dict[str, int]:
    """``{actor_id: community}`` for the nodes with at least one edge: Louvain communities
    numbered from 1 by decreasing size, ties broken by their smallest actor id.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> g.add_node("lonely")
    >>> communities(g)
    {'a': 1, 'b': 1, 'c': 1, 'x': 2, 'y': 2}
    """
    # integers in sorted id order: Louvain iterates sets of nodes, and sets of strings
    # iterate in an order that changes with Python's hash seed (a subgraph view too)
    ids = sorted(n for n in g if g.degree(n) > 0)
    if not ids:
        return {}
    index = {n: i for i, n in enumerate(ids)}
    h = nx.Graph()
    h.add_nodes_from(range(len(ids)))
    h.add_weighted_edges_from(sorted((index[u], index[v], d.get("weight", 1)) if index[u] < index[v]
                                     else (index[v], index[u], d.get("weight", 1)) for u, v, d in g.edges(data=True)))
    found = nx.community.louvain_communities(h, weight="weight", resolution=1.0, seed=seed)
    ranked = sorted((sorted(ids[i] for i in c) for c in found), key=lambda c: (-len(c), c[0]))
    return {n: i for i, members in enumerate(ranked, start=1) for n in members}


def pagerank(g: nx.Graph) -> dict[str, float]:
    """Weighted PageRank to 6 significant digits, as the CSV writes floats (empty for an empty graph)."""
    if g.number_of_nodes() == 0:
        return {}
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-10, max_iter=1000)
    return {n: float(f"{float(v):.6g}") for n, v in pr.items()}


def add_measures(actors: pd.DataFrame, edges: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """``actors`` with the columns of :data:`MEASURES` filled from the co-mention graph
    (0, and an empty ``pagerank``, for actors outside the graph).

    >>> from pipeline.reduce.tables import frame
    >>> a = frame("actors", [{"actor_id": i, "in_graph": True} for i in "abc"])
    >>> e = frame("edges", [{"edge_id": "c:a--b", "source": "a", "target": "b", "kind": "comention",
    ...                      "weight": 3}])
    >>> add_measures(a, e)[["actor_id", "community", "degree", "weighted_degree"]].values.tolist()
    [['a', 1, 1, 3], ['b', 1, 1, 3], ['c', 0, 0, 0]]
    """
    g = comention_graph(actors, edges)
    comm = communities(g, seed)
    pr = pagerank(g)
    out = actors.copy()
    ids = list(out["actor_id"])
    out["community"] = [comm.get(a, 0) for a in ids]
    out["degree"] = [g.degree(a) if a in g else 0 for a in ids]
    out["weighted_degree"] = [int(g.degree(a, weight="weight")) if a in g else 0 for a in ids]
    out["pagerank"] = [pr.get(a, float("nan")) for a in ids]  # empty cell outside the graph
    for c in ("community", "degree", "weighted_degree"):
        out[c] = out[c].astype("int64")
    out["pagerank"] = out["pagerank"].astype("float64")
    return out
