from pipeline.ingest.readers import Document, content_hash
from pipeline.run import RunSummary, dedupe


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

    import pipeline.run as run_module
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
    monkeypatch.setattr(run_module, "write_report", boom)
    with pytest.raises(KeyboardInterrupt):
        run(RunConfig(corpus=str(corpus), out=str(out), quiet=True), nlp=nlp)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # same files, same bytes, no staging folder left behind
