"""Write the outputs: CSV + Parquet tables, GraphML, manifest — atomically.

Every file is written to a temporary name in the output folder and renamed into place,
so a crash never leaves half a file and the previous outputs stay until the new one is
complete.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..reduce.spool import column
from ..reduce.writer import UMASK as _UMASK, TableWriter
from ..reduce.schema import COLUMNS, ROW_GROUPS
from ..reduce.tables import Tables, table_schema

#: files a run writes; a folder holding only these (and manifest.json) is ours to overwrite
TABLE_NAMES = ("documents", "mentions", "actors", "timexes", "events", "edges", "dropped_mentions", "errors")
OUTPUT_FILES = tuple(f"{n}.{ext}" for n in TABLE_NAMES for ext in ("csv", "parquet")) + (
    "graph.graphml", "actions.graphml", "graph.gexf", "datapackage.json", "report.html", "manifest.json")


@contextmanager
def atomic_path(path: Path):
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes files private; outputs are shared like any file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def arrow_table(df: pd.DataFrame, name: str, texts=None) -> pa.Table:
    """A table frame as Arrow, with its output schema (:func:`pipeline.reduce.tables.table_schema`);
    ``documents`` gets its ``text`` column from ``texts`` (``""`` for documents not analysed)."""
    schema = table_schema(name)
    cols = {}
    for f in schema:
        if f.name == "text" and name == "documents":
            got = texts if isinstance(texts, dict) else dict(texts or {})
            cols["text"] = pa.array([got.get(d, "") for d in df["doc_id"]], type=pa.string())
            continue
        col = df[f.name] if f.name in df.columns else pd.Series([None] * len(df), dtype=object)
        if pa.types.is_string(f.type):
            cols[f.name] = column(list(col), pa.string())  # missing -> "", as the spool makes it
        else:
            cols[f.name] = pa.array(col.to_numpy(), type=f.type, from_pandas=True)
    return pa.table(cols, schema=schema)


def write_tables(tables: Tables, out: Path) -> list[str]:
    """Write every table as ``NAME.csv`` and ``NAME.parquet`` in ``out``. Tables the
    reduce already wrote (``tables.written``) are copied only if they live elsewhere."""
    out = Path(out)
    written = []
    for name, df in tables.items():
        names = [f"{name}.csv", f"{name}.parquet"]
        folder = tables.written.get(name)
        if folder is not None:
            if Path(folder).resolve() != out.resolve():
                for f in names:
                    with atomic_path(out / f) as tmp:
                        shutil.copyfile(Path(folder) / f, tmp)
            written += names
            continue
        w = TableWriter(out, name, table_schema(name), csv_columns=COLUMNS[name], umask=_UMASK,
                        row_group=ROW_GROUPS.get(name))
        try:
            w.write(arrow_table(df, name, tables.texts if name == "documents" else None))
            w.close()
        except BaseException:
            w.abort()
            raise
        written += names
    return written


def _graphml_value(v):
    """Gephi-safe GraphML values: no None/NaN, no numpy scalars, lists joined."""
    if v is None:
        return None
    if isinstance(v, bool):
        return v
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (list, tuple, set)):
        return "|".join(str(x) for x in v)
    if isinstance(v, str) and v == "":
        return None
    return v


def graphml_ready(g: nx.MultiDiGraph, directed: bool = False) -> nx.MultiGraph:
    """A copy of ``g`` with only its co-mention edges (``directed=False``) or only its
    action edges (``directed=True``), with values networkx writes as Gephi-safe GraphML.

    networkx (and the GraphML readers most users have) reject graphs that mix directed
    and undirected edges, so the two kinds go to two files: ``graph.graphml``
    (co-mentions, undirected) and ``actions.graphml`` (actions, directed).
    """
    h = nx.MultiDiGraph() if directed else nx.MultiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: v for k, v in ((k, _graphml_value(v)) for k, v in d.items()) if v is not None})
    for u, v, k, d in g.edges(keys=True, data=True):
        if bool(d.get("directed")) != directed:
            continue
        attrs = {a: b for a, b in ((a, _graphml_value(b)) for a, b in d.items()) if b is not None}
        attrs.pop("directed", None)
        attrs["id"] = k
        if directed:
            attrs["label"] = d.get("event_type", "")
        h.add_edge(u, v, key=k, **attrs)
    return h


def write_graphml(g: nx.MultiDiGraph, path: Path, directed: bool = False) -> None:
    from .graphml import write_graphml_text  # networkx's GraphML, written as text (no lxml element per value)

    h = graphml_ready(g, directed)
    with atomic_path(path) as tmp:
        write_graphml_text(h, tmp)


def write_json(data: dict, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
