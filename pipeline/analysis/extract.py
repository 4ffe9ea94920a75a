"""The map step: documents in, plain records out (one :class:`DocResult` per document).

Each spaCy ``Doc`` is reduced to records as soon as it leaves ``nlp.pipe`` and then
dropped, so memory does not grow with the corpus. Long texts are cut at paragraph
boundaries into pieces of at most ``CHUNK_CHARS`` characters (spaCy's parser needs
about 1 GB per 100,000 characters); offsets and sentence ids are shifted back so that
they index the whole cleaned text. Given a spill folder, the records of a long document
are written out piece by piece as it is analysed (:mod:`pipeline.analysis.pieces`), so
memory does not grow with the size of a document either.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..ingest.readers import Document
from . import pieces as _pieces

CHUNK_CHARS = 50_000
#: characters of text parsed in one spaCy batch at most: the parser's and tok2vec's
#: buffers grow with the text of a batch, so a long document's pieces go a few at a time
BATCH_CHARS = 100_000


@dataclass
class DocResult:
    doc: Document
    n_tokens: int = 0
    n_sentences: int = 0
    mentions: list[dict] = field(default_factory=list)
    timexes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    #: the records already written out (a long document): a :class:`pipeline.analysis.pieces.SpillFile`
    #: or :class:`~pipeline.analysis.pieces.CachedPieces`; the lists above hold the rest
    spilled: object = None
    #: functions applied to every piece as it is read (see :meth:`map_pieces`)
    filters: list = field(default_factory=list, repr=False, compare=False)

    def n_records(self) -> int:
        """Records held in memory (spilled ones not counted)."""
        return sum(len(getattr(self, name)) for name in _pieces.PIECE_LISTS)

    def spill(self, folder) -> None:
        """Write the records in memory to this document's spill file, as one piece."""
        if self.spilled is None:
            self.spilled = _pieces.SpillFile.create(folder)
        self.spilled.append({name: getattr(self, name) for name in _pieces.PIECE_LISTS})
        for name in _pieces.PIECE_LISTS:
            setattr(self, name, [])

    def pieces(self) -> Iterator["DocResult"]:
        """The records piece by piece, in text order, each piece a DocResult of this
        document (``n_tokens`` on the first one only); a result that was never spilled is
        its own single piece."""
        if self.spilled is None:
            yield self
            return
        first = True
        for data in self.spilled:
            piece = DocResult(self.doc, n_tokens=self.n_tokens if first else 0, **data)
            first = False
            for fn in self.filters:
                fn(piece)
            yield piece
        if self.n_records():
            rest = DocResult(self.doc, n_tokens=self.n_tokens if first else 0,
                             **{name: getattr(self, name) for name in _pieces.PIECE_LISTS})
            for fn in self.filters:
                fn(rest)
            yield rest

    def map_pieces(self, fn) -> "DocResult":
        """Apply ``fn`` (which changes a DocResult's record lists in place) to the records
        in memory now and to every spilled piece when it is read."""
        fn(self)
        if self.spilled is not None:
            self.filters.append(fn)
        return self

    def load(self) -> "DocResult":
        """All records back in memory (the spill file removed): a result to send to
        another machine, or to compare as a whole."""
        if self.spilled is None:
            return self
        lists = {name: [] for name in _pieces.PIECE_LISTS}
        for piece in self.pieces():
            for name in lists:
                lists[name].extend(getattr(piece, name))
        self.release()
        for name, values in lists.items():
            setattr(self, name, values)
        self.spilled, self.filters = None, []
        return self

    def release(self) -> None:
        """Remove the spill file (its pieces were consumed)."""
        if self.spilled is not None:
            self.spilled.remove()


def split_text(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) pairs of at most ``limit`` characters (default:
    ``CHUNK_CHARS``, read at call time), at a blank line, else a line break, else a
    sentence end, else a space, else anywhere. The pieces concatenate back to ``text``
    and ``text[offset:offset + len(piece)] == piece``.

    >>> [(o, len(p)) for o, p in split_text("a" * 5 + "\\n\\n" + "b" * 5, limit=8)]
    [(0, 7), (7, 5)]
    """
    return list(iter_split(text, limit))


def iter_split(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """The pieces of :func:`split_text`, made one at a time."""
    limit = CHUNK_CHARS if limit is None else limit
    if limit < 1:
        raise ValueError(f"split_text: limit must be at least 1, not {limit}")
    if len(text) <= limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = -1
            for pattern in ("\n\n", "\n", ". ", " "):
                pos = window.rfind(pattern)
                if pos > limit // 4:
                    cut = pos + len(pattern)
                    break
            if cut > 0:
                end = start + cut
        yield start, text[start:end]
        start = end


def reduce_doc(doc, result: DocResult, char_offset: int, sent_offset: int) -> int:
    """Append the records of one spaCy Doc (a piece of ``result.doc``) to ``result``;
    return the number of sentences seen."""
    doc_id = result.doc.doc_id
    sent_starts = []
    for sent in doc.sents:
        sent_starts.append(sent.start)
        result.sentences.append((sent.start_char + char_offset, sent.end_char + char_offset))
    def sent_index(token_i: int) -> int:
        return bisect.bisect_right(sent_starts, token_i) - 1 + sent_offset

    for ent in doc.ents:
        result.mentions.append({
            "doc_id": doc_id,
            "sentence_id": sent_index(ent.start),
            "start_char": ent.start_char + char_offset,
            "end_char": ent.end_char + char_offset,
            "text": ent.text,
            "label": ent.label_,
            "actor_id": _ext(ent, "actor_id"),
            "actor_source": _ext(ent, "actor_source"),
            "actor_rule": _ext(ent, "actor_rule"),
        })
    if doc.has_extension("dropped_ents") and doc._.dropped_ents:
        for start_char, end_char, text, label, reason in doc._.dropped_ents:
            result.dropped.append({
                "doc_id": doc_id, "start_char": start_char + char_offset, "end_char": end_char + char_offset,
                "text": text, "label": label, "reason": reason,
            })
    if doc.has_extension("timexes") and doc._.timexes:
        for tx in doc._.timexes:
            rec = {"doc_id": doc_id, "sentence_id": tx["sentence_id"] + sent_offset,
                   "start_char": tx["start_char"] + char_offset, "end_char": tx["end_char"] + char_offset}
            for key in ("text", "value", "precision", "end_value", "rule", "anchor", "kind", "type", "mod"):
                rec[key] = tx.get(key, "")
            result.timexes.append(rec)
    if doc.has_extension("events") and doc._.events:
        for ev in doc._.events:
            rec = dict(ev)
            rec["doc_id"] = doc_id
            rec["sentence_id"] = ev["sentence_id"] + sent_offset
            for key in ("start_char", "end_char", "sentence_start_char"):
                if key in rec:
                    rec[key] += char_offset
            result.events.append(rec)
    from spacy.attrs import IS_SPACE  # here: a run whose results are all cached never imports spaCy

    result.n_tokens += len(doc) - int(doc.to_array(IS_SPACE).sum())
    return len(sent_starts)


def _make_docs(nlp, document: Document) -> Iterator[tuple[int, object]]:
    """(offset, tokenised piece) of ``document``, made one at a time."""
    from ..nlp.base import remember_text

    for offset, piece in iter_split(document.text):
        d = nlp.make_doc(piece)
        remember_text(d, piece)  # read by the components and by _char_bounded, never joined again
        if d.has_extension("anchor"):
            d._.anchor = document.published or None
        yield offset, d


def analyse(nlp, documents: Iterable[Document], batch_size: int = 32, spill_dir=None) -> Iterator[DocResult]:
    """Run ``nlp`` over ``documents`` and yield one :class:`DocResult` per document, in order.

    Documents whose status is already ``error`` pass through untouched; a document that
    makes a component fail is re-run alone and, if it fails again, recorded as an error
    (stage ``nlp``) without stopping the others. With ``spill_dir``, a document's records
    go to a spill file in that folder whenever :data:`pipeline.analysis.pieces.SPILL_RECORDS`
    of them are in memory (read them with :meth:`DocResult.pieces`).
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _analyse_batch(nlp, batch, batch_size, spill_dir)
            batch = []
    if batch:
        yield from _analyse_batch(nlp, batch, batch_size, spill_dir)


def _keep(result: DocResult, spill_dir) -> None:
    """Spill the records of ``result`` when it holds too many in memory."""
    if spill_dir is not None and result.n_records() >= _pieces.SPILL_RECORDS:
        result.spill(spill_dir)


def _analyse_batch(nlp, batch: list[Document], batch_size: int, spill_dir=None) -> list[DocResult]:
    """The pieces of the batch's documents stream through ``nlp.pipe`` and each parsed
    piece is reduced to records as soon as it leaves it, so that memory holds one spaCy
    batch of pieces, whatever the size of a document."""
    todo = [d for d in batch if d.status == "ok"]
    results = {id(d): DocResult(d) for d in todo}
    sent_counts = {id(d): 0 for d in todo}

    def pieces():
        for i, document in enumerate(todo):
            for offset, d in _make_docs(nlp, document):
                yield d, (i, offset)

    try:
        for group in _char_bounded(pieces(), batch_size):
            for doc, (i, offset) in nlp.pipe(group, batch_size=len(group), as_tuples=True):
                result = results[id(todo[i])]
                sent_counts[id(todo[i])] += reduce_doc(doc, result, offset, sent_counts[id(todo[i])])
                _keep(result, spill_dir)
    except Exception:  # noqa: BLE001 - find the culprit by running documents one by one
        for result in results.values():
            result.release()
        return [_analyse_one(nlp, d, spill_dir) for d in batch]
    for result in results.values():
        drop_demonym_only(result)
    return [results.get(id(d)) or DocResult(d) for d in batch]


def _char_bounded(items, batch_size: int, max_chars: int | None = None, size=None) -> Iterator[list]:
    """``(doc, context)`` items in groups of at most ``batch_size`` items and, beyond the
    first item of a group, at most ``max_chars`` characters (default :data:`BATCH_CHARS`);
    ``size(doc)`` is a doc's length in characters (default: of its kept text, see
    :func:`pipeline.nlp.base.doc_text`).

    >>> [len(g) for g in _char_bounded([("a" * 60, 0), ("b" * 60, 1), ("c", 2)], 32, max_chars=100, size=len)]
    [1, 2]
    """
    if size is None:
        from ..nlp.base import doc_text

        def size(doc):
            return len(doc_text(doc))
    max_chars = BATCH_CHARS if max_chars is None else max_chars
    group, total = [], 0
    for item in items:
        n = size(item[0])
        if group and (len(group) >= batch_size or total + n > max_chars):
            yield group
            group, total = [], 0
        group.append(item)
        total += n
    if group:
        yield group


def _analyse_one(nlp, document: Document, spill_dir=None) -> DocResult:
    res = DocResult(document)
    if document.status != "ok":
        return res
    try:
        n_sent = 0
        for offset, d in _make_docs(nlp, document):
            n_sent += reduce_doc(nlp(d), res, offset, n_sent)
            _keep(res, spill_dir)
    except Exception as exc:  # noqa: BLE001
        res.release()
        document.fail("nlp", f"{type(exc).__name__}: {exc}")
        return DocResult(document)
    return drop_demonym_only(res)


def demonym_only_ids(mentions: Iterable[dict]) -> set[str]:
    """Actor ids that the given mentions (all those of one document) name only through a
    demonym noun ("les Néerlandais"), never by a name, a capital or a role.

    >>> sorted(demonym_only_ids([{"actor_id": "netherlands", "actor_rule": "demonym"},
    ...                          {"actor_id": "russia", "actor_rule": "demonym"},
    ...                          {"actor_id": "russia", "actor_rule": "metonym"}]))
    ['netherlands']
    """
    named, demonyms = set(), set()
    for m in mentions:
        (demonyms if m["actor_rule"] == "demonym" else named).add(m["actor_id"])
    return demonyms - named


def drop_demonym_only(result: DocResult) -> DocResult:
    """Move the mentions of actors that ``result``'s document names only by a demonym noun
    to its dropped mentions (reason ``demonym_only``): a nationality word names a people
    or a crowd, so the state is not listed as an actor of the document (CODEBOOK,
    *dropped_mentions*). The events keep it as agent or target (computed before): the
    actors table still has a row for a gazetteer actor that only events name."""
    ids = demonym_only_ids(m for piece in result.pieces() for m in piece.mentions)
    if not ids:
        return result

    def move(piece: DocResult) -> None:
        kept = []
        for m in piece.mentions:
            if m["actor_rule"] == "demonym" and m["actor_id"] in ids:
                piece.dropped.append({"doc_id": m["doc_id"], "start_char": m["start_char"],
                                      "end_char": m["end_char"], "text": m["text"], "label": m["label"],
                                      "reason": "demonym_only"})
            else:
                kept.append(m)
        piece.mentions = kept

    return result.map_pieces(move)


def _ext(span, name: str) -> str:
    return (getattr(span._, name) or "") if span.has_extension(name) else ""
