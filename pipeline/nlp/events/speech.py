"""Speech acts and reciprocity read from the parse: what a verb of saying says decides its type.

* :func:`evaluation` — a verb of evaluation whose content holds a judgement is ACCUSE or
  SUPPORT ("a jugé l'Otan en état de mort cérébrale");
* :func:`warns_of_force` — a warning whose content names force is a THREATEN;
* :func:`opens_incise` — the verb opens an incise after what was said ("», a-t-il lancé");
* :func:`reciprocal` — two coordinated agents are each other's target ("se renvoient la faute").

The words are in ``models/event_words.yaml`` (:mod:`.words`).

>>> from pipeline.nlp.events.context import hand_parsed
>>> doc = hand_parsed('''
... Il il PRON nsubj 2
... a avoir AUX aux:tense 2
... jugé juger VERB ROOT 2
... l' le DET det 4
... accord accord NOUN obj 2
... absurde absurde ADJ amod 4''')
>>> evaluation(doc[2])
'ACCUSE'
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import filters
from . import words as W

if TYPE_CHECKING:
    from .context import DocContext


#: dependents of a verb of evaluation that are not what it says
NOT_CONTENT_DEPS = ("nsubj", "nsubj:pass", "expl:subj", "aux:tense", "aux:pass", "punct", "cc", "mark")


#: clauses of a quotation that are not its main predication
SIDE_CLAUSE_DEPS = ("ccomp", "advcl", "parataxis", "conj", "acl:relcl", "csubj")


def evaluation(tok: Token, incise_only: bool = False) -> str:
    """``ACCUSE`` or ``SUPPORT`` when what a verb of evaluation says is a judgement
    ("a jugé l'accord absurde", "a qualifié la décision de bonne nouvelle", "estime que
    c'est une provocation"), from the ``negative_evaluations`` / ``positive_evaluations``
    of ``models/event_words.yaml``; ``""`` otherwise. What a verb says is its own
    complements (unless ``incise_only``) and, when it opens an incise, the main predication
    of the quotation it comments ("« L'indécision est une faiblesse », a-t-il lancé"); for a
    verb of saying that is no verb of evaluation (``incise_only``) only a reproach counts."""
    content: list[Token] = []
    if not incise_only:
        for c in tok.children:
            if c.dep_ not in NOT_CONTENT_DEPS and c.i != tok.i:
                content.extend(t for t in c.subtree if t.i != tok.i)
    if opens_incise(tok):
        # the quotation is the clause the incise hangs on, or, when the parser made the
        # incise verb the root, its clausal or subject dependent before it
        quoted = [tok.head] if tok.head.i != tok.i else []
        quoted += [c for c in tok.children if c.i < tok.i and c.pos_ != "PRON"
                   and c.dep_ in ("nsubj", "ccomp", "parataxis", "csubj", "obj")]
        for q in quoted:
            content.append(q)
            for c in q.children:
                if c.i != tok.i and c.i < tok.i and c.dep_ not in NOT_CONTENT_DEPS + SIDE_CLAUSE_DEPS:
                    content.extend(c.subtree)
    if not content:
        return ""
    content.sort(key=lambda t: t.i)
    text = " " + " ".join(t.lower_ for t in content) + " "
    if any(" " + w + " " in text for w in W.NEGATIVE_EVALUATIONS if set(w.split()) & W.NEG_ADVERBS):
        return "ACCUSE"  # a negative phrase that holds its own negation ("pas acceptable")

    def negated(t: Token | None) -> bool:
        """The judgement's own clause is negated (the verb, the word, or its copula head)."""
        heads = [tok] + ([t, t.head] if t is not None else [])
        return any(k.dep_ == "advmod" and k.lower_ in W.NEG_ADVERBS for h in heads for k in h.children)

    scales = ((W.NEGATIVE_EVALUATIONS, "ACCUSE"), (W.POSITIVE_EVALUATIONS, "SUPPORT"))
    # a quotation praised by its own speaker ("« une conversation constructive », a-t-il
    # souligné") is about the speaker's own doings: only a reproach retypes a plain incise
    for words, kind in scales[:1] if incise_only else scales:
        hit = next((t for t in content if t.lemma_.lower() in words or t.lower_ in words), None)
        if hit is None:
            for w in sorted(words):
                if " " in w and " " + w + " " in text:
                    first = w.split()[0]
                    hit = next((t for t in content if t.lower_ == first), None)
                    break
            else:
                continue
        if kind == "ACCUSE":
            return "" if negated(hit) else "ACCUSE"
        return "ACCUSE" if negated(hit) else "SUPPORT"
    return ""


#: types whose announcement in a warning makes it a threat
FORCE_CONTENT_TYPES = ("ASSAULT", "COERCE", "SANCTION")


def warns_of_force(ctx: DocContext, tok: Token) -> bool:
    """A warning ('a prévenu que', '», a averti X') whose content names force or a sanction:
    the clause or quotation it reports holds an ASSAULT/COERCE/SANCTION trigger, verb or
    noun (not one that refers back to a reported event: "ces frappes"). The content is the verb's complement clause, or, in an incise, the
    clause the incise is attached to."""
    from .triggers import trigger_key  # noqa: F401 - triggers imports this module
    content = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "obj", "parataxis")]
    if opens_incise(tok) and tok.head.i != tok.i:
        content.append(tok.head)
    for root in content:
        for t in root.subtree:
            if t.i == tok.i or t.i > tok.i and root.i == tok.head.i:
                continue
            key = trigger_key(ctx.ex, t)
            if key is None or key not in ctx.ex.keys or filters.anaphoric(t):
                continue
            if any(e.type in FORCE_CONTENT_TYPES and e.obj is None and e.prep is None and not e.reflexive
                   for e in ctx.ex.entries[key]):
                return True
    return False


def opens_incise(tok: Token) -> bool:
    """The verb opens an incise after what was said: it follows a comma, a closing quote or
    final punctuation (its auxiliary and clitics aside) and its subject is inverted
    ('», a-t-il lancé', ', poursuit le ministre')."""
    doc = tok.doc
    first = min([tok.i] + [c.i for c in tok.children if c.i < tok.i and (
        c.dep_.startswith(("aux", "expl")) or (c.dep_.startswith(("nsubj", "obj", "iobj")) and c.pos_ == "PRON"))])
    if first == 0 or doc[first - 1].text not in (",", "»", "”", '"', "?", "!", "…", ":"):
        return False
    if any(c.dep_.startswith("nsubj") and (c.i > tok.i or c.lower_.startswith("-")) for c in tok.children):
        return True
    # the inverted subject parsed as the object ("», a prévenu Joe Biden": 'Joe' obj)
    return not any(c.dep_.startswith("nsubj") for c in tok.children) and any(
        c.dep_ == "obj" and c.i == tok.i + 1 and c.pos_ == "PROPN" for c in tok.children)


def reciprocal(tok: Token) -> bool:
    """A reciprocal verb: a reflexive clitic that is the indirect object of a verb with a
    direct object of its own ("Kiev et Moscou se renvoient la responsabilité"), or
    "mutuellement" / "l'un l'autre" on it. Its two coordinated subjects are each other's target."""
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "advmod" and c.lower_ in W.RECIPROCAL_ADVERBS for c in tok.children):
        return True
    return any(c.pos_ == "PRON" and c.lower_ in W.REFLEXIVE and c.dep_ in ("iobj", "expl:comp", "expl")
               for c in tok.children) and any(c.dep_ == "obj" and c.pos_ == "NOUN" for c in tok.children)
