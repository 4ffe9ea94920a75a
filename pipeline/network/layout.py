"""A deterministic layout for the graph files, made for actor networks, so that they open
readable in Gephi (``x``/``y`` in GraphML, ``viz:position`` in GEXF) and in the report.

Co-mention networks of news have a dense core of a few hundred well-connected actors,
many actors hanging off one neighbour, and many actors named with no one else. A single
force layout draws that as a tight knot inside a ring of isolated nodes. This layout
draws it in four steps (a "group-in-a-box" kind of layout with ForceAtlas2 forces):

1. **Blocks**: the connected components with at least :data:`MAIN_MIN` nodes are the main
   picture. Their nodes of degree 2 or more are grouped by community (Louvain, see
   :mod:`pipeline.network.measures`); each community is laid out on its own with
   networkx's ``forceatlas2_layout`` (Jacomy et al. 2014), then scaled to a disc whose
   area grows with its number of nodes, and nodes too close are pushed apart.
2. **Leaves**: a node of degree 1 is placed on a small fan just outside its neighbour, on
   the side away from its community's centre, instead of being pulled into the knot.
3. **Communities**: the blocks are placed by ForceAtlas2 on the graph of communities
   (edge weight = sentences linking them), then pushed apart until no two discs overlap.
4. **Apart**: smaller components (pairs, triples) and isolated actors are packed in rows
   below the main picture, biggest and most important first, not in a ring around it.

The same nodes, edges and seed give the same coordinates, rounded to 2 decimals, whatever
the order of the input.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 42
SCALE = 1000.0  # the main picture spans about [-SCALE, SCALE], Gephi's usual range
MAIN_MIN = 5  # components with fewer nodes are packed apart, below the main picture
FA2_MAX = 1500  # blocks with more nodes use networkx's sparse spring layout (ForceAtlas2 there is O(n²) memory)
UNIT = 1.0  # the smallest distance between two nodes, before the final scaling


def node_size(n_mentions: int) -> float:
    """Node size for Gephi and the report: grows with the log of the mention count.

    >>> node_size(1), node_size(49)
    (6.77, 19.65)
    """
    return round(4.0 + 4.0 * math.log1p(max(int(n_mentions or 0), 0)), 2)


def _collapse(nodes, edges) -> nx.Graph:
    """An undirected graph of sorted ``nodes``; parallel and reverse edges add up, weights
    become ``log1p(total)`` so that a few very frequent pairs do not dominate."""
    h = nx.Graph()
    h.add_nodes_from(sorted(set(nodes)))
    total: dict[tuple[str, str], float] = {}
    for u, v, w in edges:
        if u == v or u not in h or v not in h:
            continue
        key = (u, v) if u < v else (v, u)
        total[key] = total.get(key, 0.0) + float(w)
    for (u, v), w in sorted(total.items()):
        h.add_edge(u, v, weight=math.log1p(w))
    return h


def force_layout(nodes, edges, groups: dict | None = None, importance: dict | None = None, seed: int = SEED,
                 scale: float = SCALE) -> dict[str, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` (see the module's description).

    ``nodes`` is an iterable of ids, ``edges`` of ``(u, v, weight)``; ``groups`` maps a
    node to its community (nodes without one, or with a false one such as 0, form blocks
    of their own; by default Louvain on these edges); ``importance`` orders leaves and
    isolated nodes (biggest first; default: degree).

    >>> pos = force_layout(["a", "b", "c", "d", "e", "z"], [("a", "b", 3), ("b", "c", 1), ("c", "a", 1),
    ...                                                   ("c", "d", 1), ("d", "e", 2)])
    >>> pos == force_layout(["z", "e", "d", "c", "b", "a"], [("d", "e", 2), ("c", "d", 1), ("a", "b", 3),
    ...                                                   ("c", "a", 1), ("b", "c", 1)])
    True
    >>> pos["z"][1] < min(p[1] for n, p in pos.items() if n != "z")  # the isolated node is below
    True
    """
    h = _collapse(nodes, edges)
    if h.number_of_nodes() == 0:
        return {}
    if importance is None:
        importance = dict(h.degree())
    if groups is None:
        from .measures import communities

        groups = communities(h, seed)
    comps = sorted((sorted(c) for c in nx.connected_components(h)), key=lambda c: (-len(c), c[0]))
    main = [c for c in comps if len(c) >= MAIN_MIN]
    small = [c for c in comps if len(c) < MAIN_MIN]
    pos: dict[str, np.ndarray] = {}
    if main:
        pos.update(_main_picture(h, [n for c in main for n in c], groups, importance, seed))
    pos.update(_pack_apart(h, small, importance, pos))
    # scale: the main picture (or the packed rows if there is none) spans about [-scale, scale]
    ref = np.array([pos[n] for c in (main or small) for n in c])
    centre = (ref.max(axis=0) + ref.min(axis=0)) / 2
    half = max(float(np.abs(ref - centre).max()), UNIT)
    f = scale / half
    return {n: (_r((p[0] - centre[0]) * f), _r((p[1] - centre[1]) * f)) for n, p in sorted(pos.items())}


def _main_picture(h: nx.Graph, nodes: list, groups: dict, importance: dict, seed: int) -> dict:
    deg = {n: h.degree(n) for n in nodes}
    leaves = [n for n in nodes if deg[n] == 1]
    core = [n for n in nodes if deg[n] != 1]
    block_of = {n: (0, groups[n]) if groups.get(n) else (1, n) for n in core}
    for n in leaves:  # a leaf goes with its neighbour
        block_of[n] = block_of[next(iter(h[n]))]
    blocks: dict = {}
    for n in core:
        blocks.setdefault(block_of[n], []).append(n)
    local: dict = {}
    radius: dict = {}
    for b, members in sorted(blocks.items(), key=lambda kv: str(kv[0])):
        p = _block_layout(_induced(h, members), seed)
        p.update(_fan_leaves(h, members, leaves, block_of, b, p, importance))
        pts = np.array(list(p.values()))
        centre = pts.mean(axis=0)
        p = {n: v - centre for n, v in p.items()}
        local[b] = p
        radius[b] = max(float(np.sqrt(((np.array(list(p.values()))) ** 2).sum(axis=1)).max()), UNIT) + UNIT
    # the graph of blocks: weight = sum of the edges between their nodes
    meta = nx.Graph()
    keys = sorted(blocks, key=str)
    index = {b: i for i, b in enumerate(keys)}
    meta.add_nodes_from(range(len(keys)))
    for u, v, d in _induced(h, core).edges(data=True):
        a, b = index[block_of[u]], index[block_of[v]]
        if a != b:
            w = meta.get_edge_data(a, b, {"weight": 0.0})["weight"]
            meta.add_edge(a, b, weight=w + d["weight"])
    r = np.array([radius[b] for b in keys])
    if len(keys) == 1:
        centres = np.zeros((1, 2))
    else:
        fa = nx.forceatlas2_layout(meta, seed=seed, weight="weight", max_iter=300,
                                   node_size={i: float(r[i]) for i in range(len(keys))},
                                   node_mass={i: 1.0 + len(blocks[keys[i]]) for i in range(len(keys))})
        centres = np.array([fa[i] for i in range(len(keys))], dtype=float)
        centres -= centres.mean(axis=0)
        # spread so that no two discs overlap, then draw them together (keeping the
        # arrangement) until they touch: compact, without empty space between communities
        rms = float(np.sqrt((centres ** 2).sum(axis=1).mean())) or 1.0
        centres *= math.sqrt((r ** 2).sum()) / rms  # about the size of the discs packed together
        centres = _separate(centres, r, gap=UNIT, iterations=300)
        for _ in range(8):
            centres = _separate(centres * 0.9, r, gap=UNIT, iterations=200)
    out = {}
    for b in keys:
        c = centres[index[b]]
        for n, v in local[b].items():
            out[n] = v + c
    return out


def _induced(h: nx.Graph, nodes) -> nx.Graph:
    """The subgraph of ``h`` on ``nodes``, as a new graph with sorted nodes and edges
    (networkx's subgraph views may iterate a set, in an order that changes with Python's
    hash seed, and the layout would change with it)."""
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    sub.add_edges_from(sorted((u, v, d) if u < v else (v, u, d) for u, v, d in h.edges(sorted(keep), data=True)
                              if u in keep and v in keep))
    return sub


def _block_layout(sub: nx.Graph, seed: int) -> dict:
    """One community: ForceAtlas2 (sparse spring layout past :data:`FA2_MAX` nodes), scaled
    to a disc of area ~ 2.5 x number of nodes (in :data:`UNIT`), nodes pushed apart."""
    n = sub.number_of_nodes()
    members = sorted(sub.nodes)
    if n == 1:
        return {members[0]: np.zeros(2)}
    if n <= FA2_MAX:
        raw = nx.forceatlas2_layout(sub, seed=seed, weight="weight", max_iter=100, linlog=False,
                                    strong_gravity=False, gravity=1.0, scaling_ratio=2.0)
    else:
        raw = nx.spring_layout(sub, seed=seed, weight="weight", iterations=50)
    pts = np.array([raw[m] for m in members], dtype=float)
    pts -= pts.mean(axis=0)
    spread = float(np.percentile(np.sqrt((pts ** 2).sum(axis=1)), 90)) or 1.0
    target = UNIT * math.sqrt(2.5 * n / math.pi) * 1.2
    pts *= target / spread
    pts = _separate(pts, np.full(n, UNIT / 2), gap=0.0, iterations=40)
    return dict(zip(members, pts))


def _fan_leaves(h, members, leaves, block_of, b, pos, importance) -> dict:
    """Degree-1 nodes of block ``b``: on rings around their neighbour, fanned out on the
    side away from the block's centre, most important first."""
    centre = np.array(list(pos.values())).mean(axis=0)
    by_anchor: dict = {}
    for n in leaves:
        if block_of[n] == b:
            by_anchor.setdefault(next(iter(h[n])), []).append(n)
    out = {}
    for k, (a, ls) in enumerate(sorted(by_anchor.items())):
        ls.sort(key=lambda n: (-float(importance.get(n, 0)), n))
        d = pos[a] - centre
        angle = math.atan2(d[1], d[0]) if float(np.hypot(*d)) > 1e-9 else (k * 2.399963) % (2 * math.pi)
        ring, i = 0, 0
        while i < len(ls):
            rho = UNIT * (1.2 + ring)
            cap = max(1, int(2 * math.pi * rho / UNIT))
            batch = ls[i:i + cap]
            width = min(2 * math.pi * (len(batch) - 1) / cap, 2 * math.pi) if len(batch) > 1 else 0.0
            for j, n in enumerate(batch):
                t = angle - width / 2 + (width * j / (len(batch) - 1) if len(batch) > 1 else 0.0)
                out[n] = pos[a] + rho * np.array([math.cos(t), math.sin(t)])
            i += len(batch)
            ring += 1
    return out


def _separate(p: np.ndarray, r: np.ndarray, gap: float, iterations: int = 60) -> np.ndarray:
    """Push discs (centres ``p``, radii ``r``) apart until no two overlap (within
    ``iterations``); each overlapping pair moves apart along the line joining them."""
    p = p.copy()
    n = len(p)
    if n < 2:
        return p
    need = r[:, None] + r[None, :] + gap
    np.fill_diagonal(need, 0.0)
    for _ in range(iterations):
        diff = p[:, None, :] - p[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        over = need - dist
        np.fill_diagonal(over, 0.0)
        over[over < 1e-9] = 0.0
        if not over.any():
            break
        # coincident points: a fixed direction by index, so the result stays deterministic
        same = dist < 1e-9
        if same.any():
            i, j = np.nonzero(np.triu(same, 1))
            p[j] += np.stack([np.cos(j * 2.399963), np.sin(j * 2.399963)], axis=1) * 1e-3
            continue
        unit = diff / dist[:, :, None]
        p += (unit * (over / 2)[:, :, None]).sum(axis=1) * 0.9
    return p


def _pack_apart(h: nx.Graph, comps: list, importance: dict, placed: dict) -> dict:
    """Small components in rows below ``placed`` (or from the origin): biggest first, then
    by their most important node; each component's nodes side by side."""
    if not comps:
        return {}
    key = lambda c: (-len(c), -max(float(importance.get(n, 0)) for n in c), c[0])  # noqa: E731
    comps = sorted(comps, key=key)
    if placed:
        pts = np.array(list(placed.values()))
        left, right, top = float(pts[:, 0].min()), float(pts[:, 0].max()), float(pts[:, 1].min()) - 3 * UNIT
    else:
        side = math.sqrt(sum(len(c) for c in comps)) * 1.5 * UNIT
        left, right, top = 0.0, max(side, UNIT), 0.0
    step = 1.5 * UNIT
    width = max(right - left, 10 * step)
    out = {}
    x, y = left, top
    for c in comps:
        members = sorted(c, key=lambda n: (-float(importance.get(n, 0)), n))
        w = step * len(members)
        if x > left and x + w > left + width:
            x, y = left, y - 2 * step
        for i, n in enumerate(members):
            out[n] = np.array([x + i * step, y])
        x += w + step * (0.5 if len(members) > 1 else 0.0)
    return out


def _r(v) -> float:
    v = round(float(v), 2)
    return 0.0 if v == 0 else v  # no "-0.0"
