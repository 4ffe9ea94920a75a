"""TimeML types of the timex tagger (issue #16): durations, clock times, parts of day,
references, sets, determiners in extents, and well-formed values for every type.

Every sentence below was written for these tests. Component cases run through the full
pipeline (the ``nlp`` fixture of tests/conftest.py) and check text, type, value and mod.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp.timex.candidates import find_candidates
from pipeline.nlp.timex.timeml import MODS, TYPES, dates_only, duration_value, valid
from tests.conftest import parse
from tests.nlp.timex_checks import check_candidates

ANCHOR = "2024-03-14"  # a Thursday


def run(nlp, text, anchor=ANCHOR):
    return parse(nlp, text, anchor)


def records(nlp, text, anchor=ANCHOR):
    return [(r["text"], r["type"], r["value"], r["mod"]) for r in run(nlp, text, anchor)._.timexes]


# (sentence, text, type, value, mod)
DURATIONS = [
    ("Le chantier a duré deux ans.", "deux ans", "DURATION", "P2Y", ""),
    ("Les pourparlers ont pris trois semaines.", "trois semaines", "DURATION", "P3W", ""),
    ("Les otages ont été libérés après 48 heures de captivité.", "48 heures", "DURATION", "PT48H", ""),
    ("Le sprinteur a couru en 30,4 secondes.", "30,4 secondes", "DURATION", "PT30.4S", ""),
    ("La trêve a tenu un mois et demi.", "un mois et demi", "DURATION", "P1.5M", ""),
    ("Le mandat court sur deux ans et demi.", "deux ans et demi", "DURATION", "P30M", ""),
    ("L'audience a duré une heure et demie.", "une heure et demie", "DURATION", "PT90M", ""),
    ("Il a gouverné pendant dix ans.", "dix ans", "DURATION", "P10Y", ""),
    ("La grève dure depuis vingt-cinq jours.", "vingt-cinq jours", "DURATION", "P25D", ""),
    ("Le débat a duré plus de deux heures.", "plus de deux heures", "DURATION", "PT2H", "MORE_THAN"),
    ("Le convoi a roulé moins de trois jours.", "moins de trois jours", "DURATION", "P3D", "LESS_THAN"),
    ("La crise dure depuis près de six mois.", "près de six mois", "DURATION", "P6M", "APPROX"),
    ("Il faudra au moins deux semaines.", "au moins deux semaines", "DURATION", "P2W", "EQUAL_OR_MORE"),
    ("Les combats ont repris ces derniers jours.", "ces derniers jours", "DURATION", "PXD", ""),
    ("La pénurie s'étend sur plusieurs jours.", "plusieurs jours", "DURATION", "PXD", ""),
    ("On en parle depuis des années.", "des années", "DURATION", "PXY", ""),
    ("Le procès a pris quelques minutes.", "quelques minutes", "DURATION", "PTXM", ""),
    ("Une guerre de deux décennies s'achève.", "deux décennies", "DURATION", "P20Y", ""),
    ("Les files ont attendu pendant 36 h devant la mairie.", "36 h", "DURATION", "PT36H", ""),
    ("Les élus de la région, réunis les trois derniers mois, ont voté.", "les trois derniers mois", "DURATION", "P3M", ""),
    # guards of the age rule: a duration after a noun that is not a person, or after a comma
    ("Il a écopé d'une peine de 12 ans de prison.", "12 ans", "DURATION", "P12Y", ""),
    ("La crise, 7 ans après l'annexion, reste ouverte.", "7 ans", "DURATION", "P7Y", ""),
    ("En Syrie, dix ans, c'est long.", "dix ans", "DURATION", "P10Y", ""),
]

# (sentence, text, type, value, mod); anchor 2024-03-14
TIMES = [
    ("La séance reprendra à 14 h au Sénat.", "14 h", "TIME", "2024-03-14T14:00", ""),
    ("Le couvre-feu commence à 21 h 45 dans la capitale.", "21 h 45", "TIME", "2024-03-14T21:45", ""),
    ("Le train est parti à 8 heures pour Lyon.", "8 heures", "TIME", "2024-03-14T08:00", ""),
    ("Le cessez-le-feu a été signé après 8 heures de négociations.", "8 heures", "DURATION", "PT8H", ""),
    ("Rendez-vous est fixé à 14h30 devant la préfecture.", "14h30", "TIME", "2024-03-14T14:30", ""),
    ("Les secours sont arrivés vers 23 h sur place.", "23 h", "TIME", "2024-03-14T23:00", "APPROX"),
    ("L'explosion a eu lieu à 4 heures du matin.", "4 heures du matin", "TIME", "2024-03-14T04:00", ""),
    ("Le discours est attendu à 8 heures du soir.", "8 heures du soir", "TIME", "2024-03-14T20:00", ""),
    ("Le ministre parlera à midi aux journalistes.", "midi", "TIME", "2024-03-14T12:00", ""),
    ("Les bureaux ferment à minuit ce jour-là.", "minuit", "TIME", "2024-03-14T24:00", ""),
    ("La dépêche est tombée à 18 h GMT.", "18 h GMT", "TIME", "2024-03-14T18:00", ""),
    # a time zone after a comma makes "N heures" a clock time by itself
    ("L'assaut a débuté à 5 heures (3 heures, heure française).", "3 heures, heure française", "TIME",
     "2024-03-14T03:00", ""),
    ("Le scrutin ferme à 20 h, heure locale.", "20 h, heure locale", "TIME", "2024-03-14T20:00", ""),
    # guard: without a zone, "N heures" after a comma stays a duration
    ("Les combats ont duré 6 heures, selon l'armée.", "6 heures", "DURATION", "PT6H", ""),
    # the day of a date in the same sentence
    ("Hier, les troupes sont entrées à 10 h dans la ville.", "10 h", "TIME", "2024-03-13T10:00", ""),
    ("Le 2 mars 2024, la réunion a commencé à 9 h 15.", "9 h 15", "TIME", "2024-03-02T09:15", ""),
    # parts of day after a day: one expression
    ("Hier matin, un drone a visé le port.", "Hier matin", "TIME", "2024-03-13TMO", ""),
    ("Le ministre est arrivé mardi soir à Kiev.", "mardi soir", "TIME", "2024-03-12TEV", ""),
    ("Les négociations reprennent ce soir à Genève.", "ce soir", "TIME", "2024-03-14TEV", ""),
    ("Le 3 mars 2024 au soir, la ville a été bombardée.", "Le 3 mars 2024 au soir", "TIME", "2024-03-03TEV", ""),
    ("Lundi 11 mars 2024 dans la soirée, un incendie a éclaté.", "Lundi 11 mars 2024 dans la soirée", "TIME",
     "2024-03-11TEV", ""),
    ("Hier en fin de matinée, le cortège s'est dispersé.", "Hier en fin de matinée", "TIME", "2024-03-13TMO", "END"),
    # parts of day alone: the day of the sentence, else the publication day
    ("Des tirs ont été entendus dans la nuit près du pont.", "dans la nuit", "TIME", "2024-03-14TNI", ""),
    ("Le vote aura lieu l'après-midi au Parlement.", "l'après-midi", "TIME", "2024-03-14TAF", ""),
    ("Le président a parlé dans la matinée à la radio.", "dans la matinée", "TIME", "2024-03-14TMO", ""),
    ("Le 5 mars 2024, les blindés sont entrés dans la soirée.", "dans la soirée", "TIME", "2024-03-05TEV", ""),
    ("Les manifestants sont partis en fin de soirée.", "en fin de soirée", "TIME", "2024-03-14TEV", "END"),
    ("Le conseil s'est réuni hier en fin d'après-midi à huis clos.", "hier en fin d'après-midi", "TIME",
     "2024-03-13TAF", "END"),
    ("Le cortège partira mardi en début d'après-midi.", "mardi en début d'après-midi", "TIME", "2024-03-19TAF",
     "START"),
    # a night between two days: one TIME, the night of the first day
    ("Dans la nuit du 9 au 10 mars, un dépôt a brûlé.", "Dans la nuit du 9 au 10 mars", "TIME", "2024-03-09TNI", ""),
    ("La centrale a été touchée dans la nuit de lundi à mardi.", "dans la nuit de lundi à mardi", "TIME",
     "2024-03-11TNI", ""),
    ("Le pont a sauté dans la nuit du samedi 2 au dimanche 3 mars.", "dans la nuit du samedi 2 au dimanche 3 mars",
     "TIME", "2024-03-02TNI", ""),
]

# (sentence, text, type, value, mod)
REFERENCES = [
    ("Le pays traverse maintenant une crise grave.", "maintenant", "DATE", "PRESENT_REF", ""),
    ("Les ventes baissent actuellement dans la région.", "actuellement", "DATE", "PRESENT_REF", ""),
    ("Le port est désormais fermé aux navires.", "désormais", "DATE", "PRESENT_REF", ""),
    ("La frontière est à présent ouverte.", "à présent", "DATE", "PRESENT_REF", ""),
    ("La Pologne d'aujourd'hui n'est plus celle de 1990.", "d'aujourd'hui", "DATE", "PRESENT_REF", ""),
    ("Ce régime reste aujourd'hui encore fragile.", "aujourd'hui encore", "DATE", "PRESENT_REF", ""),
    ("Cette ville était autrefois prospère.", "autrefois", "DATE", "PAST_REF", ""),
    ("Le quartier, naguère animé, est vide.", "naguère", "DATE", "PAST_REF", ""),
    ("Les rois y siégeaient jadis.", "jadis", "DATE", "PAST_REF", ""),
    ("La décision sera prise prochainement.", "prochainement", "DATE", "FUTURE_REF", ""),
    ("Il faudra à l'avenir mieux protéger les réseaux.", "à l'avenir", "DATE", "FUTURE_REF", ""),
    ("Les prix devraient monter dans les prochains jours.", "dans les prochains jours", "DATE", "FUTURE_REF", ""),
    ("La situation pourrait changer dans quelques semaines.", "dans quelques semaines", "DATE", "FUTURE_REF", ""),
    ("Il y a quelques années, la ville comptait dix usines.", "Il y a quelques années", "DATE", "PAST_REF", ""),
    # "aujourd'hui" as a date: the publication day
    ("Le ministre a annoncé aujourd'hui sa démission.", "aujourd'hui", "DATE", "2024-03-14", ""),
]

# (sentence, text, type, value, mod)
SETS = [
    ("Le festival revient chaque année en juin.", "chaque année", "SET", "P1Y", ""),
    ("Le marché se tient tous les jeudis sur la place.", "tous les jeudis", "SET", "XXXX-WXX-4", ""),
    ("Le conseil se réunit chaque lundi à la mairie.", "chaque lundi", "SET", "XXXX-WXX-1", ""),
    ("Les inspecteurs passent deux fois par mois.", "deux fois par mois", "SET", "P1M", ""),
    ("Le bulletin est publié quotidiennement.", "quotidiennement", "SET", "P1D", ""),
    ("Le ferry part chaque jour du port.", "chaque jour", "SET", "P1D", ""),
    ("Les élections ont lieu tous les deux ans.", "tous les deux ans", "SET", "P2Y", ""),
    ("Les gardes patrouillent toutes les nuits.", "toutes les nuits", "SET", "XXXX-XX-XXTNI", ""),
]

# (sentence, text, type, value, mod): determiners belong to the expression; parts of periods
EXTENTS = [
    ("Le scrutin aura lieu le 30 juin 2024.", "le 30 juin 2024", "DATE", "2024-06-30", ""),
    ("Ce 15 août 2023, la fête a été annulée.", "Ce 15 août 2023", "DATE", "2023-08-15", ""),
    ("Les grèves de l'été 2019 ont marqué le pays.", "l'été 2019", "DATE", "2019-SU", ""),
    ("La crise des années 1990 a laissé des traces.", "années 1990", "DATE", "199X", ""),
    ("Les usines ont fermé dans les années 1980.", "les années 1980", "DATE", "198X", ""),
    ("Le projet sera livré début 2025.", "début 2025", "DATE", "2025", "START"),
    ("Les stocks seront vides à la fin de l'année 2025.", "la fin de l'année 2025", "DATE", "2025", "END"),
    ("Le sommet se tiendra à la mi-juillet 2024.", "la mi-juillet 2024", "DATE", "2024-07", "MID"),
    ("Dépêche datée du vendredi 08/03/2024 à Paris.", "vendredi 08/03/2024", "DATE", "2024-03-08", ""),
    # guard: a weekday that ends a sentence stays apart from the numeric date of the next one
    ("Le conseil a siégé mardi. Le 05/03/2024, il a voté.", "mardi", "DATE", "2024-03-12", ""),
]

TABLES = {"durations": DURATIONS, "times": TIMES, "references": REFERENCES, "sets": SETS, "extents": EXTENTS}
CASES = [(name, *row) for name, rows in TABLES.items() for row in rows]


@pytest.mark.parametrize("table,sentence,text,ttype,value,mod", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_typed_expressions(nlp, table, sentence, text, ttype, value, mod):
    got = records(nlp, sentence)
    assert (text, ttype, value, mod) in got, got


# (sentence, text that must not be tagged)
NEGATIVES = [
    ("Un jour, il reviendra au pays.", "jour"),
    ("En maintenant la pression, Kiev espère gagner.", "maintenant"),
    ("Le gouvernement, maintenant le cap, refuse tout recul.", "maintenant"),
    ("Le groupe Midi Libre a racheté le titre.", "Midi"),
    ("Les 14 hommes du commando ont été arrêtés.", "14"),
    ("Cela fait bientôt deux ans que la guerre dure.", "bientôt"),
    ("À l'aube d'une nouvelle ère, tout change.", "aube"),
    ("Les derniers jours de la campagne ont été durs.", "derniers jours"),
    # ages of persons are not TimeML expressions
    ("Un ingénieur de 52 ans a été nommé.", "52 ans"),
    ("Marc Levasseur, 61 ans, dirige le syndicat.", "61 ans"),
    ("La passagère, âgée de 34 ans, a été blessée.", "34 ans"),
    ("Le maire Paul Ricard (70 ans) a démissionné.", "70 ans"),
]


@pytest.mark.parametrize("sentence,word", NEGATIVES)
def test_not_tagged(nlp, sentence, word):
    assert not any(word in t for t, *_ in records(nlp, sentence)), records(nlp, sentence)


def test_night_range_guard(nlp):
    """A night not followed by its two days stays a night; the range keeps its two dates."""
    got = records(nlp, "Des coups de feu ont claqué dans la nuit près du camp, du 3 au 4 mars.")
    assert ("dans la nuit", "TIME", "2024-03-04TNI", "") in got, got
    assert ("3", "DATE", "2024-03-03", "") in got and ("4 mars", "DATE", "2024-03-04", "") in got, got


def test_same_day_phrase_on_a_month_anchor_takes_the_day_of_its_sentence(nlp):
    """Publication known to the month: "ce matin" takes the full date of its sentence; a
    year-less date in the anchor's month stays in the anchor's year even in the past tense."""
    got = records(nlp, "Ayant franchi ce matin la ligne, les chars ont attaqué le 12 octobre le village.", "2023-10")
    assert ("ce matin", "TIME", "2023-10-12TMO", "") in got, got
    assert ("le 12 octobre", "DATE", "2023-10-12", "") in got, got
    # guards: no date in the sentence keeps the unknown day; a full anchor keeps its own day
    assert ("ce soir", "TIME", "2023-10-XXTEV", "") in records(nlp, "Le ministre parlera ce soir à la radio.", "2023-10")
    got = records(nlp, "Les chars ont attaqué le 12 octobre, et ce matin ils reviennent.", "2023-10-14")
    assert ("ce matin", "TIME", "2023-10-14TMO", "") in got, got
    # a past date of an earlier month still goes back a year only when it lies after the anchor's month
    got = records(nlp, "Les chars ont attaqué le 12 décembre le village.", "2023-10")
    assert ("le 12 décembre", "DATE", "2022-12-12", "") in got, got


def test_weekday_after_a_night_range_is_its_second_day(nlp):
    text = ("Les blindés sont entrés dans la nuit du mercredi 23 à jeudi 24 octobre. "
            "Le ministre a parlé jeudi à la radio, puis vendredi.")
    got = records(nlp, text, None)
    assert ("dans la nuit du mercredi 23 à jeudi 24 octobre", "TIME", "XXXX-10-23TNI", "") in got, got
    assert ("jeudi", "DATE", "XXXX-10-24", "") in got, got
    assert ("vendredi", "DATE", "XXXX-WXX-5", "") in got, got  # guard: another weekday stays unplaced


def test_duration_after_a_blank_line():
    text = "Par Claire Dupont, le 5 mai 2023\n\nDeux jours après, rien."
    found = [(text[c.start:c.end], c.fixed) for c in find_candidates(text)]
    assert found == [("le 5 mai 2023", None), ("Deux jours", "P2D")]


def test_no_anchor_keeps_unknown_day(nlp):
    assert ("18 h", "TIME", "XXXX-XX-XXT18:00", "") in records(nlp, "Le vote est prévu à 18 h.", None)
    assert ("hier soir", "TIME", "XXXX-XX-XXTEV", "") in records(nlp, "Il a parlé hier soir.", None)


def test_time_takes_the_last_day_of_the_text_without_publication_date(nlp):
    text = "Le jeudi 7 mars, les troupes ont avancé. Les tirs ont cessé à 4 heures du matin."
    assert ("4 heures du matin", "TIME", "XXXX-03-07T04:00", "") in records(nlp, text, None)
    # with a publication date, a time alone in its sentence stays on that day
    assert ("4 heures du matin", "TIME", "2024-03-14T04:00", "") in records(nlp, text)


def test_records_and_dates_only(nlp):
    doc = run(nlp, "Hier soir, à 22 h, les tirs ont duré deux heures. Actuellement, le calme revient.")
    recs = doc._.timexes
    types = {r["text"]: (r["type"], r["precision"]) for r in recs}
    assert types == {"Hier soir": ("TIME", "day"), "22 h": ("TIME", "day"), "deux heures": ("DURATION", ""),
                     "Actuellement": ("DATE", "")}
    kept = dates_only(recs)
    assert [(r["text"], r["type"], r["value"]) for r in kept] == [("Hier soir", "DATE", "2024-03-13")]


def test_time_gives_its_day_to_events(nlp):
    from pipeline.nlp.events.dating import timex_heads
    from pipeline.nlp.timex.component import sentence_dates

    doc = run(nlp, "Mardi soir, l'armée a bombardé le port pendant trois heures.")
    assert [v for _, v, _ in timex_heads(doc)] == ["2024-03-12"]
    assert sentence_dates(doc)[0]["value"] == "2024-03-12"


# ------------------------------------------------------------------ well-formed values

def test_validators():
    assert valid("2024-03-12TEV", "TIME") and valid("XXXX-WXX-1T14:30", "TIME") and valid("2024-03-12T24:00", "TIME")
    assert not valid("2024-03TEV", "TIME") and not valid("2024-03-12T25:00", "TIME")
    assert valid("P2Y", "DURATION") and valid("PT30.4S", "DURATION") and valid("PXD", "DURATION")
    assert valid("P1Y2M", "DURATION") and not valid("P", "DURATION") and not valid("PT", "DURATION")
    assert not valid("2Y", "DURATION") and not valid("P2Y", "DATE") and valid("PAST_REF", "DATE")
    assert valid("XXXX-WXX-4", "SET") and valid("P1M", "SET") and not valid("P1M", "TIME")


@given(st.one_of(st.none(), st.floats(min_value=0.5, max_value=5000, allow_nan=False).map(lambda x: round(x * 2) / 2)),
       st.sampled_from(["Y", "M", "W", "D", "DE", "CE", "H", "MIN", "S"]))
def test_duration_values_are_well_formed(number, unit):
    assert valid(duration_value(number, unit), "DURATION")


_WORDS = ["deux", "ans", "et", "demi", "48", "heures", "h", "14", "30", "à", "vers", "midi", "minuit", "hier",
          "soir", "matin", "dans", "la", "soirée", "nuit", "l'après-midi", "mardi", "chaque", "tous", "les", "jeudis",
          "fois", "par", "mois", "plusieurs", "jours", "ces", "derniers", "maintenant", "autrefois", "bientôt",
          "le", "30", "juin", "2024", "plus", "de", "quelques", "il y a", "aujourd'hui", "d'", "semaine", ",",
          "du", "au", "en", "fin", "début", "15", "GMT", "quotidiennement", "secondes", "30,4", "une", "heure"]
texty = st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join))
anchors = st.sampled_from([None, "2024-03-14", "2024-03", "2024", "bad"])


@settings(max_examples=300, deadline=None)
@given(texty, anchors)
def test_every_candidate_value_is_well_formed(text, anchor):
    check_candidates(text, anchor)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join), anchors)
def test_component_records_are_well_formed(nlp, text, anchor):
    for r in run(nlp, text, anchor)._.timexes:
        assert r["type"] in TYPES and valid(r["value"], r["type"]), r
        assert r["mod"] == "" or r["mod"] in MODS
        assert r["text"] == text[r["start_char"]:r["end_char"]]
