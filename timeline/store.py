"""SQLite store: schema version, one transaction per change, lookups by query."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import NotFoundError, StoreError, TimelineError
from .models import Article, Event, EventLink

log = logging.getLogger(__name__)

APPLICATION_ID = 0x544C4E31  # "TLN1" in the SQLite header: marks the file as a timeline store
BUSY_TIMEOUT_S = 30.0  # a second `timeline add` waits this long for the first to commit
MIN_PREFIX = 4  # shortest id prefix accepted for events and sources
OPEN_SPAN = -1  # span level of open intervals (end None)
MAX_SPAN = 23  # (date.max - date.min).days.bit_length() == 22; levels are 0..22

# Events carry a "span level": the bit length of their length in days (end - start). An event of
# level L starts at most 2**L - 1 days before its end, so the overlap query can bound `start`
# from both sides per level and every branch is a short range scan of the (span, start, end)
# index instead of a scan of everything that starts before the query interval ends.
_SCHEMA = """
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

_ARTICLE_FIELDS = (
    "id", "path", "outlet", "url", "title", "published", "published_source",
    "published_confidence", "text",
)  # fmt: skip
_ARTICLE_COLS = ", ".join(_ARTICLE_FIELDS)
_EVENT_FIELDS = (
    "id", "title", "value", "granularity", "start", "end", "mod", "actors", "conflict", "span",
    "search", "data",
)  # fmt: skip
_LINKS = "SELECT source, target, kind, evidence, article FROM links"
_ORDER_EVENTS = "ORDER BY start IS NULL, start, id"


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Everything one build/add writes: new articles, inserted or replaced events, new links."""

    articles: tuple[Article, ...] = ()
    events: tuple[Event, ...] = ()
    links: tuple[EventLink, ...] = ()


def _span_level(event: Event) -> int | None:
    """Index level of an event's interval: None undated, -1 open, else bit length of its days."""
    if event.start is None:
        return None
    if event.end is None:
        return OPEN_SPAN
    return max(0, (event.end - event.start).days).bit_length()


def _search_text(event: Event) -> str:
    """Case-folded title and mention sentences, NUL-separated so no match spans two of them."""
    return "\0".join([event.title, *(m.sentence for m in event.mentions)]).casefold()


def _event_row(event: Event) -> tuple[Any, ...]:
    """Column values of one events row, in _EVENT_FIELDS order."""
    d = event.to_dict()
    return (
        event.id, event.title, event.value, event.granularity.value, d["start"], d["end"],
        event.mod, json.dumps(d["actors"], ensure_ascii=False), int(event.conflict),
        _span_level(event), _search_text(event),
        json.dumps(d, ensure_ascii=False, separators=(",", ":")),
    )  # fmt: skip


def _article_row(article: Article) -> tuple[Any, ...]:
    """Column values of one articles row, in _ARTICLE_FIELDS order."""
    d = article.to_dict(with_text=True)
    return tuple(d[c] for c in _ARTICLE_FIELDS)


def _lower_bound(start: date, level: int) -> str:
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


_OVERLAP_SQL = _overlap_sql()
_OVERLAP_POINT_SQL = _overlap_sql(open_as_point=True)
_ARTICLE_UPSERT = _upsert_sql("articles", _ARTICLE_FIELDS)
_EVENT_UPSERT = _upsert_sql("events", _EVENT_FIELDS)


class Store:
    """A timeline store in one SQLite file; one connection, used from one thread."""

    SCHEMA_VERSION: int = 1

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        """Wrap an open connection; use Store.open()."""
        self._db = db
        self.path = path

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, readonly: bool = False) -> Store:
        """Open (and with create=True make) the store at path; readonly never writes."""
        path = Path(path)
        if not path.exists():
            if not create or readonly:
                raise StoreError(f"no store at {path}; run `timeline build` first")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                msg = f"cannot create {path}: {exc.strerror}; give another --store path"
                raise StoreError(msg) from exc
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a timeline store; give a file path")
        _repair_journal_modes(path)
        frozen = _frozen(path)
        target = f"file:{quote(str(path.resolve()))}?mode={'ro' if readonly else 'rwc'}"
        if frozen:  # read the file as it is, with no -wal/-shm files beside it
            target = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
        try:
            db = sqlite3.connect(target, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise _translate(exc, path) from exc
        store = cls(db, path)
        try:
            store._prepare(readonly, wal=not (readonly or frozen))
        except BaseException:
            db.close()
            raise
        return store

    def _prepare(self, readonly: bool, wal: bool = True) -> None:
        """Check the file is a timeline store of a schema we read; create the schema if empty;
        switch to WAL unless the store is only read."""
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._db.execute("PRAGMA foreign_keys = ON")
            if not self._check_header():
                if readonly:
                    raise StoreError(f"no store at {self.path}; run `timeline build` first")
                self._create_schema()
            if wal:
                self._use_wal()
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def _header(self) -> tuple[int, int, bool]:
        """(application id, schema version, has any table), read in one consistent snapshot."""
        row = self._db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version),"
            " EXISTS (SELECT 1 FROM sqlite_schema)"
        ).fetchone()
        return int(row[0]), int(row[1]), bool(row[2])

    def _check_header(self) -> bool:
        """True if the schema exists; False for an empty database; raise for anything else."""
        app_id, version, has_tables = self._header()
        if app_id == version == 0 and not has_tables:
            return False  # a new (or empty) file
        if app_id != APPLICATION_ID:
            raise StoreError(_MESSAGES["OTHER"].format(path=self.path))
        if version > self.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer timeline (schema {version}, this version"
                f" reads {self.SCHEMA_VERSION}); upgrade timeline"
            )
        return True

    def _create_schema(self) -> None:
        """Create tables and indexes in one transaction (a no-op if another process just did)."""
        with self._transaction():
            if self._check_header():
                return
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._db.execute(f"PRAGMA user_version = {self.SCHEMA_VERSION}")
        log.info("created store %s (schema %d)", self.path, self.SCHEMA_VERSION)

    def _use_wal(self) -> None:
        """Switch to WAL (persistent); the switch needs a moment alone, so retry while busy."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as exc:
                busy = getattr(exc, "sqlite_errorname", "").startswith("SQLITE_BUSY")
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        if mode.lower() != "wal":  # e.g. a read-only file: it is read as it is
            log.warning("%s stays in journal mode %s", self.path, mode)

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._db.close()

    def __enter__(self) -> Store:
        """Use as a context manager that closes the store."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close on leaving the with block."""
        self.close()

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the write lock across reads and apply()s, committing them together at the end
        (nothing on an exception): no other process commits between what was read and what
        is written against it."""
        try:
            with self._transaction():
                yield
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE (waiting for other writers) ... COMMIT; ROLLBACK on any exception.
        Inside a transaction already open this adds nothing: the outer one commits."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def apply(self, change: ChangeSet) -> None:
        """Write a change in one transaction: all of it or, on any error, none of it."""
        try:
            with self._transaction():
                self._check_references(change)
                self._write_articles(change.articles)
                self._write_events(change.events)
                self._write_links(change.links)
        except TimelineError:
            raise
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc
        except Exception as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}; nothing was written") from exc
        log.debug(
            "applied %d articles, %d events, %d links to %s",
            len(change.articles), len(change.events), len(change.links), self.path,
        )  # fmt: skip

    def _check_references(self, change: ChangeSet) -> None:
        """Raise StoreError naming the first mention or link that points at nothing."""
        cited = {m.article_id for e in change.events for m in e.mentions}
        linked = {x for link in change.links for x in (link.source, link.target)}
        for table, wanted, what in (
            ("articles", cited - {a.id for a in change.articles}, "an event cites article"),
            ("events", linked - {e.id for e in change.events}, "a link points at event"),
        ):
            sql = f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))"
            missing = wanted - {r[0] for r in self._db.execute(sql, (json.dumps(list(wanted)),))}
            if missing:
                raise StoreError(
                    f"cannot write to {self.path}: {what} {min(missing)!r}, which is neither"
                    " stored nor in this change; nothing was written"
                )

    def _write_articles(self, articles: tuple[Article, ...]) -> None:
        """Insert articles; one already stored (same content hash) gets its metadata updated."""
        self._db.executemany(_ARTICLE_UPSERT, (_article_row(a) for a in articles))

    def _write_events(self, events: tuple[Event, ...]) -> None:
        """Insert or replace events by id (in place, so links to them stay), and their sources."""
        events = tuple({e.id: e for e in events}.values())  # the last of duplicate ids wins
        self._db.executemany(_EVENT_UPSERT, (_event_row(e) for e in events))
        self._db.executemany(
            "DELETE FROM event_sources WHERE event_id = ?", ((e.id,) for e in events)
        )
        self._db.executemany(
            "INSERT INTO event_sources (event_id, article_id) VALUES (?, ?)",
            ((e.id, s) for e in events for s in e.sources),
        )

    def _write_links(self, links: tuple[EventLink, ...]) -> None:
        """Insert links, skipping any already stored."""
        self._db.executemany(
            "INSERT OR IGNORE INTO links (source, target, kind, evidence, article)"
            " VALUES (?, ?, ?, ?, ?)",
            (tuple(link.to_dict().values()) for link in links),
        )

    # -- reading ---------------------------------------------------------------------------

    def _query(self, sql: str, params: Any = ()) -> list[Any]:
        """Run a read query; SQLite errors become StoreErrors."""
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def has_article(self, article_id: str) -> bool:
        """True if an article with this id is stored."""
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def article(self, article_id: str) -> Article | None:
        """The article with this exact id, or None."""
        rows = self._query(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        return _article(rows[0]) if rows else None

    def articles(self) -> list[Article]:
        """Every article, ordered by publication date (undated last), then id."""
        sql = f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY published IS NULL, published, id"
        return [_article(row) for row in self._query(sql)]

    def article_count(self) -> int:
        """Number of stored articles."""
        return int(self._query("SELECT count(*) FROM articles")[0][0])

    def _resolve(self, table: str, ref: str, noun: str) -> list[str]:
        """Ids equal to ref, else ids starting with ref (>= MIN_PREFIX chars); at most 2 kept."""
        if self._query(f"SELECT 1 FROM {table} WHERE id = ?", (ref,)):
            return [ref]
        if len(ref) < MIN_PREFIX:
            return []
        lo, hi = ref, ref + "\U0010ffff"  # every id that starts with ref
        n = self._query(f"SELECT count(*) FROM {table} WHERE id >= ? AND id < ?", (lo, hi))[0][0]
        if n > 1:
            raise NotFoundError(f"{noun} prefix '{ref}' matches {n} {noun}s; give more characters")
        sql = f"SELECT id FROM {table} WHERE id >= ? AND id < ?"
        return [r[0] for r in self._query(sql, (lo, hi))]

    def event(self, ref: str) -> Event | None:
        """The event with this id or unique id prefix (>= 4 chars); None if there is none."""
        ids = self._resolve("events", ref, "event")
        if not ids:
            return None
        return _event(self._query("SELECT data FROM events WHERE id = ?", (ids[0],))[0][0])

    def events(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        source: str | None = None,
        search: str | None = None,
    ) -> list[Event]:
        """Events matching every filter given, ordered by start (undated last), then id."""
        where: list[str] = []
        params: list[Any] = []
        if date_from is not None or date_to is not None:
            where.append('start IS NOT NULL AND start <= ? AND ("end" IS NULL OR "end" >= ?)')
            params += [(date_to or date.max).isoformat(), (date_from or date.min).isoformat()]
        if source is not None:
            ids = self._resolve("articles", source, "article")
            if not ids:
                raise NotFoundError(f"no article '{source}' in {self.path}")
            where.append("id IN (SELECT event_id FROM event_sources WHERE article_id = ?)")
            params.append(ids[0])
        if search:
            where.append("instr(search, ?) > 0")
            params.append(search.casefold())
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + " AND ".join(f"({w})" for w in where)
        return [_event(row[0]) for row in self._query(f"{sql} {_ORDER_EVENTS}", params)]

    def events_overlapping(
        self, start: date, end: date, *, open_as_point: bool = False
    ) -> list[Event]:
        """Dated events whose interval (open end = forever, or only its start day with
        open_as_point) meets [start, end], by index."""
        params: dict[str, str] = {"qs": start.isoformat(), "qe": end.isoformat()}
        params.update({f"lo{lvl}": _lower_bound(start, lvl) for lvl in range(MAX_SPAN)})
        sql = _OVERLAP_POINT_SQL if open_as_point else _OVERLAP_SQL
        rows = sorted(self._query(sql, params))  # (start, id, data): few rows
        return [_event(row[2]) for row in rows]

    def event_count(self) -> int:
        """Number of stored events."""
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def link_count(self) -> int:
        """Number of stored links."""
        return int(self._query("SELECT count(*) FROM links")[0][0])

    def links(self) -> list[EventLink]:
        """Every link, ordered by source, target, kind, evidence, article."""
        return [EventLink(*row) for row in self._query(f"{_LINKS} ORDER BY 1, 2, 3, 4, 5")]

    def links_of(self, event_id: str) -> list[EventLink]:
        """Links where the event is the source or the target (each by its own index)."""
        sql = f"{_LINKS} WHERE source = ? UNION {_LINKS} WHERE target = ? ORDER BY 1, 2, 3, 4, 5"
        return [EventLink(*row) for row in self._query(sql, (event_id, event_id))]


def _frozen(path: Path) -> bool:
    """True for a store we cannot write to (the file or its folder), with no write-ahead log to
    replay. SQLite would make -wal/-shm files as read-only as the store (or fail to make them),
    and read-only ones beside a store made writable again keep it read-only."""
    wal = path.with_name(path.name + "-wal")
    writable = os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    return not writable and not (wal.exists() and wal.stat().st_size)


def _repair_journal_modes(path: Path) -> None:
    """Give our own read-only -wal/-shm files (left by a read of the store while it was
    read-only) the store's mode once the store is writable, so it is writable again."""
    if not path.exists() or not os.access(path, os.W_OK):
        return
    mode = path.stat().st_mode & 0o777
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        try:
            if not os.access(side, os.W_OK) and side.stat().st_uid == os.geteuid():
                side.chmod(mode)
                log.info("made %s writable like the store", side)
        except OSError:  # gone, or not ours: SQLite reports what is wrong
            continue


def _article(row: tuple[Any, ...]) -> Article:
    """An Article from an articles row."""
    return Article.from_dict(dict(zip(_ARTICLE_FIELDS, row, strict=True)))


@lru_cache(maxsize=16384)  # overlap queries for nearby dates return mostly the same rows
def _event(data: str) -> Event:
    """An Event from its stored JSON (Events are frozen, so cached ones can be shared)."""
    return Event.from_dict(json.loads(data))


_MESSAGES = {  # SQLite error name (prefix) -> what the user reads
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
    "SQLITE_CORRUPT": "{path} is damaged ({exc}); rebuild it with `timeline build`",
}


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """A StoreError a user can act on for an SQLite error on the store at path."""
    name = getattr(exc, "sqlite_errorname", "").replace("SQLITE_LOCKED", "SQLITE_BUSY")
    for prefix, template in _MESSAGES.items():
        if name.startswith(prefix):
            return StoreError(template.format(path=path, timeout=BUSY_TIMEOUT_S, exc=exc))
    return StoreError(f"cannot use the store at {path}: {exc}")
