"""Which day a weekday name is: the latest one in news, the next one in a future clause, the
day after the first of a pair ("Friday and Saturday") or range ("from Thursday through")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.temporal_context import Context
from timeline.temporal_lexicon import PART, WD, WEEKDAYS

_RANGE_FROM_WEEKDAY = re.compile(  # "from Thursday through", "on last Monday and", "on Friday and"
    rf"\b(?:(?:from|between)\s+(?P<wd>{WD})\s*(?:to|through|till|until|and|-|–)"
    rf"|(?:(?:last|next)\s+)?(?P<wd2>{WD})(?:\s+{PART})?\s+and)\s*$",
    re.I,
)


def weekday_date(ctx: Context, wd: int, rel: str, start: int, end: int) -> date:
    """News convention: a bare weekday is the latest such day on/before publication, or the
    next one on/after it when the sentence speaks of the future."""
    dct = ctx.dct
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    rel = rel.lower()
    if rel in ("previous", "following") and ctx.last_day is not None:
        dct = ctx.last_day  # "the previous Friday": relative to the day just mentioned
        back = (dct.weekday() - wd) % 7
        ahead = (wd - dct.weekday()) % 7
        rel = "last" if rel == "previous" else "next"
    if rel in ("last", "past", "previous"):
        return dct - timedelta(days=back or 7)
    if rel == "next":
        return dct + timedelta(days=ahead or 7)
    if rel in ("this", "coming"):
        return dct + timedelta(days=ahead)
    if (paired := _paired_day(ctx, wd, start, end)) is not None:
        return paired
    if ctx.deadline(start) or ctx.future(start, end):  # "until Monday", "will meet Monday"
        return dct + timedelta(days=ahead)
    if not back and _opens_past_pair(ctx, wd, start, end):
        return dct - timedelta(days=7)  # "raided homes on Friday and Saturday" said on a Friday
    if (
        back
        and _PRESENT_VERB.search(ctx.before(start, 50))
        and not ctx.tense(start, end, reporting=False)  # "the vote is on Sunday, officials said"
    ):
        return dct + timedelta(days=ahead)  # "most areas shift Sunday to summer time": scheduled
    return dct - timedelta(days=back)


def _paired_day(ctx: Context, wd: int, start: int, end: int) -> date | None:
    """The second day of a pair or range, after the first ("from Thursday through Friday",
    "the summit is on Friday and Saturday"); None when it ends none, or when following would
    put a past pair in the future ("raids on Friday and Saturday" said on a Friday)."""
    opening = _RANGE_FROM_WEEKDAY.search(ctx.before(start, 40))
    if opening is None or ctx.last_day is None:
        return None
    first = WEEKDAYS[(opening["wd"] or opening["wd2"]).lower()]
    # "last Friday and Thursday" is no pair; "Sunday and Monday" is
    if ctx.last_day.weekday() != first or not (opening["wd"] or 1 <= (wd - first) % 7 <= 3):
        return None
    follows = ctx.last_day + timedelta(days=(wd - first) % 7 or 7)
    past = ctx.tense(start, end, reporting=False) == "past"
    return follows if follows <= ctx.dct or opening["wd"] or not past else None


def _opens_past_pair(ctx: Context, wd: int, start: int, end: int) -> bool:
    """Whether this weekday opens a pair in a past-tense sentence ('on Friday and Saturday')."""
    pair = _PAIR_NEXT.match(ctx.text, end)
    return bool(
        pair
        and 1 <= (WEEKDAYS[pair["wd"].lower()] - wd) % 7 <= 3
        and ctx.tense(start, end, reporting=False) == "past"
    )


_PAIR_NEXT = re.compile(rf"(?:\s+{PART})?\s+and\s+(?:on\s+)?(?P<wd>{WD})\b", re.I)


# A present-tense verb right before a weekday, in a sentence with no past or future cue.
_PRESENT_VERB = re.compile(  # "the vote is Sunday", "shift Sunday", "flies into Tokyo on Monday"
    r"\b(?-i:is|are)\s+(?:on\s+)?$"  # not "are investigating the attack on Monday", not "IS"
    # verbs that are never plural nouns may stand a few words before the day ...
    r"|\b(?:shifts?|flies|fly|travels?|arrives?|leaves?|goes|go|meets?|begins?|resumes?"
    r"|takes?\s+place)\s+(?:[\w.'’-]+\s+){0,3}?(?:on\s+)?$"
    # ... the others only right before it ("heads of state gather Monday")
    r"|\b(?:opens?|closes?|starts?|ends?|plays?|faces?|hosts?|visits?|returns?|heads?|holds?)"
    r"\s+(?:on\s+)?$",
    re.I,
)
