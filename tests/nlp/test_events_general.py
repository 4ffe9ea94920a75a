"""General rules of who did what to whom (issue 15): topic nouns, background phases, targets
of strikes, partners, addressees and acts named as complements, the speaker's "nous",
verbal negation and the mood of a gérondif or of a mistagged present.

Every sentence is written for these tests (none comes from a scored article). Each row
gives the sentence, the trigger word, the expected (type, agent, target, modality) of the
event on that trigger, or None when the trigger must give no event.
"""
from __future__ import annotations

import pytest

from tests.conftest import parse

ANCHOR = "2024-03-10"

# (sentence, trigger word, expected (type, agent, target, modality) or None)
ROWS = [
    # (1) a topic noun under a verb of discussion is no event of its own ...
    ("Pékin et Tokyo ont discuté d'une éventuelle trêve commerciale.", "trêve", None),
    ("Les Vingt-Sept négocient un embargo sur le pétrole.", "embargo", None),
    # ... unless it names a party of its own: a contemplated act of the speakers
    ("L'Union européenne discute de nouvelles sanctions contre l'Iran.", "sanctions",
     ("SANCTION", "eu", "iran", "hypothetical")),
    # ... and the discussion itself, in the present, is asserted (the tagger's Fut on
    # 'discute' is a slip: the form has no future ending)
    ("L'Union européenne discute de nouvelles sanctions contre l'Iran.", "discute",
     ("CONSULT", "eu", "", "asserted")),
    # (1) a phase noun counted by an ordinal frames the time: the event is background
    ("Au quatrième jour de la guerre entre l'Arménie et l'Azerbaïdjan, la Russie a appelé au calme.",
     "guerre", None),
    # (4) what a strike hits belongs to the state of its nationality adjective
    ("La Turquie a mené des frappes sur les positions syriennes de Tal Abyad et Kobané.", "frappes",
     ("ASSAULT", "turkey", "syria", "asserted")),
    # (4) the avec partner of a two-sided act is its target
    ("Le Japon a signé un accord commercial avec le Brésil.", "signé",
     ("AGREE", "japan", "brazil", "asserted")),
    # (4) a dative on the object noun of a verb of asking is the verb's addressee
    ("La Pologne réclame des réparations à l'Allemagne.", "réclame",
     ("REQUEST", "poland", "germany", "asserted")),
    # (4) an act named as the complement of the verb: its doer is the target
    ("Berlin a donné son feu vert à la livraison de chars par la Pologne.", "donné",
     ("CONCEDE", "germany", "poland", "asserted")),
    # (5) the object of 'menacer X de' is the target of the threatened (hypothetical) act
    ("Washington a menacé la Chine de nouvelles sanctions.", "sanctions",
     ("SANCTION", "united-states", "china", "hypothetical")),
    ("Washington a menacé la Chine de nouvelles sanctions.", "menacé",
     ("THREATEN", "united-states", "china", "asserted")),
    # (5) a gérondif shares the mood of the clause it modifies
    ("Moscou accuse l'OTAN de vouloir s'étendre en admettant la Géorgie.", "admettant",
     ("CONCEDE", "nato", "georgia", "hypothetical")),
    # (5) 'pas' without 'ne' contrasts a phrase and does not negate the verb
    ("La France a condamné la Russie, pas la Chine.", "condamné",
     ("ACCUSE", "france", "russia", "asserted")),
    ("La France n'a pas condamné la Russie.", "condamné",
     ("ACCUSE", "france", "russia", "negated")),
    # (5) an infinitive clause of purpose is hypothetical; a perfect infinitive (cause) is not
    ("Paris et Berlin se sont accordés pour reprendre les négociations avec Moscou.", "reprendre",
     ("CONSULT", "france", "russia", "hypothetical")),
    ("Paris et Berlin se sont accordés pour reprendre les négociations avec Moscou.", "accordés",
     ("AGREE", "france", "germany", "asserted")),
    # (6) a quoted 'nous' stands for the body of the speaker's description, not the person
    ("« Nous frapperons Tbilissi », a déclaré le ministre russe de la Défense, Sergueï Choïgou.", "frapperons",
     ("ASSAULT", "russia", "georgia", "hypothetical")),
    # ... and for the speaker itself when the speaker is a body
    ("« Nous soutiendrons l'Arménie », a déclaré l'Union européenne.", "soutiendrons",
     ("SUPPORT", "eu", "armenia", "hypothetical")),
]


def _on(events, word):
    return [e for e in events if word in e["trigger"].split() or e["trigger"].startswith(word)]


@pytest.mark.parametrize("text,word,expected", ROWS, ids=[f"{r[1]}-{i}" for i, r in enumerate(ROWS)])
def test_general_rules(nlp, text, word, expected):
    events = _on(parse(nlp, text, ANCHOR)._.events, word)
    if expected is None:
        assert not events, events
        return
    got = {(e["event_type"], e["agent_id"], e["target_id"], e["modality"]) for e in events}
    assert expected in got, got


def test_a_person_without_a_described_body_gives_nous_no_agent(nlp):
    # 'nous' said by a person named without a role stands for a body the sentence does not name
    events = _on(parse(nlp, "« Nous livrerons des chars à l'Ukraine », a affirmé Olaf Scholz.", ANCHOR)._.events,
                 "livrerons")
    assert all(e["agent_id"] != "olaf-scholz" for e in events), events
