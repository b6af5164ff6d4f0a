"""Publication dates of HTML pages (htmldate: the original date, not the updated one) and the
whole cascade, `resolve_published`: explicit dates first, then HTML metadata, the URL and the
text. Pure functions: no clock, no files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, time

from timeline.pubdate import (
    MONTHS,
    PubDateGuess,
    guess_published,
    parse_explicit,
    to_utc,
    url_published,
)
from timeline.settings import DEFAULT, Settings

__all__ = ["html_published", "resolve_published"]

_MODIFIED_META = re.compile(
    r"(?:property|name|itemprop)=[\"'][^\"']*(?:modified|updated)|\"dateModified\"", re.I
)
_PUBLISHED_META = re.compile(
    r"(?:property|name|itemprop)=[\"'](?:[^\"']*(?:publish|pubdate|created)[^\"']*|"
    r"date|dc\.date|dcterms\.date)[\"']|\"datePublished\"|<time[^>]*pubdate",
    re.I,
)
_HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_ISO_STAMP = re.compile(
    r"(?P<key>publish|pubdate|created)[^<>]{0,80}?"
    r"(?P<stamp>(?P<day>\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)",
    re.I,
)


def _with_time(html: str, found: datetime) -> datetime:
    """htmldate often keeps only the day (e.g. from the URL): take the time from a published
    timestamp in the page's metadata when it falls on that day."""
    if found.time() != time():
        return found
    for m in _ISO_STAMP.finditer(html):
        if m.group("day") == found.date().isoformat():
            return parse_explicit(m.group("stamp")) or found
    return found


def _invented_day(html: str, found: datetime) -> bool:
    """True when htmldate gave the 1st of a month the page never prints: its fallback for a
    month-only date, or for a date that does not exist ("2022-02-31" comes back as 1 February)."""
    if found.day != 1:
        return False
    y, m = found.year, found.month
    names = "|".join(re.escape(k) for k, v in MONTHS.items() if v == m)
    shown = (
        rf"(?<!\d){y}(?:[-/._]0?{m}[-/._]0?1|{m:02d}01)(?!\d)",  # 2022-02-01, 2022/2/1, 20220201
        rf"(?<!\d)0?(?:1[-/.]0?{m}|{m}[-/.]0?1)[-/.]{y}(?!\d)",  # 01.02.2022, 02/01/2022
        rf"(?<![a-z])(?:{names})\.?\s+0?1(?:st)?\b",  # February 1, Feb. 1st
        rf"(?<!\d)0?1(?:st|\.)?\s+(?:{names})\b",  # 1 February, 1. Februar
    )
    return not any(re.search(rx, html, re.I) for rx in shown)


def html_published(html: str, settings: Settings = DEFAULT) -> PubDateGuess | None:
    """Publication date of an HTML page via htmldate: the original date, not the updated one."""
    from htmldate import find_date  # heavy import, only for HTML inputs

    for extensive, rule, confidence in (
        (False, "html meta (original)", 0.9),
        (True, "html text (htmldate)", 0.6),
    ):
        found = find_date(
            html, extensive_search=extensive, original_date=True, outputformat=_HTMLDATE_FORMAT
        )
        value = parse_explicit(found or "", settings.timezone)
        if value is None or _invented_day(html, value):
            continue
        if not extensive and _MODIFIED_META.search(html) and not _PUBLISHED_META.search(html):
            rule, confidence = "html meta (updated)", 0.5  # only a modified date is given
        return PubDateGuess(_with_time(html, value), rule, confidence)
    return None


def resolve_published(
    explicit: Sequence[tuple[str, datetime | None]],
    html: str,
    text: str,
    settings: Settings = DEFAULT,
    url: str = "",
) -> PubDateGuess | None:
    """The cascade: explicit (source, value) pairs in order, HTML metadata, then the URL and
    the text (the URL wins when they disagree: a later text date is likely a capture date)."""
    for source, value in explicit:
        if value is not None:
            return PubDateGuess(to_utc(value, settings.timezone), source, 1.0)
    if html:
        found = html_published(html, settings)
        if found is not None:
            return found
    in_text, in_url = guess_published(text, settings), url_published(url)
    if in_text and in_url and in_text.value.date() != in_url.value.date():
        return in_url
    return in_text or in_url
