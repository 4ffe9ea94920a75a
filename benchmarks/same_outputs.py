"""Check that an optimisation leaves every output byte-identical.

``python benchmarks/same_outputs.py snapshot DIR`` runs the pipeline (one process, no cache)
over a fixed set of corpora and writes each run's outputs into ``DIR/<corpus>/``:

- ``seeds``: the five sample articles of ``seeds/``;
- ``gate``: the wheel-gate generator (``benchmarks/gate_corpus.py``) at a small size: web
  pages with boilerplate, a JSONL and a CSV export;
- ``dense``: 80 synthetic event-dense articles (``benchmarks/dense_corpus.py``);
- ``real``: the real tune articles ``/work/realdata/d*/tune/`` when present (outside git).

``python benchmarks/same_outputs.py compare BEFORE AFTER`` compares two snapshots file by
file and prints every difference; the manifest is compared without its timings and
without the paths that differ between runs; dotfiles (the output lock) are skipped. Exit status 1 when anything differs.

Typical use: ``snapshot /tmp/before`` on the old code (e.g. ``git stash``), ``snapshot
/tmp/after`` on the new one, then ``compare /tmp/before /tmp/after``.
"""
from __future__ import annotations

import argparse
import glob
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpora(work: Path) -> dict[str, list[Path]]:
    """name -> the corpus paths of that case (built under ``work``)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import dense_corpus

    out = {"seeds": [ROOT / "seeds"]}
    gate = work / "gate"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gate_corpus.py"), "generate", str(gate),
                    "--pages", "40", "--rows", "40"], check=True, capture_output=True)
    out["gate"] = [gate / "pages", gate / "articles.jsonl", gate / "articles.csv"]
    out["dense"] = [dense_corpus.write_jsonl(dense_corpus.synthetic(80), work / "dense.jsonl")]
    real = sorted(Path(p) for p in glob.glob("/work/realdata/d*/tune"))
    if real:
        out["real"] = real
    return out


def snapshot(dest: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in corpora(Path(tmp)).items():
            for k, corpus in enumerate(paths):
                out = dest / f"{name}{k}"
                cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-cache",
                       "--n-process", "1", "--force", "--quiet"]
                proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
                print(f"{name}{k}: exit {proc.returncode}", proc.stderr.strip()[-300:])


def _manifest(path: Path) -> dict:
    m = json.loads(path.read_text(encoding="utf-8"))
    m.pop("timings", None)
    m.get("config", {}).pop("out", None)
    m.get("corpus", {}).pop("path", None)
    m.get("config", {}).pop("corpus", None)
    return m


def compare(before: Path, after: Path) -> int:
    problems = 0
    n_files = 0
    for case in sorted(p for p in before.iterdir() if p.is_dir()):
        other = after / case.name
        names = sorted({p.name for p in case.iterdir()} | ({p.name for p in other.iterdir()} if other.is_dir() else set()))
        names = [n for n in names if not n.startswith(".")]  # the lock file holds a process id
        for name in names:
            a, b = case / name, other / name
            n_files += 1
            if not a.exists() or not b.exists():
                print(f"{case.name}/{name}: only in {'after' if b.exists() else 'before'}")
                problems += 1
            elif a.is_dir():
                continue
            elif name == "manifest.json":
                ma, mb = _manifest(a), _manifest(b)
                if ma != mb:
                    keys = sorted(f"{k}.{kk}" for k in set(ma) | set(mb)
                                  for kk in set(ma.get(k) or {}) | set(mb.get(k) or {})
                                  if isinstance(ma.get(k, {}), dict) and isinstance(mb.get(k, {}), dict)
                                  and (ma.get(k) or {}).get(kk) != (mb.get(k) or {}).get(kk))
                    print(f"{case.name}/{name}: differs beyond timings: {', '.join(keys) or 'lists'}")
                    problems += 1
            elif a.read_bytes() != b.read_bytes():
                print(f"{case.name}/{name}: differs")
                problems += 1
    print(f"{n_files} files compared, {problems} differences")
    return 1 if problems else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("dest", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "snapshot":
        snapshot(a.dest)
        return 0
    return compare(a.before, a.after)


if __name__ == "__main__":
    raise SystemExit(main())
