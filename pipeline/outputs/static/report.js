/* actorgraph report.html: the interactive network (vis-network, inlined before this script).
   Reads the JSON of <script id="ag-data">; sets data-rendered="true", data-node-count and
   data-edge-count on #ag-network once the graph is drawn (the tests read them).
   URL hash: #actor=ID selects an actor, #edge=ID shows an edge's evidence. */
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
  data.nodes.forEach(function (n) { nodeById[n.id] = n; incident[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    if (incident[e.from]) incident[e.from].push(e);
    if (incident[e.to] && e.to !== e.from) incident[e.to].push(e);
  });

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

  // the network
  var visNodes = data.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x, y: -n.y, size: n.size, color: n.color,
             title: n.label + " (" + n.type + ") · " + n.nm + " mentions" };
  });
  var visEdges = data.edges.map(function (e) {
    var action = e.kind === "action";
    return {
      id: e.id, from: e.from, to: e.to, arrows: action ? "to" : "",
      width: action ? 1.5 : 1 + Math.log(e.w),
      color: action ? { color: "rgba(192,57,43,0.75)", highlight: "#c0392b", hover: "#c0392b" }
                    : { color: "rgba(110,110,110,0.35)", highlight: "#333", hover: "#555" },
      dashes: action, title: action ? label(e.from) + " → " + e.et + " → " + label(e.to) + " (" + e.w + ")"
                                    : label(e.from) + " — " + label(e.to) + " (" + e.w + " sentences)"
    };
  });
  var network, nodes, edges;
  try {
    nodes = new vis.DataSet(visNodes);
    edges = new vis.DataSet(visEdges);
    var big = data.edges.length > 3000;
    network = new vis.Network(box, { nodes: nodes, edges: edges }, {
      physics: false,
      layout: { improvedLayout: false, randomSeed: 1 },
      nodes: { shape: "dot", font: { size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#fff" },
               borderWidth: 1, scaling: { label: { enabled: false } } },
      edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5 },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                     navigationButtons: false, keyboard: false, multiselect: false }
    });
  } catch (err) {
    box.setAttribute("data-error", "vis-network: " + err);
    return;
  }
  var pendingFocus = null;
  network.once("afterDrawing", function () {
    if (pendingFocus) network.focus(pendingFocus, { scale: 1.0, animation: false });
    box.setAttribute("data-node-count", String(nodes.length));
    box.setAttribute("data-edge-count", String(edges.length));
    box.setAttribute("data-rendered", "true");
  });

  // search
  var list = document.getElementById("ag-actor-list");
  data.nodes.slice().sort(function (a, b) { return b.nm - a.nm || (a.id < b.id ? -1 : 1); })
    .forEach(function (n) { list.appendChild(el("option", { value: n.label })); });
  var search = document.getElementById("ag-search");
  function find(q) {
    q = (q || "").trim().toLowerCase();
    if (!q) return null;
    var exact = data.nodes.filter(function (n) { return n.label.toLowerCase() === q || n.id === q; });
    if (exact.length) return exact[0].id;
    var part = data.nodes.filter(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; })
      .sort(function (a, b) { return b.nm - a.nm; });
    return part.length ? part[0].id : null;
  }
  function go() {
    var id = find(search.value);
    if (id) selectActor(id, true);
    else { clear(panel); panel.appendChild(el("p", { "class": "muted", text: "No actor matches “" + search.value + "”." })); }
  }
  document.getElementById("ag-go").addEventListener("click", go);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
  search.addEventListener("change", go);
  document.getElementById("ag-fit").addEventListener("click", function () { network.fit(); });

  // edge kinds on/off
  function toggle() {
    var co = document.getElementById("ag-show-comention").checked;
    var ac = document.getElementById("ag-show-action").checked;
    edges.update(data.edges.map(function (e) {
      return { id: e.id, hidden: e.kind === "action" ? !ac : !co };
    }));
  }
  document.getElementById("ag-show-comention").addEventListener("change", toggle);
  document.getElementById("ag-show-action").addEventListener("change", toggle);

  // the side panel
  function edgeLine(e, from) {
    if (e.kind === "action") {
      var out = e.from === from;
      return (out ? "→ " + e.et + " → " : "← " + e.et + " ← ") + label(out ? e.to : e.from);
    }
    return label(e.from === from ? e.to : e.from);
  }
  function selectActor(id, focus) {
    var n = nodeById[id];
    if (!n) return;
    network.selectNodes([id]);
    if (focus) { pendingFocus = id; network.focus(id, { scale: 1.0, animation: false }); }
    clear(panel);
    panel.setAttribute("data-actor", id);
    panel.appendChild(el("h3", { text: n.label }));
    panel.appendChild(el("div", { "class": "muted", text: n.type + " · " + n.nm + " mentions in " + n.nd +
      " documents" + (n.fs ? " · " + n.fs + (n.ls && n.ls !== n.fs ? " to " + n.ls : "") : "") +
      (n.qid ? " · Wikidata " + n.qid : "") + " · id " + n.id }));
    var inc = incident[id].slice().sort(function (a, b) {
      return (a.kind === b.kind ? 0 : a.kind === "comention" ? -1 : 1) || b.w - a.w || (a.id < b.id ? -1 : 1);
    });
    panel.appendChild(el("div", { id: "ag-evidence", "class": "evidence" }));
    panel.appendChild(el("h4", { text: "Neighbours (" + inc.length + " edges)" }));
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
  function showEdge(edgeId, fromActor) {
    var e = edgeById[edgeId];
    if (!e) return;
    if (!fromActor || !document.getElementById("ag-evidence")) {
      selectActor(e.from, false);
    }
    network.selectEdges([edgeId]);
    var box2 = document.getElementById("ag-evidence");
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
      var s = data.sentences[item.s];
      var src = s.d + ", sentence " + s.i + (s.p ? " · published " + s.p : "");
      if (item.mo) src += " · " + item.mo + (item.dt ? " · dated " + item.dt : "");
      box2.appendChild(el("blockquote", null, marked(s.t, item.m).concat([el("span", { "class": "src", text: src })])));
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

  // #actor=ID or #edge=ID
  function fromHash() {
    var h = decodeURIComponent((location.hash || "").slice(1));
    if (h.indexOf("actor=") === 0) selectActor(h.slice(6), true);
    else if (h.indexOf("edge=") === 0 && edgeById[h.slice(5)]) {
      var e = edgeById[h.slice(5)];
      selectActor(e.from, true);
      showEdge(e.id, e.from);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
