"""Pre-fill a gold annotation file (docs/EVALUATION.md) from the pipeline's predictions.

The file holds, per analysed document, what actorgraph found: the actors (by the label it
prints, with their type), the temporal expressions with their values, the events and the
publication date. The annotator then corrects it by hand (delete what is wrong, add what
is missing) and scores the pipeline with ``python -m pipeline evaluate --gold FILE``.

>>> from pipeline.evaluation.annotate import prefill                     # doctest: +SKIP
>>> records = prefill("outputs")                              # doctest: +SKIP
>>> records[0]["actors"][:2]                                  # doctest: +SKIP
[{'name': 'OTAN', 'type': 'ORG'}, {'name': 'Russie', 'type': 'LOC'}]
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from .predictions import Predictions, load_predictions
from ..nlp.gazetteer import alias_key


class AnnotateError(RuntimeError):
    """The gold file cannot be written (it exists, or the folder is not writable)."""


def _references(pred: Predictions) -> dict[str, str]:
    """actor_id -> the name to write in the gold file: the label, unless another actor has
    the same label (compared like aliases), then the actor id."""
    labels = dict(zip(pred.actors["actor_id"], pred.actors["label"]))
    counts = Counter(alias_key(v) for v in labels.values())
    return {aid: (lab if lab and counts[alias_key(lab)] == 1 else aid) for aid, lab in labels.items()}


def prefill(predictions) -> list[dict]:
    """One gold record per analysed document of an output folder (or :class:`Predictions`)."""
    pred = predictions if isinstance(predictions, Predictions) else load_predictions(predictions)
    ref = _references(pred)
    types = dict(zip(pred.actors["actor_id"], pred.actors["type"]))
    mentions = pred.mentions.assign(_start=pred.mentions["start_char"].astype(int))
    mentions = mentions.sort_values(["doc_id", "_start"], kind="stable")
    by_doc_actors: dict[str, list] = {}
    for doc_id, aid in zip(mentions["doc_id"], mentions["actor_id"]):
        if aid and aid in types:
            by_doc_actors.setdefault(doc_id, [])
            if aid not in by_doc_actors[doc_id]:
                by_doc_actors[doc_id].append(aid)
    tx = pred.timexes.assign(_start=pred.timexes["start_char"].astype(int)).sort_values(
        ["doc_id", "_start"], kind="stable")
    by_doc_tx: dict[str, list] = {}
    for doc_id, text, value in zip(tx["doc_id"], tx["text"], tx["value"]):
        pair = {"text": text, "value": value}
        if pair not in by_doc_tx.setdefault(doc_id, []):
            by_doc_tx[doc_id].append(pair)
    by_doc_ev: dict[str, list] = {}
    for r in pred.events.itertuples(index=False):
        by_doc_ev.setdefault(r.doc_id, []).append({
            "agent": ref.get(r.agent_id, r.agent_id) if r.agent_id else None,
            "type": r.event_type,
            "target": ref.get(r.target_id, r.target_id) if r.target_id else None,
            "date": r.date or None,
            "modality": r.modality,
            "attributed_to": ref.get(r.attributed_to, r.attributed_to) if r.attributed_to else None,
            "sentence": " ".join(str(r.sentence).split()),
        })
    records = []
    for row in pred.documents.itertuples(index=False):
        if row.status != "ok":
            continue
        rec = {"doc_id": row.doc_id}
        if getattr(row, "title", ""):
            rec["title"] = row.title
        rec["published"] = row.published or None
        rec["actors"] = [{"name": ref[a], "type": types[a]} for a in by_doc_actors.get(row.doc_id, [])]
        rec["optional"] = []
        rec["timexes"] = by_doc_tx.get(row.doc_id, [])
        rec["events"] = by_doc_ev.get(row.doc_id, [])
        records.append(rec)
    return records


def write_gold(records: list[dict], path, force: bool = False) -> Path:
    """Write the records as JSONL; refuses to overwrite an existing file unless ``force``."""
    p = Path(path)
    if p.is_dir():
        raise AnnotateError(f"--out {p} is a folder; give a .jsonl file name")
    if p.exists() and not force:
        raise AnnotateError(f"{p} already exists and may hold hand corrections; pass --force to overwrite it "
                            "or choose another --out")
    p.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


def annotate_corpus(corpus, path, force: bool = False, nlp=None, **run_options) -> list[dict]:
    """Run the pipeline on ``corpus`` in a temporary folder and write the pre-filled gold to
    ``path``. ``run_options`` go to :class:`pipeline.run.RunConfig`."""
    from ..run import RunConfig, run

    p = Path(path)
    if p.is_dir() or (p.exists() and not force):  # fail before the (long) run
        write_gold([], p, force=False)
    with tempfile.TemporaryDirectory(prefix="actorgraph-annotate-") as tmp:
        run(RunConfig(corpus=str(corpus), out=tmp, **run_options), nlp=nlp)
        records = prefill(tmp)
    write_gold(records, p, force=force)
    return records
