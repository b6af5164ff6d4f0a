"""What a date rule may look at: the reference date, the words around a match, the tense,
and the last resolved expression (for anaphora such as "earlier in the day")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from timeline.models import Granularity, TimexType
from timeline.settings import Settings

_FUTURE = re.compile(
    r"\b(?:will|wo\s*n't|shall|'ll|going\s+to|(?:is|are)\s+(?:due|set)\s+to|scheduled|upcoming"
    r"|plans?\s+to|planning\s+to|expects?\s+to|expected\s+to|intends?\s+to|would|next)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|says|told|announced|reported|went|came|met|took|made"
    r"|began|saw|\w+ed)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"'“‘(\[]*[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Res:
    """A rule's answer: TIMEX3 type and value, modifier, what it was anchored to."""

    type: TimexType
    value: str
    mod: str = ""
    anchor: str = "publication"
    start: date | None = None  # explicit interval, overriding the one derived from value
    end: date | None = None
    granularity: Granularity | None = None


@dataclass(slots=True)
class Context:
    """Mutable state of one pass over a text: reference date and the last resolved dates."""

    text: str
    published: datetime
    settings: Settings
    last_value: str | None = None  # last DATE/TIME value with a calendar interval
    last_day: date | None = None  # last day-precise date
    _sentences: list[int] = field(default_factory=list)

    @property
    def dct(self) -> date:
        """The reference (publication) day."""
        return self.published.date()

    def before(self, pos: int, width: int = 40) -> str:
        """The text just before pos."""
        return self.text[max(0, pos - width) : pos]

    def after(self, pos: int, width: int = 40) -> str:
        """The text just after pos."""
        return self.text[pos : pos + width]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around [start, end), looking at most 400 chars each way."""
        lo = max(0, start - 400)
        left = lo
        for m in _SENTENCE_END.finditer(self.text, lo, start):
            left = m.end()
        m2 = _SENTENCE_END.search(self.text, end, min(len(self.text), end + 400))
        right = m2.start() + 1 if m2 else min(len(self.text), end + 400)
        return left, right

    def future(self, start: int, end: int) -> bool:
        """Whether the nearest tense cue to the span (left first) points to the future."""
        left, right = self.sentence(start, end)
        lefts = self.text[left:start]
        best_pos, best_future = -1, False
        for rx, fut in ((_FUTURE, True), (_PAST, False)):
            for m in rx.finditer(lefts):
                if m.start() > best_pos:
                    best_pos, best_future = m.start(), fut
        if best_pos >= 0:
            return best_future
        rights = self.text[end:right]
        f, p = _FUTURE.search(rights), _PAST.search(rights)
        if f and (not p or f.start() < p.start()):
            return True
        return False
