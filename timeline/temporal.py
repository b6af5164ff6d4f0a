"""Find date/time expressions in a text and resolve them against the publication date.

A HeidelTime-like cascade: small regex rules (temporal_rules_*) propose spans, the leftmost
longest span that its rule can resolve wins, modifiers around it ("early", "about", "since")
are folded in, and each expression records the rule that resolved it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from timeline.models import Granularity, TimeExpression, TimexType
from timeline.settings import DEFAULT, Settings
from timeline.temporal_context import Context, Res
from timeline.temporal_holidays import HOLIDAY_RULES
from timeline.temporal_lexicon import (
    APPROX,
    APPROX_RE,
    POSITION_MOD,
    POSITION_RE,
    trigger_windows,
    windows_for,
)
from timeline.temporal_rules_abs import ABS_RULES, Rule
from timeline.temporal_rules_clock import CLOCK_RULES
from timeline.temporal_rules_days import DAY_RULES
from timeline.temporal_rules_period import PERIOD_RULES
from timeline.temporal_rules_rel import REL_RULES
from timeline.temporal_rules_span import SPAN_RULES
from timeline.temporal_values import apply_mod, interval, join_durations

logger = logging.getLogger(__name__)

# Trigger classes (temporal_lexicon.TRIGGERS) a match of each rule must contain one word of.
NEEDS: dict[str, tuple[str, ...]] = {
    "iso_date": ("num",), "numeric_date": ("num",), "full_date": ("mon",), "part_of_date": ("mon",),
    "month_day": ("mon",), "range_end_day": ("num", "mon"), "range_open_day": ("mon",),
    "range_open_month": ("mon",), "short_year": ("num",), "month_year": ("mon",),
    "spoken_year": ("word",),
    "month_rel_year": ("mon",), "relative_month": ("mon",), "month": ("mon",),
    "fiscal_year": ("num",), "year": ("num",),
    "year_range": ("num",), "decade": ("num", "word"), "century": ("unit",),
    "quarter": ("unit", "num", "word"), "year_quarter": ("unit",), "half": ("word", "num"),
    "season": ("season",), "weekday": ("wd",), "deictic": ("part",), "part_of_day": ("part",),
    "clock": ("num", "part"),
    "ordinal_day": ("num",), "relative_unit": ("unit",), "relative_season": ("season",),
    "the_unit": ("unit",), "year_end": ("unit",), "weekend": ("unit",), "ago": ("unit",),
    "year_earlier": ("unit",), "duration": ("unit",), "duration_range": ("unit",),
    "duration_vague": ("unit",), "set": ("unit", "wd", "mon", "part", "season", "word"),
    "present_ref": ("ref", "unit"), "past_ref": ("ref",), "future_ref": ("ref",),
    "one_day": ("unit", "ref"), "same_day": ("unit", "part"), "next_day": ("unit", "part"),
    "since_then": ("word",), "that_unit": ("unit",), "holiday": ("hol", "unit"),
    "year_ago_quarter": ("unit",), "half_unit": ("unit",), "overnight": ("part",),
    "early_hours": ("unit",), "unit_long": ("unit",), "same_unit": ("unit",),
    "this_time_year": ("unit",),
}  # fmt: skip
ALL_CLASSES = ("mon", "wd", "unit", "ref", "part", "season", "hol", "word", "num")
RULES: list[Rule] = [
    replace(r, needs=NEEDS.get(r.name, ALL_CLASSES))
    for r in DAY_RULES
    + ABS_RULES
    + PERIOD_RULES
    + REL_RULES
    + CLOCK_RULES
    + SPAN_RULES
    + HOLIDAY_RULES
]
_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_NOUN_AFTER = re.compile(r"\s+[a-z]")  # "five-year term": the duration is an adjective
_SINCE_RE = re.compile(r"\bsince\s+$", re.I)
_COMPOUND_NEXT = re.compile(  # "a year-on-year rise", "day-to-day", "second-line drugs"
    r"-(?:[Oo]n|[Oo]ver|[Tt]o|[Bb]y|[Aa]fter|[Ii]n)-|-(?!long\b|old\b)[a-z]"
)
# a plain unit ends the span ("a year", "six second"), not a month or an adjective ("four-year")
_UNIT_END = re.compile(
    r"(?<![-\w])(?:second|minute|hour|day|week|month|year|quarter|decade|century)s?$",
    re.I,
)
_ABOUT_RE = re.compile(r"\b(?:about|around|approximately|roughly|circa|some\s?time)\s+$", re.I)
_QUANTITY_RULES = ("duration", "ago")

Candidate = tuple[int, int, int, Rule, re.Match[str]]


def find_expressions(
    text: str, published: datetime, settings: Settings = DEFAULT
) -> list[TimeExpression]:
    """Date/time expressions of text resolved against published: sorted, non-overlapping."""
    ctx = Context(text=text, published=_local(published, settings), settings=settings)
    out: list[TimeExpression] = []
    pos = 0
    for start, end, _, rule, m in _candidates(text, ctx):
        if start < pos:
            continue
        res = _resolve(rule, m, ctx)
        if res is None:
            continue
        expr = _build(text, start, end, rule.name, res, ctx, pos)
        if out and (joined := _joined(text, out[-1], expr)) is not None:
            out[-1] = expr = joined  # "1 hour 26 minutes and 43 seconds": one duration
        else:
            out.append(expr)
        _remember(ctx, expr)
        pos = expr.char_end
    return out


_DURATION_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")


def _joined(text: str, prev: TimeExpression, expr: TimeExpression) -> TimeExpression | None:
    """prev and expr as one duration when only a comma or 'and' parts them and expr's units
    are all smaller ('two years and three months'), else None."""
    if prev.type is not TimexType.DURATION or expr.type is not TimexType.DURATION or expr.mod:
        return None
    if not _DURATION_GAP.fullmatch(text, prev.char_end, expr.char_start):
        return None
    value = join_durations(prev.value, expr.value)
    if value is None:
        return None
    return replace(
        prev, text=text[prev.char_start : expr.char_end], char_end=expr.char_end, value=value
    )


def _local(published: datetime, settings: Settings) -> datetime:
    """The publication time as a naive datetime in the configured time zone."""
    if published.tzinfo is None:
        return published
    try:
        return published.astimezone(ZoneInfo(settings.timezone)).replace(tzinfo=None)
    except (KeyError, ValueError, OverflowError):
        return published.replace(tzinfo=None)


def _candidates(text: str, ctx: Context) -> list[Candidate]:
    """Every accepted rule match, leftmost first, longest first, then rule order."""
    found: list[Candidate] = []
    spans = trigger_windows(text)
    cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for order, rule in enumerate(RULES):
        has_t = "t" in rule.regex.groupindex
        if rule.needs not in cache:
            cache[rule.needs] = windows_for(spans, rule.needs)
        for m in _matches(rule.regex, text, cache[rule.needs]):
            start, end = m.span("t") if has_t and m.group("t") else m.span()
            if end <= start or text[start].isspace() or text[end - 1].isspace():
                continue
            if _COMPOUND_NEXT.match(text, end) and _UNIT_END.search(text, start, end):
                continue  # "a year-on-year rise", "day-to-day", "the six second-line drugs"
            if rule.accept is not None and not rule.accept(m, ctx):
                continue
            found.append((start, end, order, rule, m))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    return found


def _matches(
    regex: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Matches of regex inside the windows (lookbehinds still see the text before them)."""
    for lo, hi in windows:
        yield from regex.finditer(text, lo, hi)


def _resolve(rule: Rule, m: re.Match[str], ctx: Context) -> Res | None:
    """Run a rule's resolver; calendar errors (31 February, year 99999) mean no value."""
    try:
        res = rule.resolve(m, ctx)
        if res is not None and res.value.startswith(("-", "0000")):
            return None  # before year 1: off the calendar
        return res
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError) as exc:
        logger.debug("rule %s failed on %r: %s", rule.name, m.group(), exc)
        return None


def _build(
    text: str, start: int, end: int, rule: str, res: Res, ctx: Context, floor: int
) -> TimeExpression:
    """Fold surrounding modifiers into the span and compute the calendar interval."""
    mod, position = res.mod, ""
    before = text[max(floor, start - 40) : start]
    calendar = res.type in (TimexType.DATE, TimexType.TIME) and res.value not in _REFS
    if calendar and (pm := POSITION_RE.search(before)):
        position = (pm.group(1) or pm.group(2)).lower()
        mod = mod or POSITION_MOD[position]
        start -= len(before) - pm.start()
    elif calendar and rule not in _QUANTITY_RULES and (am := _ABOUT_RE.search(before)):
        mod = mod or "APPROX"  # "around Nov. 1", "sometime next year"
        start -= len(before) - am.start()
    elif (res.type is TimexType.DURATION or rule in _QUANTITY_RULES) and not text[
        start:end
    ].lower().startswith("the "):
        am = APPROX_RE.search(before)
        if (
            am
            and rule == "duration"
            and am.group().lower().startswith("the")
            and "-" in text[start:end]
            and _NOUN_AFTER.match(text, end)
        ):
            am = None  # "the next five-year term": "the next" is the term's, not the duration's
        if am:
            words = re.sub(r"\s+", " ", am.group().strip().lower())
            mod = mod or APPROX.get(words, APPROX.get(words.split(" ", 1)[-1], ""))
            start -= len(before) - am.start()
    gran, lo, hi = _interval(res, ctx)
    if calendar and _SINCE_RE.search(before) and not mod:
        mod = "ON_OR_AFTER"
    lo, hi = _narrow(mod, position, lo, hi, ctx.dct)
    return TimeExpression(
        text=text[start:end],
        char_start=start,
        char_end=end,
        type=res.type,
        value=res.value,
        granularity=gran,
        start=lo,
        end=hi,
        mod=mod,
        rule=rule,
        anchor=res.anchor,
    )


def _interval(res: Res, ctx: Context) -> tuple[Granularity, date | None, date | None]:
    """Granularity and interval: given by the rule, else derived from a DATE/TIME value."""
    if res.granularity is not None:
        return res.granularity, res.start, res.end
    if res.type in (TimexType.DATE, TimexType.TIME):
        return interval(res.value)
    return Granularity.NONE, None, None


def _narrow(
    mod: str, position: str, lo: date | None, hi: date | None, dct: date
) -> tuple[date | None, date | None]:
    """Apply the modifier; 'earlier/later this month' is cut at the publication day."""
    if lo is not None and hi is not None and position in ("earlier", "later") and lo <= dct <= hi:
        return (lo, dct) if position == "earlier" else (dct, hi)
    return apply_mod(mod, lo, hi)


def _remember(ctx: Context, expr: TimeExpression) -> None:
    """Keep the last calendar expression for anaphora ('since then', 'earlier in the day')."""
    if expr.type not in (TimexType.DATE, TimexType.TIME) or expr.value in _REFS:
        return
    if expr.start is None:
        return
    if expr.anchor != "previous":  # "a year earlier" chains stay on the period first named
        ctx.last_value = expr.value
        ctx.history.append((expr.value, expr.char_end))
    if expr.granularity in (Granularity.DAY, Granularity.TIME):
        ctx.last_day = expr.start
