"""Score the predictions against the gold, one function per kind of annotation.

Actors are scored per document (precision, recall and F1 by type, with the misses, the
false positives and the type mismatches) along with their fragmentation across the corpus;
temporal expressions by value, publication dates by accuracy, and events by recall and
precision on agent, type and target (then also date, modality and attribution). The
metrics are defined in ``docs/EVALUATION.md``.

>>> prf(tp=3, fp=1, fn=2)
{'tp': 3, 'fp': 1, 'fn': 2, 'precision': 0.75, 'recall': 0.6, 'f1': 0.6667}
>>> prf(tp=0, fp=0, fn=4)["precision"] is None
True
"""
from __future__ import annotations

import re
from collections import defaultdict

from .actormap import ActorMap
from .gold import _UNSET, ACTOR_TYPES, GRAPH_TYPES, Gold
from .predictions import Predictions
from .timexmatch import add_counts, match_document, tempeval_scores


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def prf(tp: int, fp: int, fn: int) -> dict:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    if p is None or r is None:
        f1 = None
    else:
        f1 = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def score_actors(gold: Gold, pred: Predictions, docs: dict[str, str], amap: ActorMap,
                 all_types: bool = False) -> tuple[dict, dict]:
    """Per-document actor scores by type and overall, and corpus-wide fragmentation."""
    types = ACTOR_TYPES if all_types else GRAPH_TYPES
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in ACTOR_TYPES}
    fps, misses, mismatches = [], [], []
    fragments: dict[str, set] = defaultdict(set)
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        gold_set = {k for k in d.actors if gold.actors[k].type in types}
        # a gold actor of a type that is not scored is neither rewarded nor punished
        ignore = set(d.optional) | (set(d.actors) - gold_set)
        predicted = sorted(amap.by_doc.get(doc_id, ()))
        found = set()
        for aid in predicted:
            row = pred.actors.loc[aid] if aid in pred.actors.index else None
            ptype = row["type"] if row is not None else ""
            if not all_types and (row is None or row["in_graph"] != "True"):
                continue
            gid = amap(doc_id, aid)
            if gid is not None:
                fragments[gid].add(aid)
            if gid in gold_set:
                found.add(gid)
                if ptype != gold.actors[gid].type:
                    mismatches.append({"doc_id": d.doc_id, "actor": gold.actors[gid].name, "gold_type":
                                       gold.actors[gid].type, "actor_id": aid, "predicted_type": ptype})
            elif gid in ignore:
                continue
            else:
                counts[ptype if ptype in counts else "MISC"]["fp"] += 1
                fps.append({"doc_id": d.doc_id, "actor_id": aid, "label": amap.label(aid), "type": ptype,
                            "forms": sorted(amap.forms[(doc_id, aid)]),
                            "gold": gold.name(gid) if gid is not None else None})
        for gid in sorted(found):
            counts[gold.actors[gid].type]["tp"] += 1
        for gid in sorted(gold_set - found, key=lambda k: gold.actors[k].name):
            counts[gold.actors[gid].type]["fn"] += 1
            misses.append({"doc_id": d.doc_id, "actor": gold.actors[gid].name, "type": gold.actors[gid].type})
    by_type = {t: prf(**counts[t]) for t in types}
    total = {k: sum(counts[t][k] for t in types) for k in ("tp", "fp", "fn")}
    report = {"scored_types": list(types), "by_type": by_type, "overall": prf(**total),
              "misses": misses, "false_positives": fps, "type_mismatches": mismatches}
    split = {gold.actors[gid].name: sorted(ids) for gid, ids in sorted(fragments.items()) if len(ids) > 1}
    frag = {"gold_actors_found": len(fragments), "predicted_ids": sum(len(v) for v in fragments.values()),
            "ids_per_gold_actor": _ratio(sum(len(v) for v in fragments.values()), len(fragments)),
            "extra_ids": sum(len(v) - 1 for v in split.values()), "split_actors": split}
    return report, frag


def score_timexes(gold: Gold, pred: Predictions, docs: dict[str, str]) -> dict:
    """A gold (text, value) is correct when some occurrence of the text in the cleaned text
    overlaps a predicted timex with that value. Also the TempEval-3 scores of
    :mod:`.timexmatch` (``tempeval``)."""
    tx = pred.timexes
    has_type = "type" in tx.columns
    correct = total = 0
    misses = []
    counts: dict = {}
    partial, spurious = [], []
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        text = pred.texts.get(doc_id, "")
        rows = tx[tx["doc_id"] == doc_id]
        spans = list(zip(rows["start_char"].astype(int), rows["end_char"].astype(int), rows["value"]))
        ptypes = list(rows["type"]) if has_type else [""] * len(spans)
        types = d.timex_types or [None] * len(d.timexes)
        c = match_document(text, [(s, v, t) for (s, v), t in zip(d.timexes, types)],
                           [(s0, e0, v, t) for (s0, e0, v), t in zip(spans, ptypes)])
        add_counts(counts, c)
        partial += [{"doc_id": d.doc_id, **x} for x in c["partial"]]
        spurious += [{"doc_id": d.doc_id, **x} for x in c["false_positives"]]
        for surface, value in d.timexes:
            total += 1
            starts = [m.start() for m in re.finditer(re.escape(surface), text)]
            if not starts:
                misses.append({"doc_id": d.doc_id, "text": surface, "value": value, "predicted": None,
                               "reason": "text not found in the document"})
                continue
            seen = [v for s in starts for s0, e0, v in spans if s0 < s + len(surface) and e0 > s]
            if value in seen:
                correct += 1
            else:
                misses.append({"doc_id": d.doc_id, "text": surface, "value": value,
                               "predicted": list(dict.fromkeys(seen)),
                               "reason": "wrong value" if seen else "no timex predicted there"})
    if not counts:
        counts = add_counts({}, {})
    return {"correct": correct, "total": total, "accuracy": _ratio(correct, total), "misses": misses,
            "tempeval": {**tempeval_scores(counts, has_type), "partial_extents": partial,
                         "false_positives": spurious}}


def score_published(gold: Gold, pred: Predictions, docs: dict[str, str]) -> dict:
    correct = total = 0
    wrong = []
    for d in gold.documents:
        if d.published is _UNSET:
            continue
        total += 1
        got = pred.documents.at[docs[d.doc_id], "published"]
        if got == d.published:
            correct += 1
        else:
            wrong.append({"doc_id": d.doc_id, "gold": d.published, "predicted": got})
    return {"correct": correct, "total": total, "accuracy": _ratio(correct, total), "wrong": wrong}


def score_events(gold: Gold, pred: Predictions, docs: dict[str, str], amap: ActorMap) -> dict:
    """Event recall (gold events found) and precision (predicted events that match a gold
    event) on agent, type and target; also with the date and with the modality."""
    ev = pred.events
    name = gold.name
    n_gold = n_pred = 0
    hit = {"agent_type_target": 0, "with_date": 0, "with_modality": 0, "agent_type": 0}
    attr_hit = attr_total = 0
    phit = {"agent_type_target": 0, "with_date": 0, "with_modality": 0}
    misses, fps, wrong_date, wrong_modality, wrong_attr = [], [], [], [], []
    outcomes = []  # (gold event, found, modality right)
    n_pred_agent = correct_agent = 0
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        rows = ev[ev["doc_id"] == doc_id]
        predicted = [{"event_id": r.event_id, "agent": amap(doc_id, r.agent_id), "type": r.event_type,
                      "target": amap(doc_id, r.target_id), "date": r.date, "modality": r.modality,
                      "attributed_to": amap(doc_id, r.attributed_to), "attributed_id": r.attributed_to,
                      "agent_id": r.agent_id, "target_id": r.target_id, "sentence": r.sentence}
                     for r in rows.itertuples(index=False)]

        def same(p, g):
            return p["agent"] == g.agent and p["type"] == g.type and p["target"] == g.target

        for g in d.events:
            n_gold += 1
            hits = [p for p in predicted if same(p, g)]
            hit["agent_type"] += any(p["agent"] == g.agent and p["type"] == g.type for p in predicted)
            gdesc = {"doc_id": d.doc_id, "line": g.line, "event": g.index, "agent": name(g.agent), "type": g.type,
                     "target": name(g.target)}
            outcomes.append((g, bool(hits), any(p["modality"] == g.modality for p in hits)))
            if not hits:
                near = [p for p in predicted if p["type"] == g.type and (p["agent"] == g.agent
                                                                         or p["target"] == g.target)]
                closest = list(dict.fromkeys(_event_str(p, amap) for p in near))[:3]
                misses.append({**gdesc, "cue": g.cue, "closest": closest})
                continue
            hit["agent_type_target"] += 1
            if any(p["date"] == g.date for p in hits):
                hit["with_date"] += 1
            else:
                wrong_date.append({**gdesc, "gold": g.date, "predicted": sorted({p["date"] for p in hits})})
            if any(p["modality"] == g.modality for p in hits):
                hit["with_modality"] += 1
            else:
                wrong_modality.append({**gdesc, "gold": g.modality,
                                       "predicted": sorted({p["modality"] for p in hits})})
            if g.attributed_to is not _UNSET:
                attr_total += 1
                if any(p["attributed_to"] == g.attributed_to for p in hits):
                    attr_hit += 1
                else:
                    wrong_attr.append({**gdesc, "gold": name(g.attributed_to),
                                       "predicted": sorted({_who(p["attributed_to"], p["attributed_id"], amap)
                                                            for p in hits})})
        for p in predicted:
            n_pred += 1
            matches = [g for g in d.events if same(p, g)]
            if p["agent_id"]:
                n_pred_agent += 1
                correct_agent += bool(matches)
            if not matches:
                fps.append({"doc_id": d.doc_id, "event_id": p["event_id"], "event": _event_str(p, amap),
                            "modality": p["modality"], "date": p["date"], "sentence": _short(p["sentence"])})
                continue
            phit["agent_type_target"] += 1
            phit["with_date"] += any(g.date == p["date"] for g in matches)
            phit["with_modality"] += any(g.modality == p["modality"] for g in matches)
    recall = {k: _ratio(v, n_gold) for k, v in hit.items()}
    recall["with_attribution"] = _ratio(attr_hit, attr_total)
    return {"gold": n_gold, "predicted": n_pred, "subsets": _subsets(outcomes),
            "precision_with_agent": {"predicted": n_pred_agent, "correct": correct_agent,
                                     "precision": _ratio(correct_agent, n_pred_agent)},
            "found": dict(hit, with_attribution=attr_hit), "attribution_annotated": attr_total,
            "recall": recall, "correct_predicted": phit,
            "precision": {k: _ratio(v, n_pred) for k, v in phit.items()},
            "misses": misses, "false_positives": fps, "wrong_date": wrong_date,
            "wrong_modality": wrong_modality, "wrong_attribution": wrong_attr}


def _subsets(outcomes: list) -> dict:
    """Recall (agent, type, target) and the share of found events with the right modality,
    over all gold events and over those annotated ``main`` or ``firm``.

    >>> from types import SimpleNamespace as E
    >>> s = _subsets([(E(main=True, firm=True), True, True), (E(main=False, firm=True), False, False)])
    >>> s["main"], s["firm"]["recall"]
    ({'gold': 1, 'found': 1, 'recall': 1.0, 'modality_right': 1.0}, 0.5)
    """
    out = {}
    for name, keep in (("all", lambda g: True), ("main", lambda g: g.main), ("firm", lambda g: g.firm)):
        rows = [(found, mod) for g, found, mod in outcomes if keep(g)]
        found = sum(f for f, _ in rows)
        out[name] = {"gold": len(rows), "found": found, "recall": _ratio(found, len(rows)),
                     "modality_right": _ratio(sum(f and m for f, m in rows), found)}
    return out


def _who(gid, aid, amap: ActorMap) -> str:
    if not aid:
        return "∅"
    return amap.gold.name(gid) if gid is not None else f"{amap.label(aid)} [{aid}]"


def _event_str(p: dict, amap: ActorMap) -> str:
    return f"{_who(p['agent'], p['agent_id'], amap)} –{p['type']}→ {_who(p['target'], p['target_id'], amap)}"


def _short(text: str, n: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"
