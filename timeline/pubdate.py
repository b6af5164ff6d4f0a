"""Publication dates: the explicit-beats-guessed cascade and the guesses themselves.

`pubdate_html.resolve_published` takes explicit dates (manifest, option, front matter) in order,
then HTML metadata (htmldate, original not updated), then the URL and the text (this module's
`url_published` and `guess_published`). `guess_published` is an
htmldate-style cascade over the text: small extractors in order (a labelled "Published:" line,
a date-only line or a byline in the page header, a dateline opening a paragraph, a feed
footer), each returning candidates or nothing; the first candidate that survives the
consistency check wins and its rule is recorded. The check exists because scraped pages carry
capture dates: a candidate later than another publication-shaped date in the same text (seed
002's "Thursday, May 23, 2024" header over its "… 19, 2022 at 07:45PM" feed footer) is dropped.
Pure functions: no clock, no files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.settings import DEFAULT, Settings

__all__ = [
    "PubDateGuess",
    "guess_published",
    "parse_explicit",
    "to_utc",
    "url_published",
]


@dataclass(frozen=True, slots=True)
class PubDateGuess:
    """A publication date read from text: the value, the rule that fired, how sure it is."""

    value: datetime
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A date found by one extractor; year-only partial evidence has month/day of 0."""

    year: int
    month: int
    day: int
    clock: time | None
    rule: str
    confidence: float
    zone: tzinfo | None = None  # the time zone the text names ("GMT", "ET", "+03:00"), if any

    @property
    def complete(self) -> bool:
        """True when year, month and day are all known."""
        return bool(self.month and self.day)


MONTHS = {
    "jan": 1, "january": 1, "januar": 1,
    "feb": 2, "february": 2, "februar": 2,
    "mar": 3, "march": 3, "märz": 3, "maerz": 3,
    "apr": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6,
    "jul": 7, "july": 7, "juli": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "okt": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12, "dez": 12, "dezember": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NUMBERS = {name[:n]: i for i, name in enumerate(WEEKDAYS) for n in (3, 4, 5, len(name))}
ZONES: dict[str, int | str] = {"gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120}
ZONES |= {"msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "pst": -480}
ZONES |= {"pdt": -420, "et": "America/New_York", "pt": "America/Los_Angeles"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DATE_FORMS = (
    re.compile(rf"{_DAY}\s*{_MONTH},?\s+{_YEAR}", re.I),  # 15 Jan. 2022, GMT31 July 2021
    re.compile(rf"(?<![a-z]){_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),  # May 23, 2024
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),
)
_TIME = re.compile(
    r"(?<!\d)(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?\s*"
    r"(?P<tz>(?:GMT|UTC|BST|CEST|CET|MSK|[ECP][SD]?T|Z)\b|[+-][01]\d:?[0-5]\d)?",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:published|posted|first published|date)\s*(?:on|:)?\s*", re.I)
_UPDATED = re.compile(r"^\s*(?:updated|last updated|modified)\b", re.I)
_PLACE = r"^(?:[A-Z][A-Za-z.'\- ]{1,40},?\s+)?"  # optional place: "MOSCOW, "
_DASH = r"\s*(?:\([^)]{1,40}\)\s*)?[–—-]+\s+\S"  # optional "(Reuters)", then a dash
_DATELINES = (
    re.compile(rf"{_PLACE}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?{_DASH}", re.I),
    re.compile(rf"{_PLACE}{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?{_DASH}", re.I),
)
_FEED_FOOTER = re.compile(  # IFTTT-style "{{PublishedAt}}": "February 19, 2022 at 07:45PM"
    rf"(?:{_MONTH}\s+)?{_DAY},\s+{_YEAR}\s+at\s+(?P<h>[01]?\d):(?P<m>[0-5]\d)\s*(?P<ampm>[AP]M)",
    re.I,
)
_ANY_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/s'’])")
_LEFTOVER = re.compile(r"[A-Za-z]{2,}")
_HEADER_WORDS = {"at", "am", "pm", "published", "posted", "on", "updated", "date"} | set(ZONES)
_WEATHER = re.compile(r"^-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]$")  # "32.1 C" in a page header
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(  # "By Jane Doe |", "BY JANE DOE AND JOHN ROE,": a name, then a separator
    rf"^(?i:by)\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s+(?i:and)\s+{_NAME}(?:\s+{_NAME}){{0,3}})?"
    r"\s*[|,·•–—-]"
)
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?=[/_.-]|$)"
)


def to_utc(value: datetime | date, tz: str = "UTC") -> datetime:
    """An aware UTC datetime: dates become midnight UTC, naive times are read in `tz`."""
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if value.tzinfo is None:
        try:
            value = value.replace(tzinfo=ZoneInfo(tz))
        except ZoneInfoNotFoundError:
            value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


YEARS = (1000, 9000)  # publication years accepted; others are typos ("0001-01-01")


def parse_explicit(value: object, tz: str = "UTC") -> datetime | None:
    """Parse an explicitly given date (ISO string, TOML date/datetime) to UTC; None if invalid
    or outside YEARS."""
    parsed = _parse_explicit(value, tz)
    if parsed is None or not YEARS[0] <= parsed.year <= YEARS[1]:
        return None
    return parsed


def _parse_explicit(value: object, tz: str) -> datetime | None:
    """parse_explicit() without the year check."""
    if isinstance(value, datetime | date):
        return to_utc(value, tz)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
        r"(?:Z|[+-]\d{2}:?\d{2})?",
        text,
    ):
        return None
    try:
        if len(text) == 10:
            return to_utc(date.fromisoformat(text), tz)
        return to_utc(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
    except (ValueError, OverflowError):
        return None


def _clock(match: re.Match[str] | None) -> time | None:
    """A time of day from a _TIME/_FEED_FOOTER match (12-hour aware), or None."""
    if match is None or match.group("h") is None:
        return None
    hour, minute = int(match.group("h")), int(match.group("m"))
    ampm = (match.groupdict().get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return time(hour, minute) if hour < 24 else None


def _zone(match: re.Match[str] | None) -> tzinfo | None:
    """The time zone a _TIME match names ("GMT", "MSK", "ET", "+03:00"), or None."""
    raw = (match.group("tz") or "") if match else ""
    if raw[:1] in "+-" and raw:
        digits = raw[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return timezone(timedelta(minutes=minutes if raw[0] == "+" else -minutes))
    known = ZONES.get(raw.lower()) if raw else None
    if isinstance(known, str):
        return ZoneInfo(known)  # "ET": EST or EDT depending on the date
    return None if known is None else timezone(timedelta(minutes=known))


def _month(raw: str) -> int:
    """Month number of a month name or number."""
    return int(raw) if raw.isdigit() else MONTHS[raw.lower().rstrip(".")]


def _valid(year: int, month: int, day: int) -> bool:
    """True for a real calendar date."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _after_names(rest: str) -> str:
    """What follows the names of a byline: from the first segment with a digit on."""
    parts = re.split(r"([|·•,–—])", rest)
    first = next((i for i, part in enumerate(parts) if any(c.isdigit() for c in part)), len(parts))
    return "".join(parts[first:])


def _date_line(line: str, rule: str, confidence: float) -> _Candidate | None:
    """A candidate when `line` is essentially one date (weekday, time and labels allowed)."""
    for form in _DATE_FORMS:
        m = form.search(line)
        if not m:
            continue
        year, month, day = int(m.group("year")), _month(m.group("month")), int(m.group("day"))
        if not _valid(year, month, day):
            return None
        rest = line[: m.start()] + " " + line[m.end() :]
        t = _TIME.search(rest)
        rest_words = _TIME.sub(" ", rest) if t else rest
        words = [w.lower() for w in _LEFTOVER.findall(rest_words)]
        weekdays = [WEEKDAY_NUMBERS[w] for w in words if w in WEEKDAY_NUMBERS]
        if weekdays and weekdays[0] != date(year, month, day).weekday():
            return None  # "Thursday" on a date that was a Monday: not a trustworthy header
        if any(w not in _HEADER_WORDS | WEEKDAY_NUMBERS.keys() for w in words):
            return None
        conf = confidence + (0.05 if t else 0.0)
        return _Candidate(year, month, day, _clock(t), rule, conf, _zone(t))
    return None


def _lines(text: str) -> list[str]:
    """Non-empty stripped lines."""
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _labelled(text: str) -> Iterator[_Candidate]:
    """'Published: 15 January 2022' lines (and weaker 'Updated: ...' ones) anywhere."""
    for line in _lines(text):
        if _UPDATED.match(line):
            cand = _date_line(line, "text: updated line", 0.4)
        elif _LABEL.match(line):
            cand = _date_line(line, "text: published line", 0.85)
        else:
            continue
        if cand:
            yield cand


def _header(text: str) -> Iterator[_Candidate]:
    """A date-only line among the first lines of the page (above or just below the title)."""
    lines = _lines(text)[:8]
    widget = any(_WEATHER.match(line) for line in lines)
    for line in lines:
        if len(line.split()) >= 12:
            return  # the body has started: dates below it are not the page header
        if _LABEL.match(line) or _UPDATED.match(line):
            continue
        byline = _BYLINE.match(line)
        if byline:
            cand = _date_line(_after_names(line[byline.end() :]), "text: byline", 0.75)
        else:
            cand = _date_line(line, "text: header", 0.75)
        if cand and widget and cand.clock is None:
            continue  # a theme's "today" widget next to the weather: the capture date
        if cand:
            yield cand


def _dateline(text: str) -> Iterator[_Candidate]:
    """A paragraph opening 'MOSCOW, Jan 15, 2022 –' or 'December 24 –' (year-less: unsure)."""
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    for line in _lines(text)[:15]:
        m = _DATELINES[0].match(line) or _DATELINES[1].match(line)
        if not m:
            continue
        month, day = _month(m.group("month")), int(m.group("day"))
        if m.group("year"):
            year, rule, conf = int(m.group("year")), "text: dateline", 0.8
        elif years:  # the latest year the text mentions is the best we have: a weak guess
            year, rule, conf = max(years), "text: dateline without year", 0.3
        else:
            continue
        if _valid(year, month, day):
            yield _Candidate(year, month, day, None, rule, conf)
        return


def _footer(text: str) -> Iterator[_Candidate]:
    """A feed footer 'February 19, 2022 at 07:45PM' near the end; month-less ones are evidence."""
    for line in _lines(text)[-8:]:
        m = _FEED_FOOTER.search(line)
        if not m:
            continue
        year, day = int(m.group("year")), int(m.group("day"))
        if m.group("month") is None:  # "… 19, 2022 at 07:45PM": the month was lost in scraping
            yield _Candidate(year, 0, 0, None, "text: footer without month", 0.0)
            continue
        month = _month(m.group("month"))
        if _valid(year, month, day):
            yield _Candidate(year, month, day, _clock(m), "text: feed footer", 0.7)


_EXTRACTORS: tuple[Callable[[str], Iterator[_Candidate]], ...] = (
    _labelled,
    _header,
    _dateline,
    _footer,
)


_WEAK = {"text: dateline without year", "text: updated line"}  # too unsure to overrule others


def _later_than(a: _Candidate, b: _Candidate) -> bool:
    """True when `a` is later than `b` at the precision `b` has."""
    if not b.complete:
        return a.year > b.year
    return (a.year, a.month, a.day) > (b.year, b.month, b.day)


def guess_published(text: str, settings: Settings = DEFAULT) -> PubDateGuess | None:
    """Guess when `text` was published from dates printed in it; None if it shows none."""
    candidates = [c for extract in _EXTRACTORS for c in extract(text)]
    for cand in candidates:
        if not cand.complete:
            continue
        evidence = (o for o in candidates if o is not cand and o.rule not in _WEAK)
        if any(_later_than(cand, other) for other in evidence):
            continue  # a capture or "updated" date over an earlier publication-shaped date
        stamp = datetime.combine(date(cand.year, cand.month, cand.day), cand.clock or time())
        if cand.clock is None:
            value = to_utc(stamp.date())
        elif cand.zone is not None:
            value = stamp.replace(tzinfo=cand.zone).astimezone(UTC)
        else:
            value = to_utc(stamp, settings.timezone)
        return PubDateGuess(value, cand.rule, round(cand.confidence, 2))
    return None


def url_published(url: str) -> PubDateGuess | None:
    """The date in an article URL's path (/2022/01/12/...), as news sites print it."""
    m = _URL_DATE.search(url.split("?")[0])
    if not m:
        return None
    year, month, day = (int(m.group(k)) for k in ("year", "month", "day"))
    return (
        PubDateGuess(to_utc(date(year, month, day)), "url", 0.7)
        if _valid(year, month, day)
        else None
    )
