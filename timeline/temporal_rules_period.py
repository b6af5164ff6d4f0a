"""Rules for periods of the calendar: decades, centuries, quarters (fiscal too), halves and
seasons. Each rule: a regex for the span and a resolver that returns a `Res` or None."""

# ruff: noqa: E501 -- the rule table keeps one regex per line

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.models import TimexType
from timeline.temporal_context import Context, Res
from timeline.temporal_lexicon import DECADE_WORDS, NAME_NEXT, ORDINALS, SEASONS, YEAR
from timeline.temporal_rules_abs import SPOKEN_YEAR, Rule, rx, spoken_year
from timeline.temporal_values import interval, quarter_of
from timeline.temporal_years import rel_year


def r_decade(m: re.Match[str], ctx: Context) -> Res | None:
    """the 1990s, the '90s, the nineties -> 199X; the 1800s -> 18 (the century)."""
    if m["dec"] and m["dec"].endswith("0") and int(m["dec"]) < 200:
        return Res(TimexType.DATE, m["dec"][:2], anchor="absolute")  # the 1800s: a century
    if m["dec"]:
        return Res(TimexType.DATE, f"{m['dec']}X", anchor="absolute")
    if m["d2"] or m["d3"]:  # "the '90s": the latest such decade begun by the publication year
        start = _latest(2000 + int(m["d2"] or m["d3"]) * 10, ctx)
        return Res(TimexType.DATE, f"{start // 10}X")
    return Res(TimexType.DATE, f"19{DECADE_WORDS[m['word'].lower()]}X", anchor="absolute")


_THE_BEFORE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]*)?$", re.I)
_NOT_YEARS = re.compile(  # temperatures, percentages, ages, prices and indexes
    r"\b(?:temperatures?|degrees?|highs?|lows?|percent|per\s+cent|scores?|speeds?|mph|aged?"
    r"|stocks?|shares?|prices?|index|traded|trading|yields?|polls?|ratings?)\b",
    re.I,
)


def a_decade(m: re.Match[str], ctx: Context) -> bool:
    """'the 90s' without an apostrophe is a decade only after 'the' (or 'the mid-') and away
    from temperatures, percentages and ages ('highs in the 90s')."""
    if not m["d3"]:
        return True
    left = ctx.before(m.start("d3"), 60)
    right = ctx.after(m.end(), 12)[:9]  # "the 90s percent", not "the 90s crime was high"
    return bool(_THE_BEFORE.search(left)) and not _NOT_YEARS.search(f"{left} {right}")


_YEAR_PREP = re.compile(r"\b(?:in|of|since|until)\s$", re.I)


def a_short_year(m: re.Match[str], ctx: Context) -> bool:
    """'98 is a year only right after in/of/since/until ("in '98", "the class of '85")."""
    return bool(_YEAR_PREP.search(ctx.before(m.start(), 8)))


def r_short_year(m: re.Match[str], ctx: Context) -> Res | None:
    """'98 after a preposition: the latest such year up to the publication year."""
    return Res(TimexType.DATE, f"{_latest(2000 + int(m['yy']), ctx):04d}")


def _latest(year: int, ctx: Context) -> int:
    """A year of this century written with two digits, else a century earlier when it has
    not yet come ('98 -> 1998, '09 -> 2009)."""
    return year if year <= ctx.dct.year else year - 100


_OWNER_BEFORE = re.compile(r"\b(?:his|her|their|my|our|your)\s+$", re.I)


def a_century(m: re.Match[str], ctx: Context) -> bool:
    """'his fifth century' counts hundreds (of runs), not a century of the calendar."""
    return not _OWNER_BEFORE.search(ctx.before(m.start(), 12))


def r_century(m: re.Match[str], ctx: Context) -> Res | None:
    """the 20th century -> 19."""
    n = int(m["n"]) if m["n"] else ORDINALS.get(m["w"].lower().replace(" ", "-"), 0)
    if not 1 <= n <= 30:
        return None
    return Res(TimexType.DATE, f"{n - 1:02d}", anchor="absolute")


def r_quarter(m: re.Match[str], ctx: Context) -> Res | None:
    """the third quarter (of 2021), Q3 2021, third-quarter."""
    q = int(m["q"]) if m["q"] else ORDINALS[m["ord"].lower()]
    year = m["y1"] or m["y2"]
    y = int(year) if year else rel_year(ctx, m["rel"] or m["rel2"], m.start())
    if y is not None and year and len(year) == 2:
        y = 2000 + int(year) if int(year) < 50 else 1900 + int(year)
    anchor = "absolute" if year else "publication"
    if y is None:
        return r_quarter_bare(m, ctx, q)
    return Res(TimexType.DATE, f"{y:04d}-Q{q}", anchor=anchor)


def r_year_ago_quarter(m: re.Match[str], ctx: Context) -> Res | None:
    """'the year-ago third quarter', 'the prior-year fourth quarter': that quarter a year back."""
    now = r_quarter_bare(m, ctx, ORDINALS[m["ord"].lower()])
    if now is None or not re.fullmatch(r"\d{4}-Q[1-4]", now.value):
        return None
    return Res(TimexType.DATE, f"{int(now.value[:4]) - 1:04d}{now.value[4:]}")


_NAME_BEFORE = re.compile(
    r"\b(?!(?:In|For|During|By|Since|Until|Through|From|After|Before|The)\b)[A-Z][\w-]*\s+$"
)


def a_quarter_bare(m: re.Match[str], ctx: Context) -> bool:
    """A bare 'Q3' is no quarter after a name ('the Audi Q3')."""
    return not _NAME_BEFORE.search(ctx.before(m.start(), 20))


def r_quarter_bare(m: re.Match[str], ctx: Context, q: int = 0) -> Res | None:
    """A quarter with no year ('Q1', 'the third quarter'): this year's, or last year's when
    it is still to come and the clause is not about the future."""
    q = q or int(m["q"])
    y = ctx.dct.year
    if q > quarter_of(ctx.dct) and not ctx.future(m.start(), m.end()):
        y -= 1
    return Res(TimexType.DATE, f"{y:04d}-Q{q}")


def r_year_quarter(m: re.Match[str], ctx: Context) -> Res | None:
    """'the 1988 quarter': the quarter under discussion, in that year."""
    period = ctx.recent_period(m.start())
    q = period[-1] if period and "Q" in period else report_quarter_number(ctx)
    return Res(TimexType.DATE, f"{int(m['year']):04d}-Q{q}", anchor="previous")


def report_quarter_number(ctx: Context) -> str:
    """Number of the quarter business news reports on: the one just ended early in a quarter."""
    q = quarter_of(ctx.dct)
    into = (ctx.dct - date(ctx.dct.year, 3 * q - 2, 1)).days
    return str(q - 1 if into < 45 and q > 1 else 4 if into < 45 else q)


def _two_digit(year: str) -> int:
    """A year written with 4 digits, or 2 ('21 -> 2021, '98 -> 1998)."""
    y = int(year)
    if len(year) == 2:
        return 2000 + y if y < 50 else 1900 + y
    return y


def r_half(m: re.Match[str], ctx: Context) -> Res | None:
    """the first half (of 2021) -> 2021-H1."""
    if "h" in m.re.groupindex and (m["h"] or m["h2"]):
        h = int(m["h"] or m["h2"])
    else:
        h = 1 if m["ord"].lower() in ("first", "1st") else 2
    y = _two_digit(m["y2"]) if m["y2"] else rel_year(ctx, m["rel"], m.start())
    if y is None:
        y = ctx.dct.year
        if h == 2 and ctx.dct.month <= 6 and not ctx.future(m.start(), m.end()):
            y -= 1
    return Res(TimexType.DATE, f"{y:04d}-H{h}")


_MATCH_WORDS = re.compile(  # a sports report's halves are the match's, not the year's
    r"\b(?:penalty|penalties|striker|midfielder|goalkeeper|scorer|half-?time|innings|wickets?"
    r"|quarterback|touchdown|referee|equali[sz]e[rd]?)\b",
    re.I,
)
_MATCH_LOOSE = re.compile(  # each alone is everyday business English ("meet its goals")
    r"\b(?:match|game|goals?|scored|kick|draw|stadium|coach|league|cup|team|minutes?|fans|tries)\b",
    re.I,
)


def a_half(m: re.Match[str], ctx: Context) -> bool:
    """'the second half' with no year is the year's, unless its sentence reports a match
    ('Yakubu scored a second-half penalty', 'scored two goals in the second half')."""
    if m["y2"] or m["rel"]:
        return True
    left, right = ctx.sentence(m.start(), m.end())
    if _MATCH_WORDS.search(ctx.text, left, right):
        return False
    loose = {w.lower() for w in _MATCH_LOOSE.findall(ctx.text, left, right)}
    return len(loose) < 2


SEASON_NOUN = re.compile(  # "the summer war", not "the summer months" or "the summer of"
    r"\s+(?!(?:of|and|or|is|was|will|to|in|as|when|that|for|months?|weeks?|days?|season"
    r"|holidays?|vacation|break|recess|session|time"
    # closed-class words and -ly adverbs start no noun compound ("in the winter regardless")
    r"|regardless|because|despite|after|before|while|with|without|from|amid|until|till|at|on"
    r"|by|unless|but|than|since|also|too|ahead|again|already|then|yet|nor|the|its|their|are"
    r"|were|has|have|had|would|could|should|may|might|must|can|not|into|over|under|through"
    r"|across|along|around|near|off|out|there|here|where|which|who|whose|[a-z]+ly)\b)[a-z]{3,}\b"
)


def r_season(m: re.Match[str], ctx: Context) -> Res | None:
    """summer, the spring of 1998, winter 2021."""
    code = SEASONS[m["s"].lower()]
    year = int(m["y"]) if m["y"] else spoken_year(m["sy"]) if m["sy"] else None
    if m["rel"]:  # "autumn this year", "the summer of last year"
        return Res(TimexType.DATE, f"{rel_year(ctx, m['rel'], m.start()):04d}-{code}")
    if year is not None:  # "the winter of 1994", "the winter of nineteen ninety-four"
        return Res(TimexType.DATE, f"{year:04d}-{code}", anchor="absolute")
    dct = ctx.dct
    spans = [(y, interval(f"{y:04d}-{code}")) for y in range(dct.year - 2, dct.year + 2)]
    named = SEASON_NOUN.match(ctx.after(m.end(), 20))  # "the summer war": an event's name
    # a season naming a thing ("the summer war", "winter supplies") takes no tense: the nearer
    tense = "" if named else ctx.tense(m.start(), m.end(), reporting=False)
    ahead = next(y for y, (_, _, hi) in spans if hi is not None and hi >= dct)  # under way or next
    latest = next(y for y, (_, lo, _) in reversed(spans) if lo is not None and lo <= dct)
    if ahead != latest and tense == "":  # no tense ("demand rises in winter"): the nearer one
        lo, hi = spans[ahead - spans[0][0]][1][1], spans[latest - spans[0][0]][1][2]
        tense = "future" if lo and hi and lo - dct < dct - hi else "past"
    return Res(TimexType.DATE, f"{ahead if tense == 'future' else latest:04d}-{code}")


_SEASON_CUE = re.compile(
    r"\b(?:the|this|in|during|by|until|since|early|late|mid|of|last|next|each|every|through)"
    r"[\s-]+$",
    re.I,
)


_GAMES_NEXT = re.compile(r"[ \t]+(?:olympics?|games|paralympics)\b", re.I)


def a_season(m: re.Match[str], ctx: Context) -> bool:
    """'fall' and 'spring' are seasons only after a date cue or before a year; a capitalised
    season before a capitalised word names a thing ("the Winter Olympics", "Summer Games")."""
    written = m["y"] or m["sy"] or m["rel"]
    if m["s"][0].isupper() and not written and NAME_NEXT.match(ctx.after(m.end())):
        return False
    if not written and _GAMES_NEXT.match(ctx.after(m.end())):
        return False  # "the 2008 summer Olympics"
    if m["y"] or m["sy"] or m["s"].lower() in ("summer", "winter", "autumn"):
        return True
    return bool(_SEASON_CUE.search(ctx.before(m.start(), 15)))


def r_quarter_q(m: re.Match[str], ctx: Context) -> Res | None:
    """Q3 2021, 2021Q3."""
    q = int(m["q"] or m["q2"] or m["q3"])
    year = m["y1"] or m["y2"]
    y = int(year)
    if len(year) == 2:
        y = 2000 + y if y < 50 else 1900 + y
    return Res(TimexType.DATE, f"{y:04d}-Q{q}", anchor="absolute")


_PAST_VERB_NEXT = re.compile(r"^\s+(?:was|were|had|saw|brought|(?!need)\w+ed)\b", re.I)


def _past_here(m: re.Match[str], ctx: Context) -> bool:
    """A past verb right around the span ("had a dry summer this year", "this winter was")."""
    return ctx.near_tense(m.start(), m.end()) == "past" or bool(
        _PAST_VERB_NEXT.match(ctx.after(m.end(), 20))
    )


def r_that_season(m: re.Match[str], ctx: Context) -> Res | None:
    """that summer, the same winter, the following spring, the previous autumn: counted
    from the date just spoken of, not from publication ("In March 2014 ... That summer")."""
    code, rel = SEASONS[m["s"].lower()], m["rel"].lower().split()[-1]
    _, start, _ = interval(ctx.last_value or "")
    if start is None:
        return r_rel_season(m, ctx)  # nothing spoken of yet: as 'this'/'next'/'last'
    spans = [(y, *interval(f"{y:04d}-{code}")[1:]) for y in range(start.year - 2, start.year + 3)]
    year: int | None
    if rel in ("that", "same"):  # the one holding the date ("December 1997 ... That winter")
        year = next((y for y, lo, hi in spans if lo and hi and lo <= start <= hi), start.year)
    elif rel == "previous":
        year = next((y for y, _, hi in reversed(spans) if hi and hi < start), None)
    else:  # following
        year = next((y for y, lo, _ in spans if lo and lo > start), None)
    return Res(TimexType.DATE, f"{year:04d}-{code}", anchor="previous") if year else None


def a_that_season(m: re.Match[str], ctx: Context) -> bool:
    """'that' before a season naming a thing, or after a verb, is a conjunction: "said that
    summer tourism fell", "warned that winter will be harsh"."""
    if m["rel"].lower() != "that":
        return True
    return not (
        SEASON_NOUN.match(ctx.after(m.end(), 20)) or _VERB_THAT.search(ctx.before(m.start(), 20))
    )


_VERB_THAT = re.compile(  # a verb that takes a "that" clause, right before "that"
    r"\b(?:\w+ed|said|says|say|warns?|fears?|thinks?|believes?|expects?|hopes?|knows?|predicts?"
    r"|insists?|notes?|argues?|claims?|shows?|means?|suggests?|adds?)\s+$",
    re.I,
)


def r_rel_season(m: re.Match[str], ctx: Context) -> Res | None:
    """last summer (the latest one over before publication), this winter, next spring."""
    code, rel, dct = SEASONS[m["s"].lower()], m["rel"].lower().split()[-1], ctx.dct
    rel = {"that": "this", "same": "this", "following": "next"}.get(rel, rel)
    spans = []
    y: int | None
    for y in range(dct.year - 3, dct.year + 3):
        _, lo, hi = interval(f"{y:04d}-{code}")
        if lo is not None and hi is not None:
            spans.append((y, lo, hi))
    if rel in ("last", "past", "previous"):
        ys = [y for y, _, hi in spans if hi < dct]
        y = ys[-1] if ys else None
    elif rel in ("next", "coming"):  # "the coming winter" said in mid-December: this one
        soon = dct - timedelta(days=31 if rel == "coming" else 0)
        ys = [y for y, lo, _ in spans if lo > soon]
        y = ys[0] if ys else None
    else:  # "this fall": the one under way, else the one starting later this calendar year
        # ("this fall" said in March), else the latest one ("this summer" said in October)
        now = [y for y, lo, hi in spans if lo <= dct <= hi]
        later = [y for y, lo, _ in spans if dct < lo and lo.year == dct.year]
        over = [y for y, _, hi in spans if hi < dct]
        if not now and over and _past_here(m, ctx):
            later = []  # "This winter was the coldest": the one just over
        y = (now or later or over[-1:])[0] if now or later or over else None
    return Res(TimexType.DATE, f"{y:04d}-{code}") if y is not None else None


PERIOD_RULES: list[Rule] = [
    Rule("decade", rx(r"(?:\bthe\s+)?(?:\b(?P<dec>1\d\d|20\d)0['’]?s\b|['’](?P<d2>\d)0s\b|(?<![\d.,$£€])(?P<d3>[2-9])0s\b|\b(?P<cent>nineteen[\s-])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"), r_decade, a_decade),
    Rule("century", rx(r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>(?:twenty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)))[\s-]century\b"), r_century, a_century),
    Rule("quarter", rx(rf"\b(?:(?:the|a)\s+(?=(?:{YEAR}\s+)?(?:fiscal\s+)?\w+\s+(?:fiscal\s+)?quarter)|(?P<rel2>this|last|next)\s+year's\s+)?(?:(?:fiscal\s+)?(?P<y1>{YEAR})\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-](?:fiscal[\s-])?quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>{YEAR})|(?P<rel>this|last|next|that|the\s+(?:previous|current|following|next))\s+(?:fiscal\s+)?year))?(?P<q>)?\b"), r_quarter),
    Rule("year_ago_quarter", rx(r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year[\s-](?:ago|earlier|before)|prior[\s-]year|previous[\s-]year)\s+(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+fiscal)?[\s-]+quarter\b"), r_year_ago_quarter),
    Rule("quarter", rx(rf"\b(?:(?:Q(?P<q>[1-4])|(?P<q3>[1-4])Q)[\s-]*(?:FY|')?(?P<y1>{YEAR}|\d{{2}})|(?P<y2>{YEAR})[\s-]?Q(?P<q2>[1-4]))\b"), r_quarter_q),
    Rule("quarter", rx(r"\bQ(?P<q>[1-4])\b(?![\s-]*(?:\d|FY|['’]\d))"), r_quarter_bare, a_quarter_bare),
    Rule("short_year", rx(r"['’](?P<yy>\d\d)\b(?!['’]?s\b)(?=\s*(?:[.,;:!?)]|$)|\s(?:and|or|to|when|after|before|until|season)\b)"), r_short_year, a_short_year),
    Rule("year_quarter", rx(rf"\bthe\s+(?P<year>{YEAR})\s+(?:quarter|period)\b"), r_year_quarter),
    Rule("half", rx(rf"\b(?:H(?P<h>[12])|(?P<h2>[12])H)[\s-]*(?:FY|')?(?P<y2>{YEAR}|\d{{2}})\b(?P<ord>)?(?P<rel>)?"), r_half),
    Rule("half", rx(rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|(?:last|latter)(?=[\s-]half\s+of\s+(?:{YEAR}|(?:this|last|next|the)\s+year)\b))[\s-]half(?:\s+of\s+(?:(?P<y2>{YEAR})|(?P<rel>this|last|next|the)\s+year))?\b(?![\s-]+centur|\s+of\b|-(?:hour|minute|day|decade)\b)"), r_half, a_half),
    Rule("season", rx(rf"\b(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)|\s+of\s+(?P<sy>{SPOKEN_YEAR})|\s+(?:of\s+)?(?P<rel>this|last|next|(?<=of\s)that)\s+year)?\b"), r_season, a_season),
    Rule("relative_season", rx(r"\b(?P<rel>that|the\s+(?:same|following|previous))\s+(?P<s>spring|summer|fall|autumn|winter)\b"), r_that_season, a_that_season),
    Rule("relative_season", rx(r"\b(?P<rel>this|last|next|past|previous|coming)\s+(?P<s>spring|summer|fall|autumn|winter)\b"), r_rel_season),
]  # fmt: skip
