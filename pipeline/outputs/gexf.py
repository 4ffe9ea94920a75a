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
from typing import Iterator

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


def gexf_text(g: nx.MultiDiGraph) -> Iterator[str]:
    """The GEXF file of ``g`` as pieces of text, an element at a time, so that writing it
    never holds more than one node or edge: two-space indentation, ``<tag ... />`` for an
    empty element, attribute values escaped as XML requires (the bytes ElementTree wrote
    for the same tree, which :func:`build_gexf` reads back)."""
    viz = ' xmlns:viz="' + VIZ + '"' if g.number_of_nodes() else ""  # declared only when used
    yield f'<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<gexf xmlns="{NS}"{viz} version="1.3">\n'
    yield ("  <meta>\n    <creator>actorgraph</creator>\n    <description>Actors of a French news corpus: "
           "undirected co-mention edges and directed action edges</description>\n  </meta>\n"
           '  <graph mode="dynamic" timeformat="date">\n')
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        yield f'    <attributes class="{cls}" mode="static">\n'
        for name, typ in attrs:
            yield f'      <attribute id="{name}" title="{name}" type="{typ}" />\n'
        yield "    </attributes>\n"
    if not g.number_of_nodes():
        yield "    <nodes />\n"
    else:
        yield "    <nodes>\n"
        for n in sorted(g.nodes):
            d = g.nodes[n]
            yield _open("node", {"id": n, "label": d.get("label", n),
                                 **_interval(d.get("first_seen", ""), d.get("last_seen", ""))})
            yield from _attvalues(d, NODE_ATTRS)
            if d.get("color"):
                yield _empty("viz:color", _rgb(d["color"]))
            if "x" in d and "y" in d:
                yield _empty("viz:position", {"x": repr(float(d["x"])), "y": repr(float(d["y"])), "z": "0.0"})
            size = d.get("size")
            if size is None:
                size = node_size(int(d.get("n_mentions", 1) or 1))
            yield _empty("viz:size", {"value": repr(round(float(size), 3))})
            yield "      </node>\n"
        yield "    </nodes>\n"
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: e[2])
    yield "    <edges>\n" if edges else "    <edges />\n"
    for u, v, k, d in edges:
        attrs = {"id": k, "source": u, "target": v, "type": "directed" if d.get("directed") else "undirected",
                 "weight": str(int(d.get("weight", 1))), "kind": d.get("kind", ""),
                 **_interval(d.get("first_seen", ""), d.get("last_seen", ""))}
        if d.get("event_type"):
            attrs["label"] = d["event_type"]
        values = list(_attvalues(d, EDGE_ATTRS))
        if values:
            yield _open("edge", attrs)
            yield from values
            yield "      </edge>\n"
        else:
            yield _empty("edge", attrs, indent="      ")
    if edges:
        yield "    </edges>\n"
    yield "  </graph>\n</gexf>"


def _escape(value: str) -> str:
    """An attribute value as XML text (``&``, ``<``, ``>``, ``"`` and the line breaks and
    tab, which a parser would otherwise normalise to spaces).

    >>> _escape('a&b <"c">')
    'a&amp;b &lt;&quot;c&quot;&gt;'
    """
    return replace_entities(value, _ENTITIES)


def replace_entities(value: str, entities: tuple) -> str:
    """``value`` with each (character, entity) pair of ``entities`` replaced, in order (the
    ampersand first); a character absent from the value costs one scan."""
    for c, entity in entities:
        if c in value:
            value = value.replace(c, entity)
    return value


_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"),
             ("\t", "&#09;"))


def _attributes(attrs: dict) -> str:
    return "".join(f' {k}="{_escape(str(v))}"' for k, v in attrs.items())


def _open(tag: str, attrs: dict) -> str:
    return f"      <{tag}{_attributes(attrs)}>\n"


def _empty(tag: str, attrs: dict, indent: str = "        ") -> str:
    return f"{indent}<{tag}{_attributes(attrs)} />\n"


def _attvalues(data: dict, attrs: list) -> Iterator[str]:
    values = [(name, _value(data.get(name))) for name, _ in attrs]
    values = [(n, v) for n, v in values if v is not None]
    if values:
        yield "        <attvalues>\n"
        for name, v in values:
            yield f'          <attvalue for="{name}" value="{_escape(v)}" />\n'
        yield "        </attvalues>\n"


def build_gexf(g: nx.MultiDiGraph) -> ET.ElementTree:
    """The GEXF file of ``g`` as an ElementTree (read back from :func:`gexf_text`)."""
    return ET.ElementTree(ET.fromstring("".join(gexf_text(g)).encode("utf-8")))


def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    from .export import atomic_path

    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", errors="xmlcharrefreplace", newline="") as fh:
            fh.writelines(gexf_text(g))


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
