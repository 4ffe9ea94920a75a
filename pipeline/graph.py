"""Derive the networkx graph from the tables: nodes = actors, edges = edges.csv rows."""
from __future__ import annotations

import networkx as nx
import pandas as pd

TYPE_COLORS = {"PER": "#e6550d", "ORG": "#3182bd", "LOC": "#31a354", "MISC": "#756bb1"}


def build_graph(actors: pd.DataFrame, edges: pd.DataFrame) -> nx.MultiDiGraph:
    """A multigraph keyed by ``edge_id``; co-mention edges carry ``directed=False``.

    Nodes are the actors with ``in_graph`` true, with their table columns as attributes.
    """
    g = nx.MultiDiGraph()
    for row in actors[actors["in_graph"]].itertuples(index=False):
        g.add_node(row.actor_id, label=row.label, type=row.type, wikidata=row.wikidata,
                   n_mentions=int(row.n_mentions), n_documents=int(row.n_documents),
                   first_seen=row.first_seen, last_seen=row.last_seen, source=row.source,
                   color=TYPE_COLORS.get(row.type, "#999999"))
    for row in edges.itertuples(index=False):
        attrs = {k: getattr(row, k) for k in edges.columns if k not in ("source", "target")}
        attrs["directed"] = row.kind == "action"
        g.add_edge(row.source, row.target, key=row.edge_id, **attrs)
    return g
