"""Cache, parallel and distributed map steps: same outputs, work done once."""
import filecmp
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from pipeline.analysis.cache import ResultCache
from pipeline.analysis.extract import DocResult
from pipeline.ingest.readers import Document
from pipeline.analysis.mapper import map_documents
from pipeline.run import RunConfig, run

COMPARED = ("documents.csv", "mentions.csv", "actors.csv", "edges.csv", "timexes.csv", "events.csv",
            "graph.graphml", "graph.gexf", "mentions.parquet", "events.parquet")


def _same(a, b):
    return [f for f in COMPARED if not filecmp.cmp(a / f, b / f, shallow=False)]


def test_cached_rerun_reads_the_cache_and_gives_the_same_outputs(nlp, tmp_path):
    cache = tmp_path / "cache"
    s1 = run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o1"), quiet=True, cache_dir=str(cache)), nlp=nlp)
    s2 = run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o2"), quiet=True, cache_dir=str(cache)), nlp=nlp)
    assert (s1.n_analysed, s1.n_cached) == (5, 0)
    assert (s2.n_analysed, s2.n_cached) == (0, 5)
    assert _same(tmp_path / "o1", tmp_path / "o2") == []
    # a third run in a fresh interpreter reads everything from the cache without importing
    # spaCy (loading it is most of a cached run's start-up)
    code = ("import sys; from pipeline.run import RunConfig, run; "
            f"s = run(RunConfig(corpus={str(SEEDS)!r}, out={str(tmp_path / 'o3')!r}, quiet=True, "
            f"cache_dir={str(cache)!r}, n_process=2)); "
            "print(s.n_cached, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["5", "False"]
    assert _same(tmp_path / "o1", tmp_path / "o3") == []


def test_only_new_documents_are_analysed(nlp, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = str(tmp_path / "cache")
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o1"), quiet=True, cache_dir=cache), nlp=nlp)
    (corpus / "new.txt").write_text("La Pologne a livré des chars à l'Ukraine, selon Reuters.", encoding="utf-8")
    s = run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o2"), quiet=True, cache_dir=cache), nlp=nlp)
    assert (s.n_analysed, s.n_cached) == (1, 5)


def test_no_cache_analyses_everything(nlp, tmp_path):
    s = run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o"), quiet=True, cache=False), nlp=nlp)
    assert (s.n_analysed, s.n_cached) == (5, 0)
    assert not (tmp_path / "cache").exists()


class _Boom(Exception):
    pass


class _FlakyExecutor:
    """Analyses the first call's documents, then dies (a run killed half-way)."""

    def __init__(self):
        self.calls = 0

    def run(self, docs):
        self.calls += 1
        if self.calls > 1:
            raise _Boom()
        out = []
        for d in docs:
            r = DocResult(d, n_tokens=len(d.text.split()))
            r.mentions.append({"doc_id": d.doc_id, "sentence_id": 0, "start_char": 0, "end_char": 1, "text": "x",
                               "label": "ORG", "actor_id": "x"})
            out.append(r)
        return out

    def submit(self, docs):
        return lambda: self.run(docs)

    def close(self):
        pass


def _docs(n):
    from pipeline.ingest.readers import content_hash

    docs = []
    for i in range(n):
        text = f"Document numéro {i} sur l'OTAN."
        docs.append(Document(doc_id=f"d{i}", source="t", text=text, content_hash=content_hash(text)))
    return docs


def test_killed_run_keeps_finished_chunks_and_resumes(tmp_path):
    cache = ResultCache(tmp_path / "c", "fp")
    flaky = _FlakyExecutor()
    got = []
    with pytest.raises(_Boom):
        for r in map_documents(_docs(6), lambda: flaky, cache=cache, chunk_size=3):
            got.append(r)
    assert len(got) == 3
    cache.close()
    cache = ResultCache(tmp_path / "c", "fp")
    fresh = _FlakyExecutor()
    results = list(map_documents(_docs(6), lambda: fresh, cache=cache, chunk_size=3))
    assert [r.doc.doc_id for r in results] == [f"d{i}" for i in range(6)]
    assert cache.hits == 3 and fresh.calls == 1  # only the unfinished chunk was analysed
    assert results[0].mentions[0]["doc_id"] == "d0"


def test_cache_key_depends_on_config_and_publication_date(tmp_path):
    d = _docs(1)[0]
    a, b = ResultCache(tmp_path / "a", "fp1"), ResultCache(tmp_path / "b", "fp2")
    assert a.key(d) != b.key(d)
    k1 = a.key(d)
    d.published = "2022-02-24"
    assert a.key(d) != k1


def test_two_processes_give_the_same_outputs(nlp, tmp_path):
    one = run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "p1"), quiet=True, cache=False), nlp=nlp)
    two = run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "p2"), quiet=True, cache=False, n_process=2,
                        batch_size=2), nlp=nlp)
    assert one.n_events == two.n_events
    assert _same(tmp_path / "p1", tmp_path / "p2") == []


def test_dask_backend_gives_the_same_outputs(nlp, tmp_path):
    pytest.importorskip("dask.distributed")
    run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "local"), quiet=True, cache=False), nlp=nlp)
    run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "dask"), quiet=True, cache=False, backend="dask",
                  n_process=2, batch_size=2))
    assert _same(tmp_path / "local", tmp_path / "dask") == []


def test_input_order_does_not_change_outputs(nlp, tmp_path):
    """The same articles as JSONL lines in opposite orders give byte-identical outputs."""
    import json

    rows = [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in sorted(SEEDS.glob("*.txt"))]
    for name, order in (("fwd", rows), ("rev", rows[::-1])):
        p = tmp_path / f"{name}.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in order), encoding="utf-8")
        run(RunConfig(corpus=str(p), out=str(tmp_path / name), quiet=True, cache=False), nlp=nlp)
    # only provenance differs: documents.source names the line each article came from
    assert _same(tmp_path / "fwd", tmp_path / "rev") == ["documents.csv"]
    import pandas as pd

    fwd = pd.read_csv(tmp_path / "fwd" / "documents.csv", dtype=str, keep_default_na=False)
    rev = pd.read_csv(tmp_path / "rev" / "documents.csv", dtype=str, keep_default_na=False)
    assert fwd.drop(columns="source").equals(rev.drop(columns="source"))
    assert list(fwd["source"]) == [f"fwd.jsonl:{i}" for i in range(1, 6)]
    assert list(rev["source"]) == [f"rev.jsonl:{i}" for i in range(5, 0, -1)]
