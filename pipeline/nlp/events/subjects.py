"""Argument extraction: the agent of a verb trigger (its subject, read through the parse).

:func:`subject` follows passives (``par``-agents), subject and object control
(:func:`controller_object`), coordination, gérondifs, reporting incises with an inverted
subject and a few parse slips; pronouns go to :mod:`.pronouns`, first-person subjects to
the speaker found by :mod:`.attribution`.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... Kiev Kiev PROPN obj 3
... a avoir AUX aux:tense 3
... été être AUX aux:pass 3
... bombardé bombarder VERB ROOT 3 VerbForm=Part
... par par ADP case 5
... Moscou Moscou PROPN obl:agent 3''', actors={(0, 1): ("LOC", "ukraine"), (5, 6): ("LOC", "russia")})
>>> ctx = DocContext(EventExtractor(), doc)
>>> is_passive(ctx, doc[3]), subject(ctx, doc[3])
(True, [Arg('russia', 'Moscou', 5)])
"""
from __future__ import annotations

from spacy.tokens import Token

from . import arguments, attribution, control, pronouns
from . import words as W
from .context import Arg, DocContext, case_of, verb_lemma


def is_passive(ctx: DocContext, verb: Token) -> bool:
    """``verb`` is in the passive voice (asked for again and again: computed once a verb)."""
    return ctx.once(("passive", verb.i), _is_passive, ctx, verb)


def _is_passive(ctx: DocContext, verb: Token) -> bool:
    kids = list(verb.children)
    if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense") \
            and (any(c.dep_ == "obl:agent" for c in kids) or arguments.stray_par_agent(ctx, verb) is not None):
        return True  # 'les otages détenus par le Hamas': a reduced passive relative
    if not any(c.dep_ == "aux:pass" for c in kids) and any(
            c.dep_ == "nsubj:pass" and c.lower_.startswith("-") for c in kids):
        return False  # "a-t-il affirmé": the inverted clitic mis-tagged nsubj:pass
    if not any(c.dep_ in ("aux:pass", "nsubj:pass", "expl:pass") for c in kids):
        return False
    if not any(c.dep_ == "aux:pass" for c in kids) and any(
            c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in kids) and not any(c.dep_ == "obl:agent" for c in kids):
        return False  # 'Berlin a assuré que…' with the subject mis-tagged nsubj:pass
    if not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in kids) and any(c.dep_ == "obj" for c in kids):
        return False  # 'se sont serré la main': a pronominal verb with an object, not a passive
    if verb_lemma(ctx.ex, verb) in W.ETRE_VERBS and not any(c.dep_ == "obl:agent" for c in kids):
        return False
    if not any(c.dep_ == "obl:agent" for c in kids) and any(
            c.pos_ == "PRON" and c.lower_ in W.REFLEXIVE and c.dep_.startswith(("expl", "obj", "iobj")) for c in kids):
        return False  # 'la Russie s'est retirée': a pronominal verb whose subject the parser tags nsubj:pass
    return True


def reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun with its *par* agent ('l'annonce faite par X')."""
    return verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense") \
        and any(c.dep_ == "obl:agent" for c in verb.children)


def is_infinitival(verb: Token) -> bool:
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def subject(ctx: DocContext, verb: Token, seen: set[int] | None = None) -> list[Arg]:
    """Actors of the subject of a verb (with subject/object control and conjunction)."""
    seen = seen or set()
    if verb.i in seen:
        return []
    seen.add(verb.i)
    passive = is_passive(ctx, verb)
    subj = None
    subjs = [c for c in verb.children
             if (c.dep_ == "nsubj" and c.lower_ not in ("-t", "-t-"))
             or (c.dep_ == "expl:subj" and c.lower_ in W.SUBJECT_PRONOUNS)
             or (c.dep_ == "nsubj:pass" and not passive and not c.lower_.startswith("-") and c.i < verb.i)
             # "a-t-il affirmé": the euphonic '-t' taken as the subject and '-il' as nsubj:pass
             or (c.dep_ == "nsubj:pass" and c.lower_.startswith("-") and c.lower_.lstrip("-") in W.SUBJECT_PRONOUNS
                 and not any(k.dep_ == "aux:pass" for k in verb.children))]
    if not subjs:
        # 'a-t-elle ajouté' with '-elle' hung on the euphonic '-t' (flat:name)
        for c in verb.children:
            if c.lower_ in ("-t", "-t-"):
                subjs = [k for k in c.children if k.lower_.lstrip("-") in W.SUBJECT_PRONOUNS]
    if subjs:
        # several subjects is a parse slip ("en Roumanie où dans la Moldavie voisine
        # l'armée russe a entamé"): the one nearest before the verb is the real one
        before = [c for c in subjs if c.i < verb.i]
        subj = apposed_person(ctx, before[-1] if before else subjs[0], subjs)
    else:
        # "la Russie a, à plusieurs reprises, déclenché": the auxiliary, cut off by an
        # incise, is parsed as a verb of its own that keeps the subject
        if "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
            sent = verb.sent
            for j in range(verb.i - 1, max(sent.start, verb.i - 16) - 1, -1):
                a = ctx.doc[j]
                if a.lemma_ == "avoir" and a.pos_ in ("VERB", "AUX") and a.i + 1 < len(ctx.doc) \
                        and ctx.doc[a.i + 1].text == "," \
                        and not any(k.dep_ in ("obj", "xcomp", "ccomp") for k in a.children):
                    subj = next((k for k in a.children if k.dep_ == "nsubj"), None) or next(
                        (k for k in a.head.children if k.dep_ == "nsubj" and k.i < a.i), None)
                    break
    if passive:
        kids = list(verb.children)
        agents = [c for c in kids if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par")]
        stray = None if agents else arguments.stray_par_agent(ctx, verb)
        if stray is not None:
            return arguments.actors(ctx, stray)
        # 'par la représentante de l'OSCE à Minsk, Heidi Tagliavini': the person named
        out = [a for c in agents for a in inverted_actors(ctx, c)]
        if agents:  # "par la Turquie, l'ONU, la Russie et l'Ukraine" (comma list parsed as obl)
            last = agents[-1]
            for c in kids:
                if c.i > last.i and c.dep_.startswith("obl") and not case_of(c):
                    first = min(t.i for t in c.subtree)
                    if first > 0 and ctx.doc[first - 1].text == ",":
                        out.extend(arguments.actors(ctx, c))
        return out
    if subj is not None and ctx.in_quote[subj.i] and not ctx.in_quote[verb.i]:
        # '« … du côté ukrainien », a déclaré Alexander Borodai': a noun inside the
        # quotation is no subject of the reporting verb outside it
        inverted = inverted_subject(ctx, verb)
        if inverted is not None:
            return inverted_actors(ctx, inverted)
        subj = None
    if subj is not None:
        got = subject_actors(ctx, verb, subj)
        if subj.pos_ != "PRON" or ctx.tok2ent[subj.i] is not None:  # 'Varsovie et ses partenaires accusent…'
            got = left_coordination(ctx, subj) + got
        return got
    inverted = inverted_subject(ctx, verb)
    if inverted is not None:
        return inverted_actors(ctx, inverted)
    head = verb.head
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") \
            and any(c.dep_ in ("mark", "case") and c.lower_ == "en" for c in verb.children):
        # gérondif ("en incitant Zelensky à..."): the subject of the clause it modifies
        cur = verb.head
        for _ in range(4):
            if cur.pos_ in ("VERB", "AUX"):
                return subject(ctx, cur, seen)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return []
    if verb.dep_ == "conj" and reduced_passive(head) and head.head.pos_ in ("NOUN", "PROPN") \
            and head.head.head.pos_ in ("VERB", "AUX") and not any(case_of(c) == "par" for c in verb.children) \
            and any(c.dep_ in ("ccomp", "obj", "xcomp") for c in verb.children):
        # 'a salué l'annonce faite par Ankara et jugé que…': an active participle hung on a
        # passive one inside the object is coordinated with the main verb
        return subject(ctx, head.head.head, seen)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject(ctx, head, seen)
    if verb.dep_ == "acl" and "Fin" in verb.morph.get("VerbForm") and head.pos_ in ("NOUN", "PROPN") \
            and head.i < verb.i and not any(c.dep_ in ("mark", "nsubj", "nsubj:pass") for c in verb.children):
        # "Kiev et ses alliés occidentaux accusent la Russie": a finite verb the parser
        # hung on the noun before it as a clause; that noun phrase is its subject
        got = arguments.actors(ctx, head)
        if got:
            root = head
            while root.dep_ == "conj" and root.head.i < root.i:
                root = root.head
            return arguments.actors(ctx, root) if root.i != head.i else got
    if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") \
            and head.lemma_.lower() in W.DOCUMENT_NOUNS and head.head.pos_ in ("VERB", "AUX") \
            and head.dep_ in ("obj", "nsubj:pass"):
        # 'le Conseil a adopté une résolution appelant à un cessez-le-feu': a text speaks
        # for whoever adopts, publishes or signs it
        return subject(ctx, head.head, seen)
    if participial_adjunct(ctx, verb):
        # "a-t-il affirmé, appelant les militaires à...": a present participle set off by
        # a comma shares the subject of the clause it comments on
        return subject(ctx, head, seen)
    if verb.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("obj", "obl", "obl:arg") \
            and head.head.pos_ in ("VERB", "AUX") and "Part" in verb.morph.get("VerbForm") \
            and not any(c.dep_.startswith("aux") for c in verb.children) \
            and any(c.dep_ == "cc" for c in verb.children):
        # "a défendu un retour historique et accusé l'Occident": the second participle,
        # attached by the parser to the first verb's object, shares its subject
        return subject(ctx, head.head, seen)
    if verb.dep_ in ("xcomp", "advcl", "ccomp", "acl") and is_infinitival(verb):
        if head.pos_ == "NOUN" and any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in head.children) \
                and head.head.pos_ in ("VERB", "AUX") and head.dep_ in ("obj", "nsubj", "obl", "obl:arg"):
            # 'Biden a confirmé sa décision de retirer…': the possessor of the intention
            # noun is the subject of the verb that governs it
            return subject(ctx, head.head, seen)
        owner = control.intention_owner(ctx, verb)
        if owner:  # 'la décision de Moscou de lancer…'
            return owner
        if head.pos_ in ("VERB", "AUX"):
            if verb_lemma(ctx.ex, head) in ctx.ex.agent_from_object:
                ctrl = controller_object(ctx, head)
                if ctrl:
                    return ctrl
            return subject(ctx, head, seen)
        predicate = control.copular_predicate(verb)
        if predicate is not None:  # 'la Turquie est le dernier pays à approuver…'
            return subject(ctx, predicate, seen)
        return []
    return adjacent_subject(ctx, verb)


def apposed_person(ctx: DocContext, subj: Token, subjs: list[Token]) -> Token:
    """Two subjects where the second is a person's name set off by a comma right after the
    first, a description ('a ajouté le chef de la diplomatie de l'UE, Josep Borrell'):
    the name is the subject. A subject that is itself a name is kept."""
    if ctx.tok2ent[subj.i] is not None:
        return subj
    end = max(t.i for t in subj.subtree)
    for c in subjs:
        ent = ctx.tok2ent[c.i]
        if c.i != subj.i and ent is not None and ent.label_ == "PER" and ent.start == end + 2 \
                and ctx.doc[end + 1].text == ",":
            return c
    return subj


def participial_adjunct(ctx: DocContext, verb: Token) -> bool:
    """A present participle without 'en' (advcl/conj of a verb) right after a comma."""
    if verb.dep_ not in ("advcl", "conj", "acl") or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense"):
        return False
    if any(c.dep_ in ("nsubj", "nsubj:pass", "mark") for c in verb.children):
        return False
    if ctx.in_quote[verb.head.i] and not ctx.in_quote[verb.i]:
        return False  # a participle outside a quotation does not comment on the quoted clause
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith(("aux", "expl")) or c.lower_ in W.NE_CLITICS])
    return first > 0 and ctx.doc[first - 1].text == ","


def adjacent_subject(ctx: DocContext, verb: Token) -> list[Arg]:
    """Parse-failure fallback for a finite verb without subject: the actor named just
    before it ("Washington a mis en garde...", "que Washington sanctionnerait")."""
    if is_infinitival(verb) or verb.dep_ in ("xcomp", "acl", "amod"):
        return []
    if "Fin" not in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
        return []
    first = min([verb.i] + [c.i for c in verb.children
                            if c.dep_.startswith(("aux", "expl")) or c.lower_ in W.NE_CLITICS])
    j = first - 1
    if j < 0 or "\n" in ctx.doc[j].whitespace_:
        return []
    ent = ctx.tok2ent[j]
    if ent is None or ent.end - 1 != j:
        return []
    root = ent.root
    while root.dep_ == "conj" and ctx.tok2ent[root.head.i] is not None:
        root = root.head
    return left_coordination(ctx, root) + arguments.actors(ctx, root)


def left_coordination(ctx: DocContext, subj: Token) -> list[Arg]:
    """"Kiev et Moscou ont conclu" parsed with Kiev as a fragment: actors named before the
    subject and joined to it by a comma or et/ni, whose own attachment is a fragment."""
    out: list[Arg] = []
    start = min(t.i for t in subj.subtree)
    j = start - 1
    while j >= 1 and ctx.doc[j].lower_ in (",", "et", "ni"):
        k = j - 1
        ent = ctx.tok2ent[k]
        if ent is None or ent.end - 1 != k:
            break
        r = ent.root
        if not (r.dep_ in ("ROOT", "dep", "appos") or r.i == subj.head.i or subj.head.head.i == r.i):
            break
        if any(k.dep_ == "case" for k in r.children) or (ent.start > 0 and ctx.doc[ent.start - 1].pos_ == "ADP"):
            break  # 'selon le Wall Street Journal, le Royaume-Uni…': a source, no conjunct
        out.insert(0, Arg(ent._.actor_id, ent.text, ent.start))
        j = ent.start - 1
        while j >= 1 and ctx.doc[j].pos_ == "DET":
            j -= 1
    return out


def subject_actors(ctx: DocContext, verb: Token, subj: Token) -> list[Arg]:
    low = subj.lower_
    if ctx.tok2ent[subj.i] is not None:
        return arguments.actors(ctx, subj)
    if subj.pos_ == "PRON":
        if low in W.SUBJECT_PRONOUNS and verb_lemma(ctx.ex, verb) not in W.IMPERSONAL_VERBS:
            return pronouns.pronoun(ctx, subj)
        if low == "qui" and subj.i > 1 and ctx.doc[subj.i - 1].text == "," and verb.dep_ != "acl:relcl":
            got = comma_antecedent(ctx, subj)
            if got:
                return got
        if low == "qui" and verb.dep_ == "acl:relcl":
            # a name right before 'qui' is its antecedent whatever the parse says
            # ("c'était la Turquie qui avait bloqué..."), unless it is a de-complement
            prev = ctx.tok2ent[subj.i - 1] if subj.i > 0 else None
            if prev is not None and prev.end == subj.i and prev.root.dep_ != "nmod":
                return [Arg(prev._.actor_id, prev.text, prev.start)]
            # "...par les dirigeants européens, qui dénoncent": the noun phrase that ends
            # right before the comma, whatever the parser attached the clause to
            if subj.i > 1 and ctx.doc[subj.i - 1].text == "," and verb.head.pos_ in ("VERB", "AUX"):
                got = comma_antecedent(ctx, subj)
                if got:
                    return got
            # "Giuseppe Cavo Dragone, président du Comité militaire de l'OTAN, qui affirme"
            h = verb.head
            for _ in range(3):
                if ctx.tok2ent[h.i] is not None and ctx.tok2ent[h.i].label_ == "PER":
                    return arguments.actors(ctx, h)
                if h.dep_ not in ("nmod", "appos") or h.head.i == h.i:
                    break
                h = h.head
            return arguments.actors(ctx, verb.head)
        if low in W.FIRST_PERSON:
            spk = attribution.speaker(ctx, verb) or attribution.quotation_speaker(ctx, verb)
            if spk is not None and low == "nous":
                return attribution.speaker_body(ctx, spk)
            return [spk] if spk is not None else []
        return []
    return arguments.actors(ctx, subj)


def comma_antecedent(ctx: DocContext, qui: Token) -> list[Arg]:
    """', qui …': the actors of the noun phrase that ends right before the comma."""
    k = ctx.doc[qui.i - 2]
    if k.pos_ == "ADJ" and k.dep_ == "amod":
        k = k.head
    if k.pos_ in ("NOUN", "PROPN") and max(t.i for t in k.subtree) == qui.i - 2:
        return arguments.actors(ctx, k)
    return []


def inverted_subject(ctx: DocContext, verb: Token) -> Token | None:
    """', a rapporté l'AFP': a reporting incise whose subject follows (parsed obj)."""
    lemma = verb_lemma(ctx.ex, verb)
    report = lemma in ctx.ex.report_verbs
    if not (report or lemma in W.INCISE_VERBS) or verb.dep_ not in ("parataxis", "conj", "ROOT", "advcl"):
        return None
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith(("aux", "expl"))])
    if first == 0 or ctx.doc[first - 1].text not in (",", "»", "”", '"'):
        return None
    j = first - 1
    while j > 0 and ctx.doc[j].text == ",":
        j -= 1
    quoted = ctx.doc[j].text in ("»", "”", '"') or ctx.in_quote[j]
    if not report and not quoted:
        return None  # other speech acts open an incise only right after a quotation
    # a clause the parser hung as advcl without a quotation before it: only a name
    strict = verb.dep_ == "advcl" and not quoted
    # '», s'est insurgé Donald Trump': the inverted name may be parsed obj, nsubj or dep
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("obj", "nsubj", "dep") and not case_of(c) and inverted_actors(ctx, c) \
                and (not strict or ctx.tok2ent[c.i] is not None):
            return c
    return None


def inverted_actors(ctx: DocContext, tok: Token) -> list[Arg]:
    """The inverted subject of an incise: a person named after a comma at the end of the
    description wins over the description's own complements ('a déclaré le Premier
    ministre de la République de Lougansk, Igor Plotnitski')."""
    got = arguments.actors(ctx, tok)
    if ctx.tok2ent[tok.i] is not None:
        return got
    for t in tok.subtree:
        ent = ctx.tok2ent[t.i]
        if ent is not None and ent.label_ == "PER" and t.i == ent.start and t.i > 0 \
                and ctx.doc[t.i - 1].text == "," and t.i - tok.i <= 15:
            return [Arg(ent._.actor_id, ent.text, ent.start)]
    # '…, a ajouté la présidente de la Commission, Ursula von der Leyen': the name after
    # the description's comma, parsed as a sibling of the description
    end = max(t.i for t in tok.subtree)
    if end + 2 < len(ctx.doc) and ctx.doc[end + 1].text == ",":
        ent = ctx.tok2ent[end + 2]
        if ent is not None and ent.label_ == "PER" and ent.start == end + 2 and ent.root.head.i == tok.head.i:
            return [Arg(ent._.actor_id, ent.text, ent.start)]
    return got


def controller_object(ctx: DocContext, verb: Token) -> list[Arg]:
    """Object control: 'exhorter X à', 'mettre en garde X contre', 'demander à X de'."""
    for c in verb.children:
        if c.dep_ in ("obj", "iobj"):
            if c.pos_ == "PRON" and c.lower_ in W.OBJECT_PRONOUNS:
                return pronouns.pronoun(ctx, c, exclude={a.id for a in subject(ctx, verb)}, subject=False)
            got = arguments.actors(ctx, c)
            if got:
                return got
    for c in verb.children:  # 'mis en garde Pékin' (Pékin parsed under 'garde')
        if c.dep_.startswith("obl") and case_of(c) in ("à", "en"):
            for k in c.children:
                if k.dep_ == "nmod" and not case_of(k):
                    got = arguments.actors(ctx, k)
                    if got:
                        return got
            if case_of(c) == "à":
                got = arguments.actors(ctx, c)
                if got:
                    return got
    return []
