"""Command line: ``actorgraph run CORPUS --out DIR`` (also ``python -m pipeline run …``).

Exit codes: 0 every document analysed; 1 the run finished but some documents failed
(see errors.csv); 2 the run could not start (bad arguments, corpus, output folder, model).
"""
from __future__ import annotations

import argparse
import sys

from . import __version__


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actorgraph",
        description="Turn French news articles into an actor network (tables + Gephi graph).")
    parser.add_argument("--version", action="version", version=f"actorgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="analyse a corpus and write tables and graphs",
                         description="Analyse CORPUS (a folder of .txt/.md/.html files, a .jsonl or a .csv "
                                     "file with a 'text' column) and write the outputs to --out.")
    run.add_argument("corpus", help="folder, .jsonl or .csv file")
    run.add_argument("--out", default="outputs", help="output folder (default: outputs/)")
    run.add_argument("--n-process", type=_positive, default=1, help="worker processes (default: 1)")
    run.add_argument("--batch-size", type=_positive, default=32, help="documents per spaCy batch (default: 32)")
    run.add_argument("--metonymy", choices=["on", "off"], default="on",
                     help="capitals and seats stand for their state: Moscou, le Kremlin -> Russie (default: on)")
    run.add_argument("--force", action="store_true",
                     help="write into a non-empty folder that is not an actorgraph output folder")
    run.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    return 2


def _run(args) -> int:
    from .run import RunConfig, RunError, run

    config = RunConfig(corpus=args.corpus, out=args.out, n_process=args.n_process, batch_size=args.batch_size,
                       metonymy=args.metonymy == "on", force=args.force, quiet=args.quiet)
    try:
        summary = run(config)
    except RunError as exc:
        print(f"actorgraph: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("actorgraph: interrupted; earlier outputs in the folder are unchanged", file=sys.stderr)
        return 130
    if not args.quiet:
        print(summary.render(), file=sys.stderr)
    return summary.exit_code()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
