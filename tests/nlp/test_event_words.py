"""models/event_words.yaml: every key the event extractor reads is there, of the right shape.

The extractor loads the file at import through pipeline.lexicon; these tests check the data
itself (lowercase words, no duplicates, ordered lists longest-first where the code takes the
first match, event types that exist) and that a malformed entry is reported with file, key
and line.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline import lexicon
from pipeline.nlp.events import words as W

ROOT = Path(__file__).resolve().parents[2]
FILE = ROOT / "models" / "event_words.yaml"
TRIGGERS = ROOT / "models" / "triggers.yaml"
DATA = yaml.safe_load(FILE.read_text(encoding="utf-8"))
TYPE_KEYS = ("symmetric_types", "force_types", "place_adjunct_types", "venue_types", "owner_adjective_types")


def test_every_key_is_used_by_the_words_module():
    source = (ROOT / "pipeline" / "nlp" / "events" / "words.py").read_text(encoding="utf-8")
    unused = [k for k in DATA if f'"{k}"' not in source]
    assert unused == []


@pytest.mark.parametrize("key", sorted(k for k, v in DATA.items() if isinstance(v, list)))
def test_lists_hold_distinct_words(key):
    items = DATA[key]
    assert items and len(items) == len(set(items)), key
    if key not in TYPE_KEYS:
        assert all(w == w.lower() for w in items), key


def test_event_types_exist_in_the_trigger_lexicon():
    types = {t["type"] for t in yaml.safe_load(TRIGGERS.read_text(encoding="utf-8"))["triggers"]}
    for key in TYPE_KEYS:
        assert set(DATA[key]) <= types, key


@pytest.mark.parametrize("key", ["conditional_endings", "future_endings"])
def test_endings_are_tried_longest_first(key):
    # the first ending that fits wins: a shorter one before a longer one it ends would hide it
    items = DATA[key]
    for i, a in enumerate(items):
        assert not any(b.endswith(a) and len(b) > len(a) for b in items[i + 1:]), (key, a)


def test_participle_endings_longest_first():
    items = list(DATA["passive_participle_endings"])
    for i, a in enumerate(items):
        assert not any(b.endswith(a) and len(b) > len(a) for b in items[i + 1:]), a
    assert set(DATA["passive_participle_endings"].values()) <= {"er", "ir", "re"}


def test_loaded_constants_match_the_file():
    assert W.VERB_TARGET_PREPS == tuple(DATA["verb_target_preps"])
    assert W.SUBJECT_PRONOUNS == frozenset(DATA["subject_pronouns"])
    assert W.AMBIGUOUS_NOUNS == {k: frozenset(v) for k, v in DATA["ambiguous_nouns"].items()}
    assert list(W.PASSIVE_PARTICIPLE_ENDINGS) == list(DATA["passive_participle_endings"])


def test_a_malformed_entry_names_file_key_and_line(tmp_path):
    bad = tmp_path / "event_words.yaml"
    bad.write_text("subject_pronouns: [il, elle]\nharm_verbs: {détruire: 1}\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"event_words\.yaml, key 'harm_verbs', line 2"):
        lexicon.words(bad, "harm_verbs")


def test_contracted_prepositions_map_to_plain_prepositions():
    table = DATA["contracted_prepositions"]
    assert table["du"] == table["des"] == "de" and table["au"] == "à"
    assert all(v not in table for v in table.values())  # one step is enough


EVENTS = sorted((ROOT / "pipeline" / "nlp" / "events").glob("*.py"))


@pytest.mark.parametrize("path", EVENTS, ids=lambda p: p.name)
def test_event_modules_are_small_and_hold_no_word_lists(path):
    import ast

    source = path.read_text(encoding="utf-8")
    assert source.count("\n") < 400, f"{path.name} has grown past 400 lines"
    for node in ast.parse(source).body:
        value = getattr(node, "value", None)
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(value, (ast.Set, ast.Dict, ast.List, ast.Tuple)):
            continue
        target = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
        if target.endswith("_KEYS"):
            continue  # column names of the output records, not words
        items = value.keys if isinstance(value, ast.Dict) else value.elts
        words = [x for x in items if isinstance(x, ast.Constant) and isinstance(x.value, str)]
        assert len(words) < 15, f"{path.name}, line {node.lineno}: a word list belongs in models/event_words.yaml"
