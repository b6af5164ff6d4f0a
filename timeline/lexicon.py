"""General English news lexicon: event classes, metonymic place names, titles, connectives.

These are word lists about news language in general (capitals standing for governments,
reporting verbs, meeting nouns), never about particular articles.
"""

from __future__ import annotations

import re

from timeline.lexicon_places import DEMONYMS as DEMONYMS  # re-exported for the stages
from timeline.lexicon_places import METONYMS as METONYMS

# Words of a capitalised run that are titles or roles, not the actor's name.
TITLES = {
    "president",
    "prime",
    "minister",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "general",
    "secretary-general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "head",
    "chancellor",
    "speaker",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "king",
    "queen",
    "surgeon",
    "capt",
    "sen",
    "rep",
    "gov",
    "attorney",
    "judge",
    "justice",
    "senior",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "gen",
    "col",
    "lt",
    "vice",
    "chairman",
    "director",
    "official",
    "officials",
    "leader",
    "commander",
    "ministry",
    "mp",
}

# Capitalised words that start sentences or name times, never actors.
NOT_ACTORS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "since",
    "following",
    "last",
    "next",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "our",
    "his",
    "her",
    "their",
    "its",
    "however",
    "meanwhile",
    "but",
    "and",
    "or",
    "so",
    "if",
    "as",
    "with",
    "for",
    "from",
    "by",
    "to",
    "of",
    "earlier",
    "later",
    "there",
    "here",
    "what",
    "when",
    "while",
    "according",
    "also",
    "both",
    "all",
    "each",
    "any",
    "some",
    "read",
    "more",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "ex",
    "media",
    "west",
    "western",
    "east",
    "eastern",
    "new",
    "only",
    "such",
    "one",
    "two",
}

# Event classes by word stem: reports of the same happening use different words.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "SAY": (
        "say",
        "said",
        "tell",
        "told",
        "stated",
        "statement",
        "declar",
        "announc",
        "respond",
        "repl",
        "comment",
        "remark",
        "speak",
        r"spoke\b",
        "stress",
        "emphasi",
        "insist",
        "note",
        "added",
        "adds",
        "claim",
        "argu",
        "believ",
        "complain",
        "point",
    ),
    "WARN": ("warn", "threat", "caution"),
    "ASK": ("ask", "demand", "call", "urg", "request", "insist"),
    "PROPOSE": (
        "propos",
        "put forward",
        "submit",
        "offer",
        "draft",
        "present",
        "suggest",
        "guarantee",
        "treat",
    ),
    "MEET": ("meet", "talk", "summit", "negotiat", "conference", "discuss", "dialogue"),
    "ACCUSE": ("accus", "blam", "alleg", "condemn", "denounc"),
    "DENY": ("deni", "deny", "dismiss", "reject", "refus"),
    "VOTE": ("referend", "vote", "elect", "ballot", "poll"),
    "JOIN": ("join", "annex", "reunif", "accede", "accession", "admit", "incorporat"),
    "SUSPEND": ("suspend", "clos", "halt", "cut", "sever", "expel", "expuls", "withdr"),
    "DEPLOY": ("deploy", "mov", "transfer", "relocat", "station", "troop"),
    "EXPAND": ("expan", "enlarg", "increas", "strengthen", "build"),
    "ATTACK": ("attack", "invad", "invasion", "strike", "shell", "bomb", "kill"),
    "DISASTER": (
        "flood",
        "earthquake",
        "quake",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "wildfire",
        "fire",
        "tsunami",
        "eruption",
        "drought",
        "landslide",
    ),
    "ACCIDENT": ("crash", "collid", "collision", "derail", "explo", "sank", "sink", "capsiz"),
    "SANCTION": ("sanction", "embargo", "penalt"),
    "AGREE": ("agree", "sign", "accord", "deal"),
    "PUBLISH": ("publish", "report", "releas", "letter"),
}

_CLASS_RE = [
    (cls, re.compile(r"\b(?:" + "|".join(stems) + r")", re.I))
    for cls, stems in EVENT_CLASSES.items()
]


def event_classes(text: str) -> frozenset[str]:
    """Event classes whose words occur in `text`."""
    return frozenset(cls for cls, rx in _CLASS_RE if rx.search(text))


# Verbs after "due to" that make it a schedule ("a summit due to open Saturday"), not a cause.
_DUE_TO_WORDS = """be open start begin arrive meet hold end close expire visit leave return resume
    sign vote announce attend travel take go come face appear testify deliver release publish launch
    speak address decide rule finish complete land depart submit present hand report""".split()
# Of those, the ones that are also nouns: "due to land disputes", "due to close ties" is a cause.
_ALSO_NOUNS = set("end close return sign vote take face release launch address rule land present"
                  " hand report".split())  # fmt: skip
DUE_TO_VERBS = "|".join(_DUE_TO_WORDS)
_PLAIN_VERBS = "|".join(w for w in _DUE_TO_WORDS if w not in _ALSO_NOUNS)
# "crude for January delivery", "the March contract": a contract's month, not when anything happens
CONTRACT_NEXT = re.compile(r"\s+(?:delivery|contracts?|futures)\b", re.I)
_AUX_BEFORE = "".join(f"(?<!\\b{w} )" for w in ("is", "was", "are", "were", "be", "been", "the"))

# Connectives that state a link between two clauses. kind "causes": cause -> effect;
# kind "before": the clause they introduce happened before the other clause.
CONNECTIVES: tuple[tuple[str, str], ...] = (
    (r"in response to", "causes"),
    (r"in retaliation (?:for|against)", "causes"),
    (r"(?:reacted|responded|responding|reacting) to", "causes"),
    (r"as a (?:result|consequence) of", "causes"),
    (r"because of", "causes"),
    (rf"due to(?!\s+(?:{_PLAIN_VERBS})\b)", "causes"),
    (r"prompted by", "causes"),
    (r"triggered by", "causes"),
    (r"caused by", "causes"),
    (rf"{_AUX_BEFORE}following", "before"),  # not "was following a policy", "the following day"
    (r"after", "before"),
    (r"since", "before"),
    (r"follow(?:s|ed)?", "before"),
)

CONNECTIVE_RE = re.compile(
    r"\b(?P<conn>" + "|".join(f"(?:{p})" for p, _ in CONNECTIVES) + r")\b", re.I
)


def connective_kind(words: str) -> str:
    """The link kind a matched connective states."""
    for pattern, kind in CONNECTIVES:
        if re.fullmatch(pattern, words, re.I):
            return kind
    return "before"


# Web-page furniture that is never an event, whatever its punctuation.
BOILERPLATE_RE = re.compile(
    r"\b(disclaimer|subscribe|newsletter|cookies?|all rights reserved|click here|sign up|"
    r"log ?in|share this|follow us|read more|contact our|terms of (use|service)|"
    r"privacy policy|advertisement)\b",
    re.I,
)
