"""report.html: self-contained, deterministic, and rendered by a real headless browser.

The browser tests need Chromium (Debian: ``apt-get install chromium``; .ci/run installs
it) and are skipped where there is none. The screenshot of the seeds report is saved to
tests/artifacts/report.png (git-ignored) for a human to look at.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.analysis.extract import DocResult
from pipeline.nlp.gazetteer import build, parse_entries
from pipeline.ingest.readers import Document
from pipeline.outputs.report import build_report, sentence_bounds
from pipeline.reduce.tables import build_tables

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome",
                                                          "google-chrome-stable")) if p), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: the browser tests of "
                                    "report.html are skipped (Debian: apt-get install chromium)")
EXTERNAL = re.compile(r"""(?:\b(?:src|href|action|poster|srcset|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                      r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.I)

GAZ = build(parse_entries([
    {"id": "nato", "label": "OTAN", "type": "ORG", "aliases": ["OTAN"]},
    {"id": "russia", "label": "Russie", "type": "LOC", "aliases": ["Russie"]},
]))


def _doc(doc_id, published, text, mentions, events=()):
    d = Document(doc_id=doc_id, source=doc_id + ".txt", text=text, published=published,
                 published_precision="day" if published else "")
    r = DocResult(d, n_tokens=len(text.split()))
    for sid, surface, aid, label in mentions:
        start = text.index(surface)
        r.mentions.append({"doc_id": doc_id, "sentence_id": sid, "start_char": start, "end_char": start + len(surface),
                           "text": surface, "label": label, "actor_id": aid})
    r.events.extend(events)
    return r


def _small_tables(with_spans=True):
    t1 = "La Russie menace l'OTAN. Rien ici.\nL'OTAN répond à la Russie </script><b>."
    r1 = _doc("d1", "2022-02-24", t1, [(0, "Russie", "russia", "LOC"), (0, "OTAN", "nato", "ORG")],
              [{"doc_id": "d1", "sentence_id": 0, "start_char": 10, "end_char": 16, "event_type": "THREATEN",
                "trigger": "menace", "agent_id": "russia", "target_id": "nato", "date": "2022-02-24",
                "date_precision": "day", "modality": "asserted", "sentence": "La Russie menace l'OTAN."}])
    r1.mentions.append({"doc_id": "d1", "sentence_id": 2, "start_char": t1.rindex("OTAN"),
                        "end_char": t1.rindex("OTAN") + 4, "text": "OTAN", "label": "ORG", "actor_id": "nato"})
    r1.mentions.append({"doc_id": "d1", "sentence_id": 2, "start_char": t1.rindex("Russie"),
                        "end_char": t1.rindex("Russie") + 6, "text": "Russie", "label": "LOC",
                        "actor_id": "russia"})
    if with_spans:
        r1.sentences = [(0, 24), (25, 34), (35, len(t1))]
    t2 = "Jens Stoltenberg parle de la Russie."
    r2 = _doc("d2", "2023-05", t2, [(0, "Jens Stoltenberg", "jens-stoltenberg", "PER"), (0, "Russie", "russia", "LOC")])
    if with_spans:
        r2.sentences = [(0, len(t2))]
    return build_tables([r1, r2], GAZ)


def _data(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def test_report_is_self_contained_and_deterministic():
    t = _small_tables()
    page = build_report(t)
    assert page == build_report(_small_tables())
    assert not EXTERNAL.search(page), EXTERNAL.search(page).group(0)
    assert "<script src" not in page and "<link" not in page
    # the hostile sentence text cannot close the data element
    assert page.count("</script>") == 4  # error recorder, data, vis-network, report.js
    data = _data(page)
    assert {n["id"] for n in data["nodes"]} == {"nato", "russia", "jens-stoltenberg"}
    edge = {e["id"]: e for e in data["edges"]}
    co = edge["c:nato--russia"]
    texts = [data["sentences"][i["s"]]["t"] for i in co["ev"]]
    assert texts == ["La Russie menace l'OTAN.", "L'OTAN répond à la Russie </script><b>."]
    marked = [texts[0][a:b] for a, b in co["ev"][0]["m"]]
    assert marked == ["Russie", "OTAN"]
    act = edge["a:russia->nato:THREATEN"]
    item = act["ev"][0]
    s = data["sentences"][item["s"]]["t"]
    assert s == "La Russie menace l'OTAN." and [s[a:b] for a, b in item["m"]] == ["menace"]
    assert item["mo"] == "asserted"
    assert 'id="ag-chart"' in page and "THREATEN" in page


def test_evidence_without_parser_sentences_uses_the_rule():
    data = _data(build_report(_small_tables(with_spans=False)))
    co = {e["id"]: e for e in data["edges"]}["c:nato--russia"]
    assert [data["sentences"][i["s"]]["t"] for i in co["ev"]] == [
        "La Russie menace l'OTAN.", "L'OTAN répond à la Russie </script><b>."]


def test_sentence_rule():
    t = "Titre\nPremier point. La Russie et l'OTAN discutent ! Fin…"
    s, e = sentence_bounds(t, t.index("Russie"), t.index("OTAN") + 4)
    assert t[s:e] == "La Russie et l'OTAN discutent !"
    s, e = sentence_bounds(t, 0, 5)
    assert t[s:e] == "Titre"


def test_seed_report_tables_and_chart(seeds_out):
    out, summary = seeds_out
    page = (out / "report.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(page)
    data = _data(page)
    assert len(data["nodes"]) == summary.n_nodes and len(data["edges"]) == summary.n_edges
    assert "OTAN" in page and 'id="ag-top-actors"' in page and 'id="ag-chart"' in page
    ev = {e["id"]: e for e in data["edges"]}["c:nato--russia"]
    assert 1 <= len(ev["ev"]) <= 3
    for item in ev["ev"]:
        text = data["sentences"][item["s"]]["t"]
        assert any(w in text for w in ("OTAN", "Otan", "Alliance", "NATO")), text


def _chromium(*args, tmp: Path, timeout=90) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-extensions", "--no-pings", "--disable-domain-reliability",
             "--hide-scrollbars", "--mute-audio", f"--user-data-dir={tmp / 'profile'}",
             "--host-resolver-rules=MAP * ~NOTFOUND"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=timeout)


def _page_requests(netlog: Path) -> list[str]:
    """URLs the page asked the network for (browser-internal requests, such as the
    component updater's, have initiator 'not an origin' and are not the page's)."""
    text = netlog.read_text(encoding="utf-8", errors="replace").rstrip()
    try:
        log = json.loads(text)
    except ValueError:  # a log cut short by the browser's exit
        log = json.loads(text.rstrip(",") + "]}")
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for ev in log.get("events", []):
        p = ev.get("params") or {}
        if names.get(ev["type"]) == "URL_REQUEST_START_JOB" and "url" in p:
            if p.get("initiator") == "not an origin":
                continue
            if not re.match(r"^(file|data|blob|about|chrome|devtools):", p["url"]):
                urls.append(p["url"])
    return urls


@needs_chromium
def test_netlog_check_detects_a_page_request(tmp_path):
    """The check below is not vacuous: a page that loads a remote image is caught."""
    page = tmp_path / "canary.html"
    page.write_text('<html><body><img src="https://example.org/x.png"></body></html>', encoding="utf-8")
    _chromium(f"--log-net-log={tmp_path / 'net.json'}", "--virtual-time-budget=2000", "--dump-dom",
              page.as_uri(), tmp=tmp_path)
    assert "https://example.org/x.png" in _page_requests(tmp_path / "net.json")


@needs_chromium
def test_report_renders_offline_in_chromium(seeds_out, tmp_path):
    out, summary = seeds_out
    url = (out / "report.html").as_uri()
    r = _chromium(f"--log-net-log={tmp_path / 'net.json'}", "--virtual-time-budget=8000", "--dump-dom",
                  url + "#actor=nato", tmp=tmp_path)
    dom = r.stdout
    net = re.search(r'<div id="ag-network"[^>]*>', dom)
    assert net, f"no network element in the DOM; stderr: {r.stderr[-2000:]}"
    tag = net.group(0)
    assert 'data-error' not in tag, tag
    assert 'data-rendered="true"' in tag, tag
    assert f'data-node-count="{summary.n_nodes}"' in tag and f'data-edge-count="{summary.n_edges}"' in tag
    assert "<canvas" in dom
    # #actor=nato selected NATO: its neighbours and the evidence of its strongest edge
    panel = dom[dom.index('id="ag-panel"'):]
    assert 'data-actor="nato"' in dom and 'id="ag-neighbours"' in panel and "Russie" in panel
    count = re.search(r'data-evidence-count="(\d+)"', panel)
    assert count and int(count.group(1)) >= 1
    assert "<blockquote>" in panel and "<mark>" in panel
    assert _page_requests(tmp_path / "net.json") == []

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    _chromium("--window-size=1400,1300", "--virtual-time-budget=8000", f"--screenshot={shot}",
              url + "#actor=nato", tmp=tmp_path)
    assert shot.is_file() and shot.stat().st_size > 20_000


# ----------------------------------------------------------------------------- 1,000+ actors
@pytest.fixture(scope="module")
def big_report(tmp_path_factory):
    """report.html of generated tables with planted communities (1,120 graph actors)."""
    from benchmarks.graphgen import planted_tables
    from pipeline.network.graph import build_graph
    from pipeline.outputs.report import write_report

    t = planted_tables(1200, seed=7)
    g = build_graph(t.actors, t.edges)
    path = write_report(tmp_path_factory.mktemp("big_report") / "report.html", t, g)
    return path, t, g


def test_report_data_at_1000_actors(big_report):
    path, t, g = big_report
    data = _data(path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == g.number_of_nodes() >= 1000
    by_rank = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["rank"] for n in by_rank] == list(range(1, len(by_rank) + 1))
    assert by_rank[0]["id"] == t.actors.sort_values(["pagerank", "actor_id"], ascending=[False, True])["actor_id"].iloc[0]
    # the legend names each community by its most central actors
    for c in data["communities"]:
        members = t.actors[t.actors["community"] == c["c"]].sort_values("pagerank", ascending=False)
        assert c["n"] == len(members) and c["top"] == list(members["label"][:3])
    assert len(data["communities"]) == min(12, int(t.actors["community"].max()))
    # time profiles: every document and event is dated, so they add up to the weights
    assert data["unit"] == "year" and data["periods"] == [str(y) for y in range(2019, 2025)]
    assert all(sum(c for _, c in e["t"]) == e["w"] for e in data["edges"])
    mentions = t.mentions.groupby("actor_id").size()
    assert all(sum(c for _, c in n["t"]) == mentions[n["id"]] for n in data["nodes"])
    # the actor panel: counts of events as agent / target, the latest 5 of each, newest first
    ev = t.events
    for n in by_rank[:30]:
        assert n["na"] == int((ev["agent_id"] == n["id"]).sum()) and n["nt"] == int((ev["target_id"] == n["id"]).sum())
        assert len(n["ea"]) == min(5, n["na"]) and len(n["et"]) == min(5, n["nt"])
        dates = [e["dt"] for e in n["ea"]]
        assert dates == sorted(dates, reverse=True)
        for e in n["ea"]:
            s = data["sentences"][e["s"]]["t"]
            assert [s[a:b] for a, b in e["m"]] == [e["tr"]] and label_of(data, e["o"]) in s


def label_of(data, actor_id):
    return next(n["label"] for n in data["nodes"] if n["id"] == actor_id)


def _dom(url: str, tmp: Path) -> str:
    return _chromium("--window-size=1400,1100", "--virtual-time-budget=15000", "--dump-dom", url, tmp=tmp,
                     timeout=180).stdout


@needs_chromium
def test_js_error_check_is_not_vacuous(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(build_report(_small_tables()).replace("</body>", "<script>noSuchFunction();</script></body>"),
                    encoding="utf-8")
    assert "data-js-errors" in re.search(r"<html[^>]*>", _dom(page.as_uri(), tmp_path)).group(0)


@needs_chromium
def test_undated_corpus_still_shows_its_actors(tmp_path):
    r = _doc("u1", "", "La Russie menace l'OTAN.", [(0, "Russie", "russia", "LOC"), (0, "OTAN", "nato", "ORG")])
    r.sentences = [(0, 24)]
    page = tmp_path / "report.html"
    page.write_text(build_report(build_tables([r], GAZ)), encoding="utf-8")
    assert _data(page.read_text(encoding="utf-8"))["periods"] == []
    dom = _dom(page.as_uri(), tmp_path)
    tag = re.search(r'<div id="ag-network"[^>]*>', dom).group(0)
    assert 'data-visible-nodes="2"' in tag and 'data-visible-edges="1"' in tag, tag
    assert "dates unknown" in dom[dom.index('id="ag-panel"'):]


@needs_chromium
def test_report_at_1000_actors_in_chromium(big_report, tmp_path):
    path, t, g = big_report
    data = _data(path.read_text(encoding="utf-8"))
    top = min(data["nodes"], key=lambda n: n["rank"])
    dom = _dom(path.as_uri(), tmp_path)
    html_tag = re.search(r"<html[^>]*>", dom).group(0)
    assert "data-js-errors" not in html_tag, html_tag
    tag = re.search(r'<div id="ag-network"[^>]*>', dom).group(0)
    assert 'data-rendered="true"' in tag and "data-error" not in tag, tag
    assert f'data-node-count="{len(data["nodes"])}"' in tag
    visible = int(re.search(r'data-visible-nodes="(\d+)"', tag).group(1))
    n_edges = int(re.search(r'data-visible-edges="(\d+)"', tag).group(1))
    assert visible == 80 and 80 <= n_edges <= 80 * 3
    # a first actor is selected: the panel lists its events as agent and target, and its neighbours
    panel = dom[dom.index('id="ag-panel"'):]
    assert f'data-actor="{top["id"]}"' in panel and top["label"] in panel
    assert 'id="ag-events-agent"' in panel and 'id="ag-events-target"' in panel and 'id="ag-neighbours"' in panel
    assert panel.count('class="event"') == len(top["ea"]) + len(top["et"])
    assert dom.count('class="community"') == len(data["communities"])
    # a narrower time window shows fewer edges
    tag = re.search(r'<div id="ag-network"[^>]*>', _dom(path.as_uri() + "#period=2020..2020", tmp_path)).group(0)
    assert 0 < int(re.search(r'data-visible-edges="(\d+)"', tag).group(1)) < n_edges

    # widened to every actor of the page: all drawn, still no error
    dom = _dom(path.as_uri() + f"#top={len(data['nodes'])}", tmp_path)
    assert "data-js-errors" not in re.search(r"<html[^>]*>", dom).group(0)
    tag = re.search(r'<div id="ag-network"[^>]*>', dom).group(0)
    assert f'data-visible-nodes="{len(data["nodes"])}"' in tag, tag

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-1000.png"
    shot.unlink(missing_ok=True)
    _chromium("--window-size=1400,1200", "--virtual-time-budget=15000", f"--screenshot={shot}", path.as_uri(),
              tmp=tmp_path, timeout=180)
    assert shot.is_file() and shot.stat().st_size > 50_000
