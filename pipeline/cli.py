"""Command line: ``actorgraph run CORPUS --out DIR`` (also ``python -m pipeline run …``),
``actorgraph evaluate --gold GOLD.jsonl CORPUS`` and ``actorgraph annotate CORPUS --out GOLD.jsonl``.

Exit codes: 0 every document analysed; 1 the run finished but some documents failed
(see errors.csv); 2 the run could not start (bad arguments, corpus, output folder, model,
an invalid gold file); 3 the run failed (an internal error, a full disk): one sentence
names a log file holding the traceback; 130 interrupted (Ctrl-C).
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


def _unit(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return x


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
    run.add_argument("--force", action="store_true",
                     help="write into a non-empty folder that is not an actorgraph output folder")
    run.add_argument("--min-weight", type=_positive, default=1,
                     help="keep co-mention edges named together in at least N sentences (default: 1)")
    run.add_argument("--top-edges", type=_positive, default=None,
                     help="keep only the N strongest co-mention edges (default: all)")
    _add_run_options(run)
    _add_evaluate_parsers(sub)
    return parser


def _add_run_options(p: argparse.ArgumentParser) -> None:
    """Analysis options, shared by run, evaluate and annotate."""
    from .run import default_n_process

    p.add_argument("--n-process", type=_positive, default=default_n_process(),
                   help="worker processes (default: all cores); outputs are the same whatever N")
    p.add_argument("--batch-size", type=_positive, default=32, help="documents per spaCy batch (default: 32)")
    p.add_argument("--metonymy", choices=["on", "off"], default="on",
                   help="capitals and seats stand for their state: Moscou, le Kremlin -> Russie (default: on)")
    p.add_argument("--min-confidence", type=_unit, default=None, metavar="X",
                   help="action edges use only events with confidence >= X; events.csv keeps them all "
                        "(default: default_min_confidence of models/confidence.yaml). With evaluate "
                        "--predictions: score only the events >= X (default: the run's min_confidence)")
    p.add_argument("--timex-types", choices=["all", "date"], default="all",
                   help="timexes.csv rows: all TimeML types (DATE, TIME, DURATION, SET; default) or 'date': "
                        "calendar dates only, the older contract (a time of day becomes the DATE of its day; "
                        "durations, sets, references and clock times alone are left out)")
    p.add_argument("--no-cache", action="store_true", help="analyse every document again (ignore the cache)")
    p.add_argument("--cache-dir", metavar="DIR",
                   help="cache of per-document results (default: $ACTORGRAPH_CACHE or ~/.cache/actorgraph)")
    p.add_argument("--backend", choices=["local", "dask"], default="local",
                   help="run the analysis in local processes or on a Dask cluster (default: local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --backend dask: address of a running scheduler (default: start a local cluster)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")


def _add_evaluate_parsers(sub) -> None:
    ev = sub.add_parser("evaluate", help="score the pipeline against a hand-annotated sample",
                        description="Run the pipeline on CORPUS (or read an output folder given with "
                                    "--predictions) and score it against GOLD.jsonl: actor precision/recall/F1 "
                                    "per type, fragmentation, timex values, publication dates, events. "
                                    "Formats and definitions: docs/EVALUATION.md.")
    ev.add_argument("corpus", nargs="?", help="folder, .jsonl or .csv file (not needed with --predictions)")
    ev.add_argument("--gold", required=True, help="gold annotation, JSONL (one document per line)")
    ev.add_argument("--predictions", metavar="DIR", help="score an existing output folder instead of running")
    ev.add_argument("--out", metavar="DIR", help="write evaluation.json and evaluation.md here (and the run's "
                                                 "outputs in DIR/predictions); default: print only")
    ev.add_argument("--all-types", action="store_true",
                    help="score MISC actors too (default: only graph actors, PER/ORG/LOC)")
    _add_run_options(ev)
    an = sub.add_parser("annotate", help="pre-fill a gold file from the pipeline's predictions",
                        description="Run the pipeline on CORPUS (or read --predictions DIR) and write what it "
                                    "found as a gold JSONL file to correct by hand, for `evaluate`.")
    an.add_argument("corpus", nargs="?", help="folder, .jsonl or .csv file (not needed with --predictions)")
    an.add_argument("--out", required=True, metavar="GOLD.jsonl", help="gold file to write")
    an.add_argument("--predictions", metavar="DIR", help="pre-fill from an existing output folder")
    an.add_argument("--force", action="store_true", help="overwrite an existing gold file")
    _add_run_options(an)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "annotate":
        return _annotate(args)
    return 2


def _run(args) -> int:
    from .run import RunConfig, RunError, run

    if args.scheduler and args.backend != "dask":
        return _error("--scheduler needs --backend dask")
    config = RunConfig(corpus=args.corpus, out=args.out, force=args.force, min_weight=args.min_weight,
                       top_edges=args.top_edges, **_run_options(args))
    try:
        summary = run(config)
    except RunError as exc:
        print(f"actorgraph: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("actorgraph: interrupted; earlier outputs in the folder are unchanged, finished documents "
              "are kept in the cache", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one sentence and a log file, never a raw traceback
        return _crash(exc)
    if not args.quiet:
        print(summary.render(), file=sys.stderr)
    return summary.exit_code()


def _crash(exc: BaseException) -> int:
    """Exit code 3: the traceback goes to a log file, the terminal gets one sentence."""
    import errno
    import tempfile
    import traceback

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        fd, log = tempfile.mkstemp(prefix="actorgraph-crash-", suffix=".log")
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(f"actorgraph {__version__}\n{text}")
        where = f"the traceback is in {log}"
    except OSError:
        where = "no log file could be written"
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = f"no space left on the disk ({exc.filename or 'while writing'})"
    elif isinstance(exc, OSError):
        what = f"{exc.strerror or exc} ({exc.filename})" if exc.filename else f"{exc.strerror or exc}"
    else:
        what = f"internal error {type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"
    print(f"actorgraph: the run failed: {what}; earlier outputs in --out are unchanged; {where}", file=sys.stderr)
    return 3


def _error(message: str) -> int:
    print(f"actorgraph: error: {message}", file=sys.stderr)
    return 2


def _source_args(args) -> str | None:
    """Check CORPUS / --predictions; returns an error message or None."""
    if args.predictions is None and args.corpus is None:
        return "give a CORPUS to run the pipeline on, or an output folder with --predictions DIR"
    if args.predictions is not None and args.corpus is not None:
        return "give either a CORPUS or --predictions DIR, not both"
    return None


def _run_options(args) -> dict:
    return {"n_process": args.n_process, "batch_size": args.batch_size, "metonymy": args.metonymy == "on",
            "quiet": args.quiet, "cache": not args.no_cache, "cache_dir": args.cache_dir,
            "backend": args.backend, "scheduler": args.scheduler, "min_confidence": args.min_confidence,
            "timex_types": args.timex_types}


def _evaluate(args) -> int:
    from pathlib import Path

    from .evaluation.evaluate import (GoldError, PredictionsError, evaluate_corpus, evaluate_predictions, load_gold,
                           render_markdown, render_summary, write_report)
    from .run import RunError

    problem = _source_args(args)
    if problem:
        return _error(problem)
    try:
        gold = load_gold(args.gold)  # checked before the (long) run
        if args.predictions is not None:
            report = evaluate_predictions(gold, args.predictions, all_types=args.all_types,
                                          min_confidence=args.min_confidence)
        else:
            report = evaluate_corpus(gold, args.corpus, out=args.out, all_types=args.all_types, **_run_options(args))
    except (GoldError, PredictionsError, RunError) as exc:
        return _error(str(exc))
    except KeyboardInterrupt:
        print("actorgraph: interrupted", file=sys.stderr)
        return 130
    if args.out is None:
        print(render_markdown(report))
    else:
        try:
            written = write_report(report, Path(args.out))
        except OSError as exc:
            return _error(f"cannot write the evaluation to --out {args.out}: {exc.strerror or exc}")
        print(render_markdown(report, max_items=20))
        print(f"evaluation written to {written[0]} and {written[1]}", file=sys.stderr)
    print(render_summary(report), file=sys.stderr)
    return 0


def _annotate(args) -> int:
    from .evaluation.annotate import AnnotateError, annotate_corpus, prefill, write_gold
    from .evaluation.evaluate import PredictionsError
    from .run import RunError

    problem = _source_args(args)
    if problem:
        return _error(problem)
    try:
        if args.predictions is not None:
            records = prefill(args.predictions)
            write_gold(records, args.out, force=args.force)
        else:
            records = annotate_corpus(args.corpus, args.out, force=args.force, **_run_options(args))
    except (AnnotateError, PredictionsError, RunError) as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"cannot write {args.out}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        print("actorgraph: interrupted", file=sys.stderr)
        return 130
    n_events = sum(len(r["events"]) for r in records)
    print(f"actorgraph: wrote {args.out}: {len(records)} documents, {n_events} events to check by hand "
          "(format: docs/EVALUATION.md)", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
