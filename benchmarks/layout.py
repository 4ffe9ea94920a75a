"""Layout benchmark: time of the graph's measures and layout as the network grows.

Usage::

    python benchmarks/layout.py --sizes 1200 5600 [--json benchmarks/results/layout.json]

(1,200 and 5,600 generated actors give about 1,100 and 5,000 graph nodes.)

For each size, generated tables with planted communities (benchmarks/graphgen.py: about
15% isolated actors, 12 communities, Zipf-like popularity) are built once; then, timed
apart: the communities and centralities (:func:`pipeline.network.measures.add_measures`),
the layout (:func:`pipeline.network.layout.force_layout`), the whole
:func:`pipeline.network.graph.build_graph` and the report page
(:func:`pipeline.outputs.report.build_report`); the layout is run twice and the two results
compared (it must be deterministic).

This is a report, not a test: the figures depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(n_actors: int) -> dict:
    from benchmarks.graphgen import planted_tables
    from pipeline.network.graph import build_graph
    from pipeline.network.layout import force_layout
    from pipeline.network.measures import add_measures

    tables = planted_tables(n_actors)
    actors, edges = tables.actors, tables.edges
    t = time.perf_counter()
    measured = add_measures(actors, edges)
    t_measures = time.perf_counter() - t
    nodes = list(measured.loc[measured["in_graph"], "actor_id"])
    triples = list(zip(edges["source"], edges["target"], edges["weight"]))
    groups = dict(zip(measured["actor_id"], measured["community"]))
    importance = dict(zip(measured["actor_id"], measured["pagerank"]))
    t = time.perf_counter()
    pos = force_layout(nodes, triples, groups=groups, importance=importance)
    t_layout = time.perf_counter() - t
    again = force_layout(list(reversed(nodes)), list(reversed(triples)), groups=groups, importance=importance)
    t = time.perf_counter()
    g = build_graph(actors, edges)
    t_graph = time.perf_counter() - t
    from pipeline.outputs.report import build_report

    t = time.perf_counter()
    page = build_report(tables, g)
    t_report = time.perf_counter() - t
    return {"n_nodes": len(nodes), "n_edges": len(edges), "n_communities": int(measured["community"].max()),
            "n_isolated": int((measured["degree"] == 0).sum()), "measures_seconds": round(t_measures, 3),
            "layout_seconds": round(t_layout, 3), "build_graph_seconds": round(t_graph, 3),
            "report_seconds": round(t_report, 3), "report_mb": round(len(page.encode()) / 1e6, 2),
            "deterministic": pos == again and g.number_of_nodes() == len(nodes)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1200, 5600], help="numbers of generated actors")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    rows = []
    for n in args.sizes:
        r = measure(n)
        rows.append(r)
        print(f"{r['n_nodes']:>6} nodes {r['n_edges']:>6} edges {r['n_communities']:>3} communities "
              f"{r['n_isolated']:>5} isolated: measures {r['measures_seconds']:.2f} s, layout "
              f"{r['layout_seconds']:.2f} s, build_graph {r['build_graph_seconds']:.2f} s, report "
              f"{r['report_seconds']:.2f} s ({r['report_mb']} MB), "
              f"deterministic {r['deterministic']}", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
