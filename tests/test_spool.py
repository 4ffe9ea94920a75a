"""The out-of-core reduce: records spilled to Parquet parts give the same tables and files."""
import filecmp

import pandas as pd

from conftest import SEEDS
from pipeline.export import write_tables
from pipeline.extract import DocResult
from pipeline.gazetteer import build, parse_entries
from pipeline.ingest import Document
from pipeline.spool import Spool
from pipeline.tables import build_tables, reduce_spool

GAZ = build(parse_entries([
    {"id": "nato", "label": "OTAN", "type": "ORG", "wikidata": "Q7184", "aliases": ["OTAN"]},
    {"id": "russia", "label": "Russie", "type": "LOC", "aliases": ["Russie"]},
    {"id": "ukraine", "label": "Ukraine", "type": "LOC", "aliases": ["Ukraine"]},
]))
ACTORS = [("nato", "OTAN", "ORG"), ("russia", "Russie", "LOC"), ("ukraine", "Ukraine", "LOC"),
          ("kyiv-post", "Kyiv  Post", "ORG"), ("kyivpost-com", "Kyiv Post", "ORG"), ("traite", "traité", "MISC")]


def _results(n=9):
    out = []
    for i in range(n):
        doc_id = f"d{(i * 7) % n:02d}"  # not in id order
        if i == 4:
            d = Document(doc_id=doc_id, source=doc_id + ".txt", text="", status="error",
                         error_stage="decode", error="bad bytes")
            out.append(DocResult(d))
            continue
        text = " ".join(f"Phrase {k} avec OTAN et Russie." for k in range(6))
        d = Document(doc_id=doc_id, source=doc_id + ".txt", text=text, published=f"2022-0{1 + i % 9}-1{i % 3}"
                     if i % 4 else "", published_precision="day" if i % 4 else "")
        r = DocResult(d, n_tokens=40 + i, sentences=[(k * 30, k * 30 + 29) for k in range(6)])
        for k in range(6):
            for j, (aid, form, label) in enumerate(ACTORS):
                if (i + k + j) % 3 == 0:
                    r.mentions.append({"doc_id": doc_id, "sentence_id": k, "start_char": k * 30 + j,
                                       "end_char": k * 30 + j + 2, "text": form, "label": label, "actor_id": aid,
                                       "actor_source": "gazetteer", "actor_rule": None})
            r.timexes.append({"doc_id": doc_id, "sentence_id": k, "start_char": k * 30, "end_char": k * 30 + 4,
                              "text": "hier", "value": "2022-01-01", "precision": "day"})
            r.events.append({"doc_id": doc_id, "sentence_id": k, "event_type": "ACCUSE" if k % 2 else "AID",
                             "trigger": "accuse", "agent_id": ACTORS[(i + k) % 5][0],
                             "target_id": ACTORS[(i + 2 * k + 1) % 5][0], "date": "" if k % 3 else "2022-03",
                             "modality": "hypothetical" if k == 2 else "asserted", "attributed_to": None,
                             "sentence": f"Phrase {k} avec OTAN et Russie.", "start_char": k * 30 + 3,
                             "end_char": k * 30 + 9, "sentence_start_char": k * 30})
        r.dropped.append({"doc_id": doc_id, "start_char": 1, "end_char": 3, "text": "Le", "label": "MISC",
                          "reason": "stopword"})
        out.append(r)
    return out


def _plain(df):
    return df.astype({c: object for c in df.columns if df[c].dtype == "str"}).reset_index(drop=True)


def test_multi_chunk_spool_writes_parts_and_gives_the_in_memory_tables(tmp_path):
    spool = Spool(tmp_path / "spool", chunk_docs=2).extend(_results())
    spool.close()
    parts = sorted(p.name for p in (tmp_path / "spool").iterdir())
    assert len([p for p in parts if p.startswith("mentions-")]) == 5  # 9 documents, 2 a part
    assert len([p for p in parts if p.startswith("documents-")]) == 5
    streamed = reduce_spool(spool, GAZ)
    memory = build_tables(_results(), GAZ)
    for name, df in memory.items():
        pd.testing.assert_frame_equal(_plain(getattr(streamed, name)), _plain(df), check_dtype=False)
    assert len(memory.edges) and len(memory.events) and len(memory.errors) == 1
    assert dict(streamed.texts) == memory.texts
    assert dict(streamed.sentences) == memory.sentences
    assert streamed.texts.get("d01") is None and streamed.sentences.get("d01") is None  # the error
    # discovered spellings merged across parts
    assert "kyiv-post" not in set(streamed.actors["actor_id"]) or "kyivpost-com" not in set(streamed.actors["actor_id"])

    # the files are the same bytes whatever the chunking and the dtypes of the tables
    write_tables(streamed, tmp_path / "a")
    write_tables(memory, tmp_path / "b")
    one = Spool(tmp_path / "one", chunk_docs=1000).extend(_results())
    write_tables(reduce_spool(one, GAZ), tmp_path / "c")
    for f in sorted(p.name for p in (tmp_path / "a").iterdir()):
        assert filecmp.cmp(tmp_path / "a" / f, tmp_path / "b" / f, shallow=False), f
        assert filecmp.cmp(tmp_path / "a" / f, tmp_path / "c" / f, shallow=False), f


def test_parquet_files_match_pandas_to_parquet(tmp_path):
    """write_tables writes what ``DataFrame.to_parquet`` wrote for the in-memory tables."""
    t = build_tables(_results(), GAZ)
    write_tables(t, tmp_path / "a")
    t.mentions["actor_id"] = t.mentions["actor_id"].astype("str")  # as the reduce always left them
    t.events["event_id"] = t.events["event_id"].astype("str")
    for name, df in t.items():
        if name == "documents":
            df = df.assign(text=[t.texts.get(d, "") for d in df["doc_id"]])
        df.to_parquet(tmp_path / f"{name}.parquet", index=False, engine="pyarrow", compression="zstd")
        assert filecmp.cmp(tmp_path / f"{name}.parquet", tmp_path / "a" / f"{name}.parquet", shallow=False), name


def test_empty_tables_match_pandas_to_parquet(tmp_path):
    d = Document(doc_id="x", source="x.txt", text="", status="error", error_stage="decode", error="bad")
    t = build_tables([DocResult(d)], GAZ)
    write_tables(t, tmp_path / "a")
    t.mentions["actor_id"] = t.mentions["actor_id"].astype("float64")  # Series.map of an empty column
    for name, df in t.items():
        if name == "documents":
            df = df.assign(text=[t.texts.get(d, "") for d in df["doc_id"]])
        df.to_parquet(tmp_path / f"{name}.parquet", index=False, engine="pyarrow", compression="zstd")
        assert filecmp.cmp(tmp_path / f"{name}.parquet", tmp_path / "a" / f"{name}.parquet", shallow=False), name


def test_a_run_spilled_one_document_a_part_gives_the_same_outputs(nlp, tmp_path, monkeypatch):
    import pipeline.run as run_module
    from pipeline.run import RunConfig, run

    run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o1"), quiet=True, cache=False), nlp=nlp)
    monkeypatch.setattr(run_module, "SPOOL_CHUNK_DOCS", 1)
    run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o2"), quiet=True, cache=False), nlp=nlp)
    names = sorted(p.name for p in (tmp_path / "o1").iterdir() if p.name != "manifest.json")
    assert sorted(p.name for p in (tmp_path / "o2").iterdir() if p.name != "manifest.json") == names
    assert [n for n in names if not filecmp.cmp(tmp_path / "o1" / n, tmp_path / "o2" / n, shallow=False)] == []
    assert not [p for p in (tmp_path / "o2").iterdir() if p.name.startswith(".")]  # no staging/spool left
