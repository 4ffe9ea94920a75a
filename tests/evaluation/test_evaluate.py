"""Evaluation against a gold JSONL file (pipeline/evaluation/), the `evaluate` and
`annotate` commands (pipeline/cli.py, pipeline/evaluation/annotate.py).

The hand fixture below is a tiny predictions folder written row by row, and a tiny gold;
every expected number in the tests was counted by hand from them (the counts are spelled
out next to the assertions).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, SEEDS
from pipeline.evaluation.annotate import AnnotateError, prefill, write_gold
from pipeline.cli import main
from pipeline.evaluation.evaluate import (GoldError, PredictionsError, evaluate_corpus, evaluate_predictions, load_gold,
                               parse_gold, render_markdown)

D1 = "Le 3 mars, l'OTAN a averti la Russie. Jean Dupont parle de 2021. Acme cite 2021 et le Traité de Rome."
D2 = "L'Otan et Dupont en France, mardi."


def _span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def _write(folder, name: str, rows: list[dict], columns: list[str]) -> None:
    pd.DataFrame(rows, columns=columns).to_csv(folder / name, index=False)


@pytest.fixture
def hand_predictions(tmp_path):
    """A predictions folder written by hand: two documents, seven actors, four timexes,
    five events."""
    out = tmp_path / "pred"
    out.mkdir()
    docs = [{"doc_id": "d1", "source": "d1.txt", "published": "2022-03-04", "status": "ok", "title": "Un"},
            {"doc_id": "d2", "source": "d2.txt", "published": "2022-03", "status": "ok", "title": "Deux"}]
    _write(out, "documents.csv", docs, ["doc_id", "source", "published", "status", "title"])
    pd.DataFrame({"doc_id": ["d1", "d2"], "text": [D1, D2]}).to_parquet(out / "documents.parquet")
    actors = [("nato", "OTAN", "ORG", "True"), ("russia", "Russie", "LOC", "True"),
              ("jean-dupont", "Jean Dupont", "PER", "True"), ("dupont", "Dupont", "PER", "True"),
              ("acme", "Acme", "ORG", "True"), ("traite-de-rome", "Traité de Rome", "MISC", "False"),
              ("france", "France", "LOC", "True")]
    _write(out, "actors.csv", [dict(zip(["actor_id", "label", "type", "in_graph"], a)) for a in actors],
           ["actor_id", "label", "type", "in_graph"])
    mentions = []
    for doc, text, aid, surface in [("d1", D1, "nato", "OTAN"), ("d1", D1, "russia", "Russie"),
                                    ("d1", D1, "jean-dupont", "Jean Dupont"), ("d1", D1, "acme", "Acme"),
                                    ("d1", D1, "traite-de-rome", "Traité de Rome"), ("d2", D2, "nato", "Otan"),
                                    ("d2", D2, "dupont", "Dupont"), ("d2", D2, "france", "France")]:
        s, e = _span(text, surface)
        mentions.append({"doc_id": doc, "start_char": s, "end_char": e, "text": surface, "actor_id": aid})
    _write(out, "mentions.csv", mentions, ["doc_id", "start_char", "end_char", "text", "actor_id"])
    timexes = []
    for doc, text, surface, nth, value in [("d1", D1, "Le 3 mars", 0, "2022-03-03"), ("d1", D1, "2021", 0, "2020"),
                                           ("d1", D1, "2021", 1, "2021"), ("d2", D2, "mardi", 0, "2022-03-01")]:
        s, e = _span(text, surface, nth)
        timexes.append({"doc_id": doc, "start_char": s, "end_char": e, "text": surface, "value": value})
    _write(out, "timexes.csv", timexes, ["doc_id", "start_char", "end_char", "text", "value"])
    cols = ["event_id", "doc_id", "event_type", "agent_id", "target_id", "date", "modality", "attributed_to",
            "sentence"]
    events = [("d1#e0", "d1", "THREATEN", "nato", "russia", "2022-03-03", "asserted", "", "l'OTAN a averti"),
              ("d1#e1", "d1", "STATEMENT", "jean-dupont", "", "", "asserted", "", "Jean Dupont parle"),
              ("d1#e2", "d1", "SUPPORT", "acme", "nato", "", "hypothetical", "", "Acme cite"),
              ("d2#e0", "d2", "STATEMENT", "dupont", "", "2022-03", "hypothetical", "", "Dupont"),
              ("d2#e1", "d2", "MOBILIZE", "nato", "france", "", "asserted", "", "L'Otan en France")]
    _write(out, "events.csv", [dict(zip(cols, e)) for e in events], cols)
    return out


HAND_GOLD = [
    {"doc_id": "d1", "published": "2022-03-04",
     "actors": ["OTAN", "Russie", {"name": "Jean Dupont", "type": "PER", "aliases": ["Dupont"]},
                {"name": "Pierre Martin", "type": "PER"}, {"name": "Traité de Rome", "type": "MISC"}],
     "timexes": [{"text": "3 mars", "value": "2022-03-03"}, ["2021", "2021"], {"text": "hier", "value": "2022-03-02"}],
     "events": [{"agent": "OTAN", "type": "THREATEN", "target": "Russie", "date": "2022-03-03",
                 "modality": "asserted", "attributed_to": None},
                {"agent": "Jean Dupont", "type": "STATEMENT", "target": None, "date": None, "modality": "asserted"},
                {"agent": "Russie", "type": "ASSAULT", "target": "OTAN", "modality": "hypothetical"}]},
    {"doc_id": "d2.txt", "published": None,
     "actors": ["l’OTAN", "Jean Dupont", "Royaume-Uni"], "optional": ["France"],
     "timexes": [{"text": "mardi", "value": "2022-03-08"}],
     "events": [{"agent": "Dupont", "type": "STATEMENT", "target": None, "date": None, "modality": "asserted"}]},
]


@pytest.fixture
def hand_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in HAND_GOLD), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- hand counts
def test_actor_scores_match_the_hand_count(hand_gold, hand_predictions):
    report = evaluate_predictions(load_gold(hand_gold), hand_predictions)
    a = report["actors"]
    # d1: nato, russia, jean-dupont found (TP ORG, LOC, PER); acme FP (ORG); Pierre Martin FN (PER);
    #     the MISC treaty is not a graph actor: not scored.
    # d2: nato TP (l’OTAN), dupont -> Jean Dupont through its alias (TP PER), france optional (nothing),
    #     Royaume-Uni FN (LOC).
    assert {t: (s["tp"], s["fp"], s["fn"]) for t, s in a["by_type"].items()} == \
        {"PER": (2, 0, 1), "ORG": (2, 1, 0), "LOC": (1, 0, 1)}
    assert a["by_type"]["PER"]["precision"] == 1.0
    assert a["by_type"]["PER"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert a["by_type"]["PER"]["f1"] == pytest.approx(0.8)
    assert a["by_type"]["ORG"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert a["by_type"]["ORG"]["f1"] == pytest.approx(0.8)
    assert a["by_type"]["LOC"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    o = a["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (5, 1, 2)
    assert o["precision"] == pytest.approx(5 / 6, abs=1e-4)
    assert o["recall"] == pytest.approx(5 / 7, abs=1e-4)
    assert o["f1"] == pytest.approx(10 / 13, abs=1e-4)
    assert a["misses"] == [{"doc_id": "d1", "actor": "Pierre Martin", "type": "PER"},
                           {"doc_id": "d2.txt", "actor": "Royaume-Uni", "type": "LOC"}]
    assert [(x["doc_id"], x["actor_id"], x["type"]) for x in a["false_positives"]] == [("d1", "acme", "ORG")]


def test_all_types_scores_misc_too(hand_gold, hand_predictions):
    a = evaluate_predictions(load_gold(hand_gold), hand_predictions, all_types=True)["actors"]
    assert a["scored_types"] == ["PER", "ORG", "LOC", "MISC"]
    assert (a["by_type"]["MISC"]["tp"], a["by_type"]["MISC"]["fp"], a["by_type"]["MISC"]["fn"]) == (1, 0, 0)
    assert (a["overall"]["tp"], a["overall"]["fp"], a["overall"]["fn"]) == (6, 1, 2)
    assert a["overall"]["f1"] == pytest.approx(12 / 15)


def test_fragmentation_is_counted_across_documents(hand_gold, hand_predictions):
    frag = evaluate_predictions(load_gold(hand_gold), hand_predictions)["fragmentation"]
    # Jean Dupont is jean-dupont in d1 and dupont in d2: one gold actor, two ids
    assert frag["split_actors"] == {"Jean Dupont": ["dupont", "jean-dupont"]}
    assert frag["extra_ids"] == 1
    # gold actors reached: OTAN, Russie, Jean Dupont, France (optional) by 5 ids
    assert (frag["gold_actors_found"], frag["predicted_ids"]) == (4, 5)
    assert frag["ids_per_gold_actor"] == 1.25


def test_timex_and_publication_date_match_the_hand_count(hand_gold, hand_predictions):
    report = evaluate_predictions(load_gold(hand_gold), hand_predictions)
    tx = report["timexes"]
    # "3 mars" overlaps "Le 3 mars" = 2022-03-03: correct. "2021": its first occurrence is
    # predicted 2020, its second 2021: correct. "hier" is not in the text. "mardi": 2022-03-01.
    assert (tx["correct"], tx["total"], tx["accuracy"]) == (2, 4, 0.5)
    assert [(m["text"], m["reason"], m["predicted"]) for m in tx["misses"]] == [
        ("hier", "text not found in the document", None), ("mardi", "wrong value", ["2022-03-01"])]
    # TempEval-3 style: "3 mars" is matched by overlap ("Le 3 mars"), "2021" strictly by its
    # second occurrence (the gold value first; the first, 2020, is a repeat), "mardi" strictly
    # with a wrong value, "hier" missed: 4 gold, 3 scored predictions, strict 2, relaxed 3, value 2
    te = tx["tempeval"]
    assert (te["gold"], te["predicted"], te["repeats"], te["scored_predicted"]) == (4, 4, 1, 3)
    assert (te["strict"]["correct"], te["relaxed"]["correct"], te["value"]["correct"]) == (2, 3, 2)
    assert (te["relaxed"]["precision"], te["relaxed"]["recall"], te["relaxed"]["f1"]) == (1.0, 0.75, 0.8571)
    assert te["value"]["f1"] == 0.5714 and te["strict"]["f1"] == 0.5714
    assert te["type"] is None  # neither the gold nor the predictions have types
    assert te["partial_extents"] == [{"doc_id": "d1", "gold": "3 mars", "predicted": "Le 3 mars"}]
    assert te["false_positives"] == []
    pub = report["published"]
    assert (pub["correct"], pub["total"]) == (1, 2)
    assert pub["wrong"] == [{"doc_id": "d2.txt", "gold": "", "predicted": "2022-03"}]


def test_event_scores_match_the_hand_count(hand_gold, hand_predictions):
    ev = evaluate_predictions(load_gold(hand_gold), hand_predictions)["events"]
    # gold: (1) OTAN THREATEN Russie found by d1#e0 with date and modality; (2) Jean Dupont
    # STATEMENT found by d1#e1 with date and modality; (3) Russie ASSAULT OTAN missed;
    # (4) Dupont STATEMENT found by d2#e0 (dupont -> Jean Dupont), wrong date and modality.
    assert (ev["gold"], ev["predicted"]) == (4, 5)
    assert ev["found"] == {"agent_type_target": 3, "with_date": 2, "with_modality": 2, "agent_type": 3,
                           "with_attribution": 1}
    assert ev["recall"] == {"agent_type_target": 0.75, "with_date": 0.5, "with_modality": 0.5, "agent_type": 0.75,
                            "with_attribution": 1.0}
    # predicted: d1#e0, d1#e1 fully right, d2#e0 right but for date and modality; d1#e2 and
    # d2#e1 match no gold event
    assert ev["precision"] == {"agent_type_target": 0.6, "with_date": 0.4, "with_modality": 0.4}
    assert [(m["agent"], m["type"], m["target"]) for m in ev["misses"]] == [("Russie", "ASSAULT", "OTAN")]
    assert [f["event_id"] for f in ev["false_positives"]] == ["d1#e2", "d2#e1"]
    assert [(w["doc_id"], w["gold"], w["predicted"]) for w in ev["wrong_date"]] == [("d2.txt", "", ["2022-03"])]
    assert [(w["gold"], w["predicted"]) for w in ev["wrong_modality"]] == [("asserted", ["hypothetical"])]


def test_main_and_firm_subsets_and_precision_with_agent(tmp_path, hand_predictions):
    rows = [dict(r) for r in HAND_GOLD]
    ev0 = rows[0]["events"]
    rows[0] = {**rows[0], "events": [{**ev0[0], "main": True, "firm": True}, {**ev0[1], "main": False, "firm": True},
                                      {**ev0[2], "main": True, "firm": False}],
               "timexes": [{"text": "3 mars", "value": "2022-03-03", "type": "DATE"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    ev = evaluate_predictions(load_gold(path), hand_predictions)["events"]
    # main: THREATEN found, ASSAULT missed; firm: THREATEN and STATEMENT found, both with the right modality
    assert ev["subsets"]["main"] == {"gold": 2, "found": 1, "recall": 0.5, "modality_right": 1.0}
    assert ev["subsets"]["firm"] == {"gold": 2, "found": 2, "recall": 1.0, "modality_right": 1.0}
    assert ev["subsets"]["all"]["modality_right"] == 0.6667
    # every hand prediction has an agent: 3 of 5 match a gold event
    assert ev["precision_with_agent"] == {"predicted": 5, "correct": 3, "precision": 0.6}


@pytest.mark.parametrize("patch, message", [
    ({"main": "yes"}, "'events[0].main' must be true or false (got 'yes')"),
    ({"firm": 1}, "'events[0].firm' must be true or false (got 1)"),
])
def test_main_and_firm_must_be_booleans(tmp_path, patch, message):
    line = {"doc_id": "d1", "events": [{"agent": "OTAN", "type": "THREATEN", **patch}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(path)
    assert str(exc.value).endswith("line 1: " + message)


def test_timex_type_is_checked(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc_id": "d1", "timexes": [{"text": "hier", "value": "X", "type": "DAY"}]}) + "\n",
                    encoding="utf-8")
    with pytest.raises(GoldError, match="'timexes\\[0\\].type' must be one of DATE, TIME, DURATION, SET"):
        load_gold(path)


def test_markdown_report_lists_what_went_wrong(hand_gold, hand_predictions):
    md = render_markdown(evaluate_predictions(load_gold(hand_gold), hand_predictions))
    assert "| **overall** | 5 | 1 | 2 | 0.833 | 0.714 | 0.769 |" in md
    assert "`d1` Pierre Martin (PER)" in md
    assert "`d1` Acme [acme, ORG] written Acme" in md
    assert "Jean Dupont: dupont, jean-dupont" in md
    assert "| timex value accuracy | 2 | 4 | 0.500 |" in md
    assert "Russie –ASSAULT→ OTAN" in md


# ----------------------------------------------------------------------------- CLI
def test_cli_evaluate_predictions_writes_json_and_markdown(hand_gold, hand_predictions, tmp_path, capsys):
    out = tmp_path / "eval"
    code = main(["evaluate", "--gold", str(hand_gold), "--predictions", str(hand_predictions), "--out", str(out)])
    assert code == 0
    printed = capsys.readouterr()
    assert "| **overall** | 5 | 1 | 2 | 0.833 | 0.714 | 0.769 |" in printed.out
    assert "F1 0.769" in printed.err
    report = json.loads((out / "evaluation.json").read_text(encoding="utf-8"))
    assert report["actors"]["overall"]["f1"] == pytest.approx(10 / 13, abs=1e-4)
    assert report["events"]["precision"]["agent_type_target"] == 0.6
    assert (out / "evaluation.md").read_text(encoding="utf-8").startswith("# actorgraph evaluation")


@pytest.mark.parametrize("lines, message", [
    (['{"doc_id": "d1"}', '', '{"doc_id": "d2", "events": [{"agent": "OTAN", "type": "STATEMENT"}, '
                                '{"agent": "Russie", "type": "ATTACK"}]}'],
     "line 3: 'events[1].type' must be one of AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, "
     "ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, STATEMENT (got 'ATTACK')"),
    (['{"doc_id": "d1", "actors": [{"name": "Zorglub"}]}'],
     "line 1: 'actors[0].type' is required for an actor not in the gazetteer (one of PER, ORG, LOC, MISC)"),
    (['{"doc_id": "d1", "actors": [{"name": "Zorglub", "type": "PERSON"}]}'],
     "line 1: 'actors[0].type' must be one of PER, ORG, LOC, MISC (got 'PERSON')"),
    (['{"doc_id": "d1"}', '{"doc_id": "d2", "published": "04/03/2022"}'],
     "line 2: 'published' must be an ISO date (2022-02-24, 2022-02 or 2022) or null (got '04/03/2022')"),
    (['{"doc_id": "d1", "events": [{"agent": "OTAN", "type": "THREATEN", "modality": "maybe"}]}'],
     "line 1: 'events[0].modality' must be one of asserted, hypothetical, negated (got 'maybe')"),
    (['{"doc_id": "d1", "events": [{"type": "THREATEN"}]}'],
     "line 1: 'events[0].agent' is required (null when the text names no agent)"),
    (['{"doc_id": "d1", "evnts": []}'],
     "line 1: 'evnts' is not a known field (expected one of doc_id, published, actors, optional, timexes, events, "
     "title, source, notes)"),
    (['{"doc_id": "d1"}', '{"doc_id": "d1"}'], "line 2: 'doc_id' 'd1' is already annotated on line 1"),
    (['{"doc_id": "d1", "actors": ["OTAN"}'], "line 1: not valid JSON (Expecting ',' delimiter at column 35)"),
    (['{"doc_id": "d1", "timexes": [["hier"]]}'],
     "line 1: 'timexes[0]' must be [text, value] or {\"text\": …, \"value\": …}"),
    (['{"doc_id": "d1", "actors": [{"name": "OTAN"}, {"name": "X", "type": "ORG", "aliases": ["Otan"]}]}'],
     "line 1: 'actors[1].aliases[0]' 'Otan' already names 'OTAN' (line 1)"),
    (['{"doc_id": "d1", "actors": [{"name": "OTAN", "type": "LOC"}]}', '{"doc_id": "d2", "actors": '
                                                                        '[{"name": "NATO", "type": "ORG"}]}'],
     "line 2: 'actors[0].type' is ORG but line 1 gives 'OTAN' the type LOC"),
])
def test_invalid_gold_names_the_line_and_the_field(tmp_path, capsys, lines, message, hand_predictions):
    gold = tmp_path / "GOLD.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(gold)
    assert str(exc.value) == f"{gold} {message}"
    code = main(["evaluate", "--gold", str(gold), "--predictions", str(hand_predictions)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"actorgraph: error: {gold} {message}\n"


def test_invalid_gold_from_the_command_line_exits_2_without_traceback(tmp_path, hand_predictions):
    gold = tmp_path / "GOLD.jsonl"
    gold.write_text('{"doc_id": "d1"}\n{"doc_id": "d2"}\n'
                    '{"doc_id": "d3", "events": [{"agent": "OTAN", "type": "STATEMENT"}, '
                    '{"agent": "Russie", "type": "ATTACK"}]}\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "--gold", "GOLD.jsonl",
                           "--predictions", str(hand_predictions)], cwd=tmp_path, env=env, capture_output=True,
                          text=True)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "actorgraph: error: GOLD.jsonl line 3: 'events[1].type' must be one of AGREE, CONSULT, SUPPORT, CONCEDE, "
        "COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, "
        "STATEMENT (got 'ATTACK')"]


def test_gold_document_missing_from_the_predictions(tmp_path, hand_predictions, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc_id": "d1"}\n{"doc_id": "d9"}\n', encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--predictions", str(hand_predictions)]) == 2
    assert capsys.readouterr().err == (f"actorgraph: error: {gold} line 2: document 'd9' is not in the predictions "
                                       f"({hand_predictions / 'documents.csv'} has 2 documents)\n")


def test_bad_arguments_and_folders(tmp_path, hand_gold, hand_predictions, capsys):
    assert main(["evaluate", "--gold", str(hand_gold)]) == 2
    assert "give a CORPUS to run the pipeline on, or an output folder with --predictions DIR" in capsys.readouterr().err
    assert main(["evaluate", "--gold", str(hand_gold), "--predictions", str(tmp_path)]) == 2
    assert f"{tmp_path} is not an actorgraph output folder (missing documents.csv" in capsys.readouterr().err
    assert main(["evaluate", "--gold", str(tmp_path / "nope.jsonl"), "--predictions", str(hand_predictions)]) == 2
    assert capsys.readouterr().err == f"actorgraph: error: gold file not found: {tmp_path / 'nope.jsonl'}\n"
    with pytest.raises(PredictionsError):
        evaluate_predictions(load_gold(hand_gold), tmp_path / "missing")


# ----------------------------------------------------------------------------- references
def test_actor_references_by_gazetteer_alias_label_or_id():
    gold = parse_gold(['{"doc_id": "a", "actors": ["NATO", "l’Otan", "nato", "Alliance atlantique", '
                       '"Les États-Unis", {"name": "Kohan Kioshiko", "type": "PER", "aliases": ["Kioshiko"]}], '
                       '"events": [{"agent": "Kioshiko", "type": "STATEMENT"}, {"agent": "etats-unis", '
                       '"type": "AID", "target": "Kiev"}]}'])
    doc = gold.documents[0]
    # four spellings of NATO are one actor; the gazetteer gives the types
    assert doc.actors == ["nato", "united-states", "~kohan kioshiko"]
    assert [gold.actors[k].type for k in doc.actors] == ["ORG", "LOC", "PER"]
    assert [(e.agent, e.target) for e in doc.events] == [("~kohan kioshiko", None), ("united-states", "kyiv")]


# ----------------------------------------------------------------------------- corpus mode
def test_evaluate_a_corpus_runs_the_pipeline(nlp, tmp_path, seeds_out):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "003_19d8ebd0b731c646.txt", corpus)
    lines = (ROOT / "tests/data/seed_gold.jsonl").read_text(encoding="utf-8").splitlines()
    # the seed gold's line for this document only
    gold = parse_gold([ln for ln in lines if '"003_19d8ebd0b731c646"' in ln], "gold-003.jsonl")
    report = evaluate_corpus(gold, corpus, out=tmp_path / "eval", nlp=nlp, quiet=True)
    assert (tmp_path / "eval/predictions/events.csv").exists()
    assert report["predictions"] == str(tmp_path / "eval/predictions")
    # the same document analysed within seeds/ gives the same scores
    alone = evaluate_predictions(gold, seeds_out[0])
    for part in ("actors", "timexes", "published"):
        key = "overall" if part == "actors" else "correct"
        assert report[part][key] == alone[part][key], part
    assert report["actors"]["overall"]["recall"] == 1.0
    # "jeudi" is resolved through the publication interval; "ce vendredi" stays 2022-02-XX
    assert (report["timexes"]["correct"], report["timexes"]["total"]) == (2, 3)
    # corpus mode scores exactly what predictions mode scores on the same output folder
    assert report["events"] == evaluate_predictions(gold, tmp_path / "eval/predictions")["events"]
    assert report["events"]["gold"] == 6


# ----------------------------------------------------------------------------- annotate
def test_prefill_from_the_hand_predictions(hand_predictions):
    records = prefill(hand_predictions)
    assert [r["doc_id"] for r in records] == ["d1", "d2"]
    d1 = records[0]
    assert d1["published"] == "2022-03-04" and d1["title"] == "Un"
    assert d1["actors"] == [{"name": "OTAN", "type": "ORG"}, {"name": "Russie", "type": "LOC"},
                            {"name": "Jean Dupont", "type": "PER"}, {"name": "Acme", "type": "ORG"},
                            {"name": "Traité de Rome", "type": "MISC"}]
    assert d1["timexes"] == [{"text": "Le 3 mars", "value": "2022-03-03"}, {"text": "2021", "value": "2020"},
                             {"text": "2021", "value": "2021"}]
    assert d1["events"][0] == {"agent": "OTAN", "type": "THREATEN", "target": "Russie", "date": "2022-03-03",
                               "modality": "asserted", "attributed_to": None, "sentence": "l'OTAN a averti"}
    assert records[1]["events"][1]["target"] == "France"


def test_annotate_refuses_to_overwrite_unless_forced(tmp_path, hand_predictions, capsys):
    gold = tmp_path / "gold.jsonl"
    assert main(["annotate", "--predictions", str(hand_predictions), "--out", str(gold)]) == 0
    first = gold.read_text(encoding="utf-8")
    assert len(first.splitlines()) == 2
    gold.write_text(first.replace("Acme", "ACME corrigé"), encoding="utf-8")
    capsys.readouterr()
    assert main(["annotate", "--predictions", str(hand_predictions), "--out", str(gold)]) == 2
    assert capsys.readouterr().err == (f"actorgraph: error: {gold} already exists and may hold hand corrections; "
                                       "pass --force to overwrite it or choose another --out\n")
    assert "ACME corrigé" in gold.read_text(encoding="utf-8")
    assert main(["annotate", "--predictions", str(hand_predictions), "--out", str(gold), "--force"]) == 0
    assert gold.read_text(encoding="utf-8") == first
    with pytest.raises(AnnotateError):
        write_gold([], gold)


def test_prefilled_gold_scores_its_own_predictions_perfectly(seeds_out, tmp_path):
    out, _ = seeds_out
    gold_path = write_gold(prefill(out), tmp_path / "gold.jsonl")
    report = evaluate_predictions(load_gold(gold_path), out, all_types=True)
    a, ev = report["actors"]["overall"], report["events"]
    assert (a["fp"], a["fn"], a["f1"]) == (0, 0, 1.0)
    assert report["timexes"]["accuracy"] == 1.0
    assert report["published"]["accuracy"] == 1.0
    assert ev["gold"] == ev["predicted"] > 60  # the events at or above the run's min_confidence
    assert set(ev["recall"].values()) == {1.0}
    assert set(ev["precision"].values()) == {1.0}
