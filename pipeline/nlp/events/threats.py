"""The target of a threat is the target of the act it threatens.

"Le Brésil a menacé de frapper l'Argentine", "l'UE menace de suspendre ses importations et
d'émettre un embargo contre la Russie": the threatened act (the infinitive after *menacer
de*, or a conjunct of it) is extracted as its own hypothetical event with its target; the
THREATEN event of the governing verb names nobody itself. When it has no target, it takes
the targets of the acts it governs that have the same agent (rule ``…_threatened_act``).

>>> from types import SimpleNamespace as T
>>> verb = T(i=3, head=None, dep_="ROOT")
>>> verb.head = verb
>>> inf = T(i=5, head=verb, dep_="xcomp")
>>> threat = {"event_type": "THREATEN", "agent_id": "brazil", "target_id": "", "target_text": "", "rule": "verb_nsubj"}
>>> act = {"event_type": "ASSAULT", "agent_id": "brazil", "target_id": "argentina", "target_text": "l'Argentine"}
>>> out = borrow_threatened_targets([(verb, None, threat), (inf, None, act)])
>>> [(r["event_type"], r["target_id"], r.get("rule")) for _, _, r in out]
[('THREATEN', 'argentina', 'verb_nsubj_threatened_act'), ('ASSAULT', 'argentina', None)]
"""
from __future__ import annotations

from typing import Any


def governs(verb, tok) -> bool:
    """``tok`` is the infinitive complement of ``verb`` or a conjunct of it."""
    if tok.head.i == verb.i:
        return tok.dep_ in ("xcomp", "ccomp", "obl:arg")
    h = tok.head
    return tok.dep_ == "conj" and h.head.i == verb.i and h.dep_ in ("xcomp", "ccomp", "obl:arg")


def borrow_threatened_targets(pending: list[tuple[Any, Any, dict]]) -> list[tuple[Any, Any, dict]]:
    """``pending`` holds (trigger token, entry, record) of one sentence; a THREATEN record
    without target is replaced by one copy per target of the acts it governs."""
    out = []
    for tok, entry, rec in pending:
        if rec["event_type"] != "THREATEN" or rec["target_id"] or not rec["agent_id"]:
            out.append((tok, entry, rec))
            continue
        targets = []
        for tok2, _, rec2 in pending:
            if rec2 is rec or rec2["event_type"] in ("THREATEN", "STATEMENT") or not rec2["target_id"]:
                continue
            if rec2["agent_id"] == rec["agent_id"] and governs(tok, tok2) \
                    and rec2["target_id"] not in [t[0] for t in targets]:
                member = (rec2.get("rule") or "").endswith("_group_members")
                targets.append((rec2["target_id"], rec2["target_text"], member))
        if not targets:
            out.append((tok, entry, rec))
            continue
        for tid, ttext, member in targets:
            rule = (rec.get("rule") or "") + "_threatened_act" + ("_group_members" if member else "")
            out.append((tok, entry, {**rec, "target_id": tid, "target_text": ttext, "rule": rule}))
    return out
