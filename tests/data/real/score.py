"""Score actorgraph on the real development articles (tests/data/real/).

The article texts are not in the repository (see GATHER.md, GATHER_d2.md, GATHER_d3.md): this
script expects them under ``REALDATA`` (default ``/work/realdata``) as ``<batch>/tune`` and
``<batch>/test`` for every batch with an index here (``articles_d1.jsonl``, ``articles_d2.jsonl``,
``articles_d3.jsonl``...), each a corpus folder with its ``metadata.csv``. It checks each text
against the SHA-1 recorded in the index, runs the pipeline on each folder, scores it against
``gold_<batch>_<half>.jsonl`` and sums the counts over the batches. A batch whose folder is
absent is skipped with a note on stderr (the figures then cover the other batches only).

    python tests/data/real/score.py --half tune           # the half we study
    python tests/data/real/score.py --half test --json t.json   # the half we only report

Extra arguments after ``--`` are passed to ``pipeline run`` (e.g. ``-- --min-confidence 0.6``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def batches() -> list[str]:
    """The batches with an index and a gold file for both halves here, in name order (d1, d2, d3...)."""
    found = []
    for index in sorted(HERE.glob("articles_d*.jsonl")):
        part = index.stem[len("articles_"):]
        if all((HERE / f"gold_{part}_{h}.jsonl").is_file() for h in ("tune", "test")):
            found.append(part)
    return found


def check_texts(root: Path, part: str, half: str) -> list[str]:
    """Ids whose text is missing or differs from the recorded hash."""
    bad = []
    for line in (HERE / f"articles_{part}.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        if a["split"] != half:
            continue
        p = root / part / half / f"{a['id']}.txt"
        if not p.is_file() or hashlib.sha1(p.read_bytes()).hexdigest() != a["sha1"]:
            bad.append(a["id"])
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["tune", "test"], required=True)
    ap.add_argument("--realdata", default=os.environ.get("REALDATA", "/work/realdata"))
    ap.add_argument("--json", help="write the summed figures here")
    ap.add_argument("--keep", help="keep the run outputs and evaluations in this folder")
    ap.add_argument("run_args", nargs="*")
    args = ap.parse_args(argv)
    root = Path(args.realdata)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="actorgraph-real-"))
    totals: dict = {}
    scored = []
    for part in batches():
        if not (root / part / args.half).is_dir():
            print(f"{part}/{args.half}: no texts under {root / part / args.half}, batch skipped", file=sys.stderr)
            continue
        bad = check_texts(root, part, args.half)
        if bad:
            print(f"{part}/{args.half}: {len(bad)} texts missing or changed (e.g. {bad[0]})", file=sys.stderr)
            return 2
        out, ev = work / f"{part}-{args.half}", work / f"{part}-{args.half}-eval"
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(root / part / args.half), "--out", str(out),
                        "--no-cache", "--n-process", "1", "--quiet", "--force", *args.run_args], check=False)
        subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "--gold",
                        str(HERE / f"gold_{part}_{args.half}.jsonl"), "--predictions", str(out), "--out", str(ev)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        add(totals, summarise(json.loads((ev / "evaluation.json").read_text())))
        scored.append(part)
    if not scored:
        print(f"no batch has texts for the {args.half} half under {root}", file=sys.stderr)
        return 2
    print(f"batches: {' '.join(scored)}", file=sys.stderr)
    figures = finish(totals, parts=len(scored))
    for k, v in figures.items():
        print(f"{k:40s} {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, sort_keys=True))
    return 0


def summarise(report: dict) -> dict:
    """The counts we sum over the parts."""
    ev, a, tx = report["events"], report["actors"]["overall"], report["timexes"]
    s = ev["subsets"]
    te = tx["tempeval"]
    timex = {"tx_gold": te["gold"], "tx_predicted": te["predicted"], "tx_repeats": te["repeats"],
             "tx_scored_predicted": te["scored_predicted"], "tx_strict": te["strict"]["correct"],
             "tx_relaxed": te["relaxed"]["correct"], "tx_value": te["value"]["correct"],
             "tx_type": te["type"]["correct"] if te["type"] else 0, "tx_typed": int(te["type"] is not None)}
    for t, v in te["by_type"].items():
        timex.update({f"tx_{t}_gold": v["gold"], f"tx_{t}_found": v["found"], f"tx_{t}_value": v["value"]})
    return {**timex, "actors_tp": a["tp"], "actors_fp": a["fp"], "actors_fn": a["fn"],
            "timex_correct": tx["correct"], "timex_total": tx["total"],
            "events_gold": s["all"]["gold"], "events_found": s["all"]["found"],
            "main_gold": s["main"]["gold"], "main_found": s["main"]["found"],
            "firm_gold": s["firm"]["gold"], "firm_found": s["firm"]["found"],
            "found_modality_right": round((s["all"]["modality_right"] or 0) * s["all"]["found"]),
            "pred_with_agent": ev["precision_with_agent"]["predicted"],
            "pred_with_agent_correct": ev["precision_with_agent"]["correct"],
            "predicted": ev["predicted"]}


def add(totals: dict, counts: dict) -> None:
    for k, v in counts.items():
        totals[k] = totals.get(k, 0) + v


def timex_scores(t: dict, parts: int) -> dict:
    """TempEval-3 precision, recall and F1 from the summed timex counts (type F1 only when
    every part had typed gold and typed predictions)."""
    def f1(k):
        c, n, g = t[k], t["tx_scored_predicted"], t["tx_gold"]
        p, r = (round(c / n, 3) if n else None), (round(c / g, 3) if g else None)
        return p, r, (round(2 * c / (n + g), 3) if n + g else None)
    out = {}
    for k in ("strict", "relaxed", "value", "type"):
        if k == "type" and t["tx_typed"] < parts:
            continue
        out[f"timex_{k}_precision"], out[f"timex_{k}_recall"], out[f"timex_{k}_f1"] = f1(f"tx_{k}")
    for ty in ("DATE", "TIME", "DURATION", "SET"):
        g = t.get(f"tx_{ty}_gold", 0)
        out[f"timex_recall_{ty}"] = round(t[f"tx_{ty}_found"] / g, 3) if g else None
    return out


def finish(t: dict, parts: int = 2) -> dict:
    def r(a, b):
        return round(t[a] / t[b], 3) if t[b] else None
    t["pred_actors"] = t["actors_tp"] + t["actors_fp"]
    t["gold_actors"] = t["actors_tp"] + t["actors_fn"]
    p, rc = r("actors_tp", "pred_actors"), r("actors_tp", "gold_actors")
    return {**t, "actors_precision": p, "actors_recall": rc,
            "actors_f1": round(2 * p * rc / (p + rc), 3) if p and rc else None,
            "timex_accuracy": r("timex_correct", "timex_total"),
            "events_recall_all": r("events_found", "events_gold"),
            "events_recall_main": r("main_found", "main_gold"),
            "events_recall_firm": r("firm_found", "firm_gold"),
            "events_precision_with_agent": r("pred_with_agent_correct", "pred_with_agent"),
            "modality_right_among_found": r("found_modality_right", "events_found"),
            **timex_scores(t, parts)}


if __name__ == "__main__":
    sys.exit(main())
