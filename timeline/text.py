"""Small text helpers shared by the event stages: prose detection, actors, titles, word sets."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import BOILERPLATE_RE, DEMONYMS, METONYMS, NOT_ACTORS, TITLES

_WORD = re.compile(r"[A-Za-z][\w'’\-.]*")
_QUOTED = re.compile(r"[\"“«„][^\"”»“]*[\"”»]")
_NAME_PARTICLES = (
    "of",
    "de",
    "der",
    "den",
    "del",
    "von",
    "van",
    "bin",
    "ibn",
)  # lower case in names
_CAP_RUN = re.compile(
    rf"[A-Z][\w’'\-.]*(?:[ \t]+(?:[A-Z][\w’'\-.]*|(?:{'|'.join(_NAME_PARTICLES)})\b))*"
)
_END_PUNCT = re.compile(r"[.!\"”’'»…]\s*$")
_PORTFOLIOS = {
    "state",
    "defense",
    "defence",
    "justice",
    "commerce",
    "energy",
    "health",
    "labor",
    "education",
    "agriculture",
    "transportation",
    "interior",
    "treasury",
    "finance",
    "trade",
    "war",
    "homeland",
}
_MID_CAP = re.compile(r"(?<=[^\s.!?“\"] )([A-Z][\w\-]*)")
_INITIAL_COMMON = re.compile(r"^[A-Z][a-z]+(?:s|ing|ed|ly|ore|ous|en)$")
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "and",
    "or",
    "that",
    "this",
    "is",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "its",
    "it",
    "for",
    "with",
    "by",
    "as",
    "from",
    "not",
    "said",
    "says",
    "also",
    "which",
    "who",
    "their",
    "his",
    "her",
}


def strip_quotes(text: str) -> str:
    """Text with quoted passages blanked out (same length), so offsets stay valid."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def is_prose(text: str) -> bool:
    """True for a sentence of running text; False for headlines, link lists, page furniture."""
    words = _WORD.findall(text)
    if len(words) < 6 or BOILERPLATE_RE.search(text):
        return False
    if _END_PUNCT.search(text):
        return True
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    if long_words and capitalised / len(long_words) > 0.6:
        return False  # Title Case Headline Of A Related Story
    return len(words) >= 25


def demonym(word: str) -> str | None:
    """The state a demonym names, singular or plural ("Russian", "Palestinians"), else None."""
    low = re.sub(r"[’']s$", "", word.lower().rstrip(".,"))
    return DEMONYMS.get(low) or (DEMONYMS.get(low[:-1]) if low.endswith("s") else None)


# A compound compass point before a state names a region of it ("Southwest China"); plain
# "North"/"South" are kept: "North Korea", "South Africa" are states of their own.
_COMPASS = {"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern"}  # fmt: skip


_HOUSES = {"house", "parliament", "assembly", "senate", "knesset", "duma", "congress", "majlis"}
_PARTICLES = {*_NAME_PARTICLES, "the"}
_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _is_state(name: str) -> bool:
    """A name of a state or its capital ("China", "Moscow")."""
    return name.lower() in _STATES or name.lower() in METONYMS


def _clean_run(run: str) -> str:
    """A capitalised run without leading stop words, titles and possessive endings; a leading
    demonym goes before a person's name ("Russian Sergei Lavrov") but stays in an
    organisation's ("European Union", "Chinese Communist Party", "Korean Air")."""
    run = re.sub(r"[’']s$", "", run.strip(" .,-"))
    tokens = run.split()
    while tokens and (
        tokens[0].lower() in NOT_ACTORS
        or tokens[0].lower() in TITLES
        or (tokens[0].lower() in _COMPASS and _is_state(" ".join(tokens[1:])))
        or tokens[0].lower() in DEMONYMS
        and _demonym_before_name(tokens[1:])
    ):
        tokens.pop(0)
    while tokens and (
        tokens[-1].lower() in _PARTICLES | (TITLES - {"sen"}) or tokens[-1].lower() in NOT_ACTORS
    ):
        tokens.pop()  # "Hun Sen Monday": a weekday or month ends no name
    return " ".join(tokens)


# Peoples named with a demonym: "Bosnian Serb forces", "Greek Cypriot leader" are one name.
_ETHNONYMS = {"serb", "croat", "cypriot", "muslim", "kurd", "arab", "christian", "jew", "tamil",
              "sunni", "shiite", "shia", "catholic", "protestant", "orthodox"}  # fmt: skip


def _demonym_before_name(rest: list[str]) -> bool:
    """Whether a leading demonym is an attribute of the name after it ("Lebanese Hezbollah",
    "Russian Sergei Lavrov"), not part of it ("European Union", "Swiss Re", "Bosnian Serb")."""
    if not rest or _ORG_WORDS.search(" ".join(rest)):
        return False
    first = rest[0].lower().rstrip(".,")
    if first.rstrip("s") in _ETHNONYMS or first in _ETHNONYMS:
        return False
    return len(rest) > 1 or len(first) >= 4


@lru_cache(maxsize=16)
def proper_tokens(text: str) -> frozenset[str]:
    """Words a text capitalises inside sentences: its proper names ("Kopp", not "Found")."""
    return frozenset(m.group(1) for m in _MID_CAP.finditer(text.replace("\xa0", " ")))


def _initial_common(word: str, proper: frozenset[str] | None) -> bool:
    """True for a capitalised sentence-initial word that is a common word, not a name."""
    if word.isupper() or word.lower() in METONYMS or demonym(word):
        return False
    if proper is not None:
        return re.sub(r"[’']s$", "", word) not in proper
    return bool(_INITIAL_COMMON.match(word))


def actors(text: str, proper: frozenset[str] | None = None) -> tuple[str, ...]:
    """Named actors in `text` (outside quotes): people, states, organisations, in order.
    `proper`: the article's proper_tokens, to tell "Kopp said" from "Found clinging"."""
    found: list[str] = []
    plain = strip_quotes(text.replace("\xa0", " "))
    lead = len(plain) - len(plain.lstrip(" “\"'"))
    for m in _CAP_RUN.finditer(plain):
        run = m.group()
        first = run.split()[0]
        if m.start() == lead and first.lower() not in TITLES and _initial_common(first, proper):
            # "Relations between ...", "Other Americans": a common word capitalised by position
            run = run.partition(" ")[2]
        if _CURRENCY_NEXT.match(plain, m.end()) and len(_clean_run(run).split()) <= 2:
            continue  # "24.6 billion US dollars", "Hong Kong dollars": money, not an actor
        for raw in _split_run(run):
            for name in _names_in_run(raw):
                if name not in found:
                    found.append(name)
    return tuple(found)


_CURRENCY_NEXT = re.compile(
    r"\s+(?:dollars?|cents|yen|pounds?|euros?|yuan|rupees?|won|francs?|rubles?|roubles?|pesos?"
    r"|dinars?|riyals?|shekels?|liras?|marks|crowns?|currency)\b",
    re.I,
)


def _split_run(run: str) -> list[str]:
    """Split a capitalised run at titles ("NATO Secretary General Jens Stoltenberg",
    "Secretary of State Madeleine Albright") and hyphenated compounds ("US-led")."""
    parts: list[list[str]] = [[]]
    titled: set[int] = set()  # parts that follow a title: a person's name
    tokens = run.split()
    for i, token in enumerate(tokens):
        bare = token.lower().rstrip(".,")
        prev = tokens[i - 1].lower().rstrip(".,") if i else ""
        senator = bare == "sen" and token.endswith(".") and i < len(tokens) - 1  # "Sen. McCain"
        if (bare in TITLES and (bare != "sen" or senator)) or (bare == "of" and prev in TITLES):
            # an abbreviated title ends no name: "Hun Sen" is a name, "Sen. McCain" a senator
            if parts[-1] and parts[-1][0].lower().rstrip(".,") in DEMONYMS:
                parts[-1] = parts[-1][:1]  # "Russian Foreign Minister": keep the demonym
            if bare == "speaker" and [w.lower() for w in parts[-1]] in ([w] for w in _HOUSES):
                parts[-1] = []  # "House Speaker Nancy Pelosi": the house is part of the title
            parts.append([])
            titled.add(len(parts) - 1)
        elif (
            prev == "of"
            and (bare in _PORTFOLIOS or bare in _HOUSES)
            and i >= 2
            and (tokens[i - 2].lower() in TITLES)
        ):
            continue  # the portfolio of "Secretary of State", "Speaker of Parliament" is no name
        elif "-" in token.strip("-"):
            parts.extend([[p] for p in token.split("-") if p[:1].isupper()])
            parts.append([])
        elif (owner := re.sub(r"[’']s$", "", token)) != token and _is_state(
            _clean_run(" ".join([*parts[-1], owner]))
        ):  # "China's Shanxi Province", "Southwest China's Yunnan": the state, then the place
            parts[-1].append(owner)
            parts.append([])
        else:
            parts[-1].append(token)
    out: list[str] = []
    for k, part in enumerate(parts):
        person, of, place = " ".join(part).partition(" of ")
        if k in titled and of and " " not in person and _is_state(place):
            out += [person, place]  # "King Gyanendra of Nepal": a person and a state
        elif part:
            out.append(" ".join(part))
    return out


def _names_in_run(raw: str) -> list[str]:
    """Actor names a capitalised run stands for (a demonym adds its country)."""
    names: list[str] = []
    first = raw.split()[0].lower().rstrip(".,")
    name = _clean_run(raw)
    if not name:
        return names
    low = name.lower()
    if low in METONYMS:
        names.append(METONYMS[low])
    elif state := demonym(name):
        names.append(state)
    elif low in _MONTH_ABBR or low == "english":
        pass  # "Nov" of "Nov. 2" (its dot stripped); "English" the language ("in English")
    elif low not in NOT_ACTORS and low not in TITLES and (len(name) > 2 or name.isupper()):
        names.append(name)
    if (state := demonym(first)) and state not in names and not low.startswith(first):
        names.append(state)  # after the person: "Russian minister Lavrov" is Lavrov
    return names


_STATES = frozenset(v.lower() for v in (*METONYMS.values(), *DEMONYMS.values()))
_ORG_WORDS = re.compile(
    r"\b(?:ministry|department|council|party|conference|agency|corp|inc|ltd|plc|co|union|"
    r"alliance|bank|office|court|government|parliament|commission|committee|service|forces|"
    r"army|navy|embassy|university|company|group|association|organization|organisation|"
    r"institute|news|press|times|post|journal|house|republic|kingdom|states|nations|air|"
    r"airlines?|airways|telecom|railways?|church|daily|guard|crown|independent)\b\.?",
    re.I,
)


def is_personal(name: str) -> bool:
    """True for a name that looks like a person's ("Jens Stoltenberg", "Fomin"), not a state,
    an acronym ("NATO") or an organisation ("Defense Ministry")."""
    return not (name.isupper() or name.lower() in _STATES or _ORG_WORDS.search(name))


def content_words(text: str) -> frozenset[str]:
    """Lower-cased, crudely stemmed content words, for comparing two reports."""
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.strip(".'’-")
        if len(w) < 3 or w in _STOP:
            continue
        out.add(re.sub(r"(ies|es|s|ed|ing)$", "", w) or w)
    return frozenset(out)


_DANGLING = re.compile(
    r"(?:[\s,;:]+(?:that|and|or|but|of|to|the|a|an|in|on|at|with|for|by|who|which|as))+[\s,;:]*$",
    re.I,
)


def make_title(text: str, max_words: int = 14) -> str:
    """A short headline-like title from a clause: trimmed, capitalised, at most max_words."""
    text = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip(" ,;:.–—-\"“”'")
    text = re.sub(r"^(and|but|while|as|which|that|then|so|also)\s+", "", text, flags=re.I)
    text = _DANGLING.sub("", text)  # "... said that" cut off before a quotation or a clause
    words = text.split()
    title = " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")
    return title[:1].upper() + title[1:]
