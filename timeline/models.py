"""Typed records that cross stage boundaries: articles, sentences, expressions, events, links."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any


class Granularity(str, Enum):
    """How precise a resolved time is, from a clock time up to a century."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    NONE = "none"  # durations, sets, PAST_REF/FUTURE_REF: no calendar span ("now" is a day)

    @property
    def rank(self) -> int:
        """Order from finest (0) to coarsest; NONE is coarsest of all."""
        return _RANK[self]


_RANK = {g: i for i, g in enumerate(Granularity)}


class TimexType(str, Enum):
    """TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article with its publication date and where that date came from."""

    id: str  # content hash of the text (16 hex chars)
    path: str
    text: str
    published: datetime | None
    published_source: str = ""  # which rule gave the date: manifest, option, front matter, ...
    published_confidence: float = 0.0  # 1.0 for explicit dates, lower for guesses from the text
    outlet: str = ""
    url: str = ""
    title: str = ""

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """JSON-ready form (ISO dates); the text only when asked for."""
        d: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "published_confidence": self.published_confidence,
        }
        if with_text:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Inverse of to_dict(with_text=True)."""
        pub = d.get("published")
        return cls(
            id=d["id"],
            path=d.get("path", ""),
            text=d.get("text", ""),
            published=datetime.fromisoformat(pub) if pub else None,
            published_source=d.get("published_source", ""),
            published_confidence=float(d.get("published_confidence", 0.0)),
            outlet=d.get("outlet", ""),
            url=d.get("url", ""),
            title=d.get("title", ""),
        )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article with its character span in the article text."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date/time expression found in a text and resolved against a reference date.

    `value` is TIMEX3-style (2022-01-12, 2021-12, 2014, 199X, P3Y, PRESENT_REF ...).
    `start`/`end` are the calendar interval covered (inclusive dates); `end` is None for an
    open interval ("since 2014"), both None for durations, sets and vague references.
    """

    text: str
    char_start: int
    char_end: int
    type: TimexType
    value: str
    granularity: Granularity
    start: date | None
    end: date | None
    mod: str = ""  # TIMEX3 mod: START, MID, END, BEFORE, AFTER, ON_OR_AFTER, APPROX ...
    rule: str = ""  # which rule resolved it, for "why is this event on that date?"
    anchor: str = ""  # what it was resolved against: "publication", "previous", "absolute"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        d = asdict(self)
        d["type"] = self.type.value
        d["granularity"] = self.granularity.value
        d["start"] = self.start.isoformat() if self.start else None
        d["end"] = self.end.isoformat() if self.end else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpression:
        """Inverse of to_dict."""
        return cls(
            text=d["text"],
            char_start=int(d["char_start"]),
            char_end=int(d["char_end"]),
            type=TimexType(d["type"]),
            value=d["value"],
            granularity=Granularity(d["granularity"]),
            start=date.fromisoformat(d["start"]) if d.get("start") else None,
            end=date.fromisoformat(d["end"]) if d.get("end") else None,
            mod=d.get("mod", ""),
            rule=d.get("rule", ""),
            anchor=d.get("anchor", ""),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of an event: which article, which sentence, which phrase dated it."""

    article_id: str
    sentence_index: int
    sentence: str
    expression: str  # the date phrase, "" when the event took the publication date
    char_start: int  # span of the expression in the article ("" expression: the sentence span)
    char_end: int
    value: str  # what this mention says the date is
    rule: str  # how it was resolved
    published: str  # the article's publication date (ISO), kept for the explanation

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        """Inverse of to_dict."""
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated statement: title, actors, the interval it happened in, the mentions reporting it."""

    id: str
    title: str
    value: str
    granularity: Granularity
    start: date | None
    end: date | None
    mod: str = ""
    actors: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    conflict: bool = False  # sources disagree on the date: every value is kept in `mentions`

    @property
    def sources(self) -> tuple[str, ...]:
        """Article ids reporting this event, in first-seen order."""
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, the schema of `timeline export --format json`."""
        return {
            "id": self.id,
            "title": self.title,
            "value": self.value,
            "granularity": self.granularity.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "mod": self.mod,
            "actors": list(self.actors),
            "sources": list(self.sources),
            "conflict": self.conflict,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Inverse of to_dict."""
        return cls(
            id=d["id"],
            title=d["title"],
            value=d["value"],
            granularity=Granularity(d["granularity"]),
            start=date.fromisoformat(d["start"]) if d.get("start") else None,
            end=date.fromisoformat(d["end"]) if d.get("end") else None,
            mod=d.get("mod", ""),
            actors=tuple(d.get("actors", ())),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
            conflict=bool(d.get("conflict", False)),
        )


@dataclass(frozen=True, slots=True)
class EventLink:
    """A directed link between two events: temporal order or a causal link the text states."""

    source: str
    target: str
    kind: str  # before | after | overlaps | causes | ...
    evidence: str = ""  # the words that say so ("" for links inferred from the intervals)
    article_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "evidence": self.evidence,
            "article": self.article_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventLink:
        """Inverse of to_dict."""
        return cls(d["source"], d["target"], d["kind"], d.get("evidence", ""), d.get("article", ""))


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not turned into an article, and why (shown in the build summary)."""

    path: str
    reason: str


@dataclass(slots=True)
class BuildReport:
    """What a build or add did, for the CLI summary."""

    articles_added: int = 0
    articles_skipped: int = 0  # already in the store (same content hash)
    events: int = 0
    links: int = 0
    rejected: list[Rejection] = field(default_factory=list)
