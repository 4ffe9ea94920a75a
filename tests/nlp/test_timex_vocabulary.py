"""The context words of the timex rules are data (models/timex_fr.yaml), read through
pipeline.lexicon, and each list really steers the tagger."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import lexicon
from pipeline.nlp.timex.rules import alternation, find_candidates, normalize, word_list

CONTEXT_LISTS = ["month_strong_triggers", "season_triggers_before", "perfect_auxiliaries", "perfect_adverbs",
                 "time_of_day", "range_openers", "range_links", "day_range_openers", "day_range_links",
                 "future_auxiliary_verbs", "conditional_endings", "negation_words", "lower_bound_prepositions",
                 "condition_marks", "ago_openers", "in_openers"]


@pytest.mark.parametrize("key", CONTEXT_LISTS)
def test_context_lists_are_validated_word_lists(key):
    words = word_list(key)
    assert words and all(isinstance(w, str) and w == w.strip() for w in words)
    assert len(set(words)) == len(words), f"{key} repeats a word"


def test_period_units_are_a_table_of_precisions():
    units = lexicon.mapping("timex_fr.yaml", "period_units")
    assert set(units.values()) <= {"year", "month", "week"} and units["mois"] == "month"


def test_year_of_phrases_give_a_year_offset():
    table = lexicon.mapping("timex_fr.yaml", "year_of_phrases", int)
    assert set(table.values()) == {-1, 0, 1} and table["cette année"] == 0


@pytest.mark.parametrize("text,value", [
    ("le 30 septembre de l'année dernière", "2021-09-30"),  # year_of_phrases
    ("en mai l’an prochain", "2023-05"),
    ("le 3 mars de cette année", "2022-03-03"),
    ("il y a trois mois", "2021-11"),  # ago_openers
    ("d'ici à 3 semaines", "2022-W11"),  # in_openers
    ("d'ici 2 ans", "2024"),
])
def test_phrases_resolve_against_the_anchor(text, value):
    assert normalize(text, anchor="2022-02-24")[0] == value


def spans(text):
    return [text[c.start:c.end] for c in find_candidates(text)]


def test_lists_steer_the_rules():
    assert spans("Il viendra lundi soir à Kiev.") == ["lundi soir"]  # time_of_day
    assert spans("Ils ont combattu en été.") == ["été"]  # season_triggers_before
    assert spans("Ils ont combattu été comme hiver.") == []  # ... and without one, no season
    assert spans("Le sommet a été reporté.") == []  # perfect_auxiliaries: "été" is a participle
    assert spans("Le sommet a déjà été reporté.") == []  # ... with perfect_adverbs between
    assert normalize("fin de l'année prochaine", anchor="2022-02-24") == ("2023", "year", "part_of_rel")  # period_units
    # day_range_openers, day_range_links; range_openers, range_links: two dates, the first links to the second
    assert [(c.rule, c.range_end is not None) for c in find_candidates("du 8 au 9 juillet 2023")] == [
        ("range", True), ("date_full", False)]
    assert [c.rule for c in find_candidates("entre 2014 et 2022")] == ["range", "year"]


def test_capitalised_month_needs_a_strong_trigger():
    assert spans("Selon Mars Petroleum, la livraison a eu lieu.") == []
    assert spans("Les troupes sont arrivées depuis Mars, selon la presse.") == ["Mars"]


WORD = st.text(alphabet="abcdeéèàç'’- ", min_size=1, max_size=12).map(lambda w: re.sub(r"\s+", " ", w).strip(" ")).filter(bool)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=6, unique=True), st.data())
def test_alternation_matches_each_word_and_its_variants(words, data):
    rx = re.compile("(?:" + alternation(words) + ")")
    for w in words:
        assert rx.fullmatch(w)
        variant = w.replace("'", "’").replace(" ", data.draw(st.sampled_from([" ", "  ", "\t", "\u00a0"])))
        assert rx.fullmatch(variant)
        assert rx.fullmatch(w + "q") is None  # no word of the list ends in "q"
