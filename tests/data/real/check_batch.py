"""Check a rebuilt batch of real articles against its index and its gold, without running actorgraph.

    python tests/data/real/check_batch.py d4 [ROOT]      # ROOT defaults to /work/realdata/<batch>

For every line of ``articles_<batch>.jsonl``: the text ``ROOT/<split>/<id>.txt`` exists, has the
recorded length, SHA-1 and locator. For every gold document of ``gold_<batch>_<half>.jsonl``: the
document is in the index and in that half; every declared actor (its name or one of its aliases),
every timex text, every event ``sentence`` (the first 80 characters of the evidence sentence) and
every event ``cue`` (each part of it, when it elides words with "…") occurs in the text; and the file
loads with ``pipeline.evaluation.gold.load_gold``. Prints one line per problem and exits 1
when there is any.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))


def problems(batch: str, root: Path) -> list[str]:
    from pipeline.evaluation.gold import GoldError, load_gold

    out = []
    index = {}
    for line in open(HERE / f"articles_{batch}.jsonl", encoding="utf-8"):
        a = json.loads(line)
        index[a["id"]] = a
        path = root / a["split"] / f"{a['id']}.txt"
        if not path.exists():
            out.append(f"{a['id']}: no text at {path}")
            continue
        text = path.read_text(encoding="utf-8")
        if len(text) != a["n_chars"] or hashlib.sha1(text.encode("utf-8")).hexdigest() != a["sha1"]:
            out.append(f"{a['id']}: length or SHA-1 differs from the index")
        if " ".join(text.split()[:8]) != a["locator"]:
            out.append(f"{a['id']}: locator differs")
    for half in ("tune", "test"):
        gold_path = HERE / f"gold_{batch}_{half}.jsonl"
        try:
            load_gold(gold_path)
        except GoldError as exc:
            out.append(f"{gold_path.name}: does not load: {exc}")
        for line in open(gold_path, encoding="utf-8"):
            g = json.loads(line)
            a = index.get(g["doc_id"])
            if a is None or a["split"] != half:
                out.append(f"{g['doc_id']}: not an article of the {half} half")
                continue
            path = root / half / f"{a['id']}.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            for actor in g.get("actors", []):
                names = [actor] if isinstance(actor, str) else [actor["name"], *actor.get("aliases", [])]
                if not any(n in text for n in names):
                    out.append(f"{a['id']}: actor {names[0]!r} not in the text")
            for t in g.get("timexes", []):
                if t["text"] not in text:
                    out.append(f"{a['id']}: timex {t['text']!r} not in the text")
            for i, e in enumerate(g.get("events", [])):
                start = text.find(e["sentence"])
                if start < 0:
                    out.append(f"{a['id']}: event {i} sentence {e['sentence'][:40]!r} not in the text")
                elif not all(part.strip() in text for part in e["cue"].split("…")):
                    out.append(f"{a['id']}: event {i} cue {e['cue'][:40]!r} not in the text")
    return out


def main() -> None:
    batch = sys.argv[1] if len(sys.argv) > 1 else "d4"
    root = Path(sys.argv[2] if len(sys.argv) > 2 else f"/work/realdata/{batch}")
    found = problems(batch, root)
    for p in found:
        print(p)
    print(f"{batch}: {len(found)} problem(s)", file=sys.stderr)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
