"""Weapon systems and military aircraft models the press names (``models/craft.yaml``).

They are not gazetteer entries: the actor linker makes their ids on the fly, ``craft-<name>``
after a craft noun ("le char Leopard 2" → ``craft-leopard-2``) or the plain name key of a
discovered name ("les F-16" → ``f-16``). This catalogue gives such an id the Wikidata QID of
its model, when a public source for that QID is recorded (models/README.md), so that
``actors.csv`` and the graph nodes carry it; the actor keeps its own type (``MISC``).

>>> cat = parse_catalogue([{"id": "leopard-2", "label": "Leopard 2", "names": ["Leopard 2", "Leopard-2"],
...                         "wikidata": "Q1"}])
>>> [craft_qid(a, "MISC", cat) for a in ("craft-leopard-2", "leopard-2", "craft-leopard", "leopard-2-a6")]
['Q1', 'Q1', '', '']
>>> craft_qid("leopard-2", "ORG", cat), craft_qid("craft-leopard-2", "PER", cat)
('', 'Q1')
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..nlp.normalize import name_key
from ..paths import model_file, read_yaml
from .identity import CRAFT_PREFIX

_QID = re.compile(r"^Q[1-9]\d*$")
_FIELDS = {"id", "label", "names", "wikidata"}


class CraftCatalogueError(ValueError):
    """``models/craft.yaml`` is invalid (the message names the entry and the field)."""


@dataclass(frozen=True)
class CraftModel:
    id: str
    label: str
    wikidata: str = ""


def parse_catalogue(raw, source: str = "craft.yaml") -> dict[str, CraftModel]:
    """Name key of every name (and of the label) → its model; a key belongs to one model."""
    if not isinstance(raw, list):
        raise CraftCatalogueError(f"{source}: the file must hold a YAML list of models")
    by_key: dict[str, CraftModel] = {}
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not item.get("id") or not item.get("label"):
            raise CraftCatalogueError(f"{source} entry {i}: needs 'id' and 'label'")
        where = f"{source} entry {i} ({item['id']})"
        unknown = set(item) - _FIELDS
        if unknown:
            raise CraftCatalogueError(f"{where}: unknown field(s) {sorted(unknown)}")
        qid = str(item.get("wikidata") or "")
        if qid and not _QID.match(qid):
            raise CraftCatalogueError(f"{where}: wikidata {qid!r} is not a QID")
        names = item.get("names") or []
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise CraftCatalogueError(f"{where}: 'names' must be a list of names")
        model = CraftModel(str(item["id"]), str(item["label"]), qid)
        for name in [model.label, *names]:
            key = name_key(name)
            other = by_key.get(key)
            if other is not None and other.id != model.id:
                raise CraftCatalogueError(f"{where}: name {name!r} already names {other.id}")
            by_key[key] = model
    return by_key


@functools.lru_cache(maxsize=4)
def load_catalogue(path: str | None = None) -> dict[str, CraftModel]:
    """The catalogue of ``models/craft.yaml`` (or ``path``), indexed by name key (cached)."""
    p = path or model_file("craft.yaml")
    return parse_catalogue(read_yaml(p), source=str(p).rsplit("/", 1)[-1])


def craft_model(actor_id: str, actor_type: str, catalogue: dict[str, CraftModel]) -> CraftModel | None:
    """The model a craft id (``craft-leopard-2``) or a discovered id (``f-16``) names, if any.
    An id made after a craft noun is a craft whatever its type; a discovered id only when its
    mentions read as a thing (MISC), never a person, place or organisation named alike
    ("Caesar", general Leclerc, the Leclerc shops)."""
    if actor_id.startswith(CRAFT_PREFIX):
        return catalogue.get(actor_id[len(CRAFT_PREFIX):])
    return catalogue.get(actor_id) if actor_type == "MISC" else None


def craft_qid(actor_id: str, actor_type: str, catalogue: dict[str, CraftModel]) -> str:
    model = craft_model(actor_id, actor_type, catalogue)
    return model.wikidata if model else ""
