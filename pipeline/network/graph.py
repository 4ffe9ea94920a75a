"""Derive the networkx graph from the tables: nodes = actors, edges = edges.csv rows."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from .layout import force_layout, node_size
from .measures import add_measures
from ..reduce.tables import filter_edges

TYPE_COLORS = {"PER": "#e6550d", "ORG": "#3182bd", "LOC": "#31a354", "MISC": "#756bb1"}
#: colours of communities 1..20 (distinct hues, dark enough for white label outlines);
#: smaller communities and actors without co-mention edges are grey
COMMUNITY_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                    "#bcbd22", "#393b79", "#ad494a", "#637939", "#8c6d31", "#7b4173", "#3182bd", "#e6550d",
                    "#31a354", "#756bb1", "#a55194", "#6b6ecf"]
OTHER_COLOR = "#a0a0a0"


def community_color(community: int) -> str:
    """Colour of a community number (see :mod:`pipeline.network.measures`).

    >>> community_color(1), community_color(0), community_color(99)
    ('#1f77b4', '#a0a0a0', '#a0a0a0')
    """
    c = int(community or 0)
    return COMMUNITY_COLORS[c - 1] if 1 <= c <= len(COMMUNITY_COLORS) else OTHER_COLOR


def build_graph(actors: pd.DataFrame, edges: pd.DataFrame, min_weight: int = 1, top_edges: int | None = None,
                layout: bool = True) -> nx.MultiDiGraph:
    """A multigraph keyed by ``edge_id``; co-mention edges carry ``directed=False``.

    Nodes are the actors with ``in_graph`` true, with their table columns as attributes
    (with the communities and centralities of :mod:`pipeline.network.measures`), a
    ``color`` by community (:func:`community_color`), a ``size`` from ``n_mentions`` and
    (with ``layout``) ``x``/``y`` from :func:`pipeline.network.layout.force_layout` over all
    edges, grouped by community. ``min_weight`` /
    ``top_edges`` filter the co-mention edges as :func:`pipeline.reduce.tables.filter_edges`
    does (tables built with the same values are already filtered: applying it again
    changes nothing). Nodes are kept even when a filter leaves them without edges.
    """
    if min_weight != 1 or top_edges is not None:
        edges = filter_edges(edges, min_weight=min_weight, top_edges=top_edges)
    if ("pagerank" not in actors.columns or pd.to_numeric(actors.loc[actors["in_graph"], "pagerank"], errors="coerce").isna().any()
            or min_weight != 1 or top_edges is not None):
        actors = add_measures(actors, edges)
    g = nx.MultiDiGraph()
    for row in actors[actors["in_graph"]].itertuples(index=False):
        g.add_node(row.actor_id, label=row.label, type=row.type, wikidata=row.wikidata,
                   n_mentions=int(row.n_mentions), n_documents=int(row.n_documents),
                   first_seen=row.first_seen, last_seen=row.last_seen, source=row.source,
                   community=int(row.community), degree=int(row.degree),
                   weighted_degree=int(row.weighted_degree), pagerank=float(row.pagerank),
                   color=community_color(row.community), size=node_size(row.n_mentions))
    for row in edges.itertuples(index=False):
        attrs = {k: getattr(row, k) for k in edges.columns if k not in ("source", "target")}
        attrs["directed"] = row.kind == "action"
        g.add_edge(row.source, row.target, key=row.edge_id, **attrs)
    if layout:
        pos = force_layout(g.nodes, ((u, v, d.get("weight", 1)) for u, v, d in g.edges(data=True)),
                           groups={n: d["community"] for n, d in g.nodes(data=True)},
                           importance={n: d["pagerank"] for n, d in g.nodes(data=True)})
        for n, (x, y) in pos.items():
            g.nodes[n]["x"], g.nodes[n]["y"] = x, y
    return g
