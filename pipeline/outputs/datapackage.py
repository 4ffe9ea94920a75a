"""``datapackage.json``: a Frictionless Data Package describing the CSV tables.

One ``tabular-data-resource`` per CSV table with its Table Schema: field names and
types, the descriptions of CODEBOOK.md, the primary key and the foreign keys between
tables (mentions.actor_id -> actors.actor_id, events.agent_id -> actors, ...), so that
``frictionless validate datapackage.json`` checks a whole output folder, and tools
that read Data Packages (R's ``frictionless``, Python's ``frictionless``, Open Data
portals) load it with the right types.

No timestamps: the same tables give the same bytes.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import __version__
from ..paths import CODEBOOK  # the repository's CODEBOOK.md, or the wheel's copy
from ..reduce.schema import BOOL_COLUMNS, COLUMNS, FLOAT_COLUMNS, INT_COLUMNS
from ..reduce.tables import Tables

#: ISO 8601 at day, month or year precision (2022-02-24, 2022-02, 2022)
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

TITLES = {
    "documents": "Documents: one row per input document",
    "mentions": "Mentions: one row per entity mention",
    "actors": "Actors: one row per actor (graph node)",
    "timexes": "Temporal expressions: one row per expression",
    "events": "Events: one row per event (who did what to whom, when)",
    "edges": "Edges: one row per graph edge (co-mention or action)",
    "dropped_mentions": "Dropped mentions: entity spans the actor layer rejected",
    "errors": "Errors: one row per document that could not be analysed",
}

PRIMARY_KEYS = {
    "documents": ["doc_id"],
    "mentions": ["doc_id", "start_char", "end_char"],
    "actors": ["actor_id"],
    "timexes": ["doc_id", "start_char", "end_char"],
    "events": ["event_id"],
    "edges": ["edge_id"],
    "dropped_mentions": ["doc_id", "start_char", "end_char"],
    "errors": ["doc_id"],
}

#: (table, field) -> (referenced table, referenced field)
FOREIGN_KEYS = {
    "mentions": [("doc_id", "documents", "doc_id"), ("actor_id", "actors", "actor_id")],
    "timexes": [("doc_id", "documents", "doc_id")],
    "events": [("doc_id", "documents", "doc_id"), ("agent_id", "actors", "actor_id"),
               ("target_id", "actors", "actor_id"), ("attributed_to", "actors", "actor_id")],
    "edges": [("source", "actors", "actor_id"), ("target", "actors", "actor_id")],
    "dropped_mentions": [("doc_id", "documents", "doc_id")],
    "errors": [("doc_id", "documents", "doc_id")],
}

_SECTION = re.compile(r"^## (\w+) — ", re.M)


def codebook_fields(path: Path = CODEBOOK) -> dict[str, dict[str, dict]]:
    """``{table: {column: {"type": ..., "description": ...}}}`` parsed from the codebook's
    column tables (a row ``| start_char / end_char | integer | ... |`` documents both)."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    out: dict[str, dict[str, dict]] = {}
    sections = list(_SECTION.finditer(text))
    for i, m in enumerate(sections):
        body = text[m.end():sections[i + 1].start() if i + 1 < len(sections) else len(text)]
        body = body.split("\n## ", 1)[0]
        fields: dict[str, dict] = {}
        for line in body.splitlines():
            if not line.startswith("| ") or line.startswith("| column") or line.startswith("|---"):
                continue
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if len(cells) < 3:
                continue
            names = [n.strip() for n in re.split(r"[/,]", cells[0]) if n.strip()]
            typ, desc = (cells[1], cells[2]) if len(cells) >= 4 else ("", cells[-1])
            if len(cells) >= 4 and cells[3]:
                desc = f"{desc} Values / example: {cells[3]}"
            desc = re.sub(r"`([^`]*)`", r"\1", desc.replace("\\|", "|"))
            for n in names:
                fields[n] = {"type": typ, "description": desc}
        out[m.group(1)] = fields
    return out


def _field(table: str, column: str, docs: dict) -> dict:
    if column in INT_COLUMNS:
        typ = "integer"
    elif column in FLOAT_COLUMNS:
        typ = "number"
    elif column in BOOL_COLUMNS:
        typ = "boolean"
    else:
        typ = "string"
    f = {"name": column, "type": typ}
    doc = docs.get(table, {}).get(column)
    if doc:
        f["description"] = doc["description"]
        if doc["type"] == "date":
            f["constraints"] = {"pattern": ISO_DATE}
    if typ == "boolean":
        f["trueValues"], f["falseValues"] = ["True"], ["False"]
    if column in PRIMARY_KEYS.get(table, []):
        f.setdefault("constraints", {})["required"] = True
    return f


def build_datapackage(tables: Tables | None = None, codebook: Path = CODEBOOK) -> dict:
    """The ``datapackage.json`` descriptor (a dict) for the tables of a run. ``tables``
    is only used for the column order; the schema follows :data:`pipeline.reduce.schema.COLUMNS`."""
    docs = codebook_fields(codebook)
    resources = []
    for name, cols in COLUMNS.items():
        if tables is not None:
            cols = list(getattr(tables, name).columns)
        schema = {"fields": [_field(name, c, docs) for c in cols],
                  "missingValues": [""],
                  "primaryKey": PRIMARY_KEYS[name]}
        fks = [{"fields": f, "reference": {"resource": ref, "fields": rf}}
               for f, ref, rf in FOREIGN_KEYS.get(name, []) if f in cols]
        if fks:
            schema["foreignKeys"] = fks
        resources.append({
            "name": name.replace("_", "-"),
            "path": f"{name}.csv",
            "title": TITLES[name],
            "description": f"Described column by column in CODEBOOK.md; the same table, typed, "
                           f"is in {name}.parquet.",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": True,
                        "header": True},
            "schema": schema,
        })
    # foreign keys name resources by their resource name
    for r in resources:
        for fk in r["schema"].get("foreignKeys", []):
            fk["reference"]["resource"] = fk["reference"]["resource"].replace("_", "-")
    return {
        "profile": "tabular-data-package",
        "name": "actorgraph-outputs",
        "title": "actorgraph outputs: actors, mentions, events and edges of a French news corpus",
        "description": "Tables written by actorgraph (CSV, UTF-8, empty cells for missing values, ISO 8601 "
                       "dates). See CODEBOOK.md for every column and manifest.json for the run.",
        "version": __version__,
        "keywords": ["actor network", "event data", "PLOVER", "news", "French"],
        "resources": resources,
    }


def write_datapackage(out_dir: Path | str, tables: Tables | None = None) -> Path:
    """Write ``datapackage.json`` into ``out_dir`` (beside the CSV tables); return its path."""
    from .export import write_json

    path = Path(out_dir) / "datapackage.json"
    write_json(build_datapackage(tables), path)
    return path
