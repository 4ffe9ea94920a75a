"""Bad input never stops a run and never loses a result.

A "dirty corpus" holding every kind of bad input we know of runs to the end through
``pipeline.run.run``: every good document is in the outputs, every bad one is reported
with a reason, offsets index the cleaned text (also across the pieces of a long single
line), and two runs give byte-identical files. JSONL and CSV corpora get the same
treatment. The spaCy model is the session's (conftest); texts are kept short, and the
long line is made of long words so that it is cheap to parse.
"""
from __future__ import annotations

import codecs
import json
import os
import pathlib
import unicodedata

import pandas as pd
import pytest

from pipeline import cli
from pipeline.analysis import extract
from pipeline import finish as finish_module
from pipeline import run as run_module
from pipeline.run import RunConfig, RunError, run

SMALL_CHUNKS = 5_000  # extract.CHUNK_CHARS during these runs: the long line is cut into ~25 pieces


def _huge_line() -> str:
    """One line of >100k characters, ~6k tokens, with actors all along it."""
    filler = " ".join(["anticonstitutionnellement"] * 40)
    units = [f"Le {i % 28 + 1} mai, la Russie a averti l'OTAN à Bruxelles, selon Reuters. {filler}. "
             for i in range(115)]
    return "".join(units).strip()


def _large_file() -> str:
    """Many paragraphs (~30k characters): cut at blank lines."""
    filler = " ".join(["intergouvernementalisation"] * 25)
    return "\n\n".join(f"Paragraphe {i} : l'Ukraine demande des armes à l'Allemagne. {filler}." for i in range(40))


HUGE = _huge_line()
LARGE = _large_file()

# doc_id -> (relative path, bytes, a phrase of the cleaned text, encoding or None)
GOOD = {
    "article": ("article.txt", "Jens Stoltenberg a rencontré Volodymyr Zelensky à Kiev mardi.".encode("utf-8"),
                "Stoltenberg a rencontré Volodymyr Zelensky", "utf-8"),
    "bom": ("bom.txt", codecs.BOM_UTF8 + "La Pologne renforce sa frontière avec la Biélorussie.".encode("utf-8"),
            "La Pologne renforce", "utf-8-sig"),
    "utf16": ("utf16.txt", "L'Allemagne livre des chars Leopard à l'Ukraine.".encode("utf-16"),
              "L'Allemagne livre des chars", "utf-16"),
    "utf16le": ("utf16le.txt", "La Finlande a rejoint l'OTAN en avril.".encode("utf-16-le"),
                "La Finlande a rejoint", "utf-16-le"),
    "cp1252": ("cp1252.txt", "« L’Élysée » a salué l’accord, qui coûte 3 milliards d’€ à la France.".encode("cp1252"),
               "« L’Élysée » a salué l’accord", "cp1252"),
    "latin1": ("latin1.txt", "Le président français a reçu le chancelier allemand à l'Élysée.".encode("latin-1"),
               "Le président français a reçu", None),
    "crlf": ("crlf.txt", "Titre : la Suède et l'OTAN\r\n\r\nLa Suède a déposé sa candidature.\r\n".encode("utf-8"),
             "Titre : la Suède et l'OTAN\n\nLa Suède a déposé", "utf-8"),
    "cr": ("cr.txt", "Moscou répond\r\rLe Kremlin a rejeté les accusations de Washington.\r".encode("cp1252"),
           "Moscou répond\n\nLe Kremlin a rejeté", None),
    "nul": ("nul.txt", b"La Turquie bloque \x00 l'adh\xc3\xa9sion de la Su\xc3\xa8de.",
            "La Turquie bloque l'adhésion", "utf-8"),
    "page": ("page.html", ("<!DOCTYPE html><html><head><title>Sommet de Vilnius</title>"
                           "<script>window.tracker = function () { return '<p>pub</p>'; };</script></head><body>"
                           "<nav><ul><li><a href='/'>Accueil</a></li><li><a href='/monde'>Monde</a></li></ul></nav>"
                           "<article><h1>Sommet de Vilnius</h1><p>Les dirigeants de l'OTAN se sont réunis à Vilnius "
                           "pour discuter de l'adhésion de l'Ukraine à l'Alliance atlantique.</p>"
                           "<p>Joe Biden a promis une aide militaire supplémentaire à Kiev.</p></article>"
                           "<footer>© Journal 2023 — Tous droits réservés</footer></body></html>").encode("utf-8"),
             "Joe Biden a promis une aide militaire", "utf-8"),
    "note": ("note.md", "**Londres** a [annoncé](https://ex.fr) de nouvelles sanctions contre Moscou.".encode(),
             "Londres a annoncé de nouvelles sanctions", "utf-8"),
    "note~2": ("note.txt", "Une autre note : Emmanuel Macron a appelé Vladimir Poutine.".encode(),
               "Emmanuel Macron a appelé Vladimir Poutine", "utf-8"),
    "dossier été/mon article n°2 (copie)": ("dossier été/mon article n°2 (copie).txt",
                                             "Kaja Kallas a visité Tallinn avec les ministres baltes.".encode(),
                                             "Kaja Kallas a visité Tallinn", "utf-8"),
    "Genève": (unicodedata.normalize("NFD", "Genève.txt"), "Réunion de l'ONU à Genève sur la Syrie.".encode(),
               "Réunion de l'ONU à Genève", "utf-8"),
    "résumé 2022": (b"r\xe9sum\xe9 2022.txt", "Résumé : la Chine observe la guerre en Ukraine.".encode(),
                    "la Chine observe la guerre", "utf-8"),
    "huge": ("huge.txt", HUGE.encode("utf-8"), HUGE, "utf-8"),
    "large": ("large.txt", LARGE.encode("cp1252"), LARGE, "cp1252"),
}

# doc_id -> (relative path, bytes or a special setup, status, stage, part of the reason)
BAD = {
    "vide": ("vide.txt", b"", "error", "read", "empty file"),
    "blanc": ("blanc.txt", b" \r\n\t \n", "error", "read", "empty file"),
    "binaire": ("binaire.txt", bytes(range(256)) * 8, "error", "decode", "binary content"),
    "faux-pdf": ("faux-pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type/Catalog>>", "error", "decode",
                 "looks like a PDF file"),
    "script-seul": ("script-seul.html", b"<html><body><script>alert(1)</script></body></html>", "error", "read",
                    "empty document"),
    "verrouillé": ("verrouillé.txt", "Texte illisible sur la Russie.".encode(), "error", "read",
                   "cannot read file: Permission denied"),
    "perdu": ("perdu.txt", "dangling", "error", "read", "cannot read file: No such file"),
    "moi": ("moi.txt", "self-loop", "error", "read", "Too many levels of symbolic links"),
    "tube": ("tube.txt", "fifo", "error", "read", "not a regular file"),
    "copie": ("copie.txt", GOOD["article"][1], "duplicate", "dedupe", "same text as article"),
    "copie-cp1252": ("copie-cp1252.txt", GOOD["article"][1].decode().encode("cp1252"), "duplicate", "dedupe",
                     "same text as article"),
}


def build_dirty_corpus(root: pathlib.Path) -> None:
    for rel, data, *_ in list(GOOD.values()) + list(BAD.values()):
        path = os.path.join(os.fsencode(root), rel if isinstance(rel, bytes) else os.fsencode(rel))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if data == "dangling":
            os.symlink(os.path.join(os.fsencode(root), b"nowhere.txt"), path)
        elif data == "self-loop":
            os.symlink(path, path)
        elif data == "fifo":
            os.mkfifo(path)
        else:
            with open(path, "wb") as f:
                f.write(data)
    os.symlink(root, root / "boucle")  # a symlink loop: never followed
    os.symlink(root / "dossier été", root / "dossier été" / "encore")


def _locked_read_bytes(real):
    def read_bytes(self):
        if self.name == "verrouillé.txt":  # we run as root: simulate a permission problem
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    return read_bytes


@pytest.fixture(scope="module")
def dirty(nlp, tmp_path_factory):
    """The dirty corpus run twice, into two output folders."""
    corpus = tmp_path_factory.mktemp("dirty corpus é")
    build_dirty_corpus(corpus)
    outs, summaries = [], []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pathlib.Path, "read_bytes", _locked_read_bytes(pathlib.Path.read_bytes))
        mp.setattr(extract, "CHUNK_CHARS", SMALL_CHUNKS)
        for name in ("out1", "out2"):
            out = tmp_path_factory.mktemp(name)
            # no result cache: both runs really analyse (and CHUNK_CHARS is not part of its key)
            summaries.append(run(RunConfig(corpus=str(corpus), out=str(out), quiet=True, cache=False), nlp=nlp))
            outs.append(out)
    return corpus, outs, summaries


def _csv(out, name):
    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def test_dirty_corpus_runs_to_the_end(dirty):
    _, (out, _), (summary, _) = dirty
    docs = _csv(out, "documents.csv")
    assert set(docs["doc_id"]) == set(GOOD) | set(BAD)  # nothing lost, nothing invented
    assert summary.n_documents == len(GOOD) + len(BAD)
    assert summary.n_ok == len(GOOD) and summary.n_duplicates == 2
    assert summary.n_errors == sum(1 for b in BAD.values() if b[2] == "error")
    assert summary.exit_code() == 1


def test_every_good_document_is_analysed(dirty):
    _, (out, _), _ = dirty
    docs = _csv(out, "documents.csv").set_index("doc_id")
    texts = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["text"]
    for doc_id, (_, _, phrase, encoding) in GOOD.items():
        row = docs.loc[doc_id]
        assert (row["status"], row["error"]) == ("ok", ""), doc_id
        assert int(row["n_tokens"]) > 0 and phrase in texts[doc_id], doc_id
        assert encoding is None or row["encoding"] == encoding, doc_id
    page = texts["page"]
    for junk in ("tracker", "Accueil", "pub<", "DOCTYPE"):
        assert junk not in page
    assert docs.loc["page", "title"] == "Sommet de Vilnius"
    assert docs.loc["résumé 2022", "source"] == "résumé 2022.txt"
    assert docs.loc["dossier été/mon article n°2 (copie)", "source"] == "dossier été/mon article n°2 (copie).txt"


def test_every_bad_document_is_reported_with_a_reason(dirty):
    _, (out, _), (summary, _) = dirty
    docs = _csv(out, "documents.csv").set_index("doc_id")
    errors = _csv(out, "errors.csv").set_index("doc_id")
    for doc_id, (_, _, status, stage, reason) in BAD.items():
        row = docs.loc[doc_id]
        assert (row["status"], row["error_stage"]) == (status, stage), doc_id
        assert reason in row["error"], (doc_id, row["error"])
        assert int(row["n_tokens"]) == 0
        assert (errors.loc[doc_id, "stage"], errors.loc[doc_id, "error"]) == (stage, row["error"])
    assert set(errors.index) == set(BAD)
    assert {d for d, _, _ in summary.errors} == set(BAD)


def test_offsets_index_the_text_also_across_pieces_of_a_huge_line(dirty):
    _, (out, _), _ = dirty
    texts = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["text"]
    assert len(texts["huge"]) > 100_000 and "\n" not in texts["huge"]
    assert len(extract.split_text(texts["huge"], SMALL_CHUNKS)) > 20
    for name in ("mentions", "timexes", "dropped_mentions"):
        table = pd.read_parquet(out / f"{name}.parquet")
        for row in table.itertuples():
            assert texts[row.doc_id][row.start_char:row.end_char] == row.text, (name, row)
    mentions = pd.read_parquet(out / "mentions.parquet")
    huge = mentions[mentions["doc_id"] == "huge"]
    # actors are found all along the line, in every piece
    assert huge["start_char"].max() > len(texts["huge"]) - SMALL_CHUNKS
    assert len(set(huge["start_char"] // SMALL_CHUNKS)) > 20
    assert {"russia", "nato"} <= set(huge["actor_id"])
    assert huge["sentence_id"].is_monotonic_increasing
    large = mentions[mentions["doc_id"] == "large"]
    assert len(set(large["start_char"] // SMALL_CHUNKS)) >= 5 and "ukraine" in set(large["actor_id"])
    pieces = extract.split_text(texts["large"], SMALL_CHUNKS)
    assert len(pieces) >= 6 and all(p.endswith("\n\n") for _, p in pieces[:-1])  # cut between paragraphs
    events = pd.read_parquet(out / "events.parquet")
    for row in events[events["doc_id"] == "huge"].itertuples():
        assert row.sentence in texts["huge"]


def test_two_runs_are_byte_identical(dirty):
    _, (out1, out2), _ = dirty
    names = sorted(p.name for p in out1.iterdir() if p.name != "manifest.json")
    assert names == sorted(p.name for p in out2.iterdir() if p.name != "manifest.json")
    assert {"documents.csv", "documents.parquet", "errors.csv", "graph.graphml", "actions.graphml",
            "graph.gexf"} <= set(names)
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name
    m1, m2 = (json.loads((o / "manifest.json").read_text(encoding="utf-8")) for o in (out1, out2))
    for m in (m1, m2):
        m.pop("timings")
        m["config"].pop("out")  # the two output folders
    assert m1 == m2


# ----------------------------------------------------------------------- JSONL and CSV
def test_dirty_jsonl_corpus(nlp, tmp_path):
    rows = [json.dumps({"id": "a", "text": "La Russie a averti l'OTAN.", "date": "2024-02-03",
                        "title": "Titre\rsur deux lignes"}),
            "{pas du json",
            json.dumps(["une", "liste"]),
            json.dumps({"id": "sans-texte", "title": "rien"}),
            json.dumps({"id": "b", "text": "Un\u2028deux : la Chine répond aux États-Unis."}, ensure_ascii=False),
            "[" * 50_000,
            '{"id": "c\\ud800", "text": "Kyiv\\udfff résiste à Moscou."}',
            json.dumps({"id": "a", "text": "Même identifiant : Berlin soutient Kiev."}),
            json.dumps({"text": "La Russie a averti l'OTAN."}),
            ""]
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(codecs.BOM_UTF8 + "\r\n".join(rows).encode("utf-8"))
    summary = run(RunConfig(corpus=str(corpus), out=str(tmp_path / "out"), quiet=True), nlp=nlp)
    docs = _csv(tmp_path / "out", "documents.csv").set_index("source")
    status = dict(zip(docs.index, docs["status"]))
    assert status == {"c.jsonl:1": "ok", "c.jsonl:2": "error", "c.jsonl:3": "error", "c.jsonl:4": "error",
                      "c.jsonl:5": "ok", "c.jsonl:6": "error", "c.jsonl:7": "ok", "c.jsonl:8": "ok",
                      "c.jsonl:9": "duplicate"}
    assert docs.loc["c.jsonl:7", "doc_id"] == "c\ufffd" and docs.loc["c.jsonl:8", "doc_id"] == "a~2"
    assert "invalid JSON on line 2" in docs.loc["c.jsonl:2", "error"]
    assert docs.loc["c.jsonl:9", "error"] == "same text as a"
    # a bare carriage return in a title would split the CSV row: it is written as a line break
    assert docs.loc["c.jsonl:1", "title"] == "Titre\nsur deux lignes"
    assert summary.exit_code() == 1 and summary.n_ok == 4
    texts = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("doc_id")["text"]
    assert texts["b"] == "Un\ndeux : la Chine répond aux États-Unis."


def test_dirty_csv_corpus(nlp, tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_bytes(
        b"id;titre;text;date;langue\r\n"
        b"1;Un;\"Premi\xe8re ligne sur l'OTAN.\r\nDeuxi\xe8me ligne ; la Russie r\xe9pond.\";2024-03;fr\r\n"
        b"2;Deux;;2024;fr\r\n"                                     # empty text: error row
        b"3;Trois;Texte trois : Kiev remercie Berlin.;;fr;en trop\r\n"   # an extra cell
        b"1;Quatre;M\xeame identifiant : Varsovie ach\xe8te des chars.;;fr\r\n"
        b"5;Cinq;\"Guillemet jamais ferm\xe9 sur Londres.\r\n"       # swallows the rest of the file
        b"6;Six;Texte six.;;fr\r\n"
        b"7;Sept;Texte sept.;;fr\r\n")
    out = tmp_path / "out"
    summary = run(RunConfig(corpus=str(corpus), out=str(out), quiet=True), nlp=nlp)
    docs = _csv(out, "documents.csv").set_index("doc_id")
    assert dict(zip(docs.index, docs["status"])) == {"1": "ok", "2": "error", "3": "ok", "1~2": "ok",
                                                    "5": "error"}
    assert docs.loc["2", "error"] == "c.csv:4: no text"
    assert docs.loc["5", "error"].startswith("broken CSV quoting: a quote is never closed, so lines 7-9 "
                                                 "(to the end of the file) were read as one row")
    texts = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["text"]
    assert texts["1"] == "Première ligne sur l'OTAN.\nDeuxième ligne ; la Russie répond."
    assert summary.exit_code() == 1


def test_csv_without_text_column_stops_with_a_clear_error(nlp, tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text("id,body\n1,La Russie.\n", encoding="utf-8")
    with pytest.raises(RunError, match="no 'text' column"):
        run(RunConfig(corpus=str(corpus), out=str(tmp_path / "out"), quiet=True), nlp=nlp)


def test_corpus_of_only_bad_documents_still_writes_outputs(nlp, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "faux.txt").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    summary = run(RunConfig(corpus=str(corpus), out=str(out), quiet=True), nlp=nlp)
    assert summary.exit_code() == 1 and summary.n_ok == 0
    assert len(_csv(out, "errors.csv")) == 2 and len(_csv(out, "mentions.csv")) == 0
    assert (out / "graph.graphml").exists() and (out / "graph.gexf").exists()


# ----------------------------------------------------------------------- exit codes
@pytest.fixture
def cli_with_session_model(nlp, monkeypatch):
    """pipeline.cli.main, running with the session's model instead of loading another."""
    real = run_module.run
    monkeypatch.setattr(run_module, "run", lambda config, nlp=None: real(config, nlp=nlp or _nlp))
    _nlp = nlp
    return cli.main


def test_exit_code_1_when_some_documents_failed(cli_with_session_model, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bon.txt").write_text("La Russie a averti l'OTAN.", encoding="utf-8")
    (corpus / "faux.txt").write_bytes(b"%PDF-1.4")
    assert cli_with_session_model(["run", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 1


def test_exit_code_0_when_every_document_was_analysed(cli_with_session_model, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bon.txt").write_text("La Russie a averti l'OTAN.", encoding="utf-8")
    (corpus / "doublon.txt").write_text("La Russie a averti l'OTAN.", encoding="utf-8")  # a duplicate is no failure
    assert cli_with_session_model(["run", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    docs = _csv(tmp_path / "out", "documents.csv")
    assert list(docs["status"]) == ["ok", "duplicate"]


def test_exit_code_2_when_the_corpus_cannot_be_read(cli_with_session_model, tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    corpus.write_text("id,body\n1,x\n", encoding="utf-8")
    assert cli_with_session_model(["run", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "no 'text' column" in capsys.readouterr().err


# ------------------------------------------------------- issue 14: crashes, Ctrl-C, dask
def _small_corpus(tmp_path, n=2):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"d{i}.txt").write_text(f"La Pologne soutient l'Ukraine (article {i}).", encoding="utf-8")
    return corpus


def test_an_internal_error_exits_3_with_one_sentence_and_a_log(cli_with_session_model, tmp_path, monkeypatch,
                                                               capsys):
    def broken(*args, **kwargs):
        raise KeyError("in_graph")

    monkeypatch.setattr(finish_module, "build_graph", broken)
    code = cli_with_session_model(["run", str(_small_corpus(tmp_path)), "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 3
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    log = err.strip().split("the traceback is in ")[1]
    assert "Traceback" in pathlib.Path(log).read_text(encoding="utf-8") and "KeyError" in err
    pathlib.Path(log).unlink()


def test_a_full_disk_under_out_exits_3_and_keeps_earlier_outputs(cli_with_session_model, tmp_path, monkeypatch,
                                                                 capsys):
    import errno

    out = tmp_path / "out"
    corpus = _small_corpus(tmp_path)
    assert cli_with_session_model(["run", str(corpus), "--out", str(out), "--quiet", "--no-cache"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "report.html"))

    monkeypatch.setattr(finish_module, "write_report", full)
    assert cli_with_session_model(["run", str(corpus), "--out", str(out), "--quiet", "--no-cache"]) == 3
    err = capsys.readouterr().err
    assert "no space left on the disk" in err and len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before
    pathlib.Path(err.strip().split("the traceback is in ")[1]).unlink()


def test_backend_dask_without_dask_exits_2_with_a_sentence(cli_with_session_model, tmp_path, monkeypatch, capsys):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    code = cli_with_session_model(["run", str(_small_corpus(tmp_path)), "--out", str(tmp_path / "out"), "--quiet",
                                   "--backend", "dask", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2 and "--backend dask needs Dask" in err and "Traceback" not in err


def test_ctrl_c_with_two_processes_stops_at_once_and_keeps_finished_documents(tmp_path):
    """One SIGINT to the whole process group (what a terminal sends): exit 130, one line,
    no traceback, workers gone, finished documents in the cache."""
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"d{i:03d}.txt").write_text(
            f"La Pologne soutient l'Ukraine face à la Russie, a dit le ministre {i}. " * 3, encoding="utf-8")
    cache = tmp_path / "cache"
    root = pathlib.Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(tmp_path / "out"),
                             "--n-process", "2", "--batch-size", "4", "--cache-dir", str(cache), "--quiet"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)

    def cached() -> int:
        try:
            con = sqlite3.connect(f"file:{cache / 'results.sqlite'}?mode=ro", uri=True, timeout=1)
            try:
                return con.execute("SELECT count(*) FROM results").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:
            return 0

    try:
        deadline = time.monotonic() + 300  # a guard against a hang, not a speed assertion
        while cached() == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "interrupted" in err
    assert cached() > 0
    assert not (tmp_path / "out" / "manifest.json").exists()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".actorgraph-staging-")]
