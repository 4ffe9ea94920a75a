"""Where a run's resident memory goes: ``python -m benchmarks.memtrace [--every S] -- run ARGS...``

Runs ``python -m pipeline ARGS`` in this process with a thread that samples the resident
memory (``/proc/self/statm``) every ``--every`` seconds together with the main thread's
stack (the functions of ``pipeline/`` on it). At the end it prints the peak, and for each
function of the pipeline that was on the stack, the highest resident memory seen while
it ran (the innermost functions of the peak's stack are where the memory was taken or
held). Linux only; sampling costs little (a stack walk every 0.05 s by default).
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE / 2**20


_NLP: set = set()


def _stack(frame) -> tuple[str, ...]:
    names = []
    while frame is not None:
        code = frame.f_code
        if "/pipeline/" in code.co_filename:
            name = f"{Path(code.co_filename).stem}.{code.co_name}"
            names.append(name)
            if "/pipeline/nlp/" in code.co_filename:
                _NLP.add(name)
        frame = frame.f_back
    return tuple(reversed(names))


class Sampler(threading.Thread):
    def __init__(self, every: float):
        super().__init__(daemon=True)
        self.every, self.main = every, threading.main_thread().ident
        self.samples: list[tuple[float, float, tuple]] = []
        self.stop = threading.Event()

    def run(self):
        t0 = time.perf_counter()
        while not self.stop.wait(self.every):
            frame = sys._current_frames().get(self.main)
            self.samples.append((time.perf_counter() - t0, rss_mb(), _stack(frame) if frame else ()))

    def report(self, top: int = 60) -> str:
        if not self.samples:
            return "no sample"
        t, peak, stack = max(self.samples, key=lambda s: s[1])
        lines = [f"peak {peak:,.0f} MB at {t:.1f} s; stack at the peak:"]
        lines += [f"  {name}" for name in stack]
        best: dict[str, float] = {}
        for _, rss, st in self.samples:
            for name in set(st):
                best[name] = max(best.get(name, 0.0), rss)
        lines.append("highest resident memory while each function ran (outside pipeline/nlp):")
        ranked = [kv for kv in sorted(best.items(), key=lambda kv: -kv[1]) if kv[0] not in _NLP]
        for name, rss in ranked[:top]:
            lines.append(f"  {rss:8,.0f} MB  {name}")
        return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=float, default=0.05)
    ap.add_argument("args", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    args = a.args[1:] if a.args[:1] == ["--"] else a.args
    from pipeline.cli import main as pipeline_main

    sampler = Sampler(a.every)
    sampler.start()
    try:
        code = pipeline_main(args)
    finally:
        sampler.stop.set()
        sampler.join()
        print(sampler.report(), file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
