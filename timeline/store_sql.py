"""The store's SQL: schema, row <-> record conversion, the interval-overlap query, and the
messages SQLite errors become (kept apart so store.py holds only the Store's behaviour)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import StoreError
from .models import Article, Event

OPEN_SPAN = -1  # span level of open intervals (end None)
MAX_SPAN = 23  # (date.max - date.min).days.bit_length() == 22; levels are 0..22

# Events carry a "span level": the bit length of their length in days (end - start). An event of
# level L starts at most 2**L - 1 days before its end, so the overlap query can bound `start`
# from both sides per level and every branch is a short range scan of the (span, start, end)
# index instead of a scan of everything that starts before the query interval ends.
SCHEMA = """
CREATE TABLE articles (id TEXT PRIMARY KEY, path TEXT NOT NULL, outlet TEXT NOT NULL,
    url TEXT NOT NULL, title TEXT NOT NULL, published TEXT, published_source TEXT NOT NULL,
    published_confidence REAL NOT NULL, text TEXT NOT NULL);
CREATE TABLE events (id TEXT PRIMARY KEY, title TEXT NOT NULL, value TEXT NOT NULL,
    granularity TEXT NOT NULL, start TEXT, "end" TEXT, mod TEXT NOT NULL, actors TEXT NOT NULL,
    conflict INTEGER NOT NULL, span INTEGER, search TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX events_interval ON events (span, start, "end");
CREATE TABLE event_sources (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (event_id, article_id)) WITHOUT ROWID;
CREATE INDEX event_sources_article ON event_sources (article_id, event_id);
CREATE TABLE links (source TEXT NOT NULL REFERENCES events (id),
    target TEXT NOT NULL REFERENCES events (id), kind TEXT NOT NULL, evidence TEXT NOT NULL,
    article TEXT NOT NULL, UNIQUE (source, target, kind, evidence, article));
CREATE INDEX links_target ON links (target);
"""

ARTICLE_FIELDS = (
    "id", "path", "outlet", "url", "title", "published", "published_source",
    "published_confidence", "text",
)  # fmt: skip
ARTICLE_COLS = ", ".join(ARTICLE_FIELDS)
EVENT_FIELDS = (
    "id", "title", "value", "granularity", "start", "end", "mod", "actors", "conflict", "span",
    "search", "data",
)  # fmt: skip
LINKS = "SELECT source, target, kind, evidence, article FROM links"
ORDER_EVENTS = "ORDER BY start IS NULL, start, id"


def span_level(event: Event) -> int | None:
    """Index level of an event's interval: None undated, -1 open, else bit length of its days."""
    if event.start is None:
        return None
    if event.end is None:
        return OPEN_SPAN
    return max(0, (event.end - event.start).days).bit_length()


def search_text(event: Event) -> str:
    """Case-folded title and mention sentences, NUL-separated so no match spans two of them."""
    return "\0".join([event.title, *(m.sentence for m in event.mentions)]).casefold()


def event_row(event: Event) -> tuple[Any, ...]:
    """Column values of one events row, in EVENT_FIELDS order."""
    d = event.to_dict()
    return (
        event.id, event.title, event.value, event.granularity.value, d["start"], d["end"],
        event.mod, json.dumps(d["actors"], ensure_ascii=False), int(event.conflict),
        span_level(event), search_text(event),
        json.dumps(d, ensure_ascii=False, separators=(",", ":")),
    )  # fmt: skip


def article_row(article: Article) -> tuple[Any, ...]:
    """Column values of one articles row, in ARTICLE_FIELDS order."""
    d = article.to_dict(with_text=True)
    return tuple(d[c] for c in ARTICLE_FIELDS)


def lower_bound(start: date, level: int) -> str:
    """Earliest start an event of this span level may have and still reach `start`."""
    try:
        return (start - timedelta(days=(1 << level) - 1)).isoformat()
    except OverflowError:
        return date.min.isoformat()


def _overlap_sql(open_as_point: bool = False) -> str:
    """One index range scan per span level, united; params: qs, qe, then one bound per level.
    Open events run forever, or with open_as_point only cover their start day."""
    first = "start BETWEEN :qs AND :qe" if open_as_point else "start <= :qe"
    parts = [f"SELECT start, id, data FROM events WHERE span = -1 AND {first}"]
    parts += [
        f"SELECT start, id, data FROM events WHERE span = {lvl} AND start BETWEEN :lo{lvl} AND :qe"
        ' AND "end" >= :qs'
        for lvl in range(MAX_SPAN)
    ]
    return "\nUNION ALL ".join(parts)


def _upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    """INSERT of every column that updates the row in place when the id (first column) exists."""
    names = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns[1:])
    marks = ", ".join("?" * len(columns))
    return (
        f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {updates}"
    )


OVERLAP_SQL = _overlap_sql()
OVERLAP_POINT_SQL = _overlap_sql(open_as_point=True)
ARTICLE_UPSERT = _upsert_sql("articles", ARTICLE_FIELDS)
EVENT_UPSERT = _upsert_sql("events", EVENT_FIELDS)


def article_from_row(row: tuple[Any, ...]) -> Article:
    """An Article from an articles row."""
    return Article.from_dict(dict(zip(ARTICLE_FIELDS, row, strict=True)))


@lru_cache(maxsize=16384)  # overlap queries for nearby dates return mostly the same rows
def event_from_json(data: str) -> Event:
    """An Event from its stored JSON (Events are frozen, so cached ones can be shared)."""
    return Event.from_dict(json.loads(data))


MESSAGES = {  # SQLite error name (prefix) -> what the user reads
    "SQLITE_NOTADB": "{path} is not a timeline store (not an SQLite database);"
    " give another --store path or delete it",
    "OTHER": "{path} is not a timeline store (an SQLite database of another program);"
    " give another --store path or delete it",
    "SQLITE_READONLY": "{path} is read-only; make it and its folder writable or give another"
    " --store path (nothing was written)",
    "SQLITE_FULL": "the disk is full while writing {path}; free some space and run the command"
    " again (nothing was written)",
    "SQLITE_BUSY": "{path} is locked by another timeline process (waited {timeout:g} s);"
    " try again when it has finished",
    "SQLITE_CANTOPEN": "cannot open {path}; check that it and its folder are readable and writable",
    "SQLITE_CORRUPT": "{path} is damaged ({exc}); move it away and rebuild the store with"
    " `timeline build`",
}


def translate(exc: sqlite3.Error, path: Path, timeout: float) -> StoreError:
    """A StoreError a user can act on for an SQLite error on the store at path."""
    name = getattr(exc, "sqlite_errorname", "").replace("SQLITE_LOCKED", "SQLITE_BUSY")
    for prefix, template in MESSAGES.items():
        if name.startswith(prefix):
            return StoreError(template.format(path=path, timeout=timeout, exc=exc))
    return StoreError(f"cannot use the store at {path}: {exc}")
