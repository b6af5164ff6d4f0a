"""Which year a date written without one is in ("Oct. 19", "January", "the next year"): the
clause's tense within reach of the publication date, a range's opening day, a year just named.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.temporal_context import Context
from timeline.temporal_values import interval


def pick_year(ctx: Context, month: int, day: int, start: int, end: int) -> date | None:
    """Year for a month-day with no year: the most recent one in a past-tense clause, the next
    one in a future-tense clause, else the one closest to the publication date."""
    dct = ctx.dct
    cands = [
        d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := leap_fallback(y, month, day))
    ]
    if not cands:
        return None
    if (first := range_start(ctx, start)) is not None:  # "from Aug. 1 to Aug. 10"
        after = [d for d in cands if d >= first]
        return after[0] if after else cands[-1]
    closest = min(cands, key=lambda d: abs((d - dct).days) - (30 if d <= dct else 0))  # news: past
    near = [d for d in cands if d.year == dct.year or abs((d - dct).days) <= TENSE_REACH_DAYS]
    # a verb or cue right before the date moves it however far ("will close Feb. 15"); a
    # deadline preposition ("through") or the sentence's tense ("Australia play Brazil on
    # June 18 while Japan will meet them") only within reach
    tense, pool = ctx.near_tense(start, end), cands
    if tense == "deadline":
        pool = near
    elif tense == "":
        tense, pool = ctx.tense(start, end), near
        if tense and not ctx.tense(start, end, reporting=False):  # only "said": not the act's
            pool = [d for d in cands if abs((d - dct).days) <= TENSE_REACH_DAYS]
    if tense == "past":
        past = [d for d in pool if d <= dct + timedelta(days=1)]
        return past[-1] if past else closest
    if tense in ("future", "deadline"):
        ahead = [d for d in pool if d >= dct - timedelta(days=1)]
        return ahead[0] if ahead else closest
    return closest


# News style gives the year of any date outside the current year, so a bare "Oct. 19" is
# rarely in another year and most of a year away. A past verb right before the date still
# wins ("began the morning of April 18" said in March is last April), but a future cue or a
# tense read from the whole sentence moves the date into another year only within about nine
# months of publication ("through Oct. 19" in a late-October story is last week, not next
# year); within the publication year it needs no year, so tense places it however far
# ("between January and October, exports rose" said in November is this year's).
TENSE_REACH_DAYS = 280


_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
_RANGE_TO = re.compile(r"\s*(?:to|through|thru|until|till)\s+", re.I)
_RANGE_FROM = re.compile(r"\b(?:from|between)\b", re.I)
_RANGE_AND = re.compile(r"\s+and\s+", re.I)
_BETWEEN = re.compile(r"\bbetween\b", re.I)


def range_start(ctx: Context, start: int, month_only: bool = False) -> date | None:
    """First day of the day (month) opening the range this date ends ('Aug. 1 to Aug. 10')."""
    if not ctx.history:
        return None
    value, end = ctx.history[-1]
    if end > start or not re.fullmatch(r"\d{4}-\d\d" if month_only else r"\d{4}-\d\d-\d\d", value):
        return None
    dash = _RANGE_DASH.fullmatch(ctx.text, end, start)
    to = _RANGE_TO.fullmatch(ctx.text, end, start) and _RANGE_FROM.search(ctx.before(end, 40))
    between = _RANGE_AND.fullmatch(ctx.text, end, start) and _BETWEEN.search(ctx.before(end, 40))
    return interval(value)[1] if dash or to or between else None


def leap_fallback(year: int, month: int, day: int) -> date | None:
    """date(year, month, day) or None when it does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_month_year(ctx: Context, month: int, start: int, end: int) -> int:
    """Year of a bare month name: by tense like pick_year, else the closest such month."""
    dct = ctx.dct
    if (first := range_start(ctx, start, month_only=True)) is not None:  # "January-March"
        return first.year if month >= first.month else first.year + 1
    diff = month - dct.month  # no tense: the closest such month, the past one on a tie
    closest = dct.year + (1 if diff < -6 else -1 if diff >= 6 else 0)
    near = ctx.near_tense(start, end)
    tense = near or ctx.tense(start, end)
    if tense in ("future", "deadline"):
        year = dct.year if month >= dct.month else dct.year + 1
    elif tense == "past":
        year = dct.year if month <= dct.month else dct.year - 1
    else:
        return closest
    months_away = abs((year - dct.year) * 12 + month - dct.month)
    if near in ("past", "future") or months_away * 30 <= TENSE_REACH_DAYS:
        return year
    if year == dct.year and (near or ctx.tense(start, end, reporting=False)):
        return year  # in the publication year the clause's own verb places it however far
    return closest


def rel_year(ctx: Context, rel: str | None, pos: int = -1) -> int | None:
    """The year meant by 'this/last/next year' (None when no such phrase); 'the next/following/
    previous year' counts from a year just named ("In 2015 it planned to list in the first
    quarter of the next year"), else from publication."""
    if not rel:
        return None
    words = rel.lower().split()
    base = ctx.dct.year
    if words[0] == "that":  # "the summer of that year": the year just spoken of
        _, start, _ = interval(ctx.last_value or "")
        return start.year if start is not None else base
    if words[0] == "the" and pos >= 0 and (named := _recent_year(ctx, pos)) is not None:
        base = named
    return base + {"last": -1, "previous": -1, "next": 1, "following": 1}.get(words[-1], 0)


def _recent_year(ctx: Context, pos: int, window: int = 250) -> int | None:
    """The year of the latest date named (not inferred) in the text just before pos, if any."""
    for value, end in reversed(ctx.history):
        if pos - end > window:
            break
        if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
            return int(value[:4])
    return None
