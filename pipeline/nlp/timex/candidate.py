"""The :class:`Candidate` record: what a temporal expression says, before it is resolved.

Kept apart from :mod:`pipeline.nlp.timex.candidates` (which finds them) so that the finders
of each expression class (:mod:`.clock`, :mod:`.durations`, :mod:`.refs`, :mod:`.sets`,
:mod:`.periods`) build candidates without importing the module that calls them.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    """What an expression says, before resolution against an anchor."""

    start: int
    end: int
    rule: str
    kind: str  # abs, weekday, relday, relweek, relmonth, relyear, season, decade, century, yearpart, nthday, easter, fixed
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    decade: str | None = None
    offset: int = 0
    unit: str | None = None  # for ago/in and relative weeks: day/week/weekend/month/year
    mod: str | None = None  # past / future / this (an explicit modifier in the text)
    year_offset: int | None = None  # "le 30 septembre de cette année" -> 0
    guarded: bool = False  # context says it is probably not a date (bare month, number...)
    yy: int | None = None  # a two-digit year ("le 10 novembre 93"), its century chosen at resolution
    period_part: str | None = None  # START / MID / END of "la fin du XIXe siècle" (for TimeML's mod)
    range_end: "Candidate | None" = field(default=None, repr=False)  # on the first date of a range
    range_start: "Candidate | None" = field(default=None, repr=False)  # on the second date of a range

    # TimeML (issue #16; pipeline.nlp.timex.timeml): type, mod, a part of day or clock time
    # ("MO", "14:00") that makes a day a TIME, a value known from the text alone (durations,
    # sets, references: kind "fixed"), and a time whose day is that of its sentence.
    ttype: str = "DATE"
    tmod: str = ""
    tod: str | None = None
    fixed: str | None = None
    context_day: bool = False

    @property
    def in_range(self) -> bool:
        """True for either date of a range ("du 8 au 9 juillet")."""
        return self.range_end is not None or self.range_start is not None

    @property
    def needs_tense(self) -> bool:
        """True when the value depends on the tense of the sentence."""
        if self.range_end is not None and self.range_end.needs_tense:
            return True
        if self.kind == "weekday":
            return self.mod is None
        if self.kind == "relweek":
            return self.unit == "weekend" and self.offset == 0
        if self.kind == "easter":
            return self.year is None
        if self.kind in ("yearpart", "nthday"):
            return self.year is None and self.year_offset is None and self.unit is None
        if self.kind in ("abs", "season"):
            return self.year is None and self.month is not None and self.mod is None and self.year_offset is None
        return False
