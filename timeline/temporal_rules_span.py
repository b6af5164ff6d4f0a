"""Rules for durations (three years), sets (every week), vague references (now, recently,
the future) and anaphora resolved against the previous expression (earlier in the day,
since then, the next day)."""

# ruff: noqa: E501 -- the rule tables keep one regex per line

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.models import Granularity, TimexType
from timeline.temporal_context import Context, Res
from timeline.temporal_lexicon import (
    MON_FULL,
    NAME_NEXT,
    NUM,
    PART,
    PARTS_OF_DAY,
    SEASONS,
    UNIT,
    WD,
    WEEKDAYS,
    month_number,
    number,
    unit_name,
)
from timeline.temporal_rules_abs import Rule, rx
from timeline.temporal_values import duration, interval, shift

_RATE_BEFORE = re.compile(  # an amount right before, not a year ("moved in 2001 a year after")
    r"(?<![\w,.])(?:(?!(?:1[5-9]|20)\d\d\b)\d|million|billion|trillion|percent|%|dollars|euros|pounds|cents|times|once|twice"
    r"|barrels|tons|tonnes)\S*\s+$"
    # an amount in a unit of its own: "1,600 yuan a month", "50 km a day"
    r"|\d[\d,.]*\s+(?!(?:in|on|at|for|and|or|of|to|by|than|from|with|over|per)\s)[a-z]{2,}\s+$"
    # a counted plural right before: "four flights a week", "700 seats a week"
    r"|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand))\S*"
    r"\s+(?:[a-z-]+\s+)?[a-z]+s\s+$",
    re.I,
)


def r_duration(m: re.Match[str], ctx: Context) -> Res | None:
    """three years, a five-year plan, the past two months, 24 hours, a week."""
    n = number(m["n"])
    unit = unit_name(m["u"])
    half = m["half"] or ("half2" in m.re.groupindex and m["half2"])
    if half and n is not None:
        n += 0.5
    if m["n"].lower() in ("a", "an") and unit in ("second", "minute", "quarter") and not half:
        return None  # "a second time", "wait a minute", "a quarter of the vote"
    if m["n"].lower() in ("a", "an") and m["u"].lower().endswith("s"):
        return Res(TimexType.DURATION, duration(None, unit), anchor="absolute")  # "a months-long"
    if m["n"].lower() in ("a", "an", "per") and _RATE_BEFORE.search(ctx.before(m.start(), 30)):
        return Res(TimexType.SET, duration(1, unit), anchor="absolute")  # "$5 million a year"
    return Res(TimexType.DURATION, duration(n, unit), anchor="absolute")


def r_half_unit(m: re.Match[str], ctx: Context) -> Res | None:
    """half an hour (PT30M), half a century (P50Y), a half-day strike (PT12H)."""
    return Res(TimexType.DURATION, duration(0.5, unit_name(m["u"] or m["u2"])), anchor="absolute")


def r_unit_long(m: re.Match[str], ctx: Context) -> Res | None:
    """'the decade-long war', 'its year-long inquiry': one unit."""
    return Res(TimexType.DURATION, duration(1, unit_name(m["u"])), anchor="absolute")


_OF_NEXT = re.compile(r"^\s+of\b", re.I)
_FUNCTION_NEXT = re.compile(  # title case: "Two Years In Jail", "Three Weeks After The Storm"
    r"^\s+(?:After|Before|In|On|At|Of|For|To|From|Since|Ago|Later|Earlier|And|Or|The|A|An|With"
    r"|Into|Until|Of)\b"
)
_AGE = re.compile(r"^[\s-]+(?:old|older|younger)\b", re.I)  # ages and age gaps


_PERIOD_OF = re.compile(
    r"\s+of\s+(?:(?:this|last|next|the)\s+(?:fiscal\s+)?year\b|(?:fiscal\s+)?(?:1\d|20)\d\d\b)",
    re.I,
)


def a_duration(m: re.Match[str], ctx: Context) -> bool:
    """Ages ('a 52-year-old man', '52 years old') are not time expressions in TimeML news, nor
    is a compound noun after a plural amount ('tens of thousands of day laborers')."""
    if re.search(r"s\s+of$", m["n"] or "", re.I) and not m["u"].lower().endswith("s"):
        return False
    if m["u"].lower().startswith("quarter") and (
        "-quarters" in m.group().lower()
        or (_OF_NEXT.match(ctx.after(m.end(), 6)) and not _PERIOD_OF.match(ctx.after(m.end(), 20)))
    ):
        return False  # fractions: "three-quarters of its food", not "three quarters of 2005"
    if (
        m.group()[0].isupper()
        and m["u"][0].isupper()
        and NAME_NEXT.match(ctx.after(m.end(), 20))
        and not _FUNCTION_NEXT.match(ctx.after(m.end(), 20))
    ):
        return False  # a name: "the Six-Day War"; not "Three Weeks After The Storm"
    return not m.group().lower().endswith("old") and not _AGE.match(ctx.after(m.end(), 8))


def r_vague_duration(m: re.Match[str], ctx: Context) -> Res | None:
    """years, recent months, the coming weeks: a duration of unknown length; 'recent years'
    is the vague past (it names no length anyone could measure)."""
    rel = (m["rel"] or "").lower()
    if rel == "recent" and m["u"].lower() in ("years", "decades"):
        return Res(TimexType.DATE, "PAST_REF")
    return Res(TimexType.DURATION, duration(None, unit_name(m["u"])), anchor="absolute")


_DURATION_CUE = re.compile(
    r"\b(?:for|within|over|after|in|of|from|spanning|lasting|lasts|lasted|takes?|took|taken"
    r"|spent|spend|spends|spending)\s+$",
    re.I,
)
# "months of talks" is a duration, "months of June and July" is not
_OF_AFTER = re.compile(rf"^\s+of\s+(?!the\b|a\b|an\b|{MON_FULL}|{WD}|\d)", re.I)


def a_vague_duration(m: re.Match[str], ctx: Context) -> bool:
    """A bare plural unit is a duration only with a modifier, after 'for/within/over...' or
    before 'of' ('months of talks'); never an age ('several days old')."""
    if _AGE.match(ctx.after(m.end(), 10)):
        return False
    if ctx.before(m.start(), 1) == "-" or _COUNT_BEFORE.search(ctx.before(m.start(), 12)):
        return False  # "three-quarters of its food"; "the first three quarters" is not vague
    if m["rel"] or _DURATION_CUE.search(ctx.before(m.start(), 12)):
        return True
    return bool(_OF_AFTER.match(ctx.after(m.end(), 12)) or _LATER.match(ctx.after(m.end(), 14)))


_COUNT_BEFORE = re.compile(  # a counted plural: "the first three quarters", "24 hours"
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred))\s+$",
    re.I,
)
_LATER = re.compile(r"^\s+(?:later|earlier|afterwards?)\b", re.I)  # "months later"


def r_set(m: re.Match[str], ctx: Context) -> Res | None:
    """every week, each Friday, each July, every two years, twice a month."""
    word = m["u"].lower()
    n = number(m["n"]) if m["n"] else 1.0
    if word in WEEKDAYS or word.rstrip("s") in WEEKDAYS:
        return Res(TimexType.SET, f"XXXX-WXX-{WEEKDAYS[word.rstrip('s')] + 1}", anchor="absolute")
    if word in PARTS_OF_DAY:
        return Res(TimexType.SET, f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", anchor="absolute")
    if word in SEASONS:
        return Res(TimexType.SET, f"XXXX-{SEASONS[word]}", anchor="absolute")
    if re.fullmatch(MON_FULL, word, re.I):
        return Res(TimexType.SET, f"XXXX-{month_number(word):02d}", anchor="absolute")
    if m["other"]:
        n = (n or 1.0) * 2
    return Res(TimexType.SET, duration(n if n else None, unit_name(word)), anchor="absolute")


_ADVERB_SET = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M", "annually": "P1Y",
    "yearly": "P1Y", "annual": "P1Y", "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“]\s*|\n\s*)$")


# "the leading economic daily said", "the weekly Der Spiegel": a publication, not a frequency
_PAPER_BEFORE = re.compile(
    # between article and noun only adjective-like words: names, compounds, -ic, -al, -ese ...
    r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Aa]nother)|['’]s)\s+(?:(?:[A-Z][\w'’]*|\w+-[\w-]+"
    r"|[a-z]+(?:ing|ic|al|an|ese|ish|ist|ent|ant|ive|ous|ful|ar|ary|ern|ess))\s+){0,3}$"
)
_PAPER_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:said|says|reported|reports|quoted|cited|wrote|writes|added"
    r"|published|claimed|noted|ran|described|called|carried|commented|warned|urged|quoted)\b"
    r"|\s+[A-Z]"
)


_PAPER_NAME_NEXT = re.compile(r"\s+(?:The|Der|Die|Le|La|El|Al)\s+[A-Z]")


def a_adverb_set(m: re.Match[str], ctx: Context) -> bool:
    """'Daily' capitalised inside a sentence is a name ('the Daily Mail', 'RT – Daily news'),
    and 'the daily said' is a newspaper."""
    if _PAPER_BEFORE.search(ctx.before(m.start(), 50)) and _PAPER_AFTER.match(ctx.after(m.end())):
        return False
    if _PAPER_NAME_NEXT.match(ctx.after(m.end())):
        return False  # "local daily The Bangladesh Observer", "the weekly Der Spiegel"
    return not m["w"][0].isupper() or bool(_SENTENCE_START.search(ctx.before(m.start(), 6)))


def r_adverb_set(m: re.Match[str], ctx: Context) -> Res | None:
    """daily, weekly, annually."""
    return Res(TimexType.SET, _ADVERB_SET[m["w"].lower()], anchor="absolute")


_REFS = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "present": "PRESENT_REF", "moment": "PRESENT_REF",
    "days": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF", "past": "PAST_REF",
    "recent": "PAST_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
    "date": "FUTURE_REF", "term": "FUTURE_REF",
}  # fmt: skip


def r_ref(m: re.Match[str], ctx: Context) -> Res | None:
    """now, currently, recently, the past, the future, soon."""
    value = _REFS[m["w"].lower().split()[-1]]
    if value == "PRESENT_REF":  # the publication day itself
        return Res(TimexType.DATE, value, start=ctx.dct, end=ctx.dct, granularity=Granularity.DAY)
    return Res(TimexType.DATE, value)


_HOPE_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|'ll|hopes?|hoping|wants?|expects?|dreams?|wish(?:es)?)\b",
    re.I,
)


def a_one_day_end(m: re.Match[str], ctx: Context) -> bool:
    """'one day' closing a clause is 'someday' after a modal or a wish: "She will be president
    one day", "he expects Terry to be captain one day"."""
    left, _ = ctx.sentence(m.start(), m.end())
    if _SPAN_VERB.search(ctx.before(m.start(), 20)):
        return False  # "will last one day": a length
    hopes = list(_HOPE_BEFORE.finditer(ctx.text, left, m.start()))
    return bool(hopes) and not _PERFECT.search(ctx.text, hopes[-1].end(), m.start())


_PERFECT = re.compile(r"\b(?:had|has|have|was|were|been)\b", re.I)  # "had only been in the job"


_SPAN_VERB = re.compile(
    r"\b(?:last|lasts|lasting|take|takes|took|spend|spent|stay|stayed|wait|waited|only|just)\s+$",
    re.I,
)


def r_future_day(m: re.Match[str], ctx: Context) -> Res | None:
    """'will one day', 'someday': FUTURE_REF."""
    return Res(TimexType.DATE, "FUTURE_REF")


_SOON_BAD = re.compile(  # "soon after", "shortly afterwards": a relation, not the future
    r"^\s+(?:as|after|afterwards?|before|beforehand|thereafter|than|enough)\b", re.I
)


def a_ref(m: re.Match[str], ctx: Context) -> bool:
    """'as soon as', 'soon after' are conjunctions, not references to the future; 'the
    Future Economic Forum' is a name."""
    word = m["w"].lower()
    if m["w"].split()[-1][0].isupper() and NAME_NEXT.match(ctx.after(m.end(), 20)):
        return False
    if ctx.before(m.start(), 1) == "-":
        return False  # part of a name: "Song Min-soon"
    if word in ("soon", "shortly"):
        return not _SOON_BAD.match(ctx.after(m.end(), 16)) and not ctx.before(
            m.start(), 4
        ).lower().endswith("as ")
    return True


def _previous_day(ctx: Context) -> tuple[date, str]:
    """The last day-precise date mentioned, else the publication day."""
    if ctx.last_day is not None:
        return ctx.last_day, "previous"
    return ctx.dct, "publication"


def r_same_day(m: re.Match[str], ctx: Context) -> Res | None:
    """earlier in the day, later that day, the same day: the day just mentioned."""
    day, anchor = _previous_day(ctx)
    return _day_res(day, m["part"], anchor)


def _day_res(day: date, part: str | None, anchor: str) -> Res:
    """A DATE, or a TIME such as 1998-08-07TNI when a part of the day is named ('that night')."""
    if part:
        return Res(TimexType.TIME, f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", anchor=anchor)
    return Res(TimexType.DATE, day.isoformat(), anchor=anchor)


_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "before": -1, "after": 1}


def r_next_day(m: re.Match[str], ctx: Context) -> Res | None:
    """the next day, the day before, the previous day: one day from the day just mentioned."""
    day, anchor = _previous_day(ctx)
    step = _STEP[(m["rel"] or m["dir"]).lower()]
    return _day_res(day + timedelta(days=step), m["part"], anchor)


def r_then(m: re.Match[str], ctx: Context) -> Res | None:
    """since then, until then: the time of the previous expression."""
    if not ctx.last_value:
        return None
    gran, start, end = interval(ctx.last_value)
    return Res(
        TimexType.DATE, ctx.last_value, anchor="previous", start=start, end=end, granularity=gran
    )


def r_that_unit(m: re.Match[str], ctx: Context) -> Res | None:
    """that year, the year before: the year/month of the previous expression (or one off)."""
    _, start, _ = interval(ctx.last_value or "")
    if start is None:
        return None
    step = _STEP[m["dir"].lower()] if "dir" in m.re.groupindex else 0  # "the year before"
    value = shift(start, m["u"].lower(), step)
    return Res(TimexType.DATE, value, anchor="previous") if value else None


_DUR_MOD = r"(?:past|last|next|first|coming|previous|following|final|remaining|latest|entire|whole|full|same|further|additional|extra)"
_DUR_ADJ = r"(?:(?:more|additional|extra|further|trading|business|working|calendar|straight|consecutive|full|long|short)\s+)?"
_SET_UNIT = rf"{UNIT}|{WD}s?|{MON_FULL}|{PART}s?|spring|summer|fall|autumn|winter"
_PRESENT = r"right\s+now|now|nowadays|currently|presently|at\s+present|at\s+the\s+moment|these\s+days|the\s+present|current"

_MODAL_BEFORE = "".join(
    rf"(?<=\b{w}\s)" + "|" for w in "will would could may might can should shall".split()
).rstrip("|")

SPAN_RULES: list[Rule] = [
    # "Islam will one day be ...", "someday": an unknown future time, not a one-day duration
    Rule("one_day", rx(rf"(?:{_MODAL_BEFORE})(?:one|some)\s+day\b(?!\s+(?:after|before|later|earlier|of)\b)|(?-i:\bOne)\s+day\b(?=,?\s+(?:(?!(?:was|were|had|said|went|came|got|took|saw|made|\w+ed|\d+)\b)[\w'’-]+\s+){{0,9}}?(?:could|will|would|may|might|can|shall)\b)(?!\s+(?:after|before|later|earlier|of)\b)|\bsomeday\b|\bsome\s+day(?=\s*,|\s+(?:we|he|she|they|I|you|it|soon)\b)"), r_future_day),
    Rule("one_day", rx(r"(?<!\bfor\s)(?<!\bin\s)(?<!\bwithin\s)\bone\s+day(?=\s*[,.;!?]|\s+(?:although|but|though|too)\b)"), r_future_day, a_one_day_end),
    Rule("duration", rx(rf"\b(?:the\s+(?:{_DUR_MOD}\s+)?(?!{NUM}-)|an?\s+{_DUR_MOD}\s+)?(?P<n>{NUM})(?P<half>[\s-]+and[\s-]+(?:a[\s-]+)?half)?[\s-]+{_DUR_ADJ}(?P<u>{UNIT})(?P<half2>\s+and\s+a\s+half)?(?:[\s-]long|\s+or\s+(?:so|two|three|more))?\b(?!-(?:earlier|ago|old|end))"), r_duration, a_duration),
    Rule("duration_range", rx(rf"\b(?:the\s+{_DUR_MOD}\s+)?(?P<n>{NUM})\s*(?:to|or|-|–|and)\s*(?:{NUM})[\s-]+(?P<u>{UNIT})\b(?P<half>)?"), r_duration, a_duration),
    Rule("unit_long", rx(r"(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|(?<=['’]s\s))(?P<u>century|decade|year|month|week|day)[\s-]long\b"), r_unit_long),
    Rule("half_unit", rx(r"\bhalf\s+an?\s+(?P<u>hour|minute|day|year|month|century|decade)\b|\b(?:a\s+)?half[\s-](?P<u2>hour|day|year|century|decade)\b(?![\s-]?(?:ly|mark|time)\b)"), r_half_unit),
    Rule("duration_vague", rx(r"\b(?:(?P<rel>recent|coming|past|the\s+past|the\s+last|the\s+coming|the\s+next|the\s+following|several|many|few|the\s+(?:first|final|early|opening)|(?:(?<=\bover\s)|(?<=\bthrough\s))the)\s+)?(?P<u>years|months|weeks|days|decades|hours|minutes|seconds|centuries|quarters)(?:\s+(?:or|to)\s+(?:years|months|weeks|days|decades|hours|minutes))?\b"), r_vague_duration, a_vague_duration),
    Rule("duration_vague", rx(r"\bthe\s+(?:(?:next\s+)?few\s+)?(?P<rel>)(?P<u>years|months|weeks|days|hours|quarters)\s+ahead\b"), r_vague_duration),
    Rule("set", rx(rf"\b(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<n>{NUM})(?:\s*(?:to|-|–|or)\s*{NUM})?\s+)?(?P<u>{_SET_UNIT})\b"), r_set),
    Rule("set", rx(rf"\b(?:once|twice|thrice|\w+\s+times)\s+(?:a|an|per|each|every)\s+(?P<u>{UNIT})(?P<n>)?(?P<other>)?\b"), r_set),
    Rule("set", rx(rf"\b(?:on\s+)(?P<t>(?P<u>{WD}s))(?P<n>)?(?P<other>)?\b"), r_set),
    Rule("set", rx(r"\b(?:(?:twice|thrice)-)?(?P<w>hourly|daily|nightly|weekly|biweekly|monthly|bimonthly|annually|yearly|semiannually|biannually)\b"), r_adverb_set, a_adverb_set),
    Rule("present_ref", rx(rf"\b(?P<w>{_PRESENT})\b"), r_ref),
    Rule("past_ref", rx(rf"\b(?P<w>recently|lately|formerly|the\s+past)\b(?!\s+(?:half|weeks|months|years|days|decades|{NUM}\b))"), r_ref),
    Rule("future_ref", rx(r"\b(?P<w>the\s+(?:near\s+|distant\s+|foreseeable\s+|not[\s-]+(?:too|so)[\s-]+distant\s+)?future|(?<=\bin\s)future(?=\s*[,.;:!?)]|\s+(?:we|he|she|they|it|you|I|the|this|these|there|all|any|such|more)\b)|soon|shortly|a\s+later\s+date|the\s+(?:near|short|long)\s+term)\b"), r_ref, a_ref),
    Rule("same_day", rx(r"\b(?:(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day|that\s+day|the\s+same\s+day|that\s+(?P<part>morning|afternoon|evening|night))\b"), r_same_day),
    # "by mid afternoon", "in the early morning": that part of the day just mentioned
    Rule("part_of_day", rx(r"\b(?:the\s+)?(?P<pos>early|mid|late)[\s-]*(?P<part>morning|afternoon|evening)\b(?!\s+(?:paper|news|show|edition|session|rush|yesterday|today|tomorrow)\b)"), r_same_day),
    Rule("next_day", rx(r"\bthe\s+(?:(?P<rel>next|following|previous|preceding)\s+(?:day\b|(?P<part>morning|afternoon|evening|night)\b)|day\s+(?P<dir>before|after)(?=\s*(?:[,.;:)]|$)))"), r_next_day),
    Rule("since_then", rx(r"(?:(?<=\bsince\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)|(?<=\bfrom\s))then\b"), r_then),
    Rule("that_unit", rx(r"\bthe\s+(?P<u>year|month|week)\s+(?P<dir>before|after)(?=\s*(?:[,.;:)]|$))"), r_that_unit),
    Rule("that_unit", rx(r"\b(?:that|the\s+same)\s+(?P<u>year|month|week)\b"), r_that_unit),
]  # fmt: skip
