"""Shared builders for tests: articles and time expressions made by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

from timeline.models import Article, Event, Granularity, Mention, TimeExpression, TimexType


def article(text: str, published: str = "2022-01-15", aid: str = "a1", outlet: str = "") -> Article:
    """An article published at midnight UTC on `published`."""
    pub = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return Article(
        id=aid,
        path=f"{aid}.txt",
        text=text,
        published=pub,
        published_source="test",
        published_confidence=1.0,
        outlet=outlet,
    )


def expr(
    text: str,
    phrase: str,
    value: str,
    start: str,
    end: str | None,
    gran: Granularity = Granularity.DAY,
    anchor: str = "publication",
    mod: str = "",
) -> TimeExpression:
    """A DATE expression at the first occurrence of `phrase` in `text`."""
    i = text.index(phrase)
    return TimeExpression(
        phrase,
        i,
        i + len(phrase),
        TimexType.DATE,
        value,
        gran,
        date.fromisoformat(start),
        date.fromisoformat(end) if end else None,
        mod=mod,
        rule="test",
        anchor=anchor,
    )


def event(
    eid: str,
    title: str,
    value: str,
    start: str,
    end: str | None,
    source: str,
    actors: tuple[str, ...] = (),
    gran: Granularity = Granularity.DAY,
    sentence: str = "",
) -> Event:
    """An event with one mention from `source`."""
    m = Mention(source, 0, sentence or title, "", 0, 1, value, "test", "2022-01-15")
    return Event(
        eid,
        title,
        value,
        gran,
        date.fromisoformat(start),
        date.fromisoformat(end) if end else None,
        actors=actors,
        mentions=(m,),
    )
