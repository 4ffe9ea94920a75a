"""Weapon and aircraft models (models/craft.yaml): their QID reaches actors.csv, their type stays."""
import csv
from pathlib import Path

import pytest

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.reduce import aggregate
from pipeline.reduce.crafts import CraftCatalogueError, craft_model, load_catalogue, parse_catalogue

SOURCES = Path(__file__).resolve().parents[1] / "data" / "wikidata_sources.tsv"
#: a test catalogue: "Q100001" is test data, not a claim about Wikidata
CATALOGUE = parse_catalogue([
    {"id": "leopard-2", "label": "Leopard 2", "names": ["Leopard-2"], "wikidata": "Q100001"},
    {"id": "leclerc", "label": "Leclerc", "names": ["char Leclerc"], "wikidata": "Q100002"},
    {"id": "caesar", "label": "Caesar"},
])


@pytest.mark.parametrize("raw,message", [
    ([{"id": "a", "label": "A", "colour": "red"}], "unknown field"),
    ([{"id": "a", "label": "A", "wikidata": "Leopard"}], "not a QID"),
    ([{"id": "a", "label": "A", "names": ["X-1"]}, {"id": "b", "label": "B", "names": ["X 1"]}], "already names a"),
    ([{"id": "a", "label": "A", "names": "X-1"}], "list of names"),
    ({"id": "a"}, "YAML list"),
])
def test_invalid_catalogue_is_refused(raw, message):
    with pytest.raises(CraftCatalogueError, match=message):
        parse_catalogue(raw)


@pytest.mark.parametrize("actor_id,actor_type,expected", [
    ("craft-leopard-2", "MISC", "leopard-2"),
    ("leopard-2", "MISC", "leopard-2"),       # "les Leopard-2", discovered
    ("craft-leclerc", "MISC", "leclerc"),     # "le char Leclerc"
    ("craft-leclerc", "PER", "leclerc"),      # after a craft noun: a craft whatever NER said
    ("leclerc", "PER", None),                 # general Leclerc
    ("leclerc", "ORG", None),                 # the Leclerc shops
    ("leopard-2-a6", "MISC", None),           # a variant is not the model
    ("craft-moskva", "MISC", None),           # a named ship is not a model
])
def test_craft_model_lookup(actor_id, actor_type, expected):
    model = craft_model(actor_id, actor_type, CATALOGUE)
    assert (model.id if model else None) == expected


def test_actor_rows_carry_the_model_qid_and_keep_the_type(monkeypatch):
    monkeypatch.setattr(aggregate, "load_catalogue", lambda: CATALOGUE)
    mentions = [("craft-leopard-2", "Leopard 2", "MISC", "d1"), ("craft-leopard-2", "Leopard 2", "MISC", "d2"),
                ("leclerc", "Leclerc", "PER", "d1"), ("caesar", "Caesar", "MISC", "d2")]
    rows = {r["actor_id"]: r for r in aggregate.actor_rows(mentions, [], {"d1": "2023-01-25", "d2": "2023-01-26"},
                                                           load_gazetteer())}
    assert rows["craft-leopard-2"]["wikidata"] == "Q100001" and rows["craft-leopard-2"]["type"] == "MISC"
    assert rows["craft-leopard-2"]["source"] == "discovered"
    assert rows["leclerc"]["wikidata"] == "" and rows["caesar"]["wikidata"] == ""


def test_real_catalogue_loads_and_every_qid_is_sourced():
    catalogue = load_catalogue()
    models = {m.id: m for m in catalogue.values()}
    assert {"leopard-2", "f-16", "himars", "patriot", "storm-shadow", "shahed-136"} <= set(models)
    assert craft_model("craft-leopard-2", "MISC", catalogue).id == "leopard-2"
    assert craft_model("f-16", "MISC", catalogue).id == "f-16"
    with SOURCES.open(encoding="utf-8", newline="") as fh:
        recorded = {r["actor_id"]: r["qid"] for r in csv.DictReader(fh, delimiter="\t")}
    unsourced = [m.id for m in models.values() if m.wikidata and recorded.get(f"craft:{m.id}") != m.wikidata]
    assert not unsourced, f"craft QIDs without a recorded source: {unsourced}"
    gazetteer_ids = set(load_gazetteer().entries)
    assert not gazetteer_ids & set(models), "a craft model is never a gazetteer actor"
