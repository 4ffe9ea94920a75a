"""``report.html``: one self-contained page to look at a run.

The corpus summary, the top actors and edges, a chart of events per month by type
(inline SVG drawn here) and an interactive network (vis-network, vendored in
``pipeline/outputs/static/`` and inlined): search an actor, see its neighbours and the evidence
sentences of an edge. The page makes no network request and holds no timestamp, so the
same tables give the same bytes. Evidence sentences of edges and events:
:mod:`pipeline.outputs.evidence`.

>>> EVENT_COLORS[EVENT_TYPES[0]], TYPE_NAMES["LOC"]
('#1f77b4', 'place / state')
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pandas as pd

from .. import __version__
from ..lexicon import mapping, word_list
from ..reduce.writer import iter_rows
from ..reduce.tables import Tables
from .evidence import N_EVIDENCE, _Event, _marks_key, _Sentences, sentence_bounds  # noqa: F401 (re-exported)
from .netview import MAX_EDGES, MAX_NODES, _month_range, _rank_key, network_data  # noqa: F401 (re-exported)

STATIC = Path(__file__).resolve().parent / "static"
TOP_ROWS = 20
DEFAULT_NODES = 80  # actors of the default view (the most central)

# the PLOVER types in chart order, and their colours (models/event_types.yaml)
EVENT_TYPES = list(word_list("event_types.yaml", "event_types"))
EVENT_COLORS = mapping("event_types.yaml", "report_colors")
TYPE_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place / state", "MISC": "other"}


# ----------------------------------------------------------------------------- helpers
def _esc(v) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def _num(v) -> str:
    return f"{int(v):,}".replace(",", "\u202f")


def _f(v, digits=2) -> str:
    try:
        v = float(v)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(v) else f"{v:.{digits}f}"


def _json_for_script(data) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` breakout)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _static(name: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    # no source map lookup; no way to close the inline element early
    text = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", text)
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


# ----------------------------------------------------------------------------- data


def month_counts(events: pd.DataFrame) -> tuple[dict[str, Counter], int, int]:
    """``({YYYY-MM: Counter(event_type)}, n_undated, n_year_only)`` from events' dates."""
    months: dict[str, Counter] = defaultdict(Counter)
    undated = year_only = 0
    for date, etype in iter_rows(events, ["date", "event_type"]):
        if re.match(r"^\d{4}-\d{2}", date or ""):
            months[date[:7]][etype] += 1
        elif date:
            year_only += 1
        else:
            undated += 1
    return dict(months), undated, year_only


def events_chart(events: pd.DataFrame) -> str:
    """Stacked bars of events per month (per year past 120 months) by type, as inline SVG."""
    months, undated, year_only = month_counts(events)
    n_drawn = sum(sum(c.values()) for c in months.values())
    caption = (f"{_num(n_drawn)} events with a date known to the month are drawn; "
               f"{_num(year_only)} dated only to the year and {_num(undated)} undated are not.")
    if not months:
        return f'<p class="muted" id="ag-chart-empty">No event has a date known to the month. {caption}</p>'
    keys = _month_range(min(months), max(months))
    unit = "month"
    if len(keys) > 120:
        unit = "year"
        years: dict[str, Counter] = defaultdict(Counter)
        for k, c in months.items():
            years[k[:4]].update(c)
        keys = [str(y) for y in range(int(min(years)), int(max(years)) + 1)]
        months = dict(years)
    types = [t for t in EVENT_TYPES if any(months.get(k, Counter())[t] for k in keys)]
    types += sorted({t for c in months.values() for t in c} - set(types))
    peak = max(sum(months.get(k, Counter()).values()) for k in keys)
    step = _nice_step(peak)
    top = step * math.ceil(peak / step)
    W, H, L, R, T, B = 900, 300, 44, 10, 12, 56
    pw, ph = W - L - R, H - T - B
    bw = pw / len(keys)
    parts = [f'<svg id="ag-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" '
             f'role="img" aria-label="Events per {unit} by type" data-bars="{len(keys)}">']
    for i in range(0, int(top / step) + 1):
        val = i * step
        y = T + ph - ph * val / top
        parts.append(f'<line x1="{L}" x2="{W - R}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{val}</text>')
    label_every = max(1, math.ceil(len(keys) / 24))
    for i, k in enumerate(keys):
        x = L + i * bw
        y0 = T + ph
        for t in types:
            n = months.get(k, Counter())[t]
            if not n:
                continue
            h = ph * n / top
            y0 -= h
            parts.append(f'<rect x="{x + bw * 0.1:.1f}" y="{y0:.1f}" width="{max(bw * 0.8, 1):.1f}" '
                         f'height="{h:.1f}" fill="{EVENT_COLORS.get(t, "#333333")}">'
                         f'<title>{k} {t}: {n}</title></rect>')
        if i % label_every == 0:
            cx = x + bw / 2
            parts.append(f'<text x="{cx:.1f}" y="{T + ph + 14}" text-anchor="end" class="tick" '
                         f'transform="rotate(-45 {cx:.1f} {T + ph + 14})">{k}</text>')
    parts.append(f'<line x1="{L}" x2="{W - R}" y1="{T + ph}" y2="{T + ph}" class="axis"/></svg>')
    legend = "".join(f'<span class="key"><i style="background:{EVENT_COLORS.get(t, "#333333")}"></i>{t}</span>'
                     for t in types)
    return "".join(parts) + f'<div class="legend">{legend}</div><p class="muted">Per {unit}. {caption}</p>'


def _nice_step(peak: int) -> int:
    for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if peak / s <= 6:
            return s
    return 10 ** len(str(peak))


# ----------------------------------------------------------------------------- page
def _summary(tables: Tables, graph: nx.MultiDiGraph) -> str:
    d = tables.documents
    status = Counter(d["status"])
    dated = d.loc[d["published"] != "", "published"]
    edges = tables.edges
    n_co = int((edges["kind"] == "comention").sum())
    n_act = int((edges["kind"] == "action").sum())
    rows = [
        ("documents", f"{_num(len(d))} ({_num(status.get('ok', 0))} analysed, {_num(status.get('error', 0))} "
                      f"errors, {_num(status.get('duplicate', 0))} duplicates)"),
        ("stories", _stories(d)),
        ("tokens", _num(d["n_tokens"].sum())),
        ("publication dates", (f"{_num(len(dated))} documents dated, {_esc(dated.min())} to {_esc(dated.max())}"
                               if len(dated) else "no document dated")),
        ("mentions", _num(len(tables.mentions))),
        ("actors", f"{_num(len(tables.actors))} ({_num(graph.number_of_nodes())} in the graph)"),
        ("edges", f"{_num(n_co)} co-mention, {_num(n_act)} action"),
        ("events", _num(len(tables.events))),
        ("temporal expressions", _num(len(tables.timexes))),
    ]
    body = "".join(f"<tr><th>{_esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="summary" id="ag-summary">{body}</table>'


def _stories(d) -> str:
    """How many stories the analysed documents tell: reprints of one story count once."""
    if "story_id" not in d.columns:
        return "not grouped"
    ok = d[(d["status"] == "ok") & (d["story_id"] != "")]
    n_stories = ok["story_id"].nunique()
    return (f"{_num(n_stories)} stories told by {_num(len(ok))} analysed documents "
            f"({_num(len(ok) - n_stories)} reprints of a story printed elsewhere)")


def _table(headers: list[str], rows: list[list], id_: str, row_attrs: list[str] | None = None,
           numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th{' class=num' if i in numeric else ''}>{_esc(h)}</th>" for i, h in enumerate(headers))
    body = []
    for j, r in enumerate(rows):
        attrs = row_attrs[j] if row_attrs else ""
        cells = "".join(f"<td{' class=num' if i in numeric else ''}>{_esc(c)}</td>" for i, c in enumerate(r))
        body.append(f"<tr{attrs}>{cells}</tr>")
    if not rows:
        body.append(f'<tr><td colspan="{len(headers)}" class="muted">none</td></tr>')
    return f'<table id="{id_}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _top_actors(tables: Tables, graph: nx.MultiDiGraph) -> str:
    ids = sorted(graph.nodes, key=lambda n: _rank_key(graph.nodes[n], n))[:TOP_ROWS]
    rows, attrs = [], []
    for n in ids:
        d = graph.nodes[n]
        rows.append([d.get("label", n), d.get("type", ""), d.get("community", 0) or "", _f(d.get("pagerank"), 4),
                     d.get("degree", 0), d.get("weighted_degree", 0), d.get("n_mentions", 0),
                     d.get("n_documents", 0), d.get("first_seen", ""), d.get("last_seen", "")])
        attrs.append(f' data-actor="{_esc(n)}" class="pick"')
    return _table(["actor", "type", "community", "PageRank", "co-mention neighbours", "weighted degree",
                   "mentions", "documents", "first seen", "last seen"],
                  rows, "ag-top-actors", attrs, numeric={2, 3, 4, 5, 6, 7})


def _top_edges(tables: Tables, kind: str) -> str:
    e = tables.edges[tables.edges["kind"] == kind]
    e = e.sort_values(["weight", "edge_id"], ascending=[False, True], kind="stable").head(TOP_ROWS)
    labels = dict(zip(tables.actors["actor_id"], tables.actors["label"]))
    attrs = [f' data-edge="{_esc(r.edge_id)}" class="pick"' for r in e.itertuples(index=False)]
    if kind == "comention":
        rows = [[labels.get(r.source, r.source), labels.get(r.target, r.target), r.weight, _f(r.npmi),
                 r.n_documents, r.n_stories, r.first_seen, r.last_seen] for r in e.itertuples(index=False)]
        return _table(["actor", "actor", "sentences", "NPMI", "documents", "stories", "first seen", "last seen"],
                      rows, "ag-top-comention", attrs, numeric={2, 3, 4, 5})
    rows = [[labels.get(r.source, r.source), r.event_type, labels.get(r.target, r.target), r.weight,
             r.n_hypothetical, r.n_documents, r.n_stories, r.first_seen, r.last_seen]
            for r in e.itertuples(index=False)]
    return _table(["agent", "event type", "target", "events", "hypothetical", "documents", "stories", "first seen",
                   "last seen"], rows, "ag-top-action", attrs, numeric={3, 4, 5, 6})


def build_report(tables: Tables, graph: nx.MultiDiGraph | None = None, max_nodes: int = MAX_NODES,
                 max_edges: int = MAX_EDGES) -> str:
    """The report page as a string (deterministic: no date, sorted JSON)."""
    if graph is None:
        from ..network.graph import build_graph

        graph = build_graph(tables.actors, tables.edges)
    data = network_data(tables, graph, max_nodes=max_nodes, max_edges=max_edges)
    shown = ""
    if len(data["nodes"]) < data["total"]["nodes"] or len(data["edges"]) < data["total"]["edges"]:
        shown = (f'<p class="muted">The page holds the {_num(len(data["nodes"]))} most central actors '
                 f'(of {_num(data["total"]["nodes"])}) and the {_num(len(data["edges"]))} strongest edges among '
                 f'them (of {_num(data["total"]["edges"])}); the graph files hold them all.</p>')
    n = len(data["nodes"])
    sizes = sorted({k for k in (30, DEFAULT_NODES, 150, 300, 600, 1000) if k < n} | {n})
    default = min(DEFAULT_NODES, n)
    top_options = "".join(f'<option value="{k}"{" selected" if k == default else ""}>'
                          f'{"all " + str(k) if k == n else f"top {k}"}</option>' for k in sizes)
    css = _static("report.css")
    js = _static("report.js")
    vis = _static("vis-network.min.js")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="actorgraph {_esc(__version__)}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>actorgraph report</title>
<style>{css}</style>
<script>window.addEventListener("error", function (e) {{ var r = document.documentElement;
r.setAttribute("data-js-errors", (r.getAttribute("data-js-errors") || "") + (e.message || "error") + ";"); }});</script>
</head>
<body>
<header><h1>actorgraph report</h1>
<p class="muted">Actors, co-mentions and events of the corpus. Tables and columns are described in
CODEBOOK.md; every figure here comes from the CSV files beside this page.</p></header>
<nav><a href="#network">Network</a> · <a href="#corpus">Corpus</a> · <a href="#actors">Top actors</a> ·
<a href="#edges">Top edges</a> · <a href="#events">Events per month</a></nav>
<section id="network"><h2>Network</h2>
<p class="muted">The view opens on the most central actors (weighted PageRank of the co-mention
graph) and the strongest edges among them; widen it below. Colours are communities (Louvain),
named by their most central actors; label size follows PageRank. Click a node or search an actor:
its events and neighbours are listed on the right; click a neighbour for the sentences behind the
edge. Co-mention edges are grey, action edges red arrows (agent → target). Positions are those of
graph.graphml.</p>
<div class="toolbar">
<input id="ag-search" list="ag-actor-list" placeholder="Search an actor…" autocomplete="off" aria-label="Search an actor">
<datalist id="ag-actor-list"></datalist>
<button id="ag-go" type="button">Show</button>
<label>Actors <select id="ag-top">{top_options}</select></label>
<label>Edges <select id="ag-edges"><option value="1">1 per actor</option><option value="2" selected>2 per actor</option>
<option value="5">5 per actor</option><option value="0">all</option></select></label>
<label>strongest by <select id="ag-edge-rank"><option value="w" selected>sentences / events</option>
<option value="npmi">NPMI (2+ sentences)</option></select></label>
<label><input type="checkbox" id="ag-show-comention" checked> co-mention</label>
<label><input type="checkbox" id="ag-show-action" checked> action</label>
<button id="ag-fit" type="button">Fit</button>
</div>
<div class="toolbar" id="ag-time"><span>Time (<span id="ag-unit">years</span>):</span>
<input type="range" id="ag-from" min="0" max="0" value="0" aria-label="From">
<input type="range" id="ag-to" min="0" max="0" value="0" aria-label="To">
<span id="ag-time-label"></span> <button id="ag-time-all" type="button">All</button>
<span class="muted">edges and actors with sentences or events in the window</span></div>
<div id="ag-legend" class="legend communities"></div>
<p class="muted" id="ag-view-note"></p>
{shown}
<div class="netwrap"><div id="ag-network" data-rendered="false"></div>
<aside id="ag-panel"><p class="muted">No actor selected.</p></aside></div>
</section>
<section id="corpus"><h2>Corpus</h2>{_summary(tables, graph)}</section>
<section id="actors"><h2>Top actors</h2><p class="muted">By PageRank (see CODEBOOK.md); click a row to show the actor in the network.</p>
{_top_actors(tables, graph)}</section>
<section id="edges"><h2>Top edges</h2>
<h3>Co-mention (sentences naming both actors)</h3>
<p class="muted">NPMI: sentence-level normalised pointwise mutual information, 1 = always named together,
0 = independent (see CODEBOOK.md). Click a row for its evidence.</p>
{_top_edges(tables, "comention")}
<h3>Action (agent → target, by event type)</h3>
{_top_edges(tables, "action")}</section>
<section id="events"><h2>Events per month, by type</h2>{events_chart(tables.events)}</section>
<footer class="muted">Made by actorgraph {_esc(__version__)}. Network view: vis-network (Apache-2.0 OR MIT),
inlined; this page makes no network request.</footer>
<script type="application/json" id="ag-data">{_json_for_script(data)}</script>
<script>{vis}</script>
<script>{js}</script>
</body>
</html>
"""


def write_report(path: Path | str, tables: Tables, graph: nx.MultiDiGraph | None = None,
                 max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES) -> Path:
    """Write ``report.html`` (atomically); return its path."""
    from .export import atomic_path

    path = Path(path)
    page = build_report(tables, graph, max_nodes=max_nodes, max_edges=max_edges)
    with atomic_path(path) as tmp:
        tmp.write_text(page, encoding="utf-8", newline="\n")
    return path
