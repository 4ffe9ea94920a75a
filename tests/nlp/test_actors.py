"""The actor layer on sentences written for each rule."""
from contextlib import contextmanager

import pytest

from tests.conftest import parse


def _ids(nlp, text, anchor=None):
    doc = parse(nlp, text, anchor)
    return [(e.text, e._.actor_id) for e in doc.ents], doc


@pytest.mark.parametrize("text,expected", [
    ("L’OTAN a réagi.", ("OTAN", "nato")),
    ("Selon l'Otan, rien n'a changé.", ("Otan", "nato")),
    ("La décision de L'OTAN surprend.", ("OTAN", "nato")),
    ("Les dirigeants de la Nato se réunissent.", ("Nato", "nato")),
    ("Les ministres de l'Organisation du traité de l'Atlantique nord discutent.",
     ("Organisation du traité de l'Atlantique nord", "nato")),
    ("Des soldats de l'Alliance atlantique sont arrivés.", ("Alliance atlantique", "nato")),
    ("Les Etats-Unis et l'Allemagne hésitent.", ("Etats-Unis", "united-states")),
])
def test_elision_case_and_accents_give_one_actor(nlp, text, expected):
    ents, _ = _ids(nlp, text)
    assert expected in ents


@contextmanager
def metonymy(nlp, on):
    linker = nlp.get_pipe("actorgraph_actor_linker")
    old = linker.metonymy
    linker.metonymy = on
    try:
        yield
    finally:
        linker.metonymy = old


def test_metonymy_on_maps_capitals_and_seats_to_states(nlp):
    ents, _ = _ids(nlp, "Moscou a averti Washington, et le Kremlin a menacé Kiev.")
    assert dict(ents) == {"Moscou": "russia", "Washington": "united-states", "Kremlin": "russia",
                          "Kiev": "ukraine"}


def test_metonymy_off_keeps_cities_and_seats(nlp):
    with metonymy(nlp, False):
        ents, _ = _ids(nlp, "Moscou a averti Washington, et le Kremlin a menacé Kiev.")
    d = dict(ents)
    assert d["Moscou"] == "moscow" and d["Kremlin"] == "kremlin" and d["Kiev"] == "kyiv"
    assert d["Washington"] != "united-states"


def test_capital_used_as_a_place_stays_the_city(nlp):
    ents, _ = _ids(nlp, "Le sommet se tiendra à Vilnius en juillet.")
    assert ("Vilnius", "vilnius") in ents


def test_brussels_is_never_a_metonym(nlp):
    ents, _ = _ids(nlp, "Bruxelles a refusé la demande de Varsovie.")
    assert ("Bruxelles", "brussels") in ents


def test_entity_swallowing_a_name_is_split(nlp):
    ents, _ = _ids(nlp, "Le secrétaire général de l'OTAN Jens Stoltenberg a parlé aux journalistes.")
    assert ("OTAN", "nato") in ents and ("Jens Stoltenberg", "jens-stoltenberg") in ents
    assert all("OTAN Jens" not in t for t, _ in ents)


def test_context_alias_needs_the_actor_named_in_the_document(nlp):
    ents, _ = _ids(nlp, "L'OTAN a tenu bon. L'Alliance restera unie, a promis le général Tod Wolters.")
    assert ("Alliance", "nato") in ents
    ents, _ = _ids(nlp, "L'Alliance restera unie, a promis le ministre.")
    assert ("Alliance", "nato") not in ents


def test_titles_are_not_part_of_names(nlp):
    ents, _ = _ids(nlp, "Le général Tod Wolters a rencontré M. Emmanuel Macron à Paris.")
    texts = [t for t, _ in ents]
    assert "Tod Wolters" in texts and "Emmanuel Macron" in texts
    assert not any(t.startswith(("général", "M.")) for t in texts)


def test_surname_links_to_full_name_in_same_document(nlp):
    # a name outside the gazetteer: the surname joins the full name found earlier in the document
    ents, _ = _ids(nlp, "Marie Lefebvre, conseillère du président, a parlé mardi. Selon Lefebvre, l'aide continuera.")
    ids = [a for t, a in ents if t in ("Marie Lefebvre", "Lefebvre")]
    assert len(ids) == 2 and len(set(ids)) == 1


def test_gazetteer_surnames_and_uppercase(nlp):
    ents, _ = _ids(nlp, "POUTINE a répondu à M. Zelensky, puis Zelenski a réagi.")
    d = dict(ents)
    assert d.get("POUTINE") == "vladimir-putin"
    assert {a for t, a in ents if t.lower().startswith("zelensk")} == {"volodymyr-zelensky"}


def test_role_title_links_when_the_holder_is_named(nlp):
    ents, _ = _ids(nlp, "Vladimir Poutine a parlé. La menace du président russe inquiète l'Europe.",
                   anchor="2022-02-24")
    assert ("président russe", "vladimir-putin") in ents


def test_role_title_alone_is_not_a_mention(nlp):
    ents, doc = _ids(nlp, "La menace du président russe inquiète l'Europe.", anchor="2022-02-24")
    assert all(t != "président russe" for t, _ in ents)
    assert any(r[-1] == "role_holder_not_named" for r in doc._.dropped_ents)


def test_capitalised_demonyms_point_to_the_country(nlp):
    ents, _ = _ids(nlp, "Les Britanniques soutiennent les Ukrainiens.")
    d = dict(ents)
    assert d.get("Britanniques") == "united-kingdom" and d.get("Ukrainiens") == "ukraine"


def test_lowercase_descriptions_are_not_mentions(nlp):
    ents, _ = _ids(nlp, "Les forces russes avancent, dit tout le monde, et il faut faire le point.")
    assert ents == [] or all(a not in {"le-monde", "le-point", "russian-armed-forces"} for _, a in ents)


@pytest.mark.parametrize("text,junk", [
    ("Source : Reuters, AFP.", "Source"),
    ("Histoire. L'Histoire jugera la Russie.", "Histoire"),
    ("L'État doit agir, dit le ministre de la Russie.", "État"),
    ("🇷🇺🇺 La Russie répond.", "🇷🇺🇺"),
])
def test_junk_is_dropped_with_a_reason(nlp, text, junk):
    ents, doc = _ids(nlp, text)
    assert junk not in [t for t, _ in ents]


def test_foreign_headline_keeps_only_known_names(nlp):
    ents, doc = _ids(nlp, "Nato Thinks of Pre-emptive Strikes Against Russia To Defend Against Something.\n"
                          "L'OTAN réfléchit.")
    ids = {a for _, a in ents}
    assert ids <= {"nato", "russia"}
    assert any(r[-1].endswith("foreign_passage") for r in doc._.dropped_ents)


def test_every_entity_gets_an_actor_id(nlp):
    _, doc = _ids(nlp, "Jens Stoltenberg, Interfax Ukraine et le journal Bild citent Lloyd Austin à Chypre.")
    assert doc.ents and all(e._.actor_id for e in doc.ents)
    assert {"interfax-ukraine", "jens-stoltenberg"} <= {e._.actor_id for e in doc.ents}


def test_short_form_of_an_organisation_in_the_same_document(nlp):
    ents, _ = _ids(nlp, "Le New York Times a publié l'enquête. Selon le Times, Washington hésite.")
    assert {a for t, a in ents if "Times" in t} == {"new-york-times"}


@pytest.mark.parametrize("text,generic", [
    ("Le Parlement grec a voté la réforme des retraites mardi soir.", "Parlement"),
    ("La Cour constitutionnelle slovaque doit encore se prononcer sur le texte.", "Cour"),
    ("Les touristes se pressaient sur la place Rouge malgré la pluie.", "Rouge"),
])
def test_generic_heads_and_colour_words_alone_are_not_names(nlp, text, generic):
    ents, doc = _ids(nlp, text)
    assert generic not in [t for t, _ in ents], ents


def test_capital_naming_a_summit_stays_the_city(nlp):
    ents, _ = _ids(nlp, "Les attentes du sommet de Vilnius restent modestes pour Kiev.")
    assert ("Vilnius", "vilnius") in ents
    assert ("Kiev", "ukraine") in ents


def test_national_security_council_is_not_the_un_one(nlp):
    ents, _ = _ids(nlp, "Le porte-parole du Conseil de sécurité nationale, John Kirby, a démenti.")
    assert ("Conseil de sécurité nationale", "us-national-security-council") in ents, ents
