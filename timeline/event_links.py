"""How the events of one article find each other: the event a time anaphor ("since then",
"earlier in the day") points to, and the event a connective clause ("in response to ...",
"after the vote") hangs on, matched by words, actors and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .clauses import Clause
from .lexicon import event_classes
from .models import Article, Event, EventLink, Sentence, TimeExpression, TimexType
from .similarity import actor_tokens, report_similarity
from .text import actors, is_personal

_ANAPHOR_EARLIER = re.compile(r"\b(earlier|before|previous)", re.I)


@dataclass(slots=True)
class Draft:
    """An event under construction, before in-article merging."""

    event: Event
    clause: Clause
    sentence: Sentence
    dated: bool  # True when a date expression of its own clause dated it


@dataclass(slots=True)
class Pending:
    """A connective clause whose cause or effect still has to be found in the article."""

    cause: Draft | None
    effect: Draft | None
    clause: Clause
    sentence: Sentence
    head_text: str = ""  # the words of the clause the connective hangs on


def usable(expr: TimeExpression) -> bool:
    """Expressions that can date an event: calendar dates/times with a start."""
    return expr.type in (TimexType.DATE, TimexType.TIME) and expr.start is not None


def _owner(drafts: list[Draft], expr: TimeExpression) -> Draft | None:
    """The draft event dated by `expr`."""
    for d in drafts:
        if any(m.char_start == expr.char_start and m.expression for m in d.event.mentions):
            return d
    return None


def anaphora_links(
    drafts: list[Draft], expressions: list[TimeExpression], article: Article
) -> list[EventLink]:
    """ "Since then" / "Earlier in the day": link to the event of the expression referred to."""
    links = []
    dated = [e for e in expressions if usable(e)]
    for i, expr in enumerate(dated):
        if expr.anchor != "previous" or i == 0:
            continue
        this, prev = _owner(drafts, expr), _owner(drafts, dated[i - 1])
        if this is None or prev is None or this is prev:
            continue
        a, b = (this, prev) if _ANAPHOR_EARLIER.search(expr.text) else (prev, this)
        lead = re.search(
            r"\b(since|after|from|until|before)\s+$",
            this.sentence.text[: expr.char_start - this.sentence.start],
            re.I,
        )
        evidence = (lead.group(0) if lead else "") + expr.text
        links.append(EventLink(a.event.id, b.event.id, "before", evidence, article.id))
    return links


def previous_event(drafts: list[Draft], sent: Sentence, statement: bool = False) -> Draft | None:
    """The last event of the sentences before `sent` (with statement: the last statement
    dated by a phrase of its own)."""
    before = [
        d
        for d in drafts
        if d.sentence.index < sent.index
        and (not statement or d.dated and "SAY" in event_classes(d.event.mentions[0].sentence))
    ]
    return max(before, key=lambda d: (d.sentence.index, d.clause.start)) if before else None


def best_match(probe: Draft, drafts: list[Draft], exclude: Draft) -> Draft | None:
    """The article's event most like `probe` (sharing an event word or an actor, not later
    than `exclude`, the clause's partner), if alike enough; nearer dates win ties."""
    best, best_score = None, 0.5
    limit = exclude.event.start
    people = actor_tokens(tuple(a for a in probe.event.actors if is_personal(a)))
    for d in drafts:
        ev = d.event
        if d is exclude or not ev.title or (limit and ev.start and ev.start > limit):
            continue
        if people and not people & actor_tokens(ev.actors):
            continue  # "Zakharova accused ..." is not someone else's accusation
        score = report_similarity(probe.event, ev)
        if score < 0.4:
            continue  # neither an event word nor enough actors in common
        score += 0.2 * _nearness(probe.event, ev) + (0.1 if d.dated else 0.0)  # a dated happening
        if score >= best_score:
            best, best_score = d, score
    return best


def _nearness(a: Event, b: Event) -> float:
    """1 for the same start day, falling to 0 at 30 days apart."""
    if a.start is None or b.start is None:
        return 0.0
    return max(0.0, 1 - abs((a.start - b.start).days) / 30)


def is_happening(text: str, proper: frozenset[str]) -> bool:
    """A clause that names a happening (an event word) or an actor, not "weeks of debate"."""
    return bool(event_classes(text)) or bool(actors(text, proper))


def adopt(probe: Draft, effect: Draft, drafts: list[Draft]) -> Draft:
    """Keep an unmatched cause clause as an event of its own, dated like its effect."""
    rule = f"before '{effect.event.title}' ({probe.clause.conn})"
    ev = probe.event
    mention = replace(ev.mentions[0], rule=rule)
    probe.event = replace(ev, mentions=(mention,), actors=ev.actors or effect.event.actors)
    drafts.append(probe)
    return probe
