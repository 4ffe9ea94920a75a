"""Write the outputs: CSV + Parquet tables, GraphML, manifest — atomically.

Every file is written to a temporary name in the output folder and renamed into place,
so a crash never leaves half a file and the previous outputs stay until the new one is
complete.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .tables import Tables

#: files a run writes; a folder holding only these (and manifest.json) is ours to overwrite
TABLE_NAMES = ("documents", "mentions", "actors", "timexes", "events", "edges", "dropped_mentions", "errors")
OUTPUT_FILES = tuple(f"{n}.{ext}" for n in TABLE_NAMES for ext in ("csv", "parquet")) + (
    "graph.graphml", "actions.graphml", "graph.gexf", "datapackage.json", "report.html", "manifest.json")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


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


def write_csv(df: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", float_format="%.6g")


def write_parquet(df: pd.DataFrame, path: Path, text=None, name: str | None = None) -> None:
    """``df`` (plus a ``text`` column if given) in Parquet, the same bytes whatever the
    string dtype of its columns (``object`` or pyarrow-backed): see :func:`parquet_table`."""
    with atomic_path(path) as tmp:
        pq.write_table(parquet_table(df, text, name), tmp, compression="zstd")


#: string columns that the reduce has always left with pandas' ``str`` dtype (``Series.map``
#: and string concatenation infer it) rather than ``object``, and their dtype when the
#: table is empty; Parquet files record the dtype, so it is kept to keep their bytes
STR_DTYPE_COLUMNS = {("mentions", "actor_id"): "float64", ("events", "event_id"): object}


def _is_text(s: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype))


def parquet_table(df: pd.DataFrame, text=None, name: str | None = None) -> pa.Table:
    """The Arrow table ``df.to_parquet(index=False)`` writes for the table ``name`` as
    the reduce makes it (strings ``object``, but see :data:`STR_DTYPE_COLUMNS`), built
    column by column from ``df`` whatever its string dtype. ``text``: a ``text`` column
    (list or Arrow array) added as ``df.assign(text=list)`` adds it."""
    # the schema and its pandas metadata are those of the first row, as pandas converts it
    sample = df.iloc[:1].copy()
    for c in sample.columns:
        if _is_text(sample[c]):
            special = STR_DTYPE_COLUMNS.get((name, c))
            if special is not None and len(df):
                sample[c] = sample[c].astype("str")
            elif special is not None:
                sample[c] = sample[c].astype(special)
            else:
                sample[c] = sample[c].astype(object)
    if text is not None:
        first = text[0] if len(df) else None
        first = first.as_py() if isinstance(first, pa.Scalar) else first
        sample = sample.assign(text=[first] if len(df) else [])
    if len(df) <= 1:  # the sample is the table
        return pa.Table.from_pandas(sample, preserve_index=False)
    schema = pa.Table.from_pandas(sample, preserve_index=False).schema
    arrays = []
    for c in df.columns:
        col = df[c]
        typ = schema.field(c).type
        if _is_text(col):
            values = col.array
            arr = pa.array(values) if hasattr(values, "__arrow_array__") else \
                pa.array(col.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
        else:
            arr = pa.array(col.to_numpy(), type=typ, from_pandas=True)
        arrays.append(arr.cast(typ) if arr.type != typ else arr)
    if text is not None:
        arr = text if isinstance(text, (pa.Array, pa.ChunkedArray)) else pa.array(text, type=pa.large_string())
        typ = schema.field("text").type
        arrays.append(arr.cast(typ) if arr.type != typ else arr)
    return pa.Table.from_arrays(arrays, schema=schema).combine_chunks()


def write_tables(tables: Tables, out: Path) -> list[str]:
    written = []
    for name, df in tables.items():
        write_csv(df, out / f"{name}.csv")
        text = None
        if name == "documents":
            text = getattr(tables.texts, "column", None)
            if text is None:
                text = [tables.texts.get(d, "") for d in df["doc_id"]]
            else:
                text = text(list(df["doc_id"]))
        write_parquet(df, out / f"{name}.parquet", text=text, name=name)
        written += [f"{name}.csv", f"{name}.parquet"]
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
    h = graphml_ready(g, directed)
    with atomic_path(path) as tmp:
        nx.write_graphml(h, tmp, encoding="utf-8", infer_numeric_types=True, edge_id_from_attribute="id")


def write_json(data: dict, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
