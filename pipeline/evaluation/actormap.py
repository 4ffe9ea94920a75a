"""Map the actors a run predicted in a document to the actors of the gold file.

A predicted actor is compared by its id, its printed label and the forms it was written
in (``mentions.csv``), all as :func:`pipeline.nlp.gazetteer.alias_key` keys: first with
the actors the gold lists for that document, then with every gold actor.

>>> import pandas as pd
>>> from pipeline.nlp.gazetteer import build
>>> from pipeline.evaluation.gold import parse_gold
>>> gold = parse_gold(['{"doc_id": "d1", "actors": [{"name": "Jean Dupont", "type": "PER"}]}'],
...                   gazetteer=build([]))
>>> mentions = pd.DataFrame({"doc_id": ["d1"], "actor_id": ["dupont"], "text": ["Jean Dupont"]})
>>> actors = pd.DataFrame({"actor_id": ["dupont"], "label": ["M. Dupont"]}).set_index("actor_id", drop=False)
>>> amap = ActorMap(gold, Predictions(None, None, {}, mentions, actors, None, None), {"d1": "d1"})
>>> amap("d1", "dupont"), amap.label("dupont")
('~jean dupont', 'M. Dupont')
"""
from __future__ import annotations

from collections import defaultdict

from ..nlp.gazetteer import alias_key
from .gold import Gold
from .predictions import Predictions


class ActorMap:
    """Maps a predicted actor of a document to a gold actor key."""

    def __init__(self, gold: Gold, pred: Predictions, docs: dict[str, str]):
        self.gold, self.pred = gold, pred
        self.global_index = gold.index()
        self.local_index = {}
        self.local_keys = {}
        for d in gold.documents:
            keys = [*d.actors, *d.optional]
            self.local_keys[docs[d.doc_id]] = set(keys)
            self.local_index[docs[d.doc_id]] = gold.index(keys)
        self.forms: dict[tuple[str, str], set] = defaultdict(set)
        self.by_doc: dict[str, set] = defaultdict(set)  # doc_id -> actor ids mentioned
        for doc_id, aid, text in zip(pred.mentions["doc_id"], pred.mentions["actor_id"], pred.mentions["text"]):
            if aid:
                self.forms[(doc_id, aid)].add(text)
                self.by_doc[doc_id].add(aid)
        self._cache: dict = {}

    def label(self, aid: str) -> str:
        return self.pred.actors.at[aid, "label"] if aid in self.pred.actors.index else aid

    def __call__(self, doc_id: str, aid: str) -> str | None:
        if not aid:
            return None
        if (doc_id, aid) not in self._cache:
            self._cache[(doc_id, aid)] = self._map(doc_id, aid)
        return self._cache[(doc_id, aid)]

    def _map(self, doc_id: str, aid: str) -> str | None:
        candidates = [self.label(aid), aid, *sorted(self.forms.get((doc_id, aid), ()))]
        keys = [alias_key(c) for c in candidates if c]
        local_keys = self.local_keys.get(doc_id, set())
        local_index = self.local_index.get(doc_id, {})
        if aid in local_keys:
            return aid
        for k in keys:
            if k in local_index:
                return local_index[k]
        if aid in self.gold.actors:
            return aid
        for k in keys:
            if k in self.global_index:
                return self.global_index[k]
        return None
