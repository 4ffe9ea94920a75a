"""A deterministic force layout for the graph files, so they open readable in Gephi.

Gephi places imported nodes at random; with ``x``/``y`` (GraphML) and ``viz:position``
(GEXF) it shows this layout at once. The same seed, the same sorted input and rounded
coordinates give byte-identical files across runs.
"""
from __future__ import annotations

import math

import networkx as nx

SEED = 42
SCALE = 1000.0  # coordinates span about [-SCALE, SCALE], Gephi's usual range


def node_size(n_mentions: int) -> float:
    """Node size for Gephi and the report: grows with the log of the mention count.

    >>> node_size(1), node_size(49)
    (6.77, 19.65)
    """
    return round(4.0 + 4.0 * math.log1p(max(int(n_mentions or 0), 0)), 2)


def force_layout(nodes, edges, seed: int = SEED, scale: float = SCALE) -> dict[str, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` from a Fruchterman-Reingold layout (networkx
    ``spring_layout``) with a fixed seed, rounded to 2 decimals.

    ``nodes`` is an iterable of ids, ``edges`` of ``(u, v, weight)``; parallel and
    reverse edges add up, self-loops are ignored. Attraction grows with ``log1p(weight)``
    so that a few very frequent pairs do not collapse the picture.

    >>> pos = force_layout(["a", "b", "c"], [("a", "b", 3), ("b", "c", 1)])
    >>> sorted(pos) == ["a", "b", "c"] and pos == force_layout(["c", "b", "a"], [("b", "c", 1), ("a", "b", 3)])
    True
    """
    h = nx.Graph()
    h.add_nodes_from(sorted(set(nodes)))
    total: dict[tuple[str, str], float] = {}
    for u, v, w in edges:
        if u == v or u not in h or v not in h:
            continue
        key = (u, v) if u < v else (v, u)
        total[key] = total.get(key, 0.0) + float(w)
    for (u, v), w in sorted(total.items()):
        h.add_edge(u, v, weight=math.log1p(w))
    if h.number_of_nodes() == 0:
        return {}
    if h.number_of_nodes() == 1:
        return {next(iter(h.nodes)): (0.0, 0.0)}
    k = 3.0 / math.sqrt(h.number_of_nodes())  # 3x the default optimal distance: a less crowded core
    iterations = 100 if h.number_of_nodes() <= 2000 else 50
    pos = nx.spring_layout(h, k=k, weight="weight", iterations=iterations, seed=seed, scale=scale)
    return {n: (_r(p[0]), _r(p[1])) for n, p in sorted(pos.items())}


def _r(v) -> float:
    v = round(float(v), 2)
    return 0.0 if v == 0 else v  # no "-0.0"
