"""The evaluator scores the events at or above the run's min_confidence (manifest.json),
or the threshold given with --min-confidence; the run records it in its configuration."""
import json

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.evaluation.evaluate import evaluate_predictions, parse_gold
from pipeline.evaluation.predictions import load_predictions, run_min_confidence
from pipeline.nlp.events.confidence import default_min_confidence
from pipeline.run import RunConfig


def test_run_records_the_threshold_in_manifest_and_cache_key():
    assert RunConfig(corpus="c").pipeline_config()["min_confidence"] == default_min_confidence()
    assert RunConfig(corpus="c", min_confidence=0.7).pipeline_config()["min_confidence"] == 0.7


def test_seed_run_manifest_and_scored_events(seeds_out):
    out, _ = seeds_out
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    threshold = manifest["config"]["min_confidence"]
    assert threshold == default_min_confidence() == run_min_confidence(out)
    every = pd.read_csv(out / "events.csv", keep_default_na=False)
    assert every["confidence"].between(0, 1).all()
    scored = load_predictions(out)
    assert scored.min_confidence == threshold
    assert len(scored.events) == int((every["confidence"] >= threshold).sum()) < len(every)
    assert scored.n_events_below == len(every) - len(scored.events)
    assert len(load_predictions(out, min_confidence=0.0).events) == len(every)


def test_override_changes_what_is_scored(seeds_out):
    out, _ = seeds_out
    gold = parse_gold(['{"doc_id": "000_be1dba15a930f299"}'])
    assert evaluate_predictions(gold, out, min_confidence=1.0)["events"]["predicted"] == 0
    report = evaluate_predictions(gold, out, min_confidence=0.0)
    assert report["min_confidence"] == 0.0 and report["events"]["predicted"] > 0


def test_cli_rejects_a_threshold_outside_0_1(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "seeds", "--min-confidence", "1.5"])
    assert exc.value.code == 2
    assert "must be between 0 and 1" in capsys.readouterr().err
