"""TempEval-3-style timex scores (pipeline/evaluation/timexmatch.py) and their place in the
evaluation report, the terminal summary and tests/data/real/score.py.

Every expected number below is counted by hand from the sentence and the spans next to it.
"""
from __future__ import annotations

import importlib.util

from hypothesis import given, settings, strategies as st

from conftest import ROOT
from pipeline.evaluation.render import render_markdown, render_summary
from pipeline.evaluation.timexmatch import add_counts, match_document, occurrences, tempeval_scores

TEXT = "Depuis le 30 juin, à 14 h, pendant deux ans, hier soir et chaque année ; le 30 juin encore."


def _at(part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return start, start + len(part)


GOLD = [("le 30 juin", "1999-06-30", "DATE"), ("14 h", "1999-06-30T14:00", "TIME"),
        ("deux ans", "P2Y", "DURATION"), ("hier soir", "1999-06-29TEV", "TIME"), ("chaque année", "P1Y", "SET")]


def _pred(part, value, type_, nth=0):
    return (*_at(part, nth), value, type_)


PRED = [
    _pred("30 juin", "1999-06-30", "DATE"),           # the first "le 30 juin" without "le": a repeat
    _pred("14 h", "1999-06-30T14:00", "TIME"),       # strict, right value and type
    _pred("deux ans", "P2Y", "DATE"),                # strict, right value, wrong type
    _pred("hier", "1999-06-29", "DATE"),             # relaxed, wrong value and type
    _pred("pendant", "XXXX", "DATE"),                # false positive
    _pred("le 30 juin", "1999-06-30", "DATE", 1),    # the second "le 30 juin": strict, all right
]                                                    # "chaque année": missed


def test_one_document_counted_by_hand():
    c = match_document(TEXT, GOLD, PRED)
    # "le 30 juin" is listed once and written twice: the strict pass takes the exact
    # prediction of the second; "30 juin" in the first is a repeat, left out of the precision
    assert occurrences(TEXT, "le 30 juin") == [_at("le 30 juin", 0), _at("le 30 juin", 1)]
    assert (c["gold"], c["predicted"], c["repeats"], c["scored_predicted"]) == (5, 6, 1, 5)
    # strict: 14 h, deux ans, le 30 juin; relaxed adds hier; values right: the three strict;
    # types right: 14 h and le 30 juin
    assert (c["strict"], c["relaxed"], c["value"], c["type"]) == (3, 4, 3, 2)
    assert c["by_type"]["TIME"] == {"gold": 2, "found": 2, "value": 1}
    assert c["by_type"]["SET"] == {"gold": 1, "found": 0, "value": 0}
    assert c["partial"] == [{"gold": "hier soir", "predicted": "hier"}]
    assert c["false_positives"] == [{"text": "pendant", "value": "XXXX"}]


def test_a_repeated_gold_text_is_neither_right_nor_wrong():
    text = "mardi, puis mardi, puis jeudi."
    gold = [("mardi", "2022-03-08", "DATE")]
    pred = [(0, 5, "2022-03-08", "DATE"), (12, 17, "2022-03-08", "DATE"), (24, 29, "2022-03-10", "DATE")]
    c = match_document(text, gold, pred)
    assert (c["strict"], c["repeats"], c["scored_predicted"]) == (1, 1, 2)
    s = tempeval_scores(c, typed=True)
    # 1 right of 2 scored predictions, 1 of 1 gold
    assert (s["strict"]["precision"], s["strict"]["recall"], s["strict"]["f1"]) == (0.5, 1.0, 0.6667)


def test_the_gold_value_wins_the_strict_pass():
    text = "En 2021, puis 2021."
    c = match_document(text, [("2021", "2021", None)], [(3, 7, "2020", ""), (14, 18, "2021", "")])
    assert (c["strict"], c["value"], c["repeats"], c["gold_typed"]) == (1, 1, 1, 0)
    assert tempeval_scores(c, typed=False)["type"] is None


def test_scores_from_the_hand_document():
    s = tempeval_scores(match_document(TEXT, GOLD, PRED), typed=True)
    # 5 scored predictions, 5 gold: strict 3 → 0.6; relaxed 4 → 0.8; value 3 → 0.6; type 2 → 0.4
    assert (s["strict"]["precision"], s["strict"]["recall"], s["strict"]["f1"]) == (0.6, 0.6, 0.6)
    assert s["relaxed"]["f1"] == 0.8
    assert s["value"]["f1"] == 0.6 and s["value"]["accuracy_among_matched"] == 0.75
    assert s["type"]["f1"] == 0.4
    assert s["by_type"]["DURATION"]["recall"] == 1.0 and s["by_type"]["SET"]["recall"] == 0.0


_WORDS = st.lists(st.sampled_from(["mardi", "soir", "2021", "deux", "ans", "le", "et", "hier", "mars"]),
                  min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(words=_WORDS, data=st.data())
def test_scores_are_bounded_and_a_perfect_prediction_scores_one(words, data):
    text = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    spans = [(s, s + len(w)) for s, w in zip(starts, words)]
    picked = sorted(data.draw(st.sets(st.integers(0, len(words) - 1), max_size=len(words))))
    # gold texts listed once each, at their first whole-word occurrence
    firsts = {}
    for i in picked:
        firsts.setdefault(words[i], i)
    gold = [(words[i], f"V{i}", "DATE") for i in firsts.values()]
    perfect = [(*spans[i], f"V{i}", "DATE") for i in firsts.values()]
    s = tempeval_scores(match_document(text, gold, perfect), typed=True)
    if gold:
        assert all(s[k]["f1"] == 1.0 for k in ("strict", "relaxed", "value", "type"))
    pred = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 8), st.sampled_from(
        [g[1] for g in gold] + ["X"]), st.sampled_from(["DATE", "TIME", ""])), max_size=8))
    pred = [(s0, min(s0 + n, len(text) + 1), v, t) for s0, n, v, t in pred]
    c = match_document(text, gold, pred)
    assert c["strict"] <= c["relaxed"] <= min(c["gold"], c["scored_predicted"])
    assert c["value"] <= c["relaxed"] and c["type"] <= c["relaxed"]
    s = tempeval_scores(c, typed=True)
    assert (s["type"] is None) == (not gold)  # no gold: no type score
    for k in ("strict", "relaxed", "value", "type"):
        for m in ("precision", "recall", "f1"):
            assert s[k] is None or s[k][m] is None or 0.0 <= s[k][m] <= 1.0
    if s["strict"]["f1"] is not None:
        assert s["strict"]["f1"] <= s["relaxed"]["f1"]


def test_add_counts_sums_documents():
    one = match_document(TEXT, GOLD, PRED)
    total = add_counts(add_counts({}, one), one)
    assert (total["gold"], total["relaxed"], total["by_type"]["TIME"]["found"]) == (10, 8, 4)
    assert tempeval_scores(total, typed=True)["relaxed"]["f1"] == 0.8


def _report(te: dict) -> dict:
    actors = {"scored_types": ["PER"], "by_type": {}, "overall": {"tp": 0, "fp": 0, "fn": 0, "precision": None,
                                                                  "recall": None, "f1": None},
              "misses": [], "false_positives": [], "type_mismatches": []}
    ev = {"recall": {k: None for k in ("agent_type_target", "with_date", "with_modality", "agent_type",
                                       "with_attribution")},
          "precision": {k: None for k in ("agent_type_target", "with_date", "with_modality")},
          "found": {k: 0 for k in ("agent_type_target", "with_date", "with_modality", "agent_type",
                                   "with_attribution")},
          "correct_predicted": {k: 0 for k in ("agent_type_target", "with_date", "with_modality")},
          "gold": 0, "predicted": 0, "attribution_annotated": 0,
          "precision_with_agent": {"predicted": 0, "correct": 0, "precision": None},
          "subsets": {n: {"gold": 0, "found": 0, "recall": None, "modality_right": None}
                      for n in ("all", "main", "firm")},
          "misses": [], "false_positives": [], "wrong_date": [], "wrong_modality": [], "wrong_attribution": []}
    return {"gold": "g.jsonl", "n_documents": 1, "predictions": "p", "actors": actors,
            "fragmentation": {"gold_actors_found": 0, "predicted_ids": 0, "ids_per_gold_actor": None,
                              "extra_ids": 0, "split_actors": {}},
            "timexes": {"correct": 3, "total": 5, "accuracy": 0.6, "misses": [], "tempeval": te},
            "published": {"correct": 0, "total": 0, "accuracy": None, "wrong": []}, "events": ev}


def test_summary_and_markdown_show_the_tempeval_scores():
    report = _report(tempeval_scores(match_document(TEXT, GOLD, PRED), typed=True))
    line = [x for x in render_summary(report).splitlines() if x.startswith("timex TempEval-3")]
    assert line == ["timex TempEval-3: relaxed F1 0.800 (P 0.800 R 0.800), strict F1 0.600, value F1 0.600, "
                    "type F1 0.400   [5 gold, 5 predicted]; recall by type: DATE 1.000 TIME 1.000 "
                    "DURATION 1.000 SET 0.000"]
    md = render_markdown(report)
    assert "| relaxed extent | 4 | 0.800 | 0.800 | 0.800 |" in md
    assert "| TIME | 2 | 2 | 1.000 | 1 | 0.500 |" in md


def test_score_py_sums_the_timex_counts_over_the_parts():
    spec = importlib.util.spec_from_file_location("real_score", ROOT / "tests/data/real/score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    report = _report(tempeval_scores(match_document(TEXT, GOLD, PRED), typed=True))
    totals: dict = {}
    for _ in range(2):
        score.add(totals, score.summarise(report))
    figures = score.finish(totals)
    assert (figures["tx_gold"], figures["tx_relaxed"], figures["tx_scored_predicted"]) == (10, 8, 10)
    assert (figures["timex_relaxed_f1"], figures["timex_strict_f1"], figures["timex_type_f1"]) == (0.8, 0.6, 0.4)
    assert figures["timex_recall_SET"] == 0.0 and figures["timex_recall_TIME"] == 1.0
