"""Evidence sentences for report.html: the sentences behind co-mention edges and events.

Evidence of a co-mention edge: up to :data:`N_EVIDENCE` sentences naming both actors,
at most one per document first. A sentence's text is the cleaned text between the
parser's sentence boundaries (``Tables.sentences``); when those are not known (tables
built from records without them), the sentence is found by expanding the mentions'
offsets to the nearest sentence end (``.``, ``!``, ``?``, ``…`` followed by a space) or
line break on each side. Sentences longer than :data:`MAX_SENTENCE` characters are cut
around the mentions. Evidence of an event (action edges, the actor panel): its
``sentence``, the trigger marked.
"""
from __future__ import annotations

import re
from collections import defaultdict, namedtuple

from ..reduce.tables import Tables

_Event = namedtuple("_Event", "doc_id sentence_id event_id agent_id target_id event_type sentence trigger "
                              "start_char end_char modality date")

N_EVIDENCE = 3
MAX_SENTENCE = 400
_SENT_END = re.compile(r"(?:[.!?…]+[»\"”’)]*\s+)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` by a simple rule: from after the previous
    sentence end (``.``, ``!``, ``?``, ``…`` and closing quotes followed by whitespace) or
    line break, to the next one (included), whitespace stripped.

    >>> t = "Premier point. La Russie et l'OTAN discutent. Fin"
    >>> s, e = sentence_bounds(t, 18, 24); t[s:e]
    "La Russie et l'OTAN discutent."
    """
    lo = 0
    for m in _SENT_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENT_END.search(text, end)
    hi = m.start() + len(m.group(0).rstrip()) if m else len(text)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _cut(s: int, e: int, marks: list[tuple[int, int]], limit: int = MAX_SENTENCE) -> tuple[int, int]:
    """A window of at most ``limit`` characters of [s, e) that holds the marks if it can."""
    if e - s <= limit:
        return s, e
    lo = min((a for a, _ in marks), default=s)
    hi = max((b for _, b in marks), default=s)
    if hi - lo >= limit:
        return lo, lo + limit
    pad = (limit - (hi - lo)) // 2
    a = max(s, lo - pad)
    b = min(e, a + limit)
    a = max(s, b - limit)
    return a, b


class _Sentences:
    """Evidence sentences, stored once each, referenced by index from the edges.

    :meth:`prepare` reads the texts of the documents evidence is drawn from, one at a time
    in ``doc_id`` order, and keeps only the cut sentences; :meth:`add` and
    :meth:`add_event` then number them in the order the edges ask for them."""

    def __init__(self, published: dict):
        self.published = published
        self.items: list[dict] = []
        self.index: dict[tuple, int] = {}
        self._pieces: dict[tuple, tuple | None] = {}
        self._trigger: dict = {}

    def prepare(self, tables: Tables, requests, events) -> None:
        """``requests``: ``(doc_id, sid, marks)`` of co-mention evidence; ``events``: the
        event rows whose evidence will be shown."""
        by_doc: dict[str, list] = defaultdict(list)
        for r in requests:
            by_doc[r[0]].append(r)
        for e in events:
            by_doc[e.doc_id].append(e)
        for doc_id, text, spans in tables.iter_texts(by_doc):
            for r in by_doc[doc_id]:
                if isinstance(r, _Event):
                    self._trigger[r] = self._locate(r, text, spans)
                else:
                    self._pieces[r] = self._piece(text, spans, r[1], r[2])

    @staticmethod
    def _bounds(text: str, spans, sid: int, marks) -> tuple[int, int] | None:
        if spans and 0 <= sid < len(spans):
            s, e = spans[sid]
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            return s, e
        if not marks:
            return None
        return sentence_bounds(text, min(a for a, _ in marks), max(b for _, b in marks))

    def _piece(self, text: str, spans, sid: int, marks) -> tuple | None:
        b = self._bounds(text, spans, sid, marks)
        if b is None:
            return None
        s, e = b
        marks = sorted((max(a, s), min(z, e)) for a, z in marks if a < e and z > s)
        cs, ce = _cut(s, e, marks)
        pre, post = cs > s, ce < e
        shown = ("…" if pre else "") + text[cs:ce] + ("…" if post else "")
        off = 1 if pre else 0
        return (cs, ce), shown, [[a - cs + off, z - cs + off] for a, z in marks if a >= cs and z <= ce]

    @staticmethod
    def _locate(e, doc_text: str, spans) -> tuple[int, int]:
        """The trigger's offsets in the event's sentence, from the document's text."""
        text = e.sentence or ""
        sid = int(e.sentence_id)
        if text and spans and 0 <= sid < len(spans):
            base = doc_text.find(text, spans[sid][0], spans[sid][1] + 1)
            if base >= 0 and base <= e.start_char and e.end_char <= base + len(text):
                return e.start_char - base, e.end_char - base
        return -1, -1

    def add(self, doc_id: str, sid: int, marks) -> dict | None:
        """An evidence item ``{"s": index, "m": [[start, end], ...]}`` (marks relative to the
        stored text), or ``None`` when the document's text is unknown."""
        piece = self._pieces.get((doc_id, sid, _marks_key(marks)))
        if piece is None:
            return None
        (cs, ce), shown, rel = piece
        key = (doc_id, cs, ce)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append({"d": doc_id, "p": self.published.get(doc_id, ""), "i": int(sid), "t": shown})
        return {"s": self.index[key], "m": rel}

    def add_event(self, e) -> dict | None:
        """An evidence item for an event: its ``sentence`` column, the trigger marked."""
        text = e.sentence or ""
        if not text:
            return None
        sid = int(e.sentence_id)
        a, b = self._trigger.get(e, (-1, -1))
        if a < 0 and e.trigger:
            a = text.find(e.trigger)
            b = a + len(e.trigger) if a >= 0 else -1
        marks = [(a, b)] if 0 <= a < b else []
        cs, ce = _cut(0, len(text), marks)
        pre, post = cs > 0, ce < len(text)
        key = ("event", e.doc_id, sid, cs, ce, text)
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append({"d": e.doc_id, "p": self.published.get(e.doc_id, ""), "i": sid,
                               "t": ("…" if pre else "") + text[cs:ce] + ("…" if post else "")})
        off = (1 if pre else 0) - cs
        return {"s": self.index[key], "m": [[x + off, y + off] for x, y in marks if x >= cs and y <= ce]}


def _marks_key(marks) -> tuple:
    return tuple(tuple(m) for m in marks)


def _pick(keys: list[tuple[str, int]], n: int = N_EVIDENCE) -> list[tuple[str, int]]:
    """Up to ``n`` sentence keys, one per document first, in (doc_id, sentence_id) order.

    >>> _pick([("a", 1), ("a", 2), ("b", 0), ("c", 5)])
    [('a', 1), ('b', 0), ('c', 5)]
    >>> _pick([("a", 1), ("a", 2), ("b", 0)])
    [('a', 1), ('b', 0), ('a', 2)]
    """
    keys = sorted(keys)
    first, rest, seen = [], [], set()
    for k in keys:
        (rest if k[0] in seen else first).append(k)
        seen.add(k[0])
    return (first + rest)[:n]
