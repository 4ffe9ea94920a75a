"""Where the map step spends its time: each pipeline component, record building, and the
hottest functions of our own code, on event-dense and on sparse text.

Usage::

    python benchmarks/profile_map.py [--docs 150] [--corpus dense|real|sparse ...] [--top 25]
                                     [--json FILE]

For each corpus (``dense``: synthetic event-dense articles, ``real``: the real tune
articles recombined, see ``benchmarks/dense_corpus.py``; ``sparse``: seed sentences
recombined, see ``benchmarks/corpus.py``) the texts are tokenised once and passed
through the components one after the other (``pipe`` in batches of 32, as ``nlp.pipe``
does), each component timed on its own; then :func:`pipeline.analysis.extract.reduce_doc`
(record building) is timed. Our components and record building are then run again
under cProfile and the ``--top`` functions by own time are printed.

Per-component times are shares of one pass; the machine is shared and noisy, so read
the shares, not the seconds. py-spy (``pip install 'actorgraph[bench]'``) gives a
sampling view of a whole run instead:
``py-spy record -o profile.svg -- python -m pipeline run CORPUS --out /tmp/o --no-cache``.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OURS = "actorgraph_"


def texts_of(kind: str, n: int) -> list[dict]:
    from benchmarks import corpus, dense_corpus

    if kind == "sparse":
        return corpus.generate(n)
    return dense_corpus.generate(n, "real" if kind == "real" else "synthetic")


def run_components(nlp, docs, batch_size: int):
    """Pass ``docs`` through each component in turn; (seconds per component, docs)."""
    times = {}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - t0
    return times, docs


def make_docs(nlp, records):
    from pipeline.ingest.readers import Document

    out = []
    for r in records:
        d = nlp.make_doc(r["text"])
        if d.has_extension("anchor"):
            d._.anchor = r["published"]
        out.append((Document(doc_id=r["id"], source="bench", text=r["text"]), d))
    return out


def profile(nlp, kind: str, n: int, batch_size: int, top: int) -> dict:
    from pipeline.analysis.extract import DocResult, reduce_doc

    records = texts_of(kind, n)
    t0 = time.perf_counter()
    pairs = make_docs(nlp, records)
    t_tok = time.perf_counter() - t0
    times, docs = run_components(nlp, [d for _, d in pairs], batch_size)
    t0 = time.perf_counter()
    n_events = n_mentions = 0
    for (document, _), doc in zip(pairs, docs):
        res = DocResult(document)
        reduce_doc(doc, res, 0, 0)
        n_events += len(res.events)
        n_mentions += len(res.mentions)
    times["record building (reduce_doc)"] = time.perf_counter() - t0
    times = {"tokenizer": t_tok, **times}
    total = sum(times.values())
    spacy_total = sum(v for k, v in times.items() if not k.startswith(OURS) and "reduce_doc" not in k)
    n_tokens = sum(len(d) for d in docs)
    print(f"\n== {kind}: {n} documents, {n_tokens:,} tokens, {n_mentions:,} mentions, {n_events:,} events")
    for name, secs in times.items():
        print(f"  {name:34} {secs:7.2f} s {secs / total:6.1%}")
    ours = total - spacy_total
    print(f"  ours (components + records) = {ours / spacy_total:.1%} of spaCy's own time")

    # cProfile of our components + record building only
    prof = cProfile.Profile()
    docs2 = [d for _, d in make_docs(nlp, records)]
    for name, proc in nlp.pipeline:
        if name.startswith(OURS):
            prof.enable()
        docs2 = list(proc.pipe(docs2, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs2]
        prof.disable()
    prof.enable()
    for (document, _), doc in zip(pairs, docs2):
        reduce_doc(doc, DocResult(document), 0, 0)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    print("\n".join(line for line in buf.getvalue().splitlines() if line.strip())[:12000])
    return {"documents": n, "tokens": n_tokens, "mentions": n_mentions, "events": n_events,
            "seconds": {k: round(v, 3) for k, v in times.items()}, "ours_vs_spacy": round(ours / spacy_total, 4)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--corpus", nargs="+", default=["dense", "sparse"], choices=("dense", "real", "sparse"))
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    from pipeline.nlp.loader import load

    nlp = load()
    report = {kind: profile(nlp, kind, a.docs, a.batch_size, a.top) for kind in a.corpus}
    if a.json:
        a.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
