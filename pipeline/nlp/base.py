"""Shared base for actorgraph's spaCy components."""
from __future__ import annotations


def register_extensions(cls, *names: str) -> None:
    """Declare ``cls._.NAME`` (default None) for each name not declared yet, so that
    components can be imported in any order."""
    for name in names:
        if not cls.has_extension(name):
            cls.set_extension(name, default=None)


class StatelessComponent:
    """Base of a component whose only state is the data it reads from ``models/`` at
    construction: documents are processed one by one, and ``nlp.to_disk``/``from_disk``
    have nothing to save."""

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def to_disk(self, path, *, exclude=tuple()):  # pragma: no cover - nothing to save
        return None

    def from_disk(self, path, *, exclude=tuple()):  # pragma: no cover
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:  # pragma: no cover
        return b""

    def from_bytes(self, data: bytes, *, exclude=tuple()):  # pragma: no cover
        return self
