"""Rules for day dates in less common forms: both ends of ranges that share a month or a year
('March 11-15', '3 to 6 May', 'May and June 2011'), ordinal words ('the first of May'),
day-first numerals (21/03/2013, 21.03.2013), a part of a dated day ('the morning of April 18'),
'overnight', 'the day after tomorrow' and 'Friday next week'. Each rule: a regex for the span
and a resolver that returns a `Res` or None."""

# ruff: noqa: E501 -- the rule tables keep one regex per line

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.models import TimexType
from timeline.temporal_context import Context, Res
from timeline.temporal_lexicon import (
    DAYNUM,
    MON,
    MON_FULL,
    ORDINALS,
    PARTS_OF_DAY,
    UNIT,
    WD,
    WEEKDAYS,
    YEAR,
    day_number,
    month_number,
)
from timeline.temporal_rules_abs import Rule, capitalized, date_res, r_month_year, rx
from timeline.temporal_rules_rel import with_part
from timeline.temporal_years import leap_fallback, pick_year, rel_year


def r_day_rel_year(m: re.Match[str], ctx: Context) -> Res | None:
    """'Nov. 13 last year', '5 March this year': that day in the year named."""
    y = rel_year(ctx, m["rel"], m.start())
    if y is None:
        return None
    return date_res(leap_fallback(y, month_number(m["mon"]), day_number(m["day"])), ctx, m)


def r_day_first(m: re.Match[str], ctx: Context) -> Res | None:
    """21/03/2013 or 21.03.2013: day first, as the first number cannot be a month (or the
    dots say so)."""
    d = leap_fallback(int(m["y"]), int(m["mo"]), int(m["d"]))
    return date_res(d, ctx, m)


def _day_of(m: re.Match[str], ctx: Context, month: int, day: int) -> date | None:
    """That day in the year the match writes, else in the year tense and news style give."""
    if m["year"]:
        return leap_fallback(int(m["year"]), month, day)
    return pick_year(ctx, month, day, m.start(), m.end())


def r_part_of_date(m: re.Match[str], ctx: Context) -> Res | None:
    """'the morning of April 18(, 1775)': that part of that day, a TIME."""
    day = _day_of(m, ctx, month_number(m["mon"]), day_number(m["day"]))
    if day is None:
        return None
    return Res(
        TimexType.TIME,
        f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}",
        anchor="absolute" if m["year"] else "publication",
    )


_ORDINAL_DAYS = "|".join(
    sorted((w for w, n in ORDINALS.items() if w not in ("final", "last")), key=len, reverse=True)
)


def r_ordinal_word_day(m: re.Match[str], ctx: Context) -> Res | None:
    """'the first of May', 'the fifteenth of March, 2013'."""
    return date_res(_day_of(m, ctx, month_number(m["mon"]), ORDINALS[m["ord"].lower()]), ctx, m)


def r_range_end_day(m: re.Match[str], ctx: Context) -> Res | None:
    """The bare closing day of a range whose opening date was just named ('March 11-15',
    'Aug. 3 to 6'): that month's day, when it comes after the opening one."""
    first = range_open_day(ctx, m.start("t"))
    day = int(m["day"])
    if first is None or day <= first.day:
        return None
    return date_res(leap_fallback(first.year, first.month, day), ctx, m)


def range_open_day(ctx: Context, pos: int) -> date | None:
    """The day-precise date named right before pos, if one was."""
    if not ctx.history:
        return None
    value, end = ctx.history[-1]
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value) or ctx.text[end:pos].strip() not in _RANGE_WORDS:
        return None
    if re.search(r"\d{4}$", ctx.text[:end]):  # "March 3, 2013-14": a year range, not days
        return None
    return date.fromisoformat(value)


_RANGE_WORDS = ("-", "–", "—", "to", "through", "until", "till", "and")


def r_range_open_day(m: re.Match[str], ctx: Context) -> Res | None:
    """The bare opening day of a range whose month follows ('3 to 6 May', '3-6 May 2013')."""
    if int(m["day"]) >= int(m["close"]):  # "beat Spain 3-1 March 26" is a score
        return None
    return date_res(_day_of(m, ctx, month_number(m["mon"]), int(m["day"])), ctx, m)


def r_open_day_year(m: re.Match[str], ctx: Context) -> Res | None:
    """'March 11' of 'March 11-15, 2012' or 'from May 1 to October 31, 2010': the year written
    after the range (the one before it when the range crosses New Year: 'Nov. 1 to Feb. 28')."""
    year, month = int(m["year"]), month_number(m["mon"])
    if "mon2" in m.re.groupindex and month > month_number(m["mon2"]):
        year -= 1
    return date_res(leap_fallback(year, month, day_number(m["day"])), ctx, m)


_SUDDENLY = re.compile(  # "won't happen overnight", "a star overnight": suddenly, not a night
    r"\b(?:happen(?:s|ed)?|change[sd]?|star|success|sensation|not|never|literally|almost"
    r"|practically|virtually|bec[oa]me|transformed|disappear(?:ed)?|vanish(?:ed)?)\W+(?:\w+\W+)?$",
    re.I,
)


def a_overnight(m: re.Match[str], ctx: Context) -> bool:
    """'overnight' is a night only where it does not mean 'suddenly'."""
    return not _SUDDENLY.search(ctx.before(m.start(), 30))


_SINCE_WORD = re.compile(r"\bsince\s+\w+$", re.I)


def r_overnight(m: re.Match[str], ctx: Context) -> Res | None:
    """'overnight': the night before the day in question, or that day's own night when the
    clause speaks of the future. The day in question is the one named earlier in its sentence,
    else the story's day (the first day the text names: 'London shares closed lower Friday.
    ... depressed by overnight losses in New York'), else the publication day."""
    day, anchor = ctx.dct, "publication"
    left, _ = ctx.sentence(m.start(), m.end())
    days = [  # a day opening a span ("since Thursday") is no day in question
        (v[:10], end)
        for v, end in ctx.history
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v)
        and not _SINCE_WORD.search(ctx.text, max(0, end - 40), end)
    ]
    if days and left <= days[-1][1] <= m.start():
        day, anchor = date.fromisoformat(days[-1][0]), "previous"
    elif days:
        day, anchor = date.fromisoformat(days[0][0]), "previous"
    if not ctx.future(m.start(), m.end()):
        day -= timedelta(days=1)
    return with_part(day, "night", anchor=anchor)


def r_two_days(m: re.Match[str], ctx: Context) -> Res | None:
    """the day after tomorrow, the day before yesterday."""
    days = 2 if m["dir"].lower().startswith("after") else -2
    return Res(TimexType.DATE, (ctx.dct + timedelta(days=days)).isoformat())


def r_weekday_of_week(m: re.Match[str], ctx: Context) -> Res | None:
    """'Friday next week', 'Monday last week': that weekday of the week named (weeks from
    Monday, as ISO weeks)."""
    shift = {"next": 1, "last": -1, "this": 0}[m["rel"].lower()]
    monday = ctx.dct - timedelta(days=ctx.dct.weekday()) + timedelta(weeks=shift)
    return Res(TimexType.DATE, (monday + timedelta(days=WEEKDAYS[m["wd"].lower()])).isoformat())


DAY_RULES: list[Rule] = [
    Rule("weekday", rx(rf"\b(?P<wd>{WD})\s+(?:of\s+)?(?P<rel>next|last|this)\s+week\b(?!['’]s)"), r_weekday_of_week),
    Rule("deictic", rx(r"\bthe\s+day\s+(?P<dir>after\s+tomorrow|before\s+yesterday)\b"), r_two_days),
    Rule("overnight", rx(r"\bovernight\b(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|from|to|into|across|near|outside|and|as|while|when|after|before|with|by|because|but|until|so|since|though|although|if|despite|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|losses|gains|trading|session|attacks?|raids?|strikes?|shelling|fighting|clashes|storms?|rain|talks|vote)\b)"), r_overnight, a_overnight),
    Rule("numeric_date", rx(r"(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/(?P<mo>0?[1-9]|1[0-2])/(?P<y>\d{4})(?![\d/])"), r_day_first),
    Rule("numeric_date", rx(r"(?<![\d/.])(?P<d>[0-2]?\d|3[01])\.(?P<mo>0?[1-9]|1[0-2])\.(?P<y>(?:1[89]|20)\d\d)(?![\d.]?\d)"), r_day_first),
    Rule("part_of_date", rx(rf"\bthe\s+(?P<part>morning|afternoon|evening|night)\s+of\s+(?:{WD},?\s+)?(?P<mon>{MON})\s+(?P<day>{DAYNUM})(?!\d)(?:,?\s+(?P<year>{YEAR})(?!\d))?"), r_part_of_date, capitalized),
    Rule("month_day", rx(rf"\b(?P<mon>{MON})\s+(?P<day>{DAYNUM})(?!\d),?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"), r_day_rel_year, capitalized),
    Rule("month_day", rx(rf"(?<![\d.,])\b(?P<day>{DAYNUM})\s+(?P<mon>{MON})(?!\w),?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"), r_day_rel_year, capitalized),
    Rule("month_day", rx(rf"\bthe\s+(?P<ord>{_ORDINAL_DAYS})\s+of\s+(?P<mon>{MON})(?!\w)(?:,?\s+(?P<year>{YEAR})(?!\d))?"), r_ordinal_word_day, capitalized),
    Rule("month_day", rx(rf"\b(?P<mon>{MON})\s+(?P<t2>(?P<day>{DAYNUM}))(?=\s*[-–]\s*[0-3]?\d,?\s+(?P<year>{YEAR})(?!\d))"), r_open_day_year, capitalized),
    Rule("month_day", rx(rf"\b(?P<mon>{MON})\s+(?P<t2>(?P<day>{DAYNUM}))(?=,?\s*(?:[-–]|to|through|until|till)\s*(?P<mon2>{MON})\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR})(?!\d))"), r_open_day_year, capitalized),
    Rule("range_end_day", rx(rf"(?<=\d)\s*(?:[-–—]|to|through|until|till)\s*(?P<t>(?P<day>[0-3]?\d))(?:st|nd|rd|th)?\b(?![-–/:.,]?\d|[A-Za-z]|\s*(?:%|percent|per\s*cent|[ap]\.?m\b|{UNIT}|{MON}))"), r_range_end_day),
    # "on April 8 and 9": with "and" only where the number closes the phrase
    Rule("range_end_day", rx(r"(?<=\d)\s+and\s+(?P<t>(?P<day>[0-3]?\d))(?:st|nd|rd|th)?\b(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|for|when|while|and|respectively)\b)"), r_range_end_day),
    Rule("range_open_day", rx(rf"(?<![\d.,/])(?P<t>(?P<day>[0-3]?\d))(?:st|nd|rd|th)?\s*(?:[-–]|to|through|until|and)\s*(?P<close>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})(?!\w)(?!\.?\s*\d)(?:,?\s+(?P<year>{YEAR})(?!\d))?"), r_range_open_day, capitalized),
    Rule("range_open_month", rx(rf"\b(?P<t>(?P<mon>{MON_FULL}))\s+(?:and|to|through|or|[-–])\s+(?={MON}\.?,?\s+(?P<year>{YEAR})(?!\d))"), r_month_year, capitalized),  # "May and June 2011"
]  # fmt: skip
