"""extract: a state named in a document only by its demonym noun is not one of its actors."""
from pipeline.analysis import extract
from pipeline.ingest.readers import Document


def _run(nlp, text, spill_dir=None):
    (res,) = extract.analyse(nlp, [Document(doc_id="d", source="d", text=text, published="2023-05-02")],
                             spill_dir=spill_dir)
    res.load()
    return res


def test_demonym_alone_is_dropped_but_named_state_keeps_it(nlp):
    res = _run(nlp, "Les Néerlandais ont voté mardi. La Pologne accuse les Russes d'ingérence, "
                    "et la Russie dément.")
    ids = {m["actor_id"] for m in res.mentions}
    assert "netherlands" not in ids  # only "les Néerlandais"
    assert "russia" in ids and "poland" in ids
    # the demonym of a state named elsewhere stays a mention of it
    assert any(m["text"] == "Russes" and m["actor_id"] == "russia" for m in res.mentions)
    dropped = [d for d in res.dropped if d["reason"] == "demonym_only"]
    assert [d["text"] for d in dropped] == ["Néerlandais"]


def test_demonym_only_ids_is_per_document():
    ms = [{"actor_id": "norway", "actor_rule": "demonym"}, {"actor_id": "norway", "actor_rule": "demonym"},
          {"actor_id": "israel", "actor_rule": "alias"}, {"actor_id": "israel", "actor_rule": "demonym"}]
    assert extract.demonym_only_ids(ms) == {"norway"}
    assert extract.demonym_only_ids([]) == set()


def test_spilled_document_drops_the_same_mentions(nlp, tmp_path, monkeypatch):
    text = "Les Norvégiens ont protesté. L'Ukraine a remercié l'OTAN. " * 30
    plain = _run(nlp, text)
    from pipeline.analysis import pieces
    monkeypatch.setattr(pieces, "SPILL_RECORDS", 5)
    monkeypatch.setattr(extract, "CHUNK_CHARS", 400)
    spilled = _run(nlp, text, spill_dir=tmp_path)
    assert not any(m["actor_id"] == "norway" for m in spilled.mentions)
    assert sum(d["reason"] == "demonym_only" for d in spilled.dropped) == 30
    assert sum(d["reason"] == "demonym_only" for d in plain.dropped) == 30
