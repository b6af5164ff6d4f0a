"""What a date rule may look at: the reference date, the words around a match, the tense,
and the last resolved expression (for anaphora such as "earlier in the day")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime

from timeline.lexicon import CONTRACT_NEXT, DUE_TO_VERBS
from timeline.models import Granularity, TimexType
from timeline.settings import Settings

# what one has agreed to is still to come: "have agreed to meet in June" (for a month or a day of
# the month only: "has vowed to avenge Saturday's bombing" names a past day)
_AGREED_TO = (
    r"(?:(?<=\bhas\s)|(?<=\bhave\s))(?:agreed|vowed|pledged|promised|decided|offered|proposed)"
    r"\s+to"
)
_FUTURE = re.compile(
    r"\b(?:will|wo\s*n't|shall|'ll|going\s+to|(?:is|are)\s+to|(?:set|slated)\s+to|scheduled"
    # "is due to arrive", "a summit due to open Saturday", not "due to enemy action"
    r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbe\s)|(?<=\bbeen\s))due\s+to"
    rf"|due\s+to\s+(?=(?:{DUE_TO_VERBS})\b)"
    r"|due\s+(?:on|in|by|at|for|next|this)|(?:set|slated)\s+for"  # "the meeting due on Thursday"
    # scheduled acts: "the weekly to be published Sunday", "talks to be held Monday"
    r"|to\s+be\s+(?:held|published|released|announced|signed|unveiled|launched|opened|sworn"
    r"|inaugurated|completed|presented|submitted|debated|voted|elected)"
    r"|upcoming|plans?\s+to|planning\s+to|expects?\s+to|expected\s+to|intends?\s+to|would|next"
    # the news present of a schedule: "talks resume Monday", "the deadline expires Friday"
    r"|(?:begin|start|open|end|close|expire|resume|convene|meet)s|meet|begin|resume|convene)\b",
    re.I,
)
_AFTER_MODAL = "".join(
    rf"(?<!\b{w}\s)" for w in "will would could may might should can must to".split()
)
_PAST = re.compile(  # "will hit Friday", "will be held Sunday", "are expected": the auxiliary's
    rf"\b{_AFTER_MODAL}(?<!'ll\s)(?<!\bbe\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)"
    r"(?:was|were|had|did|said|says|told|announced|reported|went|came|met|took|made"
    r"|began|saw|broke|fell|rose|led|left|held|gave|got|struck|fought|won|lost|sent|spent"
    r"|brought|bought|built|caught|chose|drove|flew|fled|grew|knew|paid|ran|sold|shot|spoke"
    r"|stood|stole|threw|wrote|became|sought|kept|felt|found|hit|quit|sank|swore|thought|woke"
    # a participle after a determiner is an adjective: "the planned rally", "its expected vote"
    r"|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!['’]s\s)\w+ed)\b",
    re.I,
)
_STRONG_FUTURE = re.compile(
    r"\b(?:will|wo\s*n't|shall|'ll|going\s+to|(?:is|are)\s+(?:due|set)\s+to|scheduled|upcoming"
    r"|(?:is|are)\s+expected|could|might|should|would|must|can|to\s+be"
    r"|(?:set|slated|planned)\s+for|slated\s+to|due\s+on"  # "the hearing was set for Jan. 21"
    r"|(?:pencil+ed\s+in|fixed|booked|earmarked)\s+for"  # "talks pencilled in for May 23"
    r"|delivery\s+(?:in|for)"  # "crude for delivery in January": the coming month's contract
    r"|plans?\s+to|planning\s+to|expects?\s+to|expected\s+to|intends?\s+to|next"
    r"|(?:hopes?|hoping|aims?|aiming|wants?|seeks?|seeking)\s+to"
    rf"|{_AGREED_TO})\b",
    re.I,
)
# a modal's perfect is past: "would have risen", "could have been held"; not "have to pay",
# "can have a meeting" (a verb "have" with its object)
_MODAL_PERFECT = re.compile(
    r"\s+(?:not\s+)?(?:\w+ly\s+)?have\s+(?:been|had|made|won|done|gone|seen|come|become|run"
    r"|begun|put|set|cut|hit|let|paid|said|sold|told|held|kept|left|lost|met|sent|spent|built"
    r"|bought|brought|caught|fought|taught|thought|sought|found|stood|led|fled|fallen|risen"
    r"|grown|shown|known|taken|given|driven|written|broken|chosen|spoken|stolen|frozen|[a-z]+ed)\b",
    re.I,
)  # a participle after "have": not "could have results in March", "can have a meeting"
_DEADLINE = re.compile(  # "until Monday", "by mid-May", "until about midday on Sunday"
    r"(?:\b(?<!quarter\s)(?<!quarters\s)(?<!year\s)(?<!months\s)(?<!weeks\s)(?<!period\s)(?<!half\s)to"
    r"|\b(?:until|till|through|by|effective|payable|starting|beginning)|\bas\s+(?:early|soon)\s+as)\s+"
    r"(?:(?:about|around|approximately|roughly|nearly|almost|just)\s+)?"
    r"(?:(?:early|mid|late)[\s-]+)?$",
    re.I,
)
_ASIDE = re.compile(r",\s*(?:which|who|whose|where)\b[^,;:.!?]*,", re.I)  # a relative clause
_JUST_PREP = re.compile(r"\s*(?:(?:on|in|at|by|until|from)\s+)?", re.I)
_SINCE_CLAUSE = re.compile(r"\bsince\s+the\s+[^,;:.!?]*\bin\s+$", re.I)
_ADVERB_GAP = re.compile(r"\s+(?:[a-z]+ly\s+)?")
_BY = re.compile(r"-|\s+(?:\w+\s+){0,2}?by\b")  # "closed-door", "weighed (down) by"
_CLAUSE_OPENS = re.compile(r"(?:\band|\bbut|[,;])\s+(?:on\s+)?$", re.I)
_PAST_AUX_NEXT = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:was|were|had)\b")
_FOR_DAY = re.compile(r"\bfor\s+$", re.I)  # "called a strike for Monday": a day planned
_SINCE = re.compile(r"\bsince\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)
_PAST_AUX = re.compile(r"\b(?:had(?:\s+been)?|was|were)\s+(?:\w+\s+)?$", re.I)
_VERB_USE = re.compile(r"\s*(?:$|(?:on|in|at|by|during|last|early|late|earlier)\b)", re.I)
_AUXILIARIES = {
    "be", "been", "being", "have", "has", "not", "also", "then", "remain", "stay", "get",
    "become", "seem", "look", "appear", "soon", "still", "again", "once",
}  # fmt: skip


def _filler(word: str) -> bool:
    """An auxiliary, copula or -ly adverb: 'will be fully privatised in March' stays future."""
    w = word.lower().strip(",")
    return w in _AUXILIARIES or w.endswith("ly")


_POSSESSIVE = re.compile(r"^['’]s\b")
_THE_END = re.compile(r"(?:\bthe|['’]s)\s+$", re.I)  # "the Feb. 23 accord", "Friday's May report"
_NOUN_NEXT = re.compile(r"^\s+[a-z]{3,}\b(?<!\bthat)(?<!\bwhen)")
_REPORTING = re.compile(  # "to be announced Thursday" reports nothing yet
    r"\b(?<!\bbe\s)(?<!\bbeing\s)(?:said|says|say|told|tells|announced|reported|added|stated"
    r"|noted|confirmed|revealed|disclosed|unveiled)\b(?:\s+that\b)?",
    re.I,
)
_SENTENCE_REACH = 400  # a sentence is looked for at most this far each way
_CUE_BLOCK = 2048  # text without sentences: tense cues are found a block at a time
_ABBREVIATIONS = (
    "Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Capt Sgt "
    "Co Corp Inc Ltd Jr Sr No vs Prof Mt Ft U.S U.N U.K"
).split()
_NOT_ABBREV = "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS)
_SENTENCE_END = re.compile(  # the cheap [.!?] test first, the abbreviation lookbehinds after
    rf"(?=[.!?]){_NOT_ABBREV}[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[`]*[A-Z])|\n\s*\n"
)


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
    history: list[tuple[str, int]] = field(default_factory=list)  # (value, end) so far
    _ends: list[int] | None = None  # sentence boundaries of text, found once on first use
    _starts: list[int] = field(default_factory=list)
    _sentence_cues: dict[tuple[int, int], list[tuple[int, int, int]]] = field(default_factory=dict)
    _block_cues: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)

    def recent_period(self, pos: int, window: int = 250) -> str | None:
        """The latest quarter, half or month named (not inferred) just before pos."""
        for value, end in reversed(self.history):
            if pos - end > window:
                break
            if re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12]|\d{2})", value):
                return value
        return None

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
        if self._ends is None:  # one pass over the text, then a bisection per question
            found = [m.span() for m in _SENTENCE_END.finditer(self.text)]
            self._starts, self._ends = [a for a, _ in found], [b for _, b in found]
        ends, starts = self._ends, self._starts
        i = bisect_right(ends, start) - 1  # the last boundary ending at or before start
        left = max(ends[i] if i >= 0 else 0, start - _SENTENCE_REACH, 0)
        j = bisect_left(starts, end)  # the first boundary starting at or after end
        limit = min(len(self.text), end + _SENTENCE_REACH)
        right = min(starts[j] + 1, limit) if j < len(starts) else limit
        return left, right

    def future(self, start: int, end: int) -> bool:
        """Whether the sentence speaks of the future around the span."""
        return self.tense(start, end) == "future"

    def near_tense(self, start: int, end: int) -> str:
        """Tense for a calendar date without a year: 'future' after will/could/scheduled...,
        'deadline' after a deadline preposition ("extended to Nov. 20", "until mid-November"),
        'past' when a past verb stands right before it, 'name' for a date naming a thing, else
        ''.

        Only the few words before the date count, and a date naming a thing ("the Feb. 23
        accord", "December's figures") takes no tense from the clause.
        """
        left, _ = self.sentence(start, end)
        lefts = self.text[max(left, start - 60) : start]
        cut = 0
        for m in _REPORTING.finditer(lefts):
            cut = m.end()
        lefts = lefts[cut:]
        after = self.text[end : end + 20]
        if CONTRACT_NEXT.match(after):
            return "future"  # "crude for January delivery"
        if _POSSESSIVE.match(after) or (_THE_END.search(lefts) and _NOUN_NEXT.match(after)):
            return "name"  # no tense: callers take the closest date
        if fut := list(_STRONG_FUTURE.finditer(lefts)):
            # the nearer cue wins: "will be around 19,200, scored in late February" is past,
            # "will have finished by Friday" is not ("have" is the future's own auxiliary)
            between = lefts[fut[-1].end() :]
            if _MODAL_PERFECT.match(between) and fut[-1].group().lower() != "will":
                return "past"  # "would have risen in October": a past that did not happen
            tail_at = len(between) - len(" ".join(between.split()[-4:])) - 1
            past = _PAST.search(between, max(tail_at, 0))
            if (
                not past
                or all(_filler(w) for w in between[: past.start()].split())
                or not _VERB_USE.match(between, past.end())  # "the preferred shares on Oct. 31"
            ):
                return "future"
            return "past"
        if _DEADLINE.search(lefts):
            return "deadline"  # "through Oct. 19": coming, or a span just ended
        if _SINCE.search(lefts) or _SINCE_CLAUSE.search(lefts):
            return "past"  # "in Miami since November", "since the bombing in Samarra in February"
        tail = " ".join(lefts.split()[-4:])
        return "past" if _PAST.search(tail) else ""

    def deadline(self, start: int) -> bool:
        """Whether a deadline preposition stands right before start ('until Monday', 'a strike
        called for Monday'), in a clause that is not plainly past ('had filed by Wednesday',
        'from Sept. 14 to Thursday')."""
        m = _DEADLINE.search(self.before(start, 30)) or _FOR_DAY.search(self.before(start, 8))
        if not m:
            return False
        left, right = self.sentence(start, start)
        clause = self.text[max(left, start - 120) : start]
        if re.match(r"\W*(?:to|through|till|until)\b", m.group(), re.I) and re.search(
            r"\bfrom\b", clause[-60:], re.I
        ):
            return False  # the end of a range: "from Sept. 14 through Thursday"
        if re.match(r"\W*by\b", m.group(), re.I) and re.search(
            r"\b(?:had|was|were)\b", self.text[start : min(right, start + 80)], re.I
        ):
            return False  # "By Friday, the toll had reached 200"
        return not re.search(r"\b(?:had|was|were)\b", clause, re.I)

    def _tense_cues(self, lo: int, hi: int, sentence: bool) -> list[tuple[int, int, int]]:
        """The tense cues starting in [lo, hi) as (start, rank, end), sorted; rank orders cues
        starting at the same place: future, then past, then reporting. A sentence is scanned
        once however many dates it holds; a span cut short of the sentence's ends (text
        without full stops) is read a block of the text at a time, each block scanned once."""
        if sentence:
            if (cues := self._sentence_cues.get((lo, hi))) is None:
                cues = self._sentence_cues[lo, hi] = self._scan_cues(lo, hi, hi)
            return cues
        found: list[tuple[int, int, int]] = []
        for b in range(lo // _CUE_BLOCK, (hi - 1) // _CUE_BLOCK + 1):
            if (block := self._block_cues.get(b)) is None:
                a, z = b * _CUE_BLOCK, (b + 1) * _CUE_BLOCK
                block = self._block_cues[b] = self._scan_cues(a, z, z + 100)  # cues run on
            found.extend(block)
        return [c for c in found if lo <= c[0] < hi]

    def _scan_cues(self, lo: int, hi: int, stop: int) -> list[tuple[int, int, int]]:
        """Tense cues starting in [lo, hi), read from text[:stop] (lookbehinds see before lo)."""
        stop = min(stop, len(self.text))
        return sorted(
            (m.start(), rank, m.end())
            for rank, rx in enumerate((_FUTURE, _PAST, _REPORTING))
            for m in rx.finditer(self.text, lo, stop)
            if m.start() < hi
        )

    def tense(self, start: int, end: int, reporting: bool = True) -> str:
        """'future', 'past' or '' from the nearest tense cue in the sentence (left first);
        reporting=False ignores reporting verbs ("said"), which date the report, not the act."""
        left, right = self.sentence(start, end)
        if _PAST_AUX_NEXT.match(self.text, end, right):
            return "past"  # the date's own clause: "observers late Wednesday were predicting"
        gap = _ADVERB_GAP.match(self.text, end, right)
        if (
            gap
            and _CLAUSE_OPENS.search(self.text, max(left, start - 12), start)
            and (verb := _PAST.match(self.text, gap.end(), right))
            and not _BY.match(self.text, verb.end(), right)
        ):  # a clause that the date opens: "...will be difficult, and on Monday criticised the
            # proceedings"; not "will meet Monday determined to...", "held Sunday followed by"
            return "past"
        cut = left == start - _SENTENCE_REACH or right == end + _SENTENCE_REACH
        cues = self._tense_cues(left, right, sentence=not cut)
        if not reporting:  # "said" is both a past cue and a reporting one: drop both
            cues = [c for c in cues if c[1] < 2 and not _REPORTING.fullmatch(self.text, c[0], c[2])]
        names = ("future", "past", "past")
        best_pos, best = -1, ""
        asides = [  # a relative clause closed right before the date ("..., which ..., on Friday")
            m.span()
            for m in _ASIDE.finditer(self.text, left, start)
            if _JUST_PREP.fullmatch(self.text, m.end(), start)
        ]
        i = bisect_left(cues, (start,)) - 1  # the last cue starting before start
        while i >= 0 and cues[i][0] >= left:
            pos, rank, stop = cues[i]
            if any(a <= pos < b for a, b in asides):
                i -= 1  # "will visit Harbin, which suffered a spill, on Friday": not its tense
                continue
            if stop <= start and (best_pos < 0 or pos == best_pos):
                best_pos, best = pos, names[rank]  # ties: the lowest rank, met last
            elif best_pos >= 0 and pos < best_pos:
                break
            i -= 1
        if best == "future" and _PAST_AUX.search(self.text[left:start], 0, best_pos - left):
            return "past"  # "had been due to expire Friday", "was scheduled to meet Monday"
        if best:
            return best
        # after the span only verbs count: the first future and the first past
        first: dict[int, int] = {}
        for pos, rank, stop in cues[bisect_left(cues, (end,)) :]:
            if pos >= right or len(first) == 2:
                break
            if rank < 2 and stop <= right:
                first.setdefault(rank, pos)
        if 0 in first and first[0] < first.get(1, right):
            return "future"  # a tie goes to the past: "scheduled" is both
        return "past" if 1 in first else ""
