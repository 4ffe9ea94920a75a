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
from .context import Arg, case_of

if TYPE_CHECKING:
    from .context import DocContext

WINDOW = 2  # sentences after the list in which "ces pays" still refers to it
LIST_DEPS = ("appos", "conj", "nmod")


class MemberArg(Arg):
    """An actor argument read as a listed member of a group noun."""
    __slots__ = ()


def _entity(ctx: DocContext, tok: Token) -> Arg | None:
    ent = ctx.tok2ent[tok.i]
    if ent is None or not ent._.actor_id:
        return None
    return MemberArg(ent._.actor_id, ent.text, ent.start)


def listed_members(ctx: DocContext, tok: Token) -> list[Arg]:
    """The actors a group noun lists in apposition or as comma-set conjuncts, in text
    order; empty unless at least two different actors are listed."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.GROUP_NOUNS or ctx.tok2ent[tok.i] is not None:
        return []
    out: list[Arg] = []
    stack = [c for c in tok.children if c.dep_ in LIST_DEPS and not (c.dep_ == "nmod" and case_of(c))]
    seen: set[int] = set()
    while stack:
        c = stack.pop(0)
        if c.i in seen or c.i < tok.i:
            continue
        seen.add(c.i)
        arg = _entity(ctx, c)
        if arg is None:
            continue  # only names are members: 'les pays, leurs dirigeants…' lists nothing
        out.append(arg)
        stack.extend(k for k in c.children if k.dep_ == "conj" and not case_of(k))
    if len({a.id for a in out}) < 2:
        return []
    # the list must be set off by punctuation right after the noun phrase ('pays, la
    # France…', 'pays – le Danemark…', 'pays : …'), not a name the parser hung on the noun
    first = min(a.i for a in out)
    between = ctx.doc[tok.i + 1:first]
    if not any(t.is_punct and t.text in (",", ":", "–", "—", "-", "(") for t in between):
        return []
    uniq: dict[str, Arg] = {}
    for a in sorted(out, key=lambda a: a.i):
        uniq.setdefault(a.id, a)
    return list(uniq.values())


def _lists(ctx: DocContext) -> list[tuple[int, int, list[Arg]]]:
    """(token index, sentence id, members) of every group noun of the document with a list."""
    cached = getattr(ctx, "_group_lists", None)
    if cached is None:
        cached = []
        for t in ctx.doc:
            if t.pos_ == "NOUN" and t.lemma_.lower() in W.GROUP_NOUNS:
                got = listed_members(ctx, t)
                if got:
                    cached.append((t.i, ctx.sent_of[t.i], got))
        ctx._group_lists = cached
    return cached


def members(ctx: DocContext, tok: Token) -> list[Arg]:
    """The listed members a group noun stands for: its own list, else, for a demonstrative
    group noun ("ces pays"), the nearest list before it within :data:`WINDOW` sentences."""
    own = listed_members(ctx, tok)
    if own:
        return own
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in W.GROUP_NOUNS:
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
