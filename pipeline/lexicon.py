"""French word lists and lexical tables kept as YAML data in ``models/``, validated on load.

A word-list file is a YAML mapping from a list name to its value. :func:`load_lexicon`
reads one file once (cached) and :func:`words`, :func:`table` and :func:`mapping` fetch a
named entry of the expected shape. A bad entry raises :class:`LexiconError` naming the
file, the key and the line, so that a researcher who edits a list knows what to fix.

>>> import tempfile, os
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "demo.yaml")
>>> _ = open(path, "w", encoding="utf-8").write("months: [janvier, février]\\nbad: [1, [2]]\\n")
>>> sorted(words(path, "months"))
['février', 'janvier']
>>> words(path, "bad")
Traceback (most recent call last):
...
pipeline.lexicon.LexiconError: demo.yaml, key 'bad', line 2: item 1 must be a word (a string), got int
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .paths import model_file


class LexiconError(ValueError):
    """A word-list file of ``models/`` is missing a key or holds a malformed entry."""


def _resolve(file: str | Path) -> Path:
    p = Path(file)
    return p if p.is_absolute() or p.parent != Path(".") else model_file(str(file))


@lru_cache(maxsize=None)
def _load(path: Path) -> tuple[dict, dict]:
    """(parsed mapping, line of each top-level key) of one YAML file."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = path.read_text(encoding="utf-8")
    parser = loader(text)
    try:
        # composed once: the node tree gives the key lines, and the same tree is constructed
        node = parser.get_single_node()
        data = parser.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{path.name}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    finally:
        parser.dispose()
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or node is None or not hasattr(node, "value"):
        raise LexiconError(f"{path.name}: must be a mapping of list names to lists or tables")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if hasattr(k, "value")}
    return data, lines


def load_lexicon(file: str | Path) -> dict:
    """The whole parsed file (a name of ``models/`` or a path)."""
    return _load(_resolve(file))[0]


def _entry(file, key: str):
    path = _resolve(file)
    data, lines = _load(path)
    if key not in data:
        raise LexiconError(f"{path.name}: the key {key!r} is missing")
    return path, data[key], lines.get(key)


def _where(path: Path, key: str, line) -> str:
    return f"{path.name}, key {key!r}" + (f", line {line}" if line else "")


def _kind(value) -> str:
    return {list: "a list", dict: "a mapping", type(None): "nothing"}.get(type(value), type(value).__name__)


def words(file: str | Path, key: str) -> frozenset[str]:
    """The list ``key`` of ``file`` as a frozenset of strings."""
    return frozenset(word_list(file, key))


def word_list(file: str | Path, key: str) -> tuple[str, ...]:
    """The list ``key`` of ``file``, in file order (for lists whose order matters)."""
    path, value, line = _entry(file, key)
    if not isinstance(value, list):
        raise LexiconError(f"{_where(path, key, line)}: must be a list of words, got {_kind(value)}")
    for i, w in enumerate(value, 1):
        if not isinstance(w, str) or not w:
            raise LexiconError(f"{_where(path, key, line)}: item {i} must be a word (a string), got {_kind(w)}")
    return tuple(value)


def mapping(file: str | Path, key: str, value_type: type | tuple = str) -> dict:
    """The table ``key`` of ``file``: a mapping of strings to values of ``value_type``."""
    path, value, line = _entry(file, key)
    if not isinstance(value, dict):
        raise LexiconError(f"{_where(path, key, line)}: must be a mapping, got {_kind(value)}")
    for k, v in value.items():
        if not isinstance(k, str):
            raise LexiconError(f"{_where(path, key, line)}: the entry {k!r} must have a word as its key")
        if not isinstance(v, value_type) or isinstance(v, bool) and value_type is not bool:
            raise LexiconError(f"{_where(path, key, line)}: the value of {k!r} has the wrong type ({_kind(v)})")
    return dict(value)


def table(file: str | Path, key: str) -> dict[str, frozenset[str]]:
    """The table ``key`` of ``file``: a mapping of names to word lists (as frozensets)."""
    path, value, line = _entry(file, key)
    if not isinstance(value, dict):
        raise LexiconError(f"{_where(path, key, line)}: must be a mapping of names to word lists, got {_kind(value)}")
    out = {}
    for k, v in value.items():
        if not isinstance(v, list) or not all(isinstance(w, str) and w for w in v):
            raise LexiconError(f"{_where(path, key, line)}: {k!r} must be a list of words")
        out[str(k)] = frozenset(v)
    return out
