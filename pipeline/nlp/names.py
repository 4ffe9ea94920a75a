"""Names inside a run of tokens: title words stripped, capitalised runs, pattern spellings.

Plain functions of the actor ruler (:mod:`pipeline.nlp.actors`): a token list in, a token list
out. ``rules`` is the :class:`pipeline.nlp.gazetteer.Rules` of ``models/actor_rules.yaml``
(titles, name particles, generic name heads).
"""
from __future__ import annotations

import re
import unicodedata

from ..lexicon import words
from .name_bounds import hyphen_linked_end
from .normalize import fold

_RULER_ARTICLES = words("actor_rules.yaml", "ruler_leading_articles")
#: a word that may be part of a name: a capital or digit first, or a lowercase prefix before a capital
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9][\w.\-'’&]*$|^[a-zà-ÿ]+[A-ZÀ-ÖØ-Þ][\w.\-'’&]*$")


def variants(form: str) -> set[str]:
    """Spellings a pattern is built for: as written, without accents, both apostrophes."""
    out = {form}
    plain = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
    out.add(plain)
    for f in list(out):
        if "'" in f:
            out.add(f.replace("'", "’"))
        if "’" in f:
            out.add(f.replace("’", "'"))
    return out


def is_capitalised(token) -> bool:
    """Whether a token is written like a word of a name (:data:`NAME_TOKEN`)."""
    return bool(NAME_TOKEN.match(token.text))


def strip_title(tokens: list, rules) -> list:
    """Drop leading title words ("le général", "M.", "secrétaire général de l'")."""
    titles, particles = rules.titles, rules.name_particles
    i = 0
    while i < len(tokens):
        low = fold(tokens[i].text)
        two = fold(tokens[i].text + " " + tokens[i + 1].text) if i + 1 < len(tokens) else ""
        if two in titles:
            i += 2
        elif low in titles or low in _RULER_ARTICLES or (
                i > 0 and low in particles and i + 1 < len(tokens) and not is_capitalised(tokens[i])):
            i += 1
        elif not is_capitalised(tokens[i]) and not tokens[i].is_alpha:
            i += 1
        else:
            break
    return tokens[i:]


def name_runs(tokens: list, rules) -> list[list]:
    """Split a token list into capitalised name runs (particles allowed inside)."""
    runs, cur = [], []
    particles, heads = rules.name_particles, rules.name_heads
    linked_until = -1
    for j, t in enumerate(tokens):
        head_ok = not cur and fold(t.text) in heads and any(is_capitalised(x) for x in tokens[j + 1:])
        if cur and t.i == cur[-1].i + 1 and t.text == "-":
            # "Lashkar-e-Taiba": a short link between hyphens inside one name
            linked_until = max(linked_until, hyphen_linked_end(t.doc, t.i) - 1)
        if t.i <= linked_until and cur:
            cur.append(t)
        elif (is_capitalised(t) and not (t.is_punct and t.text not in "&")) or head_ok:
            cur.append(t)
        elif cur and fold(t.text) in particles:
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    # no trailing particles
    out = []
    for run in runs:
        while run and fold(run[-1].text) in particles:
            run = run[:-1]
        if run:
            out.append(run)
    return out

