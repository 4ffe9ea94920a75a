"""A long document analysed in bounded pieces: its records leave memory piece by piece
(spill files, the spool, the cache, the reduce) and the outputs are the same bytes."""
from __future__ import annotations

import sqlite3

import pytest

from conftest import SEEDS
from pipeline.analysis import extract, pieces
from pipeline.analysis.extract import DocResult, analyse
from pipeline.ingest.readers import Document
from pipeline.reduce import stories, stream, tables
from pipeline.reduce.spool import Spool
from pipeline.run import RunConfig, run

LONG = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
SHORT = "La Pologne soutient l'Ukraine face à la Russie. Le Kremlin a averti la Finlande."


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of 3,000 characters (both ways of a comparison parse the same pieces)."""
    monkeypatch.setattr(extract, "CHUNK_CHARS", 3000)


def _spill_often(monkeypatch):
    monkeypatch.setattr(pieces, "SPILL_RECORDS", 40)
    monkeypatch.setattr(stream, "CHUNK_ROWS", 7)  # a long document comes in several chunks
    monkeypatch.setattr(stream, "PART_BATCH", 5)
    monkeypatch.setattr(stream, "PART_BATCHES", {})
    monkeypatch.setattr(stories, "LONG_TEXT", 700)  # and its text is read in slices


def _corpus(tmp_path, texts):
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _files(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "manifest.json"
            and not p.name.startswith(".")}


def _records(res: DocResult) -> dict:
    return {name: getattr(res, name) for name in pieces.PIECE_LISTS} | {"n_tokens": res.n_tokens}


def test_spilled_records_are_the_records_of_the_whole_document(nlp, tmp_path, small_pieces, monkeypatch):
    doc = Document(doc_id="long", source="long.txt", text=LONG, published="2022-03-01")
    (whole,) = analyse(nlp, [doc])
    assert whole.spilled is None
    monkeypatch.setattr(pieces, "SPILL_RECORDS", 40)
    (spilled,) = analyse(nlp, [Document(doc_id="long", source="long.txt", text=LONG, published="2022-03-01")], spill_dir=tmp_path)
    assert spilled.spilled is not None and len(spilled.spilled) > 2
    assert spilled.n_records() < 40 + whole.n_records() // len(spilled.spilled)
    parts = list(spilled.pieces())
    starts = [p.mentions[0]["start_char"] for p in parts if p.mentions]
    assert starts == sorted(starts) and len(starts) > 2  # in text order, offsets into the whole text
    assert _records(spilled.load()) == _records(whole)
    assert spilled.spilled is None and list(tmp_path.iterdir()) == []  # load() removed the spill file


def test_records_leave_memory_before_the_document_is_done(nlp, tmp_path, small_pieces, monkeypatch):
    monkeypatch.setattr(pieces, "SPILL_RECORDS", 40)
    parsed, at_spill = [0], []
    reduce_doc = extract.reduce_doc

    def counting(*args):
        parsed[0] += 1
        return reduce_doc(*args)

    append = pieces.SpillFile.append

    def spying(self, piece):
        at_spill.append(parsed[0])
        return append(self, piece)

    monkeypatch.setattr(extract, "reduce_doc", counting)
    monkeypatch.setattr(pieces.SpillFile, "append", spying)
    (res,) = analyse(nlp, [Document(doc_id="long", source="long.txt", text=LONG)], spill_dir=tmp_path)
    n_pieces = len(extract.split_text(LONG))
    assert parsed[0] == n_pieces > 3
    assert at_spill and at_spill[0] < n_pieces  # the first piece was written while later ones were unparsed
    res.release()
    assert list(tmp_path.iterdir()) == []


def test_a_long_document_gives_the_same_outputs_spilled_or_not(nlp, tmp_path, small_pieces, monkeypatch):
    corpus = _corpus(tmp_path, {"a_long": LONG, "b_short": SHORT, "c_long": LONG.replace("Russie", "Chine")})
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "whole"), quiet=True, cache=False), nlp=nlp)
    _spill_often(monkeypatch)
    written, chunks = [], []
    write_pending, doc_chunks = Spool._write_pending, tables.doc_chunks

    def spy(self, k, out):
        written.append(k)
        return write_pending(self, k, out)

    def chunk_spy(spool, name, *a, **k):
        for chunk in doc_chunks(spool, name, *a, **k):
            chunks.append((name, chunk.column("doc_id")[0].as_py(), chunk.num_rows))
            yield chunk

    monkeypatch.setattr(Spool, "_write_pending", spy)
    monkeypatch.setattr(tables, "doc_chunks", chunk_spy)
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "pieces"), quiet=True, cache=False), nlp=nlp)
    assert len(written) > 6 and len(set(written)) == 2  # two long documents' parts, written a piece at a time
    long_chunks = [c for c in chunks if c[:2] == ("events", "a_long")]
    assert len(long_chunks) > 3 and max(n for *_, n in long_chunks) <= 20  # the reduce took them in bounded chunks
    whole, spilled = _files(tmp_path / "whole"), _files(tmp_path / "pieces")
    assert sorted(whole) == sorted(spilled)
    assert [name for name in whole if whole[name] != spilled[name]] == []


def test_cached_pieces_give_the_same_outputs(nlp, tmp_path, small_pieces, monkeypatch):
    _spill_often(monkeypatch)
    cache = tmp_path / "cache"
    corpus = _corpus(tmp_path, {"a_long": LONG})
    s1 = run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o1"), quiet=True, cache_dir=str(cache)), nlp=nlp)
    db = sqlite3.connect(cache / "results.sqlite")
    n_pieces = db.execute("SELECT count(*) FROM pieces").fetchone()[0]
    db.close()
    assert s1.n_analysed == 1 and n_pieces > 2
    # a fully cached re-run: the kept output set
    s2 = run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o2"), quiet=True, cache_dir=str(cache)), nlp=nlp)
    assert (s2.n_analysed, s2.n_cached) == (0, 1) and _files(tmp_path / "o2") == _files(tmp_path / "o1")
    # one new document: the long one's pieces are read from the cache and reduced again
    _corpus(tmp_path, {"b_short": SHORT})
    s3 = run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o3"), quiet=True, cache_dir=str(cache)), nlp=nlp)
    s4 = run(RunConfig(corpus=str(corpus), out=str(tmp_path / "o4"), quiet=True, cache=False), nlp=nlp)
    assert (s3.n_analysed, s3.n_cached) == (1, 1)
    assert _files(tmp_path / "o3") == _files(tmp_path / "o4")


def test_dates_only_applies_to_every_piece(nlp, tmp_path, small_pieces, monkeypatch):
    corpus = _corpus(tmp_path, {"a_long": LONG})
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "whole"), quiet=True, cache=False, timex_types="date"),
        nlp=nlp)
    _spill_often(monkeypatch)
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "pieces"), quiet=True, cache=False, timex_types="date"),
        nlp=nlp)
    assert _files(tmp_path / "pieces")["timexes.csv"] == _files(tmp_path / "whole")["timexes.csv"]


def test_worker_processes_hand_back_spilled_documents(nlp, tmp_path, small_pieces, monkeypatch):
    corpus = _corpus(tmp_path, {"a_long": LONG, "b_short": SHORT})
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "one"), quiet=True, cache=False), nlp=nlp)
    _spill_often(monkeypatch)  # the forked workers inherit it
    spilled, add_pieces = [], Spool._add_pieces

    def spy(self, res):
        spilled.append((res.doc.doc_id, len(res.spilled)))
        return add_pieces(self, res)

    monkeypatch.setattr(Spool, "_add_pieces", spy)
    run(RunConfig(corpus=str(corpus), out=str(tmp_path / "two"), quiet=True, cache=False, n_process=2), nlp=nlp)
    assert len(spilled) == 1 and spilled[0][0] == "a_long" and spilled[0][1] > 2
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
