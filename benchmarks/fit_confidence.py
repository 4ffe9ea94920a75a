"""Refit the confidence weights (models/confidence.yaml) on the TUNING half of the real
articles, with article-grouped cross-validation.

Not a test and not run by the pipeline: a tool for whoever revises the weights. Procedure
(documented in CODEBOOK.md, *Event confidence*):

1. Run the pipeline with every event kept (``--min-confidence 0``) on each tuning batch
   (``d1/tune``, ``d2/tune``, ``d3/tune``... every batch with a gold file; texts under
   ``REALDATA``, see tests/data/real/) and on ``seeds/``, recording the features of every
   event while the extractor computes them.
2. Label each predicted event with an agent "right" when it matches an annotated event
   (agent, type and target, as the evaluator matches them); note for every annotated event
   which predicted events match it (for recall) and whether it is ``main`` / ``firm``.
3. Fit an L2-regularised logistic regression (Newton's method, bias not penalised) on the
   tuning batches only. The seed gold lists only the main events of each article, so an
   unmatched seed event is not known to be wrong: the seeds never label a weight, they only
   fix the threshold (step 5).
4. Choose the penalty by **leave-one-batch-out** cross-validation (each batch is a set of
   whole articles from its own outlets and years, so no article is ever on both sides):
   the penalty of ``--l2-grid`` with the lowest held-out log-loss. A second grouping,
   ``--article-folds`` folds of whole articles, is reported as a check. The held-out
   scores give the cross-validated precision and main/firm recall at each threshold.
5. Fit on all tuning batches with that penalty, round the weights to 0.05, and take as
   ``default_min_confidence`` the highest threshold (step 0.01) that keeps the seeds'
   event recall (agent, type, target) at or above ``--seed-recall`` (0.70).

Never use it on the test half.

    python benchmarks/fit_confidence.py --work /tmp/fit            # run + fit
    python benchmarks/fit_confidence.py --work /tmp/fit --reuse    # fit again on saved features
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
SEED_GOLD = ROOT / "tests" / "data" / "seed_gold.jsonl"
THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.53, 0.55, 0.6, 0.65, 0.7, 0.8)


def tuning_batches() -> list[str]:
    """The batches with a tuning gold file (d1, d2, d3...)."""
    return sorted(p.stem[len("gold_"):-len("_tune")] for p in REAL.glob("gold_*_tune.jsonl"))


def label(out: Path, gold_path: Path, seen: dict, part: str) -> tuple[list[dict], list[dict]]:
    """Rows of the predicted events with an agent (features, right or not) and rows of the
    annotated events (main, firm, ids of the predicted events that match them)."""
    from pipeline.evaluation.actormap import ActorMap
    from pipeline.evaluation.gold import load_gold
    from pipeline.evaluation.predictions import load_predictions, match_documents

    gold = load_gold(gold_path)
    pred = load_predictions(out, 0.0)
    docs = match_documents(gold, pred)
    amap = ActorMap(gold, pred, docs)
    ev = pred.events
    rows, golds = [], []
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        predicted = []
        for r in ev[ev["doc_id"] == doc_id].itertuples(index=False):
            triple = (amap(doc_id, r.agent_id), r.event_type, amap(doc_id, r.target_id))
            predicted.append((r, triple))
            if not r.agent_id:
                continue
            feats = seen.get((r.sentence, r.event_type, r.agent_id, r.target_id, r.trigger))
            if feats is None:
                continue
            right = any(triple == (g.agent, g.type, g.target) for g in d.events)
            rows.append({"part": part, "article": d.doc_id, "event_id": r.event_id, "right": right,
                         "features": feats})
        for g in d.events:
            hits = [r.event_id for r, t in predicted if t == (g.agent, g.type, g.target)]
            golds.append({"part": part, "article": d.doc_id, "main": bool(g.main), "firm": bool(g.firm),
                          "hits": hits})
    return rows, golds


def collect(work: Path, realdata: Path) -> dict:
    """Run the pipeline on every tuning batch and on the seeds; the labelled rows."""
    from pipeline import cli
    from pipeline.nlp.events import confidence

    seen: dict[tuple, dict] = {}
    original = confidence.features

    def spy(ctx, tok, entry, rec, sent, dyadic_types=frozenset()):
        feats = original(ctx, tok, entry, rec, sent, dyadic_types)
        seen[(rec["sentence"], rec["event_type"], rec["agent_id"], rec["target_id"], rec["trigger"])] = dict(feats)
        return feats

    confidence.features = spy
    data = {"rows": [], "golds": [], "seed_rows": [], "seed_golds": []}
    try:
        for part in tuning_batches():
            folder = realdata / part / "tune"
            if not folder.is_dir():
                print(f"{part}: no texts under {folder}, skipped", file=sys.stderr)
                continue
            out = work / f"{part}-tune"
            cli.main(["run", str(folder), "--out", str(out), "--no-cache", "--n-process", "1", "--quiet", "--force",
                      "--min-confidence", "0"])
            rows, golds = label(out, REAL / f"gold_{part}_tune.jsonl", seen, part)
            data["rows"] += rows
            data["golds"] += golds
        out = work / "seeds"
        cli.main(["run", str(ROOT / "seeds"), "--out", str(out), "--no-cache", "--n-process", "1", "--quiet",
                  "--force", "--min-confidence", "0"])
        data["seed_rows"], data["seed_golds"] = label(out, SEED_GOLD, seen, "seeds")
    finally:
        confidence.features = original
    return data


def design(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[1.0] + [float(bool(r["features"].get(n, False))) for n in names] for r in rows])
    y = np.array([1.0 if r["right"] else 0.0 for r in rows])
    return x, y


def fit(rows: list[dict], names: list[str], l2: float = 1.0) -> tuple[float, dict]:
    """Newton's method on the penalised log-likelihood (the bias is not penalised)."""
    x, y = design(rows, names)
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[0]), {n: float(v) for n, v in zip(names, w[1:])}


def score(feats: dict, bias: float, weights: dict) -> float:
    z = bias + sum(weights.get(k, 0.0) for k, on in feats.items() if on)
    return round(1 / (1 + math.exp(-z)), 3)


def cross_validate(rows: list[dict], names: list[str], l2: float, group) -> tuple[dict, float]:
    """Held-out scores (event_id -> score) with each group left out in turn, and the mean
    held-out log-loss."""
    held, loss = {}, 0.0
    for g in sorted({group(r) for r in rows}):
        train = [r for r in rows if group(r) != g]
        bias, w = fit(train, names, l2)
        for r in rows:
            if group(r) == g:
                s = score(r["features"], bias, w)
                held[(r["part"], r["event_id"])] = s
                p = min(max(s, 1e-6), 1 - 1e-6)
                loss -= math.log(p if r["right"] else 1 - p)
    return held, loss / len(rows)


def figures(rows: list[dict], golds: list[dict], scores: dict, t: float) -> dict:
    """Precision of the kept events with an agent, recall of main and firm events at ``t``."""
    kept = [r for r in rows if scores[(r["part"], r["event_id"])] >= t]
    ok = {(r["part"], r["event_id"]) for r in kept if r["right"]}
    # an annotated event is found when one of its matching events with an agent is kept
    # (an agentless annotated event is matched by an agentless event, never in the graph)
    found = [g for g in golds if any((g["part"], h) in ok for h in g["hits"])]
    main = [g for g in golds if g["main"]]
    firm = [g for g in golds if g["firm"]]
    return {"kept": len(kept), "precision": round(len(ok) / len(kept), 3) if kept else None,
            "main": round(sum(g["main"] for g in found) / len(main), 3) if main else None,
            "firm": round(sum(g["firm"] for g in found) / len(firm), 3) if firm else None}


def seed_recall(data: dict, bias: float, weights: dict, t: float) -> float:
    rows = data["seed_rows"]
    ok = {r["event_id"] for r in rows if r["right"] and score(r["features"], bias, weights) >= t}
    golds = data["seed_golds"]
    return sum(any(h in ok for h in g["hits"]) for g in golds) / len(golds)


PRIORS = ("no_agent", "question", "verbless_sentence")  # set by hand (see confidence.yaml), never fitted


def backward_selection(rows: list[dict], names: list[str], l2: float, group) -> list[str]:
    """Drop, one at a time, the feature whose removal lowers the held-out log-loss most,
    while one does: a feature that does not carry over to another batch is left out."""
    names = list(names)
    current = cross_validate(rows, names, l2, group)[1]
    while len(names) > 1:
        trials = {n: cross_validate(rows, [m for m in names if m != n], l2, group)[1] for n in names}
        worst = min(trials, key=lambda n: (trials[n], n))
        if trials[worst] >= current - 1e-4:
            break
        print(f"    drop {worst}: held-out log-loss {current:.4f} -> {trials[worst]:.4f}")
        names.remove(worst)
        current = trials[worst]
    return names


def rounded_fit(rows, names, l2, priors: dict) -> tuple[float, dict]:
    bias, w = fit(rows, names, l2)
    w = {k: round(v * 20) / 20 for k, v in w.items()}
    w.update({k: v for k, v in priors.items() if k not in w})
    return round(bias * 20) / 20, w


def seed_threshold(data: dict, bias: float, weights: dict, floor: float) -> float | None:
    """The highest threshold (step 0.01, 0.20 to 0.80) that keeps the seeds' recall >= floor."""
    ok = [t for t in (round(0.20 + 0.01 * i, 2) for i in range(61)) if seed_recall(data, bias, weights, t) >= floor]
    return max(ok) if ok else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--realdata", default=os.environ.get("REALDATA", "/work/realdata"))
    ap.add_argument("--reuse", action="store_true", help="fit on the features saved by an earlier run")
    ap.add_argument("--l2-grid", default="0.5,1,2,4,8,16,32", help="penalties tried by cross-validation")
    ap.add_argument("--article-folds", type=int, default=10)
    ap.add_argument("--seed-recall", type=float, default=0.70)
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    saved = work / "features.json"
    if args.reuse:
        data = json.loads(saved.read_text())
    else:
        data = collect(work, Path(args.realdata))
        saved.write_text(json.dumps(data, sort_keys=True))
    from pipeline.nlp.events.confidence import FEATURES, load_weights
    current = load_weights()
    priors = {k: v for k, v in current.weights.items() if k in PRIORS}
    rows, golds = data["rows"], data["golds"]
    fitted = [f for f in FEATURES if f not in PRIORS and any(r["features"].get(f) for r in rows)]
    parts = sorted({r["part"] for r in rows})
    print(f"{len(rows)} events with an agent ({', '.join(parts)} tune), {sum(r['right'] for r in rows)} right; "
          f"{len(golds)} annotated events; seeds: {len(data['seed_golds'])} annotated events")
    for n in fitted:
        on = [r for r in rows if r["features"].get(n)]
        print(f"  {n:24s} holds {len(on):4d}  right {sum(r['right'] for r in on) / len(on):.2f}")
    by_batch = lambda r: r["part"]  # noqa: E731
    articles = sorted({(r["part"], r["article"]) for r in rows})
    fold_of = {a: i % args.article_folds for i, a in enumerate(articles)}
    by_article = lambda r: fold_of[(r["part"], r["article"])]  # noqa: E731
    base = sum(r["right"] for r in rows) / len(rows)
    print(f"held-out log-loss of a constant score ({base:.3f}): "
          f"{-(base * math.log(base) + (1 - base) * math.log(1 - base)):.4f}")
    grid = [float(x) for x in args.l2_grid.split(",")]
    print("backward selection (leave-one-batch-out, penalty 4):")
    candidates = {
        "all": fitted,
        "in use": [f for f in fitted if current.weights.get(f, 0.0) != 0.0],
        "selected": backward_selection(rows, fitted, 4.0, by_batch),
    }
    best = None
    for label, names in candidates.items():
        losses = {l2: cross_validate(rows, names, l2, by_batch)[1] for l2 in grid}
        l2 = min(losses, key=lambda k: (losses[k], k))
        bias, w = rounded_fit(rows, names, l2, priors)
        t = seed_threshold(data, bias, w, args.seed_recall)
        held, _ = cross_validate(rows, names, l2, by_batch)
        cv = figures(rows, golds, held, t if t is not None else 1.01)
        print(f"candidate {label!r} ({len(names)} features): penalty {l2} (leave-one-batch-out log-loss "
              f"{losses[l2]:.4f}), seeds threshold {t}, cross-validated at it: {cv}")
        if t is not None and (best is None or (cv["precision"] or 0) > (best[4]["precision"] or 0)):
            best = (label, names, l2, t, cv, bias, w, held)
    if best is None:
        print("no candidate keeps the seeds' recall")
        return 1
    label, names, l2, t, cv, bias, w, held = best
    print(f"chosen: {label!r}, penalty {l2}, default_min_confidence {t}")
    for glabel, group in (("leave-one-batch-out", by_batch), (f"{args.article_folds} article folds", by_article)):
        held, _ = cross_validate(rows, names, l2, group)
        print(f"cross-validated ({glabel}):")
        for x in THRESHOLDS + (t,):
            print(f"  t {x:.2f}: {figures(rows, golds, held, x)}")
        if group is by_batch:
            for p in parts:
                sub_r = [r for r in rows if r["part"] == p]
                sub_g = [g for g in golds if g["part"] == p]
                print(f"  {p} held out, t {t}: {figures(sub_r, sub_g, held, t)}")
    full = {(r["part"], r["event_id"]): score(r["features"], bias, w) for r in rows}
    print(f"in-sample at {t}: {figures(rows, golds, full, t)}; seeds recall {seed_recall(data, bias, w, t):.3f} "
          f"(at {t + 0.01:.2f}: {seed_recall(data, bias, w, t + 0.01):.3f})")
    print(f"bias: {bias:.2f}")
    print("weights:\n" + "".join(f"  {k}: {v:.2f}\n" for k, v in w.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
