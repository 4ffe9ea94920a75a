"""The events component (pipeline/events.py) against the gold sentence table.

* ``CORE`` sentences must each produce exactly their expected events (agent, type,
  target, modality and attribution), nothing missing.
* One aggregate test measures event-level recall and precision over all 165 sentences of
  tests/data/event_sentences.yaml and checks that "no event" sentences yield nothing.
* Record shape, date attachment and a few behaviours are tested on small sentences.

Expected actors are written as surface names; a name matches a predicted actor id when an
entity of the document with that id has the same text (or contains the name as whole
words: "Zaporijia" in "centrale de Zaporijia"), or when the name is the label or an alias
of that id in the gazetteer (which also covers adjective-derived countries).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from pipeline.nlp.events.component import EVENT_KEYS
from pipeline.nlp.gazetteer import alias_key, load_gazetteer
from tests.conftest import parse

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "event_sentences.yaml"
TABLE = yaml.safe_load(TABLE_PATH.read_text(encoding="utf-8"))
BY_ID = {item["id"]: item for item in TABLE}

# Sentences the extractor must get fully right (every expected event found with agent,
# type, target and modality; attribution checked too). Measured, not aspirational.
CORE = [
    "active-01", "active-03", "active-05", "active-06", "active-09", "active-12", "active-13", "active-14",
    "passive-agent-01", "passive-agent-03", "passive-agent-05", "passive-agent-09",
    "passive-noagent-01", "passive-noagent-03", "passive-noagent-05", "passive-noagent-09",
    "nominal-01", "nominal-02", "nominal-03", "nominal-05", "nominal-07", "nominal-10", "nominal-13",
    "light-01", "light-03", "light-04", "light-05", "light-08", "light-11", "light-13",
    "coord-01", "coord-02", "coord-04", "coord-06", "coord-07", "coord-08",
    "hyp-01", "hyp-03", "hyp-05", "hyp-06", "hyp-09",
    "question-01", "question-07",
    "si-05", "si-06", "si-07",
    "future-03", "future-04", "future-05",
    "neg-01", "neg-03", "neg-07", "neg-10",
    "reported-02", "reported-04", "reported-07", "reported-08",
    "pronoun-02", "pronoun-05", "pronoun-07",
]

# Thresholds of the aggregate test: measured value minus a small margin (see the message).
# Measured: recall 0.908, recall agent+type 0.963, precision 0.916 (217 expected events).
MIN_RECALL = 0.87
MIN_PRECISION = 0.88
MIN_RECALL_AGENT_TYPE = 0.93


def _run(nlp, text: str, anchor: str | None = None):
    return parse(nlp, text, anchor)


@lru_cache(maxsize=4096)
def _gaz_keys(actor_id: str) -> frozenset[str]:
    gaz = load_gazetteer()
    entry = gaz.get(actor_id)
    keys = {alias_key(actor_id)}
    if entry is not None:
        keys.add(alias_key(entry.label))
        keys.update(alias_key(a) for a in entry.aliases)
        keys.update(alias_key(a) for a in entry.metonyms)
    return frozenset(keys)


def name_matches(doc, name: str | None, actor_id: str) -> bool:
    """Does the expected surface ``name`` designate the predicted ``actor_id``?"""
    if not name:
        return not actor_id
    if not actor_id:
        return False
    key = alias_key(name)
    for ent in doc.ents:
        if ent._.actor_id != actor_id:
            continue
        # the name as written, or inside a longer entity ("centrale de Zaporijia", "Congrès américain")
        ekey = alias_key(ent.text)
        if ekey == key or f" {key} " in f" {ekey} ":
            return True
    if key in _gaz_keys(actor_id):
        return True
    gaz = load_gazetteer()
    return gaz.alias_index.get(key) == actor_id or gaz.metonym_index.get(key) == actor_id


def event_matches(doc, exp: dict, pred: dict, *, modality: bool = True, target: bool = True,
                  attribution: bool = False) -> bool:
    if exp["type"] != pred["event_type"]:
        return False
    if not name_matches(doc, exp.get("agent"), pred["agent_id"]):
        return False
    if target and not name_matches(doc, exp.get("target"), pred["target_id"]):
        return False
    if modality and exp["modality"] != pred["modality"]:
        return False
    if attribution and not name_matches(doc, exp.get("attributed_to"), pred["attributed_to"]):
        return False
    return True


def score_table(nlp) -> dict:
    """Recall / precision of the extractor over the whole table (also used by scripts)."""
    n_exp = n_found = n_found_at = n_pred = n_pred_ok = 0
    no_event_leaks, per_item = [], {}
    for item in TABLE:
        doc = _run(nlp, item["sentence"])
        preds = doc._.events
        exp = item["events"]
        found = [any(event_matches(doc, e, p) for p in preds) for e in exp]
        found_at = [any(event_matches(doc, e, p, modality=False, target=False) for p in preds) for e in exp]
        ok_preds = [any(event_matches(doc, e, p) for e in exp) for p in preds]
        n_exp += len(exp)
        n_found += sum(found)
        n_found_at += sum(found_at)
        n_pred += len(preds)
        n_pred_ok += sum(ok_preds)
        if item["category"] == "no_event" and preds:
            no_event_leaks.append(item["id"])
        per_item[item["id"]] = (all(found), preds)
    return {
        "recall": n_found / n_exp if n_exp else 1.0,
        "recall_agent_type": n_found_at / n_exp if n_exp else 1.0,
        "precision": n_pred_ok / n_pred if n_pred else 1.0,
        "n_expected": n_exp, "n_predicted": n_pred, "no_event_leaks": no_event_leaks,
        "per_item": per_item,
    }


# ------------------------------------------------------------------ the gold table


@pytest.mark.parametrize("item_id", CORE)
def test_core_sentence(nlp, item_id):
    item = BY_ID[item_id]
    doc = _run(nlp, item["sentence"])
    preds = doc._.events
    shown = [(p["agent_id"], p["event_type"], p["target_id"], p["modality"], p["attributed_to"]) for p in preds]
    for exp in item["events"]:
        assert any(event_matches(doc, exp, p, attribution=True) for p in preds), (
            f"{item_id}: expected {exp} not found in {shown}")


@pytest.fixture(scope="module")
def table_scores(nlp):
    return score_table(nlp)


def test_table_recall_and_precision(table_scores):
    s = table_scores
    msg = (f"recall={s['recall']:.3f} (agent+type {s['recall_agent_type']:.3f}) "
           f"precision={s['precision']:.3f} over {s['n_expected']} expected / {s['n_predicted']} predicted")
    print(msg)
    assert s["recall"] >= MIN_RECALL, msg
    assert s["recall_agent_type"] >= MIN_RECALL_AGENT_TYPE, msg
    assert s["precision"] >= MIN_PRECISION, msg


def test_no_event_sentences_yield_nothing(table_scores):
    assert table_scores["no_event_leaks"] == []


# ------------------------------------------------------------------ records


def test_record_keys_and_types(nlp):
    doc = _run(nlp, "La Russie a envahi l'Ukraine le 24 février 2022.", anchor="2022-03-01")
    assert doc._.events, "no event"
    for ev in doc._.events:
        assert tuple(ev) == EVENT_KEYS
        for key, value in ev.items():
            assert type(value) in ((float,) if key == "confidence" else (str, int)), (key, value)
        assert 0.0 <= ev["confidence"] <= 1.0
        assert doc.text[ev["start_char"]:ev["end_char"]] == "envahi"
        assert ev["sentence_id"] == 0 and ev["sentence_start_char"] == 0
        assert ev["modality"] in ("asserted", "hypothetical", "negated")
        assert ev["date_source"] in ("sentence", "document", "")


def test_light_verb_trigger_text(nlp):
    ev = _run(nlp, "La Russie a lancé une nouvelle offensive contre Avdiïvka.")._.events
    assert [(e["event_type"], e["trigger"], e["agent_id"]) for e in ev] == [
        ("ASSAULT", "lancé une nouvelle offensive", "russia")]


def test_sentence_text_and_ids(nlp):
    doc = _run(nlp, "Vladimir Poutine est apparu à la télévision.  Il a menacé  \t l'Occident.")
    evs = [e for e in doc._.events if e["event_type"] == "THREATEN"]
    sents = list(doc.sents)
    assert evs and evs[0]["sentence_id"] == 1 and len(sents) == 2
    assert evs[0]["sentence_start_char"] == sents[1].start_char
    assert evs[0]["sentence"] == "Il a menacé l'Occident."
    assert evs[0]["agent_id"] == "vladimir-putin"
    assert evs[0]["rule"]


# ------------------------------------------------------------------ dates


def test_date_from_timex_in_clause(nlp):
    ev = _run(nlp, "La Russie a envahi la Crimée en 2014.", anchor="2022-02-24")._.events
    assert [(e["date"], e["date_precision"], e["date_source"]) for e in ev] == [("2014", "year", "sentence")]


def test_document_date_for_asserted_passe_compose(nlp):
    ev = _run(nlp, "La Russie a bombardé Kharkiv.", anchor="2022-03-01")._.events
    assert [(e["date"], e["date_precision"], e["date_source"]) for e in ev] == [("2022-03-01", "day", "document")]


def test_no_document_date_without_anchor(nlp):
    ev = _run(nlp, "La Russie a bombardé Kharkiv.")._.events
    assert [(e["date"], e["date_source"]) for e in ev] == [("", "")]


def test_no_document_date_for_hypothetical(nlp):
    ev = _run(nlp, "La Russie pourrait attaquer la Pologne.", anchor="2022-03-01")._.events
    assert ev and all(e["modality"] == "hypothetical" for e in ev)
    assert all(e["date"] == "" and e["date_source"] == "" for e in ev)


def test_no_document_date_for_plus_que_parfait(nlp):
    ev = _run(nlp, "L'Iran avait livré des drones à la Russie.", anchor="2022-03-01")._.events
    assert ev and all(e["date"] == "" for e in ev)


def test_x_values_never_used_as_dates(nlp):
    # undated article: "mi-juillet" is XXXX-07, which is not a date
    ev = _run(nlp, "L'OTAN a organisé un sommet à Vilnius à la mi-juillet.")._.events
    assert ev
    for e in ev:
        assert "X" not in e["date"]
        assert e["date"] == "" or re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", e["date"])


def test_every_date_is_iso(nlp):
    for item in TABLE:
        for e in _run(nlp, item["sentence"], anchor="2024-05-02")._.events:
            assert e["date"] == "" or re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", e["date"]), (item["id"], e)
            assert bool(e["date"]) == bool(e["date_source"]), (item["id"], e)


# ------------------------------------------------------------------ behaviours


def test_negation_beats_future(nlp):
    ev = _run(nlp, "L'OTAN n'enverra pas de troupes en Ukraine.")._.events
    assert [(e["event_type"], e["modality"]) for e in ev] == [("MOBILIZE", "negated")]


def test_ne_que_is_not_a_negation(nlp):
    ev = _run(nlp, "Le Brésil n'a livré que des équipements médicaux à Kiev.")._.events
    assert [(e["event_type"], e["modality"]) for e in ev] == [("AID", "asserted")]


def test_meme_si_is_not_hypothetical(nlp):
    ev = _run(nlp, "Même si la Serbie condamne l'agression russe, elle refuse de sanctionner Moscou.")._.events
    acc = [e for e in ev if e["event_type"] == "ACCUSE"]
    assert acc and acc[0]["modality"] == "asserted"


def test_selon_sets_attribution_without_statement(nlp):
    ev = _run(nlp, "Pékin fournit des composants électroniques à la Russie, selon Washington.")._.events
    assert [e["event_type"] for e in ev] == ["AID"]
    doc = _run(nlp, "Pékin fournit des composants électroniques à la Russie, selon Washington.")
    assert name_matches(doc, "Washington", ev[0]["attributed_to"])


def test_statement_needs_an_agent(nlp):
    ev = _run(nlp, "Le retrait des troupes russes de Kherson a été confirmé.")._.events
    assert all(e["event_type"] != "STATEMENT" for e in ev)


def test_deduplicated(nlp):
    ev = _run(nlp, "La Russie et la Russie ont attaqué l'Ukraine.")._.events
    keys = [(e["event_type"], e["agent_id"], e["target_id"], e["start_char"]) for e in ev]
    assert len(keys) == len(set(keys))


def test_empty_and_eventless_docs(nlp):
    assert _run(nlp, "")._.events == []
    assert _run(nlp, "La météo était mauvaise à Paris.")._.events == []


# ------------------------------------------------------------------ held-out fixes


def _triples(doc):
    return {(e["agent_id"], e["event_type"], e["target_id"]) for e in doc._.events}


def test_light_verb_object_read_through_a_quantifier(nlp):
    doc = _run(nlp, "Cette nuit, l'armée russe a lancé une nouvelle vague de frappes aériennes sur Kharkiv.")
    assert ("russia", "ASSAULT", "kharkiv") in _triples(doc), _triples(doc)


def test_name_in_apposition_parsed_as_conjunct_is_the_only_agent(nlp):
    doc = _run(nlp, "Le porte-parole du Kremlin, Dmitri Peskov, a accusé Londres de provocation.")
    agents = {e["agent_id"] for e in doc._.events if e["event_type"] == "ACCUSE"}
    assert agents == {"dmitry-peskov"}, _triples(doc)


def test_second_participle_attached_to_the_object_shares_the_subject(nlp):
    doc = _run(nlp, "Devant les journalistes, Viktor Orban a défendu un choix souverain et accusé Bruxelles d'ingérence.")
    assert ("viktor-orban", "ACCUSE", "brussels") in _triples(doc), _triples(doc)


def test_inverted_clitic_after_a_quote_is_the_speaker(nlp):
    doc = _run(nlp, "Dmitri Peskov a démenti. « Nous n'avons rien à voir avec cela », a-t-il affirmé devant la presse.")
    st = [e for e in doc._.events if e["event_type"] == "STATEMENT"]
    assert [e["agent_id"] for e in st] == ["dmitry-peskov"], _triples(doc)
    assert all(not e["rule"].startswith("verb_obl_agent") for e in st)


def test_no_date_after_the_article_for_an_asserted_past_statement(nlp):
    doc = _run(nlp, "Le ministre, Pal Jonson, a assuré que son pays contribuerait aux forces déployées "
                    "en Lettonie dès l'année prochaine.", anchor="2024-03-12")
    st = [e for e in doc._.events if e["event_type"] == "STATEMENT"]
    assert st and all(e["date"] != "2025" for e in st), [(e["event_type"], e["date"]) for e in doc._.events]
