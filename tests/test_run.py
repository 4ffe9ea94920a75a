from pipeline.ingest import Document, content_hash
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
