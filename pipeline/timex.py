"""spaCy component ``actorgraph_timex``: French temporal expressions -> ``doc._.timexes``.

The rules live in :mod:`pipeline.timex_rules` (pure Python, data in
``models/timex_fr.yaml``); this module runs them over ``doc.text``, maps each match to
tokens and a sentence, reads the tense of the governing verb from the parse when the value
depends on it (weekdays, "en octobre", "30 septembre"), and resolves against
``doc._.anchor`` (the publication date, set by the caller before the component runs)::

    doc = nlp.make_doc(text)
    doc._.anchor = "2022-02-25"
    doc = nlp(doc)
    doc._.timexes   # [{'text': 'jeudi', 'value': '2022-02-24', 'precision': 'day', ...}]

Each record is a plain dict (str/int only): start_char, end_char, start, end,
sentence_id, text, value, precision, rule, anchor, kind, end_value.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .component import StatelessComponent, register_extensions
from .timex_rules import PRECISIONS, find_candidates, normalize, resolve, rules, vocabulary  # noqa: F401

__all__ = ["TimexTagger", "normalize", "sentence_dates", "tense_of", "make_timex_tagger"]

register_extensions(Doc, "anchor", "timexes")

_PREC_RANK = {p: i for i, p in enumerate(reversed(PRECISIONS))}  # decade 0 ... day 5
_FUTURE_HEADS = {"aller", "devoir", "pouvoir", "compter", "prévoir", "envisager", "vouloir", "espérer", "projeter"}


def _governing_verb(tok: Token) -> Token | None:
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "aux:tense", "aux:pass"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


_COND_ENDINGS = ("ais", "ait", "ions", "iez", "aient")


def _is_conditional(verb: Token) -> bool:
    """Mood=Cnd, or an "imperfect" that is really a conditional (stem + imperfect ending)."""
    if "Cnd" in verb.morph.get("Mood"):
        return True
    if "Imp" not in verb.morph.get("Tense"):
        return False
    word, lemma = verb.lower_, verb.lemma_.lower()
    stem = vocabulary().get("conditional_stems", {}).get(lemma)
    if stem is None:
        stem = lemma[:-1] if lemma.endswith("re") else lemma
    return len(stem) >= 2 and word.startswith(stem) and word[len(stem):] in _COND_ENDINGS


def tense_of(span: Span) -> str | None:
    """Tense ("past", "present", "future") of the verb that governs ``span``, or None.

    Passé composé / plus-que-parfait (AUX + participle) -> past; simple conditional ->
    future (reported plans); "va annoncer", "doit se tenir" -> future; "vient de" -> past.
    """
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    for _ in range(3):
        morph = verb.morph
        vform = morph.get("VerbForm")
        tense = morph.get("Tense")
        auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
        if auxes and "Part" in vform:
            am = auxes[0].morph
            if "Fut" in am.get("Tense") and not _is_conditional(auxes[0]):
                return "future"
            return "past"
        if "Inf" in vform and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if head.lemma_ == "venir" and any(c.lower_ in ("de", "d'", "d’") for c in verb.children):
                return "past"
            if head.lemma_ in _FUTURE_HEADS and "Pres" in head.morph.get("Tense"):
                return "future"
            verb = head
            continue
        if _is_conditional(verb):
            return "future"
        if "Fut" in tense:
            return "future"
        if "Past" in tense or "Imp" in tense:
            return "past"
        if "Pres" in tense:
            return "present"
        if "Part" in vform:  # "annoncé jeudi" (participle without auxiliary)
            return "past"
        return None
    return None


class TimexTagger(StatelessComponent):
    """Find French temporal expressions and store TIMEX3 records in ``doc._.timexes``."""

    def __init__(self, nlp: Language | None = None, name: str = "actorgraph_timex", *, use_tense: bool = True):
        self.name = name
        self.use_tense = use_tense
        rules()  # compile the regexes now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc.text
        cands = find_candidates(text)
        if not cands:
            return []
        anchor = doc._.anchor
        if isinstance(anchor, _dt.date):  # a datetime.date/datetime is accepted too
            anchor = anchor.isoformat()[:10]
        elif not isinstance(anchor, str) or not anchor.strip():
            anchor = None
        has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        sent_starts = [s.start for s in doc.sents] if has_sents else [0]
        has_parse = doc.has_annotation("DEP") and doc.has_annotation("MORPH")
        out: list[dict[str, Any]] = []
        for c in cands:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            tense = tense_of(span) if (self.use_tense and has_parse and c.needs_tense) else None
            r = resolve(c, anchor, tense)
            if r is None:
                continue
            out.append({
                "start_char": c.start,
                "end_char": c.end,
                "start": span.start,
                "end": span.end,
                "sentence_id": max(0, bisect_right(sent_starts, span.start) - 1),
                "text": text[c.start:c.end],
                "value": r.value,
                "precision": r.precision,
                "rule": r.rule,
                "anchor": anchor if (r.anchor_used and anchor) else "",
                "kind": r.kind,
                "end_value": r.end_value,
            })
        return out



@Language.factory("actorgraph_timex", default_config={"use_tense": True})
def make_timex_tagger(nlp: Language, name: str, use_tense: bool) -> TimexTagger:
    return TimexTagger(nlp, name, use_tense=use_tense)


def _specificity(rec: dict[str, Any]) -> tuple:
    value = rec["value"]
    return (not value.startswith("XXXX"), _PREC_RANK.get(rec["precision"], -1), -value.count("X"), -rec["start_char"])


def sentence_dates(doc: Doc) -> dict[int, dict[str, Any]]:
    """For each sentence with a timex, its most specific record ("the date of a sentence").

    Most specific = a known year first, then the finest precision (day > week > month >
    season > year > decade), then the fewest unknown ``X`` parts, then the first one.
    """
    best: dict[int, dict[str, Any]] = {}
    for rec in doc._.timexes or []:
        sid = rec["sentence_id"]
        if sid not in best or _specificity(rec) > _specificity(best[sid]):
            best[sid] = rec
    return best
