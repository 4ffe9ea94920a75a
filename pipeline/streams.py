"""The streams of a run: documents with unique ids and duplicates marked on the way in,
analysed results filtered, released and counted on the way out (:mod:`pipeline.run`)."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from .analysis.extract import DocResult
    from .ingest.readers import Document
    from .run import RunSummary


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


def keep_dates_only(results: Iterator[DocResult]) -> Iterator[DocResult]:
    """``--timex-types date``: keep the timex records of the older, dates-only contract."""
    from .nlp.timex.timeml import dates_only

    def keep_dates(r: DocResult) -> None:
        r.timexes = dates_only(r.timexes)

    for r in results:
        yield r.map_pieces(keep_dates)


def released(results: Iterator[DocResult]) -> Iterator[DocResult]:
    """Each result's spill file (pipeline.analysis.pieces) removed once the consumer has
    taken the next result (the spool is done with it)."""
    for r in results:
        yield r
        r.release()


def progress(results: Iterator[DocResult], total: int | None, quiet: bool) -> Iterator[DocResult]:
    disable = quiet or not sys.stderr.isatty()
    if disable:
        yield from results
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="doc", file=sys.stderr, desc="actorgraph", dynamic_ncols=True) as bar:
        for r in results:
            bar.update(1)
            yield r
