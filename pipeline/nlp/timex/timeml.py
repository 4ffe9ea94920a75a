"""TimeML types, values and modifiers of the TIMEX3 records, and a validator for each type.

Every record has a ``type`` (:data:`TYPES`) and a ``value`` written the TimeML way for
that type; ``mod`` holds a TimeML modifier (:data:`MODS`) or is empty.

- DATE: a calendar point (``2022-02-24``, ``XXXX-07``, ``2022-W08``, ``2022-SU``, ``199X``,
  ``XXXX-WXX-4`` a weekday of an unknown week) or a reference (``PRESENT_REF``,
  ``PAST_REF``, ``FUTURE_REF``);
- TIME: a day plus a time of day, ``2022-02-24T14:00`` or a part of day ``2022-02-24TMO``
  (MO morning, AF afternoon, EV evening, NI night);
- DURATION: an ISO 8601 period, ``P2Y``, ``P3W``, ``PT48H``, ``PT30.4S``, ``P2DE`` (two
  decades), with ``X`` for an unknown number (``PXD`` "plusieurs jours");
- SET: a period or a calendar pattern that repeats, ``P1Y`` "chaque année",
  ``XXXX-WXX-4`` "tous les jeudis", ``XXXX-XX-XXTMO`` "chaque matin".

>>> valid("2022-02-24TMO", "TIME"), valid("P2Y", "DURATION"), valid("PT30.4S", "DURATION")
(True, True, True)
>>> valid("P2Y", "DATE"), valid("PRESENT_REF", "DATE"), valid("XXXX-WXX-4", "SET")
(False, True, True)
>>> time_value("2022-02-24", "EV"), time_value("XXXX-WXX-1", "14:30"), time_value("2022-02", "MO")
('2022-02-24TEV', 'XXXX-WXX-1T14:30', None)
"""
from __future__ import annotations

import re

TYPES = ("DATE", "TIME", "DURATION", "SET")
#: TimeML 1.2 values of ``mod``
MODS = ("BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
        "EQUAL_OR_MORE", "START", "MID", "END", "APPROX")
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_N = r"(?:\d+(?:\.\d+)?|X)"
_DAY = r"[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|W[\dX]{2}-[1-7])"
_CAL = (r"FY\d{4}|[\dX]{4}(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{2}(?:-WE|-[1-7])?|SP|SU|FA|WI|H[12X]|Q[1-4X]))?"
        r"|[\dX]{3}|[\dX]{2}")
_CLOCK = r"T(?:MO|MI|AF|EV|NI|DT|(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|24:00)"
_PERIOD = r"P(?=[\dX])(?:" + _N + r"(?:CE|DE|Y|M|W|D))*(?:T(?=[\dX])(?:" + _N + r"[HMS])+)?|PT(?=[\dX])(?:" + _N + r"[HMS])+"
VALUE_RES = {
    "DATE": re.compile(r"^(?:" + _CAL + r"|" + "|".join(REFS) + r")$"),
    "TIME": re.compile(r"^" + _DAY + _CLOCK + r"$"),
    "DURATION": re.compile(r"^(?:" + _PERIOD + r")$"),
    "SET": re.compile(r"^(?:" + _PERIOD + r"|" + _CAL + r"|" + _DAY + _CLOCK + r"|" + r"[\dX]{4}-[\dX]{2}-[\dX]{2}" + _CLOCK
                      + r")$"),
}
_DAY_SHAPED = re.compile(r"^" + _DAY + r"$")


def valid(value: str, ttype: str) -> bool:
    """True when ``value`` is a well-formed TimeML value of type ``ttype``."""
    rx = VALUE_RES.get(ttype)
    return bool(rx and isinstance(value, str) and rx.fullmatch(value))


def time_value(day_value: str, part: str) -> str | None:
    """A TIME value: a day (``2022-02-24``, ``XXXX-XX-XX``, ``XXXX-WXX-1``) plus a part of day
    code or ``hh:mm``; None when ``day_value`` is no single day."""
    if not _DAY_SHAPED.fullmatch(day_value or ""):
        return None
    return f"{day_value}T{part}"


def date_part(value: str) -> str:
    """The calendar part of a TIME value (``2022-02-24TMO`` -> ``2022-02-24``); others unchanged."""
    i = value.find("T")
    return value[:i] if i > 0 and value[0] != "P" else value


def typed_value(c, value: str) -> tuple[str, str]:
    """(value, type) of a resolved candidate: a day with a part of day or a clock time
    becomes a TIME (``2022-02-24`` + ``MO`` -> ``2022-02-24TMO``); a TIME whose day did not
    resolve to a single day stays the DATE it was."""
    if c.tod:
        tv = time_value(value, c.tod)
        if tv is not None:
            return tv, "TIME"
        return value, "DATE"
    return value, c.ttype if c.ttype != "TIME" else "DATE"


def is_point(rec: dict) -> bool:
    """True for a record that names a point or period of the calendar (DATE or TIME, no reference)."""
    return rec.get("type", "DATE") in ("DATE", "TIME") and rec.get("value", "") not in REFS


def duration_value(number: float | None, unit: str) -> str:
    """ISO 8601 period of ``number`` units (None = unknown, ``X``); ``unit`` is Y M W D DE CE H MIN S.

    Decades and centuries are counted in years ("deux décennies" -> ``P20Y``); an unknown
    number of them keeps TimeML's unit (``PXDE``).
    Fractions go down one unit where it is whole ("deux ans et demi" -> ``P30M``, "une heure
    et demie" -> ``PT90M``); otherwise a decimal is kept on the smallest unit (``PT30.4S``).

    >>> duration_value(2, "Y"), duration_value(2.5, "Y"), duration_value(None, "D"), duration_value(1.5, "H")
    ('P2Y', 'P30M', 'PXD', 'PT90M')
    >>> duration_value(30.4, "S"), duration_value(1.5, "M"), duration_value(48, "H")
    ('PT30.4S', 'P1.5M', 'PT48H')
    """
    lower = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}
    if number is not None and unit in ("DE", "CE"):  # "deux décennies" -> P20Y (TimeBank's usage)
        number, unit = number * lower[unit][1], "Y"
    if number is not None and number != int(number) and unit in lower:
        sub, k = lower[unit]
        if float(number * k).is_integer():
            number, unit = number * k, sub
    if number is None:
        n = "X"
    elif float(number).is_integer():
        n = str(int(number))
    else:
        n = f"{number:.6f}".rstrip("0").rstrip(".")
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    return f"P{n}{unit}"


def dates_only(records: list[dict]) -> list[dict]:
    """The records of the older dates-only contract (run option ``--timex-types date``):
    DATE rows with a calendar value, and TIME rows of a day expression ("hier soir") as the
    DATE of their day; references, durations, sets and clock times or parts of day alone
    ("14 h", "dans la soirée") are left out, and so are centuries; a weekday that cannot be
    placed (``XXXX-WXX-4``) is the unknown day ``XXXX-XX-XX`` there.

    >>> recs = [{"type": "TIME", "value": "2022-02-24TEV", "rule": "relative_day"},
    ...         {"type": "TIME", "value": "2022-02-24T14:00", "rule": "clock"},
    ...         {"type": "DATE", "value": "PRESENT_REF", "rule": "reference"},
    ...         {"type": "DURATION", "value": "P2Y", "rule": "duration"}]
    >>> dates_only(recs)
    [{'type': 'DATE', 'value': '2022-02-24', 'rule': 'relative_day'}]
    """
    out = []
    for rec in records:
        ttype = rec.get("type", "DATE")
        if ttype == "TIME" and not str(rec.get("rule", "")).startswith(("clock", "part_of_day")):
            rec = {**rec, "type": "DATE", "value": date_part(rec["value"])}
            ttype = "DATE"
        if ttype != "DATE" or rec.get("value") in REFS or rec.get("precision") == "century":
            continue  # the older contract has no references and no centuries
        if _UNPLACED_WEEKDAY.match(rec.get("value", "")):  # XXXX-WXX-4: the older unknown day
            rec = {**rec, "value": "XXXX-XX-XX"}
        if not OLD_VALUE.match(rec.get("value", "")):
            continue  # quarters (2024-Q1) and fiscal years (FY2023) are not in the older contract
        out.append(rec)
    return out


_UNPLACED_WEEKDAY = re.compile(r"^XXXX-WXX-[1-7]$")
#: the calendar values of the older dates-only contract
OLD_VALUE = re.compile(r"^[\dX]{4}(-([\dX]{2}(-[\dX]{2})?|W[\dX]{2}(-WE)?|SP|SU|FA|WI))?$")
