"""The actor gazetteer (``models/actors.yaml``) and the actor rules (``models/actor_rules.yaml``).

Both are plain data; this module loads them once and builds the look-up tables the
spaCy components use. Keys are :func:`pipeline.nlp.normalize.alias_key` forms, so case,
accents, apostrophes and a leading French article never matter.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path


from .normalize import fold, strip_article
from ..paths import model_file, read_yaml

ACTOR_TYPES = ("PER", "ORG", "LOC")


class GazetteerError(ValueError):
    """The gazetteer file is invalid (the message names the entry and the field)."""


def alias_key(text: str) -> str:
    """Key used to compare aliases: folded, without leading article, spaces collapsed.

    >>> alias_key("L’Alliance  atlantique")
    'alliance atlantique'
    """
    key = strip_article(fold(text))
    return re.sub(r"\s*([-'.])\s*", r"\1", key)


@dataclass(frozen=True)
class Role:
    title: str
    start: str  # ISO date or ""
    end: str  # ISO date or "" (still in office)


@dataclass
class Entry:
    id: str
    label: str
    type: str
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    #: forms that name the actor only when written exactly so ("US" in capitals, never "us")
    case_aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def plain_aliases(self) -> list[str]:
        """The label and the aliases; a label also listed as a case alias ("Meta") matches
        only as written, so it is no plain alias."""
        head = [] if self.label in self.case_aliases else [self.label]
        return head + self.aliases


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    alias_index: dict[str, str]  # alias key -> entry id
    context_index: dict[str, str]  # context alias key -> entry id
    metonym_index: dict[str, str]  # metonym key -> state/org id
    demonym_index: dict[str, str]  # capitalised demonym noun key -> country id
    adjective_index: dict[str, str]  # lowercase adjective (folded) -> country id
    prefix_index: dict[str, str]  # "russo" -> russia
    role_index: dict[str, list[tuple[str, Role]]]  # folded title -> [(person id, role)]
    case_index: dict[str, str] = field(default_factory=dict)  # exact text of a case alias -> entry id

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def surface_forms(self) -> dict[str, list[str]]:
        """Every form a pattern should be built for, by kind."""
        forms: dict[str, list[str]] = {"alias": [], "context": [], "metonym": [], "demonym": [], "role": []}
        for e in self.entries.values():
            forms["alias"].extend(e.aliases)
            forms["context"].extend(e.context_aliases)
            forms["metonym"].extend(e.metonyms)
            forms["demonym"].extend(a for a in e.adjectives if a[:1].isupper())
            forms["role"].extend(r.title for r in e.roles)
        return forms


def _as_list(value, where: str) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise GazetteerError(f"{where}: expected a list")
    for v in value:
        if isinstance(v, bool) or v is None:
            # YAML 1.1 reads bare yes/no/on/off as booleans: quote such words
            raise GazetteerError(f"{where}: {v!r} is not text (quote words like \"on\" or \"no\" in YAML)")
    return value


def parse_entries(raw: list, source: str = "actors.yaml") -> list[Entry]:
    if not isinstance(raw, list):
        raise GazetteerError(f"{source}: the file must hold a YAML list of entries")
    entries = []
    for i, item in enumerate(raw, 1):
        where = f"{source} entry {i}"
        if not isinstance(item, dict):
            raise GazetteerError(f"{where}: not a mapping")
        for key in ("id", "label", "type"):
            if not item.get(key):
                raise GazetteerError(f"{where}: missing '{key}'")
        where = f"{source} entry {i} ({item['id']})"
        if item["type"] not in ACTOR_TYPES:
            raise GazetteerError(f"{where}: type must be one of {ACTOR_TYPES}, not {item['type']!r}")
        roles = []
        for r in _as_list(item.get("roles"), f"{where} roles"):
            if not isinstance(r, dict) or not r.get("title"):
                raise GazetteerError(f"{where}: each role needs a 'title'")
            roles.append(Role(str(r["title"]), str(r.get("from") or ""), str(r.get("to") or "")))
        entries.append(
            Entry(
                id=str(item["id"]),
                label=str(item["label"]),
                type=str(item["type"]),
                wikidata=str(item.get("wikidata") or ""),
                aliases=[str(a) for a in _as_list(item.get("aliases"), f"{where} aliases")],
                context_aliases=[str(a) for a in _as_list(item.get("context_aliases"), f"{where} context_aliases")],
                case_aliases=[str(a) for a in _as_list(item.get("case_aliases"), f"{where} case_aliases")],
                adjectives=[str(a) for a in _as_list(item.get("adjectives"), f"{where} adjectives")],
                prefixes=[str(a) for a in _as_list(item.get("prefixes"), f"{where} prefixes")],
                metonyms=[str(a) for a in _as_list(item.get("metonyms"), f"{where} metonyms")],
                roles=roles,
            )
        )
    return entries


def build(entries: list[Entry]) -> Gazetteer:
    by_id: dict[str, Entry] = {}
    alias_index: dict[str, str] = {}
    context_index: dict[str, str] = {}
    metonym_index: dict[str, str] = {}
    demonym_index: dict[str, str] = {}
    adjective_index: dict[str, str] = {}
    prefix_index: dict[str, str] = {}
    role_index: dict[str, list[tuple[str, Role]]] = {}
    case_index: dict[str, str] = {}
    for e in entries:
        if e.id in by_id:
            raise GazetteerError(f"duplicate actor id {e.id!r}")
        by_id[e.id] = e
        # the label is an alias, unless it is a case alias
        for a in e.plain_aliases():
            alias_index.setdefault(alias_key(a), e.id)
        for a in e.context_aliases:
            context_index.setdefault(alias_key(a), e.id)
        for a in e.case_aliases:
            if not any(c.isupper() for c in a):
                raise GazetteerError(f"{e.id}: case alias {a!r} has no capital letter (use aliases)")
            case_index.setdefault(a, e.id)
        for a in e.metonyms:
            metonym_index.setdefault(alias_key(a), e.id)
        for a in e.adjectives:
            if a[:1].isupper():
                demonym_index.setdefault(alias_key(a), e.id)
            adjective_index.setdefault(fold(a), e.id)
        for p in e.prefixes:
            prefix_index.setdefault(fold(p), e.id)
        for r in e.roles:
            role_index.setdefault(alias_key(r.title), []).append((e.id, r))
    return Gazetteer(by_id, alias_index, context_index, metonym_index, demonym_index, adjective_index,
                     prefix_index, role_index, case_index)


def load_gazetteer(path: str | None = None) -> Gazetteer:
    """Load and index the gazetteer (cached; ``path`` defaults to ``models/actors.yaml``)."""
    # one cache entry per file: load_gazetteer() and load_gazetteer(None) are the same call
    return _load_gazetteer(str(path) if path else None)


@functools.lru_cache(maxsize=8)
def _load_gazetteer(path: str | None) -> Gazetteer:
    p = Path(path) if path else model_file("actors.yaml")
    raw = read_yaml(p)
    return build(parse_entries(raw, source=p.name))


@dataclass(frozen=True)
class ActorRules:
    titles: frozenset[str]
    name_particles: frozenset[str]
    name_heads: frozenset[str]
    locative_heads: frozenset[str]
    locative_preps: frozenset[str]
    not_names: frozenset[str]
    foreign_words: frozenset[str]
    foreign_share: float
    foreign_min_words: int


def load_rules(path: str | None = None) -> ActorRules:
    return _load_rules(str(path) if path else None)


@functools.lru_cache(maxsize=8)
def _load_rules(path: str | None) -> ActorRules:
    p = Path(path) if path else model_file("actor_rules.yaml")
    raw = read_yaml(p) or {}
    foreign = set()
    for lang, words in (raw.get("foreign_function_words") or {}).items():
        foreign.update(fold(w) for w in _as_list(words, f"{p.name} foreign_function_words.{lang}"))

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(t)) for t in _as_list(raw.get(key), f"{p.name} {key}"))

    return ActorRules(
        titles=words("titles"),
        name_particles=words("name_particles"),
        name_heads=words("name_heads"),
        locative_heads=frozenset(str(w) for w in _as_list(raw.get("locative_heads"), f"{p.name} locative_heads")),
        locative_preps=frozenset(str(w) for w in _as_list(raw.get("locative_preps"), f"{p.name} locative_preps")),
        not_names=words("not_names"),
        foreign_words=frozenset(foreign),
        foreign_share=float(raw.get("foreign_share", 0.3)),
        foreign_min_words=int(raw.get("foreign_min_words", 3)),
    )
