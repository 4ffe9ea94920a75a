"""pipeline.lexicon: word lists in models/ load with clear errors naming file, key and line."""
import pytest
from hypothesis import given, settings, strategies as st

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


@settings(deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
                max_size=20))
def test_any_list_of_strings_round_trips(tmp_path_factory, items):
    import yaml
    folder = tmp_path_factory.mktemp("lex")
    p = folder / "w.yaml"
    p.write_text(yaml.safe_dump({"w": items}, allow_unicode=True), encoding="utf-8")
    lexicon._load.cache_clear()
    assert word_list(p, "w") == tuple(items)


# --------------------------------------------------------------- the lists kept in models/
def test_event_types_have_one_colour_each_and_cover_the_triggers():
    from pipeline.paths import model_file, read_yaml

    types = word_list("event_types.yaml", "event_types")
    colours = mapping("event_types.yaml", "report_colors")
    assert len(set(types)) == len(types) == 17
    assert list(colours) == list(types)
    assert all(len(c) == 7 and c[0] == "#" and int(c[1:], 16) >= 0 for c in colours.values())
    assert len(set(colours.values())) == len(colours)  # distinguishable in the chart
    used = {t["type"] for t in read_yaml(model_file("triggers.yaml"))["triggers"]}
    assert used <= set(types), f"trigger types missing from event_types.yaml: {sorted(used - set(types))}"


def test_gold_and_report_share_the_event_types():
    from pipeline.evaluation.evaluate import EVENT_TYPES as gold_types
    from pipeline.outputs.report import EVENT_COLORS, EVENT_TYPES as report_types

    assert list(gold_types) == list(report_types) == list(EVENT_COLORS)


def test_name_key_articles_longest_first():
    # only the first matching article is removed: "de la" listed after "de" would never apply
    for key in ("elided_articles", "leading_articles"):
        items = word_list("name_keys.yaml", key)
        for i, short in enumerate(items):
            later = [long for long in items[i + 1:] if long.startswith(short + " ")]
            assert not later, f"name_keys.yaml {key}: {later} must come before {short!r}"


@pytest.mark.parametrize("key", ["role_determiners", "uppercase_phrase_words", "place_name_links", "locative_of"])
def test_actor_function_words_list_both_apostrophes(key):
    # these lists are compared with a token's lowercase text, apostrophes as written
    items = words("actor_rules.yaml", key)
    assert all(w == w.lower() for w in items)
    swapped = {w.replace("'", "\0").replace("’", "'").replace("\0", "’") for w in items}
    assert swapped == items, f"actor_rules.yaml {key}: list each elided word with ' and with ’"


def test_strip_article_removes_one_listed_article():
    from pipeline.nlp.normalize import strip_article

    assert strip_article("l'otan") == strip_article("l' otan") == "otan"
    assert strip_article("de la russie") == "russie"  # "de la" is tried before "de"
    assert strip_article("les etats-unis") == "etats-unis"
    assert strip_article("delta") == "delta"  # "de" only with a space after it
    assert strip_article("la") == "la"  # never down to nothing
