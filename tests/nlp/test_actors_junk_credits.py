"""Credits of agency dispatches and photo captions (pipeline/nlp/junk.py): a slash chain
after an agency, the writers' parenthesis at the end of a dispatch, initials that close a
text; and real names in similar places that stay. Sentences written for these tests."""
from __future__ import annotations

from pipeline.nlp.junk import _agency_before


def _run(nlp, text):
    doc = nlp(text)
    kept = {e.text: e._.actor_id for e in doc.ents}
    dropped = {d[2].strip(): d[4].replace("split_remainder_", "") for d in doc._.dropped_ents or []}
    return kept, dropped


def test_slash_chain_after_an_agency_is_a_credit():
    text = 'a-t-il dit. AFP/Joanna Kowalska/Pool'
    assert _agency_before(text, 0, text.index("Pool"))
    assert _agency_before(text, 0, text.index("Joanna"))
    # a slash in a sentence is no chain: "Pool" after a sentence with a slash
    other = "Le ratio prix/qualité, selon Marc Dubois/Pool"
    assert not _agency_before(other, 0, other.index("Pool"))
    plain = "Il a rencontré Irina/Pool"
    assert not _agency_before(plain, 0, plain.index("Pool"))


def test_writers_parenthesis_of_a_dispatch_is_a_credit(nlp):
    text = ("Le Premier ministre géorgien a salué l'accord conclu à Tbilissi.\n"
            "(Tamar Kvaratskhelia et Giorgi Beridze, avec Elena Sokolova; version française Paul Girard)")
    kept, dropped = _run(nlp, text)
    for name in ("Tamar Kvaratskhelia", "Giorgi Beridze", "Elena Sokolova", "Paul Girard"):
        assert name not in kept
    assert any(v == "credit_line" for v in dropped.values())


def test_parenthesis_without_credit_words_keeps_its_names(nlp):
    kept, _ = _run(nlp, "Le ministre (Giorgi Beridze, ancien ambassadeur) a démissionné.")
    assert "Giorgi Beridze" in kept


def test_initials_closing_the_text_are_a_signature(nlp):
    kept, dropped = _run(nlp, "Les ministres de l'OTAN se prononceront en juillet sur ce déploiement. B.S")
    assert "B.S" not in kept and dropped["B.S"] == "signature"
    assert kept.get("OTAN") == "nato"


def test_byline_with_its_city_closing_a_line(nlp):
    doc = nlp("Les migrants sont pris en étau entre les deux pays. Marta Kovács, Budapest\n\nLa suite.")
    assert [(e.text, e._.actor_id) for e in doc.ents] == [("Budapest", "budapest")]
    assert [d[4] for d in doc._.dropped_ents if d[2] == "Marta Kovács"] == ["signature"]


def test_name_and_capital_inside_a_sentence_are_kept(nlp):
    doc = nlp("Nous avons parlé avec Marta Kovács, Budapest a protesté.")
    got = {e.text: e._.actor_id for e in doc.ents}
    assert got == {"Marta Kovács": "marta-kovacs", "Budapest": "hungary"}
