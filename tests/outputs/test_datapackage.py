"""datapackage.json: a Frictionless Data Package with a Table Schema for every CSV."""
import json
import shutil

import pandas as pd
import pytest

from pipeline.outputs.datapackage import build_datapackage, codebook_fields
from pipeline.reduce.schema import COLUMNS


def test_codebook_documents_every_column():
    docs = codebook_fields()
    for table, cols in COLUMNS.items():
        missing = [c for c in cols if not docs.get(table, {}).get(c, {}).get("description")]
        assert not missing, f"CODEBOOK.md does not document {table}: {missing}"


def test_descriptor_structure(seeds_out):
    out, _ = seeds_out
    text = (out / "datapackage.json").read_text(encoding="utf-8")
    pkg = json.loads(text)
    assert text == json.dumps(pkg, ensure_ascii=False, indent=2, sort_keys=True) + "\n"  # sorted, stable
    assert pkg["profile"] == "tabular-data-package"
    res = {r["name"]: r for r in pkg["resources"]}
    assert {r["path"] for r in pkg["resources"]} == {f"{n}.csv" for n in COLUMNS}
    for r in pkg["resources"]:
        assert (out / r["path"]).is_file()
        header = list(pd.read_csv(out / r["path"], nrows=0).columns)
        fields = r["schema"]["fields"]
        assert [f["name"] for f in fields] == header, r["name"]
        assert all(f["type"] in {"string", "integer", "number", "boolean"} and f.get("description")
                   for f in fields), r["name"]
        assert set(r["schema"]["primaryKey"]) <= set(header)
        for fk in r["schema"].get("foreignKeys", []):
            assert fk["reference"]["resource"] in res
    types = {f["name"]: f["type"] for f in res["edges"]["schema"]["fields"]}
    assert (types["weight"], types["npmi"], types["edge_id"]) == ("integer", "number", "string")
    assert res["actors"]["schema"]["primaryKey"] == ["actor_id"]
    fks = {(fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
           for fk in res["mentions"]["schema"]["foreignKeys"]}
    assert ("actor_id", "actors", "actor_id") in fks and ("doc_id", "documents", "doc_id") in fks
    ev = {fk["fields"] for fk in res["events"]["schema"]["foreignKeys"] if fk["reference"]["resource"] == "actors"}
    assert ev == {"agent_id", "target_id", "attributed_to"}
    dates = [f for f in res["documents"]["schema"]["fields"] if f["name"] == "published"][0]
    assert dates["constraints"]["pattern"].startswith("^\\d{4}")


def test_descriptor_has_no_run_specific_value():
    assert build_datapackage() == build_datapackage()
    assert "created" not in build_datapackage()


def _validate(path):
    frictionless = pytest.importorskip("frictionless")
    return frictionless.validate(str(path))


def test_frictionless_validates_the_seed_outputs(seeds_out):
    out, _ = seeds_out
    report = _validate(out / "datapackage.json")
    errors = [e for task in report.tasks for e in task.errors] + list(report.errors)
    assert report.valid, [getattr(e, "message", str(e)) for e in errors][:5]


def test_frictionless_catches_a_dangling_actor_id(seeds_out, tmp_path):
    out, _ = seeds_out
    for p in out.iterdir():
        if p.suffix in (".csv", ".json"):
            shutil.copy(p, tmp_path / p.name)
    m = pd.read_csv(tmp_path / "mentions.csv", dtype=str, keep_default_na=False)
    m.loc[0, "actor_id"] = "no-such-actor"
    m.to_csv(tmp_path / "mentions.csv", index=False, lineterminator="\n")
    report = _validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}
