"""The tense of the verb that governs a temporal expression, read from the spaCy parse.

:func:`tense_of` returns ``"past"``, ``"weak_past"``, ``"present"``, ``"future"`` or None.
The values of year-less dates ("le 21 juin", "en mars", "l'automne") and of bare weekdays
("dimanche") depend on it (:mod:`pipeline.nlp.timex.values`): a past tense points to the
previous occurrence, a future tense to the next one, a present tense (or none) to the
nearest. A weak past is reported apart: an imperfect ("devait se tenir en juin" still
points ahead), or a past verb reached through a noun ("le défilé du 9 mai a été
maintenu": the tense is the decision's, not the parade's).

Compound tenses are read from the auxiliary: "a signé", "avait été abattu" -> past,
"aura signé" -> future; a simple conditional ("viendrait") -> future (a reported plan);
"va annoncer", "doit se tenir" -> future; "vient de signer" -> past. A headline in
capitals is parsed badly by the model; :func:`headline_tense` reads its verb forms from
their spelling instead ("LE VILLAGE FERA LA FÊTE DIMANCHE" -> future).
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..tense import is_conditional
from .vocabulary import vocabulary, word_list

__all__ = ["tense_of", "headline_tense", "is_conditional", "governing_verb"]

_FUTURE_HEADS = frozenset(word_list("future_auxiliary_verbs"))
_COMPOUND_AUX = ("avoir", "être", "etre")
_PLAN_PARTICIPLES = frozenset(word_list("plan_participles"))
_ETRE_VERBS = frozenset(word_list("etre_verbs"))


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` that is not itself an auxiliary (at most 12 steps)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "aux:tense", "aux:pass"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _is_headline(sent: Span) -> bool:
    letters = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(letters) >= 2 and sum(t.is_upper for t in letters) >= 0.8 * len(letters)


def tense_of(span: Span) -> str | None:
    """Tense of the verb that governs ``span``: "past", "weak_past", "present", "future" or None."""
    found = _tense(span)
    if found == "past" and _through_noun(span.root):
        return "weak_past"
    return found


def _through_noun(tok: Token) -> bool:
    """True when ``tok`` hangs off a noun before its verb ("le défilé du 9 mai")."""
    for _ in range(12):
        if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
            return False
        if tok.dep_.startswith("nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        tok = tok.head
    return False


def _tense(span: Span) -> str | None:
    sent = span.sent if span.doc.has_annotation("SENT_START") or span.doc.has_annotation("DEP") else None
    if sent is not None and _is_headline(sent):
        found = headline_tense(sent)
        if found is not None:
            return found
    verb = governing_verb(span.root)
    if verb is None:
        return None
    for _ in range(3):
        morph = verb.morph
        vform = morph.get("VerbForm")
        tense = morph.get("Tense")
        auxes = [c for c in verb.children if c.dep_ in ("aux", "aux:tense")]
        # "a signé" (also when the model tags the participle as a finite verb: "a déploré")
        if auxes and ("Part" in vform or (auxes[0].lemma_.lower() in _COMPOUND_AUX and auxes[0].dep_ == "aux:tense")):
            am = auxes[0].morph
            if "Fut" in am.get("Tense") and not is_conditional(auxes[0]):
                return "future"
            return "past"
        passive = [c for c in verb.children if c.dep_ == "aux:pass" and "Fin" in c.morph.get("VerbForm")]
        if passive and "Part" in vform:  # "sera signé", "est attendu", "était prévu"
            pm = passive[0].morph
            if "Fut" in pm.get("Tense") or is_conditional(passive[0]):
                return "future"
            if "Imp" in pm.get("Tense"):
                return "weak_past"
            if "Pres" in pm.get("Tense"):
                # "sont intervenus", "s'est réuni": a passé composé with être the model read as a passive
                if verb.lemma_.lower() in _ETRE_VERBS or any(c.dep_.startswith("expl") for c in verb.children):
                    return "past"
                return "present"
            return "past"
        if "Inf" in vform and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            head = verb.head
            if head.lemma_ == "venir" and any(c.lower_ in ("de", "d'", "d’") for c in verb.children):
                return "past"
            if head.lemma_ in _FUTURE_HEADS and "Pres" in head.morph.get("Tense"):
                return "future"
            verb = head
            continue
        if "Part" in vform and "Pres" not in tense and verb.lemma_.lower() in _PLAN_PARTICIPLES:
            return "future"  # "les législatives prévues pour l'automne" (no auxiliary: checked above)
        if is_conditional(verb):
            return "future"
        if "Fut" in tense:
            return "future"
        if "Imp" in tense:
            return "weak_past"
        if "Past" in tense:
            return "past"
        if "Pres" in tense:
            return "present"
        if "Part" in vform:  # "annoncé jeudi" (participle without auxiliary)
            return "past"
        return None
    return None


_FUT_RE = re.compile(r"^(?P<stem>\w+r)(?:ai|as|a|ons|ez|ont)$")
_PAST_AUX = frozenset({"a", "ont", "avait", "avaient"})
_PARTICIPLE_RE = re.compile(r"\w{2,}(?:é|ée|és|ées|i|is|it|u|us|ue|ert|erte|eint)$")


def headline_tense(sent: Span) -> str | None:
    """Tense of a headline in capitals from the spelling of its words, or None.

    A future: a word that is a future stem + ending, the stem being an irregular one of
    ``conditional_stems`` ("FERA") or an infinitive the model knows ("SIGNERA" ->
    "signer", "PRENDRA" -> "prendre"). A past: an auxiliary followed by a participle-like
    word ("A SIGNÉ").
    """
    irregular = set((vocabulary().get("conditional_stems") or {}).values())
    vocab = sent.doc.vocab
    words = [t.lower_ for t in sent]
    for i, w in enumerate(words):
        m = _FUT_RE.match(w)
        if m:
            stem = m.group("stem")
            if stem in irregular and len(stem) >= 2:
                return "future"
            for inf in (stem, stem + "e"):
                if inf.endswith(("er", "ir", "re")) and len(inf) >= 4 and vocab.has_vector(inf):
                    return "future"
        if w in _PAST_AUX and i + 1 < len(words) and _PARTICIPLE_RE.match(words[i + 1]):
            return "past"
    return None
