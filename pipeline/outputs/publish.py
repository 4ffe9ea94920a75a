"""Own an output folder for the length of a run, and put a run's files into it as one set.

- **A lock.** A run holds an exclusive ``flock`` on ``OUT/.actorgraph.lock`` (opened
  without following a symlink) from start to end; a second run into the same folder is
  refused with one sentence naming the live run's process id. Only the lock holder removes
  staging folders left by killed runs, so a live run's files are never deleted.
- **A staging folder we create.** Every output is written into a fresh
  ``OUT/.actorgraph-staging-XXXX`` (``mkdtemp``: created exclusively, mode 0700), so no
  file is ever opened through a link planted in ``OUT``; creating it is the write check.
- **A recorded switch.** Before the first rename, ``OUT/.actorgraph-switch.json`` records
  the staging folder and the set of files, and the old ``manifest.json`` is removed; the
  files are renamed into ``OUT`` and the new ``manifest.json`` comes last. A folder with
  a switch record, or without ``manifest.json``, is incomplete: the next run (or
  :func:`repair`) finishes the interrupted switch from the staging folder.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, a run is not guarded
    fcntl = None

LOCK_NAME = ".actorgraph.lock"
SWITCH_NAME = ".actorgraph-switch.json"
STAGING_PREFIX = ".actorgraph-staging-"
#: dotfiles of ours an output folder may hold
OWN_DOTFILES = frozenset({LOCK_NAME, SWITCH_NAME, ".gitkeep"})


class OutputBusy(RuntimeError):
    """Another live run holds the output folder."""


class OutputLock:
    """``with OutputLock(out):`` — an exclusive, non-blocking lock on the output folder."""

    def __init__(self, out: Path):
        self.path = Path(out) / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        self.fd = os.open(self.path, flags, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(self.fd, 32, 0).decode("ascii", "replace").strip()
                os.close(self.fd)
                self.fd = None
                who = f" (process {holder})" if holder.isdigit() else ""
                raise OutputBusy(f"another actorgraph run{who} is writing into {self.path.parent}; "
                                 "wait for it to finish or choose another --out") from None
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the flock; the file stays (removing it would race)
            self.fd = None


def new_staging(out: Path) -> Path:
    """A fresh staging folder inside ``out`` (only the lock holder should call this)."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))


def remove_stale_staging(out: Path, keep: Path | None = None) -> None:
    """Staging folders of killed runs; call only while holding the lock."""
    for p in Path(out).glob(STAGING_PREFIX + "*"):
        if p != keep and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)


def switch(stage: Path, out: Path, files: list[str]) -> None:
    """Move ``files`` (``manifest.json`` among them) from ``stage`` into ``out`` as one set."""
    names = sorted(set(files) - {"manifest.json"}) + ["manifest.json"]
    record = {"staging": stage.name, "files": names}
    tmp = stage / SWITCH_NAME
    with open(tmp, "w", encoding="utf-8") as fh:  # inside our own folder
        json.dump(record, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out / SWITCH_NAME)
    try:
        (out / "manifest.json").unlink()  # the old set is no longer complete
    except FileNotFoundError:
        pass
    _finish(out, stage, names)


def _finish(out: Path, stage: Path, names: list[str]) -> None:
    for name in names:
        src = stage / name
        if src.exists():
            os.replace(src, out / name)
    (out / SWITCH_NAME).unlink(missing_ok=True)
    shutil.rmtree(stage, ignore_errors=True)


def pending_switch(out: Path) -> dict | None:
    """The record of an interrupted switch in ``out``, or None."""
    path = Path(out) / SWITCH_NAME
    if not path.is_file() or path.is_symlink():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"staging": "", "files": []}
    return record if isinstance(record, dict) else {"staging": "", "files": []}


def repair(out: Path) -> str:
    """Finish a switch that a killed run left half done (call while holding the lock).

    Returns ``""`` when nothing was pending, ``"finished"`` when the set was completed
    from its staging folder, ``"incomplete"`` when the staging folder is gone (the folder
    then has no ``manifest.json``; the run about to start replaces the set)."""
    record = pending_switch(out)
    if record is None:
        return ""
    staging = str(record.get("staging", ""))
    names = [n for n in record.get("files", []) if isinstance(n, str) and "/" not in n and not n.startswith(".")]
    out = Path(out)
    stage = out / staging
    if staging.startswith(STAGING_PREFIX) and "/" not in staging and stage.is_dir() and not stage.is_symlink() \
            and names and names[-1] == "manifest.json":
        if (stage / "manifest.json").is_file():
            _finish(out, stage, names)
            return "finished"
        if (out / "manifest.json").is_file():  # killed after the last rename
            _finish(out, stage, [])
            return "finished"
    (out / SWITCH_NAME).unlink(missing_ok=True)
    return "incomplete"
