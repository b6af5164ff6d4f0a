"""How alike two reports of events are: shared event classes, actors and content words."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import event_classes
from .models import Event
from .text import content_words

_ATTRIBUTION = re.compile(
    r"^[^:]{0,120}\b(?:said|says|stated|warned|added|told|announced|noted|insisted|stressed|"
    r"demanded|emphasi[sz]ed|according\s+to)\b[^:]{0,60}:\s"
)


@lru_cache(maxsize=65536)
def _features(title: str) -> tuple[frozenset[str], frozenset[str], str]:
    """Event classes, content words and the sorted joined words of a report's title. In a
    "<speaker> said: <content>" title the classes are those of the content: what happened."""
    words = content_words(title)
    m = _ATTRIBUTION.match(title)
    classes = event_classes(title[m.end() :]) if m else frozenset()
    return classes or event_classes(title), words, " ".join(sorted(words))


@lru_cache(maxsize=65536)
def actor_tokens(actors: tuple[str, ...]) -> frozenset[str]:
    """Lower-case name tokens: "Jens Stoltenberg" and "Stoltenberg" share one."""
    return frozenset(t.lower() for a in actors for t in a.split() if len(t) > 1)


def report_keys(ev: Event) -> frozenset[str]:
    """Event classes, actor tokens and (for titles with no event word) content words of a
    report: two reports that share none of them score below any merge threshold (0.4), so an
    index on these keys finds every possible match."""
    classes, words, _joined = _features(ev.title)
    keys = frozenset(f"class:{c}" for c in classes) | actor_tokens(ev.actors)
    return keys if classes else keys | frozenset(f"word:{w}" for w in words)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |a & b| / min(|a|, |b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def report_similarity(a: Event, b: Event, floor: float = 0.0, shared_word: bool = False) -> float:
    """0..1: how likely two events are reports of the same happening (dates not considered).
    Below `floor` the exact value does not matter: 0 is returned without comparing words.
    When neither title has an event word the words stand in for the event class. With
    `shared_word`, reports from different articles must share a word besides the actors and
    the class: "the US" and a statement are in countless unrelated reports of one week."""
    cls_a, words_a, joined_a = _features(a.title)
    cls_b, words_b, joined_b = _features(b.title)
    people = 0.35 * _overlap(actor_tokens(a.actors), actor_tokens(b.actors))
    if cls_a or cls_b:
        base = 0.4 * bool(cls_a & cls_b) + people
        if base + 0.25 < floor:
            return 0.0
        words = _jaccard(words_a, words_b, joined_a, joined_b)
        return 0.0 if shared_word and not words else base + 0.25 * words
    if people + 0.65 < floor:
        return 0.0
    return people + 0.65 * _jaccard(words_a, words_b, joined_a, joined_b)


def _jaccard(a: frozenset[str], b: frozenset[str], joined_a: str, joined_b: str) -> float:
    """|a & b| / |a | b|, softened by fuzzy matching of the joined words (typos, inflection)."""
    if not a or not b:
        return 0.0
    exact = len(a & b) / len(a | b)
    if exact == 0:
        return 0.0
    fuzzy = fuzz.token_sort_ratio(joined_a, joined_b) / 100
    return max(exact, fuzzy * exact**0.5)
