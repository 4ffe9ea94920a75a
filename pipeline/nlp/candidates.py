"""Whether a name the statistical NER found on its own is an actor, and which part of it.

The actor ruler (:mod:`pipeline.nlp.actors`) sends here every entity (or the part of an
entity left over around a gazetteer name) that no gazetteer name covers. :func:`judge` strips
titles, cuts the candidate into capitalised runs, extends a run over the lowercase words
French writes after the head of some names, and returns the clean name spans that pass, or
the reason the candidate was dropped (the junk tests of :mod:`pipeline.nlp.junk`).
``rules`` is the :class:`pipeline.nlp.gazetteer.Rules` of ``models/actor_rules.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicon import words
from .junk import GIVEN_NAMES, DocContext, common_word_opening, context_reason, token_reason
from .name_bounds import (administrative_head_length, classified_type, department_without_state,
                          lowercase_name_end, model_designator, odonym_start)
from .names import name_runs, strip_title
from .normalize import fold

_RULES_FILE = "actor_rules.yaml"
_UPPERCASE_PHRASE_WORDS = words(_RULES_FILE, "uppercase_phrase_words")
_PLACE_ADJECTIVES = words(_RULES_FILE, "place_name_adjectives")
_MAX_NAME_TOKENS = 8


def judge(doc: Doc, tokens: list, label: str, foreign: bool, ctx: DocContext, rules,
          state_adjectives: frozenset) -> tuple[list[Span], str]:
    """Clean name spans inside a candidate (one per capitalised run that passes),
    or an empty list with the reason the candidate was dropped."""
    tokens = strip_title(tokens, rules)
    if not tokens:
        return [], "title_only"
    runs = name_runs(tokens, rules)
    if not runs:
        return [], "no_capitalised_word"
    if foreign:
        return [], "foreign_passage"
    whole = doc[tokens[0].i: tokens[-1].i + 1]
    if label in ("ORG", "MISC") and tokens[0].text[:1].isupper() and fold(tokens[0].text) in rules.name_heads \
            and acronym_follows(whole) and not context_reason(whole, label, ctx):
        # "le Comité national pour le salut du peuple (CNSP)": a name on a generic head that
        # its acronym spells (a concept, "leur Produit intérieur brut (PIB)", has no such head)
        return [Span(doc, whole.start, whole.end, label="ORG")], ""
    kept, reasons = [], []
    for run in runs:
        run = strip_title(run, rules)
        run = run[administrative_head_length(run):]  # "la province d'Helmand": Helmand
        if not run:
            reasons.append("title_only")
            continue
        end = run[-1].i + 1
        if label in ("ORG", "LOC") and fold(run[0].text) in rules.name_heads:
            # a name on a generic head goes on with its lowercase adjectives
            # ("ministère des Affaires étrangères" cut after "Affaires" by the NER)
            while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].text.islower() \
                    and run[0].i <= doc[end].head.i < end:
                end += 1
            if len(run) == 1 and end - run[-1].i - 1 < 2:
                end = run[-1].i + 1  # "le Parlement local": a head and one adjective describe
        elif label == "LOC" and end < len(doc) and doc[end].lower_ in _PLACE_ADJECTIVES:
            end += 1  # "le Sahara occidental", "l'Amérique latine": the adjective is part of the name
        elif label == "ORG" and len(run) == 1 and not run[0].is_upper:
            # "l'Observatoire syrien des droits de l'homme": the NER span is the name
            end = max(end, lowercase_name_end(run[0], tokens[-1].i + 1))
            if end > run[-1].i + 1:
                ctx.truncated.add(fold(run[0].text))  # the head alone, later, is this name cut short
        span = doc[run[0].i: end]
        reason = junk_reason(span, label, ctx, rules, state_adjectives)
        odonym = odonym_start(run[0])
        if odonym >= 0 and reason in ("", "truncated_name", "sentence_start_common_word",
                                      "common_word_in_document", "first_name_only"):
            kept.append(Span(doc, odonym, span.end, label="LOC"))  # "la place de l'Indépendance"
        elif reason:
            reasons.append(reason)
        else:  # a machine's type ("les C-17") is a thing, not an actor
            typed = "MISC" if model_designator(span) else classified_type(span, label, GIVEN_NAMES)
            kept.append(Span(doc, span.start, span.end, label=typed))
    return kept, (reasons[0] if reasons else "")


def junk_reason(span: Span, label: str, ctx: DocContext, rules, state_adjectives: frozenset) -> str:
    """Why a clean name span is not an actor (a reason of ``dropped_mentions.csv``), or ``""``."""
    text = span.text
    if not any(c.isalpha() for c in text):
        return "no_letters"
    if len(span) > _MAX_NAME_TOKENS:
        return "overlong"
    words = [fold(t.text) for t in span if t.is_alpha]
    if fold(text) in rules.not_names:
        return "not_a_name"
    if words and all(w in rules.not_names or w in rules.titles or w in rules.name_particles
                     for w in words):
        return "not_a_name"
    if words and all(w in rules.name_heads or w in rules.name_particles for w in words):
        # a generic head on its own ("le Parlement turc", "la Cour constitutionnelle",
        # "un Conseil OTAN-Ukraine" cut by the NER): a description, not a name
        return "generic_head"
    caps = [t for t in span if t.is_alpha and len(t) > 1]
    if len(caps) >= 3 and all(t.is_upper for t in caps) and any(
            t.lower_ in _UPPERCASE_PHRASE_WORDS for t in caps):
        return "uppercase_phrase"
    reason = context_reason(span, label, ctx)
    if reason:
        return reason
    if department_without_state(span, state_adjectives):
        return "department_without_state"
    if label == "MISC" and len(span) > 1 and common_phrase_opening(span, ctx):
        return "sentence_start_common_word"
    if len(span) == 1:
        tok = span[0]
        if not tok.is_upper and ctx.lowercase_in_text(tok.lower_):
            return "common_word_in_document"
        if len(text) < 2:
            return "too_short"
        return token_reason(tok, label, ctx)
    return ""


_ACRONYM_SKIPS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "pour", "et", "en", "sur", "contre",
                            "au", "aux", "a", "à"})


def acronym_follows(span: Span) -> bool:
    """Whether the span is followed by its own acronym in parentheses, the initials of its
    words other than articles and prepositions: "le Comité national pour le salut du peuple
    (CNSP)" is a name, however generic its words."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    if not (acronym.isalpha() and 2 <= len(acronym) <= 8 and acronym[0].isupper()):
        return False
    initials = "".join(fold(t.text)[0] for t in span if t.is_alpha and fold(t.text) not in _ACRONYM_SKIPS)
    return len(span) >= len(acronym) and initials == fold(acronym)


def common_head(tok, end: int, ctx: DocContext, rules) -> bool:
    """A common word capitalised at a sentence opening and followed, up to the place at
    ``end``, by lowercase words ("Place stratégique de l'Ukraine"), unless it is a
    generic head of institutions ("La République populaire de…"); "La Communauté des États
    d'Afrique…" has a second capital."""
    between = [t for t in tok.doc[tok.i + 1: end] if t.is_alpha and fold(t.text) not in rules.name_particles]
    if not between or any(t.text[:1].isupper() for t in between):
        return False  # "La Tribune de Genève": a head and a place only; "La Communauté des États…"
    return fold(tok.text) not in rules.name_heads and common_word_opening(tok, ctx)


def common_phrase_opening(span: Span, ctx: DocContext) -> bool:
    """Whether a phrase is made only of French common words and is capitalised only because it
    opens a sentence or a headline ("Coup d'État au Niger : …", "Guerre froide"), its first word
    written with a capital nowhere else in the document: a phrase, not the name of an actor."""
    words_ = [t for t in span if t.is_alpha]
    return len(words_) >= 2 and common_word_opening(words_[0], ctx) and all(t.lower_ in ctx.french for t in words_)
