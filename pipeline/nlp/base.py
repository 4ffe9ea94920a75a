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


_TEXT_KEY = "actorgraph.text"


def doc_text(doc) -> str:
    """``doc.text``, made once per document and kept in ``doc.user_data``: spaCy's
    ``Doc.text`` joins the text of every token at each call, and the components read it
    again and again. A document's text never changes once it is tokenised (merging or
    splitting tokens keeps it).

    >>> import spacy; doc = spacy.blank("fr")("La Russie a envahi l'Ukraine.")
    >>> doc_text(doc) == doc.text, doc_text(doc)[:9]
    (True, 'La Russie')
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc, text: str) -> None:
    """Keep ``text`` as the text of ``doc`` (for :func:`doc_text`): the text the tokenizer
    was given, which spaCy's tokenisation never changes (``doc.text == text``)."""
    doc.user_data[_TEXT_KEY] = text


def span_text(span) -> str:
    """``span.text`` read from the cached document text (spaCy joins the span's tokens one
    by one): the text from the span's first character to its last token's end.

    >>> import spacy; doc = spacy.blank("fr")("La Russie a envahi l'Ukraine.")
    >>> span_text(doc[1:4]), doc[1:4].text
    ('Russie a envahi', 'Russie a envahi')
    """
    return doc_text(span.doc)[span.start_char:span.end_char]
