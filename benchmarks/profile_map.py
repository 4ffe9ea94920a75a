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

Per-component times are shares of one pass, in wall-clock and in CPU seconds of this
process; the machine is shared and noisy, so read the shares (the CPU ones suffer less
from other jobs), not the seconds. py-spy (``pip install 'actorgraph[bench]'``) gives a
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
    """Pass ``docs`` through each component in turn; (wall seconds per component, CPU
    seconds per component, docs)."""
    times, cpu = {}, {}
    for name, proc in nlp.pipeline:
        t0, c0 = time.perf_counter(), time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name], cpu[name] = time.perf_counter() - t0, time.process_time() - c0
    return times, cpu, docs


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
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = make_docs(nlp, records)
    t_tok, c_tok = time.perf_counter() - t0, time.process_time() - c0
    times, cpu, docs = run_components(nlp, [d for _, d in pairs], batch_size)
    t0, c0 = time.perf_counter(), time.process_time()
    n_events = n_mentions = 0
    for (document, _), doc in zip(pairs, docs):
        res = DocResult(document)
        reduce_doc(doc, res, 0, 0)
        n_events += len(res.events)
        n_mentions += len(res.mentions)
    times["record building (reduce_doc)"] = time.perf_counter() - t0
    cpu["record building (reduce_doc)"] = time.process_time() - c0
    times, cpu = {"tokenizer": t_tok, **times}, {"tokenizer": c_tok, **cpu}
    total, cpu_total = sum(times.values()), sum(cpu.values())

    def spacy_part(d: dict) -> float:
        return sum(v for k, v in d.items() if not k.startswith(OURS) and "reduce_doc" not in k)

    spacy_total, spacy_cpu = spacy_part(times), spacy_part(cpu)
    n_tokens = sum(len(d) for d in docs)
    print(f"\n== {kind}: {n} documents, {n_tokens:,} tokens, {n_mentions:,} mentions, {n_events:,} events")
    print(f"  {'component':34} {'wall':>9} {'share':>6} {'CPU':>9} {'share':>6}")
    for name, secs in times.items():
        print(f"  {name:34} {secs:7.2f} s {secs / total:6.1%} {cpu[name]:7.2f} s {cpu[name] / cpu_total:6.1%}")
    ours, ours_cpu = total - spacy_total, cpu_total - spacy_cpu
    print(f"  ours (components + records) = {ours / spacy_total:.1%} of spaCy's own time "
          f"(CPU: {ours_cpu / spacy_cpu:.1%})")

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
            "seconds": {k: round(v, 3) for k, v in times.items()},
            "cpu_seconds": {k: round(v, 3) for k, v in cpu.items()},
            "ours_vs_spacy": round(ours / spacy_total, 4), "ours_vs_spacy_cpu": round(ours_cpu / spacy_cpu, 4)}


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
