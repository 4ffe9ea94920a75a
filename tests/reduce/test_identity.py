"""Corpus-level identity (pipeline/reduce/identity.py): a short form joins the one full name
of the corpus; ambiguity keeps it apart; the result does not depend on document order."""
from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.analysis.extract import DocResult
from pipeline.ingest.readers import Document
from pipeline.nlp.gazetteer import build, parse_entries
from pipeline.reduce.identity import corpus_identity
from pipeline.reduce.tables import build_tables

GAZ = build(parse_entries([
    {"id": "gulf-of-finland", "label": "golfe de Finlande", "type": "LOC", "aliases": ["golfe de Finlande"]},
    {"id": "kaja-kallas", "label": "Kaja Kallas", "type": "PER", "aliases": ["Kaja Kallas"]},
]))
HEADS = {"mer", "golfe", "lac"}
PARTICLES = {"de", "du", "des"}


def _ident(labels):
    return corpus_identity({k: Counter(v) for k, v in labels.items()}, GAZ, heads=HEADS, particles=PARTICLES)


def test_surname_joins_the_one_full_name_of_the_corpus():
    m = _ident({"angela-rayner": {"PER": 2}, "rayner": {"PER": 5}, "keir-starmer": {"PER": 1}})
    assert m == {"rayner": "angela-rayner"}


def test_surname_shared_by_two_people_stays_apart():
    m = _ident({"ed-miliband": {"PER": 1}, "david-miliband": {"PER": 1}, "miliband": {"PER": 3}})
    assert "miliband" not in m


def test_surname_of_a_gazetteer_person_seen_in_the_corpus():
    assert _ident({"kaja-kallas": {"PER": 1}, "kallas": {"PER": 2}}) == {"kallas": "kaja-kallas"}
    # a gazetteer person the corpus never names is not a candidate
    assert _ident({"kallas": {"PER": 2}}) == {}


def test_word_that_is_mostly_not_a_person_does_not_join_a_surname():
    # "Jordan" mostly tagged LOC: not the surname of "Michael Jordan"
    assert _ident({"michael-jordan": {"PER": 1}, "jordan": {"LOC": 4, "PER": 1}}) == {}
    assert _ident({"michael-jordan": {"PER": 1}, "jordan": {"LOC": 1, "PER": 2}}) == {"jordan": "michael-jordan"}


@settings(max_examples=30, deadline=None)
@given(st.permutations(["angela-rayner", "rayner", "keir-starmer", "starmer", "ed-miliband", "david-miliband",
                        "miliband", "lac-tchad", "tchad", "craft-rafale", "rafale", "kaja-kallas", "kallas"]))
def test_identity_does_not_depend_on_the_order_of_actors(order):
    labels = {"rafale": {"MISC": 1}, "craft-rafale": {"MISC": 1}, "lac-tchad": {"LOC": 1}, "tchad": {"LOC": 2}}
    base = {aid: labels.get(aid, {"PER": 1}) for aid in sorted(order)}
    shuffled = {aid: labels.get(aid, {"PER": 1}) for aid in order}
    assert _ident(shuffled) == _ident(base)


def test_short_name_joins_its_name_with_a_generic_head_or_a_number():
    m = _ident({"lac-tchad": {"LOC": 1}, "tchad": {"LOC": 1}, "h5n1-2024": {"MISC": 1},
                "mers-2012": {"MISC": 2}, "mers": {"PER": 1}, "finlande": {"LOC": 1},
                "gulf-of-finland": {"LOC": 1}})
    assert m["tchad"] == "lac-tchad" and m["mers"] == "mers-2012"
    assert m["finlande"] == "gulf-of-finland"


def test_craft_named_alone_joins_the_craft_named_with_its_classifier():
    m = _ident({"craft-rafale": {"MISC": 1}, "rafale": {"MISC": 2}, "craft-marianne": {"MISC": 1},
                "marianne": {"PER": 3}})
    assert m == {"rafale": "craft-rafale"}


def test_two_long_names_for_one_short_form_keep_it_apart():
    m = _ident({"mer-caspienne": {"LOC": 1}, "lac-caspienne": {"LOC": 1}, "caspienne": {"LOC": 1}})
    assert m == {}


def test_gazetteer_ids_and_long_names_are_never_remapped():
    m = _ident({"kaja-kallas": {"PER": 1}, "jean-kallas": {"PER": 1}, "kallas": {"PER": 1}})
    assert "kaja-kallas" not in m and "jean-kallas" not in m and "kallas" not in m


def test_scales_with_thousands_of_actors():
    labels = {f"prenom{i}-nom{i}": Counter(PER=1) for i in range(5000)}
    labels.update({f"nom{i}": Counter(PER=1) for i in range(5000)})
    m = corpus_identity(labels, GAZ)
    assert len(m) == 5000 and m["nom4321"] == "prenom4321-nom4321"


# -- through the reduce step ------------------------------------------------------------

def _res(doc_id, mentions):
    d = Document(doc_id=doc_id, source=doc_id + ".txt", text="x", published="2024-01-0" + doc_id[-1],
                 published_precision="day")
    r = DocResult(d, n_tokens=10)
    for sid, (aid, text, label) in enumerate(mentions):
        r.mentions.append({"doc_id": doc_id, "sentence_id": sid, "start_char": sid * 10, "end_char": sid * 10 + 3,
                           "text": text, "label": label, "actor_id": aid})
    return r


DOCS = [
    _res("d1", [("angela-rayner", "Angela Rayner", "PER"), ("keir-starmer", "Keir Starmer", "PER")]),
    _res("d2", [("rayner", "Rayner", "PER"), ("starmer", "Starmer", "PER")]),
    _res("d3", [("ed-miliband", "Ed Miliband", "PER"), ("miliband", "Miliband", "PER")]),
    _res("d4", [("david-miliband", "David Miliband", "PER"), ("lac-tchad", "lac Tchad", "LOC")]),
    _res("d5", [("tchad", "Tchad", "LOC"), ("miliband", "Miliband", "PER"), ("rayner", "Rayner", "PER")]),
]


def test_reduce_joins_short_forms_in_mentions_and_actors():
    t = build_tables(DOCS, GAZ)
    ids = set(t.actors["actor_id"])
    assert {"rayner", "starmer", "tchad"}.isdisjoint(ids)
    assert "miliband" in ids
    a = t.actors.set_index("actor_id")
    assert a.loc["angela-rayner", "n_mentions"] == 3 and a.loc["angela-rayner", "n_documents"] == 3
    assert a.loc["angela-rayner", "label"] == "Angela Rayner"  # the full name, though "Rayner" is more frequent
    assert set(t.mentions.loc[t.mentions["text"] == "Starmer", "actor_id"]) == {"keir-starmer"}


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffling_documents_gives_the_same_actors(rnd: random.Random):
    docs = list(DOCS)
    rnd.shuffle(docs)
    expected = build_tables(DOCS, GAZ).actors
    got = build_tables(docs, GAZ).actors
    assert got.equals(expected)


# -- last words of a longer name (issue #17) --------------------------------------------

def test_last_words_of_one_longer_name_join_it():
    m = _ident({"jean-pierre-bemba-gombo": {"PER": 1}, "bemba-gombo": {"PER": 3}, "ngoy-kasongo": {"PER": 2}})
    assert m == {"bemba-gombo": "jean-pierre-bemba-gombo"}


def test_last_words_shared_by_two_longer_names_stay_apart():
    m = _ident({"ali-ben-salah": {"PER": 1}, "omar-ben-salah": {"PER": 1}, "ben-salah": {"PER": 2}})
    assert "ben-salah" not in m


def test_last_words_of_a_place_do_not_join():
    # "Saint Louis" mostly a place: not a person's tail
    m = _ident({"jean-saint-louis": {"PER": 1}, "saint-louis": {"LOC": 3}})
    assert m == {}


def test_a_name_that_is_the_tail_of_a_longer_one_is_no_second_owner():
    m = _ident({"awa-diallo-sy": {"PER": 1}, "diallo-sy": {"PER": 1}, "sy": {"PER": 4}})
    assert m == {"diallo-sy": "awa-diallo-sy", "sy": "awa-diallo-sy"}


@settings(max_examples=30, deadline=None)
@given(st.permutations(["awa-diallo-sy", "diallo-sy", "sy", "ali-ben-salah", "omar-ben-salah", "ben-salah",
                        "jean-pierre-bemba-gombo", "bemba-gombo", "saint-louis", "jean-saint-louis"]))
def test_tail_joining_does_not_depend_on_the_order_of_actors(order):
    labels = {"saint-louis": {"LOC": 3}}
    base = {aid: labels.get(aid, {"PER": 1}) for aid in sorted(order)}
    shuffled = {aid: labels.get(aid, {"PER": 1}) for aid in order}
    assert _ident(shuffled) == _ident(base)


# -- acronyms (issue #17) -----------------------------------------------------------------

def test_acronym_joins_the_one_name_the_corpus_defines_it_as():
    labels = {"parti-des-verts-unis": {"ORG": 1}, "pvu": {"ORG": 4}}
    m = corpus_identity({k: Counter(v) for k, v in labels.items()}, GAZ,
                        acronyms={"pvu": {"parti-des-verts-unis"}})
    assert m == {"pvu": "parti-des-verts-unis"}


def test_acronym_defined_as_two_names_stays_apart():
    labels = {"union-des-pecheurs": {"ORG": 1}, "union-des-paysans": {"ORG": 1}, "udp": {"ORG": 3}}
    m = corpus_identity({k: Counter(v) for k, v in labels.items()}, GAZ,
                        acronyms={"udp": {"union-des-pecheurs", "union-des-paysans"}})
    assert "udp" not in m


def _acr(doc_id, rows):
    r = _res(doc_id, [])
    for sid, (aid, text, label, rule) in enumerate(rows):
        r.mentions.append({"doc_id": doc_id, "sentence_id": sid, "start_char": sid * 10, "end_char": sid * 10 + 3,
                           "text": text, "label": label, "actor_id": aid, "actor_rule": rule})
    return r


ACR_DOCS = [
    _acr("d1", [("parti-des-verts-unis", "Parti des verts unis", "ORG", "key"),
                ("parti-des-verts-unis", "PVU", "ORG", "acronym")]),
    _acr("d2", [("pvu", "PVU", "ORG", "key"), ("pvu", "PVU", "ORG", "key")]),
    _acr("d3", [("pvu", "PVU", "ORG", "key"), ("kaja-kallas", "Kaja Kallas", "PER", "alias")]),
]


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_acronym_joined_through_the_reduce_step_whatever_the_order(rnd: random.Random):
    docs = list(ACR_DOCS)
    rnd.shuffle(docs)
    t = build_tables(docs, GAZ)
    assert "pvu" not in set(t.actors["actor_id"])
    assert t.actors.set_index("actor_id").loc["parti-des-verts-unis", "n_mentions"] == 5
    assert t.actors.equals(build_tables(ACR_DOCS, GAZ).actors)


def test_spellings_of_one_name_join_the_most_mentioned():
    m = _ident({"youssef-al-qaradawi": {"PER": 4}, "youssef-el-karadaoui": {"PER": 1}, "qaradawi": {"PER": 2}})
    assert m == {"youssef-el-karadaoui": "youssef-al-qaradawi", "qaradawi": "youssef-al-qaradawi"}


def test_a_surname_spelt_otherwise_joins_the_one_full_name():
    m = _ident({"ahmed-chah-massoud": {"PER": 3}, "massoude": {"PER": 1}})
    assert m == {"massoude": "ahmed-chah-massoud"}


def test_a_surname_after_two_spellings_of_one_person_joins_them():
    m = _ident({"ali-hassan-dagalo": {"PER": 1}, "ali-hasan-dagalo": {"PER": 2}, "dagalo": {"PER": 1}})
    assert m == {"ali-hassan-dagalo": "ali-hasan-dagalo", "dagalo": "ali-hasan-dagalo"}


def test_spelling_of_a_gazetteer_name_joins_it():
    assert _ident({"kaja-kallas": {"PER": 1}, "kaja-kalas": {"PER": 2}}) == {"kaja-kalas": "kaja-kallas"}


def test_names_that_differ_by_more_than_spelling_stay_apart():
    assert _ident({"saad-hariri": {"PER": 1}, "said-hariri": {"PER": 1}}) == {}


@settings(max_examples=40, deadline=None)
@given(st.permutations(["ali-hassan-dagalo", "ali-hasan-dagalo", "dagalo", "youssef-al-qaradawi",
                        "youssef-el-karadaoui", "saad-hariri", "said-hariri", "hariri"]))
def test_spelling_identity_does_not_depend_on_order(order):
    assert _ident({aid: {"PER": 1} for aid in order}) == _ident({aid: {"PER": 1} for aid in sorted(order)})


def test_a_tail_shared_by_a_name_and_the_name_with_a_middle_name_joins():
    m = _ident({"omar-hassan-al-bachir": {"PER": 1}, "omar-al-bachir": {"PER": 1}, "al-bachir": {"PER": 1}})
    assert m.get("al-bachir") == "omar-hassan-al-bachir"
    m = _ident({"omar-hassan-al-bachir": {"PER": 1}, "ali-al-bachir": {"PER": 1}, "al-bachir": {"PER": 1}})
    assert "al-bachir" not in m


def test_a_name_without_its_middle_name_joins_the_one_full_name():
    m = _ident({"ana-maria-popescu": {"PER": 2}, "ana-popescu": {"PER": 3}})
    assert m == {"ana-popescu": "ana-maria-popescu"}
    m = _ident({"ana-maria-popescu": {"PER": 1}, "ana-elena-popescu": {"PER": 1}, "ana-popescu": {"PER": 1}})
    assert "ana-popescu" not in m


def test_an_organisation_written_in_another_word_order_is_one_name():
    m = _ident({"front-democratique-uni": {"ORG": 4}, "front-uni-democratique": {"ORG": 1}})
    assert m == {"front-uni-democratique": "front-democratique-uni"}


def test_a_person_written_in_another_word_order_stays_apart():
    assert _ident({"ali-hassan-nur": {"PER": 2}, "hassan-ali-nur": {"PER": 2}}) == {}


def test_an_acronym_joins_its_name_written_in_two_word_orders():
    m = corpus_identity({"front-democratique-uni": Counter(ORG=3), "front-uni-democratique": Counter(ORG=1),
                         "fdu": Counter(ORG=2)}, GAZ, heads=HEADS, particles=PARTICLES,
                        acronyms={"fdu": ["front-democratique-uni", "front-uni-democratique"]})
    assert m["fdu"] == m.get("front-uni-democratique") == "front-democratique-uni"
