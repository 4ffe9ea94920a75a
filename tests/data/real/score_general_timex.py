"""Score actorgraph's timexes on the general-news TIMEX3 check set, the TempEval-3 way.

The gold (``gold_general_timex_{tune,test}.jsonl``) holds, per article of the general sample
(``general_articles.jsonl``, texts under ``REALDATA/general``), the SHA-1 of the text file,
the SHA-1 of its cleaned text and every TIMEX3 with its offsets in the cleaned text (the text
of ``documents.parquet``), its type, value and mod; no article text. How the 24 articles were
chosen and split, and the annotation conventions, are in ``GATHER_general.md``.

Gold and predicted timexes are paired one to one per document: first the predictions whose
span equals a gold span (strict), then, for the gold timexes left, the prediction that
overlaps them most (relaxed). Precision counts every predicted row, recall every gold
timex; value and type are right when a paired prediction has the gold value / type; F1 is
2c / (predicted + gold) for each. ``--show`` lists the misses, partial extents, wrong values
and false positives (study it on the tune half only).

    python tests/data/real/score_general_timex.py --half tune [--show] [--keep DIR]
    python tests/data/real/score_general_timex.py --half test --out DIR --no-run
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = ("DATE", "TIME", "DURATION", "SET")


def read_gold(half: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / f"gold_general_timex_{half}.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]


def make_corpus(gold: list[dict], source: Path, dest: Path) -> None:
    """Copy the half's texts (checked against their SHA-1) and their metadata rows to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    wanted = {g["doc_id"] for g in gold}
    for g in gold:
        data = (source / f"{g['doc_id']}.txt").read_bytes()
        if hashlib.sha1(data).hexdigest() != g["sha1"]:
            raise SystemExit(f"{g['doc_id']}: text missing or changed under {source}")
        (dest / f"{g['doc_id']}.txt").write_bytes(data)
    with open(source / "metadata.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["file"][:-4] in wanted]
    with open(dest / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "title", "date", "url", "source"])
        w.writeheader()
        w.writerows(rows)


def read_predictions(out: Path) -> tuple[dict, dict]:
    """(texts by doc_id, timex rows by doc_id) of a run's output folder."""
    import pandas as pd
    docs = pd.read_parquet(out / "documents.parquet", columns=["doc_id", "text"])
    texts = dict(zip(docs["doc_id"], docs["text"]))
    by_doc: dict = {}
    with open(out / "timexes.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            by_doc.setdefault(r["doc_id"], []).append(
                {"start": int(r["start_char"]), "end": int(r["end_char"]), "text": r["text"],
                 "value": r["value"], "type": r.get("type", ""), "mod": r.get("mod", "")})
    return texts, by_doc


def pair(gold: list[dict], pred: list[dict]) -> tuple[dict, set]:
    """One-to-one pairs gold index -> predicted index, and the indices paired strictly."""
    pairs, used = {}, set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and (p["start"], p["end"]) == (g["start"], g["end"]):
                pairs[gi] = pi
                used.add(pi)
                break
    strict = set(pairs)
    for gi, g in enumerate(gold):
        if gi in pairs:
            continue
        best = None
        for pi, p in enumerate(pred):
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if pi not in used and ov > 0 and (best is None or ov > best[0]):
                best = (ov, pi)
        if best:
            pairs[gi] = best[1]
            used.add(best[1])
    return pairs, strict


def score(gold_docs: list[dict], texts: dict, preds: dict, show: bool = False) -> dict:
    c = {"gold": 0, "predicted": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    by_type = {t: {"gold": 0, "found": 0, "value": 0} for t in TYPES}
    for g in gold_docs:
        doc = g["doc_id"]
        text = texts.get(doc)
        if text is None:
            raise SystemExit(f"{doc}: not in the predictions")
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != g["clean_sha1"]:
            raise SystemExit(f"{doc}: the cleaned text differs from the one annotated (offsets would be wrong)")
        gold, pred = g["timexes"], sorted(preds.get(doc, []), key=lambda p: p["start"])
        pairs, strict = pair(gold, pred)
        c["gold"] += len(gold)
        c["predicted"] += len(pred)
        c["strict"] += len(strict)
        c["relaxed"] += len(pairs)
        for gi, x in enumerate(gold):
            bt = by_type[x["type"]]
            bt["gold"] += 1
            if gi in pairs:
                p = pred[pairs[gi]]
                bt["found"] += 1
                bt["value"] += p["value"] == x["value"]
                c["value"] += p["value"] == x["value"]
                c["type"] += p["type"] == x["type"]
        if show:
            for gi, x in enumerate(gold):
                p = pred[pairs[gi]] if gi in pairs else None
                if p is None:
                    print(f"{doc} MISS  {x['text']!r} {x['type']} {x['value']}")
                elif gi not in strict or (p["value"], p["type"], p["mod"]) != (x["value"], x["type"], x["mod"]):
                    print(f"{doc} DIFF  gold {x['text']!r} {x['type']} {x['value']} {x['mod']} | "
                          f"pred {p['text']!r} {p['type']} {p['value']} {p['mod']}")
            for pi in sorted(set(range(len(pred))) - set(pairs.values())):
                p = pred[pi]
                print(f"{doc} FP    {p['text']!r} {p['type']} {p['value']}")
    out = {"gold": c["gold"], "predicted": c["predicted"]}
    for k in ("strict", "relaxed", "value", "type"):
        n = c[k]
        out[f"{k}_precision"] = round(n / c["predicted"], 3) if c["predicted"] else None
        out[f"{k}_recall"] = round(n / c["gold"], 3) if c["gold"] else None
        out[f"{k}_f1"] = round(2 * n / (c["predicted"] + c["gold"]), 3) if c["predicted"] + c["gold"] else None
    for t, v in by_type.items():
        out[f"recall_{t}"] = f"{v['found']}/{v['gold']}"
        out[f"value_{t}"] = f"{v['value']}/{v['gold']}"
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["tune", "test"], required=True)
    ap.add_argument("--realdata", default=os.environ.get("REALDATA", "/work/realdata"))
    ap.add_argument("--out", help="the run's output folder (default: a temporary one)")
    ap.add_argument("--no-run", action="store_true", help="score the existing --out folder")
    ap.add_argument("--show", action="store_true", help="list the errors (tune half only)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    gold = read_gold(args.half)
    work = Path(tempfile.mkdtemp(prefix="actorgraph-gtx-"))
    out = Path(args.out) if args.out else work / "out"
    if not args.no_run:
        corpus = work / "corpus"
        make_corpus(gold, Path(args.realdata) / "general", corpus)
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-cache",
                        "--n-process", "1", "--quiet", "--force"], check=True)
    texts, preds = read_predictions(out)
    figures = score(gold, texts, preds, show=args.show)
    for k, v in figures.items():
        print(f"{k:20s} {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, sort_keys=True))
    if not args.out:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
