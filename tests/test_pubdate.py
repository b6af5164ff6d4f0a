"""Tests for timeline.pubdate: explicit date parsing, the text cascade, HTML metadata."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.pubdate import PubDateGuess, guess_published, parse_explicit, url_published
from timeline.pubdate_html import html_published, resolve_published
from timeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def utc(*args: int) -> datetime:
    """An aware UTC datetime."""
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-24", utc(2021, 12, 24)),
        ("2021-07-31T16:49:00Z", utc(2021, 7, 31, 16, 49)),
        ("2021-07-31T16:49Z", utc(2021, 7, 31, 16, 49)),
        ("2022-01-15T07:30:00+03:00", utc(2022, 1, 15, 4, 30)),
        ("2022-01-15T07:30:00+0300", utc(2022, 1, 15, 4, 30)),
        ("2022-01-15 07:30", utc(2022, 1, 15, 7, 30)),
        (" 2022-01-15 ", utc(2022, 1, 15)),
        (date(2021, 12, 1), utc(2021, 12, 1)),
        (datetime(2021, 12, 1, 10, 0), utc(2021, 12, 1, 10, 0)),
        (datetime(2021, 12, 1, 10, 0, tzinfo=UTC), utc(2021, 12, 1, 10, 0)),
        ("24/12/2021", None),
        ("December 24, 2021", None),
        ("2021-02-30", None),
        ("2021-13-01", None),
        ("", None),
        (20211224, None),
        (None, None),
    ],
)
def test_parse_explicit(value: object, expected: datetime | None) -> None:
    assert parse_explicit(value) == expected


def test_parse_explicit_reads_naive_times_in_the_settings_time_zone() -> None:
    assert parse_explicit("2022-01-15T07:30", "Europe/Moscow") == utc(2022, 1, 15, 4, 30)
    assert parse_explicit("2022-01-15", "Europe/Moscow") == utc(2022, 1, 15)  # dates stay UTC


SEED_GUESSES = [
    ("000_4c9b9ba805ede2ed.txt", PubDateGuess(utc(2021, 7, 31, 16, 49), "text: header", 0.8)),
    ("001_d661c57517ea9ae8.txt", None),  # "December 24 –" and no year anywhere
    ("002_3a60f01d4fe921a9.txt", None),  # capture header 2024 over a 2022 footer: rejected
    ("003_bce7a4f877c2e737.txt", None),  # no date in the text
    ("004_19969660543438c6.txt", PubDateGuess(utc(2022, 1, 15, 7, 30), "text: header", 0.8)),
]


@pytest.mark.parametrize(("name", "expected"), SEED_GUESSES)
def test_guess_published_on_seeds(name: str, expected: PubDateGuess | None) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert guess_published(text) == expected


def test_seed_002_capture_date_is_never_chosen() -> None:
    text = (SEEDS / "002_3a60f01d4fe921a9.txt").read_text(encoding="utf-8")
    guess = guess_published(text)
    assert guess is None or guess.value.date() != date(2024, 5, 23)


BODY = "Speaking at the Munich Security Conference on Saturday, Stoltenberg said NATO would grow."
GUESSES = [
    (
        "Published: 15 January 2022\n\nNATO and Russia met.",
        PubDateGuess(utc(2022, 1, 15), "text: published line", 0.85),
    ),
    (
        "Headline of the story here\nPosted on 3 March 2022 at 10:15 GMT\nBody text.",
        PubDateGuess(utc(2022, 3, 3, 10, 15), "text: published line", 0.9),
    ),
    (
        "Some headline about talks\n\nMOSCOW, Jan 15, 2022 (Reuters) - Russia said on Friday.",
        PubDateGuess(utc(2022, 1, 15), "text: dateline", 0.8),
    ),
    (
        "Headline\n\nDecember 24 – Stoltenberg said NATO has grown since 2014.",
        PubDateGuess(utc(2014, 12, 24), "text: dateline without year", 0.3),
    ),
    (
        "Headline\n\nDecember 24 – Stoltenberg said NATO never promised anything.",
        None,
    ),
    (
        "Monday, May 23, 2024\n\nA header whose weekday does not fit its date.",
        None,
    ),
    (
        "Russia marks 9 May 2022 with a parade in Moscow\n\nThe parade was large.",
        None,
    ),
    (
        "2022-01-15\nNATO and Russia met in Brussels on Wednesday.",
        PubDateGuess(utc(2022, 1, 15), "text: header", 0.75),
    ),
    (
        "Title of the story\n\nBody.\n\nhttps://ift.tt/x February 19, 2022 at 07:45PM\nfrom RT",
        PubDateGuess(utc(2022, 2, 19, 19, 45), "text: feed footer", 0.7),
    ),
    (
        "Thursday, May 23, 2024\n\nTitle\n\n" + BODY + "\n\nFebruary 19, 2022 at 07:45PM\nfrom RT",
        PubDateGuess(utc(2022, 2, 19, 19, 45), "text: feed footer", 0.7),
    ),
    (
        "Updated: 16 Jan 2022\nPublished: 15 Jan 2022\nText.",
        PubDateGuess(utc(2022, 1, 15), "text: published line", 0.85),
    ),
    (
        "Updated: 16 Jan 2022\nText without any other date.",
        PubDateGuess(utc(2022, 1, 16), "text: updated line", 0.4),
    ),
    (
        "Sat, 19 Feb 2022 19:45:00 +0000\nBody.",
        PubDateGuess(utc(2022, 2, 19, 19, 45), "text: header", 0.8),
    ),
    (
        "Headline of the story\n15.01.2022, 10:30 MSK\nBody.",
        PubDateGuess(utc(2022, 1, 15, 7, 30), "text: header", 0.8),
    ),
    (
        "Headline of the story\nJan. 12, 2022 5:40 p.m. EST\nBody.",
        PubDateGuess(utc(2022, 1, 12, 22, 40), "text: header", 0.8),
    ),
    (
        "Headline of the story\nBy Jane Doe | 12 January 2022, 18:05 CET\nBody.",
        PubDateGuess(utc(2022, 1, 12, 17, 5), "text: byline", 0.8),
    ),
    (
        "Headline of the story\nBy Jane Doe and the Brussels bureau\nBody.",
        None,
    ),
    (
        "Headline of the story\nBY JANE DOE AND JOHN ROE, 12 January 2022\nBody.",
        PubDateGuess(utc(2022, 1, 12), "text: byline", 0.75),
    ),
    ("Headline of the story\nBy 15 January 2022 the troops had left.\nBody.", None),
    ("Headline of the story\nBy Monday, 17 January 2022, the troops had left.", None),
    (
        "Headline of the story\nBy Jane Doe, Reuters | 12 Jan 2022 · 10:05 GMT\nBody.",
        PubDateGuess(utc(2022, 1, 12, 10, 5), "text: byline", 0.8),
    ),
    (
        "Headline of the story\nJan 12, 2022, 6:05 PM ET\nBody.",
        PubDateGuess(utc(2022, 1, 12, 23, 5), "text: header", 0.8),  # EST in winter
    ),
    (
        "Headline of the story\nJuly 12, 2022, 6:05 PM ET\nBody.",
        PubDateGuess(utc(2022, 7, 12, 22, 5), "text: header", 0.8),  # EDT in summer
    ),
    ("32.1 C\nThursday, May 23, 2024\n\nTitle\n\n" + BODY, None),  # a "today" widget
    (
        "21 °C\nMay 23, 2024 09:10\n\nTitle\n\n" + BODY,
        PubDateGuess(utc(2024, 5, 23, 9, 10), "text: header", 0.8),
    ),
    ("", None),
    ("No dates here at all, only words.", None),
]


@pytest.mark.parametrize(("text", "expected"), GUESSES)
def test_guess_published(text: str, expected: PubDateGuess | None) -> None:
    assert guess_published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 Jan. 2022 07:30\nBody.", utc(2022, 1, 15, 4, 30)),  # local time in Moscow
        ("16:49 GMT31 July 2021\nBody.", utc(2021, 7, 31, 16, 49)),  # GMT stays GMT
        ("15 Jan. 2022\nBody.", utc(2022, 1, 15)),  # a bare date is midnight UTC
    ],
)
def test_guess_published_time_zone(text: str, expected: datetime) -> None:
    guess = guess_published(text, Settings(timezone="Europe/Moscow"))
    assert guess is not None and guess.value == expected


def _page(head: str) -> str:
    """A small HTML page with the given <head> content and an undated body."""
    body = "<p>" + "NATO and Russia met in Brussels and talked for hours about security. " * 3
    return f"<html><head>{head}</head><body><article>{body}</p></article></body></html>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            (INPUTS / "html" / "nato_brussels.html").read_text(encoding="utf-8"),
            PubDateGuess(utc(2022, 1, 12, 17, 5), "html meta (original)", 0.9),
        ),
        (
            _page(
                '<meta property="article:published_time" content="2022-01-15T07:30:00+03:00">'
                '<meta property="article:modified_time" content="2022-01-16T09:00:00+03:00">'
            ),
            PubDateGuess(utc(2022, 1, 15, 4, 30), "html meta (original)", 0.9),
        ),
        (
            _page('<meta property="article:modified_time" content="2022-01-16T09:00:00+03:00">'),
            PubDateGuess(utc(2022, 1, 16, 6, 0), "html meta (updated)", 0.5),
        ),
        (_page("<title>No date</title>"), None),
    ],
)
def test_html_published(html: str, expected: PubDateGuess | None) -> None:
    assert html_published(html) == expected


@pytest.mark.parametrize(
    ("explicit", "html", "text", "expected"),
    [
        (
            [("manifest", utc(2021, 12, 24)), ("option", utc(2020, 1, 1))],
            "",
            "15 Jan. 2022\nBody.",
            PubDateGuess(utc(2021, 12, 24), "manifest", 1.0),
        ),
        (
            [("manifest", None), ("option", datetime(2020, 1, 1, 12, 0))],
            "",
            "15 Jan. 2022\nBody.",
            PubDateGuess(utc(2020, 1, 1, 12, 0), "option", 1.0),
        ),
        (
            [("manifest", None), ("option", None), ("front matter", None)],
            "",
            "15 Jan. 2022\nBody.",
            PubDateGuess(utc(2022, 1, 15), "text: header", 0.75),
        ),
        ([("manifest", None)], "", "Body.", None),
    ],
)
def test_resolve_published_explicit_beats_guessed(
    explicit: list[tuple[str, datetime | None]],
    html: str,
    text: str,
    expected: PubDateGuess | None,
) -> None:
    assert resolve_published(explicit, html, text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://wire.example.org/world/2022/01/12/nato-talks", utc(2022, 1, 12)),
        ("https://example.org/news/2022-01-12-nato-talks.html", utc(2022, 1, 12)),
        ("https://example.org/2022/1/5/", utc(2022, 1, 5)),
        ("https://example.org/2022/02/30/impossible", None),
        ("https://example.org/news/12345?date=2022/01/12", None),
        ("https://example.org/news/nato-talks", None),
        ("", None),
    ],
)
def test_url_published(url: str, expected: datetime | None) -> None:
    guess = url_published(url)
    assert (guess.value if guess else None) == expected
    assert guess is None or (guess.rule, guess.confidence) == ("url", 0.7)


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("15 Jan. 2022 07:30\nBody.", "https://x.org/2022/01/15/a", ("text: header", 15)),
        ("Thursday, May 23, 2024\nBody.", "https://x.org/2022/01/14/a", ("url", 14)),
        ("Body.", "https://x.org/2022/01/14/a", ("url", 14)),
    ],
)
def test_url_dates_overrule_disagreeing_text(
    text: str, url: str, expected: tuple[str, int]
) -> None:
    guess = resolve_published([], "", text, url=url)
    assert guess is not None and (guess.rule, guess.value.day) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_guess_published_never_raises_and_returns_utc(text: str) -> None:
    guess = guess_published(text)
    if guess is not None:
        assert guess.value.utcoffset() is not None and guess.value.utcoffset().total_seconds() == 0
        assert 0.0 < guess.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_a_header_later_than_the_feed_footer_is_never_chosen(header: date, footer: date) -> None:
    text = (
        f"{header.strftime('%A, %B %d, %Y')}\n\nTitle of the story\n\n{BODY}\n\n"
        f"{footer.strftime('%B %d, %Y')} at 07:45PM\nfrom RT"
    )
    guess = guess_published(text)
    assert guess is not None
    assert guess.value.date() == min(header, footer)
