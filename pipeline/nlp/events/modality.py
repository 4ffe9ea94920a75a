"""Modality: whether an event is asserted, hypothetical or negated.

A verb trigger is negated by ``ne ... pas`` and its kin, a negative subject or object, or a
negating governor (``refuser de``); it is hypothetical when it is conditional or future
(also read from its ending when the tagger missed it), in a ``si`` clause, under a verb,
noun or adverb of hypothesis, or in a question. A noun trigger reads the same cues on its
determiner, adjectives and governors.

>>> from pipeline.nlp.events.context import hand_parsed
>>> doc = hand_parsed('''
... Moscou Moscou PROPN nsubj 1
... envahirait envahir VERB ROOT 1 Mood=Ind|VerbForm=Fin
... l' le DET det 3
... Ukraine Ukraine PROPN obj 1
... ? ? PUNCT punct 1''')
>>> tense_by_suffix(doc[1]), sentence_question(doc[:])
('Cnd', True)
>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext
>>> verb_modality(DocContext(EventExtractor(), doc), doc[1], doc[:])
'hypothetical'
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from ...lexicon import words
from ..tense import future_form, tense_by_suffix
from . import words as W
from .context import DocContext, case_of, verb_lemma

PLANNING_PARTICIPLES = words("modality.yaml", "planning_participles")


def conditional_clauses(ctx: DocContext) -> set[int]:
    """Heads of clauses introduced by si / au cas où / à condition que ... (not 'même si')."""
    heads = set()
    markers = ctx.ex.cond_markers
    doc = ctx.doc
    strings = doc.vocab.strings
    cues = np.array([strings.add(w) for w in ("si", "s'", "s’", "cas", "condition", "peu")], dtype="uint64")
    for i in np.nonzero(np.isin(doc.to_array(LOWER), cues))[0].tolist():
        tok = doc[i]
        low = tok.lower_
        if low in ("si", "s'", "s’") and tok.pos_ == "SCONJ":
            if tok.i > 0 and doc[tok.i - 1].lower_ == "même":
                continue
            head = tok.head
            for _ in range(3):  # 'si' attached to the subject by a parse slip
                if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                    break
                head = head.head
            heads.add(head.i)
        elif low in ("cas", "condition", "peu"):
            prev = doc[max(0, tok.i - 2): tok.i].text.lower().replace("’", "'")
            nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
            phrase = f"{prev} {low} {nxt}".strip()
            if any(m in phrase for m in markers if " " in m) and tok.i + 1 < len(doc):
                nxt_tok = doc[tok.i + 1]
                head = nxt_tok.head if nxt_tok.head.pos_ in ("VERB", "AUX") else None
                if head is None:
                    head = next((c for c in tok.children if c.pos_ == "VERB"), None)
                if head is not None:
                    heads.add(head.i)
    return heads


def own_hyp(v: Token) -> bool:
    """Mood=Cnd / Tense=Fut on the verb or its auxiliaries (when the form agrees)."""
    for t in [v, *[c for c in v.children if c.dep_.startswith("aux")]]:
        if ("Cnd" in t.morph.get("Mood") or "Fut" in t.morph.get("Tense")) and future_form(t):
            return True
        if t.pos_ in ("VERB", "AUX") and tense_by_suffix(t):
            return True
    return False


def has_ne(ctx: DocContext, v: Token) -> bool:
    """The clitic *ne* of a verbal negation: a dependent of the verb or of its auxiliary, or
    one of the two words before the verb group (the parser sometimes hangs it elsewhere)."""
    t = ctx.table
    low, kids = t.lower, t.children[v.i]
    if any(low[c] in W.NE_CLITICS for c in kids):
        return True
    auxes = [c for c in kids if t.dep[c].startswith("aux")]
    if any(low[k] in W.NE_CLITICS for a in auxes for k in t.children[a]):
        return True
    first = min([v.i] + auxes)
    return any(low[i] in W.NE_CLITICS for i in range(max(0, first - 3), first))


def own_neg(ctx: DocContext, v: Token) -> bool:
    """Verbal negation of ``v``. Written French marks it with *ne* and a second word (pas,
    jamais, plus…); a *pas* without *ne* is an elliptic contrast on a phrase ("cela, pas
    le sien", "et non pas la guerre"), which does not negate the verb."""
    t = ctx.table
    lower, dep, kids = t.lower, t.dep, t.children[v.i]
    lows = {lower[c] for c in kids}
    ne = has_ne(ctx, v)
    for c in kids:
        low = lower[c]
        if dep[c] == "advmod" and low in W.NEG_ADVERBS:
            if not ne:
                continue
            if any(x in ctx.ex.neg_exceptions for x in lows):
                continue
            return True
        if dep[c] == "mark" and low == "sans":
            if c + 1 >= len(lower) or lower[c + 1] != "doute":
                return True
    if ne and any(dep[c] in ("obj", "nsubj") and lower[c] in W.NEGATION_PRONOUNS for c in kids):
        return True
    if ne and any(dep[c] in ("obj", "nsubj", "nsubj:pass") and any(
            dep[d] == "det" and t.lemma[d].lower() in W.NEG_DETS for d in t.children[c]) for c in kids):
        return True
    return False


def has_hyp_adverb(ctx: DocContext, v: Token) -> bool:
    t = ctx.table
    for c in t.children[v.i]:
        if t.dep[c] == "advmod":
            low = t.lemma[c].lower()
            if low in ctx.ex.hyp_adverbs:
                return True
            if low == "sans" and c + 1 < len(t.lower) and t.lower[c + 1] == "doute":
                return True
    return False


def verb_hyp(ctx: DocContext, v: Token, depth: int = 0) -> bool:
    if v.i in ctx.hyp_memo:
        return ctx.hyp_memo[v.i]
    res = False
    if own_hyp(v) or has_hyp_adverb(ctx, v) or v.i in ctx.cond_clauses or purpose(v):
        res = True
    elif depth < 8:
        head = v.head
        dep = v.dep_
        if head.i != v.i and head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            hl = verb_lemma(ctx.ex, head)
            if dep in ("xcomp", "ccomp", "obj", "obl:arg", "obl", "obl:mod", "acl", "advcl", "csubj"):
                if head.pos_ == "NOUN" and hl in ctx.ex.hyp_nouns and dep == "acl":
                    res = True
                elif head.pos_ in ("VERB", "AUX") and hl in ctx.ex.hyp_verbs and dep != "advcl" \
                        and not perfect_infinitive(v):
                    if hl in ctx.ex.xcomp_only_hyp:
                        res = dep == "xcomp"
                    elif hl in ctx.ex.attr_verbs and dep == "ccomp":
                        res = False
                    else:
                        res = True
                if not res and head.pos_ in ("VERB", "AUX") and dep in ("xcomp", "advcl", "acl"):
                    res = verb_hyp(ctx, head, depth + 1) if dep == "xcomp" else head.i in ctx.cond_clauses
                if not res and dep == "advcl" and head.i in ctx.cond_clauses:
                    res = True
            if not res and dep == "advcl" and gerund(v) and head.pos_ in ("VERB", "AUX"):
                # 'veut s'étendre en admettant l'Ukraine': a gérondif shares the time and
                # the mood of the clause it modifies
                res = verb_hyp(ctx, head, depth + 1)
            elif dep == "conj" and head.pos_ in ("VERB", "AUX"):
                if not any(c.dep_.startswith("aux") for c in v.children) and "Fin" not in v.morph.get("VerbForm"):
                    res = verb_hyp(ctx, head, depth + 1)
    # a trigger inside a conditional clause, however deep
    if not res:
        for a in v.ancestors:
            if a.i in ctx.cond_clauses:
                res = True
                break
    ctx.hyp_memo[v.i] = res
    return res


#: subordinators of a clause of purpose ('pour', 'afin de'): the aim is not yet reached
PURPOSE_MARKS = frozenset({"pour", "afin"})


def purpose(v: Token) -> bool:
    """An infinitive clause of purpose ('se sont accordés pour poursuivre les négociations',
    'afin de protéger l'Ukraine'): what is aimed at has not happened. A perfect infinitive
    after 'pour' gives a cause, which has ('condamné pour avoir envahi')."""
    if "Inf" not in v.morph.get("VerbForm") or v.dep_ not in ("advcl", "xcomp", "acl", "obl", "obl:mod"):
        return False
    if any(c.dep_.startswith("aux") for c in v.children):
        return False
    return any(c.dep_ in ("mark", "case") and c.lower_ in PURPOSE_MARKS for c in v.children)


def perfect_infinitive(v: Token) -> bool:
    """A past infinitive ('a annoncé avoir rompu', 'affirme avoir abattu'): the act is
    reported as done before the governing verb, so that verb's intent does not reach it."""
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in v.children)


def gerund(v: Token) -> bool:
    """A gérondif: a present participle introduced by *en* ("en lançant")."""
    return "Part" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense") \
        and any(c.dep_ in ("mark", "case") and c.lower_ == "en" for c in v.children)


def verb_neg(ctx: DocContext, v: Token, depth: int = 0) -> bool:
    if v.i in ctx.neg_memo:
        return ctx.neg_memo[v.i]
    res = own_neg(ctx, v)
    if not res and depth < 6:
        head = v.head
        if head.i != v.i and head.pos_ in ("VERB", "AUX"):
            hl = verb_lemma(ctx.ex, head)
            if v.dep_ in ("xcomp", "ccomp") and hl in ctx.ex.neg_verbs:
                res = True
            elif v.dep_ == "xcomp" and hl not in ctx.ex.report_verbs:
                res = verb_neg(ctx, head, depth + 1)
    # ni ... ni on the subject
    if not res:
        t = ctx.table
        for c in t.children[v.i]:
            if t.dep[c] in ("nsubj", "nsubj:pass") and any(k.lower_ == "ni" for k in ctx.doc[c].subtree):
                res = True
    ctx.neg_memo[v.i] = res
    return res


def sentence_question(sent: Span) -> bool:
    for t in reversed(sent):
        if t.is_space or t.text in ("»", "”", '"', ")"):
            continue
        return t.text == "?"
    return False


#: inflection endings of an adjective -> the masculine singular ending ('potentielles' -> 'potentiel')
_ADJ_ENDINGS = (("elles", "el"), ("elle", "el"), ("els", "el"), ("ves", "f"), ("ve", "f"), ("es", ""), ("e", ""),
                ("s", ""))


def adjective_bases(word: str) -> set[str]:
    """The possible masculine singulars of a French adjective form, for a parse that
    leaves it unlemmatised (or tags it NOUN): each regular ending removed.

    >>> sorted(adjective_bases("potentielle")), sorted(adjective_bases("possibles"))
    (['potentiel', 'potentiell', 'potentielle'], ['possibl', 'possible', 'possibles'])
    """
    w = word.lower()
    return {w} | {w[: -len(end)] + base for end, base in _ADJ_ENDINGS if w.endswith(end) and len(w) > len(end) + 2}


def hypothetical_adjective(ctx: DocContext, tok: Token) -> bool:
    """A modifier of possibility or of the future ('une éventuelle offensive', 'une
    potentielle agression', 'les futures frappes'): ``hypothetical_adjectives``."""
    if tok.dep_ != "amod":
        return False
    low = tok.lemma_.lower()
    return low in ctx.ex.hyp_adjs or bool(adjective_bases(tok.text) & ctx.ex.hyp_adjs)


def planned(ctx: DocContext, tok: Token) -> bool:
    """A past participle of planning on an event noun ('les manœuvres prévues lundi')."""
    return tok.dep_ in ("acl", "amod") and "Pres" not in tok.morph.get("Tense") \
        and verb_lemma(ctx.ex, tok) in PLANNING_PARTICIPLES


def verb_modality(ctx: DocContext, v: Token, sent: Span) -> str:
    if verb_neg(ctx, v):
        return "negated"
    if verb_hyp(ctx, v) or sentence_question(sent):
        return "hypothetical"
    return "asserted"


def discussed(ctx: DocContext, noun: Token) -> bool:
    """The noun is the topic of a verb of discussion (its object or *de*/*sur* complement)."""
    from .filters import TOPIC_DEPS, TOPIC_PREPS, discussion_verb  # late: filters reads the triggers
    head = noun.head
    if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if not (noun.dep_ == "obj" or (noun.dep_ in TOPIC_DEPS and case_of(noun) in TOPIC_PREPS)):
        return False
    return discussion_verb(ctx, head)


def noun_modality(ctx: DocContext, noun: Token, sent: Span) -> str:
    for c in noun.children:
        if c.dep_ == "det" and (c.lemma_.lower() in W.NEG_DETS or c.lower_ in W.NEG_DETS):
            return "negated"
        if c.dep_ == "case" and c.lower_ == "sans":
            return "negated"
    if any(hypothetical_adjective(ctx, c) or planned(ctx, c) for c in noun.children):
        return "hypothetical"  # a possible or planned event is not negated by 'éviter'
    if discussed(ctx, noun):
        return "hypothetical"  # 'discutent de sanctions contre X': an act under discussion
    hyp = sentence_question(sent)
    cur = noun
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            break
        hl = verb_lemma(ctx.ex, head) if head.pos_ in ("VERB", "AUX") else head.lemma_.lower()
        if head.pos_ == "NOUN":
            if cur.dep_ == "nmod" and hl in ctx.ex.hyp_nouns:
                hyp = True
            if any(hypothetical_adjective(ctx, c) for c in head.children):
                hyp = True
            if cur.dep_ not in ("nmod", "conj", "appos"):
                break
            cur = head
            continue
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            if cur.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "xcomp") and hl in ctx.ex.neg_verbs:
                return "negated"
            if cur.dep_ in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass") and hl in ctx.ex.hyp_verbs \
                    and hl not in ctx.ex.xcomp_only_hyp:
                hyp = True
            if head.pos_ != "ADJ" and verb_hyp(ctx, head):
                hyp = True
        break
    return "hypothetical" if hyp else "asserted"
