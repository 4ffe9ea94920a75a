"""Tests for pipeline/pubdate.py: publication date from header, byline, URL, file name."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.pubdate import find_publication_date

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SEED_EXPECTED = {
    "000_be1dba15a930f299.txt": ("", ""),  # "30 octobre 2018" only in the references at the end
    "001_bc95917e9b30098b.txt": ("", ""),  # "février 2022" only in the body
    "002_9c30f3eff2624f5c.txt": ("", ""),  # no date at all
    "003_19d8ebd0b731c646.txt": ("2022-02", "month"),  # " date 2022-02 ..." opens the text
    "004_3266c0aab6a9f924.txt": ("2025-12-03", "day"),  # 03/12/2025 on line 1 beats the byline's 2 décembre
}


@pytest.mark.parametrize("name", sorted(SEED_EXPECTED))
def test_seed_files(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    value, precision, evidence = find_publication_date(text, filename=name)
    assert (value, precision) == SEED_EXPECTED[name]
    assert bool(evidence) == bool(value)


def test_seed_004_evidence_is_the_first_header_line():
    text = (SEEDS / "004_3266c0aab6a9f924.txt").read_text(encoding="utf-8")
    assert find_publication_date(text) == ("2025-12-03", "day", "header: 03/12/2025")


BODY = ("Le Kremlin a averti à plusieurs reprises que tout déploiement de troupes occidentales "
        "déclencherait une guerre directe avec l'Otan, selon des responsables cités par la presse.\n")

# (text, filename, url, expected value, expected precision, evidence prefix)
CASES = [
    ("Par Andrew Korybko, le 2 décembre 2025\n\nTitre de l'article\n" + BODY, None, None, "2025-12-02", "day", "header"),
    ("Titre\nPublié le 24 février 2022 à 10h32\n" + BODY, None, None, "2022-02-24", "day", "header"),
    ("Titre\nMis à jour le 25 février 2022 à 08h00\nPublié le 24 février 2022 à 10h32\n" + BODY, None, None, "2022-02-24", "day", "header"),
    ("Titre\nPublié le 24 février 2022 à 10h32, mis à jour le 26 février 2022\n" + BODY, None, None, "2022-02-24", "day", "header"),
    ("Titre\nMis à jour le 25 février 2022\n" + BODY, None, None, "2022-02-25", "day", "header"),
    ("Titre de l'article\nle 12/05/2024\n" + BODY, None, None, "2024-05-12", "day", "header"),
    ("2024-05-12\nTitre de l'article\n" + BODY, None, None, "2024-05-12", "day", "header"),
    ("24 févr. 2022 | Le Monde\nTitre\n" + BODY, None, None, "2022-02-24", "day", "header"),
    ("Date : 2023-11\nTitre\n" + BODY, None, None, "2023-11", "month", "header"),
    ("date: 2021\nTitre\n" + BODY, None, None, "2021", "year", "header"),
    ("Opex360 · 5 mars 2024\nTitre\n" + BODY, None, None, "2024-03-05", "day", "header"),
    ("Titre\n\n" + BODY * 8 + "\nPublié le 3 janvier 2023\n", None, None, "2023-01-03", "day", "footer"),
    ("Titre\n" + BODY, "2022-02-24_otan.txt", None, "2022-02-24", "day", "filename"),
    ("Titre\n" + BODY, "/corpus/20220224-otan.txt", None, "2022-02-24", "day", "filename"),
    ("Titre\n" + BODY, None, "https://www.example.fr/international/article/2022/02/24/otan_123.html", "2022-02-24", "day", "url"),
    ("Titre\n" + BODY, None, "https://www.example.fr/2023/07/otan-vilnius/", "2023-07", "month", "url"),
    ("Titre\n" + BODY, "2021-01-01_x.txt", "https://www.example.fr/2022/02/24/x.html", "2022-02-24", "day", "url"),
    ("Publié le 24 février 2022\n" + BODY, "2021-01-01_x.txt", None, "2022-02-24", "day", "header"),
    # wire datelines opening the body: "CITY, date (AGENCY) -"
    ("VARSOVIE, 21 février 2023 (AFP) - Joe Biden a promis mardi que l'Alliance défendrait chaque centimètre de son territoire.\n" + BODY,
     None, None, "2023-02-21", "day", "header"),
    ("Titre\nKIEV, le 3 mars 2022 (Reuters) – Les forces russes ont poursuivi leur avancée vers la capitale ukrainienne ce jeudi.\n" + BODY,
     None, None, "2022-03-03", "day", "header"),
    # negatives
    ("Varsovie, 21 février 2023 : Joe Biden a promis que l'Alliance défendrait chaque centimètre de son territoire.\n" + BODY,
     None, None, "", "", ""),
    ("Titre de l'article\n" + BODY + "Le 24 février 2022, la Russie a envahi l'Ukraine.\n" + BODY, None, None, "", "", ""),
    ("24 février 2022, la Russie lance une invasion de grande ampleur contre l'Ukraine, selon Kiev et les alliés.\n" + BODY,
     None, None, "", "", ""),
    ("Ce qui s'est passé le 24 février 2022\n" + BODY, None, None, "", "", ""),
    ("Titre\n31/02/2024\n" + BODY, None, None, "", "", ""),
    ("Titre\n" + BODY, "2022-02-30_otan.txt", None, "", "", ""),
    ("Titre\n" + BODY, None, "https://example.fr/2022/13/01/x", "", "", ""),
    ("Titre\n" + BODY + "\n- Kiev, « Source », 30 octobre 2018 (consulté le 24 octobre 2020)\n", None, None, "", "", ""),
    ("Titre\nL'Otan compte 31 membres depuis 2023\n" + BODY, None, None, "", "", ""),
    ("", None, None, "", "", ""),
    ("Titre\n" + BODY, "otan-2000-hommes.txt", None, "", "", ""),
]


@pytest.mark.parametrize("text,filename,url,value,precision,evidence", CASES)
def test_synthetic_headers(text, filename, url, value, precision, evidence):
    got = find_publication_date(text, filename=filename, url=url)
    assert got[:2] == (value, precision), got
    assert got[2].startswith(evidence) if evidence else got[2] == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=40)), st.one_of(st.none(), st.text(max_size=60)))
def test_never_raises(text, filename, url):
    value, precision, evidence = find_publication_date(text, filename=filename, url=url)
    assert precision in ("", "day", "month", "year")
    assert (value == "") == (precision == "") == (evidence == "")


# The marker words come from models/pubdate_fr.yaml (and weekdays from models/timex_fr.yaml).
WORD_CASES = [
    ("Titre\nActualisé le 25 février 2022\nMise en ligne le 24 février 2022\n" + BODY, "2022-02-24"),  # published_markers
    ("Titre\nModifiée le 25 février 2022\n" + BODY, "2022-02-25"),  # updated_markers, used when alone
    ("Titre\n« Source », 30 octobre 2018 (consultée le 24 octobre 2020)\n" + BODY, ""),  # reference_markers
    ("Samedi, 5 mars 2024 | rubrique International, Défense européenne et diplomatie de l'Otan\n" + BODY,
     "2024-03-05"),  # a weekday opening a long line
    ("Titre\nLa guerre depuis le 24 février 2022\n" + BODY, ""),  # governing_words
    ("Titre\nDe Marie Dupont, le 3 mars 2022, envoyée spéciale à Kiev pour la rédaction internationale\n" + BODY,
     "2022-03-03"),  # byline_openers on a long line
]


@pytest.mark.parametrize("text,value", WORD_CASES)
def test_marker_words_from_yaml(text, value):
    assert find_publication_date(text)[0] == value


def test_word_lists_are_validated_data():
    from pipeline import lexicon

    for key in ("published_markers", "updated_markers", "date_labels", "byline_openers", "reference_markers",
                "governing_words"):
        assert lexicon.word_list("pubdate_fr.yaml", key)


def test_a_megabyte_line_keeps_its_leading_date_and_ignores_the_rest():
    """Only the first MAX_LINE_CHARS characters of a header line are read for a date."""
    from pipeline.ingest import pubdate

    filler = " ".join(["mot"] * 400_000)  # 1.6 MB with no punctuation
    value, precision, _ = pubdate.find_publication_date("Publié le 3 mars 2022 " + filler + " publié le 9 mai 2023")[:3]
    assert (value, precision) == ("2022-03-03", "day")
    late = "x" * pubdate.MAX_LINE_CHARS + " publié le 9 mai 2023"
    assert pubdate.find_publication_date(late)[0] == ""
