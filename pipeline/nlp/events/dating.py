"""Dating: the date of an event, read from the temporal expressions of its sentence.

An event takes the nearest date that modifies its trigger within the clause; otherwise
the date of its sentence (``timex.sentence_dates``) or the most precise date of the
sentence, unless that date lies after the article for an asserted past or present event;
otherwise, for an asserted event in the present or passé composé, the article's date.
Dates are ISO strings; :func:`later` compares them at the precision they share.

>>> later("2022-03", "2022-02-24"), later("2022-02-24", "2022-02"), later("2023", "2022-12-31")
(True, False, True)
>>> from pipeline.nlp.events.context import hand_parsed
>>> doc = hand_parsed('''
... La le DET det 1
... Russie Russie PROPN nsubj 3
... a avoir AUX aux:tense 3 Mood=Ind|Tense=Pres|VerbForm=Fin
... bombardé bombarder VERB ROOT 3 Tense=Past|VerbForm=Part''')
>>> recent(doc[3]), PRECISION[len("2022-02")]
(True, 'month')
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..timex.component import sentence_dates
from ..timex.timeml import date_part
from .context import DocContext
from ..tense import future_form, present

ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
PRECISION = {4: "year", 7: "month", 10: "day"}
# UD relations that open a new clause: a date does not reach a trigger across them
CLAUSE_DEPS = frozenset({"ccomp", "acl:relcl", "advcl", "parataxis", "xcomp", "conj", "csubj"})


def sentence_dates_of(doc: Doc) -> dict:
    """The timex layer's date of each sentence (empty without that layer)."""
    return sentence_dates(doc) if doc.has_extension("timexes") else {}


def timex_heads(doc: Doc) -> list[tuple[int, str, str]]:
    """(root token index, ISO value, precision) of every timex with an ISO value."""
    out = []
    for rec in (doc._.timexes if doc.has_extension("timexes") else None) or []:
        value = str(rec.get("value") or "")
        if rec.get("type") == "TIME":
            value = date_part(value)  # a time of day gives its day ("hier soir")
        if not ISO.match(value):
            continue
        start, end = rec.get("start"), rec.get("end")
        if start is None or end is None:
            span = doc.char_span(rec["start_char"], rec["end_char"], alignment_mode="expand")
            if span is None:
                continue
            start, end = span.start, span.end
        root = doc[start:end].root
        out.append((root.i, value, str(rec.get("precision") or PRECISION.get(len(value), ""))))
    return out


def document_anchor(doc: Doc) -> str | None:
    """The article's date (``doc._.anchor``) as an ISO string, or None."""
    anchor = doc._.anchor
    anchor = anchor.isoformat()[:10] if hasattr(anchor, "isoformat") else anchor
    return anchor if isinstance(anchor, str) and ISO.match(anchor) else None


def date_for(ctx: DocContext, tok: Token, sid: int, modality: str, clause_verb: Token | None) -> tuple[str, str, str]:
    """(date, precision, source) of the event triggered by ``tok`` in sentence ``sid``."""
    best = None
    for root_i, value, precision in ctx.timexes:
        if ctx.sent_of[root_i] != sid:
            continue
        r = ctx.doc[root_i]
        dist = 0
        ok = False
        cur = r
        while True:
            if cur.i == tok.i:
                ok = True
                break
            if cur.dep_ in CLAUSE_DEPS and cur.i != r.i or cur.head.i == cur.i:
                break
            cur = cur.head
            dist += 1
            if dist > 12:
                break
        if ok and (best is None or dist < best[0]):
            best = (dist, value, precision)
    if best is not None:
        return best[1], best[2], "sentence"
    def after_anchor(v: str) -> bool:
        # an asserted event in the past or present tense cannot take a date that lies after
        # the article ("a assuré que … dès l'année prochaine"): that date belongs to the
        # clause it heads, not to the event
        return bool(ctx.anchor) and modality == "asserted" and clause_verb is not None \
            and recent(clause_verb) and v[:4].isdigit() and later(v, ctx.anchor)
    rec = ctx.sent_dates.get(sid)
    if rec and ISO.match(str(rec.get("value") or "")) and not after_anchor(str(rec["value"])):
        return str(rec["value"]), str(rec.get("precision") or ""), "sentence"
    valid = [(v, p) for i, v, p in ctx.timexes if ctx.sent_of[i] == sid and not after_anchor(v)]
    if valid:
        v, p = max(valid, key=lambda vp: len(vp[0]))
        return v, p, "sentence"
    if ctx.anchor and modality == "asserted" and clause_verb is not None and recent(clause_verb):
        return ctx.anchor, PRECISION.get(len(ctx.anchor), ""), "document"
    return "", "", ""


def recent(v: Token) -> bool:
    """Present or passé composé (incl. passive: 'a été bombardée', 'est bombardée')."""
    auxes = [c for c in v.children if c.dep_ in ("aux:tense", "aux:pass", "aux")]
    tense_aux = [c for c in auxes if "Fin" in c.morph.get("VerbForm")]
    if tense_aux:
        a = tense_aux[0]
        return present(a) and "Ind" in a.morph.get("Mood")
    if "Fin" in v.morph.get("VerbForm"):
        return present(v) and not ("Cnd" in v.morph.get("Mood") and future_form(v))
    return False


def later(value: str, anchor: str) -> bool:
    """True when the date ``value`` lies after ``anchor``, compared at the precision they
    share: "2022-03" is after "2022-02-24", "2022-02-24" is not after "2022-02"."""
    n = min(len(value), len(anchor))
    return value[:n] > anchor[:n]
