"""Pronouns: the actor a subject or object pronoun refers to.

A pronoun is resolved to the nearest earlier actor mention in its sentence or the
``pronoun_window`` sentences before it: subjects first, people first for il/elle, the
subject with its conjuncts for ils/elles (which agree in number: a single singular name is
skipped), and the chain of an earlier il/elle that already stood for a person.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... Macron Macron PROPN nsubj 1
... parle parler VERB ROOT 1
... . . PUNCT punct 1
... Il il PRON nsubj 4
... ira aller VERB ROOT 4
... à à ADP case 6
... Kiev Kiev PROPN obl:mod 4''', actors={(0, 1): ("PER", "emmanuel-macron"), (6, 7): ("LOC", "kyiv")})
>>> is_subject_mention(doc.ents[0]), is_subject_mention(doc.ents[1])
(True, False)
>>> pronoun(DocContext(EventExtractor(), doc), doc[3])
[Arg('emmanuel-macron', 'Macron', 0)]
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import arguments, groups, subjects
from .context import Arg, DocContext


def pronoun(ctx: DocContext, tok: Token, exclude: set[str] = frozenset(), subject: bool = True) -> list[Arg]:
    """Resolve il/elle/ils/elles (or an object clitic) to the nearest earlier actor.

    Subject pronouns prefer the nearest earlier actor that is a subject; il/elle prefer a
    person (PER) when there is one in the window. The window is the current sentence and
    the ``pronoun_window`` previous ones.
    """
    low = tok.lower_.lstrip("-")
    if not subject and low in ("les", "leur") and subjects.is_infinitival(tok.head):
        # 'X ont demandé à Y de les aider': a plural clitic in an infinitive complement
        # refers to the subject of the governing verb
        cur = tok.head
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "ccomp", "advcl", "obl:arg") or cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                got = [a for a in subjects.subject(ctx, cur) if a.id not in exclude]
                if got:
                    return got
    if subject and tok.head.dep_ == "conj" and tok.head.head.pos_ in ("VERB", "AUX") \
            and tok.head.head.i < tok.i and not tok.lower_.startswith("-"):
        # 'les pays de l'OTAN ont validé … et ils ont promis': the subject of the first
        # coordinated clause
        got = [a for a in subjects.subject(ctx, tok.head.head) if a.id not in exclude]
        if got and (low in ("ils", "elles")) == (len({a.id for a in got}) > 1 or plural_subject(tok.head.head)):
            return got
    if subject and low in ("ils", "elles"):
        # '… à huit pays européens – le Danemark, …, la Finlande – s'ils continuent': the
        # listed members of a group noun just before, in the same sentence (groups.py)
        got = [a for a in groups.pronoun_members(ctx, tok) if a.id not in exclude]
        if got:
            return got
    sid = ctx.sent_of[tok.i]
    lo = ctx.sents[max(0, sid - ctx.ex.pronoun_window)].start
    if subject and low in ("il", "elle") and speaker_clitic(ctx, tok):
        # '», a-t-il souligné': the speaker of a quotation is a person, named earlier
        # (possibly a few sentences back, before a long quotation), never a name quoted
        lo = ctx.sents[max(0, sid - SPEAKER_WINDOW)].start
        people = [(i, e) for i, e in ctx.mentions if lo <= i < tok.i and e.label_ == "PER"
                  and e._.actor_id not in exclude and not ctx.in_quote[i]]
        chained = [(i, a) for i, a in ctx.resolved if lo <= i < tok.i and a.id not in exclude
                   and ctx.doc[i].lower_.lstrip("-") == low]
        best = None
        if people:
            i, e = people[-1]
            best = (i, Arg(e._.actor_id, e.text, e.start))
        if chained and (best is None or chained[-1][0] > best[0]):
            best = chained[-1]
        if best is not None:
            if all(i != tok.i for i, _ in ctx.resolved):
                ctx.resolved.append((tok.i, best[1]))
                ctx.resolved.sort(key=lambda x: x[0])
            return [best[1]]
    # an incise after a quotation ('», a-t-il ajouté') does not refer to a name quoted
    skip_quoted = subject and tok.head.i < tok.i and not ctx.in_quote[tok.i]
    cands = [(i, ent) for i, ent in ctx.mentions if lo <= i < tok.i and ent._.actor_id not in exclude
             and not (skip_quoted and ctx.in_quote[i] and ctx.sent_of[i] == sid)
             # a mere place (a city that stands for no state) does not act: 'ils ont promis'
             and not (subject and arguments.is_place(ctx, Arg(ent._.actor_id, ent.text, ent.start)))]
    if subject and low in ("ils", "elles"):
        # number agreement: a plural pronoun does not take a single singular name
        # ('L'accord de Doha … Ils ont promis': not Doha)
        cands = [(i, e) for i, e in cands if plural_mention(e)]
    if not cands:
        return []
    cands.reverse()

    if subject and low in ("ils", "elles"):
        # plural: the nearest subject with its conjuncts; a lone subject is joined by the
        # person/actor object of its verb ("Xi a reçu Poutine. Ils ont signé...")
        for _, ent in cands:
            if is_subject_mention(ent):
                r = ent.root
                while r.dep_ == "conj" and ctx.tok2ent[r.head.i] is not None:
                    r = r.head
                group = arguments.actors(ctx, r)
                if len(group) == 1 and r.head.i != r.i:
                    for c in r.head.children:
                        if c.dep_ == "obj" and ctx.tok2ent[c.i] is not None \
                                and ctx.tok2ent[c.i].label_ == ent.label_:
                            group.append(arguments.ent_arg(ctx, c))
                return [g for g in group if g is not None and g.id not in exclude]
    if subject and low in ("il", "elle"):
        # a chain of pronouns: 'il' continues the person an earlier 'il' stood for when
        # that pronoun is nearer than any named person subject
        prev = [(i, a) for i, a in ctx.resolved if lo <= i < tok.i and a.id not in exclude
                and ctx.doc[i].lower_.lstrip("-") == low]
        if prev:
            near_named = next((i for i, e in cands if e.label_ == "PER" and is_subject_mention(e)), -1)
            if prev[-1][0] > near_named:
                if all(i != tok.i for i, _ in ctx.resolved):
                    ctx.resolved.append((tok.i, prev[-1][1]))
                    ctx.resolved.sort(key=lambda x: x[0])
                return [prev[-1][1]]
    if subject:
        prefs = []
        if low in ("il", "elle"):
            prefs.append(lambda e: e.label_ == "PER" and is_subject_mention(e))
            prefs.append(lambda e: e.label_ == "PER")
        prefs.append(is_subject_mention)
        prefs.append(lambda e: True)
    else:
        prefs = [lambda e: e.label_ == "PER", lambda e: True]
    for pref in prefs:
        for _, ent in cands:
            if pref(ent):
                arg = Arg(ent._.actor_id, ent.text, ent.start)
                if subject and low in ("il", "elle") and ent.label_ == "PER" \
                        and all(i != tok.i for i, _ in ctx.resolved):
                    ctx.resolved.append((tok.i, arg))
                    ctx.resolved.sort(key=lambda x: x[0])
                return [arg]
    return []


def plural_mention(ent: Span) -> bool:
    """The mention can be the antecedent of ils/elles: plural by its morphology or its
    article ('les États-Unis', 'les talibans'), or coordinated with another name."""
    r = ent.root
    if "Plur" in r.morph.get("Number") or r.dep_ == "conj" or any(c.dep_ == "conj" for c in r.children):
        return True
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("les", "des", "aux", "ces")


def plural_subject(verb: Token) -> bool:
    """The verb agrees in the plural ('ont validé', 'accusent')."""
    for t in [verb, *[c for c in verb.children if c.dep_.startswith("aux")]]:
        if "Plur" in t.morph.get("Number"):
            return True
    return False


SPEAKER_WINDOW = 5  # sentences searched back for the person behind '», a-t-il dit'


def speaker_clitic(ctx: DocContext, tok: Token) -> bool:
    """An inverted subject clitic of a verb that follows a closing quotation or comma:
    '« … », a-t-il ajouté', '…, a-t-elle poursuivi'."""
    if not tok.lower_.startswith("-"):
        return False
    verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head  # '-t' '-elle'
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    j = first - 1
    while j >= 0 and ctx.doc[j].is_punct and ctx.doc[j].text in (",", "»", "”", '"', "›"):
        if ctx.doc[j].text != ",":
            return True
        j -= 1
    return j >= 0 and ctx.in_quote[j]


def is_subject_mention(ent: Span) -> bool:
    """The mention is (a conjunct of, or a name in apposition to) a subject."""
    r = ent.root
    while r.dep_ == "conj":
        r = r.head
    if r.dep_ in ("appos", "flat:name"):
        r = r.head
    return r.dep_ in ("nsubj", "nsubj:pass")
