"""Benchmark: grouping reprinted stories (pipeline.reduce.stories) as the corpus grows.

Usage::

    python benchmarks/stories.py --docs 100000 [--json benchmarks/results/stories.json]

Generates ``--docs`` articles of about 250 words (five paragraphs drawn from a Zipf-like
vocabulary of 30,000 made-up words, seeded: the same corpus every run); a share of them
(``--reprint-share``) are reprints of an earlier article with small edits: another first
sentence, the last paragraph dropped, a few words changed. It then times the grouping —
shingling, MinHash signatures, LSH and the connected components — over all of them, and
checks the result against the planted reprints: recall (reprints found in their
original's story) and false merges (unrelated articles put in one story).

A report, not a test: the time depends on the machine and its load. The target is under a
minute for 100,000 documents.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(n: int, reprint_share: float, seed: int = 7) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """``(doc_id, text, published)`` items and ``doc_id -> id of the original`` for reprints."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzéèàç"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(30_000)]
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    cum, total = [], 0.0
    for w in weights:
        total += w
        cum.append(total)

    def words(k: int) -> list[str]:
        return rng.choices(vocab, cum_weights=cum, k=k)

    def paragraph() -> str:
        return " ".join(words(rng.randint(35, 65))) + "."

    items, original_of, originals = [], {}, []
    for i in range(n):
        doc_id = f"d{i:07d}"
        day = f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}"
        if originals and rng.random() < reprint_share:
            src_id, paras = rng.choice(originals)
            paras = list(paras)
            paras[0] = " ".join(words(12)) + " " + " ".join(paras[0].split()[12:])  # rewritten opening
            if len(paras) > 3:
                paras = paras[:-1]  # last paragraph dropped
            toks = " ".join(paras).split()
            for _ in range(3):  # a few words changed
                toks[rng.randrange(len(toks))] = rng.choice(vocab)
            items.append((doc_id, " ".join(toks), day))
            original_of[doc_id] = src_id
        else:
            paras = [paragraph() for _ in range(5)]
            originals.append((doc_id, paras))
            if len(originals) > 5000:
                originals.pop(0)
            items.append((doc_id, "\n\n".join(paras), day))
    return items, original_of


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--reprint-share", type=float, default=0.2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    from pipeline.reduce.stories import StoryGrouper

    t0 = time.perf_counter()
    items, original_of = make_corpus(args.docs, args.reprint_share)
    t_gen = time.perf_counter() - t0

    t0 = time.perf_counter()
    grouper = StoryGrouper()
    for doc_id, text, date in items:
        grouper.add(doc_id, text, date)
    t_add = time.perf_counter() - t0
    t1 = time.perf_counter()
    story = grouper.groups()
    t_group = time.perf_counter() - t1
    seconds = time.perf_counter() - t0

    found = sum(story[d] == story[o] for d, o in original_of.items())
    # the planted story of each document: its original's id, or its own
    truth = {d: original_of.get(d, d) for d, _, _ in items}
    members: dict[str, set] = {}
    for d, s in story.items():
        members.setdefault(s, set()).add(truth[d])
    false_merges = sum(len(v) - 1 for v in members.values())
    result = {
        "docs": args.docs, "reprints": len(original_of), "stories_found": len(members),
        "seconds_total": round(seconds, 2), "seconds_shingle_minhash": round(t_add, 2),
        "seconds_lsh_components": round(t_group, 2), "docs_per_second": round(args.docs / seconds),
        "reprint_recall": round(found / max(1, len(original_of)), 4), "false_merges": false_merges,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "corpus_generation_seconds": round(t_gen, 1),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
