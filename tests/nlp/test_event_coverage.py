"""General trigger coverage (issue #15, recall): verbs, light-verb constructions and event
nouns of news French for each PLOVER type, added from the language rather than from the
development texts (models/triggers.yaml, "general coverage" blocks; models/TRIGGERS.md §7).

Every sentence was written for this test. Each row asserts the type, the agent and the
target of one event; the negative rows assert that a neighbouring sense is no event (or not
that type).
"""
from __future__ import annotations

import pytest


def _events(nlp, text):
    return [(e["agent_id"], e["event_type"], e["target_id"]) for e in nlp(text)._.events]


CASES = [
    # ASSAULT
    ("Les forces russes ont pris d'assaut la ville de Bakhmout.", "russia", "ASSAULT", None),
    ("L'armée israélienne a effectué des frappes contre le Hamas.", "israel", "ASSAULT", "hamas"),
    ("La Russie a intensifié ses bombardements sur l'Ukraine.", "russia", "ASSAULT", "ukraine"),
    ("La Turquie a lancé une opération militaire contre les Kurdes.", "turkey", "ASSAULT", None),
    ("Le Hamas a enlevé des civils israéliens.", "hamas", "ASSAULT", "israel"),
    ("Israël a violé le cessez-le-feu.", "israel", "ASSAULT", None),
    # THREATEN
    ("Washington a posé un ultimatum à Téhéran.", "united-states", "THREATEN", "iran"),
    # MOBILIZE
    ("La Pologne a relevé son niveau d'alerte.", "poland", "MOBILIZE", None),
    ("La Corée du Nord a procédé à un essai nucléaire.", "north-korea", "MOBILIZE", None),
    ("La Russie amasse des troupes près de la frontière ukrainienne.", "russia", "MOBILIZE", None),
    ("L'OTAN a validé un renforcement de sa présence militaire en Pologne.", "nato", "MOBILIZE", "poland"),
    # SANCTION
    ("L'Union européenne a infligé de nouvelles sanctions à la Biélorussie.", "eu", "SANCTION", "belarus"),
    ("La Lituanie a fermé son ambassade en Russie.", "lithuania", "SANCTION", "russia"),
    ("La Russie a réduit ses livraisons de gaz à la Pologne.", "russia", "SANCTION", "poland"),
    # REQUEST
    ("Paris fait pression sur Moscou pour obtenir un cessez-le-feu.", "france", "REQUEST", "russia"),
    ("L'Allemagne a formulé une demande officielle auprès de la Pologne.", "germany", "REQUEST", None),
    # ACCUSE
    ("Kiev attribue l'attaque à la Russie.", "ukraine", "ACCUSE", "russia"),
    ("Le Kremlin s'en est pris violemment à la Pologne.", "russia", "ACCUSE", "poland"),
    ("La Chine a épinglé les États-Unis.", "china", "ACCUSE", "united-states"),
    ("La Cour pénale internationale a émis un mandat d'arrêt contre Vladimir Poutine.",
     "icc", "ACCUSE", "vladimir-putin"),
    ("Le Japon regrette la décision de la Corée du Sud.", "japan", "ACCUSE", "south-korea"),
    # REJECT
    ("Moscou a balayé les accusations de Londres.", "russia", "REJECT", "united-kingdom"),
    ("La Hongrie a mis son veto à l'aide européenne.", "hungary", "REJECT", None),
    ("La Hongrie s'est prononcée contre l'adhésion de l'Ukraine.", "hungary", "REJECT", None),
    # CONSULT
    ("Emmanuel Macron a retrouvé Olaf Scholz à Berlin.", "emmanuel-macron", "CONSULT", "olaf-scholz"),
    ("Le président turc a eu un entretien téléphonique avec Vladimir Poutine.", "turkey", "CONSULT", "vladimir-putin"),
    ("La France s'est concertée avec l'Allemagne.", "france", "CONSULT", "germany"),
    # AID
    ("Les Pays-Bas ont offert l'asile aux opposants biélorusses.", "netherlands", "AID", "belarus"),
    ("Le Japon soutient financièrement l'Ukraine.", "japan", "AID", "ukraine"),
    ("La Norvège a mis des avions à la disposition de la Pologne.", "norway", "AID", "poland"),
    ("Le Royaume-Uni entraîne des soldats ukrainiens.", "united-kingdom", "AID", "ukraine"),
    ("Le soutien militaire américain à Israël a été renforcé.", "united-states", "AID", "israel"),
    # SUPPORT
    ("La France se réjouit de l'accord conclu par l'Arménie.", "france", "SUPPORT", None),
    ("Le Canada a rendu hommage à la Finlande.", "canada", "SUPPORT", "finland"),
    ("L'Espagne a réitéré son soutien à l'Ukraine.", "spain", "SUPPORT", "ukraine"),
    # AGREE
    ("La France et l'Allemagne se sont mises d'accord sur un plan.", "france", "AGREE", "germany"),
    ("L'Iran et l'Arabie saoudite ont scellé un accord.", "iran", "AGREE", "saudi-arabia"),
    ("La Russie propose un cessez-le-feu à l'Ukraine.", "russia", "AGREE", "ukraine"),
    ("La Turquie a proposé à la Russie d'accueillir des négociations.", "turkey", "AGREE", "russia"),
    ("La Serbie a trouvé un terrain d'entente avec le Kosovo.", "serbia", "AGREE", "kosovo"),
    # COOPERATE
    ("La France a resserré ses liens avec l'Inde.", "france", "COOPERATE", "india"),
    ("La Suède travaille avec la Finlande.", "sweden", "COOPERATE", "finland"),
    # CONCEDE
    ("Le gouvernement serbe a fait marche arrière.", "serbia", "CONCEDE", None),
    ("Le Japon a présenté ses excuses à la Chine.", "japan", "CONCEDE", "china"),
    # RETREAT
    ("La Russie a rappelé ses troupes de Biélorussie.", "russia", "RETREAT", None),
    ("L'Iran a remis en liberté deux Françaises.", "iran", "RETREAT", None),
    # PROTEST
    ("Les Géorgiens ont marché contre la Russie.", "georgia", "PROTEST", "russia"),
    # COERCE
    ("La Russie a placé en détention un journaliste américain.", "russia", "COERCE", None),
]


@pytest.mark.parametrize("text,agent,etype,target", CASES, ids=[c[0][:40] for c in CASES])
def test_general_coverage(nlp, text, agent, etype, target):
    got = _events(nlp, text)
    ok = [(a, t, g) for a, t, g in got if t == etype and (agent is None or a == agent)
          and (target is None or g == target)]
    assert ok, got


NOT_THAT = [
    # the same verbs in senses that are no event of that type
    ("Le ministre a exécuté le plan prévu.", "ASSAULT"),
    ("Les ingénieurs ont enlevé les débris de la route.", "ASSAULT"),
    ("La Turquie a procédé à un vote au Parlement.", "ASSAULT"),
    ("La Pologne a prêté serment devant le Parlement.", "AID"),
    ("Le Premier ministre a présenté son programme au Parlement.", "REQUEST"),
    ("Le ministre a relevé le niveau des salaires.", "MOBILIZE"),
    # an offer needs an addressee: a proposal of one's own policy is no AGREE
    ("La Commission européenne propose de réformer le marché de l'électricité.", "AGREE"),
    # an interview given to a newspaper is no meeting
    ("Dans un entretien accordé au Monde, Emmanuel Macron critique la Russie.", "CONSULT"),
]


@pytest.mark.parametrize("text,etype", NOT_THAT, ids=[c[0][:40] for c in NOT_THAT])
def test_other_senses_are_not_that_event(nlp, text, etype):
    assert not [e for e in _events(nlp, text) if e[1] == etype]
