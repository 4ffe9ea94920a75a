"""The columns of every output table, their types and their Parquet row groups.

:func:`frame` builds a table from rows with those columns and types.

Shared by the spool (map-step records on disk), the reduce step and the writers, so that
none of them imports another for its schema.

>>> COLUMNS["edges"][:4]
['edge_id', 'source', 'target', 'kind']
>>> "weight" in INT_COLUMNS
True
"""
from __future__ import annotations

import pandas as pd

# Column order of each table; the contract's required columns come first.
COLUMNS = {
    "documents": ["doc_id", "source", "title", "published", "published_precision", "n_tokens", "status",
                  "date_source", "date_evidence", "url", "n_sentences", "n_mentions", "encoding",
                  "content_hash", "error_stage", "error", "author", "section", "story_id"],
    "mentions": ["doc_id", "sentence_id", "start_char", "end_char", "text", "label", "actor_id",
                 "actor_source", "actor_rule"],
    "actors": ["actor_id", "label", "type", "wikidata", "aliases", "n_mentions", "n_documents",
               "first_seen", "last_seen", "source", "in_graph", "community", "degree", "weighted_degree",
               "pagerank"],
    "timexes": ["doc_id", "sentence_id", "start_char", "end_char", "text", "value", "precision",
                "end_value", "kind", "anchor", "rule", "type", "mod"],
    "events": ["event_id", "doc_id", "sentence_id", "event_type", "trigger", "agent_id", "target_id",
               "date", "date_precision", "date_source", "modality", "attributed_to", "sentence",
               "trigger_lemma", "start_char", "end_char", "agent_text", "target_text", "rule", "confidence"],
    "edges": ["edge_id", "source", "target", "kind", "weight", "n_documents", "n_stories", "first_seen", "last_seen",
              "event_type", "n_hypothetical", "share_hypothetical", "npmi"],
    "dropped_mentions": ["doc_id", "start_char", "end_char", "text", "label", "reason"],
    "errors": ["doc_id", "source", "stage", "error"],
}
INT_COLUMNS = {"n_tokens", "n_sentences", "n_mentions", "sentence_id", "start_char", "end_char",
               "n_documents", "n_stories", "weight", "n_hypothetical", "community", "degree", "weighted_degree"}
FLOAT_COLUMNS = {"share_hypothetical", "npmi", "pagerank", "confidence"}
BOOL_COLUMNS = {"in_graph"}

#: rows per Parquet row group of the wide tables (the others: pipeline.reduce.writer.ROW_GROUP)
ROW_GROUPS = {"documents": 256, "events": 8192}


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table with the declared columns, in order, with stable dtypes and no NaN."""
    cols = COLUMNS[name]
    df = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame({c: [] for c in cols})
    for c in cols:
        if c in INT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").fillna(0).astype("int64")
        elif c in FLOAT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
        elif c in BOOL_COLUMNS:
            df[c] = df[c].fillna(False).astype("bool")
        else:
            col = df[c].astype(object)
            df[c] = col.where(col.notna(), "").map(str).astype(object)
    return df.reset_index(drop=True)
