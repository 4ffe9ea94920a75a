"""The layout of the graph files (pipeline.network.layout): communities apart, leaves by
their neighbour, isolated actors in rows below, deterministic."""
from __future__ import annotations

import math
from statistics import median

from benchmarks.graphgen import planted_tables
from pipeline.network.layout import force_layout


def _planted(n=700, seed=11):
    t = planted_tables(n, seed=seed)
    a = t.actors[t.actors["in_graph"]]
    nodes = list(a["actor_id"])
    edges = list(zip(t.edges["source"], t.edges["target"], t.edges["weight"]))
    return t, nodes, edges, dict(zip(a["actor_id"], a["community"])), dict(zip(a["actor_id"], a["pagerank"]))


def test_layout_is_deterministic_whatever_the_input_order():
    _, nodes, edges, groups, imp = _planted(300)
    a = force_layout(nodes, edges, groups=groups, importance=imp)
    b = force_layout(list(reversed(nodes)), list(reversed(edges)), groups=groups, importance=imp)
    assert a == b
    assert all(isinstance(x, float) and round(x, 2) == x for p in a.values() for x in p)
    assert not any(str(x) == "-0.0" for p in a.values() for x in p)


def test_communities_apart_isolates_below_not_around():
    t, nodes, edges, groups, imp = _planted()
    pos = force_layout(nodes, edges, groups=groups, importance=imp)
    assert set(pos) == set(nodes)
    linked_ids = {u for u, v, _ in edges} | {v for u, v, _ in edges}
    isolated = [n for n in nodes if n not in linked_ids]
    main = [n for n in nodes if groups[n] and groups[n] <= 5]
    assert len(isolated) > 50 and len(main) > 200
    lowest_main = min(pos[n][1] for n in main)
    # every isolated actor is below the main picture: rows, not a ring around the knot
    assert all(pos[n][1] < lowest_main for n in isolated)
    top_row = max(pos[n][1] for n in isolated)  # rows no wider than the picture above them
    xs = [p[0] for p in pos.values() if p[1] > top_row]
    assert all(min(xs) - 1 <= pos[n][0] <= max(xs) + 1 for n in isolated)
    # communities are separated: an actor is closer to its community's centre than to others'
    centre = {}
    for c in range(1, 6):
        pts = [pos[n] for n in main if groups[n] == c]
        centre[c] = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    own = sum(1 for n in main if min(centre, key=lambda c: math.dist(pos[n], centre[c])) == groups[n])
    assert own >= 0.95 * len(main)
    # no two actors of the main picture share a position
    assert len({pos[n] for n in main}) == len(main)


def test_leaves_sit_beside_their_neighbour():
    # a dense core of 6 with 12 leaves on one hub, plus an isolated actor
    core = [f"c{i}" for i in range(6)]
    edges = [(a, b, 2) for i, a in enumerate(core) for b in core[i + 1:]]
    leaves = [f"leaf{i:02d}" for i in range(12)]
    edges += [("c0", x, 1) for x in leaves]
    pos = force_layout(core + leaves + ["alone"], edges)
    core_gap = median(math.dist(pos[a], pos[b]) for i, a in enumerate(core) for b in core[i + 1:])
    for x in leaves:
        nearest = min((n for n in pos if n != x), key=lambda n: math.dist(pos[x], pos[n]))
        assert math.dist(pos[x], pos["c0"]) <= core_gap, x
        assert nearest in ("c0",) or nearest.startswith("leaf")
    assert pos["alone"][1] < min(p[1] for n, p in pos.items() if n != "alone")


def test_small_and_empty_inputs():
    assert force_layout([], []) == {}
    assert force_layout(["a"], []) == {"a": (0.0, 0.0)}
    pos = force_layout(["a", "b", "c"], [("a", "b", 1)])
    assert pos["a"][1] == pos["b"][1] and pos["a"] != pos["b"] and set(pos) == {"a", "b", "c"}


def test_same_positions_and_communities_whatever_the_hash_seed():
    """networkx subgraph views and Louvain iterate sets of ids, whose order follows
    Python's hash seed: positions and communities must not."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import hashlib; from benchmarks.graphgen import planted_tables; "
            "from pipeline.network.graph import build_graph; t = planted_tables(250, seed=5); "
            "g = build_graph(t.actors, t.edges); "
            "print(hashlib.sha1(repr(sorted((n, d['x'], d['y'], d['community']) "
            "for n, d in g.nodes(data=True))).encode()).hexdigest())")
    root = Path(__file__).resolve().parents[2]
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        outs.add(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                cwd=root, env=env).stdout.strip())
    assert len(outs) == 1
