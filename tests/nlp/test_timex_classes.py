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
from pipeline.nlp.timex.yearparts import season_start
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


# ---------------------------------------------------------------- quarters, halves, fiscal years
YEAR_PARTS = [
    ("Le chiffre d'affaires a progressé au premier trimestre 2024.", ("premier trimestre 2024", "DATE", "2024-Q1", "")),
    ("Le second semestre sera difficile pour les exportateurs.", ("Le second semestre", "DATE", "2024-H2", "")),
    ("Le troisième trimestre 2023 a été bon.", ("Le troisième trimestre 2023", "DATE", "2023-Q3", "")),
    ("Le deuxième trimestre de l'année dernière a été mauvais.",
     ("Le deuxième trimestre de l'année dernière", "DATE", "2023-Q2", "")),
    ("La première moitié de 2023 a vu les prix monter.", ("La première moitié de 2023", "DATE", "2023-H1", "")),
    # past tense on a quarter still ahead of the publication date: the year before
    ("Au quatrième trimestre, les ventes ont bondi.", ("quatrième trimestre", "DATE", "2023-Q4", "")),
    ("Le trimestre dernier, les ventes ont baissé.", ("Le trimestre dernier", "DATE", "2023-Q4", "")),
    ("Ce semestre, la banque centrale reste prudente.", ("Ce semestre", "DATE", "2024-H1", "")),
    ("Les comptes de l'exercice 2023 sont publiés.", ("l'exercice 2023", "DATE", "FY2023", "")),
]


@pytest.mark.parametrize("sentence,expected", YEAR_PARTS)
def test_year_parts(nlp, sentence, expected):
    check(nlp, sentence, expected)


def test_half_of_something_else_is_no_timex(nlp):
    assert records(nlp, "La première moitié du match a été terne.") == []


def test_quarters_and_fiscal_years_stay_out_of_the_dates_only_contract(nlp):
    doc = parse(nlp, "Au premier trimestre 2024, l'exercice 2023 a été clos le 3 mars 2024.", ANCHOR)
    assert [r["value"] for r in dates_only(doc._.timexes)] == ["2024-03-03"]


# ---------------------------------------------------------------- the n-th weekday of a period
NTH_WEEKDAYS = [
    ("Le premier dimanche du printemps, la fête aura lieu.", ("Le premier dimanche du printemps", "DATE", "2024-03-24", "")),
    ("Le deuxième mardi de mars 2025, le jury se réunira.", ("Le deuxième mardi de mars 2025", "DATE", "2025-03-11", "")),
    ("Le dernier samedi d'octobre 2024, les horloges changent.",
     ("Le dernier samedi d'octobre 2024", "DATE", "2024-10-26", "")),
    ("Le premier lundi de septembre, les écoles rouvriront.", ("Le premier lundi de septembre", "DATE", "2024-09-02", "")),
]


@pytest.mark.parametrize("sentence,expected", NTH_WEEKDAYS)
def test_nth_weekday_of_a_period(nlp, sentence, expected):
    check(nlp, sentence, expected)


# ---------------------------------------------------------------- the year as a whole, time ahead
WHOLE = [
    ("Les usines tournent tout au long de l'année.", ("l'année", "DATE", "2024", "")),
    ("Au cours de l'année, le chômage a reculé.", ("l'année", "DATE", "2024", "")),
    ("Le budget de l'année en cours est serré.", ("l'année en cours", "DATE", "2024", "")),
    ("Les prix resteront élevés dans l'année à venir.", ("l'année à venir", "DURATION", "P1Y", "")),
    ("Les mois à venir seront décisifs.", ("Les mois à venir", "DURATION", "PXM", "")),
    ("Un accord est attendu dans les mois à venir.", ("dans les mois à venir", "DATE", "FUTURE_REF", "")),
    ("Le XXIe siècle sera celui de l'Asie.", ("Le XXIe siècle", "DATE", "20XX", "")),
]


@pytest.mark.parametrize("sentence,expected", WHOLE)
def test_whole_year_and_time_ahead(nlp, sentence, expected):
    check(nlp, sentence, expected)


def test_year_of_another_kind_is_not_the_publication_year(nlp):
    got = records(nlp, "Au cours de l'année scolaire, rien n'a changé. Tout au long de l'année 2019, la grève a duré.")
    assert ("l'année", "DATE", "2024", "") not in got
    assert any(g[2] == "2019" for g in got)


# ---------------------------------------------------------------- well-formed values (hypothesis)
ORDINALS = ["premier", "deuxième", "troisième", "quatrième", "dernier"]
UNITS = ["trimestre", "semestre"]
MONTHS = ["janvier", "mars", "juin", "septembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
SEASONS = ["du printemps", "de l'été", "de l'automne", "de l'hiver"]
TENSES = [None, "past", "present", "future"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ORDINALS), st.sampled_from(UNITS), st.one_of(st.none(), st.integers(1990, 2030)),
       st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(TENSES))
def test_year_part_values_are_well_formed(ordinal, unit, year, anchor, tense):
    text = f"le {ordinal} {unit}" + (f" {year}" if year else "")
    cands = [c for c in find_candidates(text) if c.kind == "yearpart"]
    if unit == "semestre" and ordinal in ("troisième", "quatrième"):
        assert cands == []  # there is no third half
        return
    assert len(cands) == 1
    r = resolve(cands[0], anchor.isoformat(), tense)
    assert valid(r.value, "DATE"), r.value
    assert r.value[5] == ("Q" if unit == "trimestre" else "H")
    if year:
        assert r.value.startswith(str(year))
    else:
        assert abs(int(r.value[:4]) - anchor.year) <= 1


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ORDINALS), st.sampled_from(WEEKDAYS), st.sampled_from(MONTHS + SEASONS),
       st.one_of(st.none(), st.integers(1990, 2030)), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
       st.sampled_from(TENSES))
def test_nth_weekday_values_are_real_days_of_that_weekday(ordinal, weekday, period, year, anchor, tense):
    months = {"janvier": 1, "mars": 3, "juin": 6, "septembre": 9, "décembre": 12}
    link = "de " if period in months else ""
    text = f"le {ordinal} {weekday} {link}{period}" + (f" {year}" if year else "")
    cands = [c for c in find_candidates(text) if c.kind == "nthday"]
    if ordinal == "dernier" and period not in months:
        assert cands == []  # "the last Sunday of spring" is not counted
        return
    assert len(cands) == 1, text
    r = resolve(cands[0], anchor.isoformat(), tense)
    if r is None:  # a fifth weekday that the month does not have
        return
    assert valid(r.value, "DATE"), r.value
    day = dt.date.fromisoformat(r.value)
    assert day.weekday() == WEEKDAYS.index(weekday)
    if period in months:
        assert day.month == months[period]
        if year:
            assert day.year == year
    elif year:  # a season's days run from its first day (winter goes on into the next year)
        start = season_start(year, {"du printemps": "SP", "de l'été": "SU", "de l'automne": "FA", "de l'hiver": "WI"}[period])
        assert start <= day < start + dt.timedelta(days=35)


# ---------------------------------------------------------------- parts of day, sets, approximate durations
MORE = [
    ("Le sommet reprendra à la mi-journée.", ("la mi-journée", "TIME", "2024-03-14TMI", "")),
    ("Le service fonctionne 24 heures sur 24.", ("24 heures sur 24", "SET", "P1D", "")),
    ("La permanence est ouverte 7 jours sur 7.", ("7 jours sur 7", "SET", "P1W", "")),
    ("Le standard répond 24h/24.", ("24h/24", "SET", "P1D", "")),
    ("Le conseil se réunit deux fois par mois.", ("deux fois par mois", "SET", "P1M", "")),
    ("Il est resté une dizaine d'années au pouvoir.", ("une dizaine d'années", "DURATION", "P10Y", "APPROX")),
    ("Il a attendu une quinzaine de jours.", ("une quinzaine de jours", "DURATION", "P15D", "APPROX")),
    ("L'année 2023 a été chaude.", ("L'année 2023", "DATE", "2023", "")),
    ("Le bug de l'an 2000 a fait peur.", ("l'an 2000", "DATE", "2000", "")),
    ("Au début des années 1990, la guerre a éclaté.", ("début des années 1990", "DATE", "199X", "START")),
    ("Le milieu des années 80 a été prospère.", ("Le milieu des années 80", "DATE", "198X", "MID")),
    ("À la fin de l'été, les prix ont baissé.", ("la fin de l'été", "DATE", "2023-SU", "END")),
    ("Les ventes ont chuté début 2020.", ("début 2020", "DATE", "2020", "START")),
    ("La réunion aura lieu mi-mars.", ("mi-mars", "DATE", "2024-03", "MID")),
    ("Le texte sera voté fin mars.", ("fin mars", "DATE", "2024-03", "END")),
    ("Les prix ont flambé ces dernières années.", ("ces dernières années", "DURATION", "PXY", "")),
    ("Il a quitté le pays il y a deux ans.", ("il y a deux ans", "DATE", "2022", "")),
    ("La semaine prochaine, le ministre ira à Kiev.", ("La semaine prochaine", "DATE", "2024-W12", "")),
    ("Les années 2010 ont vu la crise.", ("Les années 2010", "DATE", "201X", "")),
    ("Il vit à Paris depuis trois ans.", ("trois ans", "DURATION", "P3Y", "")),
    ("Il a parlé pendant une heure et quart.", ("une heure et quart", "DURATION", "PT75M", "")),
    ("Le vol a duré deux heures et trois quarts.", ("deux heures et trois quarts", "DURATION", "PT165M", "")),
    # a clock time keeps its quarter as minutes
    ("Le train part à 8 heures et quart.", ("8 heures et quart", "TIME", "2024-03-14T08:15", "")),
]


@pytest.mark.parametrize("sentence,expected", MORE)
def test_more_classes(nlp, sentence, expected):
    check(nlp, sentence, expected)


def test_mi_journee_is_no_part_of_a_period(nlp):
    (rec,) = parse(nlp, "Le sommet reprendra à la mi-journée.", ANCHOR)._.timexes
    assert rec["mod"] == ""  # TMI says it; MID would be a part of a period


def test_a_year_of_another_noun_keeps_its_own_extent(nlp):
    got = records(nlp, "Le budget de 2023 est voté.")
    assert ("2023", "DATE", "2023", "") in got


PIECES = ["au premier trimestre", "le second semestre 2019", "le trimestre prochain", "l'exercice 2021",
          "le premier dimanche du printemps", "le dernier lundi de mai", "à la mi-journée", "24 heures sur 24",
          "7 jours sur 7", "une dizaine d'années", "une centaine de jours", "l'année à venir", "les semaines à venir",
          "tout au long de l'année", "au début des années 1990", "la fin de l'hiver", "immédiatement", "dorénavant",
          "ces jours-ci", "précédemment", "dès que possible", "l'année 2023", "mardi", "hier soir", "le 3 mars"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat),
                 st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(lambda d: d.isoformat()[:7])),
       st.sampled_from(TENSES))
def test_values_of_the_new_classes_are_well_formed(pieces, anchor, tense):
    from pipeline.nlp.timex.timeml import typed_value

    text = ", puis ".join(pieces) + "."
    for c in find_candidates(text):
        r = resolve(c, anchor, tense)
        if r is None:
            continue
        value, ttype = typed_value(c, r.value)
        assert valid(value, ttype), (text[c.start:c.end], value, ttype)
        assert c.tmod in ("", "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE",
                          "EQUAL_OR_LESS")


# ---------------------------------------------------------------- holidays
HOLIDAYS = [
    ("À Noël, la famille s'est réunie.", ("Noël", "DATE", "2023-12-25", "")),  # past: the last one
    ("Les magasins ouvriront jusqu'à Noël 2024.", ("Noël 2024", "DATE", "2024-12-25", "")),
    ("Le lundi de Pâques, les bureaux seront fermés.", ("Le lundi de Pâques", "DATE", "2024-04-01", "")),
    ("Pâques 2025 sera célébré en famille.", ("Pâques 2025", "DATE", "2025-04-20", "")),
    ("À la Toussaint, les cimetières étaient fleuris.", ("la Toussaint", "DATE", "2023-11-01", "")),
    ("Le pont de l'Ascension sera long.", ("l'Ascension", "DATE", "2024-05-09", "")),
    ("La Pentecôte tombera tard.", ("La Pentecôte", "DATE", "2024-05-19", "")),
]


@pytest.mark.parametrize("sentence,expected", HOLIDAYS)
def test_holidays(nlp, sentence, expected):
    check(nlp, sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Noël Mamère a parlé aux journalistes.",
    "Le Père Noël est passé dans la nuit.",
    "L'île de Pâques attire les touristes.",
    "L'ascension du col a été difficile.",
])
def test_holiday_words_in_names_or_common_nouns_are_no_dates(nlp, sentence):
    assert [r for r in parse(nlp, sentence, ANCHOR)._.timexes if r["rule"] == "holiday"] == []


@settings(max_examples=100, deadline=None)
@given(st.integers(1900, 2099))
def test_easter_is_a_sunday_in_spring(year):
    from pipeline.nlp.timex.holidays import easter_sunday

    day = easter_sunday(year)
    assert day.weekday() == 6
    assert dt.date(year, 3, 22) <= day <= dt.date(year, 4, 25)


# ---------------------------------------------------------------- periods named from the text
THAT_PERIOD = [
    ("En 1998, le village a gagné le concours. Cette année-là, la récolte a été bonne.",
     ("Cette année-là", "DATE", "1998", "")),
    ("En mars 1998, le village a gagné le concours. Ce mois-là, il a beaucoup plu.", ("Ce mois-là", "DATE", "1998-03", "")),
    ("Le 3 mai 2021, il est arrivé. Ce jour-là, il pleuvait.", ("Ce jour-là", "DATE", "2021-05-03", "")),
    # without a date before it: the publication date's year
    ("Cette année-là, la récolte a été bonne.", ("Cette année-là", "DATE", "2024", "")),
    ("La nuit dernière, des tirs ont été entendus.", ("La nuit dernière", "TIME", "2024-03-13TNI", "")),
]


@pytest.mark.parametrize("sentence,expected", THAT_PERIOD)
def test_periods_named_from_the_text(nlp, sentence, expected):
    check(nlp, sentence, expected)


def test_this_year_is_not_that_year(nlp):
    got = records(nlp, "En 1998, le village a gagné. Cette année, il a perdu.")
    assert ("Cette année", "DATE", "2024", "") in got


# ---------------------------------------------------------------- the year written in the same sentence
SENTENCE_YEAR = [
    ("Le 24 février 2022, la Russie a envahi l'Ukraine, puis le 3 mars, elle a pris Kherson.",
     ("le 3 mars", "DATE", "2022-03-03", "")),
    ("Le 3 mars 2022, les troupes sont entrées, alors que le 24 février, la guerre avait commencé.",
     ("le 24 février", "DATE", "2022-02-24", "")),
    ("Le 3 janvier 2022, il a rappelé que le 24 décembre, la trêve avait tenu.",
     ("le 24 décembre", "DATE", "2021-12-24", "")),
    # guard: a year written in another sentence leaves the tense and the publication date in charge
    ("Le 24 février 2022, la Russie a envahi l'Ukraine. Le 3 mars, le ministre a parlé.",
     ("Le 3 mars", "DATE", "2024-03-03", "")),
]


@pytest.mark.parametrize("sentence,expected", SENTENCE_YEAR)
def test_year_written_in_the_same_sentence(nlp, sentence, expected):
    check(nlp, sentence, expected)


# ---------------------------------------------------------------- habits: a weekday that recurs
HABITS = [
    ("Le marché se tient le jeudi sur la place.", ("le jeudi", "SET", "XXXX-WXX-4", "")),
    ("Les bureaux sont fermés le week-end.", ("le week-end", "SET", "XXXX-WXX-WE", "")),
    ("Les permanences ont lieu le samedi matin.", ("le samedi matin", "SET", "XXXX-WXX-6TMO", "")),
    # guards: a past tense, a day picked out, a bare weekday or "ce" name one day
    ("Il est arrivé le lundi à Paris.", ("le lundi", "DATE", "2024-03-11", "")),
    ("Le ministre arrive le lundi suivant.", ("le lundi", "DATE", "2024-03-11", "")),
    ("Le sommet se tient ce lundi à Bruxelles.", ("ce lundi", "DATE", "2024-03-11", "")),
]


@pytest.mark.parametrize("sentence,expected", HABITS)
def test_habitual_weekdays_are_sets(nlp, sentence, expected):
    check(nlp, sentence, expected)


def test_habitual_sets_stay_out_of_the_dates_only_contract(nlp):
    doc = parse(nlp, "Le marché se tient le jeudi sur la place.", ANCHOR)
    assert dates_only(doc._.timexes) == []
