"""A folder as press researchers download it: a Europresse export of 6 articles, a
Factiva export of 4, a two-page PDF and a Word file give 12 documents with their titles,
dates, newspapers and clean bodies, and the reprinted stories share a story_id."""
from __future__ import annotations

import csv
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.ingest.readers import iter_corpus

import press_fixtures as fx  # noqa: E402 (tests/ingest is on sys.path in pytest)

# what no body may hold: database headers, date lines, ids, copyright and credit lines
FORBIDDEN = ("mots", "news·", "©", "(c)", "Tous droits réservés", "Cet article est paru", "Lire aussi",
             "Document ECHOMT", "Illustration", "Ce document est réservé", "L'Hebdo des Régions", "Publié le",
             "Le Quotidien du Nord", "ECHOMT", "Français", "Guerre en Ukraine", "Page 1")

KEY_OF_TITLE = {title: key for key, (title, *_rest) in fx.EXPECTED.items()}


def _check_documents(rows: list[dict], texts: dict[str, str]) -> None:
    assert len(rows) == 12
    by_key = {KEY_OF_TITLE[r["title"]]: r for r in rows}  # KeyError: a wrong title
    assert set(by_key) == set(fx.EXPECTED)
    for key, (title, paper, date, _story) in fx.EXPECTED.items():
        row = by_key[key]
        assert row["published"] == date, key
        assert row["published_precision"] == "day", key
        if paper:
            assert row["source"] == paper, key
        body = texts[row["doc_id"]]
        for bad in FORBIDDEN:
            assert bad not in body, (key, bad)
        assert not body.startswith(title)
    bodies = {k: texts[by_key[k]["doc_id"]] for k in by_key}
    assert bodies["A1"].startswith(fx.STORY_A[0]) and bodies["A1"].endswith(fx.STORY_A[-1])
    assert bodies["F"].split("\n\n") == fx.STORY_F
    assert bodies["G"].split("\n\n") == fx.STORY_G
    # PDF: header and page numbers gone, "munici-/palité" and the sentence cut by the page joined
    assert bodies["H"].split("\n\n") == fx.STORY_H
    assert bodies["I"].split("\n\n") == fx.STORY_I


def _check_stories(rows: list[dict]) -> None:
    by_key = {KEY_OF_TITLE[r["title"]]: r for r in rows}
    stories: dict[str, set] = {}
    for key, (*_info, story) in fx.EXPECTED.items():
        stories.setdefault(story, set()).add(by_key[key]["story_id"])
    assert all(len(ids) == 1 for ids in stories.values()), stories
    ids = [next(iter(v)) for v in stories.values()]
    assert len(set(ids)) == len(stories)  # different stories never merged
    # a story is named after its earliest document (date, then doc_id)
    a_docs = sorted((by_key[k]["published"], by_key[k]["doc_id"]) for k in ("A1", "A2", "A3"))
    assert by_key["A3"]["story_id"] == a_docs[0][1]


def test_readers_give_twelve_clean_documents(tmp_path):
    folder = fx.build_corpus(tmp_path / "exports")
    docs = list(iter_corpus(folder))
    assert [d.status for d in docs] == ["ok"] * 12, [(d.doc_id, d.error) for d in docs]
    rows = [{"doc_id": d.doc_id, "title": d.title, "source": d.source, "published": d.published,
             "published_precision": d.published_precision, "story_id": ""} for d in docs]
    _check_documents(rows, {d.doc_id: d.text for d in docs})
    by_key = {KEY_OF_TITLE[d.title]: d for d in docs}
    assert (by_key["A1"].author, by_key["A1"].section) == ("Claire Dubois", "International")
    assert by_key["A1"].meta["kicker"] == "Guerre en Ukraine"
    assert by_key["B2"].author == "Léa Fontaine" and by_key["A3"].section == "Monde"
    assert by_key["E"].url == "https://www.lecourrier.example/zaporijia"
    assert by_key["A1"].doc_id == "europresse_ukraine#news·20220301·QN·a1b2c3d4e5"
    assert by_key["F"].doc_id == "factiva_export#ECHOMT0020220227ei2r00002"


def test_format_is_told_from_content_not_name(tmp_path):
    (tmp_path / "a.txt").write_text(fx.europresse_html(), encoding="utf-8")
    (tmp_path / "b.html").write_text(fx.factiva_text(), encoding="utf-8")
    fx.write_pdf(tmp_path / "c.dat.txt")
    docs = list(iter_corpus(tmp_path))
    assert len(docs) == 6 + 2 + 1
    assert [d.meta.get("format") for d in docs] == ["europresse"] * 6 + ["factiva"] * 2 + ["pdf"]


def test_factiva_text_export_without_codes(tmp_path):
    (tmp_path / "f.txt").write_text(fx.factiva_text(), encoding="utf-8")
    docs = list(iter_corpus(tmp_path))
    assert [(d.title, d.source, d.published, d.author) for d in docs] == [
        (fx.EXPECTED["A3"][0], "L'Écho du Matin", "2022-03-01", "AFP"),
        (fx.EXPECTED["F"][0], "L'Écho du Matin", "2022-02-27", "Paul Girard")]
    assert docs[1].text.split("\n\n") == fx.STORY_F


def test_factiva_rtf_export(tmp_path):
    def rtf_escape(s: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in s)
    body = "\\par\n".join(rtf_escape(line) for line in fx.factiva_text().split("\n"))
    (tmp_path / "f.rtf").write_text("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}"
                                    "{\\header Factiva page}\\f0 " + body + "}", encoding="ascii")
    docs = list(iter_corpus(tmp_path))
    assert [d.title for d in docs] == [fx.EXPECTED["A3"][0], fx.EXPECTED["F"][0]]
    assert docs[1].text.split("\n\n") == fx.STORY_F and docs[1].published == "2022-02-27"


def test_pipeline_run_on_a_folder_of_exports(nlp, tmp_path):
    from pipeline.run import RunConfig, run

    folder = fx.build_corpus(tmp_path / "exports")
    out = tmp_path / "out"
    summary = run(RunConfig(corpus=str(folder), out=str(out), quiet=True, cache=False), nlp=nlp)
    assert summary.n_documents == 12 and summary.n_errors == 0
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = dict(zip(*pq.read_table(out / "documents.parquet", columns=["doc_id", "text"]).to_pydict().values()))
    _check_documents(rows, texts)
    _check_stories(rows)
    with open(out / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert edges and all(1 <= int(e["n_stories"]) <= int(e["n_documents"]) for e in edges)
    # the sanctions story is printed three times: some edge of it counts fewer stories than documents
    assert any(int(e["n_stories"]) < int(e["n_documents"]) for e in edges)
    gexf = (out / "graph.gexf").read_text(encoding="utf-8")
    graphml = (out / "graph.graphml").read_text(encoding="utf-8")
    assert 'title="n_stories"' in gexf and 'attr.name="n_stories"' in graphml
