"""Attribution: who reports the event.

:func:`speaker` finds the subject of a reporting verb that governs the trigger's clause
(or of an incise such as ", a déclaré X"); :func:`sentence_source` reads "selon X",
"d'après X", "citant X" or a sentence-initial "Pour X,"; :func:`quotation_speaker` gives
the speaker of a quotation that runs over several sentences.

>>> from pipeline.nlp.events.component import EventExtractor
>>> from pipeline.nlp.events.context import DocContext, hand_parsed
>>> doc = hand_parsed('''
... Selon selon ADP case 1
... Moscou Moscou PROPN obl:mod 4
... , , PUNCT punct 1
... Kiev Kiev PROPN nsubj 4
... négocie négocier VERB ROOT 4 VerbForm=Fin
... . . PUNCT punct 4''', actors={(1, 2): ("LOC", "russia"), (3, 4): ("LOC", "ukraine")})
>>> ctx = DocContext(EventExtractor(), doc)
>>> sentence_source(ctx, doc[:]), speaker(ctx, doc[4])
(Arg('russia', 'Moscou', 1), None)
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.tokens import Span, Token

from ..normalize import fold
from . import arguments, subjects
from . import words as W
from .context import Arg, DocContext, case_of, verb_lemma, verb_lemma_at


def speaker(ctx: DocContext, tok: Token) -> Arg | None:
    """Attribution through the tree: the subject of a reporting verb that governs the
    trigger's clause (ccomp, 'avoir' + participle complement), or of an incise
    (', a déclaré X') attached to the clause."""
    # read by index from the context's token table: a Token is made only for what is returned
    t, doc, report = ctx.table, ctx.doc, ctx.ex.report_verbs
    dep = t.dep
    cur = tok.i
    for _ in range(10):
        for c in t.children[cur]:
            if c == tok.i:
                continue
            if dep[c] in ("parataxis", "conj") and c > tok.i and verb_lemma_at(ctx, c) in report:
                inv = subjects.inverted_subject(ctx, doc[c])
                if inv is not None:
                    return arguments.actor(ctx, inv)
                if dep[c] == "parataxis":
                    subj = [k for k in t.children[c] if dep[k] == "nsubj"]
                    if subj:
                        got = subjects.subject_actors(ctx, doc[c], doc[subj[0]])
                        if got:
                            return got[0]
        head = t.head[cur]
        if head == cur:
            break
        if verb_lemma_at(ctx, head) in report and t.pos[head] in ("VERB", "AUX"):
            kids = t.children[cur]
            perfect = any(dep[c].startswith("aux") and "Inf" in doc[c].morph.get("VerbForm") for c in kids)
            que = any(dep[c] == "mark" and t.lower[c] in ("que", "qu'", "qu’") for c in kids)
            if dep[cur] in ("ccomp", "parataxis") or (dep[cur] in ("xcomp", "advcl", "acl") and perfect) \
                    or (dep[cur] == "advcl" and que):
                got = subjects.subject(ctx, doc[head])
                return got[0] if got else None
        if dep[cur] in ("parataxis",):
            break
        cur = head
    return None


def sentence_source(ctx: DocContext, sent: Span, tok: Token | None = None) -> Arg | None:
    """'selon X', "d'après X", sentence-initial 'Pour X,'. With ``tok``, a source set
    inside a subordinate clause ('Alors que Washington pourrait annoncer…, selon le
    journal, Londres s'est engagé…') vouches only for that clause: the trigger must lie in
    the subtree of the clause the source phrase modifies."""
    for noun in ctx.once(("source_nouns", sent.start, sent.end), _source_nouns, ctx, sent):
        got = arguments.actor(ctx, noun)
        if got is not None and (tok is None or in_scope(noun, tok)):
            return got
    return None


def _source_nouns(ctx: DocContext, sent: Span) -> list[Token]:
    """The nouns a source phrase of ``sent`` introduces, in text order (the same for every
    event of the sentence: read once per sentence)."""
    table, doc = ctx.table, ctx.doc
    lower = table.lower
    nouns = []
    for i in range(sent.start, sent.end):
        low = lower[i]
        noun = None
        if low in W.SOURCE_PREPOSITIONS:
            noun = table.head[i] if table.dep[i] in ("case", "mark") else next(iter(table.children[i]), None)
        elif low == "après" and i > 0 and lower[i - 1] in ("d'", "d’"):
            noun = table.head[i - 1]
        elif low == "pour" and i == next((t.i for t in sent if not t.is_space and not t.is_punct), None):
            noun = table.head[i]
            if not any(x.text == "," for x in doc[noun: min(noun + 6, sent.end)]):
                noun = None
        if noun is not None and table.pos[noun] in ("NOUN", "PROPN", "X", "PRON"):
            nouns.append(doc[noun])
    return nouns


#: relations of a clause subordinate to another one: a source attached inside it stays there
SUBORDINATE = ("advcl", "acl", "acl:relcl", "ccomp", "csubj")


def in_scope(source: Token, tok: Token) -> bool:
    """The trigger lies in the clause the source phrase modifies, or that clause is the
    main one (then the source covers the sentence)."""
    clause = source.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in SUBORDINATE:
        return True
    return clause.i == tok.i or clause.is_ancestor(tok)


OPENING, CLOSING, STRAIGHT = ("«", "“"), ("»", "”"), '"'
QUOTE_WINDOW = 150  # tokens searched for the start of the paragraph and the end of a quotation


def paragraph_breaks(doc) -> list[int]:
    """Indices of the tokens that hold a line break, in text order. spaCy keeps a line
    break as a whitespace token of its own ('\\n', '\\n\\n'); a word's ``whitespace_``
    is only ever "" or " ", so a break is never seen by looking at the words."""
    return [i for i in np.nonzero(doc.to_array(IS_SPACE))[0].tolist() if "\n" in doc[i].text]


def quotation_bounds(ctx: DocContext, tok: Token) -> tuple[int, int] | None:
    """The opening and closing marks of the quotation around ``tok``, read within its
    paragraph only (an unbalanced mark elsewhere cannot spread), or None.

    Read from the document's quotation marks (:attr:`DocContext.quote_marks`) and its
    line breaks (:func:`paragraph_breaks`, once per document), never token by token; the
    search also stops ``QUOTE_WINDOW`` tokens away each way."""
    index, texts = ctx.quote_marks
    breaks = ctx.once("paragraph_breaks", paragraph_breaks, ctx.doc)
    b = bisect_left(breaks, tok.i)
    start = max(0, tok.i - QUOTE_WINDOW, breaks[b - 1] + 1 if b > 0 else 0)
    end = min(len(ctx.doc), tok.i + QUOTE_WINDOW)
    after = bisect_right(breaks, tok.i)
    if after < len(breaks):
        end = min(end, breaks[after])
    lo, mid = bisect_left(index, start), bisect_left(index, tok.i)
    opened, straight = [], None
    for k in range(lo, mid):
        text = texts[k]
        if text in OPENING:
            opened.append(index[k])
        elif text in CLOSING and opened:
            opened.pop()
        elif text == STRAIGHT:
            straight = None if straight is not None else index[k]
    if opened:
        open_i, closers = opened[-1], CLOSING
    elif straight is not None:
        open_i, closers = straight, (STRAIGHT,)
    else:
        return None
    for k in range(bisect_right(index, tok.i), bisect_left(index, end)):
        if texts[k] in closers:
            return open_i, index[k]
    return None


def quotation_speaker(ctx: DocContext, tok: Token) -> Arg | None:
    """The speaker of the direct quotation the trigger lies in, when the quotation spans
    sentences: the subject of a reporting verb in the incise right after its closing mark
    ('« … . … », a ajouté le ministre') or of the reporting clause that opens it with a
    colon ('Le ministre a déclaré : « … »'). A quotation never crosses a paragraph."""
    doc = ctx.doc
    bounds = quotation_bounds(ctx, tok)
    if bounds is None:
        return None
    open_i, close_i = bounds
    if close_i + 2 < len(doc) and doc[close_i + 1].text == ",":
        for v in doc[close_i + 2: min(len(doc), close_i + 5)]:
            if v.pos_ in ("VERB", "AUX") and v.i != tok.i:
                verb = v if v.pos_ == "VERB" else v.head
                if verb_lemma(ctx.ex, verb) in ctx.ex.report_verbs and verb.i != tok.i:
                    got = subjects.subject(ctx, verb)
                    return got[0] if got else None
    if open_i >= 1 and doc[open_i - 1].text == ":":
        sent = ctx.sents[ctx.sent_of[open_i - 1]]
        for v in reversed(doc[sent.start: open_i - 1]):
            if v.pos_ == "VERB" and verb_lemma(ctx.ex, v) in ctx.ex.report_verbs:
                got = subjects.subject(ctx, v)
                return got[0] if got else None
    return None


def speaker_body(ctx: DocContext, spk: Arg) -> list[Arg]:
    """Whom a speaker's *nous* stands for: the speaker itself when it is a state or an
    organisation; for a person, the body named in the description that goes with the name
    (its nationality adjective or *de* complement: 'a déclaré le ministre russe de la
    Défense, Sergueï Choïgou' → Russia; 'le secrétaire général de l'OTAN Jens
    Stoltenberg' → NATO). A person without such a description gives no agent: *nous* is
    a government, a party or an alliance the sentence does not name."""
    ent = ctx.tok2ent[spk.i]
    if ent is None or ent.label_ != "PER":
        return [spk]
    root = ent.root
    nouns = [root]
    if root.dep_ in ("appos", "flat:name", "nmod", "conj") and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    nouns += [c for c in root.children if c.dep_ in ("appos", "nmod") and c.pos_ == "NOUN" and not case_of(c)]
    for n in nouns:
        for c in n.children:
            if c.dep_ == "amod":
                cid = ctx.ex.adjectives.get(fold(c.text))
                if cid and cid != spk.id:
                    return [Arg(cid, c.text, c.i)]
        for c in n.children:
            if c.dep_ == "nmod" and case_of(c) == "de" and ctx.tok2ent[c.i] is not ent:
                got = arguments.actor(ctx, c, depth=1)
                if got is not None and got.id != spk.id:
                    return [got]
    return []
