"""A generated corpus of real size for the CI gate, and the checks of a run's outputs.

``python benchmarks/gate_corpus.py generate DIR --pages 2000 --rows 300`` writes
``DIR/pages/`` (web pages with menus, share buttons and a footer around a short article),
``DIR/articles.jsonl`` and ``DIR/articles.csv`` (multi-line texts, quoted). The articles
name people drawn from a large pool of French first and last names, with states and
organisations, so that a run finds thousands of distinct actors.

``python benchmarks/gate_corpus.py check OUT --min-documents N --min-actors N`` reads an
output folder and fails (exit 1, one line per problem) when the graph files disagree with
the tables, when a word of the page boilerplate became an actor, or when the run is
smaller than asked. It uses only the standard library, so it runs in any environment.

Nothing here imports actorgraph: the gate runs it beside an installed wheel.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FIRST = ("Adèle Agathe Albane Alexis Amandine Ambroise Anatole Annabelle Armand Aurélien Baptiste Bastien "
         "Bérénice Blandine Capucine Céleste Clémence Colombe Corentin Cyprien Delphine Donatien Éloïse "
         "Émeric Enguerrand Eulalie Fabien Faustine Félicien Firmin Florestan Gaspard Gauthier Germain "
         "Ghislaine Grégoire Guillemette Hélène Hippolyte Honorine Hortense Isaure Jacinthe Joachim "
         "Josselin Justine Laurianne Léandre Léopold Ludivine Marceline Maxence Mélisande Norbert Octave "
         "Odilon Philippine Quentin Roseline Sidonie Solène Tancrède Timothée Valentin Violaine").split()
LAST = ("Aubertin Bachelard Barthélemy Beaufils Bellegarde Bonnefoy Bourdieu Chambertin Charpentier "
        "Chevallier Clairval Courtois Delacroix Delaunay Desmarais Dufresne Duplessis Esnault Fauconnier "
        "Ferrand Fontaine Fournier Gallois Garnier Gauthereau Giraudoux Guillaumin Hautecoeur Jacquemin "
        "Lachaume Lafargue Lambertin Langlois Larrivée Lavergne Leclercq Lefebvre Lemaire Lemercier "
        "Letellier Maillard Marchetti Marivaux Montclair Morvan Nicolle Peyrefitte Poirier Quesnel "
        "Rambert Renaudin Rivière Rochefort Roussel Sauvageot Séverac Tessier Thibaudeau Valmont "
        "Vasseur Verdier Villeneuve").split()
ROLES = ("le ministre des Affaires étrangères", "la porte-parole du gouvernement", "le député",
         "la sénatrice", "le diplomate", "l'ambassadrice", "le chercheur", "la présidente de la commission",
         "le général", "la maire")
STATES = ("la Russie", "l'Ukraine", "la France", "l'Allemagne", "la Pologne", "les États-Unis", "la Finlande")
ORGS = ("l'OTAN", "l'Union européenne", "les Nations unies")
VERBS = ("a rencontré", "a critiqué", "a soutenu", "a reçu", "a appelé", "a accusé", "a félicité")

#: the page furniture: none of these words may become an actor
BOILERPLATE = ("Politique", "International", "Sport", "Culture", "Économie", "Instagram", "Facebook",
               "Netflix", "Newsletter", "Abonnez-vous")
NAV = ("<header><nav><ul><li><a href='/'>Accueil</a></li><li><a href='/politique'>Politique</a></li>"
       "<li><a href='/international'>International</a></li><li><a href='/sport'>Sport</a></li>"
       "<li><a href='/culture'>Culture</a></li><li><a href='/economie'>Économie</a></li></ul></nav></header>")
SHARE = ("<div class='share'>Partager sur Facebook | Partager sur Instagram | Recevoir la Newsletter</div>")
FOOTER = ("<footer><p>Suivez-nous sur Instagram et Facebook.</p><p>Newsletter : Abonnez-vous pour 1 € par mois.</p>"
          "<p>Programme TV : les séries Netflix de la semaine. Rubriques : Politique, Sport, Culture.</p>"
          "<p>© Le Quotidien du Soir — Mentions légales — Contact</p></footer>")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(rng: random.Random, i: int) -> tuple[str, str, list[str]]:
    """(title, paragraphs, date) of one short article naming four to six people."""
    people = [_person(rng) for _ in range(rng.randint(4, 6))]
    state, org = rng.choice(STATES), rng.choice(ORGS)
    paras = [
        f"{people[0]}, {rng.choice(ROLES)}, {rng.choice(VERBS)} {people[1]} mardi à Paris, "
        f"au sujet des relations entre {state} et {org}.",
        f"Selon {people[2]}, {rng.choice(ROLES)}, la rencontre a duré deux heures. "
        f"{people[3]} {rng.choice(VERBS)} la délégation de {state} en fin de journée.",
    ]
    if len(people) > 4:
        paras.append(f"{people[4]} a déclaré que {org} examinerait la question le mois prochain"
                     + (f", avec {people[5]}." if len(people) > 5 else "."))
    date = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{people[0]} et {people[1]} discutent de l'avenir de {org.split(' ', 1)[-1].lstrip(chr(39))}"
    return title, paras, date


def page(title: str, paras: list[str], date: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{date}'></head><body>{NAV}"
            f"<main><article><h1>{title}</h1><p class='date'>Publié le {date}</p>{body}</article>{SHARE}</main>"
            f"{FOOTER}</body></html>")


def generate(folder: Path, n_pages: int, n_rows: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for i in range(n_pages):
        title, paras, date = article(rng, i)
        (pages / f"page-{i:05d}.html").write_text(page(title, paras, date), encoding="utf-8")
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n_rows):
            title, paras, date = article(rng, i)
            fh.write(json.dumps({"id": f"j{i:05d}", "title": title, "date": date, "text": "\n\n".join(paras)},
                                ensure_ascii=False) + "\n")
    with open(folder / "articles.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "date", "text"])
        for i in range(n_rows):
            title, paras, date = article(rng, i)
            w.writerow([f"c{i:05d}", title, date, "\n\n".join(paras)])
    return {"pages": n_pages, "jsonl": n_rows, "csv": n_rows}


# ----------------------------------------------------------------------------- checks
def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _graphml_counts(path: Path) -> tuple[int, int]:
    root = ET.parse(path).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    return len(root.findall(".//g:node", ns)), len(root.findall(".//g:edge", ns))


def check(out: Path, min_documents: int = 0, min_actors: int = 0) -> list[str]:
    problems = []
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    docs, actors, edges = _rows(out / "documents.csv"), _rows(out / "actors.csv"), _rows(out / "edges.csv")
    nodes = [a for a in actors if a["in_graph"].lower() in ("true", "1")]
    n_co = sum(e["kind"] == "comention" for e in edges)
    n_act = sum(e["kind"] == "action" for e in edges)
    g_nodes, g_edges = _graphml_counts(out / "graph.graphml")
    a_nodes, a_edges = _graphml_counts(out / "actions.graphml")
    if (g_nodes, g_edges) != (len(nodes), n_co):
        problems.append(f"graph.graphml has {g_nodes} nodes / {g_edges} edges, the tables {len(nodes)} / {n_co}")
    if (a_nodes, a_edges) != (len(nodes), n_act):
        problems.append(f"actions.graphml has {a_nodes} nodes / {a_edges} edges, the tables {len(nodes)} / {n_act}")
    if manifest["counts"]["n_documents"] != len(docs):
        problems.append(f"manifest counts {manifest['counts']['n_documents']} documents, documents.csv {len(docs)}")
    bad = sorted({a["label"] for a in actors for w in BOILERPLATE if w.lower() in a["label"].lower().split()})
    if bad:
        problems.append(f"page boilerplate became actors: {', '.join(bad[:10])}")
    ok = sum(d["status"] == "ok" for d in docs)
    if ok < min_documents:
        problems.append(f"only {ok} documents analysed (expected at least {min_documents})")
    if len(actors) < min_actors:
        problems.append(f"only {len(actors)} distinct actors (expected at least {min_actors})")
    no_title = sum(1 for d in docs if d["status"] == "ok" and not d["title"])
    if no_title:
        problems.append(f"{no_title} analysed documents have no title")
    print(f"{out}: {len(docs)} documents ({ok} ok), {len(actors)} actors, {len(nodes)} graph nodes, "
          f"{n_co} co-mention and {n_act} action edges; {len(problems)} problems")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("folder", type=Path)
    g.add_argument("--pages", type=int, default=2000)
    g.add_argument("--rows", type=int, default=300)
    g.add_argument("--seed", type=int, default=7)
    c = sub.add_parser("check")
    c.add_argument("out", type=Path)
    c.add_argument("--min-documents", type=int, default=0)
    c.add_argument("--min-actors", type=int, default=0)
    a = ap.parse_args(argv)
    if a.cmd == "generate":
        print(json.dumps(generate(a.folder, a.pages, a.rows, a.seed)))
        return 0
    problems = check(a.out, a.min_documents, a.min_actors)
    for p in problems:
        print(f"  problem: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
