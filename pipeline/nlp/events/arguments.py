"""Argument extraction: the actors a token stands for.

:func:`actor` reads one actor from a token (its entity, a name in apposition, a
nationality adjective, a ``de``-complement up to two levels deep); :func:`actors` adds the
coordinated conjuncts; :func:`prep_actors` is the stricter reading of a prepositional
phrase; :func:`venue_filter` and :func:`deep_place_targets` decide when a place is the
target of an event and when it is only where the event happened.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... les le DET det 1
... chars char NOUN ROOT 1
... russes russe ADJ amod 1
... et et CCONJ cc 4
... Kiev Kiev PROPN conj 1''', actors={(4, 5): ("LOC", "ukraine")})
>>> ctx = DocContext(EventExtractor(), doc)
>>> actors(ctx, doc[1])
[Arg('russia', 'russes', 2), Arg('ukraine', 'Kiev', 4)]
>>> actor(ctx, doc[1], adj=False) is None, is_place(ctx, Arg("ukraine", "Kiev", 4))
(True, False)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lexicon import words
from ..normalize import fold
from . import words as W
from .control import is_crowd
from .groups import members as group_members
from .context import Arg, DocContext, case_of

if TYPE_CHECKING:
    from .triggers import Entry

POST_NOUNS = words("argument_words.yaml", "post_nouns")
HELD_PEOPLE_NOUNS = words("argument_words.yaml", "held_people_nouns")


def is_place(ctx: DocContext, arg: Arg) -> bool:
    """A mere place: a LOC actor that is not a state (no nationality adjective, no
    metonym such as a capital): Bruxelles, Texas, mer du Nord, oblast de Kharkiv."""
    if arg is None:
        return False
    entry = ctx.ex.gaz.get(arg.id)
    if entry is None:
        ent = ctx.tok2ent[arg.i]
        return ent is not None and ent.label_ == "LOC"
    return entry.type == "LOC" and not entry.adjectives and not entry.metonyms


def venue_filter(ctx: DocContext, got: list[Arg], entry: Entry, prep: str, dep: str) -> list[Arg]:
    """Drop mere places introduced by à/en/dans when the event type takes no place target."""
    if entry.type in W.FORCE_TYPES or prep not in W.PLACE_PREPS or dep in ("obl:arg", "iobj"):
        return got
    if entry.prep and prep in entry.prep:
        return got  # 'se rendre à X': the place is the argument
    return [g for g in got if not is_place(ctx, g)]


def deep_place_targets(ctx: DocContext, roots: list[Token], exclude: set[str],
                       preps: tuple = W.DEEP_PLACE_PREPS) -> list[Arg]:
    """For force types: a name reached through a chain of nominal modifiers from a
    locative phrase ('au sein de brigades multinationales en Pologne', 'dans la région
    séparatiste de la Transnistrie', 'frappes de missiles balistiques sur Lviv')."""
    frontier = list(roots)
    for _ in range(4):
        nxt = []
        for n in frontier:
            if case_of(n) in preps:
                # 'aux côtés de la Russie', 'au sein de l'OTAN': a complex preposition,
                # its de-complement is no place
                deep = 0 if n.lemma_.lower() in W.COMPLEX_PREP_NOUNS else 2
                got = [g for g in actors(ctx, n, depth=deep, adj=False, role="target") if g.id not in exclude]
                if got:
                    return got
            for c in n.children:
                if c.dep_ in ("nmod", "conj", "obl", "obl:mod") and c.pos_ in ("NOUN", "PROPN", "X"):
                    nxt.append(c)
        frontier = nxt
        if not frontier:
            break
    return []


def ent_arg(ctx: DocContext, tok: Token) -> Arg | None:
    ent = ctx.tok2ent[tok.i]
    if ent is None:
        return None
    return Arg(ent._.actor_id, ent.text, ent.start)


def actor(ctx: DocContext, tok: Token, depth: int = 2, nmod: bool = True, adj: bool = True,
          role: str = "agent") -> Arg | None:
    """The actor a token stands for: its entity, a name in apposition, a nationality
    adjective (``adj``), a de-complement up to ``depth`` levels. Things that are
    transferred (weapons...) stand for no actor in the ``target`` role."""
    arg = ent_arg(ctx, tok)
    if arg is not None and is_crowd(ctx, tok):
        return None  # 'des milliers de Bélarusses manifestaient': people, not the state
    if arg is not None:
        ent = ctx.tok2ent[tok.i]
        if adj and ent._.actor_source == "discovered" and len(ent) == 1:
            for c in tok.children:  # "le Parlement hongrois" (discovered 'parlement')
                if c.dep_ == "amod" and fold(c.text) in ctx.ex.adjectives:
                    return Arg(ctx.ex.adjectives[fold(c.text)], c.text, c.i)
        return arg
    if tok.pos_ == "PRON":
        return None
    if tok.pos_ == "ADJ":
        cid = ctx.ex.adjectives.get(fold(tok.text)) if adj else None
        return Arg(cid, tok.text, tok.i) if cid else None
    if role == "target" and tok.lemma_.lower() in ctx.ex.instruments:
        return None
    if role == "agent" and tok.pos_ == "NOUN" and tok.lemma_.lower() in HELD_PEOPLE_NOUNS:
        return None  # 'les familles des victimes malaisiennes': people, not a state that acts
    children = list(tok.children)
    for c in children:  # "le président biélorusse Alexandre Loukachenko"
        if c.dep_ in ("appos", "flat:name", "flat", "compound") or (c.dep_ == "nmod" and not case_of(c)):
            arg = ent_arg(ctx, c)
            if arg is not None:
                return arg
    if adj:
        for c in children:
            if c.dep_ == "amod":
                cid = ctx.ex.adjectives.get(fold(c.text))
                if cid:
                    # 'les dirigeants européens': a body of a bloc's members acts for the bloc
                    # (only when the document names the bloc: an actor must have mentions)
                    bloc = W.COLLECTIVE_ADJECTIVES.get(fold(c.lemma_)) if tok.lemma_.lower() in W.COLLECTIVE_NOUNS else None
                    if bloc and any(e._.actor_id == bloc for _, e in ctx.mentions):
                        cid = bloc
                    else:
                        person = role_holder(ctx, tok, cid)
                        if person is not None:
                            return person
                    return Arg(cid, c.text, c.i)
    # a range 'les alliés, du Danemark à la République tchèque' lists members, no relation
    ranged = any(c.dep_ == "nmod" and case_of(c) == "à" for c in children)
    if nmod and depth > 0 and (tok.lemma_.lower() not in W.RELATIONAL_NOUNS or ranged):
        # ('les opposants de Loukachenko', 'les alliés de Kiev' are not Loukachenko, Kiev)
        for c in children:
            if c.dep_ == "nmod" and case_of(c) == "de":
                # "chefs d'État et de gouvernement de l'Otan": the conjunct carries the name
                for x in [c, *[k for k in c.children if k.dep_ == "conj" and k.pos_ == "NOUN"]]:
                    arg = actor(ctx, x, depth - 1, nmod, adj, role)
                    if arg is not None and ctx.doc[arg.i].pos_ == "ADJ":
                        # 'le chef du gouvernement belge': the post is the chief's
                        arg = role_holder(ctx, tok, arg.id) or arg
                    if arg is not None:
                        return arg
    return None


def actors(ctx: DocContext, tok: Token, depth: int = 2, nmod: bool = True, adj: bool = True,
           role: str = "agent") -> list[Arg]:
    """:func:`actor` for the token and its coordinated conjuncts."""
    listed = group_members(ctx, tok)
    if listed:
        return listed  # 'trois pays, la France, l'Allemagne et l'Italie': each member (groups.py)
    out = []
    appositive = comma_conj_person(ctx, tok)
    if appositive is not None:
        # "le porte-parole du Kremlin, Dmitri Peskov, a affirmé": the name set off by
        # commas (parsed as a conjunct) is the description's referent, not a second actor
        return actors(ctx, appositive, depth, nmod, adj, role)
    first = actor(ctx, tok, depth, nmod, adj, role)
    if first is not None:
        out.append(first)
    # conjuncts, also those attached to a name in apposition ("Le secrétaire ... Lloyd
    # Austin et le secrétaire ... Jens Stoltenberg": 'et' hangs on 'Lloyd')
    ent = ctx.tok2ent[tok.i]
    heads = [tok] + ([t for t in ent if t.i != tok.i] if ent is not None else [])
    heads += [c for h in list(heads) for c in h.children
              if c.dep_ in ("appos", "flat:name") and ctx.tok2ent[c.i] is not None and c not in heads]
    for h in heads:
        for c in h.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "X", "ADJ") \
                    and (ent is None or not (ent.start <= c.i < ent.end)):
                out.extend(actors(ctx, c, depth, nmod, adj, role))
    return out


def post_descriptions(ctx: DocContext) -> list[tuple[str, str, int, Arg]]:
    """(post noun, country id, position, person) for every person the document describes
    by a post and a nationality adjective: 'le président américain Joe Biden', 'Joe Biden,
    le président américain', 'le Premier ministre belge Alexander De Croo', 'le chef du
    gouvernement belge, X'. Read once per document."""
    out = []
    for start, ent in ctx.mentions:
        if ent.label_ != "PER":
            continue
        root = ent.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ in ("appos", "flat:name", "flat", "compound", "conj") or (root.dep_ == "nmod" and not case_of(root)):
            nouns.append(root.head)
        if root.pos_ == "NOUN":
            nouns.append(root)  # a description the actor layer linked to its holder
        for n in nouns:
            if n.pos_ == "NOUN" and n.lemma_.lower() not in POST_NOUNS and n.dep_ == "nmod":
                n = n.head  # 'la cheffe de la diplomatie allemande, X' (X hung on 'diplomatie')
            if n.pos_ != "NOUN" or n.lemma_.lower() not in POST_NOUNS:
                continue
            mods = [c for c in n.children if c.dep_ == "amod"]
            mods += [a for c in n.children if c.dep_ == "nmod" and case_of(c) == "de"
                     for a in c.children if a.dep_ == "amod"]
            for a in mods:
                cid = ctx.ex.adjectives.get(fold(a.text))
                if cid:
                    out.append((n.lemma_.lower(), cid, start, Arg(ent._.actor_id, ent.text, start)))
    return out


def role_holder(ctx: DocContext, tok: Token, country: str) -> Arg | None:
    """The person a singular post with a nationality adjective stands for ('le ministre
    russe a déclaré'), when the document names the holder: the person described by the same
    post and country (the nearest before, else the first after), else the only person the
    document describes by a post of that country. None for a body or a group, or when the
    document names no one (the country then stands for the speaker)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in POST_NOUNS or "Plur" in tok.morph.get("Number") \
            or tok.lower_.endswith(("s", "x")) and tok.lower_ != tok.lemma_.lower():
        return None
    if ctx.tok2ent[tok.i] is not None:
        return None
    table = ctx.once("post_descriptions", post_descriptions, ctx)
    same = [(pos, arg) for post, cid, pos, arg in table if cid == country and post == tok.lemma_.lower()]
    if same:
        before = [x for x in same if x[0] <= tok.i]
        pos, arg = before[-1] if before else same[0]
        return Arg(arg.id, arg.text, tok.i)
    people = {arg.id: arg for _, cid, _, arg in table if cid == country}
    if len(people) == 1:
        arg = next(iter(people.values()))
        return Arg(arg.id, arg.text, tok.i)
    return None


def stray_par_agent(ctx: DocContext, verb: Token) -> Token | None:
    """The *par* phrase of a past participle that the parser hung on the participle's own
    complement: 'les armes livrées à l'Ukraine par les Etats-Unis' (par → Ukraine). Only
    on a complement that is a name (a name takes no *par* of its own) and only when the
    participle has no *par* agent of its own."""
    if "Part" not in verb.morph.get("VerbForm") or "Pres" in verb.morph.get("Tense"):
        return None
    kids = list(verb.children)
    if any(c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par") for c in kids):
        return None
    for c in kids:
        if c.dep_.startswith("obl") and c.pos_ == "PROPN" and ctx.tok2ent[c.i] is not None:
            for k in c.children:
                if k.dep_ == "nmod" and case_of(k) == "par" and k.i > c.i and ctx.tok2ent[k.i] is not None:
                    return k
    return None


def comma_conj_person(ctx: DocContext, tok: Token) -> Token | None:
    """A person's name in apposition to a description noun that the parser attached as a
    conjunct: "le porte-parole du Kremlin, Dmitri Peskov, a…", "son homologue polonais,
    Andrzej Duda". Only for a common noun that is no actor itself, a single comma-set
    conjunct with no coordinating word, and a PER name."""
    if tok.pos_ != "NOUN" or ctx.tok2ent[tok.i] is not None:
        return None
    conjs = [c for c in tok.children if c.dep_ == "conj"]
    if len(conjs) != 1:
        return None
    c = conjs[0]
    ent = ctx.tok2ent[c.i]
    if ent is None or ent.label_ != "PER" or any(k.dep_ == "cc" for k in c.children):
        return None
    start = min(t.i for t in c.subtree if not t.is_punct)
    if start == 0 or ctx.doc[start - 1].text != ",":
        return None
    return c


def prep_actors(ctx: DocContext, tok: Token) -> list[Arg]:
    """Actors introduced by a preposition: named entities only ('à la frontière
    ukrainienne' and 'aux côtés de la Russie' are places/manners, not targets),
    except for an argument (obl:arg/iobj: 'a demandé à ses homologues américains')."""
    return actors(ctx, tok, depth=0, adj=tok.dep_ in ("obl:arg", "iobj"), role="target")
