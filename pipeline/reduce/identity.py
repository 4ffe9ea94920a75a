"""Corpus-level identity of discovered actors: a short form joins the one full name the
corpus uses for it.

Within a document the actor linker already links a surname to the full name of that
document. Across documents, a discovered actor whose id is a single word can still be a
short form of a name written in full elsewhere in the corpus:

- a surname alone ("Johnson") joins the one person of the corpus whose full name ends with
  it ("Boris Johnson"); when two people share it ("Saad Hariri", "Rafic Hariri") it stays
  apart, because the corpus cannot tell which one is meant;
- a person named without a middle name ("Choguel Maïga") joins the one person named with
  it ("Choguel Kokalla Maïga"); spellings that differ only by a French or English
  transliteration ("Hamdane"/"Hamdan", "Bourhane"/"Burhan") are one name, and so are the
  names of an organisation or place of three words or more written in another word order
  ("Alliance démocratique nationale", "Alliance nationale démocratique");
- a person named by the last words of a longer name ("al-Burhane", "Lula da Silva") joins
  the one person whose full name ends with them ("Abdel Fattah al-Burhane", "Luiz Inácio Lula
  da Silva"); a name that is itself the tail of a longer one of the same person ("Hamdan
  Daglo" beside "Mohamed Hamdan Daglo") does not count as a second owner;
- a short name or variant ("Baltique", "Covid") joins the one name of the corpus that is the
  same word with a generic head before it or a number after it ("mer Baltique", "Covid-19");
- a craft named alone ("les F-16", MISC) joins the same craft named after its classifier
  ("l'avion F-16", id ``craft-f-16``).
- an acronym alone ("le BJP") joins the one name the corpus defines it as, by a name followed
  by the acronym in parentheses ("le Bharatiya Janata Party (BJP)", pipeline/nlp/linker.py).

Only aggregated counts are read (actor id → NER label counts), so the result does not depend
on the order of documents; the indexes are keyed by word, so the cost grows linearly with
the number of actors.

>>> from collections import Counter
>>> labels = {"boris-johnson": Counter(PER=3), "johnson": Counter(PER=2),
...           "saad-hariri": Counter(PER=1), "rafic-hariri": Counter(PER=1), "hariri": Counter(PER=4),
...           "covid-19": Counter(MISC=2), "covid": Counter(PER=1)}
>>> m = corpus_identity(labels, heads={"mer"})
>>> m["johnson"], m["covid"], "hariri" in m
('boris-johnson', 'covid-19', False)
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Mapping

from ..nlp.gazetteer import Gazetteer, alias_key
from ..nlp.normalize import fold, transliteration_key

_WORDS = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"^\d+$")
CRAFT_PREFIX = "craft-"  # ids of vessels and aircraft (pipeline/nlp/actors.py)


def _words(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


def _without_middle(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is ``long`` without some of its middle words (same first and last)."""
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(w in rest for w in short[1:-1])


def _keys(words: list[str]) -> tuple:
    return tuple(transliteration_key(w) for w in words)


def _core(words: list[str], heads: frozenset | set, particles: frozenset | set) -> list[str]:
    """The words of a name without its generic head ("mer", "golfe" and the particles after
    them) and without trailing numbers ("covid 19")."""
    i = 0
    if words and words[0] in heads:
        i = 1
        while i < len(words) - 1 and words[i] in particles:
            i += 1
    j = len(words)
    while j > i + 1 and _NUMBER.match(words[j - 1]):
        j -= 1
    return words[i:j]


def corpus_identity(labels: Mapping[str, Counter], gaz: Gazetteer | None = None,
                    heads: Iterable[str] = (), particles: Iterable[str] = (),
                    acronyms: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map each discovered actor id that is another spelling or a short form of one name of the
    corpus to that name's id: first the spellings of one name of two words or more
    (:func:`transliteration_variants`), then the short forms (:func:`short_forms`)."""
    entries = gaz.entries if gaz is not None else {}
    variants = transliteration_variants(labels, entries)
    merged: dict[str, Counter] = {}
    for aid in sorted(labels):
        merged.setdefault(variants.get(aid, aid), Counter()).update(labels[aid])
    acr = {a: {variants.get(i, i) for i in ids} for a, ids in (acronyms or {}).items()}
    short = short_forms(merged, gaz, heads, particles, acr)
    out = {aid: short.get(target, target) for aid, target in variants.items()}
    out.update(short)
    return out


def _main_label(counts: Counter) -> str:
    """The most frequent NER label of an actor's mentions (the first in alphabetical order on a tie)."""
    return min(counts, key=lambda k: (-counts[k], k)) if counts else ""


def _spelling_key(words: list[str], person: bool) -> tuple:
    """The key under which two spellings of one name meet: the transliteration keys of its
    words, in order; for the name of an organisation or a place of three words or more, in
    any order ("Alliance démocratique nationale", "Alliance nationale démocratique": French
    translations of a foreign name place the adjectives either way). A person's words keep
    their order: "Ali Hassan" is not "Hassan Ali"."""
    keys = tuple(transliteration_key(w) for w in words)
    return ("any-order", *sorted(keys)) if not person and len(words) >= 3 else keys


def transliteration_variants(labels: Mapping[str, Counter], entries: Mapping) -> dict[str, str]:
    """Map each discovered id of two words or more to the one id of the corpus spelt alike but
    for a French or English transliteration (:func:`pipeline.nlp.normalize.transliteration_key`:
    "mohamed-hamdane-daglo" and "mohamed-hamdan-daglo"): the gazetteer entry when exactly one
    spells it so, else the discovered spelling with the most mentions (then the first id in
    alphabetical order). Two gazetteer entries spelt alike are ambiguous: left apart."""
    groups: dict[tuple, set[str]] = defaultdict(set)
    for aid in sorted(labels):
        entry = entries.get(aid)
        forms = [alias_words(f) for f in (entry.label, *entry.aliases)] if entry is not None else [aid.split("-")]
        person = (entry.type if entry is not None else _main_label(labels[aid])) == "PER"
        for words in forms:
            if len(words) >= 2:
                groups[_spelling_key(words, person)].add(aid)
    mapping: dict[str, str] = {}
    for key in sorted(groups):
        ids = groups[key]
        if len(ids) < 2:
            continue
        known = sorted(i for i in ids if i in entries)
        if len(known) > 1:
            continue
        target = known[0] if known else min(ids, key=lambda i: (-sum(labels[i].values()), i))
        for aid in sorted(ids - {target}):
            if aid not in entries and mapping.get(aid, target) == target:
                mapping[aid] = target
            elif aid not in entries:
                mapping[aid] = min(mapping[aid], target)  # spelt like two names: the same choice whatever the order
    return mapping


def short_forms(labels: Mapping[str, Counter], gaz: Gazetteer | None = None,
                heads: Iterable[str] = (), particles: Iterable[str] = (),
                acronyms: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map each discovered single-word actor id that is a short form of exactly one longer
    name of the corpus to that name's id (ids absent from the result are unchanged).

    ``labels``: actor id → Counter of the NER labels of its mentions (the whole corpus);
    ``gaz``: gazetteer entries are never remapped, and those seen in the corpus are full
    names too; ``heads``: generic head words ("mer", "golfe"); ``particles``: words allowed
    between a head and the name ("de", "du"); ``acronyms``: the key of an acronym → the ids
    of the names the corpus defines it as (mentions with ``actor_rule`` ``acronym``).
    """
    heads, particles = frozenset(heads), frozenset(particles)
    entries = gaz.entries if gaz is not None else {}
    # keyed by transliteration keys: "Burhan" alone is the surname of "Abdel Fattah al-Burhane"
    surname_of: dict[str, set[str]] = defaultdict(set)  # last word -> persons with a full name
    tail_of: dict[tuple, set[str]] = defaultdict(set)  # last words (2 or more) -> longer person names
    person_words: dict[str, list[list[str]]] = defaultdict(list)
    ends_of: dict[tuple, set[str]] = defaultdict(set)  # (first, last word) -> persons
    core_of: dict[str, set[str]] = defaultdict(set)  # one-word core -> longer names

    def index(aid: str, forms: list[list[str]], is_person: bool) -> None:
        for words in forms:
            if len(words) < 2:
                continue
            if is_person and not _NUMBER.match(words[-1]):
                surname_of[transliteration_key(words[-1])].add(aid)
                person_words[aid].append(list(_keys(words)))
                ends_of[(person_words[aid][-1][0], person_words[aid][-1][-1])].add(aid)
                for k in range(2, len(words)):
                    tail_of[_keys(words[-k:])].add(aid)
            core = _core(words, heads, particles)
            if len(core) == 1 and core != words:
                core_of[core[0]].add(aid)

    singles, tails = [], []
    for aid in sorted(labels):
        entry = entries.get(aid)
        if entry is not None:
            forms = [alias_words(f) for f in (entry.label, *entry.aliases)]
            index(aid, forms, entry.type == "PER")
            continue
        words = aid.split("-")
        if len(words) == 1:
            singles.append(aid)
        else:
            index(aid, [words], _majority(labels[aid]) == "PER")
            if _majority(labels[aid]) == "PER":
                tails.append(aid)

    def longest(owners: set[str]) -> set[str]:
        """Owners without those whose name is the tail of another owner's name, or that name
        without a middle name ("Abdel Fattah al-Burhane" beside "Abdel Fattah Abdelrahman
        al-Burhane")."""
        return {o for o in owners if not any(
            o != p and any(len(wp) > len(wo) and (wp[-len(wo):] == wo or _without_middle(wo, wp))
                           for wo in person_words[o] for wp in person_words[p])
            for p in owners)}
    mapping: dict[str, str] = {}
    for aid in labels:
        # a craft named once with its classifier ("l'avion F-16") and elsewhere alone ("les
        # F-16") is one actor, unless the bare name is a known actor, a person or a place
        bare = aid[len(CRAFT_PREFIX):] if aid.startswith(CRAFT_PREFIX) else ""
        if bare in labels and bare not in entries and _majority(labels[bare]) not in ("PER", "LOC"):
            mapping[bare] = aid
    for aid in singles:
        if aid in mapping:
            continue
        # a surname: at least half of the word's mentions read as a person
        is_person = 2 * labels[aid].get("PER", 0) >= sum(labels[aid].values())
        owners = longest(surname_of.get(transliteration_key(aid), set()) - {aid}) if is_person else set()
        if len(owners) > 1:
            continue  # two people share the surname: never guess
        if not owners:
            owners = core_of.get(aid, set()) - {aid}
        if len(owners) == 1:
            mapping[aid] = next(iter(owners))
    for aid in tails:
        words = list(_keys(aid.split("-")))
        owners = longest(tail_of.get(tuple(words), set()) - {aid})
        if not owners:  # "Choguel Maïga" beside "Choguel Kokalla Maïga": the name without a middle name
            owners = longest({p for p in ends_of.get((words[0], words[-1]), set()) - {aid}
                              if any(_without_middle(words, wp) for wp in person_words[p])})
        if len(owners) == 1:
            mapping[aid] = next(iter(owners))
    for acr in sorted(acronyms or {}):
        owners = set(acronyms[acr]) - {acr}
        if acr in labels and acr not in entries and acr not in mapping and len(owners) == 1:
            mapping[acr] = next(iter(owners))
    for aid in sorted(mapping):  # a joined name that joins another in turn: follow to the end
        seen = {aid}
        while mapping[aid] in mapping and mapping[aid] not in seen:
            seen.add(mapping[aid])
            mapping[aid] = mapping[mapping[aid]]
    return mapping


_TYPE_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}


def _majority(counts: Counter) -> str:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], _TYPE_ORDER.get(kv[0], 9), kv[0]))
    return ranked[0][0] if ranked else ""


def alias_words(text: str) -> list[str]:
    """The words of a gazetteer form as :func:`corpus_identity` compares them.

    >>> alias_words("l’Organisation des Nations unies")
    ['organisation', 'des', 'nations', 'unies']
    """
    return _words(alias_key(text))
