"""Tests of the SQLite store: round trips, atomic writes, lookups, the overlap index, errors."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import NotFoundError, StoreError, TimelineError
from timeline.models import Article, Event, EventLink, Granularity, Mention
from timeline.store import ChangeSet, Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_OK = [HealthCheck.function_scoped_fixture]  # tmp_path is shared; each example names its db


def hid(*parts: object) -> str:
    """A 16-hex-char id from anything, like the content-hash ids of the pipeline."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def article(n: int, published: datetime | None = datetime(2022, 1, 12, 9, 30)) -> Article:
    """A small article."""
    return Article(
        id=hid("article", n),
        path=f"news/{n}.txt",
        text=f"Article {n}. Troops crossed the border on Monday.",
        published=published,
        published_source="manifest",
        published_confidence=1.0,
        outlet="Wire",
        url=f"https://example.org/{n}",
        title=f"Story {n}",
    )


def mention(art: Article, sentence: str = "Troops crossed the border.") -> Mention:
    """A mention of an event in art."""
    pub = art.published.isoformat() if art.published else ""
    return Mention(art.id, 1, sentence, "on Monday", 30, 39, "2022-01-10", "weekday", pub)


def event(
    key: object,
    start: date | None,
    end: date | None,
    *,
    title: str = "Troops crossed the border",
    mentions: tuple[Mention, ...] = (),
) -> Event:
    """An event with a deterministic id."""
    return Event(
        id=hid("event", key),
        title=title,
        value=start.isoformat() if start else "PAST_REF",
        granularity=Granularity.DAY if start else Granularity.NONE,
        start=start,
        end=end,
        mod="",
        actors=("Russia", "Ukraine"),
        mentions=mentions,
        conflict=False,
    )


def dump(store: Store) -> list[str]:
    """Every row of every table, as SQL: equal dumps mean equal stores."""
    return list(store._db.iterdump())


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the test store lives."""
    return tmp_path / "timeline.db"


@pytest.fixture
def sample() -> ChangeSet:
    """Two articles, three events (one open, one undated), two links."""
    a1, a2 = article(1), article(2, published=None)
    e1 = event(1, date(2022, 1, 10), date(2022, 1, 10), mentions=(mention(a1), mention(a2)))
    e2 = event(2, date(2014, 1, 1), None, title="Annexation", mentions=(mention(a1, "Since 2014"),))
    e3 = event(3, None, None, title="Talks", mentions=(mention(a2, "Talks went on."),))
    links = (EventLink(e2.id, e1.id, "before"), EventLink(e2.id, e1.id, "causes", "led to", a1.id))
    return ChangeSet(articles=(a1, a2), events=(e1, e2, e3), links=links)


@pytest.fixture
def store(path: Path, sample: ChangeSet) -> Iterator[Store]:
    """A store holding the sample."""
    s = Store.open(path)
    s.apply(sample)
    yield s
    s.close()


# -- round trips, idempotence, replacement ------------------------------------------------------


def test_round_trip(store: Store, sample: ChangeSet) -> None:
    """What goes in comes back as equal dataclasses."""
    a1, a2 = sample.articles
    e1, e2, e3 = sample.events
    assert store.articles() == [a1, a2]  # by published, undated last
    assert store.article(a1.id) == a1 and store.article("nope") is None
    assert store.has_article(a2.id) and not store.has_article("nope")
    assert (store.article_count(), store.event_count()) == (2, 3)
    assert store.events() == [e2, e1, e3]  # by start, undated last
    assert [store.event(e.id) for e in sample.events] == [e1, e2, e3]
    assert store.links() == sorted(sample.links, key=lambda x: (x.source, x.target, x.kind))
    assert store.links_of(e1.id) == store.links() == store.links_of(e2.id)
    assert store.links_of(e3.id) == []


def test_reopen_keeps_everything(store: Store, path: Path, sample: ChangeSet) -> None:
    """A closed and reopened store reads the same."""
    before = dump(store)
    store.close()
    with Store.open(path, create=False) as again:
        assert dump(again) == before
        assert again.events() == [sample.events[1], sample.events[0], sample.events[2]]


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURE_OK)
@given(
    title=st.text(max_size=30),
    sentence=st.text(max_size=60),
    start=st.one_of(st.none(), st.dates()),
    days=st.one_of(st.none(), st.integers(0, 4000)),
    conflict=st.booleans(),
)
def test_event_round_trip_any_text(
    tmp_path: Path, title: str, sentence: str, start: date | None, days: int | None, conflict: bool
) -> None:
    """Any text and any interval survive the JSON/SQLite edge."""
    a = article(1)
    end = None if start is None or days is None else min(date.max, start + timedelta(days=days))
    e = Event(hid(title, sentence), title, "X", Granularity.DAY, start, end,
              mentions=(mention(a, sentence),), conflict=conflict)  # fmt: skip
    with Store.open(tmp_path / f"{hid(title, sentence, start, days)}.db") as s:
        s.apply(ChangeSet(articles=(a,), events=(e,)))
        assert s.event(e.id) == e


def test_reapply_is_idempotent(store: Store, sample: ChangeSet) -> None:
    """Applying the same change twice leaves the store as after once."""
    before = dump(store)
    store.apply(sample)
    assert dump(store) == before


def test_replace_event_by_id(store: Store, sample: ChangeSet) -> None:
    """A merged event replaces the stored one in place: more mentions, new sources, links kept."""
    a3 = article(3)
    e1 = sample.events[0]
    merged = Event(e1.id, e1.title, e1.value, e1.granularity, e1.start, e1.end,
                   mentions=(mention(a3),), conflict=True)  # fmt: skip
    store.apply(ChangeSet(articles=(a3,), events=(merged,)))
    assert store.event(e1.id) == merged
    assert store.event_count() == 3
    assert store.events(source=a3.id) == [merged]
    assert merged not in store.events(source=sample.articles[0].id)
    assert len(store.links_of(e1.id)) == 2


# -- atomicity ------------------------------------------------------------------------------------


def test_apply_is_atomic_on_unbindable_value(store: Store, sample: ChangeSet) -> None:
    """A bad value in the last of several inserts rolls everything back."""
    before = dump(store)
    a9 = article(9)
    e9 = event(9, date(2023, 5, 1), date(2023, 5, 31), mentions=(mention(a9),))
    e1 = sample.events[0]
    bad = ChangeSet(
        articles=(a9,),
        events=(e9,),
        links=(EventLink(e9.id, e1.id, "after"), EventLink(e9.id, e1.id, "x", object())),  # type: ignore[arg-type]
    )
    with pytest.raises(StoreError, match=r"^cannot (write|use)"):
        store.apply(bad)
    assert dump(store) == before
    assert not store._db.in_transaction


def test_apply_is_atomic_on_any_exception(
    store: Store, sample: ChangeSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any exception after some writes rolls back; TimelineErrors pass through unchanged."""
    before = dump(store)
    a9 = article(9)
    change = ChangeSet(articles=(a9,), events=(event(9, None, None, mentions=(mention(a9),)),))

    def boom(self: Store, links: tuple[EventLink, ...]) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Store, "_write_links", boom)
    with pytest.raises(StoreError) as info:
        store.apply(change)
    assert str(info.value) == f"cannot write to {store.path}: boom; nothing was written"
    assert dump(store) == before

    def refuse(self: Store, links: tuple[EventLink, ...]) -> None:
        raise NotFoundError("nothing here")

    monkeypatch.setattr(Store, "_write_links", refuse)
    with pytest.raises(NotFoundError, match="^nothing here$"):
        store.apply(change)
    assert dump(store) == before


def test_dangling_references_are_refused(store: Store, sample: ChangeSet) -> None:
    """A link to an unknown event or a mention of an unknown article writes nothing."""
    before = dump(store)
    e1 = sample.events[0]
    with pytest.raises(StoreError) as info:
        store.apply(ChangeSet(links=(EventLink(e1.id, "feedfeedfeedfeed", "before"),)))
    assert str(info.value) == (
        f"cannot write to {store.path}: a link points at event 'feedfeedfeedfeed', which is"
        " neither stored nor in this change; nothing was written"
    )
    orphan = event(7, None, None, mentions=(mention(article(7)),))
    with pytest.raises(StoreError, match="an event cites article"):
        store.apply(ChangeSet(events=(orphan,)))
    assert dump(store) == before


# -- lookups ------------------------------------------------------------------------------------


def test_event_prefix_lookup(path: Path) -> None:
    """Exact id or unique prefix of 4+ characters; an ambiguous prefix says how many match."""
    ids = ["ab12000000000000", "ab12000000000001", "ab12300000000000", "cd00000000000000"]
    evs = tuple(Event(i, "t", "v", Granularity.NONE, None, None) for i in ids)
    with Store.open(path) as s:
        s.apply(ChangeSet(events=evs))
        assert s.event("cd00") == evs[3]
        assert s.event("ab123") == evs[2]
        assert s.event(ids[0]) == evs[0]
        assert s.event("cd0") is None  # too short for a prefix
        assert s.event("ffff") is None
        with pytest.raises(NotFoundError) as info:
            s.event("ab12")
        assert str(info.value) == "event prefix 'ab12' matches 3 events; give more characters"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [1, 0, 2]),
        ({"date_from": date(2022, 1, 10), "date_to": date(2022, 1, 10)}, [1, 0]),
        ({"date_from": date(2022, 1, 11)}, [1]),  # only the open interval reaches past it
        ({"date_to": date(2013, 12, 31)}, []),
        ({"date_to": date(2014, 1, 1)}, [1]),
        ({"date_from": date(2015, 1, 1), "date_to": date(2015, 12, 31)}, [1]),
        ({"search": "TROOPS"}, [0]),  # title, case-insensitive
        ({"search": "since 20"}, [1]),  # a mention sentence
        ({"search": "went on"}, [2]),
        ({"search": "border.\x00talks"}, []),  # never across two sentences
        ({"search": "nowhere"}, []),
        ({"source": "A1"}, [1, 0]),
        ({"source": "A2"}, [0, 2]),
        ({"source": "A2", "search": "talks"}, [2]),
        ({"source": "A1", "date_from": date(2022, 1, 1)}, [1, 0]),
    ],
)
def test_event_filters(store: Store, sample: ChangeSet, filters: dict, expected: list[int]) -> None:
    """events() filters by interval overlap, source article (or prefix) and text."""
    if "source" in filters:
        art = sample.articles[int(filters["source"][1]) - 1]
        filters = {**filters, "source": art.id[:6]}
    assert store.events(**filters) == [sample.events[i] for i in expected]


def test_source_filter_errors(store: Store) -> None:
    """An unknown or ambiguous source is an error a user can act on."""
    with pytest.raises(NotFoundError) as info:
        store.events(source="ffffffff")
    assert str(info.value) == f"no article 'ffffffff' in {store.path}"
    more = tuple(Article(f"beef00000000000{i}", "p", "t", None) for i in range(2))
    store.apply(ChangeSet(articles=more))
    with pytest.raises(NotFoundError) as info:
        store.events(source="beef")
    assert str(info.value) == "article prefix 'beef' matches 2 articles; give more characters"


# -- the overlap query --------------------------------------------------------------------------

D = date
INTERVALS = {
    "day": (D(2022, 1, 10), D(2022, 1, 10)),
    "month": (D(2022, 1, 1), D(2022, 1, 31)),
    "year": (D(2021, 1, 1), D(2021, 12, 31)),
    "decade": (D(2010, 1, 1), D(2019, 12, 31)),
    "open2014": (D(2014, 1, 1), None),
    "open2023": (D(2023, 1, 1), None),
    "undated": (None, None),
    "backwards": (D(2022, 3, 5), D(2022, 3, 1)),
    "dawn": (date.min, date.min),
    "forever": (date.min, date.max),
}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2022, 1, 10), D(2022, 1, 10), {"day", "month", "open2014", "forever"}),
        (D(2022, 1, 11), D(2022, 1, 11), {"month", "open2014", "forever"}),
        (D(2022, 2, 1), D(2022, 2, 28), {"open2014", "forever"}),
        (D(2021, 12, 31), D(2022, 1, 1), {"month", "year", "open2014", "forever"}),
        (D(2019, 12, 31), D(2019, 12, 31), {"decade", "open2014", "forever"}),
        (D(2013, 1, 1), D(2013, 12, 31), {"decade", "forever"}),
        (D(2030, 1, 1), D(2030, 1, 1), {"open2014", "open2023", "forever"}),
        # an event ending before it starts meets only queries that cover both of its ends
        (D(2022, 3, 2), D(2022, 3, 3), {"open2014", "forever"}),
        (D(2022, 3, 5), D(2022, 3, 5), {"open2014", "forever"}),
        (D(2022, 3, 1), D(2022, 3, 5), {"backwards", "open2014", "forever"}),
        (date.min, date.min, {"dawn", "forever"}),
        (date.max, date.max, {"open2014", "open2023", "forever"}),
    ],
)
def test_events_overlapping(path: Path, start: date, end: date, expected: set[str]) -> None:
    """Closed intervals meet [start, end] on both sides; open ones run forever; undated never."""
    evs = {name: event(name, s, e) for name, (s, e) in INTERVALS.items()}
    with Store.open(path) as s:
        s.apply(ChangeSet(events=tuple(evs.values())))
        got = s.events_overlapping(start, end)
    assert {n for n, e in evs.items() if e in got} == expected
    assert got == sorted(got, key=lambda e: (e.start, e.id))


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURE_OK)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, 3000), st.one_of(st.none(), st.integers(0, 1500))), max_size=25
    ),
    q=st.tuples(st.integers(0, 3000), st.integers(0, 400)),
)
def test_events_overlapping_matches_brute_force(
    tmp_path: Path, spans: list[tuple[int, int | None]], q: tuple[int, int]
) -> None:
    """The indexed query and the events() date filter agree with a plain Python check."""
    base = date(2015, 1, 1)
    evs = [
        event(i, base + timedelta(a), None if n is None else base + timedelta(a + n))
        for i, (a, n) in enumerate(spans)
    ]
    qs, qe = base + timedelta(q[0]), base + timedelta(q[0] + q[1])
    want = sorted(
        (e for e in evs if e.start <= qe and (e.end is None or e.end >= qs)),
        key=lambda e: (e.start, e.id),
    )
    with Store.open(tmp_path / f"{hid(spans, q)}.db") as s:
        s.apply(ChangeSet(events=tuple(evs)))
        assert s.events_overlapping(qs, qe) == want
        assert s.events(date_from=qs, date_to=qe) == want


def test_events_overlapping_uses_the_index(store: Store) -> None:
    """Every branch of the overlap query is an index search, never a table scan."""
    from timeline import store_sql as store_module

    params = {"qs": "2022-01-01", "qe": "2022-01-31"}
    params.update({f"lo{i}": "2000-01-01" for i in range(store_module.MAX_SPAN)})
    sql = "EXPLAIN QUERY PLAN " + store_module.OVERLAP_SQL
    plan = [row[3] for row in store._db.execute(sql, params)]
    reads = [line for line in plan if "events" in line]
    assert len(reads) == store_module.MAX_SPAN + 1
    index_search = "SEARCH events USING INDEX events_interval (span=?"
    assert all(line.startswith(index_search) for line in reads)
    assert not any("SCAN" in line for line in plan)


# -- errors -------------------------------------------------------------------------------------


def test_not_sqlite(path: Path) -> None:
    """A file that is not SQLite is refused with the exact message."""
    path.write_bytes(b"This is a text file, not a database.\n" * 50)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(info.value) == (
        f"{path} is not a timeline store (not an SQLite database);"
        " give another --store path or delete it"
    )
    assert path.read_bytes().startswith(b"This is a text file")


def test_sqlite_of_another_program(path: Path) -> None:
    """An SQLite database with other tables is not taken over."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE cookies (name TEXT)")
    db.close()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(info.value) == (
        f"{path} is not a timeline store (an SQLite database of another program);"
        " give another --store path or delete it"
    )


def test_newer_schema(store: Store, path: Path) -> None:
    """A store written by a newer timeline is refused, not misread."""
    store._db.execute(f"PRAGMA user_version = {Store.SCHEMA_VERSION + 1}")
    store.close()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(info.value) == (
        f"{path} was written by a newer timeline (schema 2, this version reads 1); upgrade timeline"
    )


def test_missing_store(path: Path) -> None:
    """create=False (and readonly) never make a store."""
    for kwargs in ({"create": False}, {"readonly": True}):
        with pytest.raises(StoreError) as info:
            Store.open(path, **kwargs)
        assert str(info.value) == f"no store at {path}; run `timeline build` first"
    assert not path.exists()


def test_folder_as_store(tmp_path: Path) -> None:
    """A folder given as the store path is refused."""
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert str(info.value) == f"{tmp_path} is a folder, not a timeline store; give a file path"


def test_create_makes_parent_folders(tmp_path: Path) -> None:
    """A new store in a folder that does not exist yet gets the folder."""
    with Store.open(tmp_path / "out" / "deep" / "t.db") as s:
        assert s.event_count() == 0


READ_ONLY = "{} is read-only; make it and its folder writable or give another --store path"
READ_ONLY += " (nothing was written)"


def test_read_only_store(store: Store, path: Path, sample: ChangeSet) -> None:
    """Writing to a store opened read-only fails with the path and what to do; reads work."""
    before = dump(store)
    store.close()
    with Store.open(path, readonly=True) as ro:
        assert ro.event_count() == 3
        with pytest.raises(StoreError) as info:
            ro.apply(ChangeSet(articles=(article(5),)))
        assert str(info.value) == READ_ONLY.format(path)
    with Store.open(path) as rw:
        assert dump(rw) == before


def test_reader_leaves_no_journal_files(store: Store, path: Path) -> None:
    """Reading a store (events, show, graph, build's check) leaves no -wal/-shm beside it."""
    store.close()
    with Store.open(path, readonly=True) as ro:
        assert ro.event_count() == 3
    with Store.open(path, readonly=True):
        with Store.open(path, readonly=True) as second:  # two readers at once, as two commands
            assert second.event_count() == 3
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


PROBE = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from timeline.errors import StoreError
    from timeline.models import Article
    from timeline.store import ChangeSet, Store
    for kwargs in ({}, {"readonly": True}):
        with Store.open(sys.argv[2], **kwargs) as s:
            print(s.article_count())
            try:
                s.apply(ChangeSet(articles=(Article("beefbeefbeefbeef", "p", "t", None),)))
            except StoreError as exc:
                print(exc)
    """
)


def as_other_user() -> list[str]:
    """Command prefix running Python as a user the permission bits apply to (root ignores them)."""
    if os.geteuid() != 0:
        return [sys.executable]
    python = "/usr/bin/python3"  # root's own interpreter may sit in a folder nobody can read
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", python]
    try:
        probe = subprocess.run([*cmd, "-c", "import sqlite3"], capture_output=True, timeout=30)
    except OSError:
        pytest.skip("running as root and setpriv is not available")
    if probe.returncode:
        pytest.skip(f"running as root and cannot run {python} as nobody")
    return cmd


@pytest.mark.parametrize(("folder_mode", "file_mode"), [(0o555, 0o444), (0o777, 0o444)])
def test_read_only_file_and_folder(sample: ChangeSet, folder_mode: int, file_mode: int) -> None:
    """Without write permission a store still reads; a write says so and changes nothing."""
    cmd = as_other_user()
    # not tmp_path: its parents are private to the user running pytest
    top = Path(tempfile.mkdtemp())
    top.chmod(0o755)
    folder = top / "store"
    path = folder / "timeline.db"
    try:
        with Store.open(path) as s:
            s.apply(sample)
            before = dump(s)
        path.chmod(file_mode)
        folder.chmod(folder_mode)
        # a copy of the package the other user can read, wherever this checkout lives
        shutil.copytree(ROOT / "timeline", top / "src" / "timeline")
        out = subprocess.run([*cmd, "-c", PROBE, str(top / "src"), str(path)],
                             capture_output=True, text=True, timeout=60)  # fmt: skip
        assert out.stdout.splitlines() == ["2", READ_ONLY.format(path)] * 2, out.stderr
        folder.chmod(0o755)
        path.chmod(0o644)
        with Store.open(path) as s:
            assert dump(s) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


def test_disk_full(store: Store) -> None:
    """A write that runs out of space rolls back and says so."""
    before = dump(store)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow
    big = tuple(article(100 + i) for i in range(200))
    with pytest.raises(StoreError) as info:
        store.apply(ChangeSet(articles=big))
    assert str(info.value) == (
        f"the disk is full while writing {store.path}; free some space and run the command again"
        " (nothing was written)"
    )
    assert dump(store) == before


# -- several processes --------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, hashlib
    from datetime import date, timedelta
    sys.path.insert(0, sys.argv[1])
    from tests.test_store import article, event, mention
    from timeline.store import ChangeSet, Store
    import os, time
    name, rounds, go = sys.argv[3], int(sys.argv[4]), sys.argv[5]
    print("ready", flush=True)
    while not os.path.exists(go):  # start both writers at the same moment
        time.sleep(0.01)
    with Store.open(sys.argv[2]) as s:
        for r in range(rounds):
            a = article(f"{name}-{r}")
            evs = tuple(event((name, r, i), date(2022, 1, 1) + timedelta(i), None,
                              mentions=(mention(a),)) for i in range(20))
            s.apply(ChangeSet(articles=(a,), events=evs))
            time.sleep(0.002)  # real writers parse between applies; lets the other one in
    print("done", flush=True)
    """
)


@pytest.mark.parametrize(("writers", "rounds", "fresh"), [(2, 25, False), (4, 3, True)])
def test_processes_write_at_once(path: Path, writers: int, rounds: int, fresh: bool) -> None:
    """Writers at the same time (even creating the store) serialize instead of failing."""
    if not fresh:
        Store.open(path).close()
    go = path.with_name("go")
    args = [sys.executable, "-c", WRITER, str(ROOT), str(path)]
    procs = [
        subprocess.Popen([*args, f"w{n}", str(rounds), str(go)], stdout=subprocess.PIPE, text=True)
        for n in range(writers)
    ]
    assert all(p.stdout is not None and p.stdout.readline() == "ready\n" for p in procs)
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * writers, outs
    with Store.open(path, create=False) as s:
        assert s.article_count() == writers * rounds
        assert s.event_count() == writers * rounds * 20


def test_busy_store(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that cannot get the lock within the busy timeout gives up cleanly."""
    monkeypatch.setattr("timeline.store.BUSY_TIMEOUT_S", 0.2)
    with Store.open(path) as s:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError) as info:
                s.apply(ChangeSet(articles=(article(1),)))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert str(info.value) == (
            f"{path} is locked by another timeline process (waited 0.2 s);"
            " try again when it has finished"
        )
        s.apply(ChangeSet(articles=(article(1),)))
        assert s.article_count() == 1


KILLED = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from tests.test_store import article, event, mention
    from timeline.store import ChangeSet, Store
    original = Store._write_links
    def stall(self, links):
        original(self, links)
        print("written", flush=True)
        time.sleep(120)
    Store._write_links = stall
    arts = tuple(article(f"big-{i}") for i in range(300))
    evs = tuple(event(("big", i), None, None, mentions=(mention(arts[i % 300], "x" * 400),))
                for i in range(20000))
    with Store.open(sys.argv[2]) as s:
        s.apply(ChangeSet(articles=arts, events=evs))
    """
)


def test_sigkill_mid_apply_keeps_old_content(store: Store, path: Path) -> None:
    """A writer killed before its commit leaves the store as it was, readable and writable."""
    before = dump(store)
    store.close()
    args = [sys.executable, "-c", KILLED, str(ROOT), str(path)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "written\n"
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 1_000_000  # the big change had reached the disk
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    with Store.open(path, create=False) as s:
        assert dump(s) == before
        s.apply(ChangeSet(articles=(article(42),)))
        assert s.article_count() == 3


def test_errors_are_timeline_errors() -> None:
    """The CLI can catch every store error as a TimelineError."""
    assert issubclass(StoreError, TimelineError) and issubclass(NotFoundError, TimelineError)


def test_open_events_as_points_only_meet_windows_holding_their_start(tmp_path):
    """open_as_point: an open event ("since 2014") is a candidate only near its start."""
    art = Article("a" * 16, "a.txt", "text", None)
    m = Mention(art.id, 0, "s", "", 0, 1, "2014", "r", "")
    ev = Event("e1", "Since 2014", "2014", Granularity.YEAR, date(2014, 1, 1), None, mentions=(m,))
    with Store.open(tmp_path / "s.db") as st:
        st.apply(ChangeSet((art,), (ev,)))
        later = (date(2020, 1, 1), date(2020, 1, 31))
        assert [e.id for e in st.events_overlapping(*later)] == ["e1"]
        assert st.events_overlapping(*later, open_as_point=True) == []
        day = date(2014, 1, 1)
        assert [e.id for e in st.events_overlapping(day, day, open_as_point=True)] == ["e1"]
        assert st.link_count() == 0
