"""Measure extraction quality against a hand-annotated sample (a gold JSONL file).

The gold format and every metric are defined in ``docs/EVALUATION.md``. In short, one JSON
object per line::

    {"doc_id": "003_19d8ebd0b731c646", "published": "2022-02",
     "actors": [{"name": "OTAN", "type": "ORG"}, "Russie", {"name": "Kohan Kioshiko", "type": "PER"}],
     "optional": [{"name": "Traité de Washington", "type": "MISC"}],
     "timexes": [{"text": "jeudi", "value": "2022-02-24"}],
     "events": [{"agent": "Russie", "type": "MOBILIZE", "target": "Transnistrie",
                 "date": "2022-02", "modality": "asserted"}]}

Actors are referred to by any alias of the gazetteer (``models/actors.yaml``), by the label
the pipeline prints (``actors.csv``), or by a name of the gold file's own (with optional
``aliases``), compared with :func:`pipeline.nlp.gazetteer.alias_key` (no case, accents or
leading French article).

>>> from pipeline.evaluation.evaluate import load_gold, evaluate_predictions     # doctest: +SKIP
>>> report = evaluate_predictions(load_gold("gold.jsonl"), "outputs")  # doctest: +SKIP
>>> report["actors"]["overall"]["f1"]                                   # doctest: +SKIP
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..nlp.gazetteer import Gazetteer, alias_key, load_gazetteer

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT")
MODALITIES = ("asserted", "hypothetical", "negated")
ACTOR_TYPES = ("PER", "ORG", "LOC", "MISC")
GRAPH_TYPES = ("PER", "ORG", "LOC")

DOC_KEYS = ("doc_id", "published", "actors", "optional", "timexes", "events", "title", "source", "notes")
ACTOR_KEYS = ("id", "name", "type", "aliases", "notes")
TIMEX_KEYS = ("text", "value", "notes")
EVENT_KEYS = ("agent", "type", "target", "date", "modality", "attributed_to", "cue", "sentence", "notes")
PREDICTION_FILES = ("documents.csv", "documents.parquet", "mentions.csv", "actors.csv", "timexes.csv",
                    "events.csv")

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_UNSET = object()  # an optional gold field the annotator did not write


class GoldError(ValueError):
    """The gold file is invalid; the message names the file, the line and the field."""


class PredictionsError(ValueError):
    """The predictions folder is not a usable actorgraph output folder."""


# ============================================================================ gold
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


@dataclass
class GoldDocument:
    doc_id: str
    line: int
    published: object  # str ("" = no date) or _UNSET
    actors: list  # gold keys
    optional: list
    timexes: list  # [(text, value)]
    events: list  # [GoldEvent]


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
        return GoldEvent(agent=self.actor_ref(item["agent"], line, f"{where}.agent"), type=item["type"],
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
            docs.append(GoldDocument(doc_id, n, published, list(dict.fromkeys(actors)),
                                     list(dict.fromkeys(optional)), timexes, []))
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


# ============================================================================ predictions
@dataclass
class Predictions:
    folder: Path
    documents: pd.DataFrame  # index doc_id
    texts: dict
    mentions: pd.DataFrame
    actors: pd.DataFrame  # index actor_id
    timexes: pd.DataFrame
    events: pd.DataFrame


def load_predictions(folder) -> Predictions:
    out = Path(folder)
    if not out.is_dir():
        raise PredictionsError(f"predictions folder not found: {out}")
    missing = [f for f in PREDICTION_FILES if not (out / f).exists()]
    if missing:
        raise PredictionsError(f"{out} is not an actorgraph output folder (missing {', '.join(missing)})")

    def csv(name):
        return pd.read_csv(out / name, dtype=str, keep_default_na=False)

    docs = csv("documents.csv")
    texts = pd.read_parquet(out / "documents.parquet", columns=["doc_id", "text"])
    actors = csv("actors.csv")
    if "in_graph" not in actors.columns:
        actors["in_graph"] = actors["type"].isin(GRAPH_TYPES).map(str)
    return Predictions(out, docs.set_index("doc_id", drop=False),
                       {d: (t if isinstance(t, str) else "") for d, t in zip(texts["doc_id"], texts["text"])},
                       csv("mentions.csv"), actors.set_index("actor_id", drop=False), csv("timexes.csv"),
                       csv("events.csv"))


def match_documents(gold: Gold, pred: Predictions) -> dict[str, str]:
    """gold doc_id -> predicted doc_id: the same id, else the document whose ``source`` is
    the gold id, else the same id without a file extension."""
    by_source = dict(zip(pred.documents["source"], pred.documents["doc_id"])) \
        if "source" in pred.documents.columns else {}
    ids = set(pred.documents["doc_id"])
    mapping, missing = {}, []
    for d in gold.documents:
        if d.doc_id in ids:
            mapping[d.doc_id] = d.doc_id
        elif d.doc_id in by_source:
            mapping[d.doc_id] = by_source[d.doc_id]
        elif Path(d.doc_id).stem in ids:
            mapping[d.doc_id] = Path(d.doc_id).stem
        else:
            missing.append(d)
    if missing:
        d = missing[0]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise PredictionsError(f"{gold.path} line {d.line}: document {d.doc_id!r}{more} is not in the predictions "
                               f"({pred.folder / 'documents.csv'} has {len(ids)} documents)")
    return mapping


# ============================================================================ scoring
def _show(value) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def prf(tp: int, fp: int, fn: int) -> dict:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    if p is None or r is None:
        f1 = None
    else:
        f1 = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


class _ActorMap:
    """Maps a predicted actor of a document to a gold actor key."""

    def __init__(self, gold: Gold, pred: Predictions, docs: dict[str, str]):
        self.gold, self.pred = gold, pred
        self.global_index = gold.index()
        self.local_index = {}
        self.local_keys = {}
        for d in gold.documents:
            keys = [*d.actors, *d.optional]
            self.local_keys[docs[d.doc_id]] = set(keys)
            self.local_index[docs[d.doc_id]] = gold.index(keys)
        self.forms: dict[tuple[str, str], set] = defaultdict(set)
        self.by_doc: dict[str, set] = defaultdict(set)  # doc_id -> actor ids mentioned
        for doc_id, aid, text in zip(pred.mentions["doc_id"], pred.mentions["actor_id"], pred.mentions["text"]):
            if aid:
                self.forms[(doc_id, aid)].add(text)
                self.by_doc[doc_id].add(aid)
        self._cache: dict = {}

    def label(self, aid: str) -> str:
        return self.pred.actors.at[aid, "label"] if aid in self.pred.actors.index else aid

    def __call__(self, doc_id: str, aid: str) -> str | None:
        if not aid:
            return None
        if (doc_id, aid) not in self._cache:
            self._cache[(doc_id, aid)] = self._map(doc_id, aid)
        return self._cache[(doc_id, aid)]

    def _map(self, doc_id: str, aid: str) -> str | None:
        candidates = [self.label(aid), aid, *sorted(self.forms.get((doc_id, aid), ()))]
        keys = [alias_key(c) for c in candidates if c]
        local_keys = self.local_keys.get(doc_id, set())
        local_index = self.local_index.get(doc_id, {})
        if aid in local_keys:
            return aid
        for k in keys:
            if k in local_index:
                return local_index[k]
        if aid in self.gold.actors:
            return aid
        for k in keys:
            if k in self.global_index:
                return self.global_index[k]
        return None


def score_actors(gold: Gold, pred: Predictions, docs: dict[str, str], amap: _ActorMap,
                 all_types: bool = False) -> tuple[dict, dict]:
    """Per-document actor scores by type and overall, and corpus-wide fragmentation."""
    types = ACTOR_TYPES if all_types else GRAPH_TYPES
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in ACTOR_TYPES}
    fps, misses, mismatches = [], [], []
    fragments: dict[str, set] = defaultdict(set)
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        gold_set = {k for k in d.actors if gold.actors[k].type in types}
        # a gold actor of a type that is not scored is neither rewarded nor punished
        ignore = set(d.optional) | (set(d.actors) - gold_set)
        predicted = sorted(amap.by_doc.get(doc_id, ()))
        found = set()
        for aid in predicted:
            row = pred.actors.loc[aid] if aid in pred.actors.index else None
            ptype = row["type"] if row is not None else ""
            if not all_types and (row is None or row["in_graph"] != "True"):
                continue
            gid = amap(doc_id, aid)
            if gid is not None:
                fragments[gid].add(aid)
            if gid in gold_set:
                found.add(gid)
                if ptype != gold.actors[gid].type:
                    mismatches.append({"doc_id": d.doc_id, "actor": gold.actors[gid].name, "gold_type":
                                       gold.actors[gid].type, "actor_id": aid, "predicted_type": ptype})
            elif gid in ignore:
                continue
            else:
                counts[ptype if ptype in counts else "MISC"]["fp"] += 1
                fps.append({"doc_id": d.doc_id, "actor_id": aid, "label": amap.label(aid), "type": ptype,
                            "forms": sorted(amap.forms[(doc_id, aid)]),
                            "gold": gold.name(gid) if gid is not None else None})
        for gid in sorted(found):
            counts[gold.actors[gid].type]["tp"] += 1
        for gid in sorted(gold_set - found, key=lambda k: gold.actors[k].name):
            counts[gold.actors[gid].type]["fn"] += 1
            misses.append({"doc_id": d.doc_id, "actor": gold.actors[gid].name, "type": gold.actors[gid].type})
    by_type = {t: prf(**counts[t]) for t in types}
    total = {k: sum(counts[t][k] for t in types) for k in ("tp", "fp", "fn")}
    report = {"scored_types": list(types), "by_type": by_type, "overall": prf(**total),
              "misses": misses, "false_positives": fps, "type_mismatches": mismatches}
    split = {gold.actors[gid].name: sorted(ids) for gid, ids in sorted(fragments.items()) if len(ids) > 1}
    frag = {"gold_actors_found": len(fragments), "predicted_ids": sum(len(v) for v in fragments.values()),
            "ids_per_gold_actor": _ratio(sum(len(v) for v in fragments.values()), len(fragments)),
            "extra_ids": sum(len(v) - 1 for v in split.values()), "split_actors": split}
    return report, frag


def score_timexes(gold: Gold, pred: Predictions, docs: dict[str, str]) -> dict:
    """A gold (text, value) is correct when some occurrence of the text in the cleaned text
    overlaps a predicted timex with that value."""
    tx = pred.timexes
    correct = total = 0
    misses = []
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        text = pred.texts.get(doc_id, "")
        rows = tx[tx["doc_id"] == doc_id]
        spans = list(zip(rows["start_char"].astype(int), rows["end_char"].astype(int), rows["value"]))
        for surface, value in d.timexes:
            total += 1
            starts = [m.start() for m in re.finditer(re.escape(surface), text)]
            if not starts:
                misses.append({"doc_id": d.doc_id, "text": surface, "value": value, "predicted": None,
                               "reason": "text not found in the document"})
                continue
            seen = [v for s in starts for s0, e0, v in spans if s0 < s + len(surface) and e0 > s]
            if value in seen:
                correct += 1
            else:
                misses.append({"doc_id": d.doc_id, "text": surface, "value": value,
                               "predicted": list(dict.fromkeys(seen)),
                               "reason": "wrong value" if seen else "no timex predicted there"})
    return {"correct": correct, "total": total, "accuracy": _ratio(correct, total), "misses": misses}


def score_published(gold: Gold, pred: Predictions, docs: dict[str, str]) -> dict:
    correct = total = 0
    wrong = []
    for d in gold.documents:
        if d.published is _UNSET:
            continue
        total += 1
        got = pred.documents.at[docs[d.doc_id], "published"]
        if got == d.published:
            correct += 1
        else:
            wrong.append({"doc_id": d.doc_id, "gold": d.published, "predicted": got})
    return {"correct": correct, "total": total, "accuracy": _ratio(correct, total), "wrong": wrong}


def score_events(gold: Gold, pred: Predictions, docs: dict[str, str], amap: _ActorMap) -> dict:
    """Event recall (gold events found) and precision (predicted events that match a gold
    event) on agent, type and target; also with the date and with the modality."""
    ev = pred.events
    name = gold.name
    n_gold = n_pred = 0
    hit = {"agent_type_target": 0, "with_date": 0, "with_modality": 0, "agent_type": 0}
    attr_hit = attr_total = 0
    phit = {"agent_type_target": 0, "with_date": 0, "with_modality": 0}
    misses, fps, wrong_date, wrong_modality, wrong_attr = [], [], [], [], []
    for d in gold.documents:
        doc_id = docs[d.doc_id]
        rows = ev[ev["doc_id"] == doc_id]
        predicted = [{"event_id": r.event_id, "agent": amap(doc_id, r.agent_id), "type": r.event_type,
                      "target": amap(doc_id, r.target_id), "date": r.date, "modality": r.modality,
                      "attributed_to": amap(doc_id, r.attributed_to), "attributed_id": r.attributed_to,
                      "agent_id": r.agent_id, "target_id": r.target_id, "sentence": r.sentence}
                     for r in rows.itertuples(index=False)]

        def same(p, g):
            return p["agent"] == g.agent and p["type"] == g.type and p["target"] == g.target

        for g in d.events:
            n_gold += 1
            hits = [p for p in predicted if same(p, g)]
            hit["agent_type"] += any(p["agent"] == g.agent and p["type"] == g.type for p in predicted)
            gdesc = {"doc_id": d.doc_id, "line": g.line, "event": g.index, "agent": name(g.agent), "type": g.type,
                     "target": name(g.target)}
            if not hits:
                near = [p for p in predicted if p["type"] == g.type and (p["agent"] == g.agent
                                                                         or p["target"] == g.target)]
                closest = list(dict.fromkeys(_event_str(p, amap) for p in near))[:3]
                misses.append({**gdesc, "cue": g.cue, "closest": closest})
                continue
            hit["agent_type_target"] += 1
            if any(p["date"] == g.date for p in hits):
                hit["with_date"] += 1
            else:
                wrong_date.append({**gdesc, "gold": g.date, "predicted": sorted({p["date"] for p in hits})})
            if any(p["modality"] == g.modality for p in hits):
                hit["with_modality"] += 1
            else:
                wrong_modality.append({**gdesc, "gold": g.modality,
                                       "predicted": sorted({p["modality"] for p in hits})})
            if g.attributed_to is not _UNSET:
                attr_total += 1
                if any(p["attributed_to"] == g.attributed_to for p in hits):
                    attr_hit += 1
                else:
                    wrong_attr.append({**gdesc, "gold": name(g.attributed_to),
                                       "predicted": sorted({_who(p["attributed_to"], p["attributed_id"], amap)
                                                            for p in hits})})
        for p in predicted:
            n_pred += 1
            matches = [g for g in d.events if same(p, g)]
            if not matches:
                fps.append({"doc_id": d.doc_id, "event_id": p["event_id"], "event": _event_str(p, amap),
                            "modality": p["modality"], "date": p["date"], "sentence": _short(p["sentence"])})
                continue
            phit["agent_type_target"] += 1
            phit["with_date"] += any(g.date == p["date"] for g in matches)
            phit["with_modality"] += any(g.modality == p["modality"] for g in matches)
    recall = {k: _ratio(v, n_gold) for k, v in hit.items()}
    recall["with_attribution"] = _ratio(attr_hit, attr_total)
    return {"gold": n_gold, "predicted": n_pred,
            "found": dict(hit, with_attribution=attr_hit), "attribution_annotated": attr_total,
            "recall": recall, "correct_predicted": phit,
            "precision": {k: _ratio(v, n_pred) for k, v in phit.items()},
            "misses": misses, "false_positives": fps, "wrong_date": wrong_date,
            "wrong_modality": wrong_modality, "wrong_attribution": wrong_attr}


def _who(gid, aid, amap: _ActorMap) -> str:
    if not aid:
        return "∅"
    return amap.gold.name(gid) if gid is not None else f"{amap.label(aid)} [{aid}]"


def _event_str(p: dict, amap: _ActorMap) -> str:
    return f"{_who(p['agent'], p['agent_id'], amap)} –{p['type']}→ {_who(p['target'], p['target_id'], amap)}"


def _short(text: str, n: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ============================================================================ API
def evaluate_predictions(gold: Gold, predictions, all_types: bool = False) -> dict:
    """Score an output folder (``predictions``) against ``gold``; returns the report dict
    that ``evaluation.json`` holds."""
    pred = predictions if isinstance(predictions, Predictions) else load_predictions(predictions)
    docs = match_documents(gold, pred)
    amap = _ActorMap(gold, pred, docs)
    actors, frag = score_actors(gold, pred, docs, amap, all_types)
    statuses = {d.doc_id: pred.documents.at[docs[d.doc_id], "status"] for d in gold.documents}
    warnings = [f"document {k!r} was not analysed (status {v}): everything in it counts as missed"
                for k, v in statuses.items() if v not in ("ok", "")]
    return {
        "gold": gold.path,
        "predictions": str(pred.folder),
        "n_documents": len(gold.documents),
        "warnings": warnings,
        "actors": actors,
        "fragmentation": frag,
        "timexes": score_timexes(gold, pred, docs),
        "published": score_published(gold, pred, docs),
        "events": score_events(gold, pred, docs, amap),
    }


def evaluate_corpus(gold: Gold, corpus, out=None, all_types: bool = False, nlp=None, **run_options) -> dict:
    """Run the pipeline on ``corpus`` (into ``out/predictions``, or a temporary folder when
    ``out`` is None) and score it. ``run_options`` go to :class:`pipeline.run.RunConfig`."""
    import tempfile

    from ..run import RunConfig, run

    def go(folder: Path) -> dict:
        run(RunConfig(corpus=str(corpus), out=str(folder), **run_options), nlp=nlp)
        report = evaluate_predictions(gold, folder, all_types)
        report["corpus"] = str(corpus)
        return report

    if out is not None:
        return go(Path(out) / "predictions")
    with tempfile.TemporaryDirectory(prefix="actorgraph-eval-") as tmp:
        report = go(Path(tmp))
        report["predictions"] = None  # the folder is gone
        return report


# ============================================================================ reports
def _fmt(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def render_markdown(report: dict, max_items: int | None = None) -> str:
    """The report as Markdown (``evaluation.md``); ``max_items`` caps each list."""
    a, fr, tx, pd_, ev = (report[k] for k in ("actors", "fragmentation", "timexes", "published", "events"))
    out = ["# actorgraph evaluation", ""]
    src = report.get("corpus") or report.get("predictions") or ""
    out += [f"Gold `{report['gold']}` ({report['n_documents']} documents) against `{src}`.", ""]
    for w in report.get("warnings", []):
        out.append(f"> warning: {w}")
    if report.get("warnings"):
        out.append("")
    out += ["## Actors (per document)", "",
            f"Scored types: {', '.join(a['scored_types'])}.", "",
            "| type | TP | FP | FN | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for t, s in [*a["by_type"].items(), ("overall", a["overall"])]:
        name = f"**{t}**" if t == "overall" else t
        out.append(f"| {name} | {s['tp']} | {s['fp']} | {s['fn']} | {_fmt(s['precision'])} | "
                   f"{_fmt(s['recall'])} | {_fmt(s['f1'])} |")
    out += ["", f"Fragmentation: {fr['gold_actors_found']} gold actors found as {fr['predicted_ids']} predicted "
                f"ids ({_fmt(fr['ids_per_gold_actor'])} per actor); {len(fr['split_actors'])} split, "
                f"{fr['extra_ids']} extra ids.", ""]
    e_r, e_p = ev["recall"], ev["precision"]
    out += ["## Temporal expressions, publication dates, events", "",
            "| what | found | of | score |", "|---|---:|---:|---:|",
            f"| timex value accuracy | {tx['correct']} | {tx['total']} | {_fmt(tx['accuracy'])} |",
            f"| publication date accuracy | {pd_['correct']} | {pd_['total']} | {_fmt(pd_['accuracy'])} |"]
    for k, label in [("agent_type_target", "agent, type, target"), ("with_date", "… and date"),
                     ("with_modality", "… and modality"), ("agent_type", "agent and type only")]:
        out.append(f"| event recall: {label} | {ev['found'][k]} | {ev['gold']} | {_fmt(e_r[k])} |")
    if ev["attribution_annotated"]:
        out.append(f"| event recall: … and attribution | {ev['found']['with_attribution']} | "
                   f"{ev['attribution_annotated']} | {_fmt(e_r['with_attribution'])} |")
    for k, label in [("agent_type_target", "agent, type, target"), ("with_date", "… and date"),
                     ("with_modality", "… and modality")]:
        out.append(f"| event precision: {label} | {ev['correct_predicted'][k]} | {ev['predicted']} | "
                   f"{_fmt(e_p[k])} |")
    out += ["", "Event precision counts every predicted event of the gold documents: if the gold lists only "
                "some events, it is a lower bound.", ""]

    def section(title: str, items: list, fmt) -> None:
        out.append(f"### {title} ({len(items)})")
        out.append("")
        shown = items if max_items is None else items[:max_items]
        out.extend(f"- {fmt(x)}" for x in shown)
        if len(shown) < len(items):
            out.append(f"- … {len(items) - len(shown)} more (see evaluation.json)")
        if not items:
            out.append("- none")
        out.append("")

    out += ["## What went wrong", ""]
    section("Actors missed", a["misses"], lambda x: f"`{x['doc_id']}` {x['actor']} ({x['type']})")
    section("Actors predicted but not in the gold", a["false_positives"],
            lambda x: f"`{x['doc_id']}` {x['label']} [{x['actor_id']}, {x['type']}] written "
                      f"{' | '.join(x['forms'])}" + (f" (maps to {x['gold']}, not in this document)"
                                                      if x["gold"] else ""))
    section("Actor type differs", a["type_mismatches"],
            lambda x: f"`{x['doc_id']}` {x['actor']}: gold {x['gold_type']}, predicted {x['predicted_type']} "
                      f"[{x['actor_id']}]")
    section("Gold actors split into several ids", list(fr["split_actors"].items()),
            lambda x: f"{x[0]}: {', '.join(x[1])}")
    section("Temporal expressions missed", tx["misses"],
            lambda x: f"`{x['doc_id']}` \"{x['text']}\" = {x['value']}: {x['reason']}"
                      + (f" ({', '.join(x['predicted'])})" if x["predicted"] else ""))
    section("Publication dates wrong", pd_["wrong"],
            lambda x: f"`{x['doc_id']}` gold {x['gold'] or '(none)'}, predicted {x['predicted'] or '(none)'}")

    def ev_gold(x):
        return f"`{x['doc_id']}` line {x['line']} events[{x['event']}]: {x['agent'] or '∅'} –{x['type']}→ " \
               f"{x['target'] or '∅'}"

    section("Events missed", ev["misses"],
            lambda x: ev_gold(x) + (f" (cue: {x['cue']})" if x["cue"] else "")
            + (f"; predicted nearby: {'; '.join(x['closest'])}" if x["closest"] else ""))
    section("Events found with a wrong date", ev["wrong_date"],
            lambda x: ev_gold(x) + f": gold {x['gold'] or '(none)'}, predicted "
                                   f"{', '.join(v or '(none)' for v in x['predicted'])}")
    section("Events found with a wrong modality", ev["wrong_modality"],
            lambda x: ev_gold(x) + f": gold {x['gold']}, predicted {', '.join(x['predicted'])}")
    if ev["attribution_annotated"]:
        section("Events found with a wrong attribution", ev["wrong_attribution"],
                lambda x: ev_gold(x) + f": gold {x['gold'] or '(none)'}, predicted "
                                       f"{', '.join(str(v) for v in x['predicted'])}")
    section("Events predicted but not in the gold", ev["false_positives"],
            lambda x: f"`{x['doc_id']}` {x['event']} ({x['modality']}{', ' + x['date'] if x['date'] else ''}): "
                      f"{x['sentence']}")
    return "\n".join(out).rstrip() + "\n"


def render_summary(report: dict) -> str:
    """A few lines for the terminal."""
    a, fr, tx, pd_, ev = (report[k] for k in ("actors", "fragmentation", "timexes", "published", "events"))
    o = a["overall"]
    lines = [f"actors ({'/'.join(a['scored_types'])}): P {_fmt(o['precision'])} R {_fmt(o['recall'])} "
             f"F1 {_fmt(o['f1'])}   ({o['tp']} TP, {o['fp']} FP, {o['fn']} FN)"]
    for t, s in a["by_type"].items():
        lines.append(f"  {t:<4} P {_fmt(s['precision'])} R {_fmt(s['recall'])} F1 {_fmt(s['f1'])}   "
                     f"({s['tp']} TP, {s['fp']} FP, {s['fn']} FN)")
    lines += [f"fragmentation: {len(fr['split_actors'])} gold actors split, {fr['extra_ids']} extra ids",
              f"timex values: {tx['correct']}/{tx['total']} = {_fmt(tx['accuracy'])}",
              f"publication dates: {pd_['correct']}/{pd_['total']} = {_fmt(pd_['accuracy'])}",
              f"events: recall {_fmt(ev['recall']['agent_type_target'])} "
              f"(with date {_fmt(ev['recall']['with_date'])}, with modality {_fmt(ev['recall']['with_modality'])}), "
              f"precision {_fmt(ev['precision']['agent_type_target'])} "
              f"(with date {_fmt(ev['precision']['with_date'])}, with modality "
              f"{_fmt(ev['precision']['with_modality'])})   [{ev['gold']} gold, {ev['predicted']} predicted]"]
    return "\n".join(lines)


def write_report(report: dict, out) -> list[Path]:
    """Write ``evaluation.json`` and ``evaluation.md`` into ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    js, md = folder / "evaluation.json", folder / "evaluation.md"
    js.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md.write_text(render_markdown(report), encoding="utf-8")
    return [js, md]
