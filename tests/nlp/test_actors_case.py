"""Case aliases ("US" in capitals only) and the gazetteer's exact-case index."""
import pytest

from pipeline.nlp.gazetteer import GazetteerError, build, load_gazetteer, parse_entries


def _ids(nlp, text):
    return [(e.text, e._.actor_id) for e in nlp(text).ents]


def test_us_in_capitals_is_the_united_states(nlp):
    ids = _ids(nlp, "Les forces US ont quitté la base, selon le Pentagone.")
    assert ("US", "united-states") in ids


@pytest.mark.parametrize("text", [
    "Elle nous a dit : « Let us go », puis elle est partie.",
    "Le groupe a joué « Us and Them » à Londres.",
])
def test_us_in_other_case_is_not_the_united_states(nlp, text):
    assert "united-states" not in {aid for _, aid in _ids(nlp, text)}


def test_case_index_is_exact():
    gaz = load_gazetteer()
    assert gaz.case_index.get("US") == "united-states"
    assert "us" not in gaz.case_index and "Us" not in gaz.case_index
    # the plain alias index never holds the case alias: "us" folds to no actor
    assert gaz.alias_index.get("us") is None


def test_case_alias_without_capital_is_refused():
    raw = [{"id": "x-land", "label": "Xland", "type": "LOC", "aliases": ["Xland"], "case_aliases": ["xl"]}]
    with pytest.raises(GazetteerError, match="no capital"):
        build(parse_entries(raw))


def test_french_capital_spellings(nlp):
    assert ("Achkhabad", "ashgabat") in _ids(nlp, "Le sommet s'est tenu à Achkhabad, au Turkménistan.")


@pytest.mark.parametrize("text,form,actor", [
    ("Meta a supprimé des milliers de comptes liés à la Russie.", "Meta", "meta-platforms"),
    ("Le Kremlin a bloqué Twitter et Facebook en mars.", "Twitter", "twitter"),
    ("Le Kremlin a bloqué Twitter et Facebook en mars.", "Facebook", "facebook"),
    ("Les vidéos circulent sur Telegram depuis lundi.", "Telegram", "telegram"),
    ("Apple a suspendu ses ventes en Russie.", "Apple", "apple"),
    ("Amazon a ouvert un entrepôt près de Varsovie.", "Amazon", "amazon"),
])
def test_platforms_and_companies(nlp, text, form, actor):
    assert (form, actor) in _ids(nlp, text)


@pytest.mark.parametrize("text", [
    "La méta-analyse publiée lundi conclut le contraire.",
    "Les incendies ravagent l'Amazonie depuis août.",
])
def test_platform_names_do_not_match_other_words(nlp, text):
    assert not {"meta-platforms", "amazon"} & {aid for _, aid in _ids(nlp, text)}


def test_case_alias_label_is_no_plain_alias():
    gaz = load_gazetteer()
    assert gaz.alias_index.get("meta") is None and gaz.case_index.get("Meta") == "meta-platforms"
    assert gaz.alias_index.get("meta platforms") == "meta-platforms"
