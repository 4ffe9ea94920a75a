"""Event-dense French news corpora for the speed benchmarks (nothing here is committed text).

Two sources, both built at run time:

- ``synthetic`` (default): articles whose every sentence names one or more actors (states,
  leaders, organisations, people drawn from a pool of names) doing something to another
  (condemn, meet, sanction, attack, sign, accuse, call on...), often dated ("le 12 mars",
  "mardi") and often reported ("selon l'AFP", "a déclaré"). Written from templates with a
  fixed seed, so the same arguments give the same corpus.
- ``real``: the sentences of the real articles in ``/work/realdata/d*/tune/*.txt`` (when the
  folder exists; these texts stay outside git), recombined into articles like
  ``benchmarks/corpus.py`` does with the seeds.

``sparse`` (``benchmarks/corpus.py``) stays the light reference: seed sentences, few events.

Usage::

    python benchmarks/dense_corpus.py 300 /tmp/dense.jsonl [--source synthetic|real] [--seed 5]
"""
from __future__ import annotations

import argparse
import glob
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import paragraphs, sentences_of, write_jsonl  # noqa: E402

STATES = ("la France", "l'Allemagne", "la Russie", "l'Ukraine", "les États-Unis", "la Chine", "l'Iran",
          "Israël", "la Turquie", "le Royaume-Uni", "l'Italie", "la Pologne", "le Japon", "l'Inde",
          "le Brésil", "l'Égypte", "l'Arabie saoudite", "le Qatar", "la Syrie", "le Liban", "le Mali",
          "l'Algérie", "le Maroc", "la Corée du Nord", "la Corée du Sud", "le Canada", "l'Espagne")
CAPITALS = ("Paris", "Berlin", "Moscou", "Kiev", "Washington", "Pékin", "Téhéran", "Jérusalem", "Ankara",
            "Londres", "Rome", "Varsovie", "Tokyo", "New Delhi", "Brasilia", "Le Caire", "Riyad", "Doha",
            "Damas", "Beyrouth", "Bamako", "Alger", "Rabat", "Pyongyang", "Séoul", "Ottawa", "Madrid")
ORGS = ("l'OTAN", "l'ONU", "l'Union européenne", "le Conseil de sécurité", "la Commission européenne",
        "l'Organisation mondiale de la santé", "le Hamas", "le Hezbollah", "l'AIEA", "le FMI",
        "la Banque mondiale", "l'Union africaine", "la Croix-Rouge", "Amnesty International")
LEADERS = ("Emmanuel Macron", "Olaf Scholz", "Vladimir Poutine", "Volodymyr Zelensky", "Joe Biden",
           "Xi Jinping", "Recep Tayyip Erdogan", "Rishi Sunak", "Giorgia Meloni", "Narendra Modi",
           "Antonio Guterres", "Ursula von der Leyen", "Jens Stoltenberg", "Benyamin Netanyahou",
           "Abdel Fattah al-Sissi", "Mohammed ben Salmane", "Lula da Silva", "Justin Trudeau")
FIRST = ("Claire Antoine Sophie Julien Nadia Karim Hélène Marc Inès Thomas Léa Youssef Camille Pierre "
         "Amina Nicolas Élodie Samir Lucie Mathieu").split()
LAST = ("Martin Bernard Dubois Lefèvre Moreau Laurent Garnier Rousseau Fontaine Chevalier Mercier "
        "Benali Haddad Lemoine Perrin Faure Renard Colin Vidal Aubert").split()
ROLES = ("le ministre des Affaires étrangères", "la ministre de la Défense", "le porte-parole du Kremlin",
         "la présidente de la Commission", "le secrétaire d'État", "l'ambassadeur", "le chef de la diplomatie",
         "le Premier ministre", "la députée", "le général")
ACTS = ("a condamné", "a rencontré", "a accusé", "a menacé", "a sanctionné", "a critiqué", "a soutenu",
        "a appelé", "a reçu", "a averti", "a félicité", "a attaqué", "a bombardé", "a remercié",
        "a dénoncé", "a exhorté", "a rejeté les propositions de", "a signé un accord avec",
        "a promis une aide militaire à", "a rompu ses relations avec", "a expulsé des diplomates de",
        "a négocié avec", "a imposé des sanctions à", "a lancé une offensive contre")
TAILS = ("", "", " pour son rôle dans la crise", " à propos du cessez-le-feu", " après l'attaque de la veille",
         " lors d'un sommet à {city}", " au sujet des négociations de paix", " malgré les protestations",
         " en marge de l'Assemblée générale")
WHEN = ("", "", "mardi", "lundi soir", "le {d} {m}", "le {d} {m} {y}", "la semaine dernière", "hier",
        "depuis le début de l'année", "en {m} {y}", "jeudi matin")
SOURCES = ("selon l'AFP", "selon Reuters", "a indiqué un communiqué", "a déclaré un porte-parole",
           "selon des sources diplomatiques", "a rapporté l'agence Tass")
MONTHS = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()


def _actor(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(STATES)
    if kind < 0.5:
        return rng.choice(ORGS)
    if kind < 0.75:
        return rng.choice(LEADERS)
    if kind < 0.9:
        return f"{rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice(CAPITALS)


def _sentence(rng: random.Random, year: int) -> str:
    agent, target = _actor(rng), _actor(rng)
    while target == agent:
        target = _actor(rng)
    when = rng.choice(WHEN).format(d=rng.randint(1, 28), m=rng.choice(MONTHS), y=year)
    tail = rng.choice(TAILS).format(city=rng.choice(CAPITALS))
    act = rng.choice(ACTS)
    core = f"{agent} {act} {target}{tail}"  # the actor lists keep their articles lower case
    if when:
        core = f"{when}, {core}" if rng.random() < 0.4 else f"{core} {when}"
    core = core[0].upper() + core[1:]
    form = rng.random()
    if form < 0.2:
        return f"{core}, {rng.choice(SOURCES)}."
    if form < 0.35:
        speaker = rng.choice(LEADERS)
        return f"« {core} », a déclaré {speaker}."
    if form < 0.45:
        return f"{core}, tandis que {_actor(rng)} {rng.choice(ACTS)} {_actor(rng)}."
    return f"{core}."


def synthetic(n_docs: int, seed: int = 5) -> list[dict]:
    """``n_docs`` event-dense articles (3-60 sentences, 2-4 per paragraph)."""
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        year = rng.randint(2014, 2025)
        n = rng.choice([3, 5, 8, 12, 20, 30, 45, 60])
        docs.append(_article(rng, [_sentence(rng, year) for _ in range(n)], f"dense-{i:06d}", year))
    return docs


def real_sentences(pattern: str = "/work/realdata/d*/tune/*.txt") -> list[str]:
    """Sentences of the real tune articles (empty when the folder is absent)."""
    sents = []
    for path in sorted(glob.glob(pattern)):
        sents.extend(sentences_of(Path(path).read_text(encoding="utf-8")))
    return sents


def recombined(n_docs: int, seed: int = 5) -> list[dict]:
    """``n_docs`` articles recombined from the sentences of the real tune articles."""
    sents = real_sentences()
    if not sents:
        raise SystemExit("no real article under /work/realdata/d*/tune/: use --source synthetic")
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        n = rng.choice([3, 5, 8, 12, 20, 30, 45, 60])
        year = rng.randint(2014, 2025)
        docs.append(_article(rng, [rng.choice(sents) for _ in range(n)], f"real-{i:06d}", year))
    return docs


def _article(rng: random.Random, body: list[str], doc_id: str, year: int) -> dict:
    text = paragraphs(rng, body)
    return {"id": doc_id, "title": body[0][:120], "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": text}


def generate(n_docs: int, source: str = "synthetic", seed: int = 5) -> list[dict]:
    return recombined(n_docs, seed) if source == "real" else synthetic(n_docs, seed)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n_docs", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--source", choices=("synthetic", "real"), default="synthetic")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    print(write_jsonl(generate(a.n_docs, a.source, a.seed), a.out))
