"""Rebuild the general-news sample folder from the gathered search excerpts.

Input: text files in RAW (default /work/realdata/general_raw, outside the folder the pipeline reads), each holding records
separated by a line ``@@@ <url>``, then ``outlet:``, ``date:`` and ``query:`` lines, a ``---``
line, and the excerpt exactly as the `search` tool (corpus `pages`) returned it.

Text = excerpt minus the tool's leading " date YYYY-MM " tag, with surrounding whitespace
stripped (as for d2). id = "g" + sha1(url)[:10]. Writes OUT/<id>.txt, OUT/metadata.csv
(file,title,date,url,source) and the committed index tests/data/real/general_articles.jsonl
(no article text).

    python tests/data/real/build_general.py [RAW] [OUT]
"""
from __future__ import annotations

import csv
import glob
import hashlib
import json
import re
import sys
from pathlib import Path

RAW = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/realdata/general_raw")
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "/work/realdata/general")
INDEX = Path(__file__).with_name("general_articles.jsonl")
DATE_TAG = re.compile(r"^\s*date \d{4}(-\d{2})?(-\d{2})?\s")


def records(path: Path):
    """(url, fields, excerpt) for each record of a raw file."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("@@@ ")[1:]:
        head, _, body = block.partition("\n---\n")
        lines = head.split("\n")
        fields = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
        yield lines[0].strip(), {k.strip(): v.strip() for k, v in fields.items()}, body


def article_text(excerpt: str) -> str:
    return DATE_TAG.sub("", excerpt, count=1).strip()


def main() -> None:
    rows, index, seen = [], [], set()
    for path in sorted(glob.glob(str(RAW / "*.txt"))):
        for url, f, excerpt in records(Path(path)):
            if url in seen:
                continue
            seen.add(url)
            doc_id = "g" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
            text = article_text(excerpt)
            (OUT / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            title = text.split("\n", 1)[0][:120]
            rows.append([f"{doc_id}.txt", title, f.get("date", ""), url, f.get("outlet", "")])
            index.append({"id": doc_id, "url": url, "outlet": f.get("outlet", ""),
                          "date": f.get("date") or None, "locator": " ".join(text.split()[:8]),
                          "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(), "n_chars": len(text),
                          "query": f.get("query", ""), "raw": Path(path).stem})
    with open(OUT / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "title", "date", "url", "source"])
        w.writerows(sorted(rows))
    with open(INDEX, "w", encoding="utf-8") as fh:
        for r in sorted(index, key=lambda r: (r["raw"], r["url"])):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    outlets = {r["outlet"].split(" (")[0] for r in index}
    print(f"{len(index)} articles, {len(outlets)} outlets")


if __name__ == "__main__":
    main()
