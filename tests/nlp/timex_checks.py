"""One property check shared by the timex hypothesis tests: every candidate found in a text
sits inside it, in order and without overlap, and every value it resolves to is well formed
for its TIMEX3 type (with a known ``mod``)."""
from __future__ import annotations

from pipeline.nlp.timex.candidates import find_candidates
from pipeline.nlp.timex.rules import resolve
from pipeline.nlp.timex.timeml import MODS, TYPES, typed_value, valid


def check_candidates(text: str, anchor: str | None, tense: str | None = None) -> list:
    """Assert the check on ``text``; return the (candidate, resolution) pairs for more checks."""
    found, last_end = [], 0
    for c in find_candidates(text):
        assert 0 <= c.start < c.end <= len(text) and c.start >= last_end
        last_end = c.end
        r = resolve(c, anchor, tense)
        if r is not None:
            value, ttype = typed_value(c, r.value)
            assert ttype in TYPES and valid(value, ttype), (text, value, ttype)
            assert c.tmod == "" or c.tmod in MODS
        found.append((c, r))
    return found
