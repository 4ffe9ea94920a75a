"""Rebuild the folders of a batch of real articles from the gathered search excerpts.

    python tests/data/real/build_batch.py [BATCH] [RAW] [OUT]

BATCH defaults to ``d3``; RAW to ``/work/realdata/<BATCH>/raw``, OUT to
``/work/realdata/<BATCH>``.  The steps of GATHER_d2.md, for any batch (d2, d3, ...):

Input: one JSON file per article in RAW (url, outlet, published, title, queries, excerpt),
the excerpt exactly as the `search` tool (corpus `pages`) returned it.  The texts are not
committed; this script writes them to OUT/<split>/<id>.txt with a metadata.csv per split,
and writes the committed index tests/data/real/articles_<BATCH>.jsonl (no article text).

Text = excerpt minus the tool's leading " date YYYY-MM " tag, with surrounding whitespace
stripped.  id = "r" + sha1(url)[:10]; split = tune if int(sha1(url)[:8], 16) % 2 == 0
else test.  Running it on d2's raw folder with BATCH=d2 gives d2's files unchanged.
"""
import csv
import glob
import hashlib
import json
import re
import sys
from pathlib import Path

DATE_TAG = re.compile(r"^\s*date \d{4}(-\d{2})?\s")


def article_text(excerpt: str) -> str:
    return DATE_TAG.sub("", excerpt, count=1).strip()


def split_of(url: str) -> tuple[str, str]:
    """(id, split) of an article URL."""
    h = hashlib.sha1(url.encode("utf-8")).hexdigest()
    return "r" + h[:10], ("tune" if int(h[:8], 16) % 2 == 0 else "test")


def build(batch: str, raw: Path, out: Path, index_path: Path) -> list[dict]:
    rows = {"tune": [], "test": []}
    index = []
    for path in sorted(glob.glob(str(raw / "*.json"))):
        rec = json.loads(Path(path).read_text(encoding="utf-8"))
        doc_id, split = split_of(rec["url"])
        text = article_text(rec["excerpt"])
        (out / split).mkdir(parents=True, exist_ok=True)
        (out / split / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows[split].append([f"{doc_id}.txt", rec.get("title", ""), rec.get("published") or "",
                            rec["url"], rec["outlet"]])
        index.append({
            "id": doc_id, "url": rec["url"], "outlet": rec["outlet"],
            "published": rec.get("published") or None, "split": split,
            "locator": " ".join(text.split()[:8]),
            "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
            "n_chars": len(text), "queries": rec["queries"], "raw": Path(path).stem,
        })
    for split, split_rows in rows.items():
        (out / split).mkdir(parents=True, exist_ok=True)
        with open(out / split / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "title", "date", "url", "source"])
            w.writerows(sorted(split_rows))
    index.sort(key=lambda r: r["raw"])
    with open(index_path, "w", encoding="utf-8") as fh:
        for r in index:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return index


def main() -> None:
    batch = sys.argv[1] if len(sys.argv) > 1 else "d3"
    raw = Path(sys.argv[2] if len(sys.argv) > 2 else f"/work/realdata/{batch}/raw")
    out = Path(sys.argv[3] if len(sys.argv) > 3 else f"/work/realdata/{batch}")
    index = build(batch, raw, out, Path(__file__).with_name(f"articles_{batch}.jsonl"))
    for r in index:
        print(r["raw"], r["id"], r["split"], r["n_chars"], r["outlet"])


if __name__ == "__main__":
    main()
