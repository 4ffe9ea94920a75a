"""pipeline.lexicon: word lists in models/ load with clear errors naming file, key and line."""
import pytest
from hypothesis import given, strategies as st

from pipeline import lexicon
from pipeline.lexicon import LexiconError, mapping, table, word_list, words


def _write(tmp_path, text, name="lists.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    lexicon._load.cache_clear()
    return p


def test_words_and_order(tmp_path):
    p = _write(tmp_path, "a: [un, deux, trois]\n")
    assert word_list(p, "a") == ("un", "deux", "trois")
    assert words(p, "a") == frozenset({"un", "deux", "trois"})


@pytest.mark.parametrize("text, key, message", [
    ("a: [un]\n", "b", "lists.yaml: the key 'b' is missing"),
    ("x: 1\na: {k: v}\n", "a", "lists.yaml, key 'a', line 2: must be a list of words, got a mapping"),
    ("a:\n  - un\n  - 3\n", "a", "lists.yaml, key 'a', line 1: item 2 must be a word (a string), got int"),
])
def test_errors_name_file_key_and_line(tmp_path, text, key, message):
    p = _write(tmp_path, text)
    with pytest.raises(LexiconError) as err:
        words(p, key)
    assert str(err.value) == message


def test_mapping_and_table(tmp_path):
    p = _write(tmp_path, "m: {un: 1, deux: 2}\nt: {ASSAULT: [frapper, bombarder]}\nbad: {x: [1]}\n")
    assert mapping(p, "m", int) == {"un": 1, "deux": 2}
    assert table(p, "t") == {"ASSAULT": frozenset({"frapper", "bombarder"})}
    with pytest.raises(LexiconError, match=r"line 1: the value of 'un' has the wrong type"):
        mapping(p, "m", str)
    with pytest.raises(LexiconError, match=r"key 'bad', line 3: 'x' must be a list of words"):
        table(p, "bad")


def test_invalid_yaml_names_line(tmp_path):
    p = _write(tmp_path, "a: [un\nb: deux\n")
    with pytest.raises(LexiconError, match=r"lists.yaml, line \d+: not valid YAML"):
        load = lexicon.load_lexicon(p)  # noqa: F841


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
                max_size=20))
def test_any_list_of_strings_round_trips(tmp_path_factory, items):
    import yaml
    folder = tmp_path_factory.mktemp("lex")
    p = folder / "w.yaml"
    p.write_text(yaml.safe_dump({"w": items}, allow_unicode=True), encoding="utf-8")
    lexicon._load.cache_clear()
    assert word_list(p, "w") == tuple(items)
