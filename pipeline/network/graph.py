"""Derive the networkx graph from the tables: nodes = actors, edges = edges.csv rows."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from .layout import force_layout, node_size
from ..reduce.tables import filter_edges

TYPE_COLORS = {"PER": "#e6550d", "ORG": "#3182bd", "LOC": "#31a354", "MISC": "#756bb1"}


def build_graph(actors: pd.DataFrame, edges: pd.DataFrame, min_weight: int = 1, top_edges: int | None = None,
                layout: bool = True) -> nx.MultiDiGraph:
    """A multigraph keyed by ``edge_id``; co-mention edges carry ``directed=False``.

    Nodes are the actors with ``in_graph`` true, with their table columns as attributes,
    a ``color`` by type, a ``size`` from ``n_mentions`` and (with ``layout``) ``x``/``y``
    from :func:`pipeline.network.layout.force_layout` over all edges. ``min_weight`` /
    ``top_edges`` filter the co-mention edges as :func:`pipeline.reduce.tables.filter_edges`
    does (tables built with the same values are already filtered: applying it again
    changes nothing). Nodes are kept even when a filter leaves them without edges.
    """
    if min_weight != 1 or top_edges is not None:
        edges = filter_edges(edges, min_weight=min_weight, top_edges=top_edges)
    g = nx.MultiDiGraph()
    for row in actors[actors["in_graph"]].itertuples(index=False):
        g.add_node(row.actor_id, label=row.label, type=row.type, wikidata=row.wikidata,
                   n_mentions=int(row.n_mentions), n_documents=int(row.n_documents),
                   first_seen=row.first_seen, last_seen=row.last_seen, source=row.source,
                   color=TYPE_COLORS.get(row.type, "#999999"), size=node_size(row.n_mentions))
    for row in edges.itertuples(index=False):
        attrs = {k: getattr(row, k) for k in edges.columns if k not in ("source", "target")}
        attrs["directed"] = row.kind == "action"
        g.add_edge(row.source, row.target, key=row.edge_id, **attrs)
    if layout:
        pos = force_layout(g.nodes, ((u, v, d.get("weight", 1)) for u, v, d in g.edges(data=True)))
        for n, (x, y) in pos.items():
            g.nodes[n]["x"], g.nodes[n]["y"] = x, y
    return g
