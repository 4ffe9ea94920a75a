"""Generated map-step records with a planted community structure, for network-scale tests
and benchmarks without running spaCy.

``planted_results(n_actors)`` makes documents whose sentences name actors of mostly one
community (a few cross-community links), with popular and rare actors (Zipf-like), about
15% of actors only ever named alone (isolated nodes), dated documents over several years,
and events (agent → target) on some sentences. Names are made from syllables, so nothing
here is tuned to a real corpus. Deterministic for a given seed.
"""
from __future__ import annotations

import random

from pipeline.analysis.extract import DocResult
from pipeline.ingest.readers import Document

SYLLABLES = ["ka", "lo", "ver", "mi", "tan", "sor", "bel", "du", "ri", "na", "pol", "zé", "mar", "ti", "gan",
             "vo", "lu", "sé", "bra", "ké", "dor", "fi", "len", "qua"]
VERBS = [("menace", "THREATEN"), ("soutient", "SUPPORT"), ("critique", "ACCUSE"), ("rencontre", "CONSULT"),
         ("sanctionne", "SANCTION"), ("aide", "AID")]


def _name(rng: random.Random, used: set) -> str:
    while True:
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = f"{first} {last}"
        if name not in used:
            used.add(name)
            return name


def planted_results(n_actors: int = 1200, n_communities: int = 12, docs_per_actor: float = 2.5,
                    seed: int = 7, n_hubs: int = 0, hub_share: float = 0.3) -> list[DocResult]:
    """``n_hubs`` actors (the first linked ones) are named, besides, in ``hub_share`` of the
    sentences whatever their community, as states and alliances are in the news."""
    rng = random.Random(seed)
    used: set = set()
    actors = []
    for i in range(n_actors):
        name = _name(rng, used)
        label = rng.choice(["PER", "PER", "ORG", "LOC"])
        actors.append((name.lower().replace(" ", "-").replace("é", "e"), name, label))
    n_isolated = int(n_actors * 0.15)
    isolated, linked = actors[:n_isolated], actors[n_isolated:]
    hubs, linked = linked[:n_hubs], linked[n_hubs:]
    comm = [linked[c::n_communities] for c in range(n_communities)]
    weights = [[1.0 / (k + 1) ** 0.9 for k in range(len(members))] for members in comm]
    results = []
    n_docs = int(n_actors * docs_per_actor / 4)
    for d in range(n_docs):
        c = rng.randrange(n_communities) if rng.random() < 0.7 else rng.randrange(max(1, n_communities // 3))
        year, month = rng.randint(2019, 2024), rng.randint(1, 12)
        sentences, mentions, events = [], [], []
        text = ""
        for s in range(rng.randint(3, 8)):
            if rng.random() < 0.12:
                who = [rng.choice(isolated)]
            else:
                k = rng.choice([1, 2, 2, 3])
                who = []
                for _ in range(k):
                    cc = c if rng.random() < 0.9 else rng.randrange(n_communities)
                    who.append(rng.choices(comm[cc], weights=weights[cc])[0])
                if hubs and rng.random() < hub_share:
                    who.append(hubs[min(int(rng.expovariate(0.7)), len(hubs) - 1)])
                who = list(dict.fromkeys(who))
            start = len(text)
            verb = None
            if len(who) >= 2 and rng.random() < 0.4:
                verb = rng.choice(VERBS)
                body = f"{who[0][1]} {verb[0]} {who[1][1]}" + "".join(f" avec {a[1]}" for a in who[2:])
            else:
                body = "On cite " + ", ".join(a[1] for a in who)
            sentence = body + " selon la presse."
            text += sentence + " "
            sentences.append((start, start + len(sentence)))
            for a in who:
                off = start + sentence.index(a[1])
                mentions.append({"doc_id": f"g{d:05d}", "sentence_id": s, "start_char": off,
                                 "end_char": off + len(a[1]), "text": a[1], "label": a[2], "actor_id": a[0]})
            if verb:
                t0 = start + sentence.index(verb[0], len(who[0][1]))
                events.append({"doc_id": f"g{d:05d}", "sentence_id": s, "start_char": t0,
                               "end_char": t0 + len(verb[0]), "event_type": verb[1], "trigger": verb[0],
                               "agent_id": who[0][0], "target_id": who[1][0],
                               "date": f"{year}-{month:02d}", "date_precision": "month",
                               "modality": "asserted", "sentence": sentence})
        doc = Document(doc_id=f"g{d:05d}", source=f"g{d:05d}.txt", text=text.strip(),
                       published=f"{year}-{month:02d}-{rng.randint(1, 28):02d}", published_precision="day")
        r = DocResult(doc, n_tokens=len(text.split()), n_sentences=len(sentences))
        r.mentions, r.events, r.sentences = mentions, events, sentences
        results.append(r)
    return results


def planted_tables(n_actors: int = 1200, seed: int = 7, **kw):
    """The in-memory tables of :func:`planted_results` (no gazetteer entry: every actor
    is discovered)."""
    from pipeline.nlp.gazetteer import build, parse_entries
    from pipeline.reduce.tables import build_tables

    return build_tables(planted_results(n_actors, seed=seed, **kw), build(parse_entries([])))
