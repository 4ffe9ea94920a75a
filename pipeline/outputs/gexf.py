"""Dynamic GEXF 1.3 for Gephi's timeline: co-mention (undirected) and action (directed)
edges in one file.

networkx's ``write_gexf`` always writes a ``defaultedgetype``, and Gephi then drops the
edges of the other direction; it also cannot write ``timeformat="date"`` intervals from
partial ISO dates. This small writer does both: no default edge type, a ``type`` per
edge, ``start``/``end`` as full ISO days on every element that has dates (a month
``2022-02`` spans 2022-02-01 to 2022-02-28), and Gephi's ``viz`` colour, size and
position (the precomputed layout of :mod:`pipeline.network.layout`).
"""
from __future__ import annotations

import calendar
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from ..network.layout import node_size

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"

NODE_ATTRS = [("type", "string"), ("wikidata", "string"), ("n_mentions", "integer"),
              ("n_documents", "integer"), ("source", "string"), ("community", "integer"), ("degree", "integer"),
              ("weighted_degree", "integer"), ("pagerank", "double")]
EDGE_ATTRS = [("event_type", "string"), ("n_documents", "integer"), ("n_stories", "integer"),
              ("n_hypothetical", "integer"), ("share_hypothetical", "double"), ("npmi", "double")]


def day_bounds(iso: str) -> tuple[str, str]:
    """First and last day of a partial ISO date: ``2022-02`` -> (2022-02-01, 2022-02-28).

    >>> day_bounds("2024-02"), day_bounds("2022"), day_bounds("2022-02-24")
    (('2024-02-01', '2024-02-29'), ('2022-01-01', '2022-12-31'), ('2022-02-24', '2022-02-24'))
    """
    parts = iso.split("-")
    if len(parts) == 3:
        return iso, iso
    year = int(parts[0])
    if len(parts) == 2:
        month = int(parts[1])
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def _interval(first: str, last: str) -> dict:
    if not first or not last:
        return {}
    return {"start": day_bounds(first)[0], "end": day_bounds(last)[1]}


def _rgb(hex_colour: str) -> dict:
    h = hex_colour.lstrip("#")
    return {"r": str(int(h[0:2], 16)), "g": str(int(h[2:4], 16)), "b": str(int(h[4:6], 16))}


def _value(v) -> str | None:
    if v is None or v == "":
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float):
        if math.isnan(v):
            return None
        return repr(float(f"{v:.6g}"))  # 6 significant digits, as the CSV tables
    return str(v)


def build_gexf(g: nx.MultiDiGraph) -> ET.ElementTree:
    ET.register_namespace("", NS)
    ET.register_namespace("viz", VIZ)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = "actorgraph"
    ET.SubElement(meta, f"{{{NS}}}description").text = (
        "Actors of a French news corpus: undirected co-mention edges and directed action edges")
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"mode": "dynamic", "timeformat": "date"})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        el = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": cls, "mode": "static"})
        for name, typ in attrs:
            ET.SubElement(el, f"{{{NS}}}attribute", {"id": name, "title": name, "type": typ})
    nodes = ET.SubElement(graph, f"{{{NS}}}nodes")
    for n in sorted(g.nodes):
        d = g.nodes[n]
        el = ET.SubElement(nodes, f"{{{NS}}}node", {"id": n, "label": d.get("label", n),
                                                     **_interval(d.get("first_seen", ""), d.get("last_seen", ""))})
        _attvalues(el, d, NODE_ATTRS)
        if d.get("color"):
            ET.SubElement(el, f"{{{VIZ}}}color", _rgb(d["color"]))
        if "x" in d and "y" in d:
            ET.SubElement(el, f"{{{VIZ}}}position", {"x": repr(float(d["x"])), "y": repr(float(d["y"])),
                                                     "z": "0.0"})
        size = d.get("size")
        if size is None:
            size = node_size(int(d.get("n_mentions", 1) or 1))
        ET.SubElement(el, f"{{{VIZ}}}size", {"value": repr(round(float(size), 3))})
    edges = ET.SubElement(graph, f"{{{NS}}}edges")
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
        attrs = {"id": k, "source": u, "target": v, "type": "directed" if d.get("directed") else "undirected",
                 "weight": str(int(d.get("weight", 1))), "kind": d.get("kind", ""),
                 **_interval(d.get("first_seen", ""), d.get("last_seen", ""))}
        if d.get("event_type"):
            attrs["label"] = d["event_type"]
        el = ET.SubElement(edges, f"{{{NS}}}edge", attrs)
        _attvalues(el, d, EDGE_ATTRS)
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def _attvalues(el: ET.Element, data: dict, attrs: list) -> None:
    values = [(name, _value(data.get(name))) for name, _ in attrs]
    values = [(n, v) for n, v in values if v is not None]
    if values:
        av = ET.SubElement(el, f"{{{NS}}}attvalues")
        for name, v in values:
            ET.SubElement(av, f"{{{NS}}}attvalue", {"for": name, "value": v})


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    from .export import atomic_path

    tree = build_gexf(g)
    with atomic_path(path) as tmp:
        tree.write(tmp, encoding="utf-8", xml_declaration=True)


def read_gexf_edges(path: Path) -> list[dict]:
    """Edges of a GEXF file as dicts (id, source, target, type, kind, start, end, ...):
    a reader for mixed graphs, which networkx's ``read_gexf`` refuses."""
    tree = ET.parse(path)
    out = []
    for e in tree.getroot().iter(f"{{{NS}}}edge"):
        rec = dict(e.attrib)
        for av in e.iter(f"{{{NS}}}attvalue"):
            rec.setdefault(av.get("for"), av.get("value"))
        out.append(rec)
    return out


def read_gexf_nodes(path: Path) -> list[dict]:
    tree = ET.parse(path)
    out = []
    for n in tree.getroot().iter(f"{{{NS}}}node"):
        rec = dict(n.attrib)
        for av in n.iter(f"{{{NS}}}attvalue"):
            rec[av.get("for")] = av.get("value")
        out.append(rec)
    return out
