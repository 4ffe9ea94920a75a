"""The outputs of a run, kept beside the result cache, for a re-run that changes nothing.

Reducing the records, building the graph (measures, layout) and writing the exports take
most of a re-run whose documents all come from the result cache, and they produce the same
bytes as the last time: they depend only on the documents (as read, in order), the pipeline
(code, data files, versions: :func:`pipeline.analysis.cache.pipeline_fingerprint`) and the
settings of the run that change outputs. A run with the cache on hashes exactly that
(:class:`OutputKey`) while the documents stream past; when every document was taken from
the result cache and an output set with the same key is kept, its files are copied into the
new output folder instead of being written again (``manifest.json`` is always written anew:
it holds the timings and the counts of this run).

Kept under ``<cache folder>/outputs/<key>/``: the files and ``summary.json``. At most
:data:`KEEP` sets are kept (the least recently used go first), and none larger than
:data:`MAX_BYTES` (a large corpus's outputs are not copied twice). Any fault here only
costs the shortcut, never the run.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import asdict
from pathlib import Path

#: output sets kept at most
KEEP = 4
#: the largest output set kept (bytes)
MAX_BYTES = 256 * 1024 * 1024
_FAULTS = (OSError, ValueError, KeyError, TypeError)


class OutputKey:
    """SHA-1 of the settings and of every document of a run, fed as they stream past."""

    def __init__(self, fingerprint: str, settings: dict):
        self._h = hashlib.sha1()
        self._h.update(fingerprint.encode())
        self._h.update(json.dumps(settings, sort_keys=True, default=str).encode())

    def add(self, document) -> None:
        data = json.dumps(asdict(document), sort_keys=True, ensure_ascii=False, default=str)
        self._h.update(hashlib.sha1(data.encode("utf-8", "surrogatepass")).digest())

    def feed(self, results):
        """Pass map results (:class:`~pipeline.analysis.extract.DocResult`) on, each
        document added to the key."""
        for r in results:
            self.add(r.doc)
            yield r

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def _folder(cache_folder: Path, key: str) -> Path:
    return Path(cache_folder) / "outputs" / key


def restore(cache_folder: Path, key: str, stage: Path) -> dict | None:
    """Copy the output set kept under ``key`` into ``stage``; its summary, or None."""
    folder = _folder(cache_folder, key)
    try:
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        if any(not isinstance(n, str) or Path(n).name != n or n in ("", ".", "..") for n in summary["written"]):
            return None  # a damaged or foreign summary: only plain file names are copied
        for name in summary["written"]:
            shutil.copyfile(folder / name, stage / name)
        os.utime(folder)  # recently used
        return summary
    except _FAULTS:
        return None


def store(cache_folder: Path, key: str, stage: Path, written: list[str], summary: dict) -> bool:
    """Keep the output set of ``stage`` under ``key``; False when it is not kept."""
    try:
        if sum((stage / name).stat().st_size for name in written) > MAX_BYTES:
            return False
        root = Path(cache_folder) / "outputs"
        root.mkdir(parents=True, exist_ok=True)
        tmp = root / f".tmp-{key}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name in written:
            shutil.copyfile(stage / name, tmp / name)
        (tmp / "summary.json").write_text(json.dumps({**summary, "written": written}), encoding="utf-8")
        final = _folder(cache_folder, key)
        shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)
        _prune(root)
        return True
    except _FAULTS:
        return False


def _prune(root: Path) -> None:
    sets = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for p in sets[KEEP:]:
        shutil.rmtree(p, ignore_errors=True)
    for p in root.glob(".tmp-*"):  # left by a killed run, an hour old at least
        if time.time() - p.stat().st_mtime > 3600:
            shutil.rmtree(p, ignore_errors=True)
