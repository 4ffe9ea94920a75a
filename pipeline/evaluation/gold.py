"""The gold file of an evaluation: read, validate and resolve its actors.

The gold format is defined in ``docs/EVALUATION.md``: one JSON object per line, naming a
document's actors, temporal expressions, publication date and events. Actors are referred
to by any alias of the gazetteer (``models/actors.yaml``), by the label the pipeline prints
(``actors.csv``), or by a name of the gold file's own (with optional ``aliases``), compared
with :func:`pipeline.nlp.gazetteer.alias_key` (no case, accents or leading French article).
Every problem raises :class:`GoldError` naming the file, the line and the field.

>>> from pipeline.nlp.gazetteer import build
>>> gold = parse_gold(['{"doc_id": "d1", "actors": [{"name": "Jean Dupont", "type": "PER", "aliases": ["Dupont"]}]}',
...                    '{"doc_id": "d2", "actors": ["DUPONT"]}'], gazetteer=build([]))
>>> [(d.doc_id, d.actors) for d in gold.documents]
[('d1', ['~jean dupont']), ('d2', ['~jean dupont'])]
>>> parse_gold(['{"doc_id": "d1", "events": [{"agent": null, "type": "PARTY"}]}'], gazetteer=build([]))
Traceback (most recent call last):
...
pipeline.evaluation.gold.GoldError: gold.jsonl line 1: 'events[0].type' must be one of AGREE, ... (got 'PARTY')
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..lexicon import word_list
from ..nlp.gazetteer import Gazetteer, alias_key, load_gazetteer

#: the PLOVER event types (``models/event_types.yaml``)
EVENT_TYPES = word_list("event_types.yaml", "event_types")
MODALITIES = ("asserted", "hypothetical", "negated")
ACTOR_TYPES = ("PER", "ORG", "LOC", "MISC")
GRAPH_TYPES = ("PER", "ORG", "LOC")

DOC_KEYS = ("doc_id", "published", "actors", "optional", "timexes", "events", "title", "source", "notes")
ACTOR_KEYS = ("id", "name", "type", "aliases", "notes")
TIMEX_KEYS = ("text", "value", "type", "notes")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
EVENT_KEYS = ("agent", "type", "target", "date", "modality", "attributed_to", "cue", "sentence", "notes", "main",
              "firm")

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_UNSET = object()  # an optional gold field the annotator did not write


class GoldError(ValueError):
    """The gold file is invalid; the message names the file, the line and the field."""


@dataclass
class GoldActor:
    key: str  # gazetteer id, or "~" + alias key of the gold name for an actor not in the gazetteer
    name: str  # as first written in the gold file
    type: str  # PER/ORG/LOC/MISC, "" for an actor only named in events
    line: int
    explicit: set = field(default_factory=set)  # alias keys written in the gold file
    derived: set = field(default_factory=set)  # alias keys of the gazetteer entry


@dataclass
class GoldEvent:
    agent: str | None  # gold actor key
    type: str
    target: str | None
    date: str  # "" = no date
    modality: str
    attributed_to: object  # gold key, None, or _UNSET
    line: int
    index: int
    cue: str = ""
    main: bool | None = None  # one of the article's main events (None: not annotated)
    firm: bool | None = None  # clearly stated, explicit agent and trigger (None: not annotated)


@dataclass
class GoldDocument:
    doc_id: str
    line: int
    published: object  # str ("" = no date) or _UNSET
    actors: list  # gold keys
    optional: list
    timexes: list  # [(text, value)]
    events: list  # [GoldEvent]
    timex_types: list = field(default_factory=list)  # the gold type of each timex, or None


@dataclass
class Gold:
    path: str
    documents: list
    actors: dict  # key -> GoldActor

    def name(self, key: str | None) -> str | None:
        return self.actors[key].name if key in self.actors else key

    def index(self, keys=None) -> dict[str, str]:
        """alias key -> gold key, written names and aliases before gazetteer-derived ones."""
        actors = [self.actors[k] for k in keys] if keys is not None else list(self.actors.values())
        index: dict[str, str] = {}
        for a in actors:
            for k in sorted(a.explicit):
                index.setdefault(k, a.key)
        for a in actors:
            for k in sorted(a.derived):
                index.setdefault(k, a.key)
        return index


class _GoldParser:
    def __init__(self, source: str, gazetteer: Gazetteer):
        self.source = source
        self.gaz = gazetteer
        self.actors: dict[str, GoldActor] = {}
        self.explicit: dict[str, str] = {}  # alias key -> gold key (written in the file)

    def fail(self, line: int, where: str, message: str):
        field_ = f" '{where}'" if where else ""
        raise GoldError(f"{self.source} line {line}:{field_} {message}")

    # ------------------------------------------------------------------ helpers
    def text(self, value, line: int, where: str, *, allow_null: bool = False) -> str | None:
        if value is None and allow_null:
            return None
        if not isinstance(value, str) or not value.strip():
            want = "a non-empty string or null" if allow_null else "a non-empty string"
            self.fail(line, where, f"must be {want} (got {_show(value)})")
        return value.strip()

    def check_keys(self, obj: dict, allowed: tuple, line: int, where: str) -> None:
        unknown = sorted(k for k in obj if k not in allowed)
        if unknown:
            at = f"{where}.{unknown[0]}" if where else unknown[0]
            self.fail(line, at, f"is not a known field (expected one of {', '.join(allowed)})")

    def gazetteer_id(self, ref: str) -> str | None:
        if ref in self.gaz.entries:
            return ref
        return self.gaz.alias_index.get(alias_key(ref))

    def lookup(self, ref: str) -> str | None:
        """The gold actor a reference names, if any (written names first, then gazetteer)."""
        key = alias_key(ref)
        if key in self.explicit:
            return self.explicit[key]
        gid = self.gazetteer_id(ref)
        if gid is not None:
            return gid
        for a in self.actors.values():
            if key in a.derived:
                return a.key
        return None

    def register(self, ref: str, typ: str | None, aliases: list[str], line: int, where: str) -> str:
        """Declare (or find) the gold actor named ``ref``; returns its key."""
        key = self.lookup(ref)
        if key is None:
            key = f"~{alias_key(ref)}"
        actor = self.actors.get(key)
        if actor is None:
            entry = self.gaz.get(key)
            if typ is None and entry is not None:
                typ = entry.type
            if typ is None:
                self.fail(line, f"{where}.type", f"is required for an actor not in the gazetteer "
                                                 f"(one of {', '.join(ACTOR_TYPES)})")
            actor = GoldActor(key, ref, typ, line)
            if entry is not None:
                actor.derived = {alias_key(a) for a in [entry.label, *entry.aliases]} | {entry.id}
            self.actors[key] = actor
        elif typ is not None and actor.type and typ != actor.type:
            self.fail(line, f"{where}.type", f"is {typ} but line {actor.line} gives {actor.name!r} the type "
                                              f"{actor.type}")
        elif typ is not None and not actor.type:
            actor.type, actor.line = typ, line
        for i, form in enumerate([ref, *aliases]):
            k = alias_key(form)
            other = self.explicit.get(k)
            if other is not None and other != key:
                at = where if i == 0 else f"{where}.aliases[{i - 1}]"
                self.fail(line, at, f"{form!r} already names {self.actors[other].name!r} "
                                    f"(line {self.actors[other].line})")
            self.explicit[k] = key
            actor.explicit.add(k)
        return key

    # ------------------------------------------------------------------ parts
    def actor_decl(self, item, line: int, where: str) -> str:
        if isinstance(item, str):
            return self.register(self.text(item, line, where), None, [], line, where)
        if not isinstance(item, dict):
            self.fail(line, where, "must be a name or an object with 'name' (or 'id') and 'type'")
        self.check_keys(item, ACTOR_KEYS, line, where)
        if item.get("id") is None and item.get("name") is None:
            self.fail(line, f"{where}.name", "is required (or 'id')")
        ref = self.text(item["id"] if item.get("id") is not None else item["name"], line,
                        f"{where}.{'id' if item.get('id') is not None else 'name'}")
        typ = item.get("type")
        if typ is not None and typ not in ACTOR_TYPES:
            self.fail(line, f"{where}.type", f"must be one of {', '.join(ACTOR_TYPES)} (got {_show(typ)})")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list):
            self.fail(line, f"{where}.aliases", "must be a list of names")
        aliases = [self.text(a, line, f"{where}.aliases[{i}]") for i, a in enumerate(aliases)]
        if item.get("id") is not None and item.get("name") is not None:
            aliases.insert(0, self.text(item["name"], line, f"{where}.name"))
        return self.register(ref, typ, aliases, line, where)

    def actor_ref(self, value, line: int, where: str) -> str | None:
        ref = self.text(value, line, where, allow_null=True)
        if ref is None:
            return None
        key = self.lookup(ref)
        if key is None:
            key = f"~{alias_key(ref)}"
            self.actors[key] = GoldActor(key, ref, "", line, explicit={alias_key(ref)})
            self.explicit[alias_key(ref)] = key
        elif key not in self.actors:  # a gazetteer actor first named in an event
            entry = self.gaz.get(key)
            self.actors[key] = GoldActor(key, ref, entry.type, line, explicit={alias_key(ref)},
                                         derived={alias_key(a) for a in [entry.label, *entry.aliases]} | {key})
        return key

    def timex(self, item, line: int, where: str) -> tuple[str, str]:
        if isinstance(item, list):
            if len(item) != 2:
                self.fail(line, where, "must be [text, value] or {\"text\": …, \"value\": …}")
            text, value = item
            return self.text(text, line, f"{where}[0]"), self.text(value, line, f"{where}[1]")
        if not isinstance(item, dict):
            self.fail(line, where, "must be [text, value] or {\"text\": …, \"value\": …}")
        self.check_keys(item, TIMEX_KEYS, line, where)
        for k in ("text", "value"):
            if k not in item:
                self.fail(line, f"{where}.{k}", "is required")
        if "type" in item and item["type"] not in TIMEX_TYPES:
            self.fail(line, f"{where}.type", f"must be one of {', '.join(TIMEX_TYPES)} (got {_show(item['type'])})")
        return self.text(item["text"], line, f"{where}.text"), self.text(item["value"], line, f"{where}.value")

    def event(self, item, line: int, i: int) -> GoldEvent:
        where = f"events[{i}]"
        if not isinstance(item, dict):
            self.fail(line, where, "must be an object with 'agent' and 'type'")
        self.check_keys(item, EVENT_KEYS, line, where)
        for k in ("agent", "type"):
            if k not in item:
                self.fail(line, f"{where}.{k}", "is required" + (" (null when the text names no agent)"
                                                                  if k == "agent" else ""))
        if item["type"] not in EVENT_TYPES:
            self.fail(line, f"{where}.type",
                      f"must be one of {', '.join(EVENT_TYPES)} (got {_show(item['type'])})")
        modality = item.get("modality", "asserted")
        if modality not in MODALITIES:
            self.fail(line, f"{where}.modality",
                      f"must be one of {', '.join(MODALITIES)} (got {_show(modality)})")
        date = self.text(item.get("date"), line, f"{where}.date", allow_null=True) or ""
        attributed = _UNSET
        if "attributed_to" in item:
            attributed = self.actor_ref(item["attributed_to"], line, f"{where}.attributed_to")
        cue = item.get("cue") or ""
        for k in ("main", "firm"):
            if item.get(k) is not None and not isinstance(item[k], bool):
                self.fail(line, f"{where}.{k}", f"must be true or false (got {_show(item[k])})")
        return GoldEvent(main=item.get("main"), firm=item.get("firm"), agent=self.actor_ref(item["agent"], line, f"{where}.agent"), type=item["type"],
                         target=self.actor_ref(item.get("target"), line, f"{where}.target"), date=date,
                         modality=modality, attributed_to=attributed, line=line, index=i,
                         cue=cue if isinstance(cue, str) else "")

    # ------------------------------------------------------------------ file
    def parse(self, lines) -> Gold:
        records = []
        seen: dict[str, int] = {}
        for n, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                self.fail(n, "", f"not valid JSON ({exc.msg} at column {exc.colno})")
            if not isinstance(obj, dict):
                self.fail(n, "", "not a JSON object (the file holds one JSON object per line)")
            self.check_keys(obj, DOC_KEYS, n, "")
            if "doc_id" not in obj:
                self.fail(n, "doc_id", "is required")
            doc_id = self.text(obj["doc_id"], n, "doc_id")
            if doc_id in seen:
                self.fail(n, "doc_id", f"{doc_id!r} is already annotated on line {seen[doc_id]}")
            seen[doc_id] = n
            for k in ("actors", "optional", "timexes", "events"):
                if k in obj and not isinstance(obj[k], list):
                    self.fail(n, k, "must be a list")
            records.append((n, doc_id, obj))
        if not records:
            raise GoldError(f"{self.source}: the gold file holds no document")
        # actors written as objects first (any line may give the aliases and the type), then
        # actors written as names, then the references in events
        keys: dict[tuple[int, str, int], str] = {}
        for objects in (True, False):
            for n, _, obj in records:
                for part in ("actors", "optional"):
                    for i, a in enumerate(obj.get(part, [])):
                        if isinstance(a, str) != objects:
                            keys[(n, part, i)] = self.actor_decl(a, n, f"{part}[{i}]")
        docs = []
        for n, doc_id, obj in records:
            actors = [keys[(n, "actors", i)] for i in range(len(obj.get("actors", [])))]
            optional = [keys[(n, "optional", i)] for i in range(len(obj.get("optional", [])))]
            published = _UNSET
            if "published" in obj:
                published = self.text(obj["published"], n, "published", allow_null=True) or ""
                if published and not _ISO_DATE.match(published):
                    self.fail(n, "published", f"must be an ISO date (2022-02-24, 2022-02 or 2022) or null "
                                              f"(got {_show(published)})")
            timexes = [self.timex(t, n, f"timexes[{i}]") for i, t in enumerate(obj.get("timexes", []))]
            types = [t.get("type") if isinstance(t, dict) else None for t in obj.get("timexes", [])]
            docs.append(GoldDocument(doc_id, n, published, list(dict.fromkeys(actors)),
                                     list(dict.fromkeys(optional)), timexes, [], types))
        for d, (n, _, obj) in zip(docs, records):
            d.events = [self.event(e, n, i) for i, e in enumerate(obj.get("events", []))]
        return Gold(self.source, docs, self.actors)


def parse_gold(lines, source: str = "gold.jsonl", gazetteer: Gazetteer | None = None) -> Gold:
    """Parse gold JSONL lines; raises :class:`GoldError` naming the line and the field."""
    return _GoldParser(source, gazetteer or load_gazetteer()).parse(lines)


def load_gold(path, gazetteer: Gazetteer | None = None) -> Gold:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GoldError(f"gold file not found: {p}") from None
    except UnicodeDecodeError:
        raise GoldError(f"{p}: the gold file is not UTF-8 text") from None
    except OSError as exc:
        raise GoldError(f"cannot read the gold file {p}: {exc.strerror or exc}") from None
    return parse_gold(text.splitlines(), str(path), gazetteer)


def _show(value) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
