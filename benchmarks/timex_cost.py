"""Share of the map step spent in the timex component (issue #16: keep it under 5%).

Usage: python benchmarks/timex_cost.py [FOLDER_OR_FILE ...] [--repeat 2]

Runs the full pipeline (``pipeline.nlp.loader.load()``: the map step's ``nlp.pipe``) over the
.txt files given (default: ``seeds/``), then the ``actorgraph_timex`` component alone again
over the parsed documents, and prints its share of the map step. Best of ``--repeat`` runs
each (the machine is shared and noisy).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def texts_of(paths: list[str]) -> list[str]:
    out = []
    for p in map(Path, paths):
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        out.extend(f.read_text(encoding="utf-8", errors="replace") for f in files)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["seeds"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--anchor", default="2024-03-14", help="publication date given to every text")
    a = ap.parse_args(argv)
    from pipeline.nlp.loader import load

    nlp = load()
    comp = nlp.get_pipe("actorgraph_timex")
    texts = texts_of(a.paths)
    best_pipe = best_timex = float("inf")
    for _ in range(a.repeat):
        # the whole map step (every component, a publication date on every text) ...
        docs = []
        for text in texts:
            d = nlp.make_doc(text)
            d._.anchor = a.anchor
            docs.append(d)
        t0 = time.perf_counter()
        docs = list(nlp.pipe(docs))
        best_pipe = min(best_pipe, time.perf_counter() - t0)
        # ... then the timex component alone, again, over the same parsed documents
        t0 = time.perf_counter()
        n = sum(len(comp(d)._.timexes or []) for d in docs)
        best_timex = min(best_timex, time.perf_counter() - t0)
    share = best_timex / best_pipe
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters, {n} timexes")
    print(f"map step (nlp.pipe, all components) {best_pipe:.2f} s, timex component alone {best_timex:.3f} s "
          f"= {share:.2%} of it")

if __name__ == "__main__":
    main()
