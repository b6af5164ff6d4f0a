"""Compose the stages: articles -> sentences + expressions -> events -> merged into the store."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

import networkx as nx

from .errors import TimelineError
from .events import canonical_actors, extract_events
from .graph import build_graph
from .merge import EventIndex, merge_into
from .models import Article, BuildReport, Event, EventLink, Rejection, TimeExpression
from .segment import split_sentences
from .settings import DEFAULT, Settings
from .store import ChangeSet, Store
from .temporal import find_expressions

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


def expressions_of(article: Article, settings: Settings = DEFAULT) -> list[TimeExpression]:
    """Every date expression of an article, resolved against its publication date."""
    if article.published is None:
        return []
    return find_expressions(article.text, article.published, settings)


def extract_article(
    article: Article, settings: Settings = DEFAULT
) -> tuple[list[Event], list[EventLink]]:
    """One article's own events and stated links, before merging with other articles (pure)."""
    sentences = split_sentences(article.text)
    expressions = expressions_of(article, settings)
    return extract_events(article, sentences, expressions, settings)


def _extract_all(
    articles: Sequence[Article], settings: Settings, progress: Progress | None
) -> Iterable[tuple[list[Event], list[EventLink]]]:
    """Extract every article, in order, on `settings.workers` processes."""
    if settings.workers <= 1 or len(articles) < 2:
        for article in articles:
            yield extract_article(article, settings)
            if progress:
                progress(1)
        return
    # Workers ignore Ctrl-C, so only the main process stops and no worker is left broken (an
    # executor's shutdown waited forever on workers a second Ctrl-C broke); on the way out the
    # pending work is cancelled and nothing waits for it. A worker that dies (out of memory)
    # breaks the pool at once.
    pool = ProcessPoolExecutor(max_workers=settings.workers, initializer=_ignore_interrupts)
    chunk = max(1, min(64, len(articles) // (settings.workers * 8)))
    try:
        for result in pool.map(
            extract_article, articles, [settings] * len(articles), chunksize=chunk
        ):
            yield result
            if progress:
                progress(1)
    except BrokenProcessPool as exc:
        _stop(pool)
        raise TimelineError(
            "an extraction process died (out of memory?); nothing was stored. "
            "Run again with fewer --workers"
        ) from exc
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now: a further Ctrl-C cannot interrupt this, and nothing is left for
    the interpreter to wait on at exit."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # we are leaving anyway
    for proc in list(getattr(pool, "_processes", {}).values()):  # no public way to end them
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _ignore_interrupts() -> None:
    """A worker's initializer: SIGINT is for the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def add_articles(
    articles: Sequence[Article],
    store: Store,
    settings: Settings = DEFAULT,
    rejected: Sequence[Rejection] = (),
    progress: Progress | None = None,
) -> BuildReport:
    """Add articles to the store in one transaction: extract only the new ones, merge their
    events with stored events of overlapping dates, and keep every stated link.
    `progress` is told two units per article: one extracted, one merged."""
    report = BuildReport(rejected=list(rejected))
    fresh = _new_articles(articles, store)
    if progress and len(fresh) < len(articles):
        progress(2 * (len(articles) - len(fresh)))  # already stored: nothing to do for them
    extracted = list(_extract_all(fresh, settings, progress))  # slow part: outside the lock
    with store.transaction():  # what merging reads is what it writes against
        keep = [
            (a, x) for a, x in zip(fresh, extracted, strict=True) if not store.has_article(a.id)
        ]
        index = EventIndex(lambda a, z: store.events_overlapping(a, z, open_as_point=True))
        links: list[EventLink] = []
        if progress and len(keep) < len(fresh):
            progress(len(fresh) - len(keep))  # stored meanwhile by another process
        for events, own_links in (x for _a, x in keep):
            renamed = merge_into(index, events, settings)
            links.extend(_rename(link, renamed) for link in own_links)
            if progress:
                progress(1)
        added = tuple(a for a, _x in keep)
        store.apply(ChangeSet(added, tuple(index.events.values()), tuple(links)))
    report.articles_added = len(added)
    report.articles_skipped = len(articles) - len(added)
    report.events = store.event_count()
    report.links = store.link_count()
    log.info("added %d articles (%d already stored)", len(added), report.articles_skipped)
    return report


def _new_articles(articles: Sequence[Article], store: Store) -> list[Article]:
    """Articles not stored yet, each once, in merge order."""
    fresh: list[Article] = []
    seen: set[str] = set()
    for article in sorted(articles, key=_order):
        if article.id not in seen and not store.has_article(article.id):
            seen.add(article.id)
            fresh.append(article)
    return fresh


def _order(article: Article) -> tuple[str, str]:
    """Articles are merged in publication order (then id), so builds are reproducible."""
    return (article.published.isoformat() if article.published else "", article.id)


def _rename(link: EventLink, renamed: dict[str, str]) -> EventLink:
    """A link re-pointed at the events its ends were merged into."""
    return replace(
        link,
        source=renamed.get(link.source, link.source),
        target=renamed.get(link.target, link.target),
    )


def timeline_view(store: Store) -> tuple[list[Event], list[EventLink], dict[str, Article]]:
    """Everything the HTML shows: events (names spelled alike across articles), links,
    articles by id."""
    return canonical_actors(store.events()), store.links(), {a.id: a for a in store.articles()}


def load_graph(store: Store) -> nx.MultiDiGraph:
    """The whole event graph of a store."""
    return build_graph(store.events(), store.links())
