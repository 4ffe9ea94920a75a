import os

import pipeline.run as run_module
from pipeline.ingest.readers import Document, content_hash
from pipeline.run import RunConfig, RunError, RunSummary, dedupe, run


def _doc(doc_id, text):
    return Document(doc_id=doc_id, source=doc_id, text=text, content_hash=content_hash(text))


def test_repeated_ids_get_unique_suffixes():
    docs = list(dedupe([_doc("a", "un"), _doc("a", "deux"), _doc("a~2", "trois"), _doc("a", "quatre")],
                       RunSummary(out="x")))
    ids = [d.doc_id for d in docs]
    assert ids == ["a", "a~2", "a~2~2", "a~3"]
    assert len(set(ids)) == 4


def test_repeated_text_is_a_duplicate_of_the_first():
    stats = RunSummary(out="x")
    docs = list(dedupe([_doc("x", "même texte"), _doc("y", "même texte"), _doc("z", "autre")], stats))
    assert [d.status for d in docs] == ["ok", "duplicate", "ok"]
    assert docs[1].error == "same text as x" and docs[1].text == ""
    assert (stats.n_documents, stats.n_duplicates) == (3, 1)


def test_a_run_that_fails_while_exporting_leaves_previous_outputs_intact(nlp, tmp_path, monkeypatch):
    import pytest

    import pipeline.finish as finish_module
    from conftest import SEEDS
    from pipeline.run import RunConfig, run

    out = tmp_path / "out"
    run(RunConfig(corpus=str(SEEDS), out=str(out), quiet=True), nlp=nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "a.txt").write_text("La Pologne soutient l'Ukraine.", encoding="utf-8")
    monkeypatch.setattr(finish_module, "write_report", boom)
    with pytest.raises(KeyboardInterrupt):
        run(RunConfig(corpus=str(corpus), out=str(out), quiet=True), nlp=nlp)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # same files, same bytes, no staging folder left behind


# ----------------------------------------------------------------- issue 14: real runs survive
def _corpus(tmp_path, name="corpus", texts=("La Pologne soutient l'Ukraine face à la Russie.",)):
    corpus = tmp_path / name
    corpus.mkdir()
    for i, t in enumerate(texts):
        (corpus / f"a{i}.txt").write_text(t, encoding="utf-8")
    return corpus


def test_repeated_ids_are_deduplicated_in_linear_time():
    from pipeline.run import UniqueIds

    ids = UniqueIds()
    got = [ids.take("a") for _ in range(20_000)]
    assert len(set(got)) == 20_000 and got[:3] == ["a", "a~2", "a~3"]
    assert ids.probes <= 3 * 20_000  # quadratic probing needed about 2 * 10**8


def test_summary_wording_is_singular_for_one_and_names_each_count_once():
    s = RunSummary(out="o", n_documents=1, n_ok=1, n_analysed=1, seconds=1.0)
    first = s.render().splitlines()[0]
    assert first.startswith("actorgraph: 1 document (1 ok, 0 errors, 0 duplicates, 0 skipped)")
    assert "1 documents" not in first and first.count("analysed") == 1
    assert "1 analysed in this run, 0 taken from the cache" in first


def test_a_folder_holding_only_dotfiles_is_not_empty(tmp_path):
    import pytest

    from pipeline.run import check_output_dir

    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("export A=1\n")
    with pytest.raises(RunError, match=r"\.bashrc"):
        check_output_dir(home, force=False)
    check_output_dir(home, force=True)  # --force still allows it
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / ".actorgraph.lock").write_text("")
    (ours / ".gitkeep").write_text("")
    check_output_dir(ours, force=False)


def test_the_write_check_never_follows_a_link_planted_in_out(nlp, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".actorgraph-write-test").symlink_to(victim)  # the probe name of earlier versions
    run(RunConfig(corpus=str(_corpus(tmp_path)), out=str(out), quiet=True, cache=False, force=True), nlp=nlp)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (out / "manifest.json").is_file()


def test_a_lock_file_that_is_a_symlink_is_refused(nlp, tmp_path):
    import pytest

    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".actorgraph.lock").symlink_to(victim)
    with pytest.raises(RunError, match="cannot write to --out"):
        run(RunConfig(corpus=str(_corpus(tmp_path)), out=str(out), quiet=True, cache=False), nlp=nlp)
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_second_run_into_a_live_runs_folder_is_refused_and_its_staging_kept(nlp, tmp_path):
    import pytest

    from pipeline.outputs.publish import OutputLock, new_staging

    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):  # a live run
        live = new_staging(out)
        (live / "documents.csv").write_text("doc_id\n", encoding="utf-8")
        with pytest.raises(RunError, match=rf"another actorgraph run \(process {os.getpid()}\) is writing into"):
            run(RunConfig(corpus=str(_corpus(tmp_path)), out=str(out), quiet=True, cache=False), nlp=nlp)
        assert (live / "documents.csv").is_file()
    # once the live run has ended, the next run takes the folder and clears the leftover
    run(RunConfig(corpus=str(_corpus(tmp_path, "c2")), out=str(out), quiet=True, cache=False), nlp=nlp)
    assert not live.exists() and (out / "manifest.json").is_file()


def test_outputs_written_into_the_corpus_are_never_read_back(nlp, tmp_path):
    corpus = _corpus(tmp_path, texts=("La Pologne soutient l'Ukraine.", "L'OTAN se réunit à Vilnius."))
    cfg = RunConfig(corpus=str(corpus), out=str(corpus), quiet=True, cache=False, force=True)
    first = run(cfg, nlp=nlp)
    second = run(cfg, nlp=nlp)
    assert first.n_documents == second.n_documents == 2
    docs = (corpus / "documents.csv").read_text(encoding="utf-8")
    assert "report" not in docs and "skipped" not in docs


def test_files_without_a_reader_are_listed_as_skipped(nlp, tmp_path):
    import csv

    corpus = _corpus(tmp_path)
    (corpus / "tableau.xlsx").write_bytes(b"PK\x03\x04 not a workbook we read")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    out = tmp_path / "out"
    summary = run(RunConfig(corpus=str(corpus), out=str(out), quiet=True, cache=False), nlp=nlp)
    rows = {r["doc_id"]: r for r in csv.DictReader(open(out / "documents.csv", encoding="utf-8"))}
    assert rows["tableau.xlsx"]["status"] == "skipped" and "no reader for .xlsx files" in rows["tableau.xlsx"]["error"]
    assert rows["photo.jpg"]["status"] == "skipped"
    assert summary.exit_code() == 0 and summary.n_skipped == 2
    assert "tableau.xlsx" not in (out / "errors.csv").read_text(encoding="utf-8")


def test_a_reader_for_a_suffix_makes_its_files_read(monkeypatch, tmp_path):
    """The skipped listing is generic: once a suffix has a reader, its files are read."""
    from pipeline.ingest import readers

    corpus = _corpus(tmp_path)
    (corpus / "note.rst").write_text("La Finlande rejoint l'OTAN.", encoding="utf-8")
    assert {d.doc_id: d.status for d in readers.iter_corpus(corpus)}["note.rst"] == "skipped"
    monkeypatch.setattr(readers, "TEXT_SUFFIXES", readers.TEXT_SUFFIXES | {".rst"})
    assert {d.doc_id: d.status for d in readers.iter_corpus(corpus)}["note"] == "ok"


def test_progress_has_a_total_for_jsonl_csv_and_folders(tmp_path):
    from pipeline.ingest.readers import count_documents, iter_corpus

    jl = tmp_path / "c.jsonl"
    jl.write_text('{"text": "un"}\n\n{"text": "deux"}\r\n{"text": "trois"}\n', encoding="utf-8")
    cs = tmp_path / "c.csv"
    cs.write_text('id;text\n1;"ligne un\nsuite"\n2;deux\n', encoding="utf-8")
    folder = _corpus(tmp_path, texts=("un", "deux"))
    (folder / "x.pdf").write_bytes(b"%PDF")
    for path in (jl, cs, folder):
        assert count_documents(path) == len(list(iter_corpus(path))), path


def test_the_html_extractor_is_checked_before_the_run(monkeypatch, nlp, tmp_path):
    import pytest

    from pipeline.ingest.readers import HtmlExtractorError

    def missing(load=True):
        raise HtmlExtractorError("the HTML extractor cannot be loaded (No module named 'lxml_html_clean')")

    monkeypatch.setattr(run_module, "check_html_extractor", missing)
    with pytest.raises(RunError, match="lxml_html_clean"):
        run(RunConfig(corpus=str(_corpus(tmp_path)), out=str(tmp_path / "out"), quiet=True), nlp=nlp)


def test_a_missing_html_extractor_module_stops_the_run_before_it_starts(monkeypatch, nlp, tmp_path):
    """The run's early check looks for the modules without importing them (a corpus without
    web pages does not pay for trafilatura's import) and still fails with one sentence."""
    import importlib.util

    import pytest

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "lxml_html_clean" else real(name, *a))
    with pytest.raises(RunError, match="lxml_html_clean"):
        run(RunConfig(corpus=str(_corpus(tmp_path)), out=str(tmp_path / "out"), quiet=True), nlp=nlp)
    assert not (tmp_path / "out").exists()


def test_every_setting_is_placed_in_one_cache_key_group():
    """A new RunConfig field must say whether it changes the analysis, only the outputs, or
    neither; otherwise a cached re-run could reuse results made with another value."""
    import dataclasses

    groups = [RunConfig.ANALYSIS_FIELDS, RunConfig.OUTPUT_FIELDS, RunConfig.NEUTRAL_FIELDS]
    placed = [name for group in groups for name in group]
    assert sorted(placed) == sorted(f.name for f in dataclasses.fields(RunConfig))
    assert len(placed) == len(set(placed))
    config = RunConfig(corpus="c", min_weight=3, top_edges=7, timex_types="date")
    assert config.output_settings() == {"min_weight": 3, "top_edges": 7, "timex_types": "date"}
    analysis = config.pipeline_config()
    assert {"model", "metonymy", "min_confidence"} <= set(analysis)
