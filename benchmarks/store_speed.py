"""How fast the store writes and looks up in a big store; prints a table.

    python benchmarks/store_speed.py [--articles 20000] [--events 200000] [--store PATH]

The store is built once (synthetic articles and events) and reused on the next run.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.models import Article, Event, EventLink, Granularity, Mention  # noqa: E402
from timeline.store import ChangeSet, Store  # noqa: E402

BASE = date(2015, 1, 1)
SPANS = [(Granularity.DAY, 0)] * 6 + [(Granularity.MONTH, 30), (Granularity.YEAR, 364)]


def hid(*parts: object) -> str:
    """A 16-hex-char id."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def make_article(n: int) -> Article:
    """A synthetic article of about 3 kB."""
    pub = datetime(2015, 1, 1) + timedelta(hours=n * 5)
    text = f"Article {n}. " + "Officials said talks would resume next week. " * 60
    return Article(hid("a", n), f"news/{n}.txt", text, pub, "manifest", 1.0, "Wire", "", f"S{n}")


def make_event(key: object, art: Article, rng: random.Random) -> Event:
    """A synthetic event reported by art, mostly day-precise, some months, years, open."""
    start = BASE + timedelta(days=rng.randrange(3650))
    gran, days = rng.choice(SPANS)
    end = None if rng.random() < 0.02 else start + timedelta(days=days)
    sentence = f"Officials met in {key} and agreed to continue the talks on the border."
    pub = art.published.isoformat() if art.published else ""
    m = Mention(art.id, 3, sentence, "on Monday", 10, 19, start.isoformat(), "weekday", pub)
    return Event(hid("e", key), f"Officials met {key}", start.isoformat(), gran, start, end,
                 actors=("Officials",), mentions=(m,))  # fmt: skip


def build(path: Path, n_articles: int, n_events: int) -> None:
    """Fill the store in batches of 1,000 articles and their events."""
    rng = random.Random(1)
    per = n_events // n_articles
    with Store.open(path) as store:
        for lo in range(0, n_articles, 1000):
            arts = tuple(make_article(i) for i in range(lo, min(lo + 1000, n_articles)))
            evs = tuple(make_event((a.id, j), a, rng) for a in arts for j in range(per))
            links = tuple(
                EventLink(x.id, y.id, "before") for x, y in zip(evs, evs[1:], strict=False)
            )
            store.apply(ChangeSet(arts, evs, links))


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, int]:
    """Median and max wall time of fn in milliseconds, and how many rows it returned."""
    times = []
    rows = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
        rows = len(out) if isinstance(out, list) else 1
    return statistics.median(times), max(times), rows


def main() -> None:
    """Build (or reuse) the big store, then time the operations a build/add/query does."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "store_speed.db")
    args = ap.parse_args()
    with Store.open(args.store) as s:
        fresh = s.article_count() < args.articles or s.event_count() < args.events
    if fresh:
        args.store.unlink()
        t0 = time.perf_counter()
        build(args.store, args.articles, args.events)
        print(f"built {args.store} in {time.perf_counter() - t0:.1f} s")
    rng = random.Random(2)
    store = Store.open(args.store)
    counter = iter(range(10**9))
    some = store.events(source=make_article(7).id)

    def change() -> ChangeSet:
        """What one `timeline add` writes: 1 article, 20 new events, 10 merged ones, 19 links."""
        a = make_article(10**7 + next(counter))
        new = tuple(make_event((a.id, j), a, rng) for j in range(20))
        old = store.events(source=make_article(rng.randrange(args.articles)).id)
        merged = tuple(
            Event(
                e.id,
                e.title,
                e.value,
                e.granularity,
                e.start,
                e.end,
                mentions=e.mentions + new[0].mentions,
            )  # fmt: skip
            for e in old
        )
        links = tuple(EventLink(x.id, y.id, "before") for x, y in zip(new, new[1:], strict=False))
        return ChangeSet((a,), new + merged, links)

    changes = iter([change() for _ in range(30)])

    day = BASE + timedelta(days=2000)
    rows = [
        ("apply: 1 article + 20 new + 10 merged events", lambda: store.apply(next(changes)), 30),
        ("events_overlapping(one day)", lambda: store.events_overlapping(day, day), 50),
        (
            "events_overlapping(one month)",
            lambda: store.events_overlapping(day, day + timedelta(30)),
            20,
        ),
        ("event(8-char prefix)", lambda: store.event(some[0].id[:8]), 200),
        ("events(source=article)", lambda: store.events(source=make_article(7).id), 50),
        ("links_of(event)", lambda: store.links_of(some[0].id), 200),
        ("events(search=...) full scan", lambda: store.events(search="met in zz"), 3),
    ]
    print(f"store: {store.article_count():,} articles, {store.event_count():,} events")
    print(f"{'operation':<48} {'median ms':>10} {'max ms':>10} {'rows':>6}")
    for name, fn, repeat in rows:
        med, worst, n = timed(fn, repeat)
        print(f"{name:<48} {med:>10.2f} {worst:>10.2f} {n:>6}")
    store.close()


if __name__ == "__main__":
    main()
