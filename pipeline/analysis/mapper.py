"""The map step's executors: in-process, a local process pool, or a Dask cluster.

All three run the same pure function (:func:`analyse_batch`: documents in, DocResults
out) with the spaCy pipeline loaded once per process, and return results in input
order, so their outputs are identical. The cache sits in front of them: a document whose
result is cached is never sent to an executor, and an executor (with its model loading)
is only started when some document needs analysis.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
import sys
from typing import Iterable, Iterator

from .extract import DocResult, analyse
from ..ingest.readers import Document

_NLP_BY_CONFIG: dict = {}


def worker_nlp(model: str, metonymy: bool):
    """The pipeline of this process, loaded on first use (once per worker)."""
    key = (model, metonymy)
    if key not in _NLP_BY_CONFIG:
        from ..nlp.loader import load

        _NLP_BY_CONFIG[key] = load(model, metonymy=metonymy)
    return _NLP_BY_CONFIG[key]


def release_models() -> None:
    """Forget the pipelines loaded in this process (the next use loads them again)."""
    _NLP_BY_CONFIG.clear()


def analyse_batch(batch: list[Document], model: str, metonymy: bool, batch_size: int,
                  spill_dir=None) -> list[DocResult]:
    """Pure map function: the same on every executor. With ``spill_dir`` (a folder this
    machine shares with the caller) long documents' records are spilled there
    (:mod:`pipeline.analysis.pieces`)."""
    return list(analyse(worker_nlp(model, metonymy), batch, batch_size, spill_dir))


def remote_batch(batch: list[Document], model: str, metonymy: bool, batch_size: int,
                 spill_dir=None) -> list[DocResult]:
    """``analyse_batch`` for another process: the text is not sent back (the caller has it)."""
    results = analyse_batch(batch, model, metonymy, batch_size, spill_dir)
    for r in results:
        r.doc.text = ""
    return results


def _ignore_sigint() -> None:
    """Pool workers leave Ctrl-C to the parent, which terminates them: one press stops the
    run, with no traceback from each worker and no respawned workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_task(args) -> list[DocResult]:
    return remote_batch(*args)


class Executor:
    """Analyse lists of documents; ``close()`` releases workers."""

    def __init__(self, model: str, metonymy: bool, batch_size: int, nlp=None, spill_dir=None):
        self.model, self.metonymy, self.batch_size = model, metonymy, batch_size
        #: where long documents' records are spilled (None: kept in memory)
        self.spill_dir = str(spill_dir) if spill_dir is not None else None
        if nlp is not None:
            _NLP_BY_CONFIG[(model, metonymy)] = nlp

    def run(self, documents: list[Document]) -> list[DocResult]:
        return self.submit(documents)()

    def submit(self, documents: list[Document]):
        """Start analysing ``documents``; returns a function that waits for the results.
        In-process analysis is lazy: it happens when the results are asked for."""
        return lambda: analyse_batch(documents, self.model, self.metonymy, self.batch_size, self.spill_dir)

    def close(self) -> None:
        pass

    def terminate(self) -> None:
        """Stop at once (interrupted run): work in progress is dropped."""
        self.close()


class PoolExecutor(Executor):
    """``n`` worker processes (fork on Linux: the parent's imports are shared); long
    documents' records come back through spill files in ``spill_dir``."""

    def __init__(self, n: int, model: str, metonymy: bool, batch_size: int, spill_dir=None):
        super().__init__(model, metonymy, batch_size, spill_dir=spill_dir)
        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.pool = ctx.Pool(n, initializer=_ignore_sigint)

    def submit(self, documents: list[Document]):
        jobs = [(documents[i:i + self.batch_size], self.model, self.metonymy, self.batch_size, self.spill_dir)
                for i in range(0, len(documents), self.batch_size)]
        pending = [self.pool.apply_async(_pool_task, (job,)) for job in jobs]

        def collect() -> list[DocResult]:
            return [r for p in pending for r in p.get()]

        def finished() -> list[tuple[int, list[DocResult]]]:
            """(offset, results) of the batches already done: kept when the run is interrupted."""
            return [(k * self.batch_size, p.get()) for k, p in enumerate(pending) if p.ready() and p.successful()]

        collect.finished = finished
        return collect

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def terminate(self) -> None:
        self.pool.terminate()
        self.pool.join()


class DaskExecutor(Executor):
    """The map step on a Dask cluster: a LocalCluster by default, or an existing
    scheduler (``tcp://host:port``, e.g. started by dask-jobqueue on an HPC cluster).
    Workers may run on other machines: results come back whole (no spill files)."""

    def __init__(self, n: int, model: str, metonymy: bool, batch_size: int, scheduler: str | None = None):
        super().__init__(model, metonymy, batch_size)
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise RuntimeError("the Dask backend needs dask.distributed: pip install 'actorgraph[dask]'") from exc
        if scheduler:
            self.cluster = None
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)

    def submit(self, documents: list[Document]):
        batches = [documents[i:i + self.batch_size] for i in range(0, len(documents), self.batch_size)]
        n = len(batches)
        # positional iterables: Client.map has a batch_size keyword of its own
        futures = self.client.map(remote_batch, batches, [self.model] * n, [self.metonymy] * n,
                                  [self.batch_size] * n, pure=False)
        return lambda: [r for results in self.client.gather(futures) for r in results]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def map_documents(documents: Iterable[Document], make_executor, cache=None, chunk_size: int = 256,
                  on_chunk=None) -> Iterator[DocResult]:
    """Yield one DocResult per document, in input order.

    Documents are taken ``chunk_size`` at a time; cached results are reused, the rest go
    to the executor (created by ``make_executor()`` the first time it is needed) and are
    cached, and the cache is committed after each chunk. The next chunk is read and
    submitted before the current one is collected, so parallel workers never wait for
    the reading of documents or for the slowest batch of a chunk.
    """
    executor = None
    inflight: list = []  # submitted chunks not yet collected: (chunk, results, todo, collect)
    try:
        chunk: list[Document] = []
        for document in documents:
            chunk.append(document)
            if len(chunk) >= chunk_size:
                executor, nxt = _submit_chunk(chunk, make_executor, executor, cache)
                inflight.append(nxt)
                if len(inflight) > 1:
                    yield from _collect_chunk(inflight[0], cache, on_chunk)
                    inflight.pop(0)
                chunk = []
        if chunk:
            executor, nxt = _submit_chunk(chunk, make_executor, executor, cache)
            inflight.append(nxt)
        while inflight:
            yield from _collect_chunk(inflight[0], cache, on_chunk)
            inflight.pop(0)
    except BaseException:  # Ctrl-C, an error, or the consumer stopped: do not wait for workers
        if cache is not None:
            try:
                _keep_finished(inflight, cache)
            except Exception:  # noqa: BLE001 - never hide why the run stopped
                pass
        if executor is not None:
            executor, stopping = None, executor
            getattr(stopping, "terminate", stopping.close)()
        raise
    finally:
        if executor is not None:
            executor.close()


def _keep_finished(inflight, cache) -> None:
    """Cache the batches that workers finished before an interruption."""
    for chunk, _, todo, collect in inflight:
        finished = getattr(collect, "finished", None)
        if finished is None:
            continue
        for offset, batch in finished():
            for i, res in zip(todo[offset:offset + len(batch)], batch):
                cache.put(_adopt(chunk[i], res))
    cache.commit()


def _adopt(document: Document, res: DocResult) -> DocResult:
    """A result that came back from another process without its text, given its document."""
    if res.doc is not document:
        for name in ("status", "error", "error_stage"):
            setattr(document, name, getattr(res.doc, name))
        if document.status != "ok":
            document.text = ""
        res.doc = document
    return res


def _submit_chunk(chunk, make_executor, executor, cache):
    results: dict[int, DocResult] = {}
    todo = []
    for i, d in enumerate(chunk):
        if d.status != "ok":
            results[i] = DocResult(d)
            continue
        hit = cache.get(d) if cache is not None else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    collect = None
    if todo:
        if executor is None:
            executor = make_executor()
        collect = executor.submit([chunk[i] for i in todo])
    return executor, (chunk, results, todo, collect)


def _collect_chunk(pending, cache, on_chunk):
    chunk, results, todo, collect = pending
    if todo:
        for i, res in zip(todo, collect()):
            results[i] = res = _adopt(chunk[i], res)
            if cache is not None:
                cache.put(res)
        if cache is not None:
            cache.commit()
    if on_chunk is not None:
        on_chunk(len(todo), len(chunk) - len(todo))
    for i in range(len(chunk)):
        yield results[i]
