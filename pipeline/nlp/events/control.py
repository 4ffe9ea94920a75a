"""Who does what an infinitive or a crowd noun names: control rules of the agent.

Three rules read the doer that the parse does not give as a subject:

* :func:`copular_predicate` — an infinitive that completes a copular predicate takes the
  predicate's subject: "la Turquie est le dernier pays **à approuver**", "Moscou est prête
  **à négocier**" (the subject of *être* is the doer).
* :func:`intention_owner` — an infinitive that completes a noun of intention takes the
  owner of that intention: "la décision **du Kremlin** de lancer…", also when the parser
  hangs the infinitive on the owner's name ("la décision du président, Vladimir Poutine,
  de lancer…"). Nouns of asking are not intentions (``intention_nouns`` of
  ``models/argument_words.yaml``): in "la demande de Kiev de livrer", Kiev does not deliver.
* :func:`is_crowd` — a nationality noun that is counted or indefinite ("des Ukrainiens",
  "des milliers de Bélarusses") is a set of people, not the state it names.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... la le DET det 1
... Serbie Serbie PROPN nsubj 4
... est être AUX cop 4
... le le DET det 4
... pays pays NOUN ROOT 4
... à à ADP mark 6
... négocier négocier VERB xcomp 4 VerbForm=Inf''', actors={(1, 2): ("LOC", "serbia")})
>>> copular_predicate(doc[6]).text
'pays'
>>> ctx = DocContext(EventExtractor(), doc)
>>> intention_owner(ctx, doc[6])
[]
"""
from __future__ import annotations

from spacy.tokens import Token

from ...lexicon import words
from ..normalize import fold
from .context import Arg, DocContext, case_of

FILE = "argument_words.yaml"
INTENTION_NOUNS = words(FILE, "intention_nouns")
CROWD_NOUNS = words(FILE, "crowd_nouns")
CROWD_DETERMINERS = words(FILE, "crowd_determiners")
COMMITMENT_VERBS = words(FILE, "commitment_verbs")
RECEIVING_VERBS = words(FILE, "receiving_verbs")
#: types of a promised act whose object or recipient is the party the promise is made to
PROMISED_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE", "CONCEDE", "AGREE", "RETREAT", "CONSULT"})


def copular_predicate(verb: Token) -> Token | None:
    """The copular predicate (a noun or adjective with a *cop* child) that an infinitive
    introduced by *à* or *de* completes, or None."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("NOUN", "ADJ") or case_of(verb) not in ("à", "de"):
        return None
    if not any(c.dep_ == "cop" for c in head.children):
        return None
    return head


def intention_owner(ctx: DocContext, verb: Token) -> list[Arg]:
    """The owner of the intention an infinitive with *de* completes (see module doc):
    read on the intention noun the infinitive hangs on, or on the one whose phrase
    (with a name set off by commas) ends right before *de*, where the parser attached
    the infinitive to the main verb or to the name."""
    from . import arguments  # arguments imports this module (is_crowd)

    mark = next((c for c in verb.children if c.dep_ in ("mark", "case")), None)
    if mark is None or case_of(verb) != "de" or mark.i >= verb.i:
        return []
    head = verb.head
    noun = head if head.pos_ == "NOUN" and head.lemma_.lower() in INTENTION_NOUNS else None
    named = None
    if noun is None:
        j = mark.i - 1
        if ctx.doc[j].text == ",":  # '…, Viktor Orban, de bloquer': the name set off by commas
            ent = ctx.tok2ent[j - 1] if j > 0 else None
            if ent is None or ent.label_ not in ("PER", "ORG") or ent.start < 2 or ctx.doc[ent.start - 1].text != ",":
                return []
            named, j = ent, ent.start - 2
        sent_start = ctx.sents[ctx.sent_of[verb.i]].start
        noun = next((t for t in reversed(ctx.doc[max(sent_start, j - 8): j + 1])
                     if t.pos_ == "NOUN" and t.lemma_.lower() in INTENTION_NOUNS
                     and max(k.i for k in t.subtree) == j), None)
        if noun is None:
            return []
        if named is not None:
            return [Arg(named._.actor_id, named.text, named.start)]
    for c in noun.children:
        if c.dep_ == "nmod" and case_of(c) == "de" and c.i < verb.i:
            got = arguments.actors(ctx, c)
            if got:
                return got
    return []


def is_crowd(ctx: DocContext, tok: Token) -> bool:
    """A nationality noun ("Ukrainiens") that is indefinite, counted or quantified: people,
    not the state."""
    if tok.pos_ not in ("NOUN", "PROPN") or fold(tok.text) not in ctx.ex.adjectives:
        return False
    if "Plur" not in tok.morph.get("Number") and not tok.text.endswith(("s", "x")):
        return False
    for c in tok.children:
        if c.dep_ == "nummod":
            return True
        if c.dep_ in ("det", "amod") and (c.lemma_.lower() in CROWD_DETERMINERS or c.lower_ in CROWD_DETERMINERS) \
                and "Def" not in c.morph.get("Definite") and "Dem" not in c.morph.get("PronType"):
            return True
    prev = ctx.doc[tok.i - 1] if tok.i > 0 else None  # 'Plusieurs Moldaves' (determiner parsed apart)
    if prev is not None and prev.lower_ in CROWD_DETERMINERS and prev.pos_ in ("DET", "ADJ") \
            and "Def" not in prev.morph.get("Definite"):
        return True
    return tok.dep_ == "nmod" and case_of(tok) == "de" and tok.head.lemma_.lower() in CROWD_NOUNS


def promised_party(ctx: DocContext, verb: Token, exclude: set[str]) -> list[Arg]:
    """The party a commitment is made to: the object or the *à* complement of the
    infinitive it promises ('ont promis de soutenir l'Ukraine', 's'est engagé à livrer à
    Kyiv des chars'), when the verb is one of ``commitment_verbs`` and the infinitive an
    act of help or agreement (:data:`PROMISED_TYPES`)."""
    from . import arguments
    from .context import verb_lemma

    if verb_lemma(ctx.ex, verb) not in COMMITMENT_VERBS:
        return []
    for xc in verb.children:
        if xc.dep_ not in ("xcomp", "ccomp", "obl:arg", "advcl") or "Inf" not in xc.morph.get("VerbForm"):
            continue
        types = {e.type for e in ctx.ex.entries.get((verb_lemma(ctx.ex, xc), "VERB"), ())}
        if not types & PROMISED_TYPES:
            continue  # 'promis d'empêcher des groupes…': what is hindered is no party to the promise
        for c in xc.children:
            if c.dep_ in ("obj", "iobj") or (c.dep_.startswith("obl") and case_of(c) == "à"):
                got = [a for a in arguments.actors(ctx, c, role="target") if a.id not in exclude]
                if got:
                    return got
    return []


def recipient(ctx: DocContext, noun: Token, gov: Token | None, dep: str, exclude: set[str]) -> list[Arg]:
    """The target of an event noun received by the subject of a verb of receiving ('l'Ukraine
    a reçu l'aide de la Norvège', 'Kiev bénéficie du soutien de Paris')."""
    from . import subjects
    from .context import verb_lemma

    if gov is None or dep not in ("obj", "obl", "obl:arg", "obl:mod") or verb_lemma(ctx.ex, gov) not in RECEIVING_VERBS:
        return []
    if subjects.is_passive(ctx, gov):
        return []
    return [a for a in subjects.subject(ctx, gov) if a.id not in exclude]
