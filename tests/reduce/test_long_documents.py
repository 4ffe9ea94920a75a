"""The reduce of a long document: bounded chunks inside it, the same results as whole."""
import random

import numpy as np
import pyarrow as pa
from hypothesis import given, settings, strategies as st

from pipeline.analysis.extract import DocResult
from pipeline.ingest.readers import Document
from pipeline.reduce import stories, stream
from pipeline.reduce.aggregate import comention_rows
from pipeline.reduce.spool import Spool


def _doc(doc_id: str, n: int) -> DocResult:
    d = Document(doc_id=doc_id, source=doc_id + ".txt", text="x" * (n * 10))
    r = DocResult(d, n_tokens=n)
    for k in range(n):
        r.mentions.append({"doc_id": doc_id, "sentence_id": k // 3, "start_char": k * 10, "end_char": k * 10 + 4,
                           "text": "OTAN", "label": "ORG", "actor_id": "nato"})
    return r


def test_a_long_document_comes_in_bounded_chunks_and_short_ones_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(stream, "PART_BATCH", 4)
    spool = Spool(tmp_path / "spool", chunk_docs=3).extend([_doc("a", 3), _doc("b", 50), _doc("c", 2), _doc("d", 3)])
    spool.close()
    order = stream.doc_order(spool)
    chunks = [c.column("doc_id").to_pylist() for c in stream.doc_chunks(spool, "mentions", order, chunk_rows=10)]
    assert [d for c in chunks for d in c] == ["a"] * 3 + ["b"] * 50 + ["c"] * 2 + ["d"] * 3
    assert max(len(c) for c in chunks) <= 10 + 3 + 4  # the chunk before, and one batch past the limit
    assert sum("b" in c for c in chunks) >= 4  # the long document is cut...
    for name in ("a", "c", "d"):
        assert sum(name in c for c in chunks) == 1  # ...the short ones are not


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=60), st.lists(st.integers(1, 9), min_size=1, max_size=20))
def test_whole_groups_never_split_a_group_and_keep_every_row(keys, cuts):
    keys = sorted(keys)
    t = pa.table({"doc": [str(k // 3) for k in keys], "k": keys, "row": list(range(len(keys)))})
    chunks, start = [], 0
    for n in cuts * len(keys):
        if start >= len(keys):
            break
        chunks.append(t.slice(start, n))
        start += n
    if start < len(keys):
        chunks.append(t.slice(start))
    out = list(stream.whole_groups(iter(chunks), ["doc", "k"]))
    assert [r for c in out for r in c.column("row").to_pylist()] == list(range(len(keys)))
    seen = [set(zip(c.column("doc").to_pylist(), c.column("k").to_pylist())) for c in out]
    for i, a in enumerate(seen):
        for b in seen[i + 1:]:
            assert not a & b


def test_comention_rows_do_not_depend_on_the_order_of_a_documents_rows():
    rng = random.Random(4)
    actors = ["a", "b", "c", "d", "e"]
    rows = [(f"doc{d}", rng.randrange(12), rng.choice(actors)) for d in range(3) for _ in range(60)]
    rows.sort(key=lambda r: (r[0], r[1]))  # sentences contiguous
    shuffled = []
    for d in range(3):
        mine = [r for r in rows if r[0] == f"doc{d}"]
        rng.shuffle(mine)  # one sentence's rows apart from each other
        shuffled.extend(mine)
    published = {f"doc{d}": f"2022-01-0{d + 1}" for d in range(3)}
    nodes = set(actors[:4])
    expected = comention_rows(iter(rows), published, nodes)
    assert expected and comention_rows(iter(shuffled), published, nodes) == expected
    pairs_by_sentence = {}
    for doc, sid, aid in rows:
        if aid in nodes:
            pairs_by_sentence.setdefault((doc, sid), set()).add(aid)
    ab = sum(1 for s in pairs_by_sentence.values() if {"a", "b"} <= s)
    assert next(r["weight"] for r in expected if r["edge_id"] == "c:a--b") == ab


WORDS = ("le la les ministre Ukraine Россия été sanctions banque réunion lundi accord gaz prix "
         "İstanbul ΣΟΦΊΑ Paris").split()


def test_a_long_text_gets_the_signature_of_the_whole_text(monkeypatch):
    rng = random.Random(2)
    text = " ".join(rng.choice(WORDS) + rng.choice(["", ",", ".\n", " -"]) for _ in range(3000))
    short = stories.StoryGrouper()
    short.add("t", text, "2022-01-01")
    short.add("u", text[: len(text) // 2], "2022-01-02")
    monkeypatch.setattr(stories, "LONG_TEXT", 97)
    sliced = stories.StoryGrouper()
    sliced.add("t", text, "2022-01-01")
    sliced.add("u", text[: len(text) // 2], "2022-01-02")
    short._flush()
    sliced._flush()
    assert sliced.sizes == short.sizes
    assert np.array_equal(np.concatenate(sliced._sigs), np.concatenate(short._sigs))
    assert sliced.groups() == short.groups() == {"t": "t", "u": "t"}
