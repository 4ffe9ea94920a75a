"""Expression classes of the TimeML/TIMEX3 checklist (CODEBOOK.md, "Checklist of expression
classes"): one table of sentences per class, each checked for extent, type, value and mod.

Every sentence below was written for these tests; none comes from a corpus. The anchor is
a Thursday, 14 March 2024, unless a case gives its own.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.timex.candidates import find_candidates
from pipeline.nlp.timex.rules import resolve
from pipeline.nlp.timex.timeml import dates_only, valid
from tests.conftest import parse

ANCHOR = "2024-03-14"


def records(nlp, text, anchor=ANCHOR):
    return [(r["text"], r["type"], r["value"], r["mod"]) for r in parse(nlp, text, anchor)._.timexes]


def check(nlp, sentence, expected, anchor=ANCHOR):
    got = records(nlp, sentence, anchor)
    text = expected[0]
    found = [g for g in got if g[0] == text]
    assert found, f"{text!r} not found in {got}"
    assert found[0] == expected, got


# ---------------------------------------------------------------- references (type DATE)
REFERENCES = [
    ("Les forces doivent se retirer immédiatement du secteur.", ("immédiatement", "DATE", "PRESENT_REF", "")),
    ("Dorénavant, les contrôles seront systématiques.", ("Dorénavant", "DATE", "PRESENT_REF", "")),
    ("Désormais, la frontière reste fermée.", ("Désormais", "DATE", "PRESENT_REF", "")),
    ("Ces jours-ci, le marché du blé reste calme.", ("Ces jours-ci", "DATE", "PRESENT_REF", "")),
    ("Il faut répondre tout de suite aux familles.", ("tout de suite", "DATE", "PRESENT_REF", "")),
    ("Comme précédemment, le ministre a refusé.", ("précédemment", "DATE", "PAST_REF", "")),
    ("Le port avait été bombardé auparavant.", ("auparavant", "DATE", "PAST_REF", "")),
    ("Les otages seront libérés dès que possible.", ("dès que possible", "DATE", "FUTURE_REF", "")),
]


@pytest.mark.parametrize("sentence,expected", REFERENCES)
def test_references(nlp, sentence, expected):
    check(nlp, sentence, expected)


def test_auparavant_after_a_count_stays_anaphoric(nlp):
    # "trois jours auparavant" counts from the date before it; it is no PAST_REF
    got = records(nlp, "Le 2 mars 2024, l'accord a été signé. Trois jours auparavant, rien n'était prévu.")
    assert ("Trois jours auparavant", "DATE", "2024-02-28", "") in got


# ---------------------------------------------------------------- weekdays placed by the text
def test_weekday_after_a_night_range_two_sentences_on(nlp):
    text = ("Les troupes sont entrées dans la nuit du mercredi 23 à jeudi 24 février. Les sirènes ont "
            "retenti. Les habitants sont descendus aux abris. Jeudi, le président a parlé.")
    got = records(nlp, text, None)
    assert ("Jeudi", "DATE", "XXXX-02-24", "") in got


def test_weekday_search_stops_at_another_named_day(nlp):
    text = ("La nuit du mercredi 23 à jeudi 24 février a été longue. Le samedi 26 février, rien. "
            "Les habitants sont restés aux abris. Jeudi, le président a parlé.")
    got = records(nlp, text, None)
    assert ("Jeudi", "DATE", "XXXX-WXX-4", "") in got


MONTH_ANCHORED = [
    # an article dated to the month: a weekday counts from the last day written with its weekday
    ("Le sommet s'est ouvert le mercredi 10 juillet à Washington. Les alliés ont discuté. Le texte a été "
     "adopté. Les débats ont été vifs. Le président avait annoncé mardi soir un accord.",
     ("mardi soir", "TIME", "2024-07-09TEV", "")),
    ("Le vote a eu lieu le lundi 8 juillet. Les résultats seront publiés vendredi.",
     ("vendredi", "DATE", "2024-07-12", "")),
    # guards: a date written without its weekday, or outside the month, places nothing
    ("Le sommet s'est ouvert le 10 juillet 2024 à Washington. Le président avait annoncé mardi soir un accord.",
     ("mardi soir", "TIME", "XXXX-WXX-2TEV", "")),
    ("La guerre a commencé le jeudi 24 février 2022. Le président avait annoncé mardi soir un accord.",
     ("mardi soir", "TIME", "XXXX-WXX-2TEV", "")),
]


@pytest.mark.parametrize("sentence,expected", MONTH_ANCHORED)
def test_weekday_in_an_article_dated_to_the_month(nlp, sentence, expected):
    check(nlp, sentence, expected, anchor="2024-07")
