"""Named days: Christmas, Thanksgiving, Easter, New Year's Day ... resolved to the occurrence
nearest the publication date (or the previous/next one, by the tense of the clause)."""

# ruff: noqa: E501 -- the rule table keeps one regex per line

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.models import TimexType
from timeline.temporal_context import Context, Res
from timeline.temporal_rules_abs import YEAR, Rule, rx
from timeline.temporal_years import TENSE_REACH_DAYS


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "xmas": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1),
    "independence day": lambda y: date(y, 7, 4),
    "the fourth of july": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "veterans day": lambda y: date(y, 11, 11),
    "armistice day": lambda y: date(y, 11, 11),
    "st. patrick's day": lambda y: date(y, 3, 17),
    "easter sunday": easter,
    "easter": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "mother's day": lambda y: nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: nth_weekday(y, 6, 6, 3),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "presidents' day": lambda y: nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 0, 2),
    # US: the Tuesday after the first Monday of November
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
}
_NAMES = "|".join(
    re.escape(k).replace("'", "['’]?").replace(r"\ ", r"\s+")
    for k in sorted(HOLIDAYS, key=len, reverse=True)
)


_BY_KEY = {k.replace("'", ""): fn for k, fn in HOLIDAYS.items()}


def _key(text: str) -> str:
    """The lookup key of a matched name: lower case, no apostrophes, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"['’]", "", text.lower()))


def r_holiday(m: re.Match[str], ctx: Context) -> Res | None:
    """Christmas (2021), Thanksgiving, Easter Sunday: the occurrence meant by year or tense."""
    rule = _BY_KEY.get(_key(m["h"]))
    if rule is None:
        return None
    if m["y"]:
        return Res(TimexType.DATE, rule(int(m["y"])).isoformat(), anchor="absolute")
    dct = ctx.dct
    cands = [rule(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    closest = min(cands, key=lambda d: abs((d - dct).days))
    if m["rel"]:  # "last Christmas": the one before publication; "next Easter": the one after
        before, after = [d for d in cands if d < dct], [d for d in cands if d > dct]
        pick = before[-1] if m["rel"].lower() == "last" else after[0]
        return Res(TimexType.DATE, pick.isoformat())
    near = ctx.near_tense(m.start(), m.end())
    tense = near or ctx.tense(m.start(), m.end())
    if near not in ("past", "future"):  # the sentence's tense moves it only within reach:
        # "streets were empty during the busy Christmas season" in mid-December is this one
        cands = [d for d in cands if abs((d - dct).days) <= TENSE_REACH_DAYS]
    if tense == "past":
        pick = ([d for d in cands if d <= dct] or [closest])[-1]
    elif tense in ("future", "deadline"):
        pick = ([d for d in cands if d >= dct] or [closest])[0]
    else:
        pick = closest
    return Res(TimexType.DATE, pick.isoformat())


def a_holiday(m: re.Match[str], ctx: Context) -> bool:
    """Holiday names are capitalised ('easter' in lower case is not trusted)."""
    return any(c.isupper() for c in m["h"])


HOLIDAY_RULES: list[Rule] = [
    Rule(
        "holiday",
        rx(rf"\b(?:(?P<rel>last|next)\s+)?(?P<h>{_NAMES})(?:,?\s+(?P<y>{YEAR})(?!\d))?\b"),
        r_holiday,
        a_holiday,
    ),
]
