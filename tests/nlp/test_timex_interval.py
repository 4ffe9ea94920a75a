"""Interval anchors: resolving relative expressions when the publication date is known only
to the month or the year (pipeline/nlp/timex/anchors.py, landmarks.py, component.py, models/dated_events.yaml).

The sentences below were written for these tests.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.timex.rules import (_DatedEvents, anchor_dependent, anchor_period, dated_events, event_evidence,
                                  event_matches, events_between, find_candidates, format_interval, literal_gate,
                                  max_interval_days, parse_interval, resolve, resolve_in_interval)
from tests.conftest import parse

D = dt.date


def cand(text: str):
    (c,) = find_candidates(text)
    return c


# ------------------------------------------------------------------ consensus resolution
def test_weekday_resolves_when_every_feasible_day_agrees():
    # Thursday 24 .. Monday 28 February 2022: "jeudi" in a past sentence is the 24th from each
    r = resolve_in_interval(cand("jeudi"), D(2022, 2, 24), D(2022, 2, 28), "past")
    assert (r.value, r.precision, r.rule, r.anchor) == (
        "2022-02-24", "day", "weekday_past_interval", "2022-02-24/2022-02-28")
    assert r.anchor_used and r.kind == "relative"


def test_interval_string_is_an_anchor_too():
    r = resolve(cand("jeudi"), "2022-02-24/2022-02-28", "past")
    assert (r.value, r.rule, r.anchor) == ("2022-02-24", "weekday_past_interval", "2022-02-24/2022-02-28")


def test_disagreeing_days_keep_the_unknown_parts():
    # over the whole month every Thursday is possible
    r = resolve_in_interval(cand("jeudi"), D(2022, 2, 1), D(2022, 2, 28), "past")
    assert (r.value, r.rule, r.anchor) == ("XXXX-WXX-4", "weekday_unresolved", "")
    # "ce vendredi" is the 25th from Thursday to Sunday, but 4 March from Monday 28
    r = resolve_in_interval(cand("ce vendredi"), D(2022, 2, 24), D(2022, 2, 28))
    assert (r.value, r.rule) == ("XXXX-WXX-5", "weekday_unresolved")
    # "hier" over a month: that month (30 days of 31 give it); over two halves of two months: nothing
    assert resolve_in_interval(cand("hier"), D(2018, 10, 1), D(2018, 10, 31)).value == "2018-10-XX"
    assert resolve_in_interval(cand("hier"), D(2018, 9, 17), D(2018, 10, 16)).value == "2018-XX-XX"
    r = resolve_in_interval(cand("ce vendredi"), D(2022, 2, 24), D(2022, 2, 27))
    assert (r.value, r.rule) == ("2022-02-25", "weekday_this_interval")
    r = resolve_in_interval(cand("hier"), D(2022, 2, 24), D(2022, 2, 25))
    assert r.value == "2022-02-XX" and r.rule.endswith("_partial")


def test_other_relative_expressions():
    # Monday 21 .. Sunday 27 February 2022 is ISO week 8
    r = resolve_in_interval(cand("la semaine dernière"), D(2022, 2, 21), D(2022, 2, 27))
    assert (r.value, r.precision, r.rule) == ("2022-W07", "week", "relative_week_interval")
    r = resolve_in_interval(cand("hier"), D(2022, 3, 1), D(2022, 3, 1))
    assert (r.value, r.rule, r.anchor) == ("2022-02-28", "relative_day_interval", "2022-03-01/2022-03-01")
    r = resolve_in_interval(cand("le mois dernier"), D(2024, 12, 8), D(2024, 12, 31), coarse="2024")
    assert (r.value, r.precision, r.rule) == ("2024-11", "month", "relative_month_interval")


def test_a_value_the_coarse_anchor_already_knows_keeps_its_rule():
    r = resolve_in_interval(cand("cette année"), D(2022, 2, 24), D(2022, 2, 28))
    assert (r.value, r.rule, r.anchor) == ("2022", "relative_year", "")
    r = resolve_in_interval(cand("le 3 mars 2022"), D(2022, 2, 24), D(2022, 2, 28))
    assert (r.value, r.rule) == ("2022-03-03", "date_full")
    assert not anchor_dependent(cand("le 3 mars 2022")) and anchor_dependent(cand("le 3 mars"))


def test_long_intervals_are_not_tried():
    assert max_interval_days() == 31
    # 32 days: no consensus attempted, even for an expression every day would agree on
    r = resolve_in_interval(cand("cette semaine"), D(2022, 1, 1), D(2022, 2, 1))
    assert r.value == "XXXX-WXX"


def test_no_anchor_and_day_anchor_are_unchanged():
    c = cand("jeudi")
    assert resolve(c, None, "past").value == "XXXX-WXX-4"
    r = resolve(c, "2022-02-25", "past")
    assert (r.value, r.rule) == ("2022-02-24", "weekday_past")
    assert resolve(c, "2022-02", "past").value == "XXXX-WXX-4"
    assert anchor_period(None) is None and anchor_period("2022-02-25") is None
    assert anchor_period("2022-02-24/2022-02-28") is None


def test_periods_and_interval_strings():
    assert anchor_period("2024-02") == (D(2024, 2, 1), D(2024, 2, 29))
    assert anchor_period("2023") == (D(2023, 1, 1), D(2023, 12, 31))
    assert parse_interval("2022-02-24/2022-02-28") == (D(2022, 2, 24), D(2022, 2, 28))
    for bad in ("2022-02-28/2022-02-24", "2022-02-30/2022-03-01", "2022-02/2022-03", "2022-02-24", None, ""):
        assert parse_interval(bad) is None, bad
    assert format_interval(D(2022, 2, 24), D(2022, 2, 28)) == "2022-02-24/2022-02-28"
    # a malformed interval falls back to the old reading of its first date
    assert resolve(cand("hier"), "2022-02-24/bad").value == "2022-02-23"


_EXPRS = ["jeudi", "ce lundi", "dimanche dernier", "mardi prochain", "hier", "demain", "aujourd'hui",
          "avant-hier", "cette semaine", "la semaine prochaine", "le week-end dernier", "le mois dernier",
          "ce mois-ci", "il y a trois jours", "dans deux semaines", "en octobre", "le 30 septembre",
          "l'an dernier", "cet été", "du lundi au mercredi"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_EXPRS), st.dates(D(2014, 1, 1), D(2026, 12, 31)), st.integers(0, 40),
       st.sampled_from([None, "past", "present", "future"]))
def test_consensus_is_sound(expr, lo, width, tense):
    """An ``_interval`` value is what every feasible day gives; otherwise the coarse value."""
    for c in find_candidates(expr):
        hi = lo + dt.timedelta(days=width)
        r = resolve_in_interval(c, lo, hi, tense)
        if r is None:
            continue
        per_day = {resolve(c, (lo + dt.timedelta(days=i)).isoformat(), tense).value for i in range(width + 1)}
        if r.rule.endswith("_partial"):  # the parts most feasible days give
            days = [resolve(c, (lo + dt.timedelta(days=i)).isoformat(), tense).value for i in range(width + 1)]
            assert len(per_day) > 1 and re.match(r"^\d{4}-(\d\d-XX|XX-XX|WXX)", r.value), r.value
            assert 2 * sum(v.startswith(r.value[:4]) for v in days) > len(days)
            if re.match(r"^\d{4}-\d\d-XX", r.value):
                assert 2 * sum(v.startswith(r.value[:7]) for v in days) > len(days)
        elif r.rule.endswith("_interval"):
            assert width + 1 <= max_interval_days()
            assert per_day == {r.value} and r.anchor == format_interval(lo, hi)
            assert "X" not in r.value or r.value == resolve(c, lo.isoformat(), tense).value
        else:
            coarse = f"{lo.year:04d}-{lo.month:02d}" if (lo.year, lo.month) == (hi.year, hi.month) else (
                f"{lo.year:04d}" if lo.year == hi.year else None)
            assert r.value == resolve(c, coarse, tense).value


# ------------------------------------------------------------------ the gazetteer
def test_gazetteer_invariants():
    db = dated_events()
    assert 40 <= len(db.events) <= 80
    ids = [ev.id for ev in db.events]
    assert len(ids) == len(set(ids))
    for ev in db.events:
        assert re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", ev.id), ev.id
        assert D(2014, 1, 1) <= ev.date <= D(2026, 12, 31), ev.id
        assert ev.description and ev.cues and ev.example, ev.id
        assert all(isinstance(p, re.Pattern) for p in ev.cues + ev.unless + ev.context)
    assert list(db.events) == sorted(db.events, key=lambda ev: (ev.date, ev.id))


def test_gazetteer_file_is_plain_data():
    import yaml

    from pipeline.paths import model_file

    raw = yaml.safe_load(model_file("dated_events.yaml").read_text(encoding="utf-8"))
    for e in raw["events"]:
        assert isinstance(e["date"], str) and dt.date.fromisoformat(e["date"]), e["id"]
        for cue in e["cues"]:
            assert isinstance(cue, str) and cue.strip()


@pytest.mark.parametrize("ev", dated_events().events, ids=lambda ev: ev.id)
def test_each_event_example_yields_the_event(ev):
    assert event_matches(ev.example, ev), ev.example
    found = event_evidence(ev.example, ev.date, ev.date)
    assert ev.id in [e.id for e in found]


# Sentences that mention an event before it happened, as a hypothesis, negated, or as a
# question: none may count as evidence. True in the second column: a cue regex matches the
# raw sentence, and it is the guards (or `unless`) that reject it.
SPECULATIVE = [
    ("Une invasion de l'Ukraine est imminente, selon Washington.", False),
    ("Après l'invasion de l'Ukraine, l'Otan devra renforcer son flanc est.", True),
    ("Si la Russie a envahi l'Ukraine d'ici mardi, les sanctions tomberont.", True),
    ("La Russie n'a pas envahi l'Ukraine, affirme le Kremlin.", False),
    ("Pourquoi dire que Moscou a attaqué l'Ukraine ?", True),
    ("La Russie avait envahi l'Ukraine en 2014 déjà, rappelle l'historien.", True),
    ("Le sommet de Vilnius se tiendra les 11 et 12 juillet.", False),
    ("Après le sommet de Vilnius, l'Ukraine espère une invitation.", True),
    ("À l'issue du sommet de l'Otan à Madrid, les alliés publieront un nouveau concept stratégique.", True),
    ("Au lendemain du sommet de l'Otan à Washington, les alliés se retrouveront à La Haye.", True),
    ("L'activation des plans de défense de l'Alliance est envisagée.", True),
    ("L'Otan pourrait activer ses plans de défense si la Russie attaque.", False),
    ("Les plans de défense n'ont jamais été activés jusqu'ici.", False),
    ("L'Otan va procéder à l'activation de ses plans de défense.", True),
    ("La Finlande va rejoindre l'Otan dans les prochains mois.", False),
    ("La Suède deviendra le 32e membre de l'Otan.", True),
    ("La Suède pourrait devenir le 32e membre de l'Alliance dès cet été.", True),
    ("La Suède, futur 32e membre de l'Otan, attend le vote du Parlement hongrois.", True),
    ("La Finlande est sur le point de devenir le 31e membre de l'Alliance.", False),
    ("Une éventuelle libération de Kherson changerait la donne.", False),
    ("Après la chute de Bakhmout, que fera Wagner ?", True),
    ("La chute de Bakhmout est imminente.", False),
    ("Une mutinerie de Wagner est-elle possible ?", True),
    ("Prigojine menace Moscou d'une rébellion de Wagner.", True),
    ("La destruction du barrage de Kakhovka provoquerait une catastrophe.", True),
    ("Kiev craint une attaque de drones contre le Kremlin mise en scène par Moscou.", True),
    ("Un mandat d'arrêt contre Vladimir Poutine est possible, estime un juriste.", True),
    ("Trump pourrait être élu en novembre.", False),
    ("Après l'élection de Donald Trump, l'Europe devra payer davantage.", True),
    ("Au lendemain de la mobilisation partielle, les frontières seraient fermées.", True),
    ("Après l'annexion de la Crimée, l'Ukraine ne reconnaîtra jamais la perte.", True),
    ("En 2008, Moscou a reconnu l'indépendance des républiques séparatistes d'Abkhazie et d'Ossétie du Sud.", True),
    ("La perte du croiseur Moskva serait un coup dur pour la flotte.", True),
    ("Le sabotage de Nord Stream est un scénario étudié par les services.", True),
    ("Si Assad a fui, la Russie perdra ses bases.", True),
    ("Que se passera-t-il après l'investiture de Donald Trump ?", True),
    ("Depuis l'invasion russe de l'Afghanistan, Moscou se méfie des guerres longues.", True),
    ("La Turquie a obtenu le statut de candidat bien avant l'Ukraine.", True),
    ("Les Européens redoutent une incursion ukrainienne dans la région de Koursk.", True),
    ("Le protocole de Minsk pourrait être signé vendredi.", True),
]


@pytest.mark.parametrize("sentence,raw", SPECULATIVE)
def test_speculative_sentences_are_not_evidence(sentence, raw):
    db = dated_events()
    assert event_evidence(sentence, D(2014, 1, 1), D(2026, 12, 31)) == []
    text = sentence.replace("’", "'")
    assert any(cue.search(text) for ev in db.events for cue in ev.cues) == raw


def test_only_events_inside_the_period_count():
    text = "Depuis l'invasion de l'Ukraine, les prix du gaz ont doublé."
    (e,) = event_evidence(text, D(2022, 2, 1), D(2022, 2, 28))
    assert (e.source, e.id, e.date, text[e.start:e.end]) == (
        "dated_event", "russia-full-scale-invasion", D(2022, 2, 24), e.text)
    assert e.as_dict()["date"] == "2022-02-24"
    assert event_evidence(text, D(2022, 3, 1), D(2022, 3, 31)) == []  # an earlier month
    assert event_evidence(text, D(2022, 1, 1), D(2022, 1, 31)) == []  # contradicts the date
    assert event_evidence("", D(2022, 2, 1), D(2022, 2, 28)) == []


def test_latest_only_stops_at_the_latest_event_found():
    text = ("Depuis l'invasion de l'Ukraine, l'Europe se réarme. "
            "La Zeitenwende annoncée par Olaf Scholz a surpris ses partenaires.")
    both = event_evidence(text, D(2022, 2, 1), D(2022, 2, 28))
    assert [e.id for e in both] == ["russia-full-scale-invasion", "scholz-zeitenwende"]
    assert [e.id for e in event_evidence(text, D(2022, 2, 1), D(2022, 2, 28), latest_only=True)] == [
        "scholz-zeitenwende"]
    assert [ev.id for ev in events_between(D(2022, 2, 24), D(2022, 2, 24))] == [
        "nato-defence-plans-activated", "russia-full-scale-invasion"]


def test_literal_gates_are_sound():
    assert literal_gate(r"\b(?:la )?suède (?:a|avait) rejoint") == " rejoint"
    assert literal_gate(r"(?:x|y)") == "" and literal_gate(r"(?:abc)?de") == "de"
    assert literal_gate(r"\bMH ?17\b") == "17"
    # every match of a cue contains its gate, on every sentence of this file
    texts = [ev.example for ev in dated_events().events] + [s for s, _ in SPECULATIVE]
    for ev in dated_events().events:
        assert len(ev.gates) == len(ev.cues)
        for cue, gate in zip(ev.cues, ev.gates):
            for text in texts:
                for m in cue.finditer(text.replace("’", "'")):
                    assert gate in m.group(0).lower(), (ev.id, cue.pattern, gate)


def test_typographic_apostrophes_and_spaces():
    text = "Depuis l’invasion de l’Ukraine,\u00a0les prix ont doublé."
    assert [e.id for e in event_evidence(text, D(2022, 2, 1), D(2022, 2, 28))] == ["russia-full-scale-invasion"]


@pytest.mark.parametrize("data,msg", [
    ({"events": [{"id": "a", "date": "2022-02-30", "description": "x", "cues": ["x"]}]}, "date"),
    ({"events": [{"id": "a", "date": "2022-02-24", "description": "x", "cues": ["(x"]}]}, "bad regex"),
    ({"events": [{"id": "a", "date": "2022-02-24", "description": "x", "cues": ["x"]},
                 {"id": "a", "date": "2022-02-25", "description": "y", "cues": ["y"]}]}, "duplicate"),
    ({"events": [{"id": "a", "date": "2022-02-24", "description": "x", "cues": []}]}, "no cue"),
    ({"events": [{"id": "a", "date": "2022-02-24", "description": "x", "cues": ["x"], "when": 1}]}, "unknown"),
    ({"events": [{"id": "A b", "date": "2022-02-24", "description": "x", "cues": ["x"]}]}, "id"),
])
def test_loader_rejects_bad_entries(data, msg):
    with pytest.raises(ValueError, match=msg):
        _DatedEvents(data)


def test_loader_expands_macros():
    db = _DatedEvents({"macros": {"AFTER": "depuis (?:le |la |l')"},
                       "events": [{"id": "e", "date": "2022-02-24", "description": "x", "cues": ["<AFTER>guerre"]}]})
    assert db.events[0].cues[0].pattern == "depuis (?:le |la |l')guerre"


# ------------------------------------------------------------------ through the spaCy component
@pytest.fixture(scope="module")
def doc_of(nlp):
    def run(text, anchor):
        return parse(nlp, text, anchor)
    return run


def _tx(doc, text):
    (rec,) = [r for r in doc._.timexes if r["text"] == text]
    return rec


# the NATO summit in The Hague opened on Tuesday 24 June 2025; June ends on Monday 30
HAGUE = ("Depuis le sommet de l'Otan à La Haye, les alliés ont relevé leurs budgets militaires. "
         "Mardi, Mark Rutte avait salué un accord historique.")
HAGUE_SPECULATIVE = ("Le sommet de l'Otan à La Haye pourrait relever les budgets militaires. "
                     "Mardi, Mark Rutte avait salué un accord historique.")


def test_end_to_end_event_evidence(doc_of):
    doc = doc_of(HAGUE, "2025-06")
    rec = _tx(doc, "Mardi")
    assert (rec["value"], rec["precision"], rec["rule"], rec["anchor"]) == (
        "2025-06-24", "day", "weekday_past_interval", "2025-06-24/2025-06-30")
    info = doc._.anchor_interval
    assert info["anchor"] == "2025-06" and info["period"] == "2025-06-01/2025-06-30"
    assert info["interval"] == "2025-06-24/2025-06-30"
    assert [(e["source"], e["id"], e["date"]) for e in info["evidence"]] == [
        ("dated_event", "nato-hague-summit", "2025-06-24")]
    ev = info["evidence"][0]
    assert doc.text[ev["start_char"]:ev["end_char"]] == ev["text"]


def test_end_to_end_without_evidence_or_anchor(doc_of):
    doc = doc_of(HAGUE_SPECULATIVE, "2025-06")
    assert _tx(doc, "Mardi")["value"] == "XXXX-WXX-2"
    assert doc._.anchor_interval["interval"] == "2025-06-01/2025-06-30"
    doc = doc_of(HAGUE, None)  # no publication date: never guess
    assert _tx(doc, "Mardi")["value"] == "XXXX-WXX-2" and doc._.anchor_interval is None


def test_end_to_end_day_anchor_unchanged(doc_of):
    doc = doc_of(HAGUE, "2025-06-26")
    rec = _tx(doc, "Mardi")
    assert (rec["value"], rec["rule"], rec["anchor"]) == ("2025-06-24", "weekday_past", "2025-06-26")
    assert doc._.anchor_interval is None


def test_end_to_end_year_anchor(doc_of):
    text = ("Depuis la chute de Bachar al-Assad, la Russie a réduit sa présence à Tartous. "
            "Le mois dernier, Moscou avait déjà retiré plusieurs navires.")
    rec = _tx(doc_of(text, "2024"), "Le mois dernier")
    assert (rec["value"], rec["rule"], rec["anchor"]) == (
        "2024-11", "relative_month_interval", "2024-12-08/2024-12-31")
    assert _tx(doc_of(text, "2023"), "Le mois dernier")["value"] == "XXXX-XX"


# an explicit date of the period governed by an asserted past verb is a lower bound too;
# 28 March 2022 is a Monday, the month ends on Thursday 31
PAST_DATE = "Le 28 mars 2022, le ministre a rencontré son homologue polonais. Dimanche, il avait visité Lviv."


def test_end_to_end_text_date_bound(doc_of):
    doc = doc_of(PAST_DATE, "2022-03")
    assert _tx(doc, "Dimanche")["value"] == "2022-03-27"
    assert _tx(doc, "Dimanche")["anchor"] == "2022-03-28/2022-03-31"
    assert [(e["source"], e["date"], e["text"]) for e in doc._.anchor_interval["evidence"]] == [
        ("text_date", "2022-03-28", "Le 28 mars 2022")]


@pytest.mark.parametrize("first", [
    "Le ministre a convoqué pour le 28 mars 2022 un sommet régional.",   # a plan
    "Le sommet devait se tenir le 28 mars 2022 à Varsovie.",             # a plan in the past
    "Si le ministre avait rencontré le 28 mars 2022 son homologue, tout aurait changé.",
    "Le ministre n'a pas rencontré le 28 mars 2022 son homologue polonais.",
    "Le ministre a-t-il rencontré le 28 mars 2022 son homologue polonais ?",
    "Le ministre rencontrera le 28 mars 2022 son homologue polonais.",
    "Le ministre a reporté au 28 mars 2022 sa rencontre avec son homologue.",
])
def test_end_to_end_no_text_date_bound(doc_of, first):
    doc = doc_of(first + " Dimanche, il avait visité Lviv.", "2022-03")
    assert doc._.anchor_interval["evidence"] == []
    assert _tx(doc, "Dimanche")["value"] == "XXXX-WXX-7"
