"""How alike two reports of events are: shared event classes, actors and content words."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import event_classes
from .models import Event
from .text import content_words


@lru_cache(maxsize=65536)
def _features(title: str, sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """Event classes and content words of a report (title + its first sentence)."""
    return event_classes(title), content_words(title)


def actor_tokens(actors: tuple[str, ...]) -> frozenset[str]:
    """Lower-case name tokens: "Jens Stoltenberg" and "Stoltenberg" share one."""
    return frozenset(t.lower() for a in actors for t in a.split() if len(t) > 1)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |a & b| / min(|a|, |b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def report_similarity(a: Event, b: Event) -> float:
    """0..1: how likely two events are reports of the same happening (dates not considered)."""
    sa = a.mentions[0].sentence if a.mentions else ""
    sb = b.mentions[0].sentence if b.mentions else ""
    cls_a, words_a = _features(a.title, sa)
    cls_b, words_b = _features(b.title, sb)
    classes = 1.0 if cls_a & cls_b else 0.0
    people = _overlap(actor_tokens(a.actors), actor_tokens(b.actors))
    words = _jaccard(words_a, words_b)
    return 0.4 * classes + 0.35 * people + 0.25 * words


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a & b| / |a | b|, softened by fuzzy matching of the joined words (typos, inflection)."""
    if not a or not b:
        return 0.0
    exact = len(a & b) / len(a | b)
    fuzzy = fuzz.token_sort_ratio(" ".join(sorted(a)), " ".join(sorted(b))) / 100
    return max(exact, fuzzy * exact**0.5)
