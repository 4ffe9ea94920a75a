"""Score an output folder against a gold annotation (actors, timexes, publication dates).

Gold format (the seed gold's): ``gold[file_name] = {doc_date, actors, optional, timex,
events}`` and ``gold_actors[id] = {type, wikidata, aliases}``. A predicted actor maps to
a gold actor when its label or one of the surface forms seen in that document equals a
gold alias (or the gold id) compared without case, accents and leading article.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .gazetteer import alias_key


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _doc_key(name: str) -> str:
    return Path(name).stem


def gold_alias_index(gold_actors: dict) -> dict[str, str]:
    index = {}
    for gid, info in gold_actors.items():
        for form in [gid, *info.get("aliases", [])]:
            index.setdefault(alias_key(form), gid)
    return index


def score_actors(out: Path, gold: dict, gold_actors: dict, graph_only: bool = True) -> tuple[Score, dict]:
    """Actor precision/recall per document, and fragmentation per gold actor."""
    mentions = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False).set_index("actor_id")
    index = gold_alias_index(gold_actors)
    score = Score()
    fragments: dict[str, set] = defaultdict(set)
    for fname, g in sorted(gold.items()):
        doc_id = _doc_key(fname)
        m = mentions[mentions["doc_id"] == doc_id]
        predicted: dict[str, set] = defaultdict(set)
        for aid, text in zip(m["actor_id"], m["text"]):
            if not aid or aid not in actors.index:
                continue
            if graph_only and actors.loc[aid, "in_graph"] != "True":
                continue
            predicted[aid].add(text)
        gold_set, optional = set(g["actors"]), set(g.get("optional", []))
        found = set()
        for aid, forms in sorted(predicted.items()):
            candidates = [actors.loc[aid, "label"], *sorted(forms)]
            gid = next((index[alias_key(f)] for f in candidates if alias_key(f) in index), None)
            if gid is not None:
                fragments[gid].add(aid)
            if gid in gold_set:
                found.add(gid)
            elif gid in optional:
                continue
            else:
                score.fp += 1
                score.false_positives.append((doc_id, aid, sorted(forms)[0]))
        score.tp += len(found)
        for gid in sorted(gold_set - found):
            score.fn += 1
            score.misses.append((doc_id, gid))
    fragmentation = {gid: len(ids) - 1 for gid, ids in fragments.items() if len(ids) > 1}
    return score, fragmentation


def score_timexes(out: Path, gold: dict) -> tuple[int, int, list]:
    """(correct, total, misses): a gold timex is correct when a predicted timex overlapping
    its first occurrence in the text has the gold value."""
    tx = pd.read_csv(out / "timexes.csv", dtype=str, keep_default_na=False)
    texts = pd.read_parquet(out / "documents.parquet").set_index("doc_id")["text"]
    correct, total, misses = 0, 0, []
    for fname, g in sorted(gold.items()):
        doc_id = _doc_key(fname)
        text = texts.get(doc_id, "")
        rows = tx[tx["doc_id"] == doc_id]
        starts = rows["start_char"].astype(int).tolist()
        ends = rows["end_char"].astype(int).tolist()
        values = rows["value"].tolist()
        for surface, value in g.get("timex", []):
            total += 1
            occurrences = [i for i in range(len(text)) if text.startswith(surface, i)]
            if not occurrences:
                misses.append((doc_id, surface, value, "surface not in text"))
                continue
            # a gold expression may occur several times: it is found if any occurrence
            # is covered by a predicted timex with the gold value
            seen = []
            for start in occurrences:
                end = start + len(surface)
                seen += [v for s0, e0, v in zip(starts, ends, values) if s0 < end and e0 > start]
            if value in seen:
                correct += 1
            else:
                misses.append((doc_id, surface, value, "|".join(dict.fromkeys(seen)) or "not found"))
    return correct, total, misses


def score_pubdates(out: Path, gold: dict) -> tuple[int, int, list]:
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    correct, wrong = 0, []
    for fname, g in sorted(gold.items()):
        doc_id = _doc_key(fname)
        want = g.get("doc_date") or ""
        got = docs.loc[doc_id, "published"] if doc_id in docs.index else ""
        if want == got:
            correct += 1
        else:
            wrong.append((doc_id, want, got))
    return correct, len(gold), wrong


def _actor_to_gold(out: Path, gold_actors: dict) -> dict[tuple[str, str], str]:
    """(doc_id, actor_id) -> gold id, through the actor's label or its surface forms in
    that document."""
    mentions = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    actors = pd.read_csv(out / "actors.csv", dtype=str, keep_default_na=False).set_index("actor_id")
    index = gold_alias_index(gold_actors)
    forms: dict[tuple[str, str], set] = defaultdict(set)
    for doc_id, aid, text in zip(mentions["doc_id"], mentions["actor_id"], mentions["text"]):
        forms[(doc_id, aid)].add(text)
    mapping = {}
    for (doc_id, aid), fs in forms.items():
        label = actors.loc[aid, "label"] if aid in actors.index else ""
        for f in [label, *sorted(fs)]:
            if alias_key(f) in index:
                mapping[(doc_id, aid)] = index[alias_key(f)]
                break
    for aid in actors.index:  # actors known only through events (adjectives)
        key = alias_key(actors.loc[aid, "label"])
        if key in index:
            mapping.setdefault(("*", aid), index[key])
    return mapping


def score_events(out: Path, gold: dict, gold_actors: dict) -> dict:
    """Recall of gold events with agent, type and target matching (a gold target of null
    matches an empty target), also with modality; and agent+type recall."""
    events = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    to_gold = _actor_to_gold(out, gold_actors)

    def g(doc_id, aid):
        if not aid:
            return None
        return to_gold.get((doc_id, aid)) or to_gold.get(("*", aid)) or f"?{aid}"

    strict = with_modality = agent_type = total = 0
    misses = []
    for fname, gd in sorted(gold.items()):
        doc_id = _doc_key(fname)
        ev = events[events["doc_id"] == doc_id]
        pred = [(g(doc_id, a), t, g(doc_id, b), m) for a, t, b, m in
                zip(ev["agent_id"], ev["event_type"], ev["target_id"], ev["modality"])]
        for e in gd.get("events", []):
            total += 1
            hits = [p for p in pred if p[0] == e["agent"] and p[1] == e["type"] and p[2] == e["target"]]
            if hits:
                strict += 1
                with_modality += any(p[3] == e["modality"] for p in hits)
            else:
                misses.append((doc_id, e["agent"], e["type"], e["target"]))
            agent_type += any(p[0] == e["agent"] and p[1] == e["type"] for p in pred)
    return {"gold_events": total, "predicted_events": len(events),
            "recall_agent_type_target": strict / total if total else 0.0,
            "recall_with_modality": with_modality / total if total else 0.0,
            "recall_agent_type": agent_type / total if total else 0.0, "misses": misses}
