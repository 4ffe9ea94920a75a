"""The general-news TIMEX3 scorer (tests/data/real/score_general_timex.py) and its gold files.

The expected numbers are counted by hand from the spans next to them.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json

import pytest

from conftest import ROOT
from pipeline.nlp.timex.timeml import MODS, TYPES, valid

spec = importlib.util.spec_from_file_location("score_general_timex", ROOT / "tests/data/real/score_general_timex.py")
sg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sg)

TEXT = "Le 3 mars, à 14 h, pendant deux ans, chaque année."


def _span(part):
    s = TEXT.index(part)
    return s, s + len(part)


def _g(part, type_, value, mod=""):
    s, e = _span(part)
    return {"start": s, "end": e, "text": part, "type": type_, "value": value, "mod": mod}


def _p(part, type_, value, mod=""):
    s, e = _span(part)
    return {"start": s, "end": e, "text": part, "type": type_, "value": value, "mod": mod}


GOLD = [_g("Le 3 mars", "DATE", "2024-03-03"), _g("14 h", "TIME", "2024-03-03T14:00"),
        _g("deux ans", "DURATION", "P2Y"), _g("chaque année", "SET", "P1Y")]
PRED = [_p("3 mars", "DATE", "2024-03-03"),          # relaxed only, right value and type
        _p("14 h", "TIME", "2024-03-03T14:00"),       # strict, all right
        _p("deux ans", "DATE", "2026"),               # strict, wrong value and type
        _p("pendant", "DURATION", "PXD")]             # false positive; "chaque année" missed


def test_pairs_strict_first_then_by_overlap():
    pairs, strict = sg.pair(GOLD, PRED)
    assert pairs == {0: 0, 1: 1, 2: 2} and strict == {1, 2}


def test_scores_counted_by_hand():
    doc = {"doc_id": "x", "clean_sha1": hashlib.sha1(TEXT.encode()).hexdigest(), "timexes": GOLD}
    f = sg.score([doc], {"x": TEXT}, {"x": PRED})
    assert (f["gold"], f["predicted"]) == (4, 4)
    assert f["strict_f1"] == 0.5 and f["relaxed_f1"] == 0.75 and f["value_f1"] == 0.5 and f["type_f1"] == 0.5
    assert f["recall_SET"] == "0/1" and f["value_DURATION"] == "0/1" and f["value_DATE"] == "1/1"


def test_changed_text_is_refused():
    doc = {"doc_id": "x", "clean_sha1": "0" * 40, "timexes": GOLD}
    with pytest.raises(SystemExit):
        sg.score([doc], {"x": TEXT}, {"x": PRED})


@pytest.mark.parametrize("half", ["tune", "test"])
def test_gold_files_are_well_formed(half):
    docs = sg.read_gold(half)
    assert len(docs) == 12
    index = {json.loads(x)["id"]: json.loads(x) for x in
             (ROOT / "tests/data/real/general_articles.jsonl").read_text(encoding="utf-8").splitlines()}
    for d in docs:
        assert d["sha1"] == index[d["doc_id"]]["sha1"]
        ends = 0
        for t in d["timexes"]:
            assert t["type"] in TYPES and valid(t["value"], t["type"]), t
            assert t["mod"] == "" or t["mod"] in MODS
            assert ends <= t["start"] < t["end"] and t["end"] - t["start"] == len(t["text"])
            ends = t["end"]


def test_split_rule():
    ids = sorted((d["doc_id"] for h in ("tune", "test") for d in sg.read_gold(h)),
                 key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    assert {d["doc_id"] for d in sg.read_gold("tune")} == set(ids[:12])
