"""Actor layer: spaCy components that fix entity spans and give each one an actor id.

``actorgraph_actor_ruler``
    runs after the statistical NER. Gazetteer names (aliases, capital/seat metonyms,
    capitalised demonyms, role titles such as "président russe") become entity spans;
    NER spans that swallow a gazetteer name are split ("OTAN Jens Stoltenberg") or
    trimmed ("Alliance par le général"); junk spans are dropped with a reason, kept in
    ``doc._.dropped_ents`` so every decision can be audited.
    A name the NER found on its own is judged by :mod:`pipeline.nlp.candidates` (junk tests
    in :mod:`pipeline.nlp.junk`, name extents in :mod:`pipeline.nlp.name_bounds`).
``actorgraph_paragraphs`` (:mod:`pipeline.nlp.paragraphs`)
    sentence constraints set before the parser.
``actorgraph_actor_linker`` (:mod:`pipeline.nlp.linker`)
    sets ``span._.actor_id`` (and ``actor_source``, ``actor_rule``) for every entity:
    gazetteer alias, metonym (policy switch), demonym, context alias, role holder at the
    document's date, surname of a full name used elsewhere in the document, a name with
    a lost apostrophe ("LOTAN"), else a discovered actor keyed by its normalised name.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import words
from .base import register_extensions, span_text
from .candidates import common_head, judge
from .gazetteer import Gazetteer, alias_key, load_gazetteer, load_rules
from .junk import DocContext, FrenchWords, company_on_place, context_reason
from .name_bounds import (CRAFT, administrative_head_length, craft_before, head_before_place, hyphen_linked_end,
                          join_hyphen_linked, lowercase_modifier)
from .names import is_capitalised, variants
from .normalize import fold, name_key
from .ruler_cache import pattern_keys
from . import paragraphs as _paragraphs  # noqa: F401  (registers actorgraph_paragraphs)

register_extensions(Span, "actor_id", "actor_source", "actor_rule")
register_extensions(Doc, "anchor", "dropped_ents", "actor_hits")

# priority of gazetteer hit kinds when one span is several things at once
_KIND_ORDER = {"alias": 0, "metonym": 1, "demonym": 2, "context": 3, "role": 4, "short_form": 5, "craft": 6}
# short function-word lists (models/actor_rules.yaml)
_RULES_FILE = "actor_rules.yaml"
_ROLE_DETERMINERS = words(_RULES_FILE, "role_determiners")
_RULER_ARTICLES = words(_RULES_FILE, "ruler_leading_articles")
_PLACE_NAME_LINKS = words(_RULES_FILE, "place_name_links")
_PLACE_ADJECTIVES = words(_RULES_FILE, "place_name_adjectives")
_WORD = re.compile(r"[^\W\d_]+")
_MAX_GIVEN_NAMES = 3


class ActorRuler:
    """Gazetteer-driven entity ruler that corrects the statistical NER (see module doc)."""

    def __init__(self, nlp: Language, name: str = "actorgraph_actor_ruler", gazetteer: str | None = None,
                 rules: str | None = None, pattern_cache: str | None = None):
        self.name = name
        self.gazetteer_path = gazetteer
        self.rules_path = rules
        self.gaz: Gazetteer = load_gazetteer(gazetteer)
        self.rules = load_rules(rules)
        self._nlp = nlp
        self._french: FrenchWords | None = None
        # lowercase nationality adjectives ("russe"): a department named with one has its state
        self._state_adjectives = frozenset(fold(a) for e in self.gaz.entries.values() for a in e.adjectives)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        forms = {
            "alias": [(a, e.id) for e in self.gaz.entries.values() for a in e.plain_aliases()],
            "context": [(a, e.id) for e in self.gaz.entries.values() for a in e.context_aliases],
            "metonym": [(a, e.id) for e in self.gaz.entries.values() for a in e.metonyms],
            "demonym": [(a, e.id) for e in self.gaz.entries.values() for a in e.adjectives if a[:1].isupper()],
            "role": [(r.title, e.id) for e in self.gaz.entries.values() for r in e.roles],
            "case": [(a, e.id) for e in self.gaz.entries.values() for a in e.case_aliases],
        }
        self._keys: dict[int, tuple[str, str]] = {}
        # forms written without capitals ("pays baltes", "forces russes"): descriptions
        # rather than names, accepted in lowercase text only for places
        self._lower_forms: dict[tuple[str, str], set[str]] = {}
        patterns: dict[str, list] = {}
        for kind, pairs in forms.items():
            for form, actor in pairs:
                # roles are indexed by title (resolved by the linker); others by actor id
                target = alias_key(form) if kind == "role" else actor
                key = f"{kind}|{target}"
                patterns.setdefault(key, [])
                if not any(c.isupper() for c in form):
                    self._lower_forms.setdefault((kind, target), set()).add(fold(form))
                for v in variants(form):
                    patterns[key].append(v)
        # each form as the lowercase-form hashes of its tokens (kept on disk by the run)
        tokens = pattern_keys(nlp, (t for texts in patterns.values() for t in texts), pattern_cache)
        for key, texts in patterns.items():
            kind, target = key.split("|", 1)
            self.matcher.add(key, [tokens[t] for t in sorted(set(texts))])
            self._keys[nlp.vocab.strings[key]] = (kind, target)

    # -- helpers ---------------------------------------------------------------------
    def _foreign_sentences(self, doc: Doc) -> set[int]:
        """Start token of each sentence written mostly in another language."""
        foreign = set()
        fw = self.rules.foreign_words
        for sent in doc.sents:
            words = _WORD.findall(span_text(sent).lower())
            if len(words) < 4:
                continue
            hits = sum(1 for w in words if w in fw)
            if hits >= self.rules.foreign_min_words and hits / len(words) >= self.rules.foreign_share:
                foreign.add(sent.start)
        return foreign

    def _built_on_place(self, ent: Span, gs: list[Span], hits: dict, ctx: DocContext) -> bool:
        """Whether an entity holding gazetteer places ``gs`` is a name built on a place ("Traité
        de Washington", "Banque de France", "République populaire de Donetsk", "Communauté des
        États d'Afrique de l'Ouest"): a capitalised head, then capitalised words, particles or
        lowercase words (French capitalises only the first word of such a name), "de" and the
        place, then nothing but capitalised words and particles."""
        doc, first, particles = ent.doc, gs[0], self.rules.name_particles
        if administrative_head_length(list(doc[ent.start: gs[-1].end])):
            return False  # "les États du Soudan": the Sudan
        if not (first.start - 1 >= ent.start and doc[first.start - 1].lower_ in _PLACE_NAME_LINKS
                and is_capitalised(ent[0]) and fold(ent[0].text) not in self.rules.titles and ent.label_ != "PER"):
            return False
        if not all(getattr(self.gaz.get(hits[(g.start, g.end)][0][1]), "type", "") == "LOC" for g in gs):
            return False
        head_ok = all(is_capitalised(t) or fold(t.text) in particles or t.is_punct
                      or (t.i > ent.start and (lowercase_modifier(t) or (t.text.islower() and t.pos_ == "NOUN")))
                      for t in ent if t.i < first.start)
        tail_ok = all(is_capitalised(t) or fold(t.text) in particles or t.is_punct or t.text.endswith(("'", "’"))
                      for t in ent if t.i >= gs[-1].end)
        return head_ok and tail_ok and not ctx.lowercase_in_text(ent[0].lower_) \
            and not common_head(ent[0], first.start, ctx, self.rules)

    def _name_like(self, span: Span, kind: str, target: str) -> bool:
        """Whether a gazetteer hit reads as a name here. Text without capitals ("tout le
        monde" for "Le Monde", "alliance") is a name only for a place whose alias is
        itself lowercase ("pays baltes"); a lowercase description of an organisation or
        person ("forces russes") is not a mention, in lowercase or in capitals."""
        text = span.text
        lower_forms = self._lower_forms.get((kind, target), set())
        entry = self.gaz.get(target)
        is_place = entry is not None and entry.type == "LOC"
        if not any(c.isupper() for c in text):
            # a group whose French name is written in lowercase ("les talibans", "les chebab")
            return (is_place or " " not in text.strip()) and fold(text) in lower_forms
        if not any(c.islower() for c in text) and fold(text) in lower_forms and not is_place:
            return False
        return True

    def _crafts(self, doc: Doc, gaz_spans: list[Span], ents: list[Span], hits: dict) -> list[Span]:
        """Names of vessels and aircraft ("le croiseur Moskva"): MISC spans with the id
        ``craft-<name>``, never the place or person they are named after. Returns the
        gazetteer spans that remain."""
        crafts = []
        for sp in [*gaz_spans, *ents]:
            start = sp.start + 1 if len(sp) > 1 and fold(sp[0].text) in CRAFT else sp.start
            if craft_before(start, doc) or start > sp.start:
                crafts.append(Span(doc, start, sp.end, label="MISC"))
        if not crafts:
            return gaz_spans
        crafts = filter_spans(crafts)
        for c in crafts:
            hits[(c.start, c.end)] = [("craft", "craft-" + name_key(c.text))]
        taken = {i for c in crafts for i in range(c.start, c.end)}
        return [sp for sp in gaz_spans if not any(i in taken for i in range(sp.start, sp.end))] + crafts

    def _short_forms(self, doc: Doc, gaz_spans: list[Span], ents: list[Span], hits: dict,
                     described: list[tuple[int, int, str]]) -> list[Span]:
        """A capitalised head word alone ("la Coalition", "l'Organisation") that opens
        exactly one longer name of the document ("la coalition des volontaires"): linked
        to that name (kind ``short_form``)."""
        owners: dict[str, set[str]] = {}

        def add(tokens: list, target: str) -> None:
            words_ = [t for t in tokens if t.is_alpha and t.lower_ not in _RULER_ARTICLES]
            if len(words_) >= 2:
                owners.setdefault(fold(words_[0].text), set()).add(target)

        for sp in gaz_spans:
            kinds = hits.get((sp.start, sp.end), [])
            if kinds and kinds[0][0] in ("alias", "metonym", "context"):
                add(list(sp), kinds[0][1])
        for start, end, target in described:
            add(list(doc[start:end]), target)
        covered = {i for sp in gaz_spans for i in range(sp.start, sp.end)}
        for e in ents:
            if len(e) >= 2 and not any(i in covered for i in range(e.start, e.end)) and all(
                    is_capitalised(t) or fold(t.text) in self.rules.name_particles for t in e if not t.is_punct):
                add(list(e), name_key(e.text))
        if not owners:
            return []
        out = []
        for e in ents:
            words_ = [t for t in e if t.is_alpha and t.lower_ not in _RULER_ARTICLES]
            if len(words_) != 1 or any(i in covered for i in range(e.start, e.end)):
                continue
            tok = words_[0]
            targets = owners.get(fold(tok.text), set())
            if len(targets) == 1 and tok.text[:1].isupper() and not tok.is_upper:
                target = next(iter(targets))
                entry = self.gaz.get(target)
                out.append(Span(doc, tok.i, tok.i + 1, label=entry.type if entry else e.label_))
                hits[(tok.i, tok.i + 1)] = [("short_form", target)]
        return out

    def _person_after(self, piece: list, covered: dict, hits: dict, label: str) -> Span | None:
        """The gazetteer person span that a leftover ``piece`` of a PER entity directly
        precedes, when the piece is one to three capitalised words that are not titles
        (given names the gazetteer alias leaves out); else None."""
        if label != "PER" or not 1 <= len(piece) <= _MAX_GIVEN_NAMES:
            return None
        if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper and fold(t.text) not in self.rules.titles
                   and fold(t.text) not in self.rules.name_particles for t in piece):
            return None
        person = covered.get(piece[-1].i + 1)
        if person is None or person.start != piece[-1].i + 1:
            return None
        kinds = hits.get((person.start, person.end)) or []
        entry = self.gaz.get(kinds[0][1]) if kinds and kinds[0][0] == "alias" else None
        return person if entry is not None and entry.type == "PER" else None

    # -- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        hits: dict[tuple[int, int], list[tuple[str, str]]] = {}
        # gazetteer names written as a lowercase description ("la coalition des volontaires")
        described: list[tuple[int, int, str]] = []
        for match_id, start, end in self.matcher(doc):
            kind, target = self._keys[match_id]
            if kind == "case":
                # a case alias ("US") names the actor only as written, never "us"
                if self.gaz.case_index.get(doc[start:end].text) != target:
                    continue
                kind = "alias"
            if kind == "demonym" and not doc[start].text[:1].isupper():
                continue
            if kind == "role" and (start == 0 or doc[start - 1].lower_ not in _ROLE_DETERMINERS):
                continue
            if kind in ("alias", "context", "metonym") and not self._name_like(doc[start:end], kind, target):
                if kind != "context":
                    described.append((start, end, target))
                continue
            hits.setdefault((start, end), []).append((kind, target))
        # a context alias counts only if the document names the actor otherwise
        named = {t for v in hits.values() for k, t in v if k in ("alias", "metonym")}
        for key in list(hits):
            hits[key] = [(k, t) for k, t in hits[key] if k != "context" or t in named]
            if not hits[key]:
                del hits[key]
        name_spans, role_spans = [], []
        for (start, end), kinds in hits.items():
            kinds.sort(key=lambda kt: _KIND_ORDER[kt[0]])
            kind, target = kinds[0]
            if kind == "role":
                role_spans.append(Span(doc, start, end, label="PER"))
            else:
                entry = self.gaz.get(target)
                name_spans.append(Span(doc, start, end, label=entry.type if entry else "MISC"))
                if any(k == "role" for k, _ in kinds):
                    hits[(start, end)] = [kt for kt in kinds if kt[0] != "role"]
        # names first; a role title ("secrétaire général de l'OTAN") never hides a name in it
        gaz_spans = filter_spans(name_spans)
        taken = {i for sp in gaz_spans for i in range(sp.start, sp.end)}
        gaz_spans += [sp for sp in filter_spans(role_spans) if not any(i in taken for i in range(sp.start, sp.end))]
        ents = join_hyphen_linked(doc, list(doc.ents))
        context_only = {(sp.start, sp.end) for sp in gaz_spans
                        if all(k == "context" for k, _ in hits[(sp.start, sp.end)])}
        if context_only:
            # an ambiguous form ("Alliance") inside a longer name ("Alliance Defence 2025")
            # does not break that name
            # doc.ents do not overlap: the one that may hold a span starts last at or before it
            ent_starts = [e.start for e in ents]
            inside_ent = set()
            for sp in gaz_spans:
                k = bisect.bisect_right(ent_starts, sp.start) - 1
                if (sp.start, sp.end) not in context_only or k < 0:
                    continue
                e = ents[k]
                if sp.end <= e.end and (e.start, e.end) != (sp.start, sp.end) \
                        and any(is_capitalised(t) for t in e if t.i < sp.start or t.i >= sp.end):
                    inside_ent.add((sp.start, sp.end))
            gaz_spans = [sp for sp in gaz_spans if (sp.start, sp.end) not in inside_ent]
        gaz_spans = self._crafts(doc, gaz_spans, ents, hits)
        gaz_spans += self._short_forms(doc, gaz_spans, ents, hits, described)
        covered = {}
        for s in gaz_spans:
            for i in range(s.start, s.end):
                covered[i] = s
        foreign = self._foreign_sentences(doc)
        if self._french is None:
            self._french = FrenchWords.from_nlp(self._nlp)
        ctx = DocContext(doc, self._french, ents + gaz_spans)
        sent_of = {}
        if foreign:
            for sent in doc.sents:
                for i in range(sent.start, sent.end):
                    sent_of[i] = sent.start
        dropped = []
        keep: list[Span] = list(gaz_spans)
        for ent in ents:
            inside = [covered[i] for i in range(ent.start, ent.end) if i in covered]
            is_foreign = sent_of.get(ent.start) in foreign if foreign else False
            place = covered.get(head_before_place(ent)) if not inside and fold(ent[0].text) not in self.rules.titles \
                else None
            if place is not None and getattr(self.gaz.get(hits[(place.start, place.end)][0][1]), "type", "") == "LOC" \
                    and not context_reason(ent, ent.label_, ctx) and not common_head(ent[0], place.start, ctx, self.rules):
                # "la République populaire autoproclamée de Lougansk", cut by the NER before the place
                keep = [k for k in keep if k is not place]
                keep.append(Span(doc, ent.start, place.end, label="ORG" if ent.label_ == "ORG" else "LOC"))
                continue
            if not inside:
                spans, reason = judge(doc, list(ent), ent.label_, is_foreign, ctx, self.rules, self._state_adjectives)
                if not spans:
                    dropped.append((ent.start_char, ent.end_char, ent.text, ent.label_, reason))
                keep.extend(spans)
                continue
            if all(ent.start >= g.start and ent.end <= g.end for g in inside):
                continue  # the gazetteer span covers this entity
            gs = sorted(set(inside), key=lambda s: s.start)
            first = gs[0]
            if first.start - 4 >= ent.start and hyphen_linked_end(doc, first.start - 3) == first.end:
                # "Tehrik-e-Taliban": a name of its own that holds a gazetteer name after its link
                keep = [k for k in keep if not (k.start >= ent.start and k.end <= ent.end)]
                keep.append(Span(doc, ent.start, max(ent.end, gs[-1].end), label=ent.label_))
                continue
            if self._built_on_place(ent, gs, hits, ctx):
                # "Traité de Washington", "Banque de France", "République populaire de Donetsk"
                # (French capitalises only the first word): a name built on a place
                keep = [k for k in keep if not (k.start >= ent.start and k.end <= ent.end)]
                keep.append(Span(doc, ent.start, max(ent.end, gs[-1].end), label=ent.label_))
                continue
            if len(gs) == 1 and company_on_place(ent, gs[0]) and getattr(
                    self.gaz.get(hits[(first.start, first.end)][0][1]), "type", "") == "LOC":
                # "Malaysia Airlines", "Russie unie": an organisation named after a place
                keep = [k for k in keep if not (k.start >= ent.start and k.end <= ent.end)]
                keep.append(Span(doc, first.start, ent.end, label="ORG"))
                if first.start > ent.start:  # "vol MH17 de la …": the words before it are judged alone
                    keep.extend(judge(doc, list(doc[ent.start: first.start]), ent.label_, is_foreign, ctx, self.rules,
                                      self._state_adjectives)[0])
                continue
            tail = list(doc[gs[-1].end: ent.end])
            if len(gs) == 1 and first.start == ent.start and tail and all(t.lower_ in _PLACE_ADJECTIVES for t in tail) \
                    and getattr(self.gaz.get(hits[(first.start, first.end)][0][1]), "type", "") == "LOC":
                # "l'Afrique sub-saharienne", "l'Europe orientale": a region of the place, a place of its own
                keep = [k for k in keep if k is not first] + [Span(doc, ent.start, ent.end, label="LOC")]
                hits.pop((first.start, first.end), None)
                continue
            # split: the parts of the entity outside gazetteer spans are judged alone
            pieces, cur = [], []
            for i in range(ent.start, ent.end):
                if i in covered:
                    if cur:
                        pieces.append(cur)
                    cur = []
                else:
                    cur.append(doc[i])
            if cur:
                pieces.append(cur)
            for piece in pieces:
                label = ent.label_
                person = self._person_after(piece, covered, hits, label)
                if person is not None:
                    # "Andres Manuel López Obrador": the given names before a person of the
                    # gazetteer ("López Obrador") are the start of that person's name
                    whole = Span(doc, piece[0].i, person.end, label="PER")
                    hits[(whole.start, whole.end)] = hits[(person.start, person.end)]
                    keep = [k for k in keep if k is not person] + [whole]
                    continue
                spans, reason = judge(doc, piece, label, is_foreign, ctx, self.rules, self._state_adjectives)
                if not spans and any(t.is_alpha and fold(t.text) not in self.rules.name_particles for t in piece):
                    dropped.append((piece[0].idx, piece[-1].idx + len(piece[-1]), doc[piece[0].i: piece[-1].i + 1].text,
                                    ent.label_, "split_remainder_" + reason))
                keep.extend(spans)
        final = filter_spans(keep)
        doc.ents = sorted(final, key=lambda s: s.start)
        doc._.dropped_ents = dropped
        doc._.actor_hits = {f"{s}:{e}": [list(kt) for kt in v] for (s, e), v in hits.items()}
        return doc


@Language.factory("actorgraph_actor_ruler", default_config={"gazetteer": None, "rules": None, "pattern_cache": None})
def make_actor_ruler(nlp: Language, name: str, gazetteer: str | None, rules: str | None,
                     pattern_cache: str | None):
    return ActorRuler(nlp, name, gazetteer=gazetteer, rules=rules, pattern_cache=pattern_cache)


from . import linker as _linker  # noqa: E402,F401  (registers actorgraph_actor_linker)
