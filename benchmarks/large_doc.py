"""One very large document: time and peak resident memory of a whole run.

Usage::

    python benchmarks/large_doc.py --kind line --mb 6 [--kind paragraphs --mb 30] [--profile]
                                   [--json FILE]

Kinds of generated text (event-dense French sentences of ``benchmarks/dense_corpus.py``):

- ``line``: one line, sentences separated by spaces only (a text file with no line break);
- ``nopunct``: one line with every punctuation mark removed (no sentence end for megabytes);
- ``paragraphs``: ordinary paragraphs separated by blank lines (a long report, a book);
- ``repeat``: one actor's name repeated, separated by spaces, on one line.

Each case runs ``python -m pipeline run`` on a folder holding the one ``.txt`` file, in its
own process (``--n-process 1 --no-cache``), and reports wall time and the peak resident
memory of that process (``ru_maxrss`` of the child). ``--profile`` also writes a cProfile of
the run (``FILE.prof``) and prints its 25 most expensive functions by own time.
``--trace`` runs the child under ``benchmarks/memtrace.py`` and prints where its resident
memory peaked (the stack at the peak, the highest memory while each function ran).
The figures depend on the machine and its load; compare them with ``--mb`` varied (e.g.
0.2, 0.5, 1) to see how time grows with the size of the document.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_text(kind: str, n_chars: int, seed: int = 3) -> str:
    from benchmarks.dense_corpus import _sentence

    rng = random.Random(seed)
    if kind == "repeat":
        unit = "Emmanuel Macron "
        return (unit * (n_chars // len(unit) + 1))[:n_chars].rstrip()
    parts, size = [], 0
    while size < n_chars:
        s = _sentence(rng, 2024)
        if kind == "nopunct":
            s = re.sub(r"[^\w\s']", "", s)
        parts.append(s)
        size += len(s) + 1
        if kind == "paragraphs" and rng.random() < 0.3:
            parts.append("\n\n")
    if kind == "paragraphs":
        return " ".join(parts).replace(" \n\n ", "\n\n")
    return " ".join(parts)


def run_case(kind: str, mb: float, profile: Path | None, trace: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        text = make_text(kind, int(mb * 1_000_000))
        (folder / f"{kind}.txt").write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-m", "pipeline"] if profile is None else \
            [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "pipeline"]
        if trace:
            cmd = [sys.executable, "-m", "benchmarks.memtrace", "--"]
        cmd += ["run", str(folder), "--out", str(Path(tmp) / "out"), "--no-cache", "--n-process", "1", "--quiet"]
        t0 = time.perf_counter()
        with open(Path(tmp) / "stderr", "w+") as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
            _, status, usage = os.wait4(proc.pid, 0)  # the resources of this child alone
            seconds = time.perf_counter() - t0
            err.seek(0)
            stderr = err.read()
        peak = usage.ru_maxrss
        manifest = Path(tmp) / "out" / "manifest.json"
        counts = json.loads(manifest.read_text())["counts"] if manifest.exists() else {}
    return {"kind": kind, "mb": mb, "chars": len(text), "exit": os.waitstatus_to_exitcode(status),
            "seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024), "tokens": counts.get("n_tokens"),
            "mentions": counts.get("n_mentions"), "events": counts.get("n_events"),
            "stderr": stderr.strip() if trace else stderr.strip()[-300:]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", action="append", choices=("line", "nopunct", "paragraphs", "repeat"))
    ap.add_argument("--mb", type=float, action="append", help="size in MB (one per --kind, or one for all)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--trace", action="store_true", help="where the resident memory peaked (benchmarks/memtrace.py)")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    kinds = a.kind or ["line"]
    sizes = a.mb or [1.0]
    if len(sizes) == 1:
        sizes = sizes * len(kinds)
    rows = []
    print(f"{'kind':11} {'MB':>6} {'seconds':>8} {'peak MB':>8} {'tokens':>10} {'events':>8}  exit")
    for kind, mb in zip(kinds, sizes):
        prof = Path(tempfile.gettempdir()) / f"large_{kind}_{mb}.prof" if a.profile else None
        r = run_case(kind, mb, prof, a.trace)
        rows.append(r)
        print(f"{kind:11} {mb:6.2f} {r['seconds']:8.1f} {r['peak_rss_mb']:8} {r['tokens'] or 0:10,} "
              f"{r['events'] or 0:8,}  {r['exit']} {r['stderr'] if r['exit'] or a.trace else ''}")
        if prof is not None and prof.exists():
            import pstats

            print(f"  profile: {prof}")
            pstats.Stats(str(prof)).sort_stats("tottime").print_stats(25)
    if a.json:
        a.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
