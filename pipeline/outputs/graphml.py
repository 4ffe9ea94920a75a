"""GraphML written as text, an element at a time.

The files are those networkx's ``write_graphml`` (its lxml writer, ``infer_numeric_types=True``,
``edge_id_from_attribute="id"``) wrote for the same graph, byte for byte
(``tests/outputs/test_graphml.py`` compares them on generated graphs), without building
an XML element per value: the keys are declared once per attribute name and scope, numbered
``d0, d1, …`` in order of first use and listed last first; a value's type is the most
general of the types its attribute takes (string, else double, else long; a boolean
alone is ``boolean``); every value is written with ``str``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import networkx as nx

from .gexf import replace_entities

NS_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

#: GraphML type of each Python type a value may have (the last mapping of networkx's table)
XML_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}

#: characters XML 1.0 cannot hold at all (a writer must refuse them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_type(types: set) -> str:
    if len(types) == 1:
        (t,) = types
        return _type_name(t)
    names = {_type_name(t) for t in types}
    if "string" in names:
        return "string"
    if "double" in names:
        return "double"
    return "long"


def _type_name(t) -> str:
    try:
        return XML_TYPES[t]
    except KeyError:
        raise TypeError(f"GraphML does not support type {t} as data values.") from None


def _check(text: str) -> str:
    if _NOT_XML.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return text


def _text(value: str) -> str:
    """Element text: ``&``, ``<``, ``>`` and carriage returns escaped."""
    return replace_entities(_check(value), _TEXT_ENTITIES)


def _attr(value: str) -> str:
    """An attribute value: as element text, and ``"``, line breaks and tabs escaped too."""
    return replace_entities(_text(value), _ATTR_ENTITIES)


_TEXT_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
#: what an attribute value escapes beyond element text (networkx's writer gives "&#9;" for a tab)
_ATTR_ENTITIES = (('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;"))


def graphml_text(g: nx.MultiGraph | nx.MultiDiGraph) -> Iterator[str]:
    """The GraphML file of ``g`` (a graph of :func:`pipeline.outputs.export.graphml_ready`),
    in pieces of text."""
    types: dict[tuple[str, str], set] = {}
    for _, d in g.nodes(data=True):
        for k, v in d.items():
            types.setdefault((str(k), "node"), set()).add(type(v))
    for _, _, d in g.edges(data=True):
        for k, v in d.items():
            types.setdefault((str(k), "edge"), set()).add(type(v))
    keys: dict[tuple[str, str], str] = {}
    declared: list[str] = []
    for scope, items in (("node", (d for _, d in g.nodes(data=True))),
                         ("edge", (d for _, _, d in g.edges(data=True)))):
        for d in items:
            for k in d:
                name = str(k)
                if (name, scope) not in keys:
                    keys[(name, scope)] = key = f"d{len(keys)}"
                    declared.append(f'<key id="{key}" for="{scope}" attr.name="{_attr(name)}" '
                                    f'attr.type="{_xml_type(types[(name, scope)])}"/>\n')
    edge_default = "directed" if g.is_directed() else "undirected"
    yield (f"<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"{NS_GRAPHML}\" xmlns:xsi=\"{NS_XSI}\" "
           f"xsi:schemaLocation=\"{SCHEMA}\">")
    yield from reversed(declared)
    yield f'<graph edgedefault="{edge_default}">'
    for n, d in g.nodes(data=True):
        yield _element(f'<node id="{_attr(str(n))}"', "node", d, keys)
    for u, v, k, d in g.edges(keys=True, data=True):
        eid = str(d["id"]) if "id" in d else str(k)
        yield _element(f'<edge source="{_attr(str(u))}" target="{_attr(str(v))}" id="{_attr(eid)}"', "edge", d, keys)
    yield "</graph></graphml>"


def _element(start: str, scope: str, data: dict, keys: dict) -> str:
    if not data:
        return start + "/>\n"
    rows = "".join(f'  <data key="{keys[(str(k), scope)]}">{_text(str(v))}</data>\n' for k, v in data.items())
    return f"{start}>\n{rows}</{scope}>\n"


def write_graphml_text(g: nx.MultiGraph | nx.MultiDiGraph, path: Path) -> None:
    """Write :func:`graphml_text` of ``g`` to ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.writelines(graphml_text(g))
