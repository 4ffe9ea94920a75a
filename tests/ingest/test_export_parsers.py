"""The press-database parsers on their own: edge cases and properties."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from pipeline.ingest import europresse, factiva
from pipeline.ingest.exports import CREDIT_MAX_CHARS, clean_source, is_credit_line, parse_date, split_byline
from pipeline.ingest.formats import sniff
from pipeline.ingest.layout import is_page_number, strip_furniture, unwrap
from pipeline.ingest.rtf import rtf_to_text

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


def _europresse(article: str) -> str:
    return f"<html><body>{article}</body></html>"


def test_europresse_author_after_the_title_block_and_date_from_the_id():
    html = _europresse(
        '<article><header><span class="DocPublicationName">Le Petit Courrier\n   no. 512</span>'
        '<div class="titreArticle"><p class="titreArticleVisu">Un titre</p></div>'
        '<p class="sm-margin-bottomNews">Par Jean Moulin</p></header>'
        '<div class="DocText"><div class="docOcurrContainer"><p>Premier paragraphe du texte.</p>'
        '<p>Second paragraphe.<br/>Suite après un saut de ligne.</p></div></div>'
        '<footer><div class="publiC-lblNodoc">news·20210715·PC·xyz123</div></footer></article>')
    (art,) = europresse.iter_articles(html)
    assert (art.source, art.title, art.author, art.date_iso, art.section) == (
        "Le Petit Courrier", "Un titre", "Jean Moulin", "2021-07-15", "")
    assert "Premier paragraphe du texte." in art.body and "Suite après un saut de ligne." in art.body


def test_europresse_date_line_parts():
    assert europresse._date_line("Économie, Entreprises, lundi 7 mars 2022 1 062 mots, p. 14") == (
        "Économie, Entreprises", "lundi 7 mars 2022")
    assert europresse._date_line("samedi 5 mars 2022, p. 2") == ("", "samedi 5 mars 2022")
    assert europresse._date_line("Opinion, Thursday, December 22, 2022 1388 mots, p. 19") == (
        "Opinion", "Thursday, December 22, 2022")
    assert parse_date("Thursday, December 22, 2022") == ("2022-12-22", "day")


def test_factiva_body_line_that_looks_like_a_code_stays_in_the_body():
    text = "\n".join(["HD Titre", "PD 3 mars 2022", "SN Le Journal", "LA Français", "TD",
                      "LA PAZ a été le théâtre de manifestations.", "Un second paragraphe.",
                      "AN Document JOURNA0020220303ei330000a"])
    (art,) = factiva.iter_articles(text)
    assert art.body.split("\n\n") == ["LA PAZ a été le théâtre de manifestations.", "Un second paragraphe."]
    assert art.ident == "JOURNA0020220303ei330000a"


def test_helpers():
    assert clean_source("La Voix du Centre, no. 24099") == "La Voix du Centre"
    assert clean_source("Le Journal\n     Édition du soir") == "Le Journal"
    assert clean_source("Le Monde (site web)") == "Le Monde (site web)"
    assert split_byline("De notre correspondante Marie Roux") == "Marie Roux"
    assert parse_date("March 3, 2022") == ("2022-03-03", "day")
    assert parse_date("31 février 2022") == ("", "")
    assert is_credit_line("Lire aussi | Les communes face à l'afflux")
    assert not is_credit_line("Les ministres ont lu aussi le rapport.")
    assert sniff(b"%PDF-1.7 ...") == "pdf" and sniff(b"{\\rtf1 x}") == "rtf" and sniff(b"texte") == "text"
    assert sniff(b"PK\x03\x04garbage") == "binary"


def test_running_headers_and_page_numbers_are_removed():
    pages = [["LE JOURNAL - 2 mars 2022", "Texte de la page un", "qui continue", "Page 1 sur 2"],
             ["LE JOURNAL - 2 mars 2022", "et finit ici.", "Page 2 sur 2"]]
    kept, headers = strip_furniture(pages)
    assert kept == [["Texte de la page un", "qui continue"], ["et finit ici."]]
    assert headers == ["LE JOURNAL - 2 mars 2022"]
    assert unwrap(kept[0] + kept[1]) == ["Texte de la page un qui continue et finit ici."]
    assert is_page_number("12") and not is_page_number("12 morts")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_rtf_reader_never_raises(data):
    assert isinstance(rtf_to_text(b"{\\rtf1 " + data + b"}"), str)


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_parsers_never_raise(text):
    factiva.looks_like_factiva(text)
    list(factiva.iter_articles(text))
    if text.strip():
        list(europresse.iter_articles(_europresse(text)))
    assert isinstance(clean_source(text), str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.from_regex(r"[A-Za-zéà]{1,8}( [A-Za-zéà]{1,8}){0,6}[.,]?", fullmatch=True), max_size=12))
def test_unwrap_keeps_every_word_in_order(lines):
    paras = unwrap(lines)
    assert " ".join(paras).split() == " ".join(lines).split()


@given(st.text(min_size=CREDIT_MAX_CHARS + 1, max_size=CREDIT_MAX_CHARS + 50).filter(lambda t: len(t.strip()) > CREDIT_MAX_CHARS))
def test_long_lines_are_never_credit_lines(text):
    assert not is_credit_line(re.sub(r"\s+", "a", text))


def test_factiva_html_without_codes_after_a_page_header():
    art = ('<div class="article frArticle"><div id="hd"><span>La ville vote son budget</span></div>'
           '<div>Par Jeanne Roy</div><div>412 mots</div><div>1 mars 2022</div><div>Le Journal du Port</div>'
           '<div>JPORT</div><div>Français</div><div>Copyright 2022 Le Journal du Port. Tous droits réservés.</div>'
           '<p class="articleParagraph">Le conseil municipal a adopté le budget.</p>'
           '<p class="articleParagraph">L\'opposition a voté contre.</p>'
           '<p>Document JPORT00020220301ei310000a</p></div>')
    page = f'<html><body><div id="nav"><h1>Factiva</h1><span>Dow Jones</span></div>{art}</body></html>'
    text = factiva.html_to_lines(page)
    assert factiva.looks_like_factiva(page)
    (a,) = factiva.iter_articles(text)
    assert (a.title, a.author, a.source, a.date, a.ident) == (
        "La ville vote son budget", "Jeanne Roy", "Le Journal du Port", "1 mars 2022", "JPORT00020220301ei310000a")
    assert a.body.split("\n\n") == ["Le conseil municipal a adopté le budget.", "L'opposition a voté contre."]


def test_pdf_title_in_larger_type_over_two_lines_and_a_header_on_one_page(tmp_path):
    from fpdf import FPDF

    from pipeline.ingest.readers import iter_corpus

    pdf = FPDF(format=(148, 210))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    for line in ("Le port de Brest accueille", "une flotte de ravitailleurs"):
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for line in ("Trois navires sont arrives lundi dans la rade pour une escale", "de dix jours."):
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 5, "La Gazette du Ponant | mardi 8 mars 2022", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Les equipages resteront a bord pendant l'escale.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "brest.pdf"))
    (doc,) = iter_corpus(tmp_path)
    assert doc.title == "Le port de Brest accueille une flotte de ravitailleurs"
    assert doc.text.split("\n\n") == ["Trois navires sont arrives lundi dans la rade pour une escale de dix jours.",
                                      "Les equipages resteront a bord pendant l'escale."]
    assert (doc.published, doc.source) == ("2022-03-08", "La Gazette du Ponant")


def test_word_file_with_newspaper_date_and_byline_under_the_title(tmp_path):
    import docx

    from pipeline.ingest.readers import iter_corpus

    d = docx.Document()
    for text in ("Les agriculteurs bloquent le périphérique", "Le Courrier du Sud, 4 mars 2022", "Par Luc Martin",
                 "Des centaines de tracteurs ont convergé jeudi vers la capitale.", "La préfecture a dévié la circulation."):
        d.add_paragraph(text)
    d.save(str(tmp_path / "v.docx"))
    (doc,) = iter_corpus(tmp_path)
    assert (doc.title, doc.source, doc.published, doc.author) == (
        "Les agriculteurs bloquent le périphérique", "Le Courrier du Sud", "2022-03-04", "Luc Martin")
    assert doc.text == "Des centaines de tracteurs ont convergé jeudi vers la capitale.\n\nLa préfecture a dévié la circulation."


def test_word_file_with_a_date_line_above_the_title(tmp_path):
    import docx

    from pipeline.ingest.readers import iter_corpus

    d = docx.Document()
    for text in ("La Tribune du Lac - jeudi 10 mars 2022", "Le barrage sera rénové avant l'été",
                 "Les travaux dureront quatre mois, a annoncé le syndicat des eaux."):
        d.add_paragraph(text)
    d.save(str(tmp_path / "lac.docx"))
    (doc,) = iter_corpus(tmp_path)
    assert (doc.title, doc.source, doc.published) == (
        "Le barrage sera rénové avant l'été", "La Tribune du Lac", "2022-03-10")
    assert doc.text == "Les travaux dureront quatre mois, a annoncé le syndicat des eaux."


def test_europresse_byline_closing_the_title_block():
    html = _europresse(
        '<article><header><span class="DocPublicationName">Le Petit Courrier</span>'
        '<span class="DocHeader">Société, lundi 7 mars 2022 300 mots</span>'
        '<div class="titreArticle"><p class="titreArticleVisu rdp__articletitle">Un titre</p>'
        '<p class="sm-margin-bottomNews">Un sous-titre qui résume l\'article.</p>'
        '<p class="sm-margin-bottomNews">Par Jeanne Moreau</p></div></header>'
        '<div class="DocText"><div class="docOcurrContainer"><p>Le texte.</p></div></div></article>')
    (art,) = europresse.iter_articles(html)
    assert (art.author, art.meta["subtitle"], art.section) == ("Jeanne Moreau", "Un sous-titre qui résume l'article.",
                                                               "Société")
