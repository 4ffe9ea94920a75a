"""TempEval-3-style timex scores: strict and relaxed extents, value and type F1.

The gold gives each temporal expression as its text (listed once per document even when
the text occurs several times), so a gold timex is located by the occurrences of its text
in the cleaned document text (whole-word occurrences when there are any). Gold timexes and
predicted timexes are then paired one to one, per document:

1. strict pass: a gold timex takes a predicted timex whose span equals an occurrence of its
   text (one with the gold value first);
2. relaxed pass: a gold timex still alone takes a predicted timex that overlaps an
   occurrence of its text (the gold value first, then the longest overlap, then the first).

A predicted timex left alone that overlaps another occurrence of a paired gold text (the
gold text written twice, predicted twice) is a *repeat*: neither right nor wrong, it is left
out of the precision. Every other predicted timex left alone is a false positive. The
definitions are in ``docs/EVALUATION.md``.

>>> text = "Le 3 mars, puis le 3 mars, et 2021."
>>> c = match_document(text, [("3 mars", "2022-03-03", "DATE"), ("2021", "2021", "DATE")],
...                    [(3, 9, "2022-03-03", "DATE"), (19, 25, "2022-03-03", "DATE"), (11, 15, "XXXX", "")])
>>> c["strict"], c["relaxed"], c["repeats"], c["scored_predicted"], c["value"], c["type"]
(1, 1, 1, 2, 1, 1)
"""
from __future__ import annotations

import re

TYPES = ("DATE", "TIME", "DURATION", "SET")
COUNT_KEYS = ("gold", "predicted", "repeats", "scored_predicted", "strict", "relaxed", "value", "type",
              "gold_typed")


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Spans of ``surface`` in ``text``: the whole-word ones, else all of them.

    >>> occurrences("2021 et 20210 et 2021", "2021")
    [(0, 4), (17, 21)]
    >>> occurrences("avant-hier", "hier")
    [(6, 10)]
    """
    if not surface:
        return []
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
    whole = [(s, e) for s, e in spans
             if not (s > 0 and text[s - 1].isalnum()) and not (e < len(text) and text[e].isalnum())]
    return whole or spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def match_document(text: str, gold: list, predicted: list) -> dict:
    """Counts for one document. ``gold``: [(text, value, type or None)]; ``predicted``:
    [(start, end, value, type)] (type ``""`` when the predictions have none). Besides the
    counts: ``partial`` (pairs matched by overlap only) and ``false_positives``."""
    occ = [occurrences(text, g[0]) for g in gold]
    pair: dict[int, int] = {}  # gold index -> predicted index
    used: set[int] = set()
    for gi, (_, value, _) in enumerate(gold):  # strict pass
        cands = [pi for pi, p in enumerate(predicted) if pi not in used and (p[0], p[1]) in occ[gi]]
        if cands:
            pi = min(cands, key=lambda i: (predicted[i][2] != value, i))
            pair[gi] = pi
            used.add(pi)
    strict, strict_ids = len(pair), set(pair.values())
    for gi, (_, value, _) in enumerate(gold):  # relaxed pass
        if gi in pair:
            continue
        best = None
        for pi, p in enumerate(predicted):
            if pi in used:
                continue
            ov = max((_overlap((p[0], p[1]), o) for o in occ[gi]), default=0)
            if ov > 0:
                key = (p[2] != value, -ov, p[0], pi)
                best = min(best, key) if best else key
        if best:
            pair[gi] = best[-1]
            used.add(best[-1])
    # the occurrence each paired gold timex was found at; other occurrences hold repeats
    taken = [o for gi, pi in pair.items() for o in occ[gi] if _overlap(predicted[pi][:2], o) > 0]
    free = [o for gi in pair for o in occ[gi] if o not in taken]
    repeat_ids = {pi for pi, p in enumerate(predicted) if pi not in used
                  and any(_overlap(p[:2], o) > 0 for o in free) and not any(_overlap(p[:2], o) > 0 for o in taken)}
    counts = {"gold": len(gold), "predicted": len(predicted), "repeats": len(repeat_ids),
              "scored_predicted": len(predicted) - len(repeat_ids), "strict": strict, "relaxed": len(pair),
              "value": sum(predicted[pi][2] == gold[gi][1] for gi, pi in pair.items()),
              "type": sum(predicted[pi][3] == gold[gi][2] for gi, pi in pair.items()),
              "gold_typed": sum(g[2] is not None for g in gold)}
    by_type = {t: {"gold": 0, "found": 0, "value": 0} for t in TYPES}
    for gi, (_, value, gtype) in enumerate(gold):
        if gtype in by_type:
            by_type[gtype]["gold"] += 1
            if gi in pair:
                by_type[gtype]["found"] += 1
                by_type[gtype]["value"] += predicted[pair[gi]][2] == value
    counts["by_type"] = by_type
    counts["partial"] = [{"gold": gold[gi][0], "predicted": text[predicted[pi][0]:predicted[pi][1]]}
                         for gi, pi in sorted(pair.items()) if pi not in strict_ids]
    counts["false_positives"] = [{"text": text[p[0]:p[1]], "value": p[2]} for pi, p in enumerate(predicted)
                                 if pi not in used and pi not in repeat_ids]
    return counts


def add_counts(total: dict, counts: dict) -> dict:
    """Sum document counts (``by_type`` included) into ``total``."""
    for k in COUNT_KEYS:
        total[k] = total.get(k, 0) + counts.get(k, 0)
    by = total.setdefault("by_type", {t: {"gold": 0, "found": 0, "value": 0} for t in TYPES})
    for t, c in counts.get("by_type", {}).items():
        for k, v in c.items():
            by[t][k] += v
    return total


def _prf(correct: int, predicted: int, gold: int) -> dict:
    p = round(correct / predicted, 4) if predicted else None
    r = round(correct / gold, 4) if gold else None
    f1 = None if p is None or r is None else (round(2 * correct / (predicted + gold), 4) if correct else 0.0)
    return {"correct": correct, "precision": p, "recall": r, "f1": f1}


def tempeval_scores(c: dict, typed: bool) -> dict:
    """Scores from summed counts. ``typed``: the predictions have a type and every gold
    timex has one (else the type scores are ``None``).

    >>> s = tempeval_scores({"gold": 4, "predicted": 5, "repeats": 1, "scored_predicted": 4, "strict": 2,
    ...                      "relaxed": 3, "value": 2, "type": 3, "gold_typed": 4}, True)
    >>> s["relaxed"]["f1"], s["strict"]["f1"], s["value"]["f1"], s["type"]["f1"]
    (0.75, 0.5, 0.5, 0.75)
    """
    n, g = c["scored_predicted"], c["gold"]
    out = {k: c.get(k, 0) for k in ("gold", "predicted", "repeats", "scored_predicted", "gold_typed")}
    out["strict"], out["relaxed"], out["value"] = (_prf(c[k], n, g) for k in ("strict", "relaxed", "value"))
    out["value"]["accuracy_among_matched"] = round(c["value"] / c["relaxed"], 4) if c["relaxed"] else None
    out["type"] = _prf(c["type"], n, g) if typed and g and c["gold_typed"] == g else None
    out["by_type"] = {t: {**v, "recall": round(v["found"] / v["gold"], 4) if v["gold"] else None,
                          "value_recall": round(v["value"] / v["gold"], 4) if v["gold"] else None}
                      for t, v in c.get("by_type", {}).items()}
    return out
