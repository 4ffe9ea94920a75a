"""A fully cached re-run against the first run, and where the re-run spends its time.

Usage::

    python benchmarks/cached_rerun.py [--docs 300] [--source synthetic|real] [--repeat 3] [--profile]

Writes an event-dense corpus (``benchmarks/dense_corpus.py``), runs the pipeline once with
an empty result cache, then re-runs it ``--repeat`` times with the cache full (each time
into a fresh output folder, so nothing of the first run's outputs is reused), every run in
its own process (``python -m pipeline run ... --n-process 1``) and timed whole: start of
the interpreter, imports, reading, analysis or cache look-ups, reduction, graph, exports.
Reports the re-run's share of the first run (best of the repeats). ``--profile`` prints
the 30 most expensive functions (cumulative) of one more cached run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed_run(corpus: Path, out: Path, cache: Path, profile: Path | None = None) -> float:
    cmd = [sys.executable] + (["-m", "cProfile", "-o", str(profile)] if profile else []) + [
        "-m", "pipeline", "run", str(corpus), "--out", str(out), "--cache-dir", str(cache),
        "--n-process", "1", "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"run failed:\n{proc.stderr[-2000:]}")
    return seconds


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--source", choices=("synthetic", "real"), default="synthetic")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    from benchmarks.dense_corpus import generate, write_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = write_jsonl(generate(a.docs, a.source), tmp / "corpus.jsonl")
        cache = tmp / "cache"
        first = timed_run(corpus, tmp / "first", cache)
        again = [timed_run(corpus, tmp / f"again{i}", cache) for i in range(a.repeat)]
        manifest = json.loads((tmp / "again0" / "manifest.json").read_text())
        same = all((tmp / "first" / f).read_bytes() == (tmp / "again0" / f).read_bytes()
                   for f in manifest["files"] if f != "manifest.json")
        print(f"{a.docs} documents ({a.source}): first run {first:.1f} s; cached re-runs "
              f"{', '.join(f'{s:.2f}' for s in again)} s; best = {min(again) / first:.1%} of the first run; "
              f"outputs identical: {same}; cached: {manifest['counts']['n_cached']}")
        if a.profile:
            import pstats

            prof = tmp / "cached.prof"
            timed_run(corpus, tmp / "profiled", cache, prof)
            pstats.Stats(str(prof)).sort_stats("cumtime").print_stats(30)
    if a.json:
        a.json.write_text(json.dumps({"docs": a.docs, "source": a.source, "first_seconds": round(first, 2),
                                      "cached_seconds": [round(s, 2) for s in again],
                                      "cached_share": round(min(again) / first, 4), "identical": same},
                                     indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
