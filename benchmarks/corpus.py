"""Build a synthetic French news corpus by recombining the sentences of ``seeds/``.

Each generated article takes a random headline sentence and 3-60 body sentences drawn
(with a fixed seed) from the sample articles, so lengths vary like real press articles
while the vocabulary stays realistic for the domain.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sentences_of(text: str) -> list[str]:
    """The sentences of ``text`` longer than 40 characters, split at end punctuation before
    a capital."""
    sents = []
    for para in text.split("\n"):
        for s in re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\"])", para):
            s = s.strip()
            if len(s) > 40:
                sents.append(s)
    return sents


def paragraphs(rng: random.Random, body: list[str]) -> str:
    """``body`` grouped into paragraphs of 2-4 sentences (drawn from ``rng``)."""
    paras, cur = [], []
    for s in body:
        cur.append(s)
        if len(cur) >= rng.randint(2, 4):
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def seed_sentences() -> list[str]:
    from pipeline.ingest.clean import clean_text

    sents = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        sents.extend(sentences_of(clean_text(f.read_text(encoding="utf-8"))))
    return sents


def generate(n_docs: int, seed: int = 13) -> list[dict]:
    rng = random.Random(seed)
    sents = seed_sentences()
    docs = []
    for i in range(n_docs):
        n = rng.choice([3, 5, 8, 12, 20, 30, 45, 60])
        text = paragraphs(rng, [rng.choice(sents) for _ in range(n)])
        year, month, day = rng.randint(2014, 2025), rng.randint(1, 12), rng.randint(1, 28)
        docs.append({"id": f"gen-{i:06d}", "title": rng.choice(sents)[:120],
                     "published": f"{year}-{month:02d}-{day:02d}", "text": text})
    return docs


def write_jsonl(docs: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n_docs", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    print(write_jsonl(generate(a.n_docs, a.seed), a.out))
