"""The predictions of an evaluation: an actorgraph output folder, read back as tables.

:func:`load_predictions` reads the CSV tables and the cleaned texts of a run's output
folder; :func:`match_documents` pairs each gold document with a predicted one (same id,
else the document whose ``source`` is the gold id, else the id without a file extension).
A folder that is not a usable output raises :class:`PredictionsError`.

Only the events at or above the run's ``min_confidence`` (``manifest.json``, ``config``)
are scored — the events the graph draws; ``min_confidence=`` overrides it (CLI
``evaluate --predictions DIR --min-confidence X``). A run without the setting (older
outputs) or events without a ``confidence`` column are scored whole.

>>> load_predictions("no/such/folder")
Traceback (most recent call last):
...
pipeline.evaluation.predictions.PredictionsError: predictions folder not found: no/such/folder
"""
from __future__ import annotations

import json
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
    min_confidence: float | None = None  # the threshold the events were filtered with
    n_events_below: int = 0  # events of events.csv below it (not scored)


def run_min_confidence(folder) -> float | None:
    """The ``min_confidence`` of a run's ``manifest.json`` configuration, or None."""
    path = Path(folder) / "manifest.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("config", {}).get("min_confidence")
    except (OSError, ValueError, AttributeError):
        return None
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def confident_events(events: pd.DataFrame, min_confidence: float | None) -> pd.DataFrame:
    """The events with ``confidence >= min_confidence`` (all of them when either is missing).

    >>> e = pd.DataFrame({"event_id": ["a", "b"], "confidence": ["0.9", "0.2"]})
    >>> list(confident_events(e, 0.5)["event_id"]), len(confident_events(e, None))
    (['a'], 2)
    """
    if min_confidence is None or "confidence" not in events.columns:
        return events
    score = pd.to_numeric(events["confidence"], errors="coerce").fillna(0.0)
    return events[score >= min_confidence].reset_index(drop=True)


def load_predictions(folder, min_confidence: float | None = None) -> Predictions:
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
    threshold = min_confidence if min_confidence is not None else run_min_confidence(out)
    events = csv("events.csv")
    kept = confident_events(events, threshold)
    return Predictions(out, docs.set_index("doc_id", drop=False),
                       {d: (t if isinstance(t, str) else "") for d, t in zip(texts["doc_id"], texts["text"])},
                       csv("mentions.csv"), actors.set_index("actor_id", drop=False), csv("timexes.csv"),
                       kept, threshold if "confidence" in events.columns else None, len(events) - len(kept))


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
