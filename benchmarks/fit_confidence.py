"""Refit the confidence weights (models/confidence.yaml) on the TUNING half of the real articles.

Not a test and not run by the pipeline: a tool for whoever revises the weights. It runs the
pipeline on ``d1/tune`` and ``d2/tune`` (texts under ``REALDATA``, see tests/data/real/) with
every event kept (``--min-confidence 0``), records the features of every event while the
extractor computes them, labels each event with an agent "right" when the evaluator matches
it to a gold event (agent, type and target), and fits an L2-regularised logistic regression:
on both parts, on d1 alone and on d2 alone. It prints the weights and, for the cross-check,
the precision and main/firm recall that each part gets at several thresholds when scored
with the weights fitted on the other part. Never use it on the test half.

    python benchmarks/fit_confidence.py --work /tmp/fit            # run + fit
    python benchmarks/fit_confidence.py --work /tmp/fit --reuse    # fit again on saved features
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"


def collect(work: Path, realdata: Path) -> list[dict]:
    """Run the pipeline on both tuning parts and return one row per predicted event with an agent."""
    from pipeline import cli
    from pipeline.nlp.events import confidence

    seen: dict[tuple, dict] = {}
    original = confidence.features

    def spy(ctx, tok, entry, rec, sent, dyadic_types=frozenset()):
        feats = original(ctx, tok, entry, rec, sent, dyadic_types)
        seen[(rec["sentence"], rec["event_type"], rec["agent_id"], rec["target_id"], rec["trigger"])] = dict(feats)
        return feats

    confidence.features = spy
    rows = []
    try:
        for part in ("d1", "d2"):
            out, ev = work / f"{part}-tune", work / f"{part}-tune-eval"
            cli.main(["run", str(realdata / part / "tune"), "--out", str(out), "--no-cache", "--n-process", "1",
                      "--quiet", "--force", "--min-confidence", "0"])
            cli.main(["evaluate", "--gold", str(REAL / f"gold_{part}_tune.jsonl"), "--predictions", str(out),
                      "--out", str(ev)])
            rep = json.loads((ev / "evaluation.json").read_text())
            wrong = {f["event_id"] for f in rep["events"]["false_positives"]}
            with open(out / "events.csv", encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    if not r["agent_id"]:
                        continue
                    key = (r["sentence"], r["event_type"], r["agent_id"], r["target_id"], r["trigger"])
                    feats = seen.get(key)
                    if feats is None:
                        continue
                    rows.append({"part": part, "event_id": r["event_id"], "right": r["event_id"] not in wrong,
                                 "features": feats, "confidence": float(r["confidence"])})
    finally:
        confidence.features = original
    return rows


def fit(rows: list[dict], names: list[str], l2: float = 1.0) -> tuple[float, dict]:
    """Newton's method on the penalised log-likelihood (the bias is not penalised)."""
    x = np.array([[1.0] + [float(r["features"].get(n, False)) for n in names] for r in rows])
    y = np.array([1.0 if r["right"] else 0.0 for r in rows])
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), {n: float(v) for n, v in zip(names, w[1:])}


def score(feats: dict, bias: float, weights: dict) -> float:
    z = bias + sum(weights.get(k, 0.0) for k, on in feats.items() if on)
    return 1 / (1 + math.exp(-z))


def curve(rows: list[dict], bias: float, weights: dict, thresholds) -> list[tuple]:
    """(threshold, kept, precision among kept events with an agent)."""
    out = []
    for t in thresholds:
        kept = [r for r in rows if score(r["features"], bias, weights) >= t]
        right = sum(r["right"] for r in kept)
        out.append((t, len(kept), round(right / len(kept), 3) if kept else None))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--realdata", default=os.environ.get("REALDATA", "/work/realdata"))
    ap.add_argument("--reuse", action="store_true", help="fit on the features saved by an earlier run")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--features", help="comma-separated feature names to fit (default: all)")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    saved = work / "features.jsonl"
    if args.reuse:
        rows = [json.loads(line) for line in saved.read_text().splitlines()]
    else:
        rows = collect(work, Path(args.realdata))
        saved.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    from pipeline.nlp.events.confidence import FEATURES
    names = args.features.split(",") if args.features else [f for f in FEATURES if f != "no_agent"]
    names = [n for n in names if any(r["features"].get(n) for r in rows)]
    print(f"{len(rows)} events with an agent, {sum(r['right'] for r in rows)} right")
    for n in names:
        on = [r for r in rows if r["features"].get(n)]
        print(f"  {n:24s} holds {len(on):4d}  right {sum(r['right'] for r in on) / len(on):.2f}")
    fits = {}
    for label, part in (("both", None), ("d1", "d1"), ("d2", "d2")):
        sub = [r for r in rows if part is None or r["part"] == part]
        fits[label] = fit(sub, names, args.l2)
        bias, w = fits[label]
        print(f"fit on {label}: bias {bias:+.2f} " + " ".join(f"{k} {v:+.2f}" for k, v in w.items()))
    grid = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
    for src, dst in (("d1", "d2"), ("d2", "d1")):
        sub = [r for r in rows if r["part"] == dst]
        print(f"fitted on {src}, scored on {dst}: " + ", ".join(f"{t}: {k} kept, p {p}" for t, k, p in
                                                              curve(sub, *fits[src], grid)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
