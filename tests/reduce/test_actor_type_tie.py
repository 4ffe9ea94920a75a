"""aggregate: the type of a discovered actor is the majority NER label, a tie going to a
place, then an organisation, then a person; gazetteer actors keep their type."""
from collections import Counter
from itertools import permutations

from hypothesis import given, strategies as st

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.reduce import aggregate

LABELS = ("PER", "ORG", "LOC", "MISC")


@given(st.dictionaries(st.sampled_from(LABELS), st.integers(1, 5), min_size=1))
def test_majority_type_is_a_most_frequent_label_whatever_the_order(counts):
    got = aggregate.majority_type(Counter(counts))
    assert counts[got] == max(counts.values())
    for order in permutations(counts.items()):
        assert aggregate.majority_type(Counter(dict(order))) == got


def test_tie_goes_to_the_place_then_the_organisation():
    assert aggregate.majority_type(Counter({"PER": 1, "LOC": 1})) == "LOC"
    assert aggregate.majority_type(Counter({"PER": 2, "ORG": 2})) == "ORG"
    assert aggregate.majority_type(Counter({"PER": 3, "LOC": 2})) == "PER"


def test_actor_rows_use_the_tie_rule_and_gazetteer_type():
    mentions = [("oued-zarga", "Oued Zarga", "PER", "d1"), ("oued-zarga", "Oued Zarga", "LOC", "d2"),
                ("nato", "Otan", "LOC", "d1"), ("nato", "OTAN", "PER", "d2")]
    rows = {r["actor_id"]: r for r in aggregate.actor_rows(mentions, [], {}, load_gazetteer())}
    assert rows["oued-zarga"]["type"] == "LOC"
    assert rows["nato"]["type"] == "ORG"
