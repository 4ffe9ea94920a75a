"""Convert the seed gold (seed-gold.json + seed-actors.json) to the gold JSONL format of
``python -m pipeline evaluate`` (docs/EVALUATION.md), as tests/data/seed_gold.jsonl.

    .venv/bin/python tests/data/convert_seed_gold.py          # rewrite seed_gold.jsonl
    .venv/bin/python tests/data/convert_seed_gold.py --check  # exit 1 if it is out of date

The seed files are the project's hand annotation and stay the source of truth; this script
only changes their shape:

- the document id is the file name without ``.txt`` (the pipeline's doc_id);
- ``doc_date`` becomes ``published``;
- an actor is written with its seed id as ``name``, its ``type`` and its seed ``aliases``
  the first time it appears in the file, and by its name alone afterwards (aliases given
  once hold for the whole file);
- ``timex`` pairs become ``{"text", "value"}`` objects;
- events keep agent, type, target, date, modality and cue. The seed gold does not annotate
  attribution, so ``attributed_to`` is left out (not scored) rather than written as null.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED_GOLD = HERE / "seed-gold.json"
SEED_ACTORS = HERE / "seed-actors.json"
TARGET = HERE / "seed_gold.jsonl"


def convert(gold: dict, actors: dict) -> list[dict]:
    declared: set[str] = set()

    def actor(aid: str) -> dict | str:
        if aid in declared:
            return aid
        if aid not in actors:
            raise SystemExit(f"seed-gold.json names {aid!r}, which seed-actors.json does not define")
        declared.add(aid)
        info = actors[aid]
        aliases = [a for a in info.get("aliases", []) if a != aid]
        return {"name": aid, "type": info["type"], **({"aliases": aliases} if aliases else {})}

    records = []
    for fname, g in sorted(gold.items()):
        rec = {"doc_id": Path(fname).stem, "published": g.get("doc_date")}
        rec["actors"] = [actor(a) for a in g.get("actors", [])]
        if g.get("optional"):
            rec["optional"] = [actor(a) for a in g["optional"]]
        rec["timexes"] = [{"text": t, "value": v} for t, v in g.get("timex", [])]
        events = []
        for e in g.get("events", []):
            for role in ("agent", "target"):
                if e.get(role) and e[role] not in declared:
                    raise SystemExit(f"{fname}: event {role} {e[role]!r} is not among the document's actors")
            events.append({k: e.get(k) for k in ("agent", "type", "target", "date", "modality", "cue")})
        rec["events"] = events
        records.append(rec)
    return records


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str]) -> int:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    actors = json.loads(SEED_ACTORS.read_text(encoding="utf-8"))
    text = render(convert(gold, actors))
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.name} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(gold)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
