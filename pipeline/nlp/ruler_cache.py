"""The token keys of the actor ruler's phrase patterns, kept on disk between runs.

The actor ruler (:mod:`pipeline.nlp.actors`) matches about 8,000 gazetteer forms by the
lowercase form of their tokens. Tokenising the forms makes a spaCy lexeme for every new
word, which takes most of the ruler's set-up (about 0.3 s a process). A form's tokens
depend only on the tokenizer, so the run keeps, in its cache folder, the lowercase-form
hashes of each form's tokens (what :class:`spacy.matcher.PhraseMatcher` compares), in
``ruler-patterns.json``, under a key made of spaCy's version and the tokenizer's own
serialisation (its exceptions and prefix, suffix and infix rules, with ours added). A form
missing from the file is tokenised and the file rewritten; a file made by another
tokenizer, or damaged (unreadable, the wrong shape, a checksum that does not match), is
rebuilt with a note on stderr. Nothing is downloaded, and the matches are the same with or
without the file.

The run sets the folder for the processes it starts with :func:`use_folder` (an
environment variable, so that worker processes inherit it); without it the forms are
tokenised each time, as the tests do.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

#: environment variable naming the folder of the pattern file (set by the run, inherited by workers)
CACHE_ENV = "ACTORGRAPH_PATTERN_CACHE"
CACHE_FILE = "ruler-patterns.json"
FORMAT = 1

Keys = dict[str, tuple[int, ...]]


def folder_from_env() -> str | None:
    return os.environ.get(CACHE_ENV) or None


@contextlib.contextmanager
def use_folder(folder: str | Path | None) -> Iterator[None]:
    """Within the block, pipelines loaded in this process or in the processes it starts
    keep their pattern keys in ``folder`` (None: not on disk)."""
    before = os.environ.get(CACHE_ENV)
    if folder is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(CACHE_ENV, None)
        else:
            os.environ[CACHE_ENV] = before


def _pattern_of(fn) -> str:
    """The regular expression behind a tokenizer callable (``prefix_search`` ...), or ""."""
    owner = getattr(fn, "__self__", None)
    return str(getattr(owner, "pattern", "")) if fn is not None else ""


def tokenizer_key(nlp) -> str:
    """SHA-1 of spaCy's version, the model's name and version and the tokenizer's rules:
    its special cases and its prefix, suffix, infix, token and URL expressions. Written
    in a fixed order (``Tokenizer.to_bytes`` is not: it changes from one process to the
    next)."""
    import spacy

    tok = nlp.tokenizer
    parts = {
        "spacy": spacy.__version__, "format": FORMAT,
        "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}",
        "rules": tok.rules or {},
        "prefix": _pattern_of(tok.prefix_search), "suffix": _pattern_of(tok.suffix_search),
        "infix": _pattern_of(tok.infix_finditer), "token_match": _pattern_of(tok.token_match),
        "url_match": _pattern_of(tok.url_match), "faster_heuristics": bool(getattr(tok, "faster_heuristics", True)),
    }
    return hashlib.sha1(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def tokenise(nlp, texts: Iterable[str]) -> Keys:
    """The lowercase-form hash of each token of each text, as the tokenizer splits it."""
    texts = list(texts)
    return {t: tuple(tok.lower for tok in doc) for t, doc in zip(texts, nlp.tokenizer.pipe(texts))}


def _checksum(entries: dict) -> str:
    return hashlib.sha1(json.dumps(entries, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _read(path: Path, key: str) -> tuple[Keys, str]:
    """(stored keys, why the file was not used: "" when it was, or when there is none)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, ""
    except (OSError, UnicodeDecodeError) as exc:
        return {}, f"unreadable ({exc})"
    try:
        data = json.loads(raw)
    except ValueError:
        return {}, "not valid JSON"
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}, "not a pattern file of this version"
    if data.get("tokenizer") != key:
        return {}, "made with another tokenizer or spaCy version"
    entries = data["entries"]
    if data.get("checksum") != _checksum(entries):
        return {}, "damaged (its checksum does not match)"
    out: Keys = {}
    for text, hashes in entries.items():
        if not isinstance(hashes, list) or not all(type(h) is int and h >= 0 for h in hashes):
            return {}, "damaged (an entry is not a list of token hashes)"
        out[text] = tuple(hashes)
    return out, ""


def _write(path: Path, key: str, keys: Keys) -> None:
    entries = {t: list(h) for t, h in sorted(keys.items())}
    data = {"format": FORMAT, "tokenizer": key, "checksum": _checksum(entries), "entries": entries}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a reader sees the old file or the new one
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def pattern_keys(nlp, texts: Iterable[str], folder: str | Path | None = None) -> Keys:
    """:func:`tokenise` for ``texts``, read from and kept in ``folder`` when one is given."""
    texts = sorted(set(texts))
    if folder is None:
        return tokenise(nlp, texts)
    key = tokenizer_key(nlp)
    path = Path(folder) / CACHE_FILE
    stored, problem = _read(path, key)
    if problem:
        print(f"actorgraph: note: the actor patterns kept in {path} are {problem}; they are made again",
              file=sys.stderr)
    missing = [t for t in texts if t not in stored]
    if missing:
        stored.update(tokenise(nlp, missing))
        _write(path, key, stored)
    return {t: stored[t] for t in texts}
