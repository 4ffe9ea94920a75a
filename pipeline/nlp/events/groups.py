"""Groups that list their members: one event per listed member.

A group noun of ``group_nouns`` (``models/event_words.yaml``) that lists the actors it is
made of, in apposition, after a dash or a colon, or as conjuncts set off by commas ("huit
pays européens – le Danemark, la Finlande, la Suède…", "trois pays, la France, l'Allemagne
et l'Italie, ont…"), stands for each listed actor: an event whose agent or target is that
noun gets one record per member (its ``rule`` ends in ``_group_members``). A demonstrative
of a group noun ("ces pays", "ces nations") in the same sentence after the list or in one
of the next :data:`WINDOW` sentences stands for the members of the nearest list before it.
Nothing is expanded without an explicit list of at least two actors: a group noun alone
stays as it is.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import words as W
from .context import Arg

if TYPE_CHECKING:
    from .context import DocContext

WINDOW = 2  # sentences after the list in which "ces pays" still refers to it


class MemberArg(Arg):
    """An actor argument read as a listed member of a group noun."""
    __slots__ = ()


OPENERS = frozenset({",", ":", "–", "—", "-", "("})
SEPARATORS = frozenset({",", "et", "ou"})


def listed_members(ctx: DocContext, tok: Token) -> list[Arg]:
    """The actors a group noun lists right after itself (and its adjectives or numerals),
    set off by a comma, a colon, a dash or a parenthesis, read from the surface: names
    separated by commas, *et* or *ou*, each with its article, up to the first other word.
    Empty unless at least two different actors are listed. The surface is read rather than
    the parse because the parser scatters long lists over the clause."""
    doc = ctx.doc
    ent = ctx.tok2ent[tok.i]
    if ent is not None:
        # a group named as one actor lists its members only in parentheses right after
        # its name: 'les pays baltes (Estonie, Lettonie, Lituanie)'
        if doc[ent.start].lemma_.lower() not in W.GROUP_NOUNS or ent.end >= len(doc) \
                or doc[ent.end].text != "(":
            return []
        j = ent.end
    elif tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.GROUP_NOUNS:
        return []
    else:
        j = tok.i + 1
    while j < len(doc) and doc[j].head.i == tok.i and doc[j].pos_ in ("ADJ", "NUM") and doc[j].dep_ != "conj":
        j += 1  # 'huit pays européens –'
    if j >= len(doc) or doc[j].text not in OPENERS:
        return []
    j += 1
    out: list[Arg] = []
    expect_name = True
    while j < len(doc) and ctx.sent_of[j] == ctx.sent_of[tok.i]:
        t = doc[j]
        if expect_name:
            if t.pos_ == "DET" or t.text.lower() in ("l'", "l’"):
                j += 1
                continue
            ent = ctx.tok2ent[j]
            if ent is None or not ent._.actor_id:
                break
            out.append(MemberArg(ent._.actor_id, ent.text, ent.start))
            j = ent.end
            expect_name = False
        elif t.text.lower() in SEPARATORS:
            j += 1
            expect_name = True
        else:
            break
    uniq: dict[str, Arg] = {}
    for a in out:
        uniq.setdefault(a.id, a)
    return list(uniq.values()) if len(uniq) >= 2 else []


def _lists(ctx: DocContext) -> list[tuple[int, int, list[Arg]]]:
    """(token index, sentence id, members) of every group noun of the document with a list."""
    return ctx.once("group_lists", _find_lists, ctx)


def _find_lists(ctx: DocContext) -> list[tuple[int, int, list[Arg]]]:
    found = []
    for t in ctx.doc:
        if t.lemma_.lower() in W.GROUP_NOUNS:
            got = listed_members(ctx, t)
            if got:
                found.append((t.i, ctx.sent_of[t.i], got))
    return found


def members(ctx: DocContext, tok: Token) -> list[Arg]:
    """The listed members a group noun stands for: its own list, else, for a demonstrative
    group noun ("ces pays"), the nearest list before it within :data:`WINDOW` sentences."""
    own = listed_members(ctx, tok)
    if own:
        return own
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.GROUP_NOUNS or ctx.tok2ent[tok.i] is not None:
        return []
    if not any(c.dep_ == "det" and c.lemma_.lower() in W.GROUP_ANAPHOR_DETS for c in tok.children):
        return []
    if "Plur" not in tok.morph.get("Number") and not tok.text.lower().endswith(("s", "x")):
        return []
    sid = ctx.sent_of[tok.i]
    before = [(i, s, m) for i, s, m in _lists(ctx) if i < tok.i and 0 <= sid - s <= WINDOW]
    if not before:
        return []
    i, _, got = before[-1]
    return [MemberArg(a.id, a.text, a.i) for a in got]


def pronoun_members(ctx: DocContext, tok: Token) -> list[Arg]:
    """The members of a list earlier in the same sentence that a plural subject pronoun
    stands for when no other actor is named between the list and the pronoun ("… à huit
    pays européens – le Danemark, …, la Finlande – s'ils continuent…")."""
    sid = ctx.sent_of[tok.i]
    before = [(i, m) for i, s, m in _lists(ctx) if s == sid and i < tok.i]
    if not before:
        return []
    _, got = before[-1]
    ids = {a.id for a in got}
    end = max(a.i for a in got)
    if any(end < i < tok.i and e._.actor_id not in ids for i, e in ctx.mentions):
        return []
    return [MemberArg(a.id, a.text, a.i) for a in got]
