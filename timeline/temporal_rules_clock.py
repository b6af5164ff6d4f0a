"""Rules for clock times ("3 p.m.", "10:35 a.m. EST Thursday", "1600 GMT", "at 14:30") and
the day each is on: named in the phrase, right after it, or earlier in its sentence."""

# ruff: noqa: E501 -- the rule tables keep one regex per line

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.models import TimexType
from timeline.temporal_context import Context, Res
from timeline.temporal_lexicon import DAYNUM, MON, WD, WEEKDAYS, day_number, month_number
from timeline.temporal_rules_abs import Rule, rx
from timeline.temporal_rules_rel import DEICTIC, DEICTIC_WORDS
from timeline.temporal_weekdays import weekday_date
from timeline.temporal_years import pick_year

_DAY_AFTER = re.compile(
    rf"\s*\([^()]{{1,30}}\)\s*,?\s*(?:on\s+)?(?P<dp>today|tonight|yesterday|tomorrow|(?P<wd>{WD}))\b",
    re.I,
)


_DAY_LATER = re.compile(  # "occurred at 6:40 p.m. at the colliery in Linfen on Sunday"
    rf"(?:(?!,|\b(?:and|but|or|said|says|when|while|after|before|until)\b)[^.;:!?\d]){{0,80}}?"
    rf"\bon\s+(?P<dp>today|yesterday|tomorrow|(?P<wd>{WD}))\b",
    re.I,
)


def _day_nearby(m: re.Match[str], ctx: Context) -> date | None:
    """The day named after a clock time's parenthesis, later in its clause ('at 6:40 p.m. at
    the mine on Sunday') or earlier in its sentence, else None."""
    after = _DAY_AFTER.match(ctx.text, m.end(), m.end() + 60) or _DAY_LATER.match(
        ctx.text, m.end(), m.end() + 120
    )
    if after:
        dp = after["dp"].lower()
        if dp in DEICTIC_WORDS:
            return ctx.dct + timedelta(days=DEICTIC[dp])
        return weekday_date(ctx, WEEKDAYS[dp], "", m.start(), m.end())
    if ctx.last_day is not None and ctx.history:
        value, end = ctx.history[-1]
        left, _ = ctx.sentence(m.start(), m.end())
        base = _BASE_DAY.search(ctx.text, max(left, end - 40), end)  # "rose from Monday"
        own = _OWNER.fullmatch(ctx.text, end, m.start())  # "Thursday's 5 p.m. quotes"
        if left <= end <= m.start() and value.startswith(ctx.last_day.isoformat()):
            if own or not base:
                return ctx.last_day
    return None


# A day after "from"/"since"/"than" is what a change is measured against ("gained 300 points
# from Monday ... to stand at 18,978 at 10 a.m."), not the day of the clock time.
_OWNER = re.compile(r"['’]s\s+")
_BASE_DAY = re.compile(r"\b(?:from|since|than|compared\s+(?:with|to))\s+(?:\S+\s+)?\S+$", re.I)


def _date_part(m: re.Match[str], ctx: Context) -> date:
    """The day a clock time is on: named in the phrase or near it, or the publication day."""
    dp = (m["dp"] or "").lower()
    if dp in DEICTIC:
        return ctx.dct + timedelta(days=DEICTIC[dp])
    if m["wd"]:  # "6 p.m. of last Sunday"
        rel = m.groupdict().get("wrel") or ""
        return weekday_date(ctx, WEEKDAYS[m["wd"].lower()], rel, m.start(), m.end())
    if m["mon"]:
        return (
            pick_year(ctx, month_number(m["mon"]), day_number(m["day"]), m.start(), m.end())
            or ctx.dct
        )
    return _day_nearby(m, ctx) or ctx.dct


def r_clock(m: re.Match[str], ctx: Context) -> Res | None:
    """3 p.m., 10:35 a.m. EST Thursday, noon, midnight Friday."""
    if m["noon"]:
        hh, mi = (24, 0) if m["noon"].lower() == "midnight" else (12, 0)
    else:
        hh, mi = int(m["h"]), int(m["mi"] or 0)
        ap = (m["ap"] or "").lower()
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
        if hh > 24:
            return None
    d = _date_part(m, ctx)
    sec = f":{m['sec']}" if m["sec"] else ""
    return Res(TimexType.TIME, f"{d.isoformat()}T{hh:02d}:{mi:02d}{sec}")


def r_clock_zone(m: re.Match[str], ctx: Context) -> Res | None:
    """'1600 GMT', '0930 UTC Friday': wire-service 24-hour time with its zone."""
    return Res(TimexType.TIME, f"{_date_part(m, ctx).isoformat()}T{m['h']}:{m['mi']}")


# a part of the day right before the time: "this afternoon at about 3:30", "tonight at 8:00"
_LATE_PART = re.compile(
    r"\b(?:(?P<aft>afternoon)|evening|(?P<night>tonight|night)),?\s+(?:\w+\s+)?"
    r"(?:at|around|about|from|after|before|until|by)\s+(?:(?:about|around|some)\s+)?$",
    re.I,
)


def r_clock24(m: re.Match[str], ctx: Context) -> Res | None:
    """'at 14:30', 'this afternoon at about 3:30': a clock time after a preposition, past noon
    when its sentence speaks of the afternoon or evening (and not of the morning)."""
    hh = int(m["h"])
    late = _LATE_PART.search(ctx.before(m.start("t"), 40))
    if late and 1 <= hh < 12:  # within the part named: afternoon 1-6, evening 5-11, night 6-11
        low = 1 if late["aft"] else 6 if late["night"] else 5
        high = 6 if late["aft"] else 11
        hh += 12 if low <= hh <= high else 0
    day = _day_nearby(m, ctx) or ctx.dct
    return Res(TimexType.TIME, f"{day.isoformat()}T{hh:02d}:{m['mi']}")


def r_early_hours(m: re.Match[str], ctx: Context) -> Res | None:
    """'the early hours of Thursday', 'the small hours': the start of that day (of the day
    just spoken of when none is named), not a duration."""
    return Res(TimexType.DATE, _date_part(m, ctx).isoformat(), mod="START")


_DP = rf"(?:,?\s+(?:on\s+|of\s+)?(?P<dp>today|tonight|yesterday|tomorrow|(?:(?P<wrel>last|next|this)\s+)?(?P<wd>{WD})|(?P<mon>{MON})\s+(?P<day>{DAYNUM})(?!\d)))?"

CLOCK_RULES: list[Rule] = [
    Rule("early_hours", rx(rf"\bthe\s+(?:early|small|wee)\s+hours(?:\s+of\s+(?:the\s+morning|(?:on\s+)?(?P<dp>today|yesterday|tomorrow|(?P<wd>{WD})|(?P<mon>{MON})\s+(?P<day>{DAYNUM})(?!\d)))|(?!\s+of\b))\b"), r_early_hours),
    Rule("clock", rx(rf"\b(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?)?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b)|(?P<noon>noon|mid-?day|midnight))(?:\s+(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CET|local\s+time))?{_DP}"), r_clock),
    Rule("clock", rx(rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:GMT|UTC|Z\b|[ECMP][SD]T|BST|CET|hours\s+(?:GMT|UTC|local\s+time))(?!\w){_DP}"), r_clock_zone),
    Rule("clock", rx(r"\b(?:at|by|until|around|from|to|before|after)\s+(?:(?:about|around|approximately|roughly|some)\s+)?(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))(?![\d:])"), r_clock24),
]  # fmt: skip
