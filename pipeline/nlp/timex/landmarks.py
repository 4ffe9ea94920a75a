"""Landmark events of ``models/dated_events.yaml`` that date an article: "depuis l'invasion de
l'Ukraine" shows it was written on or after 2022-02-24.

:func:`dated_events` loads and compiles the file once. :func:`event_matches` finds where a
text reports an event as having happened (its sentence is no question and matches no
guard: negation, conditional, future, modality, speculation); :func:`event_evidence`
gives one :class:`AnchorEvidence` per event dated inside a period of days.

>>> import datetime as dt
>>> text = "Depuis l'invasion de l'Ukraine par la Russie, les prix ont doublé."
>>> [(e.id, e.date.isoformat()) for e in event_evidence(text, dt.date(2022, 2, 1), dt.date(2022, 2, 28))]
[('russia-full-scale-invasion', '2022-02-24')]
>>> event_evidence(text, dt.date(2022, 3, 1), dt.date(2022, 3, 31))
[]
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .values import iso_date


@dataclass(frozen=True)
class DatedEvent:
    """One landmark event of ``models/dated_events.yaml``."""

    id: str
    date: _dt.date
    description: str
    cues: tuple[re.Pattern, ...]
    unless: tuple[re.Pattern, ...] = ()
    context: tuple[re.Pattern, ...] = ()
    example: str = ""
    # per cue, a lowercase literal every match contains ("" when none was found): a cheap
    # substring test that spares running the regex over texts that cannot match
    gates: tuple[str, ...] = ()


def literal_gate(pattern: str) -> str:
    """The longest run of literal characters that every match of ``pattern`` contains,
    lowercased ("" when there is none or the pattern cannot be analysed).

    >>> literal_gate(r"\\b(?:la )?suède (?:est|était) devenue")
    ' devenue'
    """
    try:
        try:
            from re import _constants as C, _parser as P  # Python >= 3.11
        except ImportError:  # pragma: no cover
            import sre_constants as C  # type: ignore
            import sre_parse as P  # type: ignore
        parsed = P.parse(pattern)
    except Exception:  # pragma: no cover - a private API; without it there is no gate
        return ""
    best = ""

    def walk(items) -> None:
        nonlocal best
        run: list[str] = []
        for op, av in items:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if len(run) >= len(best):  # on a tie the later run wins: names come last
                best = "".join(run)
            run = []
            if op is C.SUBPATTERN:
                walk(av[-1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
                walk(av[2])
        if len(run) >= len(best):
            best = "".join(run)

    walk(parsed)
    return best.lower()


@dataclass(frozen=True)
class AnchorEvidence:
    """Why the first feasible publication day was raised: the article was written on or
    after ``date``. ``source`` is ``dated_event`` (``id`` names the event) or ``text_date``."""

    source: str
    id: str
    date: _dt.date
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "id": self.id, "date": self.date.isoformat(),
                "start_char": self.start, "end_char": self.end, "text": self.text}


# same-length normalisation, so that offsets in the normalised text are offsets in the text
_EV_NORM = (("’", "'"), ("ʼ", "'"), ("\u00a0", " "), ("\u202f", " "), ("‑", "-"), ("–", "-"))


def _ev_normalize(text: str) -> str:
    for a, b in _EV_NORM:
        if a in text:
            text = text.replace(a, b)
    return text


_EVENT_FIELDS = {"id", "date", "description", "cues", "unless", "context", "example"}
_EVENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _DatedEvents:
    def __init__(self, data: dict[str, Any]):
        macros = {str(k): str(v) for k, v in (data.get("macros") or {}).items()}

        def compile_(pat: Any, where: str) -> re.Pattern:
            if not isinstance(pat, str) or not pat.strip():
                raise ValueError(f"dated_events.yaml: {where}: empty or non-string pattern {pat!r}")
            for name, body in macros.items():
                pat = pat.replace(f"<{name}>", body)
            try:
                return re.compile(pat, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"dated_events.yaml: {where}: bad regex {pat!r}: {exc}") from exc

        self.guard = compile_("|".join(f"(?:{g})" for g in data.get("guards") or ["(?!)"]), "guards")
        events: list[DatedEvent] = []
        seen: set[str] = set()
        for i, e in enumerate(data.get("events") or []):
            if not isinstance(e, dict) or not {"id", "date", "description", "cues"} <= set(e):
                raise ValueError(f"dated_events.yaml: event #{i} lacks id/date/description/cues")
            extra = set(e) - _EVENT_FIELDS
            if extra:
                raise ValueError(f"dated_events.yaml: event {e['id']!r}: unknown field(s) {sorted(extra)}")
            eid = str(e["id"])
            if not _EVENT_ID.match(eid) or eid in seen:
                raise ValueError(f"dated_events.yaml: bad or duplicate id {eid!r}")
            seen.add(eid)
            date = iso_date(str(e["date"])) if re.match(r"^\d{4}-\d{2}-\d{2}$", str(e["date"])) else None
            if date is None:
                raise ValueError(f"dated_events.yaml: event {eid!r}: date must be a quoted YYYY-MM-DD, not {e['date']!r}")
            cues = tuple(compile_(p, f"{eid} cue") for p in e["cues"] or [])
            if not cues:
                raise ValueError(f"dated_events.yaml: event {eid!r} has no cue")
            events.append(DatedEvent(
                eid, date, str(e["description"]).strip(), cues,
                tuple(compile_(p, f"{eid} unless") for p in e.get("unless") or []),
                tuple(compile_(p, f"{eid} context") for p in e.get("context") or []),
                str(e.get("example") or "").strip(),
                tuple(literal_gate(c.pattern) for c in cues)))
        self.events: tuple[DatedEvent, ...] = tuple(sorted(events, key=lambda ev: (ev.date, ev.id)))
        self.dates = [ev.date for ev in self.events]


@lru_cache(maxsize=None)
def dated_events() -> _DatedEvents:
    """The parsed and compiled ``models/dated_events.yaml`` (loaded once)."""
    from ...paths import model_file, read_yaml

    return _DatedEvents(read_yaml(model_file("dated_events.yaml")) or {})


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or headline line) around text[start:end], found without a parser."""
    lo = max(0, start - 400)
    left = max((text.rfind(ch, lo, start) for ch in ".!?\n"), default=-1)
    left = lo if left < 0 and lo > 0 else left + 1
    hi = min(len(text), end + 400)
    rights = [i for i in (text.find(ch, end, hi) for ch in ".!?\n") if i >= 0]
    right = min(rights) + 1 if rights else hi
    return left, right


def event_matches(text: str, ev: DatedEvent, *, normalized: bool = False) -> list[tuple[int, int]]:
    """Spans of ``text`` where a cue of ``ev`` reports the event as having happened: the cue
    matches, and its sentence is not a question, matches no ``guards`` (negation,
    conditional, future, modality, speculation), none of the event's ``unless`` patterns,
    and one of its ``context`` patterns when it has some."""
    norm = text if normalized else _ev_normalize(text)
    low = norm.lower()
    guard = dated_events().guard
    out: list[tuple[int, int]] = []
    for k, cue in enumerate(ev.cues):
        gate = ev.gates[k] if k < len(ev.gates) else ""
        if gate and gate not in low:
            continue
        for m in cue.finditer(norm):
            if m.end() == m.start():
                continue
            s, e = _sentence_bounds(norm, m.start(), m.end())
            sent = norm[s:e]
            if sent.rstrip().endswith("?") or guard.search(sent):
                continue
            if any(u.search(sent) for u in ev.unless):
                continue
            if ev.context and not any(x.search(sent) for x in ev.context):
                continue
            out.append((m.start(), m.end()))
    return sorted(set(out))


def events_between(lo: _dt.date, hi: _dt.date) -> list[DatedEvent]:
    """The gazetteer's events dated in [lo, hi], in date order."""
    db = dated_events()
    return list(db.events[bisect_left(db.dates, lo):bisect_right(db.dates, hi)])


def event_evidence(text: str, lo: _dt.date, hi: _dt.date, *, latest_only: bool = False) -> list[AnchorEvidence]:
    """Landmark events dated in [lo, hi] that ``text`` reports as past, one record per event
    (its first cue match), in date order. An event outside the period says nothing about
    the day within it. With ``latest_only``, events are tried from the latest down and the
    search stops at the first one found (the only one that matters for a lower bound)."""
    if not text or lo > hi:
        return []
    events = events_between(lo, hi)
    if latest_only:
        events.reverse()
    out: list[AnchorEvidence] = []
    norm: str | None = None
    for ev in events:
        if norm is None:
            norm = _ev_normalize(text)
        spans = event_matches(norm, ev, normalized=True)
        if spans:
            s, e = spans[0]
            out.append(AnchorEvidence("dated_event", ev.id, ev.date, s, e, text[s:e]))
            if latest_only:
                break
    return out
