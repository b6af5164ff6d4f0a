"""Rules for dates that name the calendar: explicit dates, months, years, decades, centuries,
quarters, halves, seasons and clock times. Each rule: a regex for the span and a resolver that
returns a `Res` or None."""

# ruff: noqa: E501 -- the rule tables keep one regex per line

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

from timeline.models import Granularity, TimexType
from timeline.settings import Settings
from timeline.temporal_context import Context, Res
from timeline.temporal_lexicon import (
    DAYNUM,
    MON,
    MON_FULL,
    WD,
    WEEKDAYS,
    YEAR,
    day_number,
    month_number,
    number,
)
from timeline.temporal_years import leap_fallback, pick_month_year, pick_year, rel_year

logger = logging.getLogger(__name__)

Resolver = Callable[[re.Match[str], Context], Res | None]
Acceptor = Callable[[re.Match[str], Context], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named span pattern with its resolver; group 't', when present, is the span."""

    name: str
    regex: re.Pattern[str]
    resolve: Resolver
    accept: Acceptor | None = None
    needs: tuple[str, ...] = ()  # trigger classes (temporal_lexicon) one of which it contains


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive grammar pattern."""
    return re.compile(pattern, re.I)


def capitalized(m: re.Match[str], ctx: Context | None = None) -> bool:
    """Month names count only when capitalised (lowercase 'march', 'may' are words)."""
    word = m.group("mon")
    return bool(word) and (word[0].isupper() or m.string[m.start() : m.end()].isupper())


def parse_absolute(text: str, ctx: Context) -> date | None:
    """Parse an absolute date string with dateparser, settings pinned from ctx.settings."""
    st = ctx.settings
    return _parse_absolute(text, ctx.dct.isoformat(), st.languages, st.timezone)


@lru_cache(maxsize=4096)
def _parse_absolute(
    text: str, base_iso: str, languages: tuple[str, ...], timezone: str
) -> date | None:
    """parse_absolute on hashable arguments (cached: dateparser is slow)."""
    settings = Settings(timezone=timezone, languages=languages).dateparser_settings(
        datetime.fromisoformat(base_iso)
    )
    settings["PARSERS"] = ["absolute-time"]
    try:
        parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError) as exc:
        logger.debug("dateparser failed on %r: %s", text, exc)
        return None
    return parsed.date() if parsed else None


def date_res(d: date | None, ctx: Context, m: re.Match[str]) -> Res | None:
    """A day-precise Res, or None."""
    return Res(TimexType.DATE, d.isoformat(), anchor="absolute") if d else None


def r_iso(m: re.Match[str], ctx: Context) -> Res | None:
    """2021-12-24 (with an optional clock time)."""
    d = date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if m["hh"]:
        return Res(TimexType.TIME, f"{d.isoformat()}T{m['hh']}:{m['mi']}", anchor="absolute")
    return Res(TimexType.DATE, d.isoformat(), anchor="absolute")


def r_numeric(m: re.Match[str], ctx: Context) -> Res | None:
    """12/24/2021 in the configured order, parsed by dateparser."""
    return date_res(parse_absolute(m.group(), ctx), ctx, m)


def r_full_date(m: re.Match[str], ctx: Context) -> Res | None:
    """Month, day and year ("Dec. 24, 2021", "24 December 2021"): dateparser, cross-checked."""
    text = re.sub(r"\s+", " ", m.group())
    parsed = parse_absolute(text, ctx)
    y, mo, d = int(m["year"]), month_number(m["mon"]), day_number(m["day"])
    own = leap_fallback(y, mo, d)
    if own is None:  # "June 31, 2021": keep what is sure, the month
        return Res(TimexType.DATE, f"{y:04d}-{mo:02d}", anchor="absolute")
    if parsed != own:  # dateparser read something else (e.g. the weekday): trust the grammar
        parsed = own
    return date_res(parsed, ctx, m)


def r_month_day(m: re.Match[str], ctx: Context) -> Res | None:
    """A month and day with no year ("Aug. 2", "the 23rd of December")."""
    mo, d = month_number(m["mon"]), day_number(m["day"])
    if m["wd"]:
        return _weekday_match(ctx, mo, d, WEEKDAYS[m["wd"].lower()]) or date_res(
            pick_year(ctx, mo, d, m.start(), m.end()), ctx, m
        )
    return date_res(pick_year(ctx, mo, d, m.start(), m.end()), ctx, m)


def _weekday_match(ctx: Context, month: int, day: int, weekday: int) -> Res | None:
    """The year near publication in which month/day falls on the weekday given."""
    for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
        d = leap_fallback(y, month, day)
        if d and d.weekday() == weekday:
            return Res(TimexType.DATE, d.isoformat(), anchor="publication")
    return None


def r_month_year(m: re.Match[str], ctx: Context) -> Res | None:
    """December 2021."""
    return Res(
        TimexType.DATE, f"{int(m['year']):04d}-{month_number(m['mon']):02d}", anchor="absolute"
    )


def r_rel_month(m: re.Match[str], ctx: Context) -> Res | None:
    """last August (a year back if August is the month just gone), this May, next March."""
    mo, dct, rel = month_number(m["mon"]), ctx.dct, m["rel"].lower()
    if rel == "this":
        y = dct.year
    elif rel == "last":
        y = dct.year if mo < dct.month - 1 else dct.year - 1
    else:
        y = dct.year if mo > dct.month + 1 else dct.year + 1
    return Res(TimexType.DATE, f"{y:04d}-{mo:02d}")


def r_month_rel_year(m: re.Match[str], ctx: Context) -> Res | None:
    """July last year, January this year."""
    y = rel_year(ctx, m["rel"], m.start())
    return Res(TimexType.DATE, f"{y:04d}-{month_number(m['mon']):02d}") if y else None


def r_month_that_year(m: re.Match[str], ctx: Context) -> Res | None:
    """'September that year': that month of the year just spoken of."""
    if ctx.last_value and re.match(r"\d{4}", ctx.last_value):
        return Res(
            TimexType.DATE, f"{ctx.last_value[:4]}-{month_number(m['mon']):02d}", anchor="previous"
        )
    return r_month(m, ctx)


def r_month(m: re.Match[str], ctx: Context) -> Res | None:
    """A bare month name, resolved to the nearest past (or, in future tense, coming) month."""
    mo = month_number(m["mon"])
    y = pick_month_year(ctx, mo, m.start(), m.end())
    return Res(TimexType.DATE, f"{y:04d}-{mo:02d}")


_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|during|early|mid|late|of|last|next|this|before|after|through"
    r"|from|to|between|and|end|beginning)[\s-]+$",
    re.I,
)


_THE = re.compile(r"\bthe\s+$", re.I)
_DATED_NOUN_NEXT = re.compile(  # "the March general elections", "the May summit"
    r"^\s+(?:[a-z]+(?:al|ary|ic|ive)\s+)?(?:elections?|polls?|votes?|referendum|summit|talks|meeting|deadline"
    r"|ballot|attacks?|bombings?|offensive|uprising|accord|agreement|ceasefire|visit|trip"
    r"|conference|census|budget|crackdown|coup)\b"
)


def a_month(m: re.Match[str], ctx: Context) -> bool:
    """Bare months must be capitalised; 'May' and 'March' also need a preceding date cue, or
    'the' before and an event after ("the March elections", not "the May government")."""
    if not capitalized(m):
        return False
    if m["mon"].lower() in ("may", "march"):
        before = ctx.before(m.start(), 20)
        return bool(_MONTH_CUE.search(before)) or bool(
            _THE.search(before) and _DATED_NOUN_NEXT.match(ctx.after(m.end(), 30))
        )
    return True


_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|to|before|after|during|through|between|year"
    r"|early|late|mid|around|circa|fiscal|for|at|the|as|summer|spring|fall|autumn|winter|its|his"
    r"|her|their|our|that|this|whose)"
    r"[\s-]+|'s\s+|[,(]\s*|^\s*|\b(?:1\d{3}|20\d{2})(?:\s*(?:and|or|to|through|-|/)\s*))$",
    re.I,
)
_YEAR_NEXT_OK = re.compile(
    r"^(?:\s*$|\s*[^\w\s]|\s+(?:[A-Z]|(?:and|or|to|when|after|before|as|that|but|with|in|on"
    r"|at|for|because|while|until|through|election|elections|season|budget|census|olympics"
    r"|is|was|saw|marks|marked)\b))"  # "2007 is a critical year"; not "1400 injured", "2000 tons"
)


_COUNTED_NEXT = re.compile(  # "2000 hrs of community service", "1500 km": a count, not a year
    r"^\s*(?:hrs|hours|km|kms|kilomet(?:er|re)s|miles|met(?:er|re)s|feet|tons|tonnes)\b", re.I
)


def a_year(m: re.Match[str], ctx: Context) -> bool:
    """A bare 4-digit number is a year after a date cue or when no noun follows it, and never
    before a unit it counts."""
    if _COUNTED_NEXT.match(ctx.after(m.end(), 16)):
        return False
    if _YEAR_CUE.search(ctx.before(m.start(), 20)):
        return True
    return bool(_YEAR_NEXT_OK.match(ctx.after(m.end(), 20)))


def r_year(m: re.Match[str], ctx: Context) -> Res | None:
    """1998, fiscal 1989."""
    return Res(TimexType.DATE, f"{int(m['year']):04d}", anchor="absolute")


_SPOKEN_UNITS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())
}


def spoken_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand (and) one' -> 2001."""
    w = re.sub(r"[\s-]+", " ", words.lower()).replace(" and ", " ").split()
    if w[:2] == ["two", "thousand"]:
        rest = number(" ".join(w[2:])) if w[2:] else 0.0
        return 2000 + int(rest) if rest is not None and rest < 100 else None
    head = number(w[0])
    tail = number(" ".join(w[1:])) if len(w) > 1 else None
    if head is None or tail is None or not 10 <= head <= 20:
        return None
    if w[1:2] == ["hundred"]:
        return int(head) * 100
    return int(head) * 100 + int(tail) if tail < 100 else None


SPOKEN_YEAR = r"(?:nineteen|eighteen|twenty)[\s-](?:hundred|oh[\s-]\w+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?"
# Words that make a spoken number a quantity: "two thousand years", "nineteen hundred troops".
COUNTED = r"(?:(?:more|other|odd)\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|people|persons|men|women|children|troops|soldiers|dollars|pounds|miles|tons|percent)\b"


def r_spoken_year(m: re.Match[str], ctx: Context) -> Res | None:
    """nineteen ninety-six, (January) two thousand."""
    y = spoken_year(m["sy"])
    if y is None:
        return None
    if m["mon"]:
        return Res(TimexType.DATE, f"{y:04d}-{month_number(m['mon']):02d}", anchor="absolute")
    return Res(TimexType.DATE, f"{y:04d}", anchor="absolute")


_NAME_END = re.compile(r"\b[A-Z][\w'’.-]*\s*\($")
_REIGN_END = re.compile(r"\b(?:Dynasty|Empire|Kingdom|Era|Period|Shogunate|Caliphate)\s*\($")


def r_year_range(m: re.Match[str], ctx: Context) -> Res | None:
    """2014-15, 1998/99, 2014–2016, a life '(1896-1981)': valued by its first year, interval
    over both."""
    y1 = int(m["year"])
    tail = m["y2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    # a bracketed span after a name is a life ("Mao Dun (1896-1981)") or, after a dynasty or
    # an empire, a reign ("the Qing Dynasty (1644-1911)"); elsewhere long spans are counts
    # ("1500-2000 people", "Samsung Electronics (1200-1600)", "a narrow band (1850-1900)")
    longest = 30
    if ctx.before(m.start(), 1) == "(" and ctx.after(m.end(), 1) == ")" and len(tail) == 4:
        before = ctx.before(m.start(), 30)
        if _REIGN_END.search(before):
            longest = 500
        elif _NAME_END.search(before) and y2 <= ctx.dct.year:
            longest = 110
    if not y1 < y2 <= y1 + longest:
        return None
    return Res(
        TimexType.DATE,
        f"{y1:04d}",
        anchor="absolute",
        start=date(y1, 1, 1),
        end=date(y2, 12, 31),
        granularity=Granularity.YEAR,
    )


ABS_RULES: list[Rule] = [
    Rule("iso_date", rx(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?\b"), r_iso),
    Rule("numeric_date", rx(r"(?<![\d/.])(?:[01]?\d)/(?:[0-3]?\d)/(?:\d{4}|\d{2})(?![\d/])"), r_numeric),
    Rule("full_date", rx(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})(?:\s+|(?<=\.))(?P<day>{DAYNUM})(?!\d)(?:,\s*|\s+)(?P<year>{YEAR})(?!\d)"), r_full_date, capitalized),
    Rule("full_date", rx(rf"(?<!\d)(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MON})(?!\w),?\s+(?P<year>{YEAR})(?!\d)"), r_full_date, capitalized),
    Rule("month_day", rx(rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})(?:\s+|(?<=\.))(?P<day>{DAYNUM})(?!\d|[:,.]\d|\s*(?:%|percent|per\s*cent))"), r_month_day, capitalized),
    Rule("month_day", rx(rf"(?<!\d)(?<!\d[-–])(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MON})(?!\w)(?!\.?\s*\d)"), r_month_day, capitalized),
    Rule("month_year", rx(rf"\b(?P<mon>{MON})\.?,?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d)"), r_month_year, capitalized),
    Rule("month", rx(rf"\b(?P<mon>{MON_FULL})(?!\w)"), r_month, a_month),
    Rule("spoken_year", rx(rf"\b(?:(?P<mon>{MON_FULL})\s+|the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})\b(?![\s-]+{COUNTED})"), r_spoken_year),
    Rule("month", rx(rf"\bthe\s+month\s+of\s+(?P<mon>{MON_FULL})(?!\s*\d)"), r_month, capitalized),
    Rule("month", rx(rf"\b(?P<mon>{MON_FULL})\s+(?:of\s+)?that\s+year\b"), r_month_that_year, capitalized),
    Rule("month_rel_year", rx(rf"\b(?P<mon>{MON_FULL})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"), r_month_rel_year, capitalized),
    Rule("relative_month", rx(rf"\b(?P<rel>last|this|next)\s+(?P<mon>{MON_FULL})(?!\w)"), r_rel_month, capitalized),
    Rule("fiscal_year", rx(rf"\bfiscal(?:\s+year)?\s+(?P<year>{YEAR})(?!\d)"), r_year),
    Rule("year", rx(rf"\b(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+(?P<year>{YEAR})(?![\w%]|[.,:]\d|-\d)"), r_year),
    Rule("year", rx(rf"(?:(?<=\bmid-)|(?<![\w$€£.,/:-]))(?P<year>{YEAR})(?![\w%]|[.,:]\d|-\d|\s*(?:%|percent|per\s*cent))"), r_year, a_year),
    Rule("year_range", rx(rf"(?<![\w$€£.,/:-])(?P<year>{YEAR})\s?[-–/]\s?(?P<y2>{YEAR}|\d{{2}})(?![\w%]|[.,:]\d|-\d)"), r_year_range),
]  # fmt: skip
