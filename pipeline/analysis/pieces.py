"""The records of a long document, written out piece by piece while it is analysed.

A document is parsed in pieces of at most ``CHUNK_CHARS`` characters
(:func:`pipeline.analysis.extract.split_text`); the records of a long one would all be held
until the document is done, so memory would grow with its size. With a spill folder, once a
document's records in memory reach :data:`SPILL_RECORDS`, they are appended to a spill file
of that document as one *piece* (a dict of record lists, offsets already into the whole
text) and dropped from memory. The consumers of a result read its records piece by piece
(:meth:`pipeline.analysis.extract.DocResult.pieces`): the spool writes each piece as it
comes, the cache stores each piece as a row of its own (:class:`CachedPieces`).

A spill file is a sequence of pickle frames in a folder of the run (removed with it); it
is read back in the order written, and removed by :meth:`SpillFile.remove` once consumed.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterator

#: records (mentions, timexes, events, dropped mentions and sentences) a document holds in
#: memory at most before they are written to its spill file
SPILL_RECORDS = 20_000

#: the record lists of a piece, as named on :class:`pipeline.analysis.extract.DocResult`
PIECE_LISTS = ("mentions", "timexes", "events", "dropped", "sentences")


class SpillFile:
    """Pieces of one document's records, appended to a file and read back in order."""

    def __init__(self, path: Path | str, n: int = 0):
        self.path, self.n = Path(path), n

    @classmethod
    def create(cls, folder: Path | str) -> "SpillFile":
        Path(folder).mkdir(parents=True, exist_ok=True)
        fd, path = tempfile.mkstemp(prefix="pieces-", suffix=".pkl", dir=folder)
        os.close(fd)
        return cls(path)

    def append(self, piece: dict) -> None:
        with open(self.path, "ab") as fh:
            pickle.dump(piece, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.n += 1

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[dict]:
        with open(self.path, "rb") as fh:
            for _ in range(self.n):
                yield pickle.load(fh)

    def remove(self) -> None:
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def __repr__(self) -> str:
        return f"SpillFile({str(self.path)!r}, {self.n} pieces)"


class CachedPieces:
    """The pieces of a cached result, read one at a time from the cache's SQLite file
    (a connection of their own: the run's connection may be closed or busy meanwhile)."""

    def __init__(self, db_path: Path | str, key: str, n: int, doc_id: str, decode):
        self.db_path, self.key, self.n, self.doc_id, self._decode = Path(db_path), key, n, doc_id, decode

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[dict]:
        db = sqlite3.connect(self.db_path, timeout=60)
        try:
            for i in range(self.n):
                row = db.execute("SELECT data FROM pieces WHERE key = ? AND n = ?", (self.key, i)).fetchone()
                if row is None:
                    raise RuntimeError(f"the result cache lost piece {i} of document {self.doc_id}; "
                                       "run again with --no-cache")
                piece = self._decode(row[0])
                for name in PIECE_LISTS:
                    if name != "sentences":
                        piece[name] = [{"doc_id": self.doc_id, **rec} for rec in piece.get(name, [])]
                    else:
                        piece[name] = [tuple(s) for s in piece.get(name, [])]
                yield piece
        finally:
            db.close()

    def remove(self) -> None:
        """Nothing to remove: the cache keeps its rows."""
