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
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import NotFoundError, StoreError, TimelineError
from .models import Article, Event, EventLink
from .store_sql import (
    ARTICLE_COLS,
    ARTICLE_UPSERT,
    EVENT_UPSERT,
    LINKS,
    MAX_SPAN,
    MESSAGES,
    ORDER_EVENTS,
    OVERLAP_POINT_SQL,
    OVERLAP_SQL,
    SCHEMA,
    article_from_row,
    article_row,
    event_from_json,
    event_row,
    lower_bound,
    translate,
)

log = logging.getLogger(__name__)

APPLICATION_ID = 0x544C4E31  # "TLN1" in the SQLite header: marks the file as a timeline store
BUSY_TIMEOUT_S = 30.0  # a second `timeline add` waits this long for the first to commit
MIN_PREFIX = 4  # shortest id prefix accepted for events and sources


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Everything one build/add writes: new articles, inserted or replaced events, new links."""

    articles: tuple[Article, ...] = ()
    events: tuple[Event, ...] = ()
    links: tuple[EventLink, ...] = ()


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
        # a reader of a writable store opens it read-write but query-only: a read-only
        # connection cannot tidy the -wal/-shm files away when it closes
        mode = ("rw" if _writable(path) else "ro") if readonly else "rwc"
        target = f"file:{quote(str(path.resolve()))}?mode={mode}"
        if frozen:  # read the file as it is, with no -wal/-shm files beside it
            target = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
        try:
            db = sqlite3.connect(target, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise translate(exc, path, BUSY_TIMEOUT_S) from exc
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
            if readonly:
                self._db.execute("PRAGMA query_only = ON")  # any write is refused
            if not self._check_header():
                if readonly:
                    raise StoreError(f"no store at {self.path}; run `timeline build` first")
                self._create_schema()
            if wal:
                self._use_wal()
        except sqlite3.Error as exc:
            raise translate(exc, self.path, BUSY_TIMEOUT_S) from exc

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
            raise StoreError(MESSAGES["OTHER"].format(path=self.path))
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
            for statement in SCHEMA.split(";"):
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
            raise translate(exc, self.path, BUSY_TIMEOUT_S) from exc

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
            raise translate(exc, self.path, BUSY_TIMEOUT_S) from exc
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
        self._db.executemany(ARTICLE_UPSERT, (article_row(a) for a in articles))

    def _write_events(self, events: tuple[Event, ...]) -> None:
        """Insert or replace events by id (in place, so links to them stay), and their sources."""
        events = tuple({e.id: e for e in events}.values())  # the last of duplicate ids wins
        self._db.executemany(EVENT_UPSERT, (event_row(e) for e in events))
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
            raise translate(exc, self.path, BUSY_TIMEOUT_S) from exc

    def has_article(self, article_id: str) -> bool:
        """True if an article with this id is stored."""
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def article(self, article_id: str) -> Article | None:
        """The article with this exact id, or None."""
        rows = self._query(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        return article_from_row(rows[0]) if rows else None

    def articles(self) -> list[Article]:
        """Every article, ordered by publication date (undated last), then id."""
        sql = f"SELECT {ARTICLE_COLS} FROM articles ORDER BY published IS NULL, published, id"
        return [article_from_row(row) for row in self._query(sql)]

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
        return event_from_json(self._query("SELECT data FROM events WHERE id = ?", (ids[0],))[0][0])

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
        return [event_from_json(row[0]) for row in self._query(f"{sql} {ORDER_EVENTS}", params)]

    def events_overlapping(
        self, start: date, end: date, *, open_as_point: bool = False
    ) -> list[Event]:
        """Dated events whose interval (open end = forever, or only its start day with
        open_as_point) meets [start, end], by index."""
        params: dict[str, str] = {"qs": start.isoformat(), "qe": end.isoformat()}
        params.update({f"lo{lvl}": lower_bound(start, lvl) for lvl in range(MAX_SPAN)})
        sql = OVERLAP_POINT_SQL if open_as_point else OVERLAP_SQL
        rows = sorted(self._query(sql, params))  # (start, id, data): few rows
        return [event_from_json(row[2]) for row in rows]

    def event_count(self) -> int:
        """Number of stored events."""
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def link_count(self) -> int:
        """Number of stored links."""
        return int(self._query("SELECT count(*) FROM links")[0][0])

    def links(self) -> list[EventLink]:
        """Every link, ordered by source, target, kind, evidence, article."""
        return [EventLink(*row) for row in self._query(f"{LINKS} ORDER BY 1, 2, 3, 4, 5")]

    def links_of(self, event_id: str) -> list[EventLink]:
        """Links where the event is the source or the target (each by its own index)."""
        sql = f"{LINKS} WHERE source = ? UNION {LINKS} WHERE target = ? ORDER BY 1, 2, 3, 4, 5"
        return [EventLink(*row) for row in self._query(sql, (event_id, event_id))]


def _frozen(path: Path) -> bool:
    """True for a store we cannot write to (the file or its folder), with no write-ahead log to
    replay. SQLite would make -wal/-shm files as read-only as the store (or fail to make them),
    and read-only ones beside a store made writable again keep it read-only."""
    wal = path.with_name(path.name + "-wal")
    return not _writable(path) and not (wal.exists() and wal.stat().st_size)


def _writable(path: Path) -> bool:
    """Whether we may write the store (if it exists) and make files in its folder."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


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
