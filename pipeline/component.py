"""Shared base for actorgraph's spaCy components."""
from __future__ import annotations


class StatelessComponent:
    """Serialisation hooks for a component whose only state is the data it reads from
    ``models/`` at construction: ``nlp.to_disk``/``from_disk`` have nothing to save."""

    def to_disk(self, path, *, exclude=tuple()):  # pragma: no cover - nothing to save
        return None

    def from_disk(self, path, *, exclude=tuple()):  # pragma: no cover
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:  # pragma: no cover
        return b""

    def from_bytes(self, data: bytes, *, exclude=tuple()):  # pragma: no cover
        return self
