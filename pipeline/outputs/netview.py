"""The data behind the interactive network of ``report.html``: the nodes and edges shown
(the most central actors first, at most :data:`MAX_NODES` and :data:`MAX_EDGES`), each
actor's events as agent and target, the evidence sentences of edges, the communities named
in the legend and the periods of the time control. Plain dicts, turned into JSON by
:mod:`pipeline.outputs.report`.
"""
from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
import pandas as pd

from ..reduce.writer import iter_rows
from ..reduce.tables import Tables
from .evidence import N_EVIDENCE, _Event, _marks_key, _Sentences

MAX_NODES = 2000
MAX_EDGES = 10000
N_ACTOR_EVENTS = 5  # events listed per actor and role (agent, target) in the actor panel
MONTHS_MAX = 36  # the time control counts in months up to this span, else in years
N_LEGEND = 12  # communities named in the legend
N_NAMES = 3  # actors naming a community


def network_data(tables: Tables, graph: nx.MultiDiGraph, max_nodes: int = MAX_NODES,
                 max_edges: int = MAX_EDGES) -> dict:
    """Nodes, edges and evidence sentences for the page's network view (JSON-ready)."""
    published = dict(zip(tables.documents["doc_id"], tables.documents["published"]))
    unit, periods = time_periods(published.values())
    slot = {p: i for i, p in enumerate(periods)}

    def period(date: str) -> int | None:
        return slot.get((date or "")[:7 if unit == "month" else 4])

    doc_period = {d: period(p) for d, p in published.items()}
    ranked = sorted(graph.nodes, key=lambda n: _rank_key(graph.nodes[n], n))
    shown = set(ranked[:max_nodes])
    edges = sorted(((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in shown and v in shown),
                   key=lambda e: (-int(e[3].get("weight", 1)), e[2]))
    n_edges_total = graph.number_of_edges()
    edges = edges[:max_edges]
    # co-mention evidence: sentences naming both actors, with the mentions' offsets; one
    # document's sentences at a time, keeping per pair only the keys evidence._pick can choose
    wanted = {(u, v) if u < v else (v, u) for u, v, _, d in edges if not d.get("directed")}
    evidence_keys: dict[tuple[str, str], tuple[list, list]] = {}  # pair -> (first of a doc, others)
    # sentences per period of each shown pair, mentions per period of each shown actor
    pair_t: dict[tuple[str, str], Counter] = defaultdict(Counter)
    node_t: dict[str, Counter] = defaultdict(Counter)

    def close(doc_id, sid, actors, seen):
        """One sentence's shown actors -> their mentions' offsets; ``seen``: the pairs
        of the document's earlier sentences."""
        t = doc_period.get(doc_id)
        for a, b in combinations(sorted(actors), 2):
            if (a, b) not in wanted:
                continue
            if t is not None:
                pair_t[(a, b)][t] += 1
            first, rest = evidence_keys.setdefault((a, b), ([], []))
            bucket = rest if (a, b) in seen else first
            seen.add((a, b))
            if len(bucket) < N_EVIDENCE:
                bucket.append(((doc_id, sid), sorted(actors[a] + actors[b])))

    m = tables.mentions
    if isinstance(m, pd.DataFrame) and len(m) and not m["doc_id"].is_monotonic_increasing:
        m = m.sort_values("doc_id", kind="stable")
    cols = ["doc_id", "sentence_id", "actor_id", "start_char", "end_char"]
    # a document's sentences are taken one at a time when its rows come in sentence order (as
    # the map step writes them), else the document's sentences are gathered first
    unordered = _unordered_docs(iter_rows(m, ["doc_id", "sentence_id"], size=65536))
    current, sid_now, seen = None, None, set()
    per_sentence = defaultdict(lambda: defaultdict(list))

    def finish(doc_id):
        for sid in sorted(per_sentence):
            close(doc_id, sid, per_sentence[sid], seen)
        per_sentence.clear()

    for doc_id, sid, aid, a, z in iter_rows(m, cols, size=16384):
        sid = int(sid)
        if doc_id != current:
            finish(current)
            current, sid_now, seen = doc_id, sid, set()
        elif sid != sid_now and doc_id not in unordered:
            finish(current)  # the sentence before is complete
            sid_now = sid
        if aid in shown:
            per_sentence[sid][aid].append((int(a), int(z)))
            t = doc_period.get(doc_id)
            if t is not None:
                node_t[aid][t] += 1
    finish(current)

    # action evidence: the first events of each (agent, target, type), in (doc_id,
    # sentence_id, event_id) order
    wanted_actions = {(u, v, d.get("event_type", "")) for u, v, _, d in edges if d.get("directed")}
    ev_by_edge: dict[tuple[str, str, str], list] = defaultdict(list)
    ev = tables.events
    if isinstance(ev, pd.DataFrame) and len(ev) and not ev["doc_id"].is_monotonic_increasing:
        ev = ev.sort_values("doc_id", kind="stable")
    cols = ["doc_id", "sentence_id", "event_id", "agent_id", "target_id", "event_type", "sentence", "trigger",
            "start_char", "end_char", "modality", "date"]

    action_t: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    # the actor panel: per actor, its latest events as agent and as target (undated last)
    by_actor: dict[tuple[str, str], list] = defaultdict(list)
    n_by_actor: Counter = Counter()

    def pick(e):
        """One event (its evidence, counts and the actor panel), in any order: an edge
        keeps the first events by document, sentence and event id."""
        key = (e.agent_id, e.target_id, e.event_type)
        if e.agent_id and e.target_id and key in wanted_actions:
            first = ev_by_edge[key]
            rank = (e.doc_id, int(e.sentence_id), e.event_id)
            if len(first) < N_EVIDENCE or rank < first[-1][0]:
                bisect.insort(first, (rank, e))
                del first[N_EVIDENCE:]
            t = period(e.date) if e.date else None
            if t is None:  # as edges.csv dates actions: the event's date, else its document's
                t = doc_period.get(e.doc_id)
            if t is not None:
                action_t[key][t] += 1
        for role, aid in (("a", e.agent_id), ("t", e.target_id)):
            if aid in shown:
                n_by_actor[(aid, role)] += 1
                item = (e.date or "", e.event_id, e)
                heap = by_actor[(aid, role)]
                if len(heap) < N_ACTOR_EVENTS:
                    heapq.heappush(heap, item)
                elif item[:2] > heap[0][:2]:
                    heapq.heapreplace(heap, item)

    for values in iter_rows(ev, cols, size=4096):  # one event at a time: a long document's are not held
        pick(_Event(*values))
    ev_by_edge = {key: [e for _, e in first] for key, first in ev_by_edge.items()}

    sentences = _Sentences(published)
    sentences.prepare(tables, {(doc_id, sid, _marks_key(marks)) for first, rest in evidence_keys.values()
                               for (doc_id, sid), marks in (first + rest)[:N_EVIDENCE]},
                      [e for picked in ev_by_edge.values() for e in picked])

    out_edges = []
    for u, v, k, d in edges:
        rec = {"id": k, "from": u, "to": v, "kind": d.get("kind", ""), "w": int(d.get("weight", 1)),
               "nd": int(d.get("n_documents", 0) or 0), "fs": d.get("first_seen", "") or "",
               "ls": d.get("last_seen", "") or ""}
        evidence = []
        if d.get("directed"):
            rec["et"] = d.get("event_type", "")
            rec["nh"] = int(d.get("n_hypothetical", 0) or 0)
            for e in ev_by_edge.get((u, v, rec["et"]), [])[:N_EVIDENCE]:
                item = sentences.add_event(e)
                if item is not None:
                    item.update({"mo": e.modality, "dt": e.date, "tr": e.trigger})
                    evidence.append(item)
        else:
            npmi = d.get("npmi")
            if npmi is not None and not (isinstance(npmi, float) and math.isnan(npmi)):
                rec["npmi"] = round(float(npmi), 4)
            a, b = (u, v) if u < v else (v, u)
            first, rest = evidence_keys.get((a, b), ([], []))
            for (doc_id, sid), marks in (first + rest)[:N_EVIDENCE]:
                item = sentences.add(doc_id, sid, marks)
                if item is not None:
                    evidence.append(item)
        rec["ev"] = evidence
        counts = (action_t.get((u, v, rec["et"])) if d.get("directed")
                  else pair_t.get((u, v) if u < v else (v, u)))
        rec["t"] = sorted([k, n] for k, n in (counts or {}).items())
        out_edges.append(rec)

    def actor_events(n: str, role: str) -> list[dict]:
        out = []
        for date, _, e in sorted(by_actor.get((n, role), []), reverse=True):
            item = sentences.add_event(e) or {}
            item.update({"id": e.event_id, "ty": e.event_type, "o": e.target_id if role == "a" else e.agent_id,
                         "dt": date, "mo": e.modality, "tr": e.trigger, "d": e.doc_id})
            out.append(item)
        return out

    rank = {n: i + 1 for i, n in enumerate(ranked)}
    degree = Counter()
    for u, v, k, d in graph.edges(keys=True, data=True):
        if not d.get("directed"):
            degree[u] += 1
            degree[v] += 1
    out_nodes = []
    for n in sorted(shown):
        d = graph.nodes[n]
        out_nodes.append({"id": n, "label": d.get("label", n), "type": d.get("type", ""),
                          "color": d.get("color", "#999999"), "size": float(d.get("size", 8.0)),
                          "x": float(d.get("x", 0.0)), "y": float(d.get("y", 0.0)),
                          "nm": int(d.get("n_mentions", 0)), "nd": int(d.get("n_documents", 0)),
                          "fs": d.get("first_seen", "") or "", "ls": d.get("last_seen", "") or "",
                          "qid": d.get("wikidata", "") or "", "deg": degree[n],
                          "c": int(d.get("community", 0) or 0), "wd": int(d.get("weighted_degree", 0) or 0),
                          "pr": _pr(d.get("pagerank")), "rank": rank[n],
                          "t": sorted([k, c] for k, c in node_t.get(n, {}).items()),
                          "ea": actor_events(n, "a"), "et": actor_events(n, "t"),
                          "na": n_by_actor[(n, "a")], "nt": n_by_actor[(n, "t")]})
    return {"nodes": out_nodes, "edges": out_edges, "sentences": sentences.items,
            "total": {"nodes": graph.number_of_nodes(), "edges": n_edges_total},
            "unit": unit, "periods": periods, "communities": community_legend(graph, ranked)}


def _unordered_docs(rows) -> set:
    """The documents whose ``(doc_id, sentence_id)`` rows (grouped by document) go back to
    an earlier sentence.

    >>> sorted(_unordered_docs([("a", 0), ("a", 1), ("b", 2), ("b", 1), ("c", 0)]))
    ['b']
    """
    out, current, last = set(), None, 0
    for doc_id, sid in rows:
        if doc_id != current:
            current, last = doc_id, sid
        elif sid < last:
            out.add(doc_id)
        else:
            last = sid
    return out


def _rank_key(d: dict, n: str) -> tuple:
    """Actors by PageRank, then mentions, then id (the report's order of importance)."""
    return (-_pr(d.get("pagerank")), -int(d.get("n_mentions", 0) or 0), n)


def _pr(v) -> float:
    try:
        v = float(v)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if math.isnan(v) else v


def time_periods(dates) -> tuple[str, list[str]]:
    """The time control's unit and periods from the documents' publication dates: months
    when the dated documents span at most :data:`MONTHS_MAX` months, else years; every
    period from the first to the last, empty ones included.

    >>> time_periods(["2022-02-24", "2022-04", "", "2022"])
    ('month', ['2022-02', '2022-03', '2022-04'])
    >>> time_periods(["2019-05-01", "2024-01-02"])[1]
    ['2019', '2020', '2021', '2022', '2023', '2024']
    """
    months = sorted(d[:7] for d in dates if re.match(r"^\d{4}-\d{2}", d or ""))
    years = sorted(d[:4] for d in dates if re.match(r"^\d{4}", d or ""))
    if months and len(_month_range(months[0], months[-1])) <= MONTHS_MAX and years[0] == months[0][:4] \
            and years[-1] == months[-1][:4]:
        return "month", _month_range(months[0], months[-1])
    if not years:
        return "year", []
    return "year", [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]


def community_legend(graph: nx.MultiDiGraph, ranked: list[str]) -> list[dict]:
    """The :data:`N_LEGEND` largest communities: number, colour, size and their
    :data:`N_NAMES` most central actors (``ranked`` is the report's order of importance)."""
    members: dict[int, list[str]] = defaultdict(list)
    for n in ranked:
        c = int(graph.nodes[n].get("community", 0) or 0)
        if c:
            members[c].append(n)
    out = []
    for c in sorted(members)[:N_LEGEND]:
        top = members[c][:N_NAMES]
        out.append({"c": c, "n": len(members[c]), "color": graph.nodes[top[0]].get("color", "#999999"),
                    "top": [graph.nodes[n].get("label", n) for n in top], "ids": top})
    return out


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out
