"""Reprinted stories: documents that tell one story with small edits share a ``story_id``.

The same wire story printed by five newspapers, with another title, a rewritten first
sentence or a dropped last paragraph, should count once in the network, not five times.
Documents are compared by the word 3-shingles of their cleaned text (lowercase words, so
typography does not matter):

1. **MinHash**: each document becomes a signature of :data:`NUM_PERM` minimum hash values
   of its shingles, by one-permutation hashing with densification (:func:`signatures`),
   computed for many documents at once with numpy; words are hashed with CRC-32 and the
   constants come from a fixed seed, so the same text always gives the same signature;
2. **LSH**: signatures are cut into :data:`BANDS` bands of :data:`ROWS` values; documents
   whose band values are equal in at least one band become candidate pairs (the chance of
   that is 1 - (1 - J^ROWS)^BANDS for a Jaccard similarity J: 0.67 at J = 0.3, 0.99 at
   0.5, about 3e-4 for two unrelated texts at J = 0.02). Up to :data:`EXHAUSTIVE`
   documents every pair is compared instead, so that a small corpus leaves no reprint to
   the chance of the bands;
3. **check**: a candidate pair is one story when the estimated Jaccard similarity of the
   two shingle sets is at least :data:`MIN_JACCARD`, or when the shorter text is mostly
   inside the longer one (:data:`MIN_CONTAINMENT`, a dispatch cut in half);
4. stories are the connected components of those pairs; a story's id is the ``doc_id`` of
   its earliest document (publication date, then ``doc_id``), so a document printed once
   is its own story and the ids do not depend on the order documents were read in.

Memory is one signature (4 bytes x NUM_PERM) per document; time grows linearly with the
corpus (see ``benchmarks/stories.py``). Sizes in the containment test count shingles with
their repeats (a close enough estimate of the set sizes).

>>> a = "Les ministres se sont entendus lundi sur un nouveau train de sanctions contre les banques."
>>> b = "Réunis lundi, les ministres se sont entendus sur un nouveau train de sanctions contre les banques."
>>> c = "Le prix du gaz a atteint jeudi un niveau record sur le marché européen de référence."
>>> group_stories([("d1", a, "2022-03-01"), ("d2", b, "2022-03-01"), ("d3", c, "2022-03-03")])
{'d1': 'd1', 'd2': 'd1', 'd3': 'd3'}
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Mapping
from typing import Iterable

import numpy as np
import pyarrow as pa

SHINGLE = 3  # words per shingle
NUM_PERM = 120  # values per signature (one-permutation hashing: one bin each)
BANDS, ROWS = 40, 3
MIN_JACCARD = 0.3
MIN_CONTAINMENT = 0.7
MIN_SHINGLES = 5  # shorter texts are never grouped (too little evidence)
BATCH_WORDS = 1_000_000  # words hashed at once
EXHAUSTIVE = 3000  # up to this many documents every pair is compared (no LSH)
LONG_TEXT = 1_000_000  # characters: a longer text is read in slices of about this size
SEED = 20_220_224

_WORD = re.compile(r"\w+")
_EMPTY = np.uint32(0xFFFFFFFF)
_rng = np.random.default_rng(SEED)
_MIX = (_rng.integers(1, 2**63, size=SHINGLE, dtype=np.uint64) * np.uint64(2) + np.uint64(1))
_BAND_MIX = _rng.integers(1, 2**63, size=ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_DENSIFY = np.uint32(0x9E3779B1)


class _Vocabulary(dict):
    """word -> 64-bit hash (two CRC-32s: deterministic across processes, unlike hash())."""

    def __missing__(self, word: str) -> int:
        raw = word.encode("utf-8")
        value = zlib.crc32(raw) | (zlib.crc32(raw, 0x5BD1E995) << 32)
        self[word] = value
        return value


def _mix64(h: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64): every output bit depends on every input bit."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(30))
        h = h * np.uint64(0xBF58476D1CE4E5B9)
        h = h ^ (h >> np.uint64(27))
        h = h * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))


def shingle_hashes(word_ids: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hash of every word 3-shingle, index of its document) for documents whose word
    hashes are concatenated in ``word_ids`` (``lengths`` words each, all >= SHINGLE)."""
    n = len(word_ids) - SHINGLE + 1
    with np.errstate(over="ignore"):
        h = word_ids[:n] * _MIX[0]
        for k in range(1, SHINGLE):
            h = h + word_ids[k:k + n] * _MIX[k]
    doc = np.repeat(np.arange(len(lengths)), lengths)[:n]
    starts = np.cumsum(lengths) - lengths
    ends = starts + lengths - SHINGLE + 1  # windows that stay inside their document
    pos = np.arange(n)
    keep = pos < ends[doc]
    return _mix64(h[keep]), doc[keep]


def signatures(hashes: np.ndarray, doc: np.ndarray, n_docs: int) -> np.ndarray:
    """MinHash signatures (n_docs x NUM_PERM, uint32) by one-permutation hashing: each
    shingle falls in one of NUM_PERM bins (its hash modulo NUM_PERM) and a bin keeps the
    smallest high half of its shingles' hashes; an empty bin takes the value of the next
    filled bin, shifted by the distance (rotation densification). Linear in the shingles."""
    return _densify(_bin_minima(hashes, doc, n_docs))


def _bin_minima(hashes: np.ndarray, doc: np.ndarray, n_docs: int) -> np.ndarray:
    """The smallest value of each bin (n_docs x NUM_PERM), ``_EMPTY`` where a bin has none."""
    bins = (hashes % np.uint64(NUM_PERM)).astype(np.int64)
    values = (hashes >> np.uint64(32)).astype(np.uint32)
    values = np.minimum(values, _EMPTY - np.uint32(1))
    sig = np.full(n_docs * NUM_PERM, _EMPTY, dtype=np.uint32)
    np.minimum.at(sig, doc * NUM_PERM + bins, values)
    return sig.reshape(n_docs, NUM_PERM)


def _densify(sig: np.ndarray) -> np.ndarray:
    empty = sig == _EMPTY
    if empty.any():
        twice = np.concatenate([sig, sig], axis=1)
        pos = np.where(np.concatenate([~empty, ~empty], axis=1), np.arange(2 * NUM_PERM), 4 * NUM_PERM)
        nxt = np.minimum.accumulate(pos[:, ::-1], axis=1)[:, ::-1][:, :NUM_PERM]
        dist = (nxt - np.arange(NUM_PERM)).astype(np.uint32)
        with np.errstate(over="ignore"):
            filled = np.take_along_axis(twice, np.minimum(nxt, 2 * NUM_PERM - 1), axis=1) + dist * _DENSIFY
        sig = np.where(empty, filled, sig)
    return sig


def all_pairs(sig: np.ndarray, min_share: float, block: int = 256) -> np.ndarray:
    """Pairs (i, j), i < j, of rows that agree on at least ``min_share`` of their values,
    comparing every row with every other (small corpora: no pair is left to chance)."""
    n = len(sig)
    out = []
    for s in range(0, n, block):
        eq = (sig[s:s + block, None, :] == sig[None, :, :]).mean(axis=2)
        i, j = np.nonzero(eq >= min_share)
        i = i + s
        keep = j > i
        out.append(np.stack([i[keep], j[keep]], axis=1))
    return np.concatenate(out) if out else np.empty((0, 2), dtype=np.int64)


def candidate_pairs(sig: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, of rows that agree on all values of at least one band; each
    band links the members of a bucket to its first member. Up to :data:`EXHAUSTIVE`
    documents, every pair is compared instead."""
    n = len(sig)
    pairs = []
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    if n <= EXHAUSTIVE:
        return all_pairs(sig, MIN_JACCARD / 3)
    for b in range(BANDS):
        band = sig[:, b * ROWS:(b + 1) * ROWS].astype(np.uint64)
        with np.errstate(over="ignore"):
            keys = (band * _BAND_MIX[None, :]).sum(axis=1) ^ band[:, 0]
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        same = np.r_[False, sk[1:] == sk[:-1]]
        if not same.any():
            continue
        run_start = np.maximum.accumulate(np.where(~same, np.arange(n), 0))
        members = np.nonzero(same)[0]
        first = order[run_start[members]]
        other = order[members]
        pairs.append(np.stack([np.minimum(first, other), np.maximum(first, other)], axis=1))
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(pairs), axis=0)


def similar(sig: np.ndarray, sizes: np.ndarray, pairs: np.ndarray, chunk: int = 50_000) -> np.ndarray:
    """The pairs that are one story (see the module's description)."""
    keep = []
    for s in range(0, len(pairs), chunk):
        p = pairs[s:s + chunk]
        j = (sig[p[:, 0]] == sig[p[:, 1]]).mean(axis=1)
        a, b = sizes[p[:, 0]], sizes[p[:, 1]]
        inter = j / (1.0 + j) * (a + b)
        containment = inter / np.minimum(a, b)
        keep.append(p[(j >= MIN_JACCARD) | ((containment >= MIN_CONTAINMENT) & (j >= MIN_JACCARD / 3))])
    return np.concatenate(keep) if keep else np.empty((0, 2), dtype=np.int64)


def _components(n: int, pairs: np.ndarray) -> np.ndarray:
    parent = np.arange(n)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs.tolist():
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.array([find(i) for i in range(n)], dtype=np.int64)


class StoryGrouper:
    """Feed ``(doc_id, text, published)`` one at a time; :meth:`groups` gives the stories.
    Only signatures are kept, never the texts."""

    def __init__(self):
        self.ids: list[str] = []
        self.dates: list[str] = []
        self.sizes: list[int] = []
        self.alone: list[str] = []  # too short to compare
        self._sigs: list[np.ndarray] = []
        self._words: list[int] = []
        self._lengths: list[int] = []
        self._vocab = _Vocabulary()

    def add(self, doc_id: str, text: str, published: str = "") -> None:
        if len(text) > LONG_TEXT:
            self._add_long(doc_id, text, published)
            return
        words = _WORD.findall(text.lower())
        if len(words) < MIN_SHINGLES + SHINGLE - 1:
            self.alone.append(doc_id)
            return
        vocab = self._vocab
        self.ids.append(doc_id)
        self.dates.append(published or "")
        self.sizes.append(len(words) - SHINGLE + 1)
        self._words.extend([vocab[w] for w in words])
        self._lengths.append(len(words))
        if len(self._words) >= BATCH_WORDS:
            self._flush()
        if len(vocab) > 2_000_000:  # keep the word cache bounded
            vocab.clear()

    def _add_long(self, doc_id: str, text: str, published: str) -> None:
        """:meth:`add` for a long text, read in slices of about :data:`LONG_TEXT`
        characters cut after a whitespace (no word, and no letter's lowercase context, spans
        two slices): the bins' minima of each slice's shingles (with the last words of the
        slice before) are merged, so memory holds one slice's words, not the text's."""
        vocab = self._vocab
        minima = np.full((1, NUM_PERM), _EMPTY, dtype=np.uint32)
        tail: list[int] = []
        n_words = start = 0
        while start < len(text):
            end = min(start + LONG_TEXT, len(text))
            while end < len(text) and not text[end - 1].isspace():
                end += 1
            ids = tail + [vocab[w] for w in _WORD.findall(text[start:end].lower())]
            n_words += len(ids) - len(tail)
            if len(ids) >= SHINGLE:
                hashes, doc = shingle_hashes(np.array(ids, dtype=np.uint64), np.array([len(ids)], dtype=np.int64))
                minima = np.minimum(minima, _bin_minima(hashes, doc, 1))
            tail = ids[-(SHINGLE - 1):]
            start = end
            if len(vocab) > 2_000_000:
                vocab.clear()
        if n_words < MIN_SHINGLES + SHINGLE - 1:
            self.alone.append(doc_id)
            return
        self._flush()  # the signatures stay in the order of the ids
        self.ids.append(doc_id)
        self.dates.append(published or "")
        self.sizes.append(n_words - SHINGLE + 1)
        self._sigs.append(_densify(minima))

    def _flush(self) -> None:
        if self._lengths:
            ids = np.array(self._words, dtype=np.uint64)
            lengths = np.array(self._lengths, dtype=np.int64)
            hashes, doc = shingle_hashes(ids, lengths)
            self._sigs.append(signatures(hashes, doc, len(lengths)))
            self._words, self._lengths = [], []

    def groups(self) -> dict[str, str]:
        """``doc_id -> story_id`` of every document added."""
        self._flush()
        out = {d: d for d in self.alone}
        if not self.ids:
            return out
        sig = np.concatenate(self._sigs)
        pairs = similar(sig, np.asarray(self.sizes, dtype=np.float64), candidate_pairs(sig))
        roots = _components(len(self.ids), pairs)
        best: dict[int, tuple[str, str]] = {}
        for k, r in enumerate(roots.tolist()):
            key = (self.dates[k] or "9999", self.ids[k])
            if r not in best or key < best[r]:
                best[r] = key
        for k, r in enumerate(roots.tolist()):
            out[self.ids[k]] = best[r][1]
        return out


def group_stories(items: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """``doc_id -> story_id`` for ``(doc_id, text, published)`` items."""
    g = StoryGrouper()
    for doc_id, text, published in items:
        g.add(doc_id, text, published)
    return g.groups()


# ---------------------------------------------------------------------------- the reduce step
def spool_stories(spool, documents) -> dict[str, str]:
    """``doc_id -> story_id`` (pipeline.reduce.stories) of the analysed documents, read
    part by part from the spool; an exact duplicate gets the story of the document whose
    text it repeats, an error document none."""
    from .writer import iter_rows

    grouper = StoryGrouper()
    for part in spool.iter_parts("documents", ["doc_id", "status", "published", "text"]):
        for doc_id, status, date, text in iter_rows(part, ["doc_id", "status", "published", "text"]):
            if status == "ok":
                grouper.add(doc_id, text, date)
    story_of = grouper.groups()
    by_hash = {h: story_of[d] for d, h, s in zip(documents["doc_id"], documents["content_hash"], documents["status"])
               if s == "ok" and d in story_of}
    for d, h, s in zip(documents["doc_id"], documents["content_hash"], documents["status"]):
        if s == "duplicate" and h in by_hash:
            story_of[d] = by_hash[h]
    return story_of


def reprint_map(story_of: Mapping) -> dict[str, str]:
    """``doc_id -> story_id`` of the documents whose story has more than one document
    (the others count as a story each)."""
    size = Counter(story_of.values())
    return {d: s for d, s in story_of.items() if size[s] > 1}


def with_stories(chunk: pa.Table, story_of: Mapping) -> pa.Table:
    """A documents chunk with its ``story_id`` column filled in."""
    i = chunk.schema.get_field_index("story_id")
    values = pa.array([story_of.get(d, "") for d in chunk.column("doc_id").to_pylist()], type=chunk.schema.field(i).type)
    return chunk.set_column(i, "story_id", values)
