"""Rules for dates relative to the publication date (today, Friday, last month, two years ago),
clock times and parts of the day."""

# ruff: noqa: E501 -- the rule tables keep one regex per line

from __future__ import annotations

import re
from datetime import date, time, timedelta

from timeline.models import Granularity, TimexType
from timeline.temporal_context import Context, Res
from timeline.temporal_lexicon import (
    DAYNUM,
    MON,
    NAME_NEXT,
    NUM,
    PART,
    PARTS_OF_DAY,
    UNIT,
    WD,
    WEEKDAYS,
    YEAR,
    day_number,
    month_number,
    number,
    unit_name,
)
from timeline.temporal_rules_abs import Rule, rx
from timeline.temporal_values import (
    duration,
    interval,
    quarter_of,
    shift,
    shift_value,
    week_value,
)
from timeline.temporal_weekdays import weekday_date
from timeline.temporal_years import pick_year


def with_part(d: date, part: str | None, anchor: str = "publication") -> Res:
    """A day, or a TIME value such as 2022-01-12TNI when a part of the day is named."""
    if part:
        return Res(TimexType.TIME, f"{d.isoformat()}T{PARTS_OF_DAY[part.lower()]}", anchor=anchor)
    return Res(TimexType.DATE, d.isoformat(), anchor=anchor)


_PAPER_ON = re.compile(r"\b(?:Mail|Independent|Express|Scotland|Wales)\s+on\s+$")  # on Sunday
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "Sunday Times", "Sunday Telegraph": a paper's name, with or without "the"
_DATE_WORD_BEFORE = re.compile(r"\b(?:on|last|next|this|by|until|since|from|early|late)\s+$", re.I)
_PAPER_NEXT = re.compile(
    r"[ \t]+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Tribune|Independent|Observer"
    r"|Star|Standard|Sun|People|Sport|Age|Nation|Business\s+Post|Morning\s+(?:Post|Herald))\b"
)


def a_weekday(m: re.Match[str], ctx: Context) -> bool:
    """No newspaper: 'the Sunday Times', 'the Mail on Sunday'."""
    before = ctx.before(m.start(), 20)
    if m["wd"].lower() == "sunday" and _PAPER_ON.search(before):
        return False
    after = ctx.after(m.end(), 24)
    if _PAPER_NEXT.match(after) and not (m["rel"] or _DATE_WORD_BEFORE.search(before)):
        return False  # not "On Monday Standard Chartered said", "Last Tuesday Sun posted"
    return not (_THE_BEFORE.search(before) and NAME_NEXT.match(after))


def r_weekday(m: re.Match[str], ctx: Context) -> Res | None:
    """Friday, last Friday, Friday night, Tuesdays (a set)."""
    wd = WEEKDAYS[m["wd"].lower()]
    if m["pl"] or m["parts"]:  # "Tuesdays", "Monday afternoons"
        part = f"T{PARTS_OF_DAY[m['parts'].lower()]}" if m["parts"] else ""
        return Res(TimexType.SET, f"XXXX-WXX-{wd + 1}{part}", anchor="absolute")
    d = weekday_date(ctx, wd, m["rel"] or "", m.start(), m.end())
    return with_part(d, m["part"])


DEICTIC_WORDS = ("today", "tonight", "yesterday", "tomorrow")
DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}


def r_deictic(m: re.Match[str], ctx: Context) -> Res | None:
    """today, yesterday, tonight, this morning, last night, tomorrow afternoon."""
    word = m["w"].lower()
    d = ctx.dct + timedelta(days=DEICTIC[word])
    part = m["part"] or ("night" if word == "tonight" else None)
    return with_part(d, part)  # "last night", "last evening": the day before


def r_part_of_day(m: re.Match[str], ctx: Context) -> Res | None:
    """'in the morning': that part of the day just mentioned (or of the publication day)."""
    if ctx.last_day is not None:
        return with_part(ctx.last_day, m["part"], anchor="previous")
    return with_part(ctx.dct, m["part"])


def report_quarter(d: date) -> str:
    """'the quarter' in business news: the one just ended during reporting season."""
    q_start = date(d.year, 3 * quarter_of(d) - 2, 1)
    return shift(d, "quarter", -1 if (d - q_start).days < 45 else 0) or ""


_REL_SHIFT = {
    "this": 0, "current": 0, "present": 0, "same": 0, "that": 0, "last": -1,
    "previous": -1, "preceding": -1, "next": 1, "coming": 1, "following": 1,
}  # fmt: skip


_UNIT_GRAN = {
    "week": Granularity.WEEK, "weekend": Granularity.WEEK, "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER, "year": Granularity.YEAR, "fiscal year": Granularity.YEAR,
    "decade": Granularity.DECADE, "century": Granularity.CENTURY, "day": Granularity.DAY,
}  # fmt: skip


def r_rel_unit(m: re.Match[str], ctx: Context) -> Res | None:
    """this week, last month, next year, the current quarter, the following year."""
    words = m["rel"].lower().split()
    rel, unit = words[-1], unit_name(m["u"].split()[-1])
    if words[0] == "this" and rel == "past":
        rel = "last"  # "this past weekend"
    elif rel in ("past",) or (words[0] == "the" and rel == "last"):
        return Res(TimexType.DURATION, duration(1, unit), anchor="absolute")
    if rel in ("latest", "recent") and unit == "quarter":
        return Res(TimexType.DATE, report_quarter(ctx.dct))
    n = _REL_SHIFT.get(rel)
    if n is None:
        return None
    anchor = "publication"
    base = ctx.dct
    if rel in ("same", "that", "following", "previous", "preceding") or _narrated_next(m, ctx):
        gran, start, _ = interval(ctx.last_value or "")
        if (
            start is not None and gran.rank <= _UNIT_GRAN.get(unit, Granularity.YEAR).rank
        ):  # not "1994" for a week
            base, anchor = start, "previous"
    value = shift(base, unit, n)
    return Res(TimexType.DATE, value, anchor=anchor) if value else None


def a_rel_unit(m: re.Match[str], ctx: Context) -> bool:
    """Title case inside a sentence names a show or a column ('ABC's "This Week"'), not a week."""
    words = m.group().split()
    if not all(w[0].isupper() for w in words):
        return True
    left, _ = ctx.sentence(m.start(), m.end())
    return not ctx.text[left : m.start()].strip(" \"'“‘(`")


def r_same_unit_in_year(m: re.Match[str], ctx: Context) -> Res | None:
    """'the same month of 2001', 'the same quarter last year': the month or quarter just
    spoken of, in the year named."""
    gran, start, _ = interval(ctx.last_value or "")
    left, _ = ctx.sentence(m.start(), m.end())
    if start is None or not ctx.history or ctx.history[-1][1] < left:
        return None  # the period compared with must be named in the same sentence
    # "last year" is the year before that period's ("October 2004 ... the same month last year")
    year = int(m["y"]) if m["y"] else start.year - (m["rel"].lower() == "last")
    unit = m["u"].lower()
    if unit == "month" and gran.rank <= Granularity.MONTH.rank:
        return Res(TimexType.DATE, f"{year:04d}-{start.month:02d}", anchor="previous")
    if unit == "quarter" and gran.rank <= Granularity.QUARTER.rank:
        return Res(TimexType.DATE, f"{year:04d}-Q{quarter_of(start)}", anchor="previous")
    if unit == "period" and ctx.last_value:
        value = shift_value(ctx.last_value, "year", year - start.year)
        return Res(TimexType.DATE, value, anchor="previous") if value else None
    return None


def r_this_time_year(m: re.Match[str], ctx: Context) -> Res | None:
    """'this time next year', 'by this time last year': the publication day a year off."""
    y = ctx.dct.year + (1 if m["rel"].lower() == "next" else -1)
    day = min(ctx.dct.day, 28) if ctx.dct.month == 2 else ctx.dct.day  # 29 February
    return Res(TimexType.DATE, f"{y:04d}-{ctx.dct.month:02d}-{day:02d}")


def _narrated_next(m: re.Match[str], ctx: Context) -> bool:
    """Whether 'the next <unit>' is in a past narrative (it follows the date just named)."""
    words = m["rel"].lower().split()
    return words[0] == "the" and words[-1] == "next" and ctx.tense(m.start(), m.end()) == "past"


_ENDED = re.compile(
    rf"^\s+(?:ended|ending|that\s+ended|to)\s+(?:(?P<mon>{MON})\s+(?P<day>{DAYNUM}))?", re.I
)


def r_the_unit(m: re.Match[str], ctx: Context) -> Res | None:
    """'the year', 'the quarter', 'the week' in news: the current one (quarter: just reported)."""
    unit = m["u"].lower()
    ended = _ENDED.match(ctx.after(m.end(), 40))
    if ended and unit == "year":
        return Res(TimexType.DURATION, "P1Y", anchor="absolute")  # a fiscal year: twelve months
    if ended and unit == "quarter" and ended["mon"]:
        end = pick_year(
            ctx, month_number(ended["mon"]), day_number(ended["day"]), m.start(), m.end()
        )
        if end is not None:  # the quarter that mostly lies before its closing day
            return Res(TimexType.DATE, shift(end - timedelta(days=45), "quarter", 0) or "")
    if ended and unit == "week" and ended["mon"]:  # "in the week ended Dec. 8": that week
        end = pick_year(
            ctx, month_number(ended["mon"]), day_number(ended["day"]), m.start(), m.end()
        )
        if end is not None:
            return Res(TimexType.DATE, shift(end - timedelta(days=3), "week", 0) or "")
    if unit == "quarter":
        period = ctx.recent_period(m.start())
        if period and "Q" in period:
            return Res(TimexType.DATE, period, anchor="previous")
        return Res(TimexType.DATE, report_quarter(ctx.dct))
    value = shift(ctx.dct, unit, 0)
    return Res(TimexType.DATE, value) if value else None


_POSITION_BEFORE = re.compile(
    r"\b(?:end|turn|start|beginning|middle|close)\s+of\s+$|\b(?:early|mid|late)[\s-]+$", re.I
)


_TITLE_BEFORE = re.compile(  # an award's name: "player of the year", "Person of the Year"
    r"\b(?:player|coach|manager|person|man|woman|athlete|footballer|cricketer|rookie|driver"
    r"|album|song|record|book|car|word|team|goal)s?\s+of\s+$",
    re.I,
)


def a_the_unit(m: re.Match[str], ctx: Context) -> bool:
    """'the century/decade' only at a position ('the end of the century'), not 'trial of the';
    no 'the year' of an award ('player of the year')."""
    if _TITLE_BEFORE.search(ctx.before(m.start(), 20)):
        return False
    if m["u"].lower() not in ("decade", "century"):
        return True
    return bool(_POSITION_BEFORE.search(ctx.before(m.start(), 20)))


def r_year_end(m: re.Match[str], ctx: Context) -> Res | None:
    """year-end: the end of this year (of last year after 'since')."""
    since = ctx.before(m.start(), 8).lower().endswith("since ")
    return Res(TimexType.DATE, f"{ctx.dct.year - (1 if since else 0):04d}-12-31")


def r_weekend(m: re.Match[str], ctx: Context) -> Res | None:
    """'the weekend': the latest weekend, the coming one in future tense, and with no tense
    the nearer one ("the match is at the weekend" said on a Thursday)."""
    dct = ctx.dct
    if dct.weekday() >= 5:
        return Res(TimexType.DATE, week_value(dct) + "-WE")
    tense = ctx.tense(m.start(), m.end())
    n = 0 if tense == "future" or (tense == "" and dct.weekday() >= 3) else -1
    return Res(TimexType.DATE, week_value(dct + timedelta(weeks=n)) + "-WE")


def r_ago(m: re.Match[str], ctx: Context) -> Res | None:
    """two years ago, three days earlier, a week later, a year from now."""
    n, unit = number(m["n"]), unit_name(m["u"])
    direction = m["dir"].lower().split()[0]
    sign = 1 if direction in ("later", "after", "from", "hence", "since") else -1
    if n is not None and m["half"]:
        n, unit = ((n + 0.5) * 12, "month") if unit == "year" else (n, unit)
    if n is None or not float(n).is_integer():
        return Res(TimexType.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF")
    period = ctx.recent_period(m.start(), _window(ctx, m.start()))
    if period and (start := interval(period)[1]) and abs((ctx.dct - start).days) > 550:
        period = None  # "in September 2003 ... A year ago" (said in 2005): not a period reported
    if unit == "year" and period and (direction != "ago" or n == 1):
        value = shift_value(period, "year", sign * int(n))  # "up from a year ago": that quarter
        if value:
            return Res(TimexType.DATE, value, anchor="previous")
    pub = ctx.published
    if (
        unit in ("hour", "minute")
        and direction in ("ago", "from", "hence")
        and pub.time() != time()
    ):
        when = pub + timedelta(**{f"{unit}s": sign * int(n)})  # a clock time when the DCT has one
        return Res(TimexType.TIME, when.strftime("%Y-%m-%dT%H:%M"))
    base, anchor = ctx.dct, "publication"
    if (direction in ("later", "after") and unit in ("day", "week", "month", "year")) or (
        direction in ("earlier", "before") and unit in ("day", "week", "month")
    ):  # "He left in 1990. Two years later": after the date just named, not publication
        gran, start, _ = interval(ctx.last_value or "")
        if start is not None:
            base, anchor = start, "previous"
            if (coarse := _no_finer_than(gran, start, unit, sign * int(n))) is not None:
                return Res(TimexType.DATE, coarse, anchor=anchor)
    value = shift(base, unit, sign * int(n))
    return Res(TimexType.DATE, value, anchor=anchor) if value else None


def _no_finer_than(gran: Granularity, start: date, unit: str, n: int) -> str | None:
    """'in 1944 ... Two months later' counts from an unknown day of 1944: the answer is no
    finer than the year (not March, counted from January 1), counted from the middle of it;
    from a month, no finer than a month. None when the anchor is as fine as the unit."""
    days = {"day": 1, "week": 7}.get(unit)
    if gran is Granularity.YEAR and (days or unit == "month"):
        value = shift(date(start.year, 7, 1), unit, n)
        return value[:4] if value else None
    if gran is Granularity.MONTH and days:
        return shift(date(start.year, start.month, 15) + timedelta(days=days * n), "month", 0)
    return None


def r_vague_ago(m: re.Match[str], ctx: Context) -> Res | None:
    """years ago, long ago, some time ago."""
    return Res(TimexType.DATE, "PAST_REF")


def r_year_earlier(m: re.Match[str], ctx: Context) -> Res | None:
    """year-earlier / year-ago (business news): the same period a year before."""
    period = ctx.recent_period(m.start(), _window(ctx, m.start()))
    if period:
        value = shift_value(period, "year", -1)
        if value:
            return Res(TimexType.DATE, value, anchor="previous")
    if "quarter" in m.group().lower():
        return Res(TimexType.DATE, shift_value(report_quarter(ctx.dct), "year", -1) or "")
    return Res(TimexType.DATE, f"{ctx.dct.year - 1:04d}")


def r_latest_period(m: re.Match[str], ctx: Context) -> Res | None:
    """'the latest period' (business news): the quarter just reported, else the one named."""
    period = ctx.recent_period(m.start(), _window(ctx, m.start()))
    return Res(TimexType.DATE, period or report_quarter(ctx.dct))


_COMPARISON = re.compile(r"\b(?:from|than|compared\s+with|compared\s+to|versus|vs\.?)\b", re.I)


def _window(ctx: Context, pos: int) -> int:
    """How far back 'a year ago' looks for its period: the whole text in a comparison
    ('up 5% from a year ago': the same period as the figures compared), else nearby."""
    return 5000 if _COMPARISON.search(ctx.before(pos, 60)) else 250


def r_ordinal_day(m: re.Match[str], ctx: Context) -> Res | None:
    """'on the 23rd': that day of the publication month (or of the month before, if later)."""
    day, dct = int(m["day"]), ctx.dct
    y, mo = dct.year, dct.month
    if day > dct.day and not ctx.future(m.start(), m.end()):
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    elif day < dct.day and ctx.future(m.start(), m.end()):
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    return Res(TimexType.DATE, date(y, mo, day).isoformat())


_AFTER_ORDINAL = re.compile(
    r"^(?:\s*(?:[^\w\s]|$)|\s+(?:that|and|or|when|at|in|on|to|with|as|but|after|before|he|she"
    r"|it|they|we|i|the|a|an|of\s+(?:this|last|next|that)\s+month)\b)",
    re.I,
)


def a_ordinal_day(m: re.Match[str], ctx: Context) -> bool:
    """'the 23rd' is a day only when no noun follows ('the 23rd division' is not)."""
    return bool(_AFTER_ORDINAL.match(ctx.after(m.end(), 30)))


_REL = (
    r"this\s+past|this|last|next|coming|past|previous|current|present|same|that|following|preceding"
)
_THE_REL = (
    r"past|last|next|previous|coming|current|following|same|latest|most\s+recent|present|preceding"
)

REL_RULES: list[Rule] = [
    Rule("weekday", rx(rf"\b(?:(?:the\s+|this\s+)?(?P<rel>last|next|this|coming|past|previous|(?<=\bthe\s)following)\s+)?(?P<wd>{WD})(?P<pl>s)?(?:\s+(?:(?P<parts>morning|afternoon|evening|night)s|(?P<part>{PART})))?\b"), r_weekday, a_weekday),
    Rule("deictic", rx(rf"\b(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{PART}))?\b"), r_deictic),
    Rule("deictic", rx(rf"\b(?P<w>this|last)\s+(?P<part>{PART})\b"), r_deictic),
    Rule("deictic", rx(r"\b(?P<part>morning|afternoon|evening)\s+(?P<w>yesterday|today|tomorrow)\b"), r_deictic),
    Rule("part_of_day", rx(r"\bthe\s+(?P<part>morning|afternoon|evening)\b(?!\s+(?:of|paper|news|show|edition|session|rush|star|post)\b)"), r_part_of_day),
    Rule("ordinal_day", rx(r"\b(?:on|since|until|till|by|before|after|from|to|through)\s+(?P<t>the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b"), r_ordinal_day, a_ordinal_day),
    Rule("this_time_year", rx(r"\bthis\s+time\s+(?P<rel>next|last)\s+year\b"), r_this_time_year),
    Rule("same_unit", rx(rf"\bthe\s+same\s+(?P<u>month|quarter|period)\s+(?:(?:of|in)\s+)?(?:(?P<y>{YEAR})\b|(?P<rel>last|this)\s+year\b)"), r_same_unit_in_year),
    Rule("relative_unit", rx(rf"\b(?P<rel>{_REL}|the\s+(?:{_THE_REL}))\s+(?P<u>week|weekend|month|year|quarter|decade|century|fiscal\s+year)\b"), r_rel_unit, a_rel_unit),
    Rule("the_unit", rx(r"\bthe\s+(?:(?:full|whole|entire|current|latest|fiscal|current\s+fiscal|latest\s+fiscal)\s+)?(?P<u>year|quarter|month|week|decade|century)\b(?![\s-](?:earlier|ago|before|after|long|old)\b)(?!\s+\d)"), r_the_unit, a_the_unit),
    Rule("year_end", rx(r"\byear(?:[\s-]|['’]s\s+)end\b"), r_year_end),
    Rule("weekend", rx(r"\bthe\s+weekend\b"), r_weekend),
    Rule("ago", rx(rf"\b(?P<n>{NUM})[\s-]+(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|(?:before|after)(?=\s*(?:[,.;:)]|$)))"), r_ago),
    Rule("ago", rx(rf"\b(?P<u>{UNIT}|(?:a\s+)?long\s+time|long|some\s+time|a\s+while)\s+ago\b"), r_vague_ago),
    Rule("latest_period", rx(r"\bthe\s+(?:latest|most\s+recent)\s+(?:fiscal\s+)?period\b"), r_latest_period),
    Rule("year_earlier", rx(r"\b(?:(?:the\s+(?:comparable\s+)?)?year[\s-](?:earlier|ago)\s+(?:quarter|period)|year[\s-](?:earlier|ago))\b"), r_year_earlier),
]  # fmt: skip
