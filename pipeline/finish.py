"""The end of a run (:mod:`pipeline.run`): the spooled records reduced to tables, the
graph and every export written into the staging folder, and the manifest."""
from __future__ import annotations

import hashlib
import platform
import shutil
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .network.graph import build_graph
from .nlp.gazetteer import load_gazetteer
from .outputs.datapackage import write_datapackage
from .outputs.export import write_graphml, write_tables
from .outputs.gexf import write_gexf
from .outputs.report import write_report
from .reduce.tables import reduce_spool

if TYPE_CHECKING:
    from .run import RunConfig, RunSummary


def reduce_and_export(config: RunConfig, spool, stage: Path, summary: RunSummary) -> tuple[list[str], str]:
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


def return_free_memory() -> None:
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
