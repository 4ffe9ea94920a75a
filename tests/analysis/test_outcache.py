"""A re-run whose documents all come from the cache reuses the kept output set."""
import json
import os

import pytest

from pipeline import finish as finish_module
from pipeline.analysis import outcache
from pipeline.run import RunConfig, run
from tests.conftest import SEEDS


def _files(out):
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".") and p.name != "manifest.json"}


def _boom(*args, **kwargs):
    raise AssertionError("the exports were written again")


@pytest.fixture(scope="module")
def first(nlp, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    out = tmp_path_factory.mktemp("first")
    summary = run(RunConfig(corpus=str(SEEDS), out=str(out), quiet=True, cache_dir=str(cache)), nlp=nlp)
    return cache, out, summary


def test_a_cached_rerun_copies_the_kept_outputs(first, nlp, tmp_path, monkeypatch):
    cache, out1, s1 = first
    monkeypatch.setattr(finish_module, "write_report", _boom)
    monkeypatch.setattr(finish_module, "build_graph", _boom)
    out2 = tmp_path / "again"
    s2 = run(RunConfig(corpus=str(SEEDS), out=str(out2), quiet=True, cache_dir=str(cache)), nlp=nlp)
    assert _files(out2) == _files(out1)
    assert (s2.n_analysed, s2.n_cached) == (0, s1.n_analysed + s1.n_cached)
    for name in ("n_ok", "n_tokens", "n_mentions", "n_actors", "n_nodes", "n_edges", "n_events", "errors"):
        assert getattr(s2, name) == getattr(s1, name), name
    m1, m2 = (json.loads((o / "manifest.json").read_text()) for o in (out1, out2))
    assert m1["corpus"] == m2["corpus"] and m1["files"] == m2["files"]


@pytest.mark.parametrize("setting", [{"min_weight": 2}, {"timex_types": "date"}])
def test_other_settings_do_not_reuse_the_outputs(first, nlp, tmp_path, monkeypatch, setting):
    cache, _, _ = first
    monkeypatch.setattr(finish_module, "write_report", _boom)
    with pytest.raises(AssertionError, match="written again"):
        run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o"), quiet=True, cache_dir=str(cache), **setting),
            nlp=nlp)


def test_another_document_does_not_reuse_the_outputs(first, nlp, tmp_path, monkeypatch):
    cache, _, _ = first
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        (corpus / p.name).write_bytes(p.read_bytes())
    first_file = sorted(corpus.iterdir())[0]
    first_file.write_text(first_file.read_text(encoding="utf-8") + "\nLa Pologne soutient l'Ukraine.\n",
                          encoding="utf-8")
    monkeypatch.setattr(finish_module, "write_report", _boom)
    with pytest.raises(AssertionError, match="written again"):
        run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o"), quiet=True, cache_dir=str(cache)), nlp=nlp)


def test_large_output_sets_are_not_kept(tmp_path, monkeypatch):
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "a.csv").write_text("x" * 100)
    monkeypatch.setattr(outcache, "MAX_BYTES", 50)
    assert not outcache.store(tmp_path / "cache", "k", stage, ["a.csv"], {})
    monkeypatch.setattr(outcache, "MAX_BYTES", 500)
    assert outcache.store(tmp_path / "cache", "k", stage, ["a.csv"], {"n_ok": 1})
    dest = tmp_path / "dest"
    dest.mkdir()
    assert outcache.restore(tmp_path / "cache", "k", dest)["n_ok"] == 1
    assert (dest / "a.csv").read_text() == "x" * 100
    assert outcache.restore(tmp_path / "cache", "other", dest) is None


def test_only_the_newest_sets_are_kept(tmp_path, monkeypatch):
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "a.csv").write_text("x")
    monkeypatch.setattr(outcache, "KEEP", 2)
    for i in range(4):
        assert outcache.store(tmp_path / "cache", f"k{i}", stage, ["a.csv"], {})
        kept = tmp_path / "cache" / "outputs" / f"k{i}"
        os.utime(kept, (1000 + i, 1000 + i))
    assert sorted(p.name for p in (tmp_path / "cache" / "outputs").iterdir()) == ["k2", "k3"]


@pytest.mark.parametrize("bad", [["../escaped.csv"], ["sub/a.csv"], [".."], [3]])
def test_a_damaged_summary_is_never_followed_out_of_the_stage(tmp_path, bad):
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "a.csv").write_text("x")
    assert outcache.store(tmp_path / "cache", "k", stage, ["a.csv"], {})
    summary = tmp_path / "cache" / "outputs" / "k" / "summary.json"
    summary.write_text(json.dumps({"written": bad}), encoding="utf-8")
    (summary.parent.parent / "escaped.csv").write_text("planted")  # what "../escaped.csv" would read
    dest = tmp_path / "dest" / "inner"
    dest.mkdir(parents=True)
    assert outcache.restore(tmp_path / "cache", "k", dest) is None
    assert not (tmp_path / "dest" / "escaped.csv").exists()
