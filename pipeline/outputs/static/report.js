/* actorgraph report.html: the interactive network (vis-network, inlined before this script).
   Reads the JSON of <script id="ag-data">; sets data-rendered="true", data-node-count,
   data-edge-count (all in the page), data-visible-nodes and data-visible-edges (in the
   current view) on #ag-network once the graph is drawn (the tests read them).
   The view: the N most central actors (data.nodes is ranked by PageRank in "rank"), the
   strongest edges among them, within the time window; a selected actor is always shown.
   URL hash: #actor=ID selects an actor, #edge=ID shows an edge's evidence, #period=A..B
   sets the time window (A, B: periods of data.periods), #top=N shows the N most central
   actors (N: a value of the Actors menu). */
(function () {
  "use strict";
  var box = document.getElementById("ag-network");
  var panel = document.getElementById("ag-panel");
  var data;
  try {
    data = JSON.parse(document.getElementById("ag-data").textContent);
  } catch (err) {
    box.setAttribute("data-error", "data: " + err);
    return;
  }
  var nodeById = {}, edgeById = {}, incident = {};
  var ranked = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  data.nodes.forEach(function (n) { nodeById[n.id] = n; incident[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    if (incident[e.from]) incident[e.from].push(e);
    if (incident[e.to] && e.to !== e.from) incident[e.to].push(e);
  });
  var legendById = {};
  (data.communities || []).forEach(function (c) { legendById[c.c] = c; });

  function el(tag, attrs, children) {
    var x = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") x.textContent = attrs[k]; else x.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      x.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return x;
  }
  function label(id) { return nodeById[id] ? nodeById[id].label : id; }
  function clear(x) { while (x.firstChild) x.removeChild(x.firstChild); }
  function $(id) { return document.getElementById(id); }

  // the view's state
  var state = { top: Math.min(Number($("ag-top").value) || 80, ranked.length), edges: Number($("ag-edges").value) || 2,
                by: $("ag-edge-rank").value, co: true, ac: true, from: 0, to: Math.max(data.periods.length - 1, 0),
                extra: {} };
  var fullWindow = function () {
    return data.periods.length === 0 || (state.from === 0 && state.to === data.periods.length - 1);
  };
  function inWindow(t) {  // [[period index, count], ...] -> count within the window
    var s = 0;
    for (var i = 0; i < t.length; i++) if (t[i][0] >= state.from && t[i][0] <= state.to) s += t[i][1];
    return s;
  }

  // positions: scaled so that the default view fills the canvas at zoom 1 (labels at their size)
  var W = box.clientWidth || 900, H = box.clientHeight || 600;
  var first = ranked.slice(0, state.top);
  var xs = first.map(function (n) { return n.x; }), ys = first.map(function (n) { return n.y; });
  var bw = Math.max.apply(null, xs.concat([1])) - Math.min.apply(null, xs.concat([0])) || 1;
  var bh = Math.max.apply(null, ys.concat([1])) - Math.min.apply(null, ys.concat([0])) || 1;
  var f = Math.min(W * 0.9 / bw, H * 0.9 / bh);
  if (!isFinite(f) || f <= 0) f = 1;

  var visNodes = data.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x * f, y: -n.y * f, color: n.color, hidden: true,
             title: n.label + " (" + n.type + ") · " + n.nm + " mentions · PageRank #" + n.rank };
  });
  var visEdges = data.edges.map(function (e) {
    var action = e.kind === "action";
    return {
      id: e.id, from: e.from, to: e.to, arrows: action ? "to" : "", hidden: true,
      width: action ? 1.5 : 1 + Math.log(e.w),
      color: action ? { color: "rgba(192,57,43,0.6)", highlight: "#c0392b", hover: "#c0392b" }
                    : { color: "rgba(120,120,120,0.28)", highlight: "#333", hover: "#555" },
      dashes: action, title: action ? label(e.from) + " → " + e.et + " → " + label(e.to) + " (" + e.w + ")"
                                    : label(e.from) + " — " + label(e.to) + " (" + e.w + " sentences)"
    };
  });
  var network, nodes, edges;
  try {
    nodes = new vis.DataSet(visNodes);
    edges = new vis.DataSet(visEdges);
    network = new vis.Network(box, { nodes: nodes, edges: edges }, {
      physics: false,
      layout: { improvedLayout: false, randomSeed: 1 },
      nodes: { shape: "dot", borderWidth: 1,
               font: { size: 14, face: "system-ui, sans-serif", strokeWidth: 4, strokeColor: "#fff", color: "#222" },
               scaling: { label: { enabled: false } } },
      edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5 },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: true, hideEdgesOnZoom: data.edges.length > 3000,
                     navigationButtons: false, keyboard: false, multiselect: false }
    });
  } catch (err) {
    box.setAttribute("data-error", "vis-network: " + err);
    return;
  }

  // the shown actors: sized by PageRank among them, moved apart from their graph.graphml
  // positions (scaled) until no two labels overlap; deterministic (no randomness)
  var measure = document.createElement("canvas").getContext("2d");
  function separateBoxes(items, iters) {  // push overlapping label boxes apart, the cheaper way out
    var m = items.length;
    for (var it = 0; it < iters; it++) {
      var moved = false;
      for (var i = 0; i < m; i++) {
        var a = items[i];
        for (var j = i + 1; j < m; j++) {
          var b = items[j];
          var dx = b.x - a.x, dy = b.y - a.y;
          var ox = a.hw + b.hw - Math.abs(dx), oy = a.hh + b.hh - Math.abs(dy);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox / (a.hw + b.hw) < oy / (a.hh + b.hh)) {
            var sx = (dx > 0 || (dx === 0 && (i + j) % 2) ? 1 : -1) * ox / 2;
            a.x -= sx; b.x += sx;
          } else {
            var sy = (dy > 0 || (dy === 0 && (i + j) % 2) ? 1 : -1) * oy / 2;
            a.y -= sy; b.y += sy;
          }
        }
      }
      if (!moved) break;
    }
  }
  function separateDiscs(groups, iters) {  // groups: {x, y, r}; no two discs overlap
    for (var it = 0; it < iters; it++) {
      var moved = false;
      for (var i = 0; i < groups.length; i++) {
        for (var j = i + 1; j < groups.length; j++) {
          var a = groups[i], b = groups[j];
          var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy);
          var over = a.r + b.r + 8 - d;
          if (over <= 0) continue;
          moved = true;
          if (d < 1e-6) { dx = Math.cos(j * 2.4); dy = Math.sin(j * 2.4); d = 1; }
          a.x -= dx / d * over / 2; a.y -= dy / d * over / 2;
          b.x += dx / d * over / 2; b.y += dy / d * over / 2;
        }
      }
      if (!moved) break;
    }
  }
  function spread(ids) {
    // the shown actors, sized by PageRank among them; each community's members moved apart
    // around its centre until no two labels overlap, then the communities moved apart as
    // discs: the arrangement of graph.graphml, made legible (deterministic, no randomness)
    ids.sort(function (a, b) { return nodeById[a].rank - nodeById[b].rank; });
    var maxPr = 0, out = {}, byGroup = {}, order = [];
    ids.forEach(function (id) { maxPr = Math.max(maxPr, nodeById[id].pr); });
    ids.forEach(function (id, i) {
      // importance among the shown actors: half by rank (so that one dominant actor does not
      // shrink every other label), half by PageRank itself
      var n = nodeById[id], byRank = ids.length > 1 ? 1 - i / (ids.length - 1) : 1;
      var rel = 0.5 * byRank + 0.5 * (maxPr > 0 ? Math.sqrt(n.pr / maxPr) : 0.5);
      var font = Math.round(11 + 14 * rel), size = 4 + 9 * rel;
      measure.font = font + "px system-ui, sans-serif";
      var w = Math.max(measure.measureText(n.label).width + 6, 2 * size + 4);
      var p = { id: id, x: n.x * f, y: -n.y * f, size: size, font: font, hw: w / 2, hh: size + font / 2 + 4 };
      var g = "c" + n.c;  // actors without a community (0) stay together, apart as in graph.graphml
      if (!byGroup[g]) { byGroup[g] = []; order.push(g); }
      byGroup[g].push(p);
    });
    var discs = order.map(function (g) {
      var items = byGroup[g], cx = 0, cy = 0;
      items.forEach(function (p) { cx += p.x; cy += p.y; });
      cx /= items.length; cy /= items.length;
      items.forEach(function (p) { p.x -= cx; p.y -= cy; });
      separateBoxes(items, items.length > 400 ? 30 : 100);
      var r = 0;
      items.forEach(function (p) {
        r = Math.max(r, Math.sqrt(Math.pow(Math.abs(p.x) + p.hw, 2) + Math.pow(Math.abs(p.y) + p.hh, 2)));
      });
      return { g: g, x: cx, y: cy, r: r };
    });
    // draw the communities together (keeping their arrangement) until the discs touch
    var mx = 0, my = 0;
    discs.forEach(function (d) { mx += d.x / discs.length; my += d.y / discs.length; });
    discs.forEach(function (d) { d.x -= mx; d.y -= my; });
    separateDiscs(discs, 300);
    for (var round = 0; round < 12; round++) {
      discs.forEach(function (d) { d.x *= 0.8; d.y *= 0.8; });
      separateDiscs(discs, 200);
    }
    var all = [];
    discs.forEach(function (d) {
      byGroup[d.g].forEach(function (p) { p.x += d.x; p.y += d.y; all.push(p); });
    });
    // then close the gaps between the discs: shrink the whole picture, push labels apart again
    if (all.length <= 400) {
      for (round = 0; round < 12; round++) {
        // shrink more along the axis where the picture is too long for the canvas
        var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
        all.forEach(function (p) {
          x0 = Math.min(x0, p.x - p.hw); x1 = Math.max(x1, p.x + p.hw);
          y0 = Math.min(y0, p.y - p.hh); y1 = Math.max(y1, p.y + p.hh);
        });
        var wide = (x1 - x0) / Math.max(y1 - y0, 1) > W / H;
        var kx = wide ? 0.84 : 0.94, ky = wide ? 0.94 : 0.84;
        all.forEach(function (p) { p.x *= kx; p.y *= ky; });
        order.forEach(function (g) {  // keep each community together
          var items = byGroup[g], cx = 0, cy = 0;
          items.forEach(function (p) { cx += p.x / items.length; cy += p.y / items.length; });
          items.forEach(function (p) { p.x += (cx - p.x) * 0.2; p.y += (cy - p.y) * 0.2; });
        });
        separateBoxes(all, 60);
      }
    }
    all.forEach(function (p) { out[p.id] = p; });
    return out;
  }

  // which actors and edges the view shows
  var shownNodes = {}, shownEdges = [];
  function applyView(fit) {
    var keep = {}, full = fullWindow();
    ranked.slice(0, state.top).forEach(function (n) { if (full || inWindow(n.t) > 0) keep[n.id] = true; });
    Object.keys(state.extra).forEach(function (id) { keep[id] = true; });
    var co = [], ac = [];
    data.edges.forEach(function (e) {
      if (!keep[e.from] || !keep[e.to]) return;
      var w = full ? e.w : inWindow(e.t);
      if (!w) return;
      if (e.kind === "action") { if (state.ac) ac.push([e, w]); }
      else if (state.co && (state.by !== "npmi" || e.w >= 2)) co.push([e, w]);
    });
    var cmp = function (a, b) {
      if (state.by === "npmi" && a[0].kind === "comention") {
        var d = (b[0].npmi || -1) - (a[0].npmi || -1);
        if (d) return d;
      }
      return b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1);
    };
    co.sort(cmp); ac.sort(cmp);
    var n = Object.keys(keep).length;
    var cap = state.edges > 0 ? Math.ceil(state.edges * n) : Infinity;
    var chosen = co.slice(0, cap).concat(ac.slice(0, Math.ceil(cap / 2)));
    var on = {};
    chosen.forEach(function (p) { on[p[0].id] = p[1]; });
    var placed = spread(Object.keys(keep));
    nodes.update(data.nodes.map(function (x) {
      var p = placed[x.id];
      return p ? { id: x.id, hidden: false, x: p.x, y: p.y, size: p.size, font: { size: p.font } }
               : { id: x.id, hidden: true };
    }));
    edges.update(data.edges.map(function (e) {
      var w = on[e.id];
      return { id: e.id, hidden: w === undefined,
               width: e.kind === "action" ? 1.5 : 1 + Math.log(w || 1) };
    }));
    shownNodes = keep;
    shownEdges = chosen.map(function (p) { return p[0].id; });
    box.setAttribute("data-visible-nodes", String(n));
    box.setAttribute("data-visible-edges", String(shownEdges.length));
    $("ag-view-note").textContent = n + " of " + data.nodes.length + " actors in the page (" +
      data.total.nodes + " in the graph), " + shownEdges.length + " edges" +
      (full ? "" : " in " + timeLabel()) + ".";
    if (fit) network.fit({ nodes: Object.keys(keep), animation: false });
  }

  // controls
  function timeLabel() {
    if (!data.periods.length) return "no dated document";
    var a = data.periods[state.from], b = data.periods[state.to];
    return a === b ? a : a + " – " + b;
  }
  var from = $("ag-from"), to = $("ag-to");
  if (data.periods.length) {
    from.max = to.max = String(data.periods.length - 1);
    from.value = "0"; to.value = String(data.periods.length - 1);
  } else {
    $("ag-time").setAttribute("hidden", "");
  }
  function onTime(ev) {
    var a = Number(from.value), b = Number(to.value);
    if (a > b) { if (ev && ev.target === from) b = a; else a = b; }
    from.value = String(a); to.value = String(b);
    state.from = a; state.to = b;
    $("ag-time-label").textContent = timeLabel() + (fullWindow() ? " (all)" : "");
    applyView(false);
  }
  from.addEventListener("input", onTime);
  to.addEventListener("input", onTime);
  $("ag-time-all").addEventListener("click", function () {
    from.value = "0"; to.value = String(data.periods.length - 1); onTime();
  });
  $("ag-time-label").textContent = timeLabel() + " (all)";
  $("ag-unit").textContent = data.unit === "month" ? "months" : "years";
  $("ag-top").addEventListener("change", function () {
    state.top = Math.min(Number($("ag-top").value) || ranked.length, ranked.length); applyView(true);
  });
  $("ag-edges").addEventListener("change", function () { state.edges = Number($("ag-edges").value); applyView(false); });
  $("ag-edge-rank").addEventListener("change", function () { state.by = $("ag-edge-rank").value; applyView(false); });
  $("ag-show-comention").addEventListener("change", function () { state.co = this.checked; applyView(false); });
  $("ag-show-action").addEventListener("change", function () { state.ac = this.checked; applyView(false); });
  $("ag-fit").addEventListener("click", function () {
    network.fit({ nodes: Object.keys(shownNodes), animation: false });
  });

  // legend: communities named by their most central actors
  var legend = $("ag-legend");
  (data.communities || []).forEach(function (c) {
    var item = el("button", { type: "button", "class": "community", "data-community": String(c.c),
                              title: "Show " + c.top[0] + " and its community" },
                  [el("i", { style: "background:" + c.color }), el("b", { text: String(c.c) }),
                   " " + c.top.join(", ") + " ", el("span", { "class": "muted", text: "(" + c.n + ")" })]);
    item.addEventListener("click", function () {
      ranked.filter(function (n) { return n.c === c.c; }).slice(0, 12)
        .forEach(function (n) { state.extra[n.id] = true; });
      selectActor(c.ids[0], true);
    });
    legend.appendChild(item);
  });

  // search
  var list = $("ag-actor-list");
  ranked.forEach(function (n) { list.appendChild(el("option", { value: n.label })); });
  var search = $("ag-search");
  function find(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return null;
    var exact = ranked.filter(function (n) { return n.label.toLowerCase() === q || n.id === q; });
    if (exact.length) return exact[0].id;
    var part = ranked.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; });
    return part.length ? part[0].id : null;
  }
  function go() {
    var id = find(search.value);
    if (id) selectActor(id, true);
    else { clear(panel); panel.appendChild(el("p", { "class": "muted", text: "No actor matches “" + search.value + "”." })); }
  }
  $("ag-go").addEventListener("click", go);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
  search.addEventListener("change", go);

  // the side panel
  function edgeLine(e, from) {
    if (e.kind === "action") {
      var out = e.from === from;
      return (out ? "→ " + e.et + " → " : "← " + e.et + " ← ") + label(out ? e.to : e.from);
    }
    return label(e.from === from ? e.to : e.from);
  }
  function marked(text, marks) {
    var out = [], pos = 0;
    (marks || []).forEach(function (m) {
      if (m[0] < pos) return;
      out.push(text.slice(pos, m[0]));
      out.push(el("mark", { text: text.slice(m[0], m[1]) }));
      pos = m[1];
    });
    out.push(text.slice(pos));
    return out;
  }
  function quote(item, extra) {
    var s = data.sentences[item.s];
    var src = s.d + ", sentence " + s.i + (s.p ? " · published " + s.p : "") + (extra || "");
    return el("blockquote", null, marked(s.t, item.m).concat([el("span", { "class": "src", text: src })]));
  }
  function eventList(n, role) {
    var items = role === "a" ? n.ea : n.et, total = role === "a" ? n.na : n.nt;
    var wrap = el("details", { open: "", "class": "events", id: "ag-events-" + (role === "a" ? "agent" : "target") });
    wrap.appendChild(el("summary", { text: (role === "a" ? "Events as agent (" : "Events as target (") + total + ")" }));
    if (!items.length) wrap.appendChild(el("div", { "class": "muted", text: "none" }));
    items.forEach(function (ev) {
      var other = ev.o ? (role === "a" ? " → " : " ← ") + label(ev.o)
                       : (role === "a" ? " (no target)" : " (agent unknown)");
      var head = (ev.dt || "undated") + " · " + ev.ty + other +
                 (ev.mo && ev.mo !== "asserted" ? " · " + ev.mo : "");
      var li = el("div", { "class": "event", "data-event": ev.id }, [el("div", { "class": "ehead", text: head })]);
      if (ev.s !== undefined) li.appendChild(quote(ev, " · " + ev.id));
      wrap.appendChild(li);
    });
    if (total > items.length) {
      wrap.appendChild(el("div", { "class": "muted", text: "The latest " + items.length + " of " + total +
        " (all in events.csv, " + (role === "a" ? "agent_id" : "target_id") + " = " + n.id + ")." }));
    }
    return wrap;
  }
  function selectActor(id, focus) {
    var n = nodeById[id];
    if (!n) return;
    if (!shownNodes[id]) { state.extra[id] = true; applyView(false); }
    network.selectNodes([id]);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    clear(panel);
    panel.setAttribute("data-actor", id);
    panel.appendChild(el("h3", { text: n.label }));
    var dates = n.fs ? n.fs + (n.ls && n.ls !== n.fs ? " to " + n.ls : "")
                     : "dates unknown (none of its documents has a publication date)";
    panel.appendChild(el("div", { "class": "muted", text: n.type + " · " + n.nm + " mentions in " + n.nd +
      " documents · " + dates + (n.qid ? " · Wikidata " + n.qid : "") + " · id " + n.id }));
    var comm = legendById[n.c];
    panel.appendChild(el("div", { "class": "facts" }, [
      el("i", { "class": "swatch", style: "background:" + n.color }),
      n.c ? "community " + n.c + (comm ? " (" + comm.top.slice(0, 2).join(", ") + "…)" : "") : "no community",
      " · PageRank #" + n.rank + " · " + n.deg + " co-mention neighbours · weighted degree " + n.wd]));
    panel.appendChild(eventList(n, "a"));
    panel.appendChild(eventList(n, "t"));
    var inc = incident[id].slice().sort(function (a, b) {
      return (a.kind === b.kind ? 0 : a.kind === "comention" ? -1 : 1) || b.w - a.w || (a.id < b.id ? -1 : 1);
    });
    panel.appendChild(el("h4", { text: "Neighbours (" + inc.length + " edges)" }));
    panel.appendChild(el("div", { id: "ag-evidence", "class": "evidence" }));
    var ul = el("ul", { id: "ag-neighbours" });
    inc.forEach(function (e) {
      var w = e.kind === "action" ? e.w + " ev." : e.w + " sent." + (e.npmi !== undefined ? " · " + e.npmi.toFixed(2) : "");
      var li = el("li", { "class": "nb kind-" + e.kind, "data-edge": e.id },
                  [el("span", { text: edgeLine(e, id) }), el("span", { "class": "w", text: w })]);
      li.addEventListener("click", function () { showEdge(e.id, id); });
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    if (inc.length) showEdge(inc[0].id, id);
  }
  function showEdge(edgeId, fromActor) {
    var e = edgeById[edgeId];
    if (!e) return;
    if (!fromActor || !$("ag-evidence")) selectActor(e.from, false);
    if (!shownNodes[e.from] || !shownNodes[e.to]) { state.extra[e.from] = state.extra[e.to] = true; applyView(false); }
    edges.update({ id: edgeId, hidden: false });
    network.selectEdges([edgeId]);
    var box2 = $("ag-evidence");
    clear(box2);
    Array.prototype.forEach.call(panel.querySelectorAll("li.nb"), function (li) {
      li.classList.toggle("on", li.getAttribute("data-edge") === edgeId);
    });
    var title = e.kind === "action" ? label(e.from) + " → " + e.et + " → " + label(e.to)
                                    : label(e.from) + " — " + label(e.to);
    box2.setAttribute("data-edge", edgeId);
    box2.setAttribute("data-evidence-count", String(e.ev.length));
    box2.appendChild(el("h4", { text: "Evidence: " + title }));
    var facts = e.kind === "action"
      ? e.w + " events (" + e.nh + " hypothetical) in " + e.nd + " documents"
      : e.w + " sentences in " + e.nd + " documents" + (e.npmi !== undefined ? " · NPMI " + e.npmi.toFixed(3) : "");
    if (e.fs) facts += " · " + e.fs + (e.ls && e.ls !== e.fs ? " to " + e.ls : "");
    box2.appendChild(el("div", { "class": "muted", text: facts + " · " + e.id }));
    e.ev.forEach(function (item) {
      box2.appendChild(quote(item, item.mo ? " · " + item.mo + (item.dt ? " · dated " + item.dt : "") : ""));
    });
    if (e.w > e.ev.length) {
      box2.appendChild(el("div", { "class": "muted", text: "Showing " + e.ev.length + " of " + e.w +
        (e.kind === "action" ? " events (all in events.csv)." : " sentences (all in mentions.csv by sentence_id).") }));
    }
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectActor(p.nodes[0], false);
    else if (p.edges.length) showEdge(p.edges[0], panel.getAttribute("data-actor"));
  });

  // rows of the tables below
  Array.prototype.forEach.call(document.querySelectorAll("tr.pick"), function (tr) {
    tr.addEventListener("click", function () {
      var a = tr.getAttribute("data-actor"), e = tr.getAttribute("data-edge");
      if (a) selectActor(a, true);
      if (e && edgeById[e]) { selectActor(edgeById[e].from, true); showEdge(e, edgeById[e].from); }
      box.scrollIntoView();
    });
  });

  // #actor=ID or #edge=ID; else the most central actor, so the panel is never empty
  function fromHash() {
    var h = decodeURIComponent((location.hash || "").slice(1));
    var k = /^top=(\d+)$/.exec(h);  // #top=300: the 300 most central actors (an option of the menu)
    if (k && $("ag-top").querySelector('option[value="' + k[1] + '"]')) {
      $("ag-top").value = k[1];
      state.top = Math.min(Number(k[1]), ranked.length);
      applyView(true);
      return false;
    }
    var w = /^period=([^.]+)\.\.(.+)$/.exec(h);  // #period=2020..2021: a time window
    if (w && data.periods.indexOf(w[1]) >= 0 && data.periods.indexOf(w[2]) >= 0) {
      from.value = String(data.periods.indexOf(w[1])); to.value = String(data.periods.indexOf(w[2]));
      onTime();
      return false;
    }
    if (h.indexOf("actor=") === 0 && nodeById[h.slice(6)]) { selectActor(h.slice(6), true); return true; }
    if (h.indexOf("edge=") === 0 && edgeById[h.slice(5)]) {
      var e = edgeById[h.slice(5)];
      selectActor(e.from, true);
      showEdge(e.id, e.from);
      return true;
    }
    return false;
  }
  window.addEventListener("hashchange", fromHash);
  applyView(true);
  if (!fromHash() && ranked.length) selectActor(ranked[0].id, false);
  network.once("afterDrawing", function () {
    if (!location.hash) network.fit({ nodes: Object.keys(shownNodes), animation: false });  // the canvas' final size
    box.setAttribute("data-node-count", String(nodes.length));
    box.setAttribute("data-edge-count", String(edges.length));
    box.setAttribute("data-rendered", "true");
  });
  network.redraw();
})();
