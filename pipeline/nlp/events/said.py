"""Speech acts typed by what is said: a verb of saying whose content demands an act of
another named party is a REQUEST to that party; one whose content announces, in the
future, force by the speaker's own side is a THREATEN.

The content of a verb of saying is its complement clause ("a déclaré que Moscou devait
retirer ses troupes") or the quotation it comments when it opens an incise ("« L'Iran doit
accepter la paix », a ajouté Donald Trump"). The words are in ``models/trigger_words.yaml``
(written from the PLOVER definitions of REQUEST and THREATEN).

>>> from pipeline.nlp.events.context import hand_parsed
>>> doc = hand_parsed('''
... Il il PRON nsubj 2
... a avoir AUX aux:tense 2
... dit dire VERB ROOT 2
... que que SCONJ mark 6
... Moscou Moscou PROPN nsubj 5
... doit devoir VERB ccomp 2
... partir partir VERB xcomp 5''')
>>> [t.text for t in content_roots(doc[2])]
['doit']
>>> deontic_subjects(doc[2])[0].text
'Moscou'
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lexicon import word_list, words
from . import words as W
from .context import Arg, case_of

if TYPE_CHECKING:
    from .context import DocContext

FILE = "trigger_words.yaml"
DEONTIC = words(FILE, "deontic_verbs")
IMPERSONAL_DEONTIC = words(FILE, "impersonal_deontic_verbs")
HARM_PHRASES = word_list(FILE, "harm_phrases")
SPEAKER_PRONOUNS = words(FILE, "speaker_pronouns")

#: types of the content triggers that make an announcement of the speaker's force a threat
FORCE_TYPES = ("ASSAULT", "COERCE", "SANCTION")
#: clauses that hang on a quotation but are not its main predication
SIDE_DEPS = ("advcl", "acl:relcl", "acl", "csubj")


def content_roots(tok: Token) -> list[Token]:
    """The heads of what a verb of saying says: its complement clauses, and the quotation
    it comments when it opens an incise (or, when the parser made the incise verb the
    root, the clause before it)."""
    from .speech import opens_incise  # speech -> filters -> triggers -> said
    roots = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
    if opens_incise(tok):
        roots += quoted_clauses(tok)
    out, seen = [], set()
    for r in roots:
        if r.i not in seen:
            seen.add(r.i)
            out.append(r)
    return out


def quoted_clauses(tok: Token) -> list[Token]:
    """The heads of the clauses of what an incise verb comments: the words between the
    opening of the quotation (or of the sentence) and the incise that have a subject of
    their own, or a finite verb (the parser attaches the incise to any of them)."""
    doc = tok.doc
    first = min([tok.i] + [c.i for c in tok.children if c.i < tok.i])
    start = tok.sent.start
    for j in range(first - 1, start - 1, -1):
        if doc[j].text in ("«", "“") or (doc[j].text == '"' and j < first - 1 and any(
                doc[k].text == '"' for k in range(j + 1, first))):
            start = j + 1
            break
    out = []
    for t in doc[start:first]:
        if t.head.i == tok.i or (t.head.i < start or t.head.i >= first) or t.dep_ in ("ROOT", "conj", "parataxis"):
            if any(c.dep_ in ("nsubj", "nsubj:pass") for c in t.children) or (
                    t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")):
                out.append(t)
    return out


def _clauses(root: Token) -> list[Token]:
    """A content root with the clauses coordinated to it ("X doit partir et Y doit…")."""
    return [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _nominal_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


def deontic_subjects(tok: Token, opinion: bool = False) -> list[Token]:
    """The subjects of a deontic verb in the indicative ("doit", "devait", "devra") or of
    the clause of an impersonal "il faut que" in the content of a verb of saying. For a
    verb of opinion (``opinion``: estimer, juger…) only a quotation counts: "estime que la
    Russie doit négocier" is a view, "« La Russie doit négocier », a estimé X" a demand."""
    out = []
    roots = content_roots(tok)
    if opinion:
        roots = [r for r in roots if not (r.head.i == tok.i and r.dep_ == "ccomp")]
    for root in roots:
        for cl in _clauses(root):
            lemma = cl.lemma_.lower()
            if lemma in DEONTIC and cl.pos_ == "VERB" and "Cnd" not in cl.morph.get("Mood") \
                    and any(c.dep_ == "xcomp" for c in cl.children):
                s = _nominal_subject(cl)
                if s is not None:
                    out.append(s)
            elif lemma in IMPERSONAL_DEONTIC:
                for c in cl.children:
                    if c.dep_ == "ccomp" and any(k.dep_ == "mark" and k.lower_ in ("que", "qu'", "qu’") for k in c.children):
                        s = _nominal_subject(c)
                        if s is not None:
                            out.append(s)
    return out


def demanded_parties(ctx: DocContext, tok: Token, exclude: set[str], opinion: bool = False) -> list[Arg]:
    """The named actors the content of a verb of saying asks to act (the subjects of its
    deontic verbs), other than ``exclude`` (the speaker); pronouns are left out (the
    speaker's "nous" is a commitment, "il" is too often the speaker)."""
    from .arguments import actors
    got: list[Arg] = []
    for s in deontic_subjects(tok, opinion):
        if s.pos_ == "PRON":
            continue
        got += [a for a in actors(ctx, s, depth=1, role="target") if a.id not in exclude]
    return got


def _future(cl: Token) -> bool:
    """The clause is in the future tense (the verb, its auxiliary or copula), or is
    "aller" + infinitive."""
    heads = [cl] + [c for c in cl.children if c.dep_ in ("aux:tense", "aux:pass", "cop")]
    if any("Fut" in h.morph.get("Tense") for h in heads):
        return True
    low, lemma = cl.lower_, cl.lemma_.lower()
    if cl.pos_ == "VERB" and any(low.endswith(e) and len(low) > len(e) + 2 and lemma.startswith(low[: -len(e)])
                                 for e in W.FUT_ENDINGS):
        return True  # a future the tagger missed ("frapperons" tagged present)
    return cl.lemma_ == "aller" and any(c.dep_ == "xcomp" for c in cl.children)


def _main_tokens(cl: Token) -> list[Token]:
    """The clause's own words, without its side clauses."""
    out = [cl]
    for c in cl.children:
        if c.dep_ not in SIDE_DEPS and c.dep_ not in ("parataxis", "conj", "punct"):
            out.extend(c.subtree)
    return sorted(out, key=lambda t: t.i)


def _has_harm_phrase(toks: list[Token]) -> bool:
    """One of ``harm_phrases`` in the clause, by lemmas or forms, adverbs and determiners
    that are not part of it skipped ("feront **très** mal")."""
    for phrase in HARM_PHRASES:
        ws = phrase.split()
        keep = [t for t in toks if t.lemma_.lower() in ws or t.lower_ in ws or t.pos_ not in ("ADV", "DET", "PUNCT")]
        n = len(ws)
        for seq in ([t.lemma_.lower() for t in keep], [t.lower_ for t in keep]):
            if any(seq[i:i + n] == ws for i in range(len(seq) - n + 1)):
                return True
    return False


def threat(ctx: DocContext, tok: Token, speaker_ids: set[str]) -> bool:
    """The content announces, in the future, force or coercion by the speaker's own side:
    a force trigger or a phrase of harm in a future clause whose subject is the speaker,
    a first-person pronoun or no actor ("ces sanctions feront très mal à la Russie")."""
    from .arguments import actor
    from .triggers import trigger_key
    for root in content_roots(tok):
        for cl in _clauses(root):
            if not _future(cl):
                continue
            s = _nominal_subject(cl)
            if s is not None:
                if s.pos_ == "PRON":
                    if s.lower_ not in SPEAKER_PRONOUNS:
                        continue
                else:
                    a = actor(ctx, s, depth=1)
                    if a is not None and a.id not in speaker_ids:
                        continue  # a forecast about a third party
            toks = _main_tokens(cl)
            if _has_harm_phrase(toks):
                return True
            for t in toks:
                key = trigger_key(ctx.ex, t)
                if key is not None and key in ctx.ex.keys and any(
                        e.type in FORCE_TYPES and e.obj is None and e.prep is None and not e.reflexive
                        for e in ctx.ex.entries[key]):
                    return True
    return False


def threatened_parties(ctx: DocContext, tok: Token, exclude: set[str]) -> list[Arg]:
    """Whom the threat of :func:`threat` is against: an actor that is the object, or is
    introduced by à/contre/sur/vers, in a future clause of the content."""
    from .arguments import actors
    for root in content_roots(tok):
        for cl in _clauses(root):
            if not _future(cl):
                continue
            for c in [cl] + [k for k in cl.children if k.dep_ == "xcomp"]:
                for k in c.children:
                    if k.dep_ in ("obj", "iobj") or (k.dep_.startswith("obl") and k.dep_ != "obl:agent"
                                                      and case_of(k) in ("à", "contre", "sur", "vers")):
                        got = [a for a in actors(ctx, k, depth=1, role="target") if a.id not in exclude]
                        if got:
                            return got
    return []


def reproach(ctx: DocContext, tok: Token, speaker_ids: set[str]) -> list[Arg]:
    """What a verb of saying states in its complement clause is a reproach to a named
    party: the clause holds one of the ``negative_evaluations`` of event_words.yaml (not
    negated) and names an actor other than the speaker as its subject or as a complement
    of the evaluative word ("a affirmé que l'annexion par la Russie était illégale" ->
    Russie). Returns that party (the ACCUSE target), or ``[]``."""
    from .arguments import actors
    for cl in [c for c in tok.children if c.dep_ == "ccomp"]:
        toks = _main_tokens(cl)
        hit = next((t for t in toks if (t.lemma_.lower() in W.NEGATIVE_EVALUATIONS or t.lower_ in W.NEGATIVE_EVALUATIONS)
                    and " " not in t.lower_), None)
        if hit is None:
            continue
        heads = [cl, hit, hit.head]
        if any(k.dep_ == "advmod" and k.lower_ in W.NEG_ADVERBS for h in heads for k in h.children):
            continue
        subj = [c for c in cl.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ != "PRON"]
        # the subject, its complements ("le blocus par l'Azerbaïdjan"), the evaluative word's complements
        cands = subj + [k for c in subj for k in c.children if k.dep_ == "nmod"]
        cands += [c for c in hit.children if c.dep_ == "nmod"]
        for c in cands:
            got = [a for a in actors(ctx, c, depth=1, role="target") if a.id not in speaker_ids]
            if got:
                return got
    return []


def speech_act(ctx: DocContext, tok: Token, opinion: bool = False) -> str:
    """``REQUEST``, ``THREATEN`` or ``ACCUSE`` when what a verb of saying says is one;
    ``""`` otherwise. ``opinion``: the verb is one of evaluation (see :func:`deontic_subjects`)."""
    if not content_roots(tok):
        return ""
    from .subjects import subject
    speakers = {a.id for a in subject(ctx, tok)}
    if demanded_parties(ctx, tok, speakers, opinion):
        return "REQUEST"
    if threat(ctx, tok, speakers):
        return "THREATEN"
    if reproach(ctx, tok, speakers):
        return "ACCUSE"
    return ""
