"""Timex values that depend on the context (issue 16): the date the text mentioned last, the
tense of the sentence, ranges of two dates, weekday direction, centuries and periods.

All sentences were written for these tests. Cases that need the parse run through the whole
pipeline (``nlp`` fixture, loaded once per session); the others through the pure rules.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp.timex.rules import VALUE_RE, find_candidates, resolve
from pipeline.nlp.timex.values import two_digit_year
from tests.conftest import parse


def records(nlp, text, anchor):
    return parse(nlp, text, anchor)._.timexes


def found(nlp, text, anchor):
    return [(r["text"], r["value"]) for r in records(nlp, text, anchor)]


# 1. Days counted from the date the text mentioned last (text, publication date, expected (text, value)s)
ANAPHORA = [
    ("Le 12 mars 2021, les rebelles ont encerclé la ville. Le lendemain, ils ont pris la gare.", "2021-04-02",
     [("Le 12 mars 2021", "2021-03-12"), ("Le lendemain", "2021-03-13")]),
    ("Les pourparlers se sont ouverts le 5 octobre 2019. La veille au soir, un accord semblait proche.", "2019-10-20",
     [("La veille au soir", "2019-10-04TEV")]),
    ("Le barrage a cédé mardi. Le même jour, les secours sont arrivés.", "2023-06-09",
     [("mardi", "2023-06-06"), ("Le même jour", "2023-06-06")]),
    ("Le cessez-le-feu a été signé le 8 septembre 2014. Deux jours plus tard, les tirs ont repris.", "2014-10-01",
     [("Deux jours plus tard", "2014-09-10")]),
    ("Le convoi est parti le 20 janvier 2022. Trois jours auparavant, la route avait été minée.", "2022-02-01",
     [("Trois jours auparavant", "2022-01-17")]),
    ("Le décret a été publié le 2 mai 2018. Le surlendemain, la grève a commencé.", "2018-06-01",
     [("Le surlendemain", "2018-05-04")]),
    ("Les élections ont eu lieu le 30 juin 2024. L'avant-veille, les candidats avaient débattu.", "2024-07-10",
     [("L'avant-veille", "2024-06-28")]),
    # chained: the second "lendemain" counts from the first
    ("Le 1er avril 2020, le port a fermé. Le lendemain, les camions ont attendu. Le lendemain, ils sont repartis.",
     "2020-04-20", [("Le lendemain", "2020-04-02"), ("Le lendemain", "2020-04-03")]),
    ("Le port a été bombardé le 7 octobre 2023. Depuis cette date, les navires évitent la zone.", "2023-11-08",
     [("cette date", "2023-10-07")]),
    # no date in the text before it: the publication date
    ("Le lendemain, le gouvernement a démissionné.", "2016-11-15", [("Le lendemain", "2016-11-16")]),
]


@pytest.mark.parametrize("text,anchor,expected", ANAPHORA)
def test_anaphora_counts_from_the_last_date_of_the_text(nlp, text, anchor, expected):
    got = found(nlp, text, anchor)
    for item in expected:
        assert item in got, got


def test_anaphora_record_names_its_anchor(nlp):
    recs = records(nlp, "Le 12 mars 2021, les rebelles ont encerclé la ville. Le lendemain, ils ont pris la gare.",
                   "2021-04-02")
    rec = [r for r in recs if r["text"] == "Le lendemain"][0]
    assert (rec["anchor"], rec["rule"]) == ("2021-03-12", "anaphoric_text")
    rec = records(nlp, "Le lendemain, le gouvernement a démissionné.", "2016-11-15")[0]
    assert (rec["anchor"], rec["rule"]) == ("2016-11-15", "anaphoric")


def test_eve_of_an_event_is_no_date(nlp):
    assert found(nlp, "À la veille de l'élection, les bureaux ont fermé.", "2022-04-09") == []


# 2. Year of a day-month, month or season without a year, by tense (text, publication date, expected)
TENSE_YEAR = [
    ("Le 21 juin, le traité a été signé à Bonn.", "1999-05-27", ("Le 21 juin", "1998-06-21")),
    ("Le 21 juin, le traité sera signé à Bonn.", "1999-05-27", ("Le 21 juin", "1999-06-21")),
    ("Le 3 février, le traité sera signé à Bonn.", "1999-05-27", ("Le 3 février", "2000-02-03")),
    ("Le 3 février, le traité a été signé à Bonn.", "1999-05-27", ("Le 3 février", "1999-02-03")),
    ("Le sommet va se tenir le 2 janvier à Vienne.", "2018-12-10", ("le 2 janvier", "2019-01-02")),
    ("Le ministre viendrait le 2 janvier à Vienne.", "2018-12-10", ("le 2 janvier", "2019-01-02")),
    ("Le moment le plus probable est la fin du mois de janvier.", "2021-12-04", ("la fin du mois de janvier", "2022-01")),
    ("En mars, la production a chuté.", "2020-02-11", ("mars", "2019-03")),
    ("En mars, la production reprendra.", "2020-04-11", ("mars", "2021-03")),
    ("Les législatives prévues pour l'automne inquiètent le pouvoir.", "2021-01-23", ("l'automne", "2021-FA")),
    ("À l'automne, les troupes se sont retirées.", "2021-01-23", ("l'automne", "2020-FA")),
    ("Le 10 novembre 93, le mur est tombé à Sarajevo.", "1999-05-27", ("Le 10 novembre 93", "1993-11-10")),
    # a weekday written with the date fixes the year
    ("Vendredi 22 janvier, la police a prévenu les manifestants.", "2021-12-01", ("Vendredi 22 janvier", "2021-01-22")),
]


@pytest.mark.parametrize("text,anchor,expected", TENSE_YEAR)
def test_year_by_tense(nlp, text, anchor, expected):
    assert expected in found(nlp, text, anchor)


def test_two_digit_year_pivot():
    assert two_digit_year(93, 1999) == 1993
    assert two_digit_year(8, 1999) == 2008
    assert two_digit_year(22, 2022) == 2022
    assert two_digit_year(45, 2022) == 1945
    assert two_digit_year(68, None) == 2068 and two_digit_year(70, None) == 1970


@pytest.mark.parametrize("text", ["Le 3 mars 15 h, la séance a repris.", "Le 3 mars 15 soldats ont été tués."])
def test_number_after_a_date_is_no_two_digit_year(text):
    assert [text[c.start:c.end] for c in find_candidates(text, timeml=False)] == ["3 mars"]


# 3. Two expressions in one span
def test_range_ends_are_two_records(nlp):
    recs = records(nlp, "Les négociations ont eu lieu les 3 et 4 décembre à Minsk.", "2022-12-20")
    assert [(r["text"], r["value"], r["end_value"], r["kind"]) for r in recs] == [
        ("3", "2022-12-03", "2022-12-04", "range"), ("4 décembre", "2022-12-04", "", "relative")]


def test_date_before_a_clock_time_is_its_own_record(nlp):
    recs = records(nlp, "Hier à 10 h, le convoi a franchi la frontière.", "2022-03-10")
    got = [(r["text"], r["value"], r["type"]) for r in recs]
    assert ("Hier", "2022-03-09", "DATE") in got, got
    assert ("10 h", "2022-03-09T10:00", "TIME") in got, got


# 4. Weekday direction by tense
WEEKDAYS = [
    ("LE VILLAGE FERA LA FÊTE DIMANCHE", "2023-03-30", ("DIMANCHE", "2023-04-02")),
    ("Le village fera la fête dimanche.", "2023-03-30", ("dimanche", "2023-04-02")),
    ("Le village a fait la fête dimanche.", "2023-03-30", ("dimanche", "2023-03-26")),
    ("Il n'y a eu aucun progrès, a encore déploré vendredi le ministre.", "2023-03-30", ("vendredi", "2023-03-24")),
    ("Le ministre va annoncer mardi son plan.", "2023-03-30", ("mardi", "2023-04-04")),
    ("Attendu mardi dans la soirée, le président participera à un dîner.", "2025-06-24", ("mardi dans la soirée", "2025-06-24TEV")),
    ("Le président viendra mardi prochain.", "2025-06-24", ("mardi prochain", "2025-07-01")),
    ("L'ambassadeur a été convoqué lundi.", None, ("lundi", "XXXX-WXX-1")),
]


@pytest.mark.parametrize("text,anchor,expected", WEEKDAYS)
def test_weekday_direction(nlp, text, anchor, expected):
    assert expected in found(nlp, text, anchor)


def test_undated_document_reads_weekdays_against_a_written_date(nlp):
    text = ("La police a prévenu, vendredi 22 janvier, que les rassemblements prévus le 23 janvier 2021 "
            "seraient dispersés. Incarcéré depuis son retour lundi, l'opposant avait appelé à manifester.")
    got = found(nlp, text, None)
    assert ("vendredi 22 janvier", "2021-01-22") in got and ("lundi", "2021-01-18") in got


def test_unplaced_weekday_is_the_date_written_with_it(nlp):
    recs = records(nlp, "Le scrutin s'est tenu dimanche 15 août. Dimanche soir, les résultats ont été annoncés. "
                        "Lundi, la foule a manifesté.", None)
    assert [(r["text"], r["value"]) for r in recs] == [
        ("dimanche 15 août", "XXXX-08-15"), ("Dimanche soir", "XXXX-08-15TEV"), ("Lundi", "XXXX-WXX-1")]
    assert recs[1]["rule"] == "weekday_same_text"


# 5. Centuries, season months, weekends
PERIODS = [
    ("À la fin du XIXe siècle, la ville comptait dix mille habitants.", None, ("la fin du XIXe siècle", "18XX")),
    ("Le pont date du XXe siècle.", None, ("XXe siècle", "19XX")),
    ("Les combats ont repris pendant les mois d'été.", "2023-10-02", ("les mois d'été", "XXXX-SU")),
    ("Les mois d'hiver 2022 ont été rudes.", None, ("Les mois d'hiver 2022", "2022-WI")),
    ("Ce week-end, des milliers de personnes ont manifesté.", "2020-08-17", ("Ce week-end", "2020-W33-WE")),
    ("Ce week-end, des milliers de personnes vont manifester.", "2020-08-17", ("Ce week-end", "2020-W34-WE")),
    ("Elle a appelé à manifester durant le week-end.", "2020-08-17", ("le week-end", "2020-W33-WE")),
    ("Le week-end dernier, la foule était immense.", "2020-08-19", ("Le week-end dernier", "2020-W33-WE")),
    ("Le week-end prochain, la foule sera immense.", "2020-08-19", ("Le week-end prochain", "2020-W34-WE")),
]


@pytest.mark.parametrize("text,anchor,expected", PERIODS)
def test_periods(nlp, text, anchor, expected):
    assert expected in found(nlp, text, anchor)


def test_century_part_is_kept_for_timeml_mod():
    (c,) = find_candidates("à la fin du XIXe siècle")
    assert (c.kind, c.period_part, resolve(c).precision) == ("century", "END", "century")
    assert find_candidates("la vie siècle après siècle") == []


# properties
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(anchor=DAYS, month=st.integers(1, 12), day=st.integers(1, 28),
       tense=st.sampled_from(["past", "weak_past", "present", "future", None]))
def test_day_month_is_within_a_year_in_the_right_direction(anchor, month, day, tense):
    (c,) = find_candidates(f"le {day} {MONTHS[month - 1]}")
    value = dt.date.fromisoformat(resolve(c, anchor.isoformat(), tense).value)
    assert abs((value - anchor).days) <= 366
    if tense == "past":
        assert value <= anchor
    if tense == "future":
        assert value >= anchor


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.integers(1, 27), gap=st.integers(1, 27), month=st.integers(1, 12),
       anchor=st.one_of(st.none(), DAYS.map(dt.date.isoformat)),
       tense=st.sampled_from(["past", "weak_past", "present", "future", None]),
       words=st.sampled_from([("du", "au"), ("les", "et"), ("entre le", "et le")]))
def test_range_of_days_gives_two_ordered_values(first, gap, month, anchor, tense, words):
    last = min(28, first + gap)
    text = f"{words[0]} {first} {words[1]} {last} {MONTHS[month - 1]}"
    cands = find_candidates(text)
    assert len(cands) == 2, text
    start, end = (resolve(c, anchor, tense) for c in cands)
    assert VALUE_RE.match(start.value) and VALUE_RE.match(end.value)
    assert start.value[5:] == f"{month:02d}-{first:02d}" and end.value[5:] == f"{month:02d}-{last:02d}"
    assert start.value <= end.value
    assert start.end_value == end.value and end.end_value == ""
