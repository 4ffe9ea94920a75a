"""TIMEX3 classes found missing on general news (issue #16, second pass): approximate
"il y a" / "dans", hours-and-minutes durations, "à 76 ans," ages, more references, bare
months after "d'ici", "la même année", "dans la journée" and "toute la nuit", frequency
adjectives and "d'une semaine sur l'autre" sets, "hh:mm" clock times, and the year of a
weekday-dated day or "aujourd'hui" in a text without a publication date.

Every sentence below was written for these tests (none comes from an article).
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.timex import clock, sets
from pipeline.nlp.timex.candidate import Candidate
from pipeline.nlp.timex.textanchor import weekday_year
from pipeline.nlp.timex.timeml import valid
from tests.conftest import parse
from tests.nlp.timex_checks import check_candidates

ANCHOR = "2024-03-14"  # a Thursday


def records(nlp, text, anchor=ANCHOR):
    return [(r["text"], r["type"], r["value"], r["mod"]) for r in parse(nlp, text, anchor)._.timexes]


# (sentence, anchor, expected records: text, type, value, mod)
CASES = [
    # an approximate quantity placed on the calendar: a DATE, mod APPROX
    ("Le club, fondé il y a une trentaine d'années, fête son anniversaire.", ANCHOR,
     [("il y a une trentaine d'années", "DATE", "1994", "APPROX")]),
    ("La piscine rouvrira dans une quinzaine de jours.", ANCHOR,
     [("dans une quinzaine de jours", "DATE", "2024-03-29", "APPROX")]),
    ("Sans lieu ni date, une dizaine d'années de travaux attendent la ville.", ANCHOR,
     [("une dizaine d'années", "DURATION", "P10Y", "APPROX")]),
    # hours and minutes after a duration word
    ("Le conseil, d'une durée de 2 heures 15, a voté le budget.", ANCHOR,
     [("2 heures 15", "DURATION", "PT2H15M", "")]),
    ("La marche a duré pendant 3 h 40 sous la pluie.", ANCHOR, [("3 h 40", "DURATION", "PT3H40M", "")]),
    ("Le train part à 7 heures 20 de la gare.", ANCHOR, [("7 heures 20", "TIME", "2024-03-14T07:20", "")]),
    # an age between commas after "à" is no duration; a sentence is one
    ("La gardienne du phare, à 81 ans, grimpe encore les marches.", ANCHOR, []),
    ("Le chauffard a été condamné à 4 ans de prison.", ANCHOR, [("4 ans", "DURATION", "P4Y", "")]),
    # references
    ("À ce jour, aucune équipe n'a déposé sa candidature.", ANCHOR, [("À ce jour", "DATE", "PRESENT_REF", "")]),
    ("Jusqu'à présent, la mairie n'a rien dit.", ANCHOR, [("Jusqu'à présent", "DATE", "PRESENT_REF", "")]),
    ("Le verdict est attendu dans les prochaines heures.", ANCHOR,
     [("dans les prochaines heures", "DATE", "FUTURE_REF", "")]),
    ("Les secours arriveront dans les heures à venir.", ANCHOR, [("dans les heures à venir", "DATE", "FUTURE_REF", "")]),
    # a bare month after "d'ici": the next one for a future
    ("La salle des fêtes sera rénovée d'ici septembre.", ANCHOR, [("septembre", "DATE", "2024-09", "")]),
    # the year of the last date written
    ("En 2011, la chorale a chanté à Vienne, puis elle a enregistré un disque la même année.", ANCHOR,
     [("2011", "DATE", "2011", ""), ("la même année", "DATE", "2011", "")]),
    # the day of the sentence, whole parts of day
    ("Le maire a annoncé mardi que les résultats tomberaient dans la journée.", ANCHOR,
     [("mardi", "DATE", "2024-03-12", ""), ("la journée", "DATE", "2024-03-12", "")]),
    ("Les pompiers ont lutté toute la nuit contre le feu.", ANCHOR, [("toute la nuit", "TIME", "2024-03-14TNI", "")]),
    ("La fanfare a joué tout l'après-midi sur la place.", ANCHOR,
     [("tout l'après-midi", "TIME", "2024-03-14TAF", "")]),
    ("Les joueurs se sont entraînés toute la journée.", ANCHOR, [("toute la journée", "DATE", "2024-03-14", "")]),
    # sets
    ("Le prix du pain monte d'une semaine sur l'autre.", ANCHOR, [("une semaine sur l'autre", "SET", "P1W", "")]),
    ("Les eaux montaient jour après jour.", ANCHOR, [("jour après jour", "SET", "P1D", "")]),
    ("Les navettes partent toutes les vingt minutes.", ANCHOR, [("toutes les vingt minutes", "SET", "PT20M", "")]),
    # an age bracket is no duration
    ("Les 18-25 ans votent moins que leurs aînés.", ANCHOR, []),
    ("Le préfet tient une réunion hebdomadaire avec les élus.", ANCHOR, [("hebdomadaire", "SET", "P1W", "")]),
    ("La ministre l'a dit lors de sa conférence de presse quotidienne.", ANCHOR,
     [("quotidienne", "SET", "P1D", "")]),
    ("Le quotidien régional et l'hebdomadaire local ont publié l'enquête.", ANCHOR, []),
    ("La raffinerie traite 200 000 barils quotidiens.", ANCHOR, []),
    ("La vie quotidienne des riverains a changé.", ANCHOR, []),
    # clock times written hh:mm
    ("Le coup d'envoi sera donné à 20:45 au stade.", ANCHOR, [("20:45", "TIME", "2024-03-14T20:45", "")]),
    ("Publié le 12/03/2024 | 18:05 par la rédaction", ANCHOR,
     [("le 12/03/2024", "DATE", "2024-03-12", ""), ("18:05", "TIME", "2024-03-12T18:05", "")]),
    ("Vidéo 02:14 Le résumé du match", ANCHOR, []),
    ("Le car de 7 h 30 du soir et celui de 6h du matin sont supprimés.", ANCHOR,
     [("7 h 30 du soir", "TIME", "2024-03-14T19:30", ""), ("6h du matin", "TIME", "2024-03-14T06:00", "")]),
    # a text without a publication date
    ("Le maire a parlé vendredi 9 janvier, avant le vote du budget de 2025 et après celui de 2024.", None,
     [("vendredi 9 janvier", "DATE", "2026-01-09", ""), ("2025", "DATE", "2025", ""), ("2024", "DATE", "2024", "")]),
    ("Les loyers ont augmenté de 2019 à aujourd'hui.", None,
     [("2019", "DATE", "2019", ""), ("aujourd'hui", "DATE", "PRESENT_REF", "")]),
    # a time of that sentence keeps the unknown day of "aujourd'hui", not a day written before
    ("Le gala a eu lieu vendredi. Aujourd'hui, les portes ouvrent à 18 h.", None,
     [("vendredi", "DATE", "XXXX-WXX-5", ""), ("Aujourd'hui", "DATE", "PRESENT_REF", ""),
      ("18 h", "TIME", "XXXX-XX-XXT18:00", "")]),
    # a single year of history does not place a weekday-dated day
    ("Le club, fondé en 1949, jouera jeudi 30 juin.", None,
     [("1949", "DATE", "1949", ""), ("jeudi 30 juin", "DATE", "XXXX-06-30", "")]),
    ("Aujourd'hui, le marché ouvre.", ANCHOR, [("Aujourd'hui", "DATE", "2024-03-14", "")]),
    # years counted from the year last written, decades before 1900, holiday words in names
    ("Le stade a été détruit en 2017 et reconstruit trois ans plus tard.", ANCHOR,
     [("2017", "DATE", "2017", ""), ("trois ans plus tard", "DATE", "2020", "")]),
    ("En juin 2010, la ligne a fermé ; six mois plus tard, elle a rouvert.", ANCHOR,
     [("juin 2010", "DATE", "2010-06", ""), ("six mois plus tard", "DATE", "2010-12", "")]),
    ("La récolte a chuté de 9 % en 2021, après une hausse l'année précédente.", ANCHOR,
     [("2021", "DATE", "2021", ""), ("l'année précédente", "DATE", "2020", "")]),
    ("Le 3 mars 2019, le pont a fermé ; la semaine suivante, la mairie a réagi.", ANCHOR,
     [("Le 3 mars 2019", "DATE", "2019-03-03", ""), ("la semaine suivante", "DATE", "2019-W10", "")]),
    ("En mai 2010, le fleuve a débordé ; le mois suivant l'orage, la digue a cédé.", ANCHOR,
     [("mai 2010", "DATE", "2010-05", "")]),
    ("Le 3 mars 2019, la crue a emporté le pont. Ce matin-là, la brume couvrait la vallée.", ANCHOR,
     [("Le 3 mars 2019", "DATE", "2019-03-03", ""), ("Ce matin-là", "TIME", "2019-03-03TMO", "")]),
    ("La filature a prospéré dans les années 1880.", ANCHOR, [("les années 1880", "DATE", "188X", "")]),
    ("Le marché de Noël de la place ouvrira bientôt.", ANCHOR, [("bientôt", "DATE", "FUTURE_REF", "")]),
    # a passé composé with être read by the parser as a present passive is still a past
    ("Les secouristes sont intervenus vendredi soir.", ANCHOR, [("vendredi soir", "TIME", "2024-03-08TEV", "")]),
    ("La chanteuse est arrivée mardi dans la soirée.", ANCHOR,
     [("mardi dans la soirée", "TIME", "2024-03-12TEV", "")]),
    # fractions of a unit
    ("La visite dure une demi-heure, la pause un quart d'heure.", ANCHOR,
     [("une demi-heure", "DURATION", "PT30M", ""), ("un quart d'heure", "DURATION", "PT15M", "")]),
    ("Le chantier a pris trois quarts d'heure, l'attente un demi-siècle.", ANCHOR,
     [("trois quarts d'heure", "DURATION", "PT45M", ""), ("un demi-siècle", "DURATION", "P50Y", "")]),
    ("Le quart des électeurs a voté pour la demi-finale.", ANCHOR, []),
    # "jour pour jour": that very day, years or months before or after
    ("Il y a un an jour pour jour, la digue cédait.", ANCHOR,
     [("Il y a un an jour pour jour", "DATE", "2023-03-14", "")]),
    ("La gare a ouvert il y a six mois, jour pour jour.", ANCHOR,
     [("il y a six mois, jour pour jour", "DATE", "2023-09-14", "")]),
    ("Le tunnel a été percé il y a un an jour pour jour.", "2024-02-29",
     [("il y a un an jour pour jour", "DATE", "2023-02-28", "")]),
    # a day of every year; a week or weekend named by what follows it
    ("Chaque 1er mai, les cheminots défilent, et tous les 14 juillet aussi.", ANCHOR,
     [("Chaque 1er mai", "SET", "XXXX-05-01", ""), ("tous les 14 juillet", "SET", "XXXX-07-14", "")]),
    ("Les hôpitaux ont été débordés durant le week-end de Pâques.", ANCHOR, [("Pâques", "DATE", "2023-04-09", "")]),
    ("La semaine de la mode s'ouvre à Lyon.", ANCHOR, []),
    # a day and month joined by a hyphen, as holidays are written
    ("Les syndicats défileront le 1er-Mai.", ANCHOR, [("le 1er-Mai", "DATE", "2024-05-01", "")]),
    ("La cérémonie du 11-Novembre aura lieu devant le monument.", ANCHOR,
     [("11-Novembre", "DATE", "2024-11-11", "")]),
    ("Le score était de 2-1 à la pause.", ANCHOR, []),
    # "le week-end des 13 et 14 avril": the days, not the current weekend
    ("La brocante aura lieu le week-end des 13 et 14 avril.", ANCHOR,
     [("13", "DATE", "2024-04-13", ""), ("14 avril", "DATE", "2024-04-14", "")]),
]


@pytest.mark.parametrize("sentence, anchor, expected", CASES)
def test_general_classes(nlp, sentence, anchor, expected):
    assert records(nlp, sentence, anchor) == expected


def test_whole_day_takes_the_day_of_its_sentence(nlp):
    # the day written in the sentence, not the publication day
    got = records(nlp, "Le 3 mars, les vendanges ont duré toute la journée.")
    assert ("toute la journée", "DATE", "2024-03-03", "") in got


def test_weekday_year_examples():
    c = Candidate(0, 1, "day_month", "abs", None, 1, 9, weekday=4)  # vendredi 9 janvier
    assert weekday_year(c, [2024, 2025]) == "2026-01-09"
    assert weekday_year(c, [2025]) is None  # one year alone may be a date of history
    assert weekday_year(c, [2014, 2016]) == "2015-01-09"  # the only Friday 9 January of 2013-2017
    assert weekday_year(c, [2019, 2026]) is None  # years too far apart
    assert weekday_year(c, []) is None
    assert weekday_year(Candidate(0, 1, "day_month", "abs", 2024, 1, 9, weekday=4), [2024]) is None


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
       st.lists(st.integers(min_value=1950, max_value=2090), min_size=1, max_size=3))
def test_weekday_year_is_the_weekday_and_near_the_years(day, years):
    c = Candidate(0, 1, "day_month", "abs", None, day.month, day.day, weekday=day.weekday())
    got = weekday_year(c, years)
    if got is not None:
        d = dt.date.fromisoformat(got)
        assert valid(got, "DATE") and d.weekday() == day.weekday() and (d.month, d.day) == (day.month, day.day)
        assert min(years) - 1 <= d.year <= max(years) + 1
        assert len(years) >= 2 and max(years) - min(years) <= 3


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59),
       st.sampled_from(["pendant", "durée de", "en", "à", "vers", ""]), st.sampled_from([" h ", " heures "]))
def test_hours_minutes_values_are_well_formed(h, m, opener, unit):
    text = f"{opener} {h}{unit}{m:02d}".strip()
    for c in clock.find(text):
        value = c.fixed if c.fixed is not None else f"2024-03-14T{c.tod}"
        assert valid(value, c.ttype), (text, value)


_WORDS = ["il y a", "une", "trentaine", "quinzaine", "d'années", "de", "jours", "dans", "la", "journée", "toute",
          "tout", "l'après-midi", "nuit", "durée", "2", "heures", "15", "h", "40", "à", "81", "ans", ",", "ce",
          "jour", "d'ici", "septembre", "même", "année", "semaine", "sur", "l'autre", "jour après jour",
          "réunion", "hebdomadaire", "quotidienne", "conférence", "presse", "20:45", "12/03/2024", "|",
          "vendredi", "9", "janvier", "aujourd'hui", "prochaines", "heures à venir", "2025"]
texty = st.one_of(st.text(max_size=60), st.lists(st.sampled_from(_WORDS), max_size=12).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(texty, st.sampled_from([None, "2024-03-14", "2024-03", "2024"]))
def test_new_classes_give_well_formed_values(text, anchor):
    check_candidates(text, anchor)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["réunion", "conférence", "de", "presse", "radio", "1,6", "million", "barils",
                                 "quotidiens", "hebdomadaire", "mensuelle", "le", "quotidien", "l'hebdomadaire",
                                 "une", "semaine", "sur", "l'autre"]), max_size=10).map(" ".join))
def test_set_values_are_well_formed(text):
    for c in sets.find(text):
        assert c.ttype == "SET" and valid(c.fixed, "SET") and text[c.start:c.end].strip() == text[c.start:c.end]
