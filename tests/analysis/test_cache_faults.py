"""A damaged, read-only or full cache warns once and the run finishes without it."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.run import RunConfig, run

TEXTS = ["La Pologne soutient l'Ukraine face à la Russie.", "L'OTAN se réunit à Vilnius en juillet.",
         "Le Kremlin a averti la Finlande.", "Kiev a remercié Berlin pour son aide."]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, t in enumerate(TEXTS):
        (folder / f"d{i}.txt").write_text(t, encoding="utf-8")
    return folder


def _run(nlp, corpus, out, cache_dir):
    return run(RunConfig(corpus=str(corpus), out=str(out), quiet=True, cache_dir=str(cache_dir)), nlp=nlp)


def test_garbage_in_the_middle_of_the_database(nlp, corpus, tmp_path, capsys):
    cache_dir = tmp_path / "cache"
    _run(nlp, corpus, tmp_path / "o1", cache_dir)
    db = cache_dir / "results.sqlite"
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 4096] = b"\x5a" * 4096
    db.write_bytes(bytes(data))
    (corpus / "d9.txt").write_text("Washington a sanctionné Moscou.", encoding="utf-8")  # one cache miss
    capsys.readouterr()
    summary = _run(nlp, corpus, tmp_path / "o2", cache_dir)
    assert summary.n_ok == len(TEXTS) + 1 and (tmp_path / "o2" / "manifest.json").is_file()
    err = capsys.readouterr().err
    assert err.count("warning: the result cache") == 1, err


def test_a_read_only_cache_warns_once_and_the_run_finishes(nlp, corpus, tmp_path, monkeypatch, capsys):
    from pipeline.analysis.cache import ResultCache

    def readonly(self, result):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(ResultCache, "put", readonly)
    summary = _run(nlp, corpus, tmp_path / "out", tmp_path / "cache")
    assert summary.n_ok == len(TEXTS) and (tmp_path / "out" / "manifest.json").is_file()
    err = capsys.readouterr().err
    assert err.count("warning: the result cache") == 1 and "readonly database" in err


def test_a_full_disk_under_the_cache_folder(nlp, corpus, tmp_path, monkeypatch, capsys):
    import errno

    from pipeline.analysis.cache import ResultCache

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ResultCache, "commit", full)
    summary = _run(nlp, corpus, tmp_path / "out", tmp_path / "cache")
    assert summary.n_ok == len(TEXTS)
    assert capsys.readouterr().err.count("No space left on device") == 1


def test_a_cache_that_cannot_be_opened(nlp, corpus, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    summary = _run(nlp, corpus, tmp_path / "out", blocker)
    assert summary.n_ok == len(TEXTS)
    assert "warning: the result cache" in capsys.readouterr().err


def test_batches_finished_by_workers_are_cached_when_the_run_is_interrupted():
    """Ctrl-C while a chunk is being collected: the batches already done are not lost."""
    from pipeline.analysis.extract import DocResult
    from pipeline.analysis.mapper import map_documents
    from pipeline.ingest.readers import Document

    class Cache:
        def __init__(self):
            self.put_ids, self.commits = [], 0

        def get(self, d):
            return None

        def put(self, res):
            self.put_ids.append(res.doc.doc_id)

        def commit(self):
            self.commits += 1

    class Interrupted:
        """Two batches of two: the first is done, the second never comes (Ctrl-C)."""

        def submit(self, docs):
            def collect():
                raise KeyboardInterrupt

            done = [DocResult(Document(doc_id=d.doc_id, source="", text="")) for d in docs[:2]]
            collect.finished = lambda: [(0, done)]
            return collect

        def terminate(self):
            self.terminated = True

        close = terminate

    docs = [Document(doc_id=f"d{i}", source="", text="x", content_hash=str(i)) for i in range(4)]
    cache, executor = Cache(), Interrupted()
    with pytest.raises(KeyboardInterrupt):
        list(map_documents(iter(docs), lambda: executor, cache=cache, chunk_size=4))
    assert cache.put_ids == ["d0", "d1"] and cache.commits == 1 and executor.terminated
