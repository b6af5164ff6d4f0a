"""The same event reported by several articles -> one event listing every source.

Blocking keeps merging linear: an incoming event is compared only with events whose intervals
overlap its own (widened by `merge_window_days`) and that share an event class or an actor with
it, found through an index of (month, key) buckets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from .models import Event, Granularity
from .settings import Settings
from .similarity import actor_tokens, report_keys, report_similarity
from .text import is_personal

Lookup = Callable[[date, date], list[Event]]


def _months(start: date, end: date) -> Iterable[tuple[int, int]]:
    """(year, month) buckets an interval touches (capped: a century is not 1,200 buckets)."""
    y, m = start.year, start.month
    for _ in range(240):
        yield y, m
        if (y, m) >= (end.year, end.month):
            return
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def window(ev: Event, settings: Settings) -> tuple[date, date] | None:
    """The interval an event is compared over; None for events with no start."""
    if ev.start is None:
        return None
    pad = timedelta(days=settings.merge_window_days)
    end = ev.end if ev.end is not None else ev.start
    try:
        return ev.start - pad, end + pad
    except OverflowError:
        return ev.start, end


class EventIndex:
    """Events of this batch by month bucket, backed by a lookup for what is already stored."""

    def __init__(self, lookup: Lookup | None = None) -> None:
        """Start empty; `lookup(start, end)` returns stored events overlapping an interval."""
        self._lookup = lookup
        self._buckets: dict[tuple[tuple[int, int], str], set[str]] = defaultdict(set)
        self._facts: dict[str, tuple[int, frozenset[str], bool]] = {}
        self.events: dict[str, Event] = {}  # events created or changed in this batch

    def facts(self, ev: Event) -> tuple[frozenset[str], bool]:
        """(source article ids, undated) of an event, kept per event: a widely reported event
        has thousands of mentions, and these are asked for at every comparison."""
        known = self._facts.get(ev.id)
        if known is None or known[0] != len(ev.mentions):
            known = (len(ev.mentions), frozenset(m.article_id for m in ev.mentions), _undated(ev))
            self._facts[ev.id] = known
        return known[1], known[2]

    def put(self, ev: Event) -> None:
        """Add or replace an event."""
        self.events[ev.id] = ev
        if ev.start is not None:
            keys = report_keys(ev)
            for month in _months(ev.start, ev.end or ev.start):
                for key in keys:
                    self._buckets[(month, key)].add(ev.id)

    def overlapping(self, start: date, end: date, keys: frozenset[str]) -> list[Event]:
        """Events (stored or of this batch) whose interval overlaps [start, end] and that
        share a key (report_keys) with the event looking for a match."""
        found: dict[str, Event] = {}
        if self._lookup is not None:
            found.update((e.id, e) for e in self._lookup(start, end) if report_keys(e) & keys)
        for month in _months(start, end):
            for key in keys:
                for eid in self._buckets.get((month, key), ()):
                    found[eid] = self.events[eid]
        found.update((k, self.events[k]) for k in found if k in self.events)  # newest version
        return [e for e in found.values() if _overlaps(e, start, end)]


def _overlaps(ev: Event, start: date, end: date) -> bool:
    """True when an event's interval (open end = start only) overlaps [start, end]."""
    if ev.start is None:
        return False
    ev_end = ev.end if ev.end is not None else ev.start
    return ev.start <= end and start <= ev_end


def _nested(a: Event, b: Event) -> bool:
    """True when one event's interval contains the other's."""
    if None in (a.start, a.end, b.start, b.end):
        return a.start == b.start
    assert a.start and a.end and b.start and b.end
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _candidate_score(new: Event, old: Event, index: EventIndex, settings: Settings) -> float:
    """Similarity of two reports from different articles; 0 when they must stay apart."""
    new_sources, new_undated = index.facts(new)
    old_sources, old_undated = index.facts(old)
    if new_sources & old_sources:
        return 0.0  # one article's distinct statements stay distinct
    if (new.end is None) != (old.end is None):
        return 0.0  # an open interval ("since 2014") is not a dated happening
    threshold = settings.merge_threshold / 100
    if _different_people(new, old):
        return 0.0  # what one person did or said is not what another did
    if new_undated and old_undated:
        threshold = max(threshold, 0.7)  # two publication-day defaults: weakly dated, be strict
    elif new_undated != old_undated:
        # a publication-day default is only an upper bound: it may join a day-precise report
        # of the same happening, never stand for a month or a year
        if max(new.granularity.rank, old.granularity.rank) > Granularity.DAY.rank:
            return 0.0
        threshold = max(threshold, 0.7)
    if not _nested(new, old):
        threshold = max(threshold, 0.85)  # disagreeing dates: the words must agree as well
    elif abs(new.granularity.rank - old.granularity.rank) >= 2:
        threshold = max(threshold, 0.8)  # "last year" holds many days: the words must agree too
    score = report_similarity(new, old, floor=threshold, shared_word=True)
    return score if score >= threshold else 0.0


def _different_people(a: Event, b: Event) -> bool:
    """True when both events name people and no person is in both."""
    pa = actor_tokens(tuple(x for x in a.actors if is_personal(x)))
    pb = actor_tokens(tuple(x for x in b.actors if is_personal(x)))
    return bool(pa and pb and not pa & pb)


def _undated(ev: Event) -> bool:
    """True when no date phrase dated the event: it took its article's publication day."""
    return all(not m.expression for m in ev.mentions)


def absorb(old: Event, new: Event) -> Event:
    """`old` with `new`'s mentions and actors; the narrower interval wins when they nest."""
    merged = replace(
        old,
        mentions=old.mentions + new.mentions,
        actors=old.actors + tuple(a for a in new.actors if a not in old.actors),
    )
    if not _nested(old, new):
        return replace(merged, conflict=True)
    if _width(new) < _width(old):
        merged = replace(
            merged,
            value=new.value,
            granularity=new.granularity,
            start=new.start,
            end=new.end,
            mod=new.mod,
        )
    return merged


def _width(ev: Event) -> int:
    """Days an interval covers (open intervals count as very wide)."""
    if ev.start is None or ev.end is None:
        return 10**9
    return (ev.end - ev.start).days


def merge_into(index: EventIndex, new_events: list[Event], settings: Settings) -> dict[str, str]:
    """Merge one article's events into the index; returns {new id: id it was merged into}."""
    renamed: dict[str, str] = {}
    for ev in new_events:
        win = window(ev, settings)
        best, best_score = None, 0.0
        if win is not None and ev.granularity is not Granularity.NONE:
            for old in index.overlapping(*win, report_keys(ev)):
                score = _candidate_score(ev, old, index, settings)
                if score > best_score:
                    best, best_score = old, score
        if best is None:
            index.put(ev)
        else:
            index.put(absorb(best, ev))
            renamed[ev.id] = best.id
    return renamed
