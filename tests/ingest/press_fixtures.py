"""Invented press articles, written for these tests, laid out as the databases export them.

``STORY_A`` is a wire story printed by three newspapers with small edits (another title, a
rewritten first sentence, a dropped last paragraph); ``STORY_B`` by two. Every other
article is printed once.
"""
from __future__ import annotations

from pathlib import Path

STORY_A = [
    "Les ministres des Affaires étrangères de l'Union européenne se sont entendus lundi soir à "
    "Bruxelles sur un nouveau train de sanctions visant les banques russes et plusieurs proches "
    "du Kremlin, au terme d'une réunion de près de six heures.",
    "Le paquet prévoit le gel des avoirs de douze établissements financiers, l'interdiction "
    "d'exporter des composants électroniques vers la Russie et la fermeture de l'espace aérien "
    "européen à toutes les compagnies russes, y compris les vols privés.",
    "La Hongrie, qui menaçait de bloquer le texte, a obtenu une dérogation de six mois pour ses "
    "importations de pétrole par oléoduc, selon deux diplomates présents à la réunion.",
    "Le chef de la diplomatie ukrainienne, Dmytro Kouleba, a salué sur les réseaux sociaux une "
    "décision « courageuse » tout en réclamant un embargo complet sur le gaz russe avant l'été.",
    "Moscou a aussitôt dénoncé une « guerre économique » et promis des mesures de rétorsion "
    "contre les entreprises européennes encore présentes sur son territoire.",
]
# the same story, first sentence rewritten and last paragraph dropped
STORY_A_REPRINT = [
    "Réunis lundi à Bruxelles pendant près de six heures, les ministres des Affaires étrangères "
    "des Vingt-Sept ont adopté un nouveau train de sanctions contre les banques russes et des "
    "proches du Kremlin.",
] + STORY_A[1:4]

STORY_B = [
    "Le Parlement finlandais a ouvert mercredi un débat inédit sur une éventuelle candidature du "
    "pays à l'Organisation du traité de l'Atlantique nord, une perspective longtemps écartée à "
    "Helsinki.",
    "Selon un sondage publié la veille, une majorité de Finlandais se dit désormais favorable à "
    "une adhésion, un basculement spectaculaire en quelques semaines.",
    "La Première ministre, Sanna Marin, a appelé à « une décision réfléchie et rapide » et "
    "annoncé la publication d'un rapport sur la sécurité du pays d'ici au mois d'avril.",
    "Le Kremlin a averti qu'une adhésion aurait « de graves conséquences militaires et "
    "politiques » pour la Finlande, qui partage 1 340 kilomètres de frontière avec la Russie.",
]
STORY_B_REPRINT = STORY_B[:3] + [
    "Moscou a prévenu qu'une adhésion aurait « de graves conséquences militaires et politiques » "
    "pour la Finlande, qui partage 1 340 kilomètres de frontière avec la Russie.",
]
STORY_C = [
    "Le prix du gaz sur le marché européen de référence a atteint jeudi un niveau record, porté "
    "par la crainte d'une interruption des livraisons russes à travers l'Ukraine.",
    "Les industriels de la chimie et de la sidérurgie réclament un plafonnement des tarifs, "
    "faute de quoi plusieurs sites pourraient suspendre leur production dès le mois prochain.",
    "Le gouvernement étudie un bouclier tarifaire élargi aux petites entreprises, a indiqué le "
    "ministère de l'Économie sans en préciser le coût.",
]
STORY_D = [
    "Le conseil régional a voté vendredi une enveloppe de quatre millions d'euros pour accueillir "
    "les familles ukrainiennes arrivées dans les communes du littoral depuis le début du mois.",
    "Les associations de bénévoles saluent un geste attendu mais s'inquiètent du manque de "
    "logements disponibles avant la saison touristique.",
    "Une plateforme de mise en relation entre familles d'accueil et réfugiés ouvrira la semaine "
    "prochaine, a précisé la présidente de la région.",
]
STORY_E = [
    "L'Agence internationale de l'énergie atomique s'est dite « gravement préoccupée » après des "
    "tirs signalés à proximité de la centrale nucléaire de Zaporijia, la plus grande d'Europe.",
    "Son directeur général, Rafael Grossi, a proposé de se rendre sur place pour négocier un "
    "cadre garantissant la sûreté des installations.",
    "Kiev accuse les forces russes d'avoir pris le contrôle du site, ce que Moscou conteste en "
    "affirmant assurer sa protection.",
]
STORY_F = [
    "Le chancelier allemand Olaf Scholz a annoncé dimanche devant le Bundestag la création d'un "
    "fonds spécial de cent milliards d'euros destiné à moderniser la Bundeswehr.",
    "Berlin s'engage en outre à porter ses dépenses militaires au-delà de deux pour cent de son "
    "produit intérieur brut, un seuil réclamé de longue date par ses alliés.",
    "Ce tournant rompt avec des décennies de retenue, ont souligné plusieurs députés de la "
    "majorité comme de l'opposition.",
]
STORY_G = [
    "Les Nations unies estiment que plus d'un million de personnes ont déjà fui l'Ukraine vers "
    "les pays voisins, dont une majorité vers la Pologne.",
    "Le Haut-Commissariat aux réfugiés appelle les États européens à maintenir leurs frontières "
    "ouvertes et à coordonner l'accueil des enfants non accompagnés.",
    "À Varsovie, les gares sont devenues des centres d'accueil improvisés où se relaient des "
    "centaines de volontaires.",
]
STORY_H = [  # the PDF
    "La municipalité de Rennes a réuni mercredi soir les représentants des communautés "
    "ukrainienne et russe de la ville pour une soirée de dialogue consacrée à la guerre.",
    "Organisée à l'initiative du maire, la rencontre a rassemblé près de deux cents personnes "
    "dans la salle de la cité, sous la surveillance discrète de la police municipale.",
    "Plusieurs intervenants ont raconté l'angoisse des familles restées à Kharkiv et à Odessa, "
    "tandis que des étudiants russes ont dit leur honte et leur impuissance face aux décisions "
    "de leur gouvernement.",
    "La soirée s'est achevée par une collecte de médicaments et de vêtements chauds qui partira "
    "samedi vers la frontière polonaise à bord de deux camions affrétés par la ville.",
]
STORY_I = [  # the Word file
    "Le ministère des Armées a confirmé jeudi l'envoi de trois cents soldats supplémentaires en "
    "Roumanie dans le cadre de la mission de réassurance de l'Alliance atlantique.",
    "Ces militaires rejoindront le contingent déjà déployé près de Constanța, au bord de la mer "
    "Noire, avec des véhicules blindés et des moyens de défense antiaérienne.",
    "L'état-major assure que ce renforcement est « strictement défensif » et qu'il sera réévalué "
    "à la fin du printemps.",
]

#: (doc title, newspaper, ISO date, story key) of every document of :func:`build_corpus`
EXPECTED = {
    "A1": ("Les Vingt-Sept s'accordent sur de nouvelles sanctions contre Moscou", "Le Quotidien du Nord",
           "2022-03-01", "A"),
    "A2": ("Sanctions : l'Europe frappe les banques russes", "La Gazette de l'Ouest", "2022-03-01", "A"),
    "B1": ("La Finlande s'interroge sur l'Otan", "Le Quotidien du Nord", "2022-03-02", "B"),
    "C": ("Le gaz atteint un prix record", "Journal de l'Est", "2022-03-03", "C"),
    "D": ("La région débloque quatre millions pour les réfugiés", "La Gazette de l'Ouest", "2022-03-04", "D"),
    "E": ("Inquiétude autour de la centrale de Zaporijia", "Le Courrier (site web)", "2022-03-04", "E"),
    "A3": ("L'UE adopte un nouveau train de sanctions", "L'Écho du Matin", "2022-03-01", "A"),
    "F": ("Berlin crée un fonds de cent milliards pour son armée", "L'Écho du Matin", "2022-02-27", "F"),
    "G": ("Plus d'un million de réfugiés ont fui l'Ukraine", "Le Journal du Soir", "2022-03-02", "G"),
    "B2": ("Helsinki ouvre le débat sur une adhésion à l'Alliance", "Le Journal du Soir", "2022-03-02", "B"),
    "H": ("Une soirée de dialogue entre Ukrainiens et Russes à Rennes", "", "2022-03-05", "H"),
    "I": ("Trois cents soldats de plus en Roumanie", "", "2022-03-03", "I"),
}


def _paras(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _europresse_article(pub: str, header: str, title: str, body: list[str], ident: str, *, kicker: str = "",
                        subtitle: str = "", author: str = "", extra_body: str = "") -> str:
    kick = f'<p class="sm-margin-TopNews rdp__subtitle">{kicker}</p>' if kicker else ""
    sub = f'<p class="sm-margin-bottomNews">{subtitle}</p>' if subtitle else ""
    auth = f'<div class="docAuthors">{author}</div>' if author else ""
    return f"""
<article>
 <header>
  <div class="rdp__DocPublicationName"><span class="DocPublicationName">{pub}</span></div>
  <div class="rdp__DocHeader"><span class="DocHeader">{header}</span></div>
  <div class="titreArticle">{kick}
   <p class="sm-margin-TopNews titreArticleVisu rdp__articletitle">{title}</p>{sub}
  </div>
  {auth}
 </header>
 <section>
  <div class="DocText clearfix"><div class="docOcurrContainer">{_paras(body)}{extra_body}</div></div>
 </section>
 <aside><div><p><b>Illustration(s) :</b></p><p>Une photo de la réunion.</p></div>
  <div><b>Note(s) :</b> Mise à jour le lendemain.</div></aside>
 <footer>
  <small>© 2022 {pub.split(',')[0]}. Tous droits réservés.</small>
  <div class="publiC-lblCertificatIP">Ce document est réservé à l'usage exclusif de l'utilisateur désigné
   par Université Test et ne peut faire l'objet d'aucune autre utilisation ou diffusion auprès de tiers.</div>
  <div class="publiC-lblNodoc">{ident}</div>
 </footer>
</article>"""


def europresse_html() -> str:
    """An export of six articles (STORY_A twice)."""
    arts = [
        _europresse_article("Le Quotidien du Nord, no. 24099", "International, mardi 1 mars 2022 1062 mots, p. 3",
                            EXPECTED["A1"][0], STORY_A, "news·20220301·QN·a1b2c3d4e5",
                            kicker="Guerre en Ukraine", subtitle="Le texte vise douze banques et ferme le ciel européen",
                            author="Par Claire Dubois"),
        _europresse_article("La Gazette de l'Ouest<br/>Édition de Nantes", "Monde, mardi 1 mars 2022 640 mots, p. 8",
                            EXPECTED["A2"][0], STORY_A_REPRINT, "news·20220301·GO·f6g7h8i9j0"),
        _europresse_article("Le Quotidien du Nord, no. 24100", "Europe, mercredi 2 mars 2022 530 mots, p. 5",
                            EXPECTED["B1"][0], STORY_B, "news·20220302·QN·k1l2m3n4o5", author="Marc Lefèvre"),
        _europresse_article("Journal de l'Est", "jeudi 3 mars 2022 512 mots", EXPECTED["C"][0], STORY_C,
                            "news·20220303·JE·p6q7r8s9t0"),
        _europresse_article("La Gazette de l'Ouest", "Région, vendredi 4 mars 2022 402 mots, p. 12",
                            EXPECTED["D"][0], STORY_D, "news·20220304·GO·u1v2w3x4y5", author="Par Anne Morel",
                            extra_body="<p>Lire aussi | Les communes du littoral face à l'afflux</p>"),
        _europresse_article("Le Courrier (site web)", "vendredi 4 mars 2022 - 18:04 UTC +0100 820 mots",
                            EXPECTED["E"][0], STORY_E, "news·20220304·CW·z6a7b8c9d0",
                            extra_body='<p><a href="https://www.lecourrier.example/zaporijia">Cet article est paru '
                                       'dans Le Courrier (site web)</a></p>'),
    ]
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title>"
            "<style>.DocPublicationName{color:#83724e}</style></head><body>" + "".join(arts) + "</body></html>")


def _factiva_article(fields: list[tuple[str, str | list[str]]]) -> str:
    rows = []
    for code, value in fields:
        if isinstance(value, list):
            cell = "".join(f'<p class="articleParagraph frarticleParagraph">{v}</p>' for v in value)
            rows.append(f'<tr><td align="right" valign="top" class="index"><p><b>{code}</b>&nbsp;</p></td>'
                        f"<td>{cell}</td></tr>")
        else:
            rows.append(f'<tr><td align="right" valign="top" class="index"><b>{code}</b>&nbsp;</td>'
                        f"<td>{value}</td></tr>")
    return f'<div class="article frArticle"><table>{"".join(rows)}</table></div>'


def _factiva_fields(title, author, words, date, source, code, body, an, section=""):
    f = [("HD", f"<b class='frHeadline'>{title}</b>")]
    if author:
        f.append(("BY", author))
    f += [("WC", f"{words} mots"), ("PD", date), ("SN", source), ("SC", code)]
    if section:
        f.append(("SE", section))
    f += [("LA", "Français"), ("CY", f"(c) 2022 {source}. Tous droits réservés."), ("LP", body[:1]),
          ("TD", body[1:] + ["© 2022 Agence Test"]), ("NS", "gpol : Politique intérieure | gcat : Actualité"),
          ("RE", "fra : France | eurz : Europe"), ("AN", f"Document {an}")]
    return f


def factiva_html() -> str:
    """An export of four articles with field codes (STORY_A and STORY_B reprinted)."""
    arts = [
        _factiva_fields(EXPECTED["A3"][0], "Avec AFP", 590, "1 mars 2022", "L'Écho du Matin", "ECHOMT",
                        STORY_A_REPRINT[:1] + STORY_A[1:], "ECHOMT0020220301ei3100001", section="Monde"),
        _factiva_fields(EXPECTED["F"][0], "Paul Girard", 330, "27 février 2022", "L'Écho du Matin", "ECHOMT",
                        STORY_F, "ECHOMT0020220227ei2r00002"),
        _factiva_fields(EXPECTED["G"][0], "", 280, "2 mars 2022", "Le Journal du Soir, no. 1187", "JDSOIR",
                        STORY_G, "JDSOIR0020220302ei3200003"),
        _factiva_fields(EXPECTED["B2"][0], "Par Léa Fontaine", 410, "2 March 2022", "Le Journal du Soir",
                        "JDSOIR", STORY_B_REPRINT, "JDSOIR0020220302ei3200004"),
    ]
    body = "".join(_factiva_article(a) for a in arts)
    return ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>'
            '<title>Factiva</title></head><body><div id="navcontainer"><table><tr><td class="factivalogo">'
            '<h1>Factiva</h1></td><td class="djrlogo"><span>Dow Jones</span></td></tr></table></div>'
            f'<div id="contentWrapper">{body}</div></body></html>')


def factiva_text() -> str:
    """The same four articles as a text export without field codes."""
    out = []
    for key, body, author, src_code, an, date in (
            ("A3", STORY_A_REPRINT[:1] + STORY_A[1:], "Avec AFP", "ECHOMT", "ECHOMT0020220301ei3100001", "1 mars 2022"),
            ("F", STORY_F, "Paul Girard", "ECHOMT", "ECHOMT0020220227ei2r00002", "27 février 2022")):
        title, source = EXPECTED[key][0], EXPECTED[key][1]
        out += [title, author, "512 mots", date, "08:15", source, src_code, "Français",
                f"(c) 2022 {source}. Tous droits réservés.", ""]
        for p in body:
            out += [p, ""]
        out += [f"Document {an}", "", ""]
    return "\n".join(out)


def write_pdf(path: Path) -> Path:
    """A two-page PDF of STORY_H: a running header and page numbers on both pages, a word
    hyphenated across two lines and a sentence cut across the pages."""
    from fpdf import FPDF

    header = "L'Hebdo des Régions - samedi 5 mars 2022"
    title = EXPECTED["H"][0]
    p1, p2, p3, p4 = STORY_H
    # page 1: title, p1, p2 and the start of p3; page 2: the rest of p3 and p4
    cut = p3.index("tandis que")
    lines_p3a, lines_p3b = p3[:cut].rstrip(), p3[cut:]
    pdf = FPDF(format=(148, 210))  # A5, in mm
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)

    def page(number: int, blocks: list[tuple[str, int, str]]):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for style, size, text in blocks:
            pdf.set_font("Helvetica", style=style, size=size)
            for line in text.split("\n"):
                pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_y(-20)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 6, str(number), align="C")

    def wrap(text: str, width: int = 62) -> str:
        lines, cur = [], ""
        for w in text.split():
            if cur and len(cur) + 1 + len(w) > width:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}".strip()
        lines.append(cur)
        return "\n".join(lines)

    # "municipalité" hyphenated at a line end in the first paragraph
    first = wrap(p1).replace("La municipalité de Rennes", "La munici-\npalité de Rennes", 1)
    page(1, [("B", 12, title), ("", 9, first), ("", 9, wrap(p2)), ("", 9, wrap(lines_p3a))])
    page(2, [("", 9, wrap(lines_p3b)), ("", 9, wrap(p4))])
    pdf.output(str(path))
    return path


def write_docx(path: Path) -> Path:
    """A Word file of STORY_I: a title paragraph, a date line, the body."""
    import docx

    d = docx.Document()
    d.add_paragraph(EXPECTED["I"][0], style="Title")
    d.add_paragraph("Publié le 3 mars 2022")
    for p in STORY_I:
        d.add_paragraph(p)
    section = d.sections[0]
    section.header.paragraphs[0].text = "Bulletin de la défense - mars 2022"
    section.footer.paragraphs[0].text = "Page 1"
    d.save(str(path))
    return path


def build_corpus(folder: Path) -> Path:
    """A folder as a researcher downloads it: two exports, a PDF and a Word file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "europresse_ukraine.html").write_text(europresse_html(), encoding="utf-8")
    (folder / "factiva_export.htm").write_text(factiva_html(), encoding="utf-8")
    write_pdf(folder / "page_rennes.pdf")
    write_docx(folder / "note_roumanie.docx")
    return folder
