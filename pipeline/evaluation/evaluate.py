"""Measure extraction quality against a hand-annotated sample (a gold JSONL file).

The gold format and every metric are defined in ``docs/EVALUATION.md``. In short, one JSON
object per line::

    {"doc_id": "003_19d8ebd0b731c646", "published": "2022-02",
     "actors": [{"name": "OTAN", "type": "ORG"}, "Russie", {"name": "Kohan Kioshiko", "type": "PER"}],
     "optional": [{"name": "Traité de Washington", "type": "MISC"}],
     "timexes": [{"text": "jeudi", "value": "2022-02-24"}],
     "events": [{"agent": "Russie", "type": "MOBILIZE", "target": "Transnistrie",
                 "date": "2022-02", "modality": "asserted"}]}

This module is the entry point; the work is done by :mod:`~pipeline.evaluation.gold`
(read and validate the gold file), :mod:`~pipeline.evaluation.predictions` (read an output
folder), :mod:`~pipeline.evaluation.actormap` (predicted actor -> gold actor),
:mod:`~pipeline.evaluation.scoring` (the metrics) and :mod:`~pipeline.evaluation.render`
(Markdown and files), whose public names it re-exports.

>>> from pipeline.evaluation.evaluate import load_gold, evaluate_predictions     # doctest: +SKIP
>>> report = evaluate_predictions(load_gold("gold.jsonl"), "outputs")  # doctest: +SKIP
>>> report["actors"]["overall"]["f1"]                                   # doctest: +SKIP
>>> evaluate_predictions(parse_gold(['{"doc_id": "d1"}']), "no/such/folder")
Traceback (most recent call last):
...
pipeline.evaluation.predictions.PredictionsError: predictions folder not found: no/such/folder
"""
from __future__ import annotations

from pathlib import Path

from .actormap import ActorMap
from .gold import (ACTOR_TYPES, EVENT_TYPES, GRAPH_TYPES, MODALITIES, Gold, GoldActor, GoldDocument,  # noqa: F401
                   GoldError, GoldEvent, load_gold, parse_gold)
from .predictions import PREDICTION_FILES, Predictions, PredictionsError, load_predictions, match_documents  # noqa: F401
from .render import render_markdown, render_summary, write_report  # noqa: F401
from .scoring import prf, score_actors, score_events, score_published, score_timexes  # noqa: F401


def evaluate_predictions(gold: Gold, predictions, all_types: bool = False,
                         min_confidence: float | None = None) -> dict:
    """Score an output folder (``predictions``) against ``gold``; returns the report dict
    that ``evaluation.json`` holds. Events are scored at or above ``min_confidence``
    (default: the run's, from its ``manifest.json``)."""
    pred = predictions if isinstance(predictions, Predictions) else load_predictions(predictions, min_confidence)
    docs = match_documents(gold, pred)
    amap = ActorMap(gold, pred, docs)
    actors, frag = score_actors(gold, pred, docs, amap, all_types)
    statuses = {d.doc_id: pred.documents.at[docs[d.doc_id], "status"] for d in gold.documents}
    warnings = [f"document {k!r} was not analysed (status {v}): everything in it counts as missed"
                for k, v in statuses.items() if v not in ("ok", "")]
    return {
        "gold": gold.path,
        "predictions": str(pred.folder),
        "n_documents": len(gold.documents),
        "min_confidence": pred.min_confidence,
        "n_events_below_min_confidence": pred.n_events_below,
        "warnings": warnings,
        "actors": actors,
        "fragmentation": frag,
        "timexes": score_timexes(gold, pred, docs),
        "published": score_published(gold, pred, docs),
        "events": score_events(gold, pred, docs, amap),
    }


def evaluate_corpus(gold: Gold, corpus, out=None, all_types: bool = False, nlp=None, **run_options) -> dict:
    """Run the pipeline on ``corpus`` (into ``out/predictions``, or a temporary folder when
    ``out`` is None) and score it. ``run_options`` go to :class:`pipeline.run.RunConfig`."""
    import tempfile

    from ..run import RunConfig, run

    def go(folder: Path) -> dict:
        run(RunConfig(corpus=str(corpus), out=str(folder), **run_options), nlp=nlp)
        report = evaluate_predictions(gold, folder, all_types)
        report["corpus"] = str(corpus)
        return report

    if out is not None:
        return go(Path(out) / "predictions")
    with tempfile.TemporaryDirectory(prefix="actorgraph-eval-") as tmp:
        report = go(Path(tmp))
        report["predictions"] = None  # the folder is gone
        return report

