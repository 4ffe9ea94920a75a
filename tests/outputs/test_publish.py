"""The output set is switched into --out as one set; an interrupted switch is detected and repaired."""
from __future__ import annotations

import json
import os

import pytest

from pipeline.outputs import publish
from pipeline.outputs.publish import SWITCH_NAME, new_staging, pending_switch, repair, switch

FILES = ["actors.csv", "documents.csv", "edges.csv", "graph.graphml", "manifest.json"]


def _old_set(out):
    out.mkdir()
    for name in FILES:
        (out / name).write_text(f"old {name}", encoding="utf-8")


def _new_stage(out):
    stage = new_staging(out)
    for name in FILES:
        (stage / name).write_text(f"new {name}", encoding="utf-8")
    return stage


def _contents(out):
    return {n: (out / n).read_text(encoding="utf-8") for n in FILES if (out / n).exists()}


def test_a_switch_replaces_the_whole_set_and_leaves_no_trace(tmp_path):
    out = tmp_path / "out"
    _old_set(out)
    switch(_new_stage(out), out, FILES)
    assert _contents(out) == {n: f"new {n}" for n in FILES}
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("killed_after", [0, 1, 3, 4])
def test_a_switch_killed_midway_is_detectable_and_repaired(tmp_path, monkeypatch, killed_after):
    """A kill (simulated: the process stops renaming) leaves a mix of old and new files;
    readers see it (a switch record, no manifest) and the next run finishes the set."""
    out = tmp_path / "out"
    _old_set(out)
    stage = _new_stage(out)
    real_replace, calls = os.replace, []

    def dying_replace(src, dst):
        if str(dst).endswith(SWITCH_NAME):
            return real_replace(src, dst)
        if len(calls) == killed_after:
            raise SystemExit("killed")  # nothing after this runs in a killed process
        calls.append(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(publish.os, "replace", dying_replace)
    with pytest.raises(SystemExit):
        switch(stage, out, FILES)
    monkeypatch.setattr(publish.os, "replace", real_replace)
    assert pending_switch(out) is not None and not (out / "manifest.json").exists()
    assert repair(out) == "finished"
    assert _contents(out) == {n: f"new {n}" for n in FILES}
    assert pending_switch(out) is None and not stage.exists()


def test_a_record_whose_staging_folder_is_gone_is_reported_incomplete(tmp_path):
    out = tmp_path / "out"
    _old_set(out)
    (out / "manifest.json").unlink()
    (out / SWITCH_NAME).write_text(json.dumps({"staging": ".actorgraph-staging-gone", "files": FILES}))
    assert repair(out) == "incomplete"
    assert not (out / SWITCH_NAME).exists() and not (out / "manifest.json").exists()


def test_a_record_cannot_point_outside_the_output_folder(tmp_path):
    out = tmp_path / "out"
    _old_set(out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "manifest.json").write_text("x")
    (out / SWITCH_NAME).write_text(json.dumps({"staging": "../elsewhere", "files": ["manifest.json"]}))
    assert repair(out) == "incomplete"
    assert (elsewhere / "manifest.json").exists()


def test_a_run_repairs_a_switch_left_by_a_killed_run(nlp, tmp_path, monkeypatch):
    from pipeline.run import RunConfig, run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("La Pologne soutient l'Ukraine.", encoding="utf-8")
    out = tmp_path / "out"
    _old_set(out)
    stage = _new_stage(out)
    (out / SWITCH_NAME).write_text(json.dumps({"staging": stage.name, "files": FILES}))
    (out / "manifest.json").unlink()
    run(RunConfig(corpus=str(corpus), out=str(out), quiet=True, cache=False), nlp=nlp)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool"] == "actorgraph" and not stage.exists() and pending_switch(out) is None
    assert not [p for p in out.iterdir() if p.name.startswith(".actorgraph-staging-")]
