"""Rebuild the d2 real-article folders from the gathered search excerpts.

Input: one JSON file per article in RAW (url, outlet, published, title, queries, excerpt),
the excerpt exactly as the `search` tool (corpus `pages`) returned it.  The texts are not
committed; this script writes them to OUT/<split>/<id>.txt with a metadata.csv per split,
and writes the committed index tests/data/real/articles_d2.jsonl (no article text).

Text = excerpt minus the tool's leading " date YYYY-MM " tag, with surrounding whitespace
stripped.  id = "r" + sha1(url)[:10]; split = tune if int(sha1(url)[:8], 16) % 2 == 0
else test.
"""
import csv
import glob
import hashlib
import json
import re
import sys
from pathlib import Path

RAW = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/realdata/d2/raw")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "/work/realdata/d2")
INDEX = Path(__file__).with_name("articles_d2.jsonl")
DATE_TAG = re.compile(r"^\s*date \d{4}(-\d{2})?\s")


def article_text(excerpt: str) -> str:
    return DATE_TAG.sub("", excerpt, count=1).strip()


def main() -> None:
    rows = {"tune": [], "test": []}
    index = []
    for path in sorted(glob.glob(str(RAW / "*.json"))):
        rec = json.loads(Path(path).read_text(encoding="utf-8"))
        h = hashlib.sha1(rec["url"].encode("utf-8")).hexdigest()
        doc_id = "r" + h[:10]
        split = "tune" if int(h[:8], 16) % 2 == 0 else "test"
        text = article_text(rec["excerpt"])
        (OUT / split).mkdir(parents=True, exist_ok=True)
        (OUT / split / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        rows[split].append([f"{doc_id}.txt", rec.get("title", ""), rec.get("published", ""),
                            rec["url"], rec["outlet"]])
        index.append({
            "id": doc_id, "url": rec["url"], "outlet": rec["outlet"],
            "published": rec.get("published") or None, "split": split,
            "locator": " ".join(text.split()[:8]),
            "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
            "n_chars": len(text), "queries": rec["queries"], "raw": Path(path).stem,
        })
    for split, split_rows in rows.items():
        with open(OUT / split / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "title", "date", "url", "source"])
            w.writerows(sorted(split_rows))
    index.sort(key=lambda r: r["raw"])
    with open(INDEX, "w", encoding="utf-8") as fh:
        for r in index:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in index:
        print(r["raw"], r["id"], r["split"], r["n_chars"], r["outlet"])


if __name__ == "__main__":
    main()
