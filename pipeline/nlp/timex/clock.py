"""TIME expressions: clock times ("14 h", "21 h 45", "à 8 heures", "midi") and parts of day
("hier matin", "mardi soir", "dans la soirée", "la nuit").

A clock time or a part of day alone is resolved on a day: the day of a date in the same
sentence ("hier, ... à 10 h" -> the day before the publication date, ``T10:00``), else the
publication day (candidate ``context_day``; see :func:`sentence_days`). A part of day right
after a day ("hier matin", "le 3 mars au soir", "lundi 9 décembre dans la soirée") joins it
into one TIME expression (:func:`attach_parts_of_day`). "N h" after a word of duration
("pendant 48 h", "en 24 h") is a DURATION. Vocabulary: ``parts_of_day``, ``part_of_day_*``
and ``clock_*`` of ``models/timex_fr.yaml``.

>>> [(c.tod, c.tmod) for c in find("vers 21 h 45, puis à 8 heures du soir et dans la soirée")]
[('21:45', 'APPROX'), ('20:00', ''), ('EV', '')]
>>> [(c.ttype, c.fixed) for c in find("pendant 48 h")]
[('DURATION', 'PT48H')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .candidate import Candidate
from .timeml import date_part, duration_value, time_value
from .vocabulary import alternation, longest_first, lookup_key, vocabulary, word_list

F = re.IGNORECASE


class _Rx:
    def __init__(self):
        voc = vocabulary()
        self.parts = {lookup_key(k): str(v) for k, v in voc["parts_of_day"].items()}
        self.part_mods = {lookup_key(k): v for k, v in voc["part_of_day_mods"].items()}
        self.periods = {lookup_key(k): int(v) for k, v in voc["clock_periods"].items()}
        self.minute_words = {lookup_key(k): int(v) for k, v in voc["clock_minute_words"].items()}
        P = longest_first(self.parts)
        named = [w for w, v in self.parts.items() if ":" not in v]
        # a time zone, also after a comma ("2 heures, heure française"): then a clock time by itself
        # ... or "heure de Singapour", "heure d'Alger": the hour of a place (matched on lowercased text;
        # not "heure de pointe", "heure de vérité": see clock_zone_unless)
        ZONE = (r"(?P<zone>\s*,?\s+(?:" + alternation([w.lower() for w in word_list("clock_zones")])
                + r"|heure\s+(?:de\s+|d['’]\s*)(?!(?:" + alternation(word_list("clock_zone_unless"))
                + r")(?![\w]))[^\W\d_][\w-]*)(?![\w]))?")
        self.h_form = re.compile(r"(?<![\w,.:])(?P<h>\d{1,3})\s*[hH](?:\s*(?P<m>[0-5]\d))?(?![\w])(?:\s+(?P<per>"
                                 + longest_first(self.periods) + r")(?![\w]))?" + ZONE)
        self.word_form = re.compile(
            r"(?<![\w,.:])(?P<h>[01]?\d|2[0-4])\s+heures?(?![\w])(?:\s+(?P<m>[0-5]\d)(?![\w])|\s+(?P<mw>"
            + longest_first(self.minute_words) + r")(?![\w]))?(?:\s+(?P<per>" + longest_first(self.periods)
            + r")(?![\w]))?" + ZONE)
        # "14:35" only after a clock opener ("à 14:35") or a numeric date ("06/10/2022 | 07:09")
        self.colon = re.compile(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:])" + ZONE)
        self.date_before = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*(?:[|,–—-]|à)?\s*\Z")
        self.noon = re.compile(r"(?<![\w])(?P<w>midi|minuit)(?![\w])(?:\s+(?P<mw>"
                               + longest_first(self.minute_words) + r")(?![\w]))?" + ZONE)
        self.alone = re.compile(r"(?<![\w])(?P<open>" + longest_first(word_list("part_of_day_openers"))
                                + r")\s*(?P<part>" + longest_first(named) + r")(?![\w])")
        self.after_day = re.compile(r"^\s*,?\s*(?:(?P<link>" + longest_first(word_list("part_of_day_links"))
                                    + r")\s*)?(?P<part>" + P + r")(?![\w])", F)
        self.ends_with_part = re.compile(r"(?<![\w])(?P<part>" + P + r")$", F)
        self.opener = re.compile(r"(?<![\w])(?:" + alternation(word_list("clock_openers")) + r")\s*$", F)
        self.dur_opener = re.compile(r"(?<![\w])(?:" + alternation(word_list("clock_duration_openers")) + r")\s*$", F)
        self.approx = re.compile(r"(?<![\w])(?:" + alternation(word_list("clock_approx")) + r")\s*$", F)
        self.night_open = re.compile(r"\s+(?:" + alternation(word_list("night_range_openers")) + r")\s*$", F)
        self.night_day = re.compile(r"^\s+(?P<d>[0-3]?\d)(?:er)?(?![\w])")
        self.night_link = re.compile(r"^\s*(?:" + alternation(word_list("night_range_links")) + r")\s*$", F)
        # "dans la journée" (the day of the sentence, a DATE), "toute la nuit" (TIME), "toute la journée"
        self.whole = re.compile(r"(?<![\w])(?:(?P<all>toute|tout)\s+|(?:" + alternation(word_list("day_openers"))
                                + r")\s+)(?P<det>la\s+|l['’]\s*)(?P<part>journée|journee|" + longest_first(named)
                                + r")(?![\w])(?!\s+(?:de|du|des|d['’])(?![\w]))")
        self.toute = re.compile(r"(?<![\w])(?:toute|tout|chaque|une|un)\s*$", F)


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    return _Rx()


def _clock(s: int, e: int, h: int, m: int, before: str, X: _Rx) -> Candidate | None:
    if h > 24 or m > 59 or (h == 24 and m):
        return None
    mod = "APPROX" if X.approx.search(before) else ""
    return Candidate(s, e, "clock", "relday", offset=0, ttype="TIME", tmod=mod, tod=f"{h:02d}:{m:02d}",
                     context_day=True)


def _hours_minutes(h: int, m: int) -> str:
    """ISO 8601 period of h hours and m minutes ("3 heures 30" -> ``PT3H30M``)."""
    return duration_value(h, "H") + (f"{m}M" if m else "")


def find(text: str, low: str | None = None) -> list[Candidate]:
    """Clock times and parts of day alone (TIME, ``context_day``), and "N h" durations.
    ``low`` is ``text`` lowercased with the same length (computed when not given)."""
    X = _rx()
    low = low if low is not None else text.lower()
    out: list[Candidate] = []
    for m in X.h_form.finditer(low):
        h, mins = int(m.group("h")), int(m.group("m") or 0)
        before = text[max(0, m.start() - 25):m.start()]
        if m.group("per") and h < 12:  # "8 h du soir" -> 20:00
            h += X.periods[lookup_key(m.group("per"))]
        elif h > 24 or (X.dur_opener.search(before) and not m.group("zone")):
            out.append(Candidate(m.start(), m.end(), "duration", "fixed", ttype="DURATION",
                                 fixed=_hours_minutes(h, mins)))
            continue
        c = _clock(m.start(), m.end(), h, mins, before, X)
        if c:
            out.append(c)
    for m in X.word_form.finditer(low) if "heure" in low else ():
        before = text[max(0, m.start() - 25):m.start()]
        if m.group("m") and not (m.group("per") or m.group("zone")) and X.dur_opener.search(before):
            out.append(Candidate(m.start(), m.end(), "duration", "fixed", ttype="DURATION",
                                 fixed=_hours_minutes(int(m.group("h")), int(m.group("m")))))
            continue  # "d'une durée de 3 heures 30": a duration
        if not (X.opener.search(before) or m.group("per") or m.group("m") or m.group("mw") or m.group("zone")):
            continue  # "8 heures" alone is a duration (pipeline.nlp.timex.durations)
        if not (m.group("per") or m.group("m") or m.group("zone")) and (
                X.dur_opener.search(before) or re.match(r"\s+d(?:e|['’])", text[m.end():m.end() + 4], F)):
            continue  # "après 8 heures de négociations": a duration
        h = int(m.group("h"))
        mins = int(m.group("m") or 0) + X.minute_words.get(lookup_key(m.group("mw") or ""), 0)
        if mins < 0:
            h, mins = h - 1, 60 + mins
        if m.group("per") and h < 12:
            h += X.periods[lookup_key(m.group("per"))]
        c = _clock(m.start(), m.end(), h, mins, before, X)
        if c:
            out.append(c)
    for m in X.colon.finditer(low) if ":" in low else ():
        before = text[max(0, m.start() - 25):m.start()]
        if X.opener.search(before) or X.date_before.search(before):
            c = _clock(m.start(), m.end(), int(m.group("h")), int(m.group("m")), before, X)
            if c:
                out.append(c)
    for m in X.noon.finditer(text) if ("midi" in low or "minuit" in low) else ():
        before = text[max(0, m.start() - 25):m.start()]
        if not X.opener.search(before):
            continue
        h = 12 if m.group("w").lower() == "midi" else 0
        mins = X.minute_words.get(lookup_key(m.group("mw") or ""), 0)
        if h == 0 and mins == 0:
            h = 24
        elif mins < 0:
            h, mins = h - 1, 60 + mins
        c = _clock(m.start(), m.end(), h % 25, mins, before, X)
        if c:
            out.append(c)
    for m in X.whole.finditer(low) if "journ" in low or "tout" in low else ():
        part = lookup_key(m.group("part"))
        if part in ("journée", "journee"):
            out.append(Candidate(m.start() if m.group("all") else m.start("det"), m.end(), "whole_day", "relday",
                                 offset=0, ttype="DATE", context_day=True))
        elif m.group("all") and ":" not in X.parts[part]:  # "toute la nuit", "tout l'après-midi"
            out.append(Candidate(m.start(), m.end(), "part_of_day", "relday", offset=0, ttype="TIME",
                                 tod=X.parts[part], context_day=True))
    for m in X.alone.finditer(low):
        part = lookup_key(m.group("part"))
        after = text[m.end():m.end() + 4]
        if part == "aube" and re.match(r"\s*(?:de|du|des|d['’])", after, F):
            continue  # "à l'aube d'une nouvelle ère"
        if X.toute.search(text[max(0, m.start() - 8):m.start()]):
            continue  # "toute la nuit" is a duration, "chaque soir" a set
        mod = X.part_mods.get(lookup_key(m.group("open")), "")
        out.append(Candidate(m.start(), m.end(), "part_of_day", "relday", offset=0, ttype="TIME", tmod=mod,
                             tod=X.parts[part], context_day=True))
    return out


def _day_shaped(c: Candidate) -> bool:
    if c.context_day or c.range_end is not None or c.kind == "fixed":
        return False
    return c.kind in ("weekday", "relday") or (c.kind == "abs" and c.day is not None)


def attach_parts_of_day(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A day followed by a part of day becomes one TIME expression ("mardi soir", "le 3 mars
    au soir"); a day whose match already ends with one ("hier matin") gets its code."""
    X = _rx()
    out: list[Candidate] = []
    drop_until = -1
    for i, c in enumerate(cands):
        if c.start < drop_until:
            continue
        if _day_shaped(c):
            m = X.ends_with_part.search(text[c.start:c.end])
            if m and m.start() > 0:
                c.tod = X.parts[lookup_key(m.group("part"))]
                c.ttype = "TIME"
            else:
                m = X.after_day.match(text[c.end:c.end + 40])
                part = lookup_key(m.group("part")) if m else ""
                nxt = cands[i + 1] if i + 1 < len(cands) else None
                if m and not (m.group("link") and ":" in X.parts[part]) and (
                        nxt is None or nxt.start >= c.end + m.end() or nxt.rule == "part_of_day"):
                    c.end += m.end()
                    c.tod = X.parts[part]
                    c.ttype = "TIME"
                    c.tmod = X.part_mods.get(lookup_key(m.group("link") or ""), c.tmod)
                    drop_until = c.end
        out.append(c)
    return out


def sentence_days(records: list[dict], context: list[bool]) -> None:
    """Give a time without its own day (``context[i]``) the day of the nearest dated record of
    its sentence (before it if any, else after it); in place. Without one it keeps the
    publication day it was resolved on; when that day is not known in full (no publication
    date: ``XXXX-XX-XX``), it takes the last day named before it in the text, if that one
    is known better (rule suffix ``_text_day``)."""
    for i, rec in enumerate(records):
        if not context[i]:
            continue
        best = None
        last_before = None
        own = date_part(rec["value"])
        for j, other in enumerate(records):
            if context[j] or other.get("type") not in ("DATE", "TIME") or other.get("end_value"):
                continue
            day = date_part(other["value"])
            if time_value(day, "MO") is None:
                continue
            if other["sentence_id"] != rec["sentence_id"]:
                if other["start_char"] < rec["start_char"] and day.count("X") < own.count("X"):
                    last_before = (day, other.get("anchor", ""))
                continue
            key = (0, rec["start_char"] - other["start_char"]) if other["start_char"] < rec["start_char"] \
                else (1, other["start_char"] - rec["start_char"])
            if best is None or key < best[0]:
                best = (key, day, other.get("anchor", ""))
        if best is not None:
            _set_day(rec, best[1], best[2], "_sentence_day")
        elif last_before is not None:
            _set_day(rec, last_before[0], last_before[1], "_text_day")


def _set_day(rec: dict, day: str, anchor: str, suffix: str) -> None:
    rec["value"] = day + (rec["value"][rec["value"].index("T"):] if "T" in rec["value"] else "")
    rec["rule"] = rec["rule"] + suffix
    rec["anchor"] = anchor


def attach_night_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"la nuit du 21 au 22 juin", "dans la nuit de samedi à dimanche", "la nuit du mercredi
    23 à jeudi 24 février": one TIME expression (TimeML), the night of the FIRST day (``TNI``),
    instead of a night on the day of the sentence and a range of two dates. The opener and
    the link are ``night_range_openers`` and ``night_range_links`` of ``models/timex_fr.yaml``."""
    X = _rx()
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if (c.rule == "part_of_day" and c.tod == "NI" and i + 2 < len(cands)
                and X.night_open.match(text, c.end, cands[i + 1].start)
                and cands[i + 1].start - c.end <= 6):
            first, last = cands[i + 1], cands[i + 2]
            gap = text[first.end:last.start]
            dm = X.night_day.match(gap) if first.kind == "weekday" and last.day is not None else None
            link = X.night_link.match(gap[dm.end():] if dm else gap)
            if link and first.kind in ("abs", "weekday") and last.kind in ("abs", "weekday"):
                if dm:  # "du mercredi 23 à jeudi 24 février": the day number completes the weekday
                    first = replace(last, day=int(dm.group("d")), weekday=first.weekday)
                night = replace(first, start=c.start, end=last.end, rule="night_range", ttype="TIME", tod="NI",
                                tmod=c.tmod, range_end=None, range_start=None, context_day=False)
                out.append(night)
                i += 3
                continue
        out.append(c)
        i += 1
    return out
