"""Anchoring classes added after the d4 batch: pages dated only to the month, days counted
from a year-less day, a quoted "aujourd'hui", clock times with the hour of a place, "le soir
même", and school years / sports seasons (CODEBOOK.md, *Checklist*).

Every sentence below was written for these tests; none comes from a corpus.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.timex.academic import find as find_academic
from pipeline.nlp.timex.anchors import resolve_in_interval, shared_value
from pipeline.nlp.timex.candidates import find_candidates
from pipeline.nlp.timex.textanchor import in_quotation, shift_yearless
from pipeline.nlp.timex.timeml import valid
from tests.conftest import parse


def records(nlp, text, anchor):
    return [(r["text"], r["type"], r["value"], r["end_value"]) for r in parse(nlp, text, anchor)._.timexes]


def check(nlp, sentence, anchor, expected):
    got = records(nlp, sentence, anchor)
    found = [g for g in got if g[0] == expected[0]]
    assert found, f"{expected[0]!r} not found in {got}"
    assert found[0] == expected, got


# ---------------------------------------------------------------- a page dated to the month
MONTH_PAGE = [
    # the feasible publication days disagree on the day, most of them agree on the month / year
    ("Le ministre a démissionné hier soir après un vote.", "2019-03", ("hier soir", "TIME", "2019-03-XXTEV", "")),
    ("Le ministre a annoncé hier sa démission.", "2019-03", ("hier", "DATE", "2019-03-XX", "")),
    # a weekday stays "some Sunday" (CODEBOOK)
    ("Le Parlement a voté dimanche une loi sur l'eau.", "2019-03", ("dimanche", "DATE", "XXXX-WXX-7", "")),
    ("Les élus se sont retrouvés ce week-end à Lyon.", "2019-03", ("ce week-end", "DATE", "2019-WXX-WE", "")),
    ("Les élus se réuniront la semaine prochaine à Lyon.", "2019-03", ("la semaine prochaine", "DATE", "2019-WXX", "")),
    ("Le chef de l'État l'a dit au début de la semaine.", "2019-03", ("début de la semaine", "DATE", "2019-WXX", "")),
    # a day anchor is unchanged, and without any anchor nothing is inferred
    ("Le ministre a annoncé hier sa démission.", "2019-03-12", ("hier", "DATE", "2019-03-11", "")),
    ("Le ministre a annoncé hier sa démission.", None, ("hier", "DATE", "XXXX-XX-XX", "")),
]


@pytest.mark.parametrize("sentence,anchor,expected", MONTH_PAGE)
def test_month_page(nlp, sentence, anchor, expected):
    check(nlp, sentence, anchor, expected)


@given(st.sampled_from(["hier", "demain", "jeudi", "dimanche", "la semaine dernière", "la semaine prochaine",
                        "avant-hier", "ce week-end"]),
       st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 1)), st.integers(0, 30), st.sampled_from([None, "past", "future"]))
@settings(max_examples=150, deadline=None)
def test_partial_values_are_well_formed(expr, lo, width, tense):
    """A value filled in from the feasible days is a well-formed DATE whose known parts most days give."""
    hi = lo + dt.timedelta(days=width)
    for c in find_candidates(expr):
        r = resolve_in_interval(c, lo, hi, tense)
        if r is None or not r.rule.endswith("_partial"):
            continue
        assert valid(r.value, "DATE"), r.value
        assert re.match(r"^\d{4}-", r.value) and lo.year - 1 <= int(r.value[:4]) <= hi.year + 1


@given(st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), min_size=1, max_size=40),
       st.sampled_from(["XXXX-XX-XX", "XXXX-WXX-3", "XXXX-WXX", "XXXX-XX-XXTEV"]))
@settings(max_examples=150, deadline=None)
def test_shared_value_keeps_the_shape(days, base):
    values = [d.isoformat() for d in days] if base != "XXXX-WXX" else [
        f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in days]
    out = shared_value(base, values)
    ttype = "TIME" if "T" in base else "DATE"
    assert valid(out, ttype), out
    assert out[4:].replace(out[5:7], "XX", 1) == base[4:] or out == base or out[4:] == base[4:]


# ---------------------------------------------------------------- days counted from a year-less day
YEARLESS = [
    ("Le scrutin a eu lieu le dimanche 11 mai. Le lendemain, les résultats sont tombés.",
     ("Le lendemain", "DATE", "XXXX-05-12", "")),
    ("Le traité a été signé le 28 février. La veille, les négociateurs avaient veillé.",
     ("La veille", "DATE", "XXXX-02-27", "")),
    ("L'armée est entrée dans la ville le 3 juin. Deux jours plus tard, elle en est ressortie.",
     ("Deux jours plus tard", "DATE", "XXXX-06-05", "")),
    # the end of a year: the day after is in a year we cannot name, nothing is inferred
    ("La fête a eu lieu le 31 décembre. Le lendemain, tout était calme.",
     ("Le lendemain", "DATE", "XXXX-XX-XX", "")),
]


@pytest.mark.parametrize("sentence,expected", YEARLESS)
def test_counted_from_a_yearless_day(nlp, sentence, expected):
    check(nlp, sentence, None, expected)


@given(st.dates(dt.date(2001, 1, 1), dt.date(2001, 12, 31)), st.integers(-5, 5))
@settings(max_examples=100, deadline=None)
def test_shift_yearless_is_well_formed(day, n):
    yearless = "XXXX" + day.isoformat()[4:]
    out = shift_yearless(yearless, lambda a: (dt.date.fromisoformat(a) + dt.timedelta(days=n)).isoformat())
    moved = day + dt.timedelta(days=n)
    assert out == (("XXXX" + moved.isoformat()[4:]) if moved.year == 2001 else None)
    assert out is None or valid(out, "DATE")


# ---------------------------------------------------------------- a quoted "aujourd'hui"
QUOTED_TODAY = [
    # the speaker's day: the last day written before the quotation, before the publication day
    ("Le sommet s'est ouvert le mardi 4 mars. Le président a pris la parole. « Ce que nous avons vu "
     "aujourd'hui est historique », a-t-il dit.", None, ("aujourd'hui", "DATE", "XXXX-03-04", "")),
    ("Mercredi, les ministres ont signé l'accord. \"Aujourd'hui, nous tournons une page\", a dit l'un d'eux.",
     "2021-06-10", ("Aujourd'hui", "DATE", "2021-06-09", "")),
    # outside a quotation, or with no day written before: the publication day (or the present)
    ("Mercredi, les ministres ont signé l'accord. Aujourd'hui, ils rentrent chez eux.",
     "2021-06-10", ("Aujourd'hui", "DATE", "2021-06-10", "")),
    ("« Aujourd'hui, nous tournons une page », a dit le ministre.", "2021-06-10",
     ("Aujourd'hui", "DATE", "2021-06-10", "")),
    ("« Aujourd'hui, nous tournons une page », a dit le ministre.", None,
     ("Aujourd'hui", "DATE", "PRESENT_REF", "")),
]


@pytest.mark.parametrize("sentence,anchor,expected", QUOTED_TODAY)
def test_quoted_today(nlp, sentence, anchor, expected):
    check(nlp, sentence, anchor, expected)


def test_in_quotation():
    assert in_quotation("Il a dit « non, pas aujourd'hui", 25)
    assert not in_quotation("Il a dit « non ». Puis aujourd'hui", 25)
    assert not in_quotation("« Non », a-t-il dit.\nAujourd'hui", 21)


# ---------------------------------------------------------------- clock time with the hour of a place
CLOCK_ZONES = [
    ("La cérémonie commencera à 14 h 30 heure de Singapour.", ("14 h 30 heure de Singapour", "TIME",
                                                               "2024-03-14T14:30", "")),
    ("Le vote s'ouvre à 8 heures heure d'Alger.", ("8 heures heure d'Alger", "TIME", "2024-03-14T08:00", "")),
    ("Le train part à 8 h heure de pointe.", ("8 h", "TIME", "2024-03-14T08:00", "")),
]


@pytest.mark.parametrize("sentence,expected", CLOCK_ZONES)
def test_clock_zone_of_a_place(nlp, sentence, expected):
    check(nlp, sentence, "2024-03-14", expected)


# ---------------------------------------------------------------- "le soir même"
SAME_PART = [
    ("Il a été élu le 3 mai et le soir même il a pris la parole.", ("le soir même", "TIME", "2024-05-03TEV", "")),
    ("Le traité a été signé le 3 mai. La nuit même, des tirs ont repris.", ("La nuit même", "TIME",
                                                                             "2024-05-03TNI", "")),
    ("Il a été arrêté mardi. Le matin même, il avait vu sa mère.", ("Le matin même", "TIME", "2024-06-04TMO", "")),
]


@pytest.mark.parametrize("sentence,expected", SAME_PART)
def test_same_part_of_day(nlp, sentence, expected):
    check(nlp, sentence, "2024-06-06", expected)


def test_future_ref_near_future(nlp):
    check(nlp, "Un accord pourrait être signé dans un futur proche.", "2024-06-06",
          ("un futur proche", "DATE", "FUTURE_REF", ""))


# ---------------------------------------------------------------- school years and sports seasons
ACADEMIC = [
    ("L'année scolaire 2024-2025 s'ouvre lundi.", "2024-09-01", ("L'année scolaire 2024-2025", "DATE", "2024", "2025")),
    ("Le club a brillé lors de la saison 2022-2023.", "2024-09-01", ("la saison 2022-2023", "DATE", "2022", "2023")),
    ("La saison 2019-20 a été interrompue.", "2024-09-01", ("La saison 2019-20", "DATE", "2019", "2020")),
    ("La saison 1999-00 a été la meilleure.", "2024-09-01", ("La saison 1999-00", "DATE", "1999", "2000")),
    # relative: the current season starts in August
    ("La saison dernière, l'équipe a été reléguée.", "2024-03-14", ("La saison dernière", "DATE", "2022", "2023")),
    ("La saison dernière, l'équipe a été reléguée.", "2024-09-14", ("La saison dernière", "DATE", "2023", "2024")),
    ("La saison prochaine sera celle du retour.", "2024-03-14", ("La saison prochaine", "DATE", "2024", "2025")),
    ("L'année scolaire en cours se termine en juin.", "2024-03-14", ("L'année scolaire en cours", "DATE", "2023", "2024")),
]


@pytest.mark.parametrize("sentence,anchor,expected", ACADEMIC)
def test_school_years_and_seasons(nlp, sentence, anchor, expected):
    check(nlp, sentence, anchor, expected)


def test_seasons_that_are_not_academic_years():
    assert find_academic("La saison des pluies a commencé en 2023-2024.") == []
    assert find_academic("la saison 2020-2023 du feuilleton") == []


@given(st.integers(1900, 2098), st.sampled_from(["la saison", "l'année scolaire", "l'année universitaire"]),
       st.booleans())
@settings(max_examples=100, deadline=None)
def test_academic_years_are_well_formed(y, noun, short):
    second = f"{(y + 1) % 100:02d}" if short else str(y + 1)
    text = f"Pendant {noun} {y}-{second}, rien."
    cands = [c for c in find_candidates(text) if c.rule == "academic_year"]
    assert len(cands) == 1
    c = cands[0]
    assert text[c.start:c.end] == f"{noun} {y}-{second}"
    assert (c.year, c.range_end.year) == (y, y + 1)


# ---------------------------------------------------------------- the story's day in an undated text
STORY_DAY = [
    # a weekday placed the story in a year (two years written, no more than three apart): later
    # year-less months and days take their year by tense from that day
    ("Le plan de 2025 a été défendu vendredi 9 janvier par la ministre. En 2024, rien n'avait bougé. "
     "Début janvier, son cabinet a publié un bilan.", ("Début janvier", "DATE", "2026-01", "")),
    ("Le plan de 2025 a été défendu vendredi 9 janvier par la ministre. En 2024, rien n'avait bougé. "
     "Le 3 mars, elle avait déjà parlé.", ("Le 3 mars", "DATE", "2025-03-03", "")),
    # without a placed weekday nothing is inferred
    ("Le plan de 2025 a été défendu par la ministre. En 2024, rien n'avait bougé. "
     "Début janvier, son cabinet a publié un bilan.", ("Début janvier", "DATE", "XXXX-01", "")),
]


@pytest.mark.parametrize("sentence,expected", STORY_DAY)
def test_story_day_in_an_undated_text(nlp, sentence, expected):
    check(nlp, sentence, None, expected)


# ---------------------------------------------------------------- the unit just elapsed
ELAPSED = [
    ("La semaine écoulée a été marquée par des grèves.", ("La semaine écoulée", "DURATION", "P1W", "")),
    ("Les prix ont grimpé au cours de l'année écoulée.", ("l'année écoulée", "DURATION", "P1Y", "")),
    ("Au cours du mois écoulé, trois accords ont été signés.", ("mois écoulé", "DURATION", "P1M", "")),
    # "dernière" names the calendar week before this one: a DATE
    ("La semaine dernière a été marquée par des grèves.", ("La semaine dernière", "DATE", "2024-W10", "")),
]


@pytest.mark.parametrize("sentence,expected", ELAPSED)
def test_unit_just_elapsed(nlp, sentence, expected):
    check(nlp, sentence, "2024-03-14", expected)
