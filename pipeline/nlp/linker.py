"""Actor linker: sets ``span._.actor_id`` (and ``actor_source``, ``actor_rule``) for every
entity the actor ruler (:mod:`pipeline.nlp.actors`) leaves: gazetteer alias, metonym (policy
switch), demonym, context alias, role holder at the document's date, surname of a full name used
elsewhere in the document, a name with a lost apostrophe ("LOTAN"), else a discovered actor
keyed by its normalised name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import words
from .gazetteer import alias_key, load_gazetteer, load_rules
from .junk import GIVEN_NAMES
from .normalize import fold, name_key

_RULES_FILE = "actor_rules.yaml"
_LINKER_ARTICLES = words(_RULES_FILE, "linker_leading_articles")
_LOCATIVE_OF = words(_RULES_FILE, "locative_of")
_OFFICE_HEADS = frozenset(words(_RULES_FILE, "locative_office_heads"))
_NAME_SUFFIXES = words(_RULES_FILE, "name_suffixes")
_CITY_NOUNS = words(_RULES_FILE, "city_nouns")
_DATIVE_VERBS = words(_RULES_FILE, "dative_verbs")
_MISSING_APOSTROPHE = re.compile(r"^[LD]([A-ZÀ-ÖØ-Þ]{2,}[\w-]*|[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+[\w-]*)$")
_WORDS = re.compile(r"[^\W\d_]+")
_GLUED_ARTICLE = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w-]+?)[LD]['’]$")
_OF = frozenset({"de", "du", "des", "d'", "d’"})
_TRAILING_APOSTROPHE = re.compile(r"\s*['’](s)?$")

def _in_term(date: str, start: str, end: str) -> bool:
    """Whether an ISO date (any precision) falls within [start, end] (open ends allowed),
    comparing at the coarser of the two precisions."""
    if start and start[:len(date)] > date[:len(start)]:
        return False
    if end and end[:len(date)] < date[:len(end)]:
        return False
    return True


def _byline_place(ent: Span) -> bool:
    """Whether the capital closes a byline: "Jane Doe, Budapest" at the end of its line, the
    place where the writer files from."""
    doc = ent.doc
    if ent.start < 3 or doc[ent.start - 1].text != "," or not doc[ent.start - 2].is_title \
            or not doc[ent.start - 3].is_title:
        return False
    return ent.end == len(doc) or "\n" in doc[ent.end - 1].whitespace_ + doc[ent.end].text


def _named_as_city(ent: Span) -> bool:
    """Whether the text presents the name as a city: after "la capitale", "la ville de" (an
    adjective or the state between: "la capitale biélorusse Minsk", "la capitale de la
    Biélorussie, Minsk"), or before ", la capitale" ("Kiev, la capitale")."""
    doc = ent.doc
    i = ent.start - 1
    while i >= max(0, ent.start - 6):
        t = doc[i]
        if t.lower_ in _CITY_NOUNS:
            return True
        if t.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ") or t.text in (".", ";", ":", "\n"):
            break
        i -= 1
    j = ent.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        return j < len(doc) and doc[j].lower_ in _CITY_NOUNS
    return False


class ActorLinker:
    """Set ``span._.actor_id`` for every entity (see module doc for the order of rules)."""

    def __init__(self, nlp: Language, name: str = "actorgraph_actor_linker", metonymy: bool = True,
                 gazetteer: str | None = None, rules: str | None = None):
        self.name = name
        self.metonymy = metonymy
        self.gaz = load_gazetteer(gazetteer)
        self.rules = load_rules(rules)

    def _role_holder(self, title_key: str, anchor: str | None, named: set[str]) -> str | None:
        """The holder of a role title ("président russe") at the document's date, linked
        only when the document also names that person: a description alone does not
        add a person to the graph."""
        holders = self.gaz.role_index.get(title_key, [])
        in_doc = {pid for pid, _ in holders} & named
        if anchor:
            at_date = {pid for pid, r in holders if _in_term(anchor, r.start, r.end)}
            in_doc = (in_doc & at_date) or (in_doc if not at_date else set())
        return next(iter(in_doc)) if len(in_doc) == 1 else None

    def _locative(self, ent: Span) -> bool:
        """Whether a capital is used as a place ("se tiendra à Vilnius"), not as its state."""
        root = ent.root
        if root.dep_ == "conj" and root.head.i < ent.start:
            root = root.head  # "à Londres et à Paris": the first conjunct decides
        preps = {c.lower_ for c in root.children if c.dep_ == "case"}
        head = root.head
        if preps & _LOCATIVE_OF and head.pos_ == "NOUN" and head.lemma_.lower() in self.rules.locative_heads:
            return True  # "le sommet de Vilnius", "la conférence de Munich": the venue
        if _named_as_city(ent) or _byline_place(ent):
            return True
        if not preps & self.rules.locative_preps:
            return False
        case = next((c for c in root.children if c.dep_ == "case" and c.lower_ in self.rules.locative_preps), None)
        if case is not None and case.i > 0 and ent.doc[case.i - 1].ent_type_ == "LOC":
            return True  # "place du Trocadéro à Paris": a place in the city
        if root.dep_ == "obl:mod" and preps & {"à", "dans"} and not (
                "à" in preps and head.lemma_.lower() in _DATIVE_VERBS):
            return True  # "hospitalisé à Berlin", "une bombe a explosé à Kaboul": a circumstance of place
        return head.lemma_.lower() in self.rules.locative_heads or (
            head.pos_ == "NOUN" and head.lemma_.lower() in _OFFICE_HEADS)  # "l'ambassade du Canada à Moscou"

    def _strip(self, ent: Span) -> str:
        toks = list(ent)
        while toks and (fold(toks[0].text) in self.rules.titles or fold(toks[0].text) in _LINKER_ARTICLES):
            toks = toks[1:]
        return ent.doc[toks[0].i: toks[-1].i + 1].text if toks else ent.text

    def __call__(self, doc: Doc) -> Doc:
        hits = doc._.actor_hits or {}
        anchor = doc._.anchor
        pending = []
        for ent in doc.ents:
            kinds = hits.get(f"{ent.start}:{ent.end}")
            actor, rule = None, None
            if kinds:
                if self.metonymy and any(k == "metonym" for k, _ in kinds) and self._locative(ent):
                    own = self.gaz.alias_index.get(alias_key(ent.text))
                    if own:
                        ent._.actor_id, ent._.actor_source, ent._.actor_rule = own, "gazetteer", "alias_place"
                        continue
                if self.metonymy and any(k == "metonym" for k, _ in kinds):
                    kinds = [kt for kt in kinds if kt[0] == "metonym"] + [kt for kt in kinds if kt[0] != "metonym"]
                for kind, target in kinds:
                    if kind == "metonym":
                        if self.metonymy:
                            actor, rule = target, "metonym"
                        else:
                            own = self.gaz.alias_index.get(alias_key(ent.text))
                            actor, rule = (own, "alias") if own else (None, None)
                    elif kind == "role":
                        continue
                    else:
                        actor, rule = target, kind
                    if actor:
                        break
                if actor is None and any(k == "role" for k, _ in kinds):
                    pending.append(ent)
                    continue
            if actor is None:
                # a trailing apostrophe or English possessive ("Zelensky’", "Zelensky’s") is not part of the name
                bare = _TRAILING_APOSTROPHE.sub("", self._strip(ent))
                key = alias_key(bare)
                actor = self.gaz.alias_index.get(key) or self.gaz.case_index.get(bare)
                rule = "alias" if actor else None
                if key in self.gaz.metonym_index and self.metonymy and not self._locative(ent):
                    # a seat spelt unlike the patterns ("l'Elysée") follows the metonymy policy too
                    actor, rule = self.gaz.metonym_index[key], "metonym"
                if actor is None and _MISSING_APOSTROPHE.match(ent.text):
                    actor = self.gaz.alias_index.get(alias_key(ent.text[1:]))
                    rule = "missing_apostrophe" if actor else None
                glued = _GLUED_ARTICLE.match(ent.text) if actor is None else None
                if glued:
                    # "AIEAL'Iran": a name glued to the article of the next word (a lost space or line break)
                    actor = self.gaz.alias_index.get(alias_key(glued.group(1)))
                    rule = "missing_apostrophe" if actor else None
            if actor is not None:
                source = "gazetteer" if self.gaz.get(actor) is not None else "discovered"
                ext = ent._  # one extension accessor for the three values
                ext.actor_id, ext.actor_source, ext.actor_rule = actor, source, rule
            else:
                pending.append(ent)
        named = {a for a in (e._.actor_id for e in doc.ents) if a}
        # full person names of this document, for surname linking
        # full names of this document, for short forms: a person's surname ("Roll" after
        # "Madis Roll"), an organisation's last word ("le Times" after "NY Times")
        full_names: dict[tuple[str, str], set[str]] = {}
        given: dict[str, set[str]] = {}  # first word of a person's full name -> its ids
        for ent in doc.ents:
            toks = [t for t in ent if t.is_alpha and t.lower_.rstrip(".") not in _NAME_SUFFIXES]
            if len(toks) >= 2 and ent.label_ in ("PER", "ORG"):
                aid = ent._.actor_id or name_key(self._strip(ent))
                full_names.setdefault((ent.label_, fold(toks[-1].text)), set()).add(aid)
                if ent.label_ == "PER":
                    given.setdefault(fold(toks[0].text), set()).add(aid)
        unlinked: list[Span] = []
        for ent in pending:
            kinds = hits.get(f"{ent.start}:{ent.end}") or []
            roles = [t for k, t in kinds if k == "role"]
            if roles:
                holder = self._role_holder(roles[0], anchor, named)
                if holder:
                    ent._.actor_id, ent._.actor_source, ent._.actor_rule = holder, "gazetteer", "role"
                else:
                    unlinked.append(ent)
                continue
            stripped = self._strip(ent)
            words = [t for t in ent if t.is_alpha and fold(t.text) not in self.rules.titles]
            if len(words) == 1:
                last = fold(words[0].text)
                owners = full_names.get(("PER", last), set())
                if ent.label_ == "ORG" or not owners:
                    owners = owners | full_names.get((ent.label_, last), set()) if ent.label_ == "ORG" else owners
                rule = "surname"
                if not owners and ent.label_ == "PER" and last in GIVEN_NAMES:
                    # a first name alone ("Olga") after the one full name it opens ("Olga Ivanova")
                    owners, rule = given.get(last, set()), "first_name"
                if len(owners) == 1:
                    owner = next(iter(owners))
                    ent._.actor_id, ent._.actor_rule = owner, rule
                    ent._.actor_source = "gazetteer" if owner in self.gaz.entries else "discovered"
                    continue
            ent._.actor_id = name_key(stripped) or None
            ent._.actor_source, ent._.actor_rule = "discovered", "key"
        if unlinked:
            # role descriptions whose holder is not named in the document are not mentions
            drop = {(e.start, e.end) for e in unlinked}
            doc.ents = [e for e in doc.ents if (e.start, e.end) not in drop]
            doc._.dropped_ents = (doc._.dropped_ents or []) + [
                (e.start_char, e.end_char, e.text, e.label_, "role_holder_not_named") for e in unlinked]
        link_acronyms(doc, self.gaz.entries)
        return doc


def _defines(name: Span, acronym: str) -> bool:
    """Whether the letters of ``acronym`` are initials of words of ``name`` ("Bharatiya Janata
    Party" BJP, "Front de libération du peuple du Tigré" TPLF: the order may differ when the
    acronym is of another language)."""
    initials = {fold(w)[0] for w in _WORDS.findall(name.text) if len(w) > 1 or w.isupper()}
    letters = [fold(c) for c in acronym if c.isalpha()]
    return 2 <= len(letters) <= len(initials) + 1 and all(c in initials for c in letters)


def _opens_alias(name: Span, entry) -> bool:
    """Whether the words of ``name`` (two or more) are the first words of a longer alias of
    the gazetteer ``entry`` ("Bharatiya Janata" of "Bharatiya Janata Party")."""
    words = [fold(w) for w in _WORDS.findall(name.text)]
    if len(words) < 2:
        return False
    for alias in entry.plain_aliases():
        alias_words = [fold(w) for w in _WORDS.findall(alias)]
        if len(alias_words) > len(words) and alias_words[:len(words)] == words:
            return True
    return False


def link_acronyms(doc: Doc, gazetteer: dict) -> None:
    """A name followed by its acronym in parentheses ("le Bharatiya Janata Party (BJP)")
    makes one actor: a discovered acronym takes the name's id, in every mention of the
    document; a discovered name whose acronym is a gazetteer actor takes the acronym's id, also
    when the name is the opening words of one of that actor's aliases ("Bharatiya Janata (BJP)").
    ``actor_rule`` ``acronym`` marks the mentions joined (the reduce step joins the acronym
    across documents, :mod:`pipeline.reduce.identity`)."""
    ents = list(doc.ents)
    joined: dict[str, str] = {}
    for k in range(1, len(ents)):
        name, acr = ents[k - 1], ents[k]
        if not (acr.start == name.end + 1 and doc[name.end].text == "(" and acr.end < len(doc)
                and doc[acr.end].text == ")" and len(acr) == 1 and acr.text.isupper()
                and name._.actor_id and acr._.actor_id):
            continue
        if k >= 2 and not _defines(name, acr.text) and all(
                t.lower_ in _OF for t in doc[ents[k - 2].end: name.start]) and ents[k - 2]._.actor_id:
            # "le Front de libération du peuple du Tigré (TPLF)": the place closes the name,
            # whose first part (cut by the NER) takes the acronym's id
            head = ents[k - 2]
            if len(head) >= 2 and head._.actor_id not in gazetteer and _defines(doc[head.start: name.end], acr.text):
                head._.actor_id, head._.actor_rule = acr._.actor_id, "acronym"
                head._.actor_source = "gazetteer" if acr._.actor_id in gazetteer else "discovered"
            continue
        if len(name) >= 2 and name._.actor_id not in gazetteer and acr._.actor_id in gazetteer \
                and _opens_alias(name, gazetteer[acr._.actor_id]):
            # "le Bharatiya Janata (BJP)": the name without its last word ("Party")
            name._.actor_id, name._.actor_source, name._.actor_rule = acr._.actor_id, "gazetteer", "acronym"
            continue
        if len(name) < 2 or not _defines(name, acr.text):
            continue
        if acr._.actor_id not in gazetteer:
            joined[acr.text] = name._.actor_id
        elif name._.actor_id not in gazetteer:
            name._.actor_id, name._.actor_source, name._.actor_rule = acr._.actor_id, "gazetteer", "acronym"
    for e in ents:
        if e.text in joined and e._.actor_id not in gazetteer:
            e._.actor_id, e._.actor_rule = joined[e.text], "acronym"
            e._.actor_source = "gazetteer" if e._.actor_id in gazetteer else "discovered"


@Language.factory("actorgraph_actor_linker", default_config={"metonymy": True, "gazetteer": None, "rules": None})
def make_actor_linker(nlp: Language, name: str, metonymy: bool, gazetteer: str | None, rules: str | None):
    return ActorLinker(nlp, name, metonymy=metonymy, gazetteer=gazetteer, rules=rules)
