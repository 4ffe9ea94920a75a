"""The evaluation report as text: Markdown (``evaluation.md``), a terminal summary, files.

:func:`render_markdown` gives the tables of scores and, for each kind of annotation, the
list of what went wrong; :func:`render_summary` a few lines for the terminal;
:func:`write_report` writes ``evaluation.json`` and ``evaluation.md``. Scores print with
three decimals, and a score that cannot be computed (nothing to count) as a dash.

>>> [_fmt(x) for x in (0.66666, 1, None)]
['0.667', '1.000', '–']
"""
from __future__ import annotations

import json
from pathlib import Path


def _fmt(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def render_markdown(report: dict, max_items: int | None = None) -> str:
    """The report as Markdown (``evaluation.md``); ``max_items`` caps each list."""
    a, fr, tx, pd_, ev = (report[k] for k in ("actors", "fragmentation", "timexes", "published", "events"))
    out = ["# actorgraph evaluation", ""]
    src = report.get("corpus") or report.get("predictions") or ""
    out += [f"Gold `{report['gold']}` ({report['n_documents']} documents) against `{src}`.", ""]
    for w in report.get("warnings", []):
        out.append(f"> warning: {w}")
    if report.get("warnings"):
        out.append("")
    out += ["## Actors (per document)", "",
            f"Scored types: {', '.join(a['scored_types'])}.", "",
            "| type | TP | FP | FN | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for t, s in [*a["by_type"].items(), ("overall", a["overall"])]:
        name = f"**{t}**" if t == "overall" else t
        out.append(f"| {name} | {s['tp']} | {s['fp']} | {s['fn']} | {_fmt(s['precision'])} | "
                   f"{_fmt(s['recall'])} | {_fmt(s['f1'])} |")
    out += ["", f"Fragmentation: {fr['gold_actors_found']} gold actors found as {fr['predicted_ids']} predicted "
                f"ids ({_fmt(fr['ids_per_gold_actor'])} per actor); {len(fr['split_actors'])} split, "
                f"{fr['extra_ids']} extra ids.", ""]
    e_r, e_p = ev["recall"], ev["precision"]
    out += ["## Temporal expressions, publication dates, events", "",
            "| what | found | of | score |", "|---|---:|---:|---:|",
            f"| timex value accuracy | {tx['correct']} | {tx['total']} | {_fmt(tx['accuracy'])} |",
            f"| publication date accuracy | {pd_['correct']} | {pd_['total']} | {_fmt(pd_['accuracy'])} |"]
    for k, label in [("agent_type_target", "agent, type, target"), ("with_date", "… and date"),
                     ("with_modality", "… and modality"), ("agent_type", "agent and type only")]:
        out.append(f"| event recall: {label} | {ev['found'][k]} | {ev['gold']} | {_fmt(e_r[k])} |")
    if ev["attribution_annotated"]:
        out.append(f"| event recall: … and attribution | {ev['found']['with_attribution']} | "
                   f"{ev['attribution_annotated']} | {_fmt(e_r['with_attribution'])} |")
    for k, label in [("agent_type_target", "agent, type, target"), ("with_date", "… and date"),
                     ("with_modality", "… and modality")]:
        out.append(f"| event precision: {label} | {ev['correct_predicted'][k]} | {ev['predicted']} | "
                   f"{_fmt(e_p[k])} |")
    pa = ev["precision_with_agent"]
    out.append(f"| event precision, predicted events with an agent | {pa['correct']} | {pa['predicted']} | "
               f"{_fmt(pa['precision'])} |")
    for name in ("main", "firm"):
        s = ev["subsets"][name]
        if s["gold"]:
            out.append(f"| event recall of {name} events: agent, type, target | {s['found']} | {s['gold']} | "
                       f"{_fmt(s['recall'])} |")
    s = ev["subsets"]["all"]
    if s["found"]:
        out.append(f"| modality right among found events | | {s['found']} | {_fmt(s['modality_right'])} |")
    out += ["", "Event precision counts every predicted event of the gold documents: if the gold lists only "
                "some events, it is a lower bound.", ""]
    if tx.get("tempeval"):
        out += _tempeval_markdown(tx["tempeval"])

    def section(title: str, items: list, fmt) -> None:
        out.append(f"### {title} ({len(items)})")
        out.append("")
        shown = items if max_items is None else items[:max_items]
        out.extend(f"- {fmt(x)}" for x in shown)
        if len(shown) < len(items):
            out.append(f"- … {len(items) - len(shown)} more (see evaluation.json)")
        if not items:
            out.append("- none")
        out.append("")

    out += ["## What went wrong", ""]
    section("Actors missed", a["misses"], lambda x: f"`{x['doc_id']}` {x['actor']} ({x['type']})")
    section("Actors predicted but not in the gold", a["false_positives"],
            lambda x: f"`{x['doc_id']}` {x['label']} [{x['actor_id']}, {x['type']}] written "
                      f"{' | '.join(x['forms'])}" + (f" (maps to {x['gold']}, not in this document)"
                                                      if x["gold"] else ""))
    section("Actor type differs", a["type_mismatches"],
            lambda x: f"`{x['doc_id']}` {x['actor']}: gold {x['gold_type']}, predicted {x['predicted_type']} "
                      f"[{x['actor_id']}]")
    section("Gold actors split into several ids", list(fr["split_actors"].items()),
            lambda x: f"{x[0]}: {', '.join(x[1])}")
    section("Temporal expressions missed", tx["misses"],
            lambda x: f"`{x['doc_id']}` \"{x['text']}\" = {x['value']}: {x['reason']}"
                      + (f" ({', '.join(x['predicted'])})" if x["predicted"] else ""))
    te = tx.get("tempeval") or {}
    if "partial_extents" in te:
        section("Timex extents that only overlap the gold", te["partial_extents"],
                lambda x: f"`{x['doc_id']}` gold \"{x['gold']}\", predicted \"{x['predicted']}\"")
        section("Timexes predicted where the gold has none", te["false_positives"],
                lambda x: f"`{x['doc_id']}` \"{x['text']}\" = {x['value']}")
    section("Publication dates wrong", pd_["wrong"],
            lambda x: f"`{x['doc_id']}` gold {x['gold'] or '(none)'}, predicted {x['predicted'] or '(none)'}")

    def ev_gold(x):
        return f"`{x['doc_id']}` line {x['line']} events[{x['event']}]: {x['agent'] or '∅'} –{x['type']}→ " \
               f"{x['target'] or '∅'}"

    section("Events missed", ev["misses"],
            lambda x: ev_gold(x) + (f" (cue: {x['cue']})" if x["cue"] else "")
            + (f"; predicted nearby: {'; '.join(x['closest'])}" if x["closest"] else ""))
    section("Events found with a wrong date", ev["wrong_date"],
            lambda x: ev_gold(x) + f": gold {x['gold'] or '(none)'}, predicted "
                                   f"{', '.join(v or '(none)' for v in x['predicted'])}")
    section("Events found with a wrong modality", ev["wrong_modality"],
            lambda x: ev_gold(x) + f": gold {x['gold']}, predicted {', '.join(x['predicted'])}")
    if ev["attribution_annotated"]:
        section("Events found with a wrong attribution", ev["wrong_attribution"],
                lambda x: ev_gold(x) + f": gold {x['gold'] or '(none)'}, predicted "
                                       f"{', '.join(str(v) for v in x['predicted'])}")
    section("Events predicted but not in the gold", ev["false_positives"],
            lambda x: f"`{x['doc_id']}` {x['event']} ({x['modality']}{', ' + x['date'] if x['date'] else ''}): "
                      f"{x['sentence']}")
    return "\n".join(out).rstrip() + "\n"


def _tempeval_markdown(te: dict) -> list[str]:
    out = ["## Temporal expressions, TempEval-3 style", "",
           f"{te['gold']} gold timexes, {te['predicted']} predicted ({te['repeats']} repeats of a gold text found "
           f"once, left out: {te['scored_predicted']} scored).", "",
           "| score | correct | precision | recall | F1 |", "|---|---:|---:|---:|---:|"]
    for k, label in [("strict", "strict extent"), ("relaxed", "relaxed extent"), ("value", "value"),
                     ("type", "type")]:
        s = te[k]
        if s is None:
            out.append(f"| {label} | – | – | – | – |")
        else:
            out.append(f"| {label} | {s['correct']} | {_fmt(s['precision'])} | {_fmt(s['recall'])} | "
                       f"{_fmt(s['f1'])} |")
    rows = [(t, v) for t, v in te["by_type"].items() if v["gold"]]
    if rows:
        out += ["", "| gold type | gold | found (relaxed) | recall | right value | value recall |",
                "|---|---:|---:|---:|---:|---:|"]
        out += [f"| {t} | {v['gold']} | {v['found']} | {_fmt(v['recall'])} | {v['value']} | "
                f"{_fmt(v['value_recall'])} |" for t, v in rows]
    return out + [""]


def _tempeval_line(te: dict) -> str:
    f1 = {k: _fmt(te[k]["f1"]) if te[k] else "–" for k in ("relaxed", "strict", "value", "type")}
    by = " ".join(f"{t} {_fmt(v['recall'])}" for t, v in te["by_type"].items() if v["gold"])
    return (f"timex TempEval-3: relaxed F1 {f1['relaxed']} (P {_fmt(te['relaxed']['precision'])} "
            f"R {_fmt(te['relaxed']['recall'])}), strict F1 {f1['strict']}, value F1 {f1['value']}, "
            f"type F1 {f1['type']}   [{te['gold']} gold, {te['scored_predicted']} predicted]"
            + (f"; recall by type: {by}" if by else ""))


def render_summary(report: dict) -> str:
    """A few lines for the terminal."""
    a, fr, tx, pd_, ev = (report[k] for k in ("actors", "fragmentation", "timexes", "published", "events"))
    o = a["overall"]
    lines = [f"actors ({'/'.join(a['scored_types'])}): P {_fmt(o['precision'])} R {_fmt(o['recall'])} "
             f"F1 {_fmt(o['f1'])}   ({o['tp']} TP, {o['fp']} FP, {o['fn']} FN)"]
    for t, s in a["by_type"].items():
        lines.append(f"  {t:<4} P {_fmt(s['precision'])} R {_fmt(s['recall'])} F1 {_fmt(s['f1'])}   "
                     f"({s['tp']} TP, {s['fp']} FP, {s['fn']} FN)")
    lines += [f"fragmentation: {len(fr['split_actors'])} gold actors split, {fr['extra_ids']} extra ids",
              f"timex values: {tx['correct']}/{tx['total']} = {_fmt(tx['accuracy'])}",
              *([_tempeval_line(tx["tempeval"])] if tx.get("tempeval") else []),
              f"publication dates: {pd_['correct']}/{pd_['total']} = {_fmt(pd_['accuracy'])}",
              f"events: recall {_fmt(ev['recall']['agent_type_target'])} "
              f"(with date {_fmt(ev['recall']['with_date'])}, with modality {_fmt(ev['recall']['with_modality'])}), "
              f"precision {_fmt(ev['precision']['agent_type_target'])} "
              f"(with date {_fmt(ev['precision']['with_date'])}, with modality "
              f"{_fmt(ev['precision']['with_modality'])})   [{ev['gold']} gold, {ev['predicted']} predicted]"]
    return "\n".join(lines)


def write_report(report: dict, out) -> list[Path]:
    """Write ``evaluation.json`` and ``evaluation.md`` into ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    js, md = folder / "evaluation.json", folder / "evaluation.md"
    js.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md.write_text(render_markdown(report), encoding="utf-8")
    return [js, md]
