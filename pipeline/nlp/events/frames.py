"""Frames of trigger senses: which dependents are the target, the content, the venue, the agent.

The data is ``models/frames.yaml`` (documented in ``models/README.md``). A frame is resolved
for a trigger's canonical lemma, part of speech and event type: the ``senses`` item of that
lemma overrides the ``types`` item of its type, which overrides the ``defaults`` of its part
of speech. A *marker* is a dependency relation (``obj``, ``iobj``, ``ccomp``…) or a
preposition / complementiser word (``à``, ``de``, ``que``…); :func:`marker_of` gives the
marker of a dependent, and :meth:`Frame.role` the role it has in the frame.

>>> f = frame_of("menacer", "VERB", "THREATEN")
>>> f.target, f.role("obj"), f.role("de"), f.needs_agent
(('obj', 'iobj'), 'target', 'content', False)
>>> frame_of("sommet", "NOUN", "CONSULT").needs_agent
True
>>> frame_of("rencontrer", "VERB", "CONSULT").role("à")
'venue'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ...lexicon import LexiconError, load_lexicon
from .context import case_of

FILE = "frames.yaml"
ROLES = ("target", "content", "venue", "agent")
KEYS = frozenset(ROLES) | {"needs_agent", "lemma", "pos", "type", "note"}
#: markers that are dependency relations (the others are words)
RELATIONS = frozenset({"obj", "iobj", "nsubj:pass", "ccomp", "xcomp", "amod", "nmod:poss"})


@dataclass(frozen=True)
class Frame:
    """The resolved frame of one trigger sense: ordered markers per role."""
    target: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    venue: tuple[str, ...] = ()
    agent: tuple[str, ...] = ()
    needs_agent: bool = False

    def role(self, marker: str) -> str:
        """``target``, ``content``, ``venue``, ``agent`` or ``""`` for a marker. Target wins
        over content, content over venue (a marker listed twice keeps its first role)."""
        for r in ROLES:
            if marker in getattr(self, r):
                return r
        return ""


def _check(item: dict, where: str) -> dict:
    if not isinstance(item, dict):
        raise LexiconError(f"{FILE}, {where}: must be a mapping")
    unknown = set(item) - KEYS
    if unknown:
        raise LexiconError(f"{FILE}, {where}: unknown key(s) {sorted(unknown)}")
    for r in ROLES:
        v = item.get(r)
        if v is not None and (not isinstance(v, list) or not all(isinstance(w, str) and w for w in v)):
            raise LexiconError(f"{FILE}, {where}: {r!r} must be a list of markers")
    if "needs_agent" in item and not isinstance(item["needs_agent"], bool):
        raise LexiconError(f"{FILE}, {where}: 'needs_agent' must be true or false")
    return item


@lru_cache(maxsize=None)
def _data() -> tuple[dict, dict, dict]:
    raw = load_lexicon(FILE)
    defaults = {pos: _check(v, f"defaults.{pos}") for pos, v in (raw.get("defaults") or {}).items()}
    types = {t: _check(v, f"types.{t}") for t, v in (raw.get("types") or {}).items()}
    senses: dict[tuple[str, str], list[dict]] = {}
    for i, item in enumerate(raw.get("senses") or (), 1):
        _check(item, f"senses item {i}")
        if "lemma" not in item or item.get("pos") not in ("VERB", "NOUN"):
            raise LexiconError(f"{FILE}, senses item {i}: needs a lemma and pos VERB or NOUN")
        senses.setdefault((item["lemma"], item["pos"]), []).append(item)
    return defaults, types, senses


@lru_cache(maxsize=None)
def frame_of(lemma: str, pos: str, event_type: str) -> Frame:
    """The frame of a trigger sense (canonical lemma, ``VERB``/``NOUN``, event type)."""
    defaults, types, senses = _data()
    merged: dict = dict(defaults.get(pos, {}))
    merged.update(types.get(event_type, {}))
    for item in senses.get((lemma, pos), ()):
        if item.get("type", event_type) == event_type:
            merged.update(item)
            break
    return Frame(**{r: tuple(merged.get(r) or ()) for r in ROLES}, needs_agent=bool(merged.get("needs_agent")))


def marker_of(dep: Token) -> str:
    """The marker of a trigger's dependent: its preposition or complementiser when it has
    one ("à l'Ukraine" -> ``à``), else its relation (``obj``, ``iobj``, ``ccomp``…);
    a possessive determiner is ``nmod:poss``."""
    case = case_of(dep)
    if case:
        return "que" if case in ("qu'", "qu’") else case
    if dep.dep_ == "det" and "Poss=Yes" in str(dep.morph):
        return "nmod:poss"
    return dep.dep_
