"""Which lane an event is drawn in (plotly-free): its first actor that is not a place, the
outlet of its first source, or none; a bare surname goes in its full name's lane."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from timeline.lexicon import DEMONYMS
from timeline.models import Article, Event
from timeline.text import is_personal

OTHER_LANE = "other"
UNKNOWN_OUTLET = "unknown outlet"


def outlet_of(article_id: str, articles: Mapping[str, Article]) -> str:
    """The outlet of an article, else its file name, else UNKNOWN_OUTLET."""
    art = articles.get(article_id)
    if art is None:
        return UNKNOWN_OUTLET
    return art.outlet or art.path.rsplit("/", 1)[-1] or UNKNOWN_OUTLET


def lane_key(
    ev: Event,
    articles: Mapping[str, Article],
    lanes: str,
    full_names: Mapping[str, str] | None = None,
) -> str:
    """The lane of an event: its first actor that is not a place, the outlet of its first
    source, or ''. `full_names` draws a bare surname in its full name's lane."""
    if lanes == "actor":
        actors = [a for a in ev.actors if a.strip()]
        if not actors:
            return OTHER_LANE
        doer = next((a for a in actors if not _is_place(a, ev.title)), actors[0])
        return (full_names or {}).get(doer, doer)
    if lanes == "outlet":
        return outlet_of(ev.sources[0], articles) if ev.sources else UNKNOWN_OUTLET
    return ""


# Names ending so are places or gatherings, not actors ("Black Sea", "Munich Security
# Conference"); nor is a name the title puts after "in" or "near" ("talks in Brussels").
_PLACE_WORDS = frozenset(
    "Sea Ocean River Gulf Bay Strait Lake Mountains Island Islands Peninsula Valley Desert "
    "Canal Coast Conference Summit Forum".split()
)
_LOCATIVE = re.compile(r"\b(?:in|near|outside)\s+(?:the\s+)?$", re.I)
_NOT_GIVEN_NAMES = frozenset(  # first words of places and bodies, not of people's names
    "North South East West New United National World European International Central Federal "
    "Democratic Islamic Royal Saint St".split()
)


def _is_place(actor: str, title: str) -> bool:
    """Whether an actor name is a place or venue rather than someone who acts."""
    if actor.split()[-1] in _PLACE_WORDS:
        return True
    found = re.search(rf"(?<!\w){re.escape(actor)}(?!\w)", title)
    return found is not None and bool(
        _LOCATIVE.search(title[max(0, found.start() - 12) : found.start()])
    )


# Last words of bodies, not people: the ones text.is_personal does not already refuse
# (it knows "Council", "Alliance", "Group" ...), and the places above.
_NOT_SURNAMES = _PLACE_WORDS | frozenset(
    "Congress Forum Front Movement League Federation Assembly Senate Club Network Foundation "
    "Fund Board Authority Centre Center Coalition".split()
)


def _person_like(name: str) -> bool:
    """A two- or three-word name that reads as a person's ("Vladimir Putin")."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)
        and words[0] not in _NOT_GIVEN_NAMES
        and words[-1] not in _NOT_SURNAMES
        and words[0].lower() not in DEMONYMS  # "Indian National Congress"
        and is_personal(name)
    )


def surname_lanes(events: Sequence[Event]) -> dict[str, str]:
    """One-word actor names that are the surname of exactly one person's full name in the
    timeline ("Putin" -> "Vladimir Putin"), so one person keeps one lane."""
    longer: dict[str, set[str]] = {}
    for ev in events:
        for a in ev.actors:
            if _person_like(a):
                longer.setdefault(a.split()[-1], set()).add(a)
    return {last: next(iter(names)) for last, names in longer.items() if len(names) == 1}
