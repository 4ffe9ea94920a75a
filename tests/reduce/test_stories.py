"""Reprinted stories: grouped with small edits, kept apart otherwise, deterministic."""
from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings, strategies as st

from pipeline.reduce.stories import (MIN_SHINGLES, SHINGLE, StoryGrouper, group_stories, reprint_map,
                                     shingle_hashes, signatures)

WORDS = ("ministre gouvernement frontière sanctions accord sommet alliance armée réunion conseil "
         "président parlement vote budget réfugiés énergie gaz pétrole banque marché prix hausse "
         "baisse semaine lundi mardi annonce décision texte rapport enquête tribunal juge région "
         "ville port usine grève syndicat élection campagne débat projet loi réforme crise").split()


def _article(rng: random.Random, paragraphs: int = 4, words: int = 40) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(words)) + "." for _ in range(paragraphs)]


def test_reprints_with_small_edits_share_a_story_and_others_do_not():
    rng = random.Random(3)
    original = _article(rng)
    reprint = [" ".join(rng.choice(WORDS) for _ in range(40)) + "."] + original[1:3]  # new opening, last dropped
    shortened = original[:2]  # half of the dispatch: mostly inside the original
    other = _article(rng)
    stories = group_stories([("b", "\n\n".join(reprint), "2022-03-02"), ("a", "\n\n".join(original), "2022-03-01"),
                             ("c", "\n\n".join(other), "2022-03-01"), ("d", "\n\n".join(shortened), "2022-03-05")])
    assert stories["b"] == stories["a"] == stories["d"] == "a"  # named after the earliest
    assert stories["c"] == "c"


def test_story_named_after_earliest_then_smallest_id_and_undated_last():
    text = " ".join(WORDS)
    assert group_stories([("z", text, "2022-01-01"), ("a", text, "2022-01-02")]) == {"z": "z", "a": "z"}
    assert group_stories([("z", text, ""), ("b", text, "2022-05-01"), ("a", text, "2022-05-01")]) == \
        {"z": "a", "b": "a", "a": "a"}


def test_short_texts_are_their_own_story():
    short = " ".join(WORDS[:MIN_SHINGLES + SHINGLE - 2])
    assert group_stories([("a", short, ""), ("b", short, "")]) == {"a": "a", "b": "b"}


def test_reprint_map_keeps_only_stories_printed_more_than_once():
    assert reprint_map({"a": "a", "b": "a", "c": "c"}) == {"a": "a", "b": "a"}


def test_signatures_of_equal_texts_are_equal_and_documents_do_not_leak():
    ids = np.array([11, 12, 13, 14, 15, 16, 21, 22, 23, 11, 12, 13, 14, 15, 16], dtype=np.uint64)
    lengths = np.array([6, 3, 6])
    hashes, doc = shingle_hashes(ids, lengths)
    assert list(np.bincount(doc)) == [4, 1, 4]  # no shingle spans two documents
    sig = signatures(hashes, doc, 3)
    assert (sig[0] == sig[2]).all() and not (sig[0] == sig[1]).all()


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(range(6)), st.integers(0, 3)), min_size=1, max_size=12),
       st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_order(items, rnd):
    rng = random.Random(0)
    bases = [_article(rng, 3, 25) for _ in range(6)]
    docs = []
    for n, (base, cut) in enumerate(items):
        paras = bases[base][:3 - cut % 2] if cut else bases[base]
        docs.append((f"d{n:02d}", "\n\n".join(paras), f"2022-03-{1 + n % 9:02d}"))
    first = group_stories(docs)
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert group_stories(shuffled) == first
    for (d1, t1, _), (d2, t2, _) in zip(docs, docs[1:]):
        if t1 == t2:
            assert first[d1] == first[d2]


def test_grouper_keeps_no_text():
    g = StoryGrouper()
    g.add("a", " ".join(WORDS), "")
    assert not any(isinstance(v, str) and len(v) > 100 for v in vars(g).values())


def test_lsh_and_exhaustive_comparison_find_the_same_reprints(monkeypatch):
    import pipeline.reduce.stories as stories

    rng = random.Random(11)
    docs, originals = [], []
    for n in range(120):
        if originals and n % 4 == 0:
            src, paras = originals[rng.randrange(len(originals))]
            edited = [" ".join(rng.choice(WORDS) for _ in range(40)) + "."] + paras[1:3]
            docs.append((f"r{n:03d}", "\n\n".join(edited), "2022-03-02", src))
        else:
            paras = _article(rng, 4, 40)
            originals.append((f"o{n:03d}", paras))
            docs.append((f"o{n:03d}", "\n\n".join(paras), "2022-03-01", f"o{n:03d}"))
    items = [(d, t, p) for d, t, p, _ in docs]
    exhaustive = group_stories(items)
    monkeypatch.setattr(stories, "EXHAUSTIVE", 0)
    lsh = group_stories(items)
    truth = {d: src for d, _, _, src in docs}
    assert exhaustive == lsh == truth
