"""The predictions of an evaluation: an actorgraph output folder, read back as tables.

:func:`load_predictions` reads the CSV tables and the cleaned texts of a run's output
folder; :func:`match_documents` pairs each gold document with a predicted one (same id,
else the document whose ``source`` is the gold id, else the id without a file extension).
A folder that is not a usable output raises :class:`PredictionsError`.

>>> load_predictions("no/such/folder")
Traceback (most recent call last):
...
pipeline.evaluation.predictions.PredictionsError: predictions folder not found: no/such/folder
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .gold import GRAPH_TYPES, Gold

PREDICTION_FILES = ("documents.csv", "documents.parquet", "mentions.csv", "actors.csv", "timexes.csv",
                    "events.csv")


class PredictionsError(ValueError):
    """The predictions folder is not a usable actorgraph output folder."""


@dataclass
class Predictions:
    folder: Path
    documents: pd.DataFrame  # index doc_id
    texts: dict
    mentions: pd.DataFrame
    actors: pd.DataFrame  # index actor_id
    timexes: pd.DataFrame
    events: pd.DataFrame


def load_predictions(folder) -> Predictions:
    out = Path(folder)
    if not out.is_dir():
        raise PredictionsError(f"predictions folder not found: {out}")
    missing = [f for f in PREDICTION_FILES if not (out / f).exists()]
    if missing:
        raise PredictionsError(f"{out} is not an actorgraph output folder (missing {', '.join(missing)})")

    def csv(name):
        return pd.read_csv(out / name, dtype=str, keep_default_na=False)

    docs = csv("documents.csv")
    texts = pd.read_parquet(out / "documents.parquet", columns=["doc_id", "text"])
    actors = csv("actors.csv")
    if "in_graph" not in actors.columns:
        actors["in_graph"] = actors["type"].isin(GRAPH_TYPES).map(str)
    return Predictions(out, docs.set_index("doc_id", drop=False),
                       {d: (t if isinstance(t, str) else "") for d, t in zip(texts["doc_id"], texts["text"])},
                       csv("mentions.csv"), actors.set_index("actor_id", drop=False), csv("timexes.csv"),
                       csv("events.csv"))


def match_documents(gold: Gold, pred: Predictions) -> dict[str, str]:
    """gold doc_id -> predicted doc_id: the same id, else the document whose ``source`` is
    the gold id, else the same id without a file extension."""
    by_source = dict(zip(pred.documents["source"], pred.documents["doc_id"])) \
        if "source" in pred.documents.columns else {}
    ids = set(pred.documents["doc_id"])
    mapping, missing = {}, []
    for d in gold.documents:
        if d.doc_id in ids:
            mapping[d.doc_id] = d.doc_id
        elif d.doc_id in by_source:
            mapping[d.doc_id] = by_source[d.doc_id]
        elif Path(d.doc_id).stem in ids:
            mapping[d.doc_id] = Path(d.doc_id).stem
        else:
            missing.append(d)
    if missing:
        d = missing[0]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise PredictionsError(f"{gold.path} line {d.line}: document {d.doc_id!r}{more} is not in the predictions "
                               f"({pred.folder / 'documents.csv'} has {len(ids)} documents)")
    return mapping
