"""The out-of-core reduce: records spilled to Parquet parts give the same tables and files."""
import filecmp

from hypothesis import given, settings, strategies as st

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from conftest import SEEDS
from pipeline.outputs.export import write_tables
from pipeline.analysis.extract import DocResult
from pipeline.nlp.gazetteer import build, parse_entries
from pipeline.ingest.readers import Document
from pipeline.reduce.spool import Spool, as_int, as_str, column
from pipeline.reduce import stream, writer
from pipeline.reduce.tables import COLUMNS, _in_memory, build_tables, reduce_spool

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


def _reduce(results, folder, chunk_docs):
    spool = Spool(folder / "spool", chunk_docs=chunk_docs).extend(results)
    spool.close()
    return spool, reduce_spool(spool, GAZ, folder / "out")


def test_multi_chunk_spool_writes_parts_and_gives_the_in_memory_tables(tmp_path):
    spool, streamed = _reduce(_results(), tmp_path / "two", chunk_docs=2)
    parts = sorted(p.name for p in (tmp_path / "two" / "spool").iterdir())
    assert len([p for p in parts if p.startswith("mentions-")]) == 5  # 9 documents, 2 a part
    assert len([p for p in parts if p.startswith("documents-")]) == 5
    memory = build_tables(_results(), GAZ)
    loaded = _in_memory(streamed)
    for name, df in memory.items():
        pd.testing.assert_frame_equal(_plain(getattr(loaded, name)), _plain(df), check_dtype=False)
    assert len(memory.edges) and len(memory.events) and len(memory.errors) == 1
    assert loaded.texts == memory.texts and len(memory.texts) == 8
    assert loaded.sentences == memory.sentences
    assert "d01" not in memory.texts and "d01" not in memory.sentences  # the error
    assert list(streamed.iter_texts(["d02", "d00", "d01", "nope"])) == [
        ("d00", memory.texts["d00"], memory.sentences["d00"]), ("d02", memory.texts["d02"], memory.sentences["d02"])]
    assert streamed.texts["d03"] == memory.texts["d03"] and "d01" not in streamed.texts
    # the record tables come out in document order although the parts interleave
    ids = list(memory.mentions["doc_id"])
    assert ids == sorted(ids) and len(set(ids)) == 8
    # discovered spellings merged across parts
    assert "kyiv-post" not in set(streamed.actors["actor_id"]) or "kyivpost-com" not in set(streamed.actors["actor_id"])


def test_files_are_the_same_bytes_whatever_the_chunking_and_the_order(tmp_path):
    _, a = _reduce(_results(), tmp_path / "a", chunk_docs=2)
    _, b = _reduce(list(reversed(_results())), tmp_path / "b", chunk_docs=3)
    _, c = _reduce(_results(), tmp_path / "c", chunk_docs=1000)
    for t, folder in ((a, "a"), (b, "b"), (c, "c")):
        write_tables(t, tmp_path / folder / "out")
    write_tables(build_tables(_results(), GAZ), tmp_path / "memory")
    names = sorted(p.name for p in (tmp_path / "a" / "out").iterdir() if not p.name.startswith("."))
    assert len(names) == 16
    for f in names:
        for other in (tmp_path / "b" / "out", tmp_path / "c" / "out", tmp_path / "memory"):
            assert filecmp.cmp(tmp_path / "a" / "out" / f, other / f, shallow=False), (f, other)


def test_parquet_and_csv_hold_the_same_rows(tmp_path):
    _, t = _reduce(_results(), tmp_path, chunk_docs=2)
    write_tables(t, tmp_path / "out")
    for name, _ in t.items():
        pq_df = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        csv_df = pd.read_csv(tmp_path / "out" / f"{name}.csv", keep_default_na=False, dtype=str)
        if name == "documents":
            assert pq_df["text"].str.len().sum() > 0
            pq_df = pq_df.drop(columns=["text"])
        assert list(pq_df.columns) == list(csv_df.columns), name
        for c in pq_df.columns:
            left = ["" if pd.isna(v) else str(v) for v in pq_df[c]]
            right = list(csv_df[c])
            if c in ("share_hypothetical", "npmi"):
                left = ["" if v == "" else f"{float(v):.6g}" for v in left]
            assert left == right, (name, c)


def test_empty_run_writes_headers_and_typed_empty_parquet(tmp_path):
    d = Document(doc_id="x", source="x.txt", text="", status="error", error_stage="decode", error="bad")
    t = build_tables([DocResult(d)], GAZ)
    write_tables(t, tmp_path / "a")
    assert (tmp_path / "a" / "mentions.csv").read_text(encoding="utf-8").strip() == ",".join(COLUMNS["mentions"])
    m = pq.read_table(tmp_path / "a" / "mentions.parquet")
    assert m.num_rows == 0 and m.schema.field("start_char").type == pa.int64()
    assert pq.read_table(tmp_path / "a" / "errors.parquet").column("doc_id").to_pylist() == ["x"]


def test_table_writer_row_groups_do_not_depend_on_the_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "ROW_GROUP", 7)
    schema = writer.output_schema(["doc_id", "n"], {"n"})
    rows = pa.table({"doc_id": [f"d{i:03d}" for i in range(50)], "n": list(range(50))}, schema=schema)
    for k, sizes in enumerate(([50], [1] * 50, [3, 20, 27], [49, 1])):
        w = writer.TableWriter(tmp_path / str(k), "t", schema)
        start = 0
        for size in sizes:
            w.write(rows.slice(start, size))
            start += size
        assert w.close() == ["t.csv", "t.parquet"]
    meta = pq.ParquetFile(tmp_path / "0" / "t.parquet").metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [7] * 7 + [1]
    for k in range(1, 4):
        for f in ("t.csv", "t.parquet"):
            assert filecmp.cmp(tmp_path / "0" / f, tmp_path / str(k) / f, shallow=False), (k, f)
    assert (tmp_path / "0" / "t.csv").read_text() == rows.to_pandas().to_csv(index=False, lineterminator="\n")
    assert not [p for p in (tmp_path / "0").iterdir() if p.name.endswith(".tmp")]


def test_table_writer_abort_leaves_nothing(tmp_path):
    schema = writer.output_schema(["doc_id"], set())
    (tmp_path / "t.csv").write_text("previous\n")
    w = writer.TableWriter(tmp_path, "t", schema)
    w.write(pa.table({"doc_id": ["a"]}, schema=schema))
    w.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]
    assert (tmp_path / "t.csv").read_text() == "previous\n"


def test_doc_chunks_hold_whole_documents(tmp_path):
    spool = Spool(tmp_path / "spool", chunk_docs=2).extend(_results())
    spool.close()
    order = stream.doc_order(spool)
    assert [d for d, _ in order] == sorted(d for d, _ in order)
    chunks = list(stream.doc_chunks(spool, "mentions", order, chunk_rows=5))
    seen = [c.column("doc_id").to_pylist() for c in chunks]
    flat = [d for c in seen for d in c]
    assert flat == sorted(flat) and len(flat) == 96
    for a, b in zip(seen, seen[1:]):
        assert a[-1] != b[0]  # no document is cut between two chunks


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.booleans(), st.integers(-2**62, 2**62), st.text(max_size=4),
                          st.floats(min_value=-1e15, max_value=1e15), st.just(float("nan"))), max_size=12))
def test_arrow_columns_normalise_like_the_python_functions(values):
    assert column(values, pa.int64()).to_pylist() == [as_int(v) for v in values]
    assert column(values, pa.large_string()).to_pylist() == [as_str(v) for v in values]


def test_carriage_returns_do_not_split_csv_rows(tmp_path):
    schema = writer.output_schema(["doc_id", "title", "n"], {"n"})
    w = writer.TableWriter(tmp_path, "t", schema)
    w.write(pa.table({"doc_id": ["a", "b"], "title": ["un\rdeux\r\ntrois", "x"], "n": [1, 2]}, schema=schema))
    w.close()
    csv_df = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert list(csv_df["doc_id"]) == ["a", "b"] and list(csv_df["n"]) == [1, 2]
    assert csv_df["title"][0] == "un\ndeux\ntrois" == pq.read_table(tmp_path / "t.parquet")["title"][0].as_py()


def test_many_interleaved_parts_are_merged_in_bounded_groups(tmp_path, monkeypatch):
    """Parts whose documents interleave in id order, more than MAX_OPEN of them: runs of
    parts are merged first (twice here), and the files are those of a single merge, on
    disk and in memory."""
    _, whole = _reduce(_results(), tmp_path / "whole", chunk_docs=1000)
    write_tables(whole, tmp_path / "whole" / "files")
    monkeypatch.setattr(stream, "MAX_OPEN", 2)
    spool, runs = _reduce(_results(), tmp_path / "runs", chunk_docs=2)  # 5 parts, ids interleaved
    assert stream.max_open(stream.doc_order(spool)) == 4
    write_tables(runs, tmp_path / "runs" / "files")
    made = sorted(p.name for p in (tmp_path / "runs" / "spool").glob("mentions-run*"))
    assert made == ["mentions-run0-00000.parquet", "mentions-run0-00001.parquet", "mentions-run0-00002.parquet",
                    "mentions-run1-00000.parquet", "mentions-run1-00001.parquet"]  # 5 parts -> 3 runs -> 2
    names = sorted(p.name for p in (tmp_path / "whole" / "files").iterdir())
    for f in names:
        assert filecmp.cmp(tmp_path / "whole" / "files" / f, tmp_path / "runs" / "files" / f, shallow=False), f
    in_memory = reduce_spool(Spool(None, chunk_docs=2).extend(_results()), GAZ, tmp_path / "mem")
    write_tables(in_memory, tmp_path / "mem" / "files")
    for f in names:
        assert filecmp.cmp(tmp_path / "whole" / "files" / f, tmp_path / "mem" / "files" / f, shallow=False), f
    # parts that follow each other are merged in one pass, however many
    ordered = Spool(tmp_path / "ordered", chunk_docs=1).extend(sorted(_results(), key=lambda r: r.doc.doc_id))
    assert stream.max_open(stream.doc_order(ordered)) == 1
    list(stream.doc_chunks(ordered, "mentions", stream.doc_order(ordered)))
    assert not list((tmp_path / "ordered").glob("*-run*"))
