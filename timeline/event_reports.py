"""One article's reported statements folded together: an undated "X said ..." joins the same
speaker's event of the week before publication, found through an index of actor tokens."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from .event_links import Draft
from .models import Granularity
from .similarity import actor_tokens, report_similarity
from .text import is_personal


class _Near:
    """The kept drafts a report can join (day-precise, in the week before publication), in
    the order they were kept, indexed by actor token."""

    def __init__(self, pub: date) -> None:
        self.week = (pub - timedelta(days=7), pub)
        self.order: dict[int, int] = {}  # id(draft) -> position kept
        self.by_token: dict[str, list[Draft]] = defaultdict(list)

    def keep(self, d: Draft) -> None:
        """Index a kept draft if a report could join it."""
        ev = d.event
        if ev.start is None or ev.granularity.rank > Granularity.DAY.rank:
            return
        if not self.week[0] <= ev.start <= self.week[1]:
            return
        self.order[id(d)] = len(self.order)
        self.add_tokens(d, actor_tokens(ev.actors))

    def add_tokens(self, d: Draft, tokens: frozenset[str]) -> None:
        """Index d under more actor tokens (a report joined it with new actors)."""
        if id(d) in self.order:
            for token in tokens:
                self.by_token[token].append(d)

    def sharing(self, tokens: frozenset[str]) -> list[Draft]:
        """The indexed drafts with an actor token among tokens, in the order kept."""
        found = {id(k): k for t in tokens for k in self.by_token.get(t, ())}
        return sorted(found.values(), key=lambda k: self.order[id(k)])


def merge_reports(drafts: list[Draft], pub: date) -> tuple[list[Draft], dict[str, str]]:
    """Fold undated reported statements into a like event of the same article in the week
    before publication ("Stoltenberg told dpa ..." joins "Stoltenberg responded on the 23rd").
    Returns the kept drafts and {folded id: id it was folded into}."""
    kept: list[Draft] = []
    near = _Near(pub)
    renamed: dict[str, str] = {}
    for d in sorted(drafts, key=lambda d: not d.dated):
        target = None if d.dated else _same_report(d, near, pub)
        if target is None:
            kept.append(d)
            near.keep(d)
            continue
        ev = target.event
        added = tuple(a for a in d.event.actors if a not in ev.actors)
        target.event = replace(
            ev, mentions=ev.mentions + d.event.mentions, actors=ev.actors + added
        )
        near.add_tokens(target, actor_tokens(added))
        renamed[d.event.id] = ev.id
    kept.sort(key=lambda d: (d.sentence.index, d.clause.start))
    return kept, renamed


def _same_report(d: Draft, near: _Near, pub: date) -> Draft | None:
    """The kept event an undated report is part of: the same speaker on a dated event of the
    week before publication that is alike, or the same speaker's other undated statement."""
    best, best_score = None, 0.0
    people = tuple(a for a in d.event.actors[:2] if is_personal(a))
    speaker = actor_tokens(people or d.event.actors[:2])
    for k in near.sharing(speaker):
        ev = k.event
        if ev.start is None or ev.granularity.rank > Granularity.DAY.rank:
            continue
        if k.sentence.index == d.sentence.index:
            continue  # clauses of one sentence were cut apart on purpose
        if not d.event.mentions[0].rule.startswith("publication") and ev.start != d.event.start:
            continue  # a date taken from its sentence is kept, not traded for another
        if not pub - timedelta(days=7) <= ev.start <= pub:
            continue
        if not speaker & actor_tokens(ev.actors):
            continue
        score = report_similarity(ev, d.event)
        if people and not k.dated and ev.start == pub:
            score = max(score, 0.5)  # one person's statements reported on one day: one event
        elif not people:
            score = score if score >= 0.75 else 0.0  # "Russia", "NATO" say many things a day
        if score >= 0.5 and score > best_score:
            best, best_score = k, score
    return best
