"""Sentences cut into clauses at connectives, headline and dateline detection, and the
title/attribution text of a clause (pure text work for the event stage)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CONNECTIVE_RE, connective_kind
from .models import Sentence, TimeExpression
from .text import actors

REPORT_FRAME = re.compile(
    r"^(?:according to [^,]+,\s*|it is reported that\s+|[\w\s,]{0,40}?\b(?:said|says|believe|"
    r"believes|claimed|claim|reported|stressed|added|warned|noted) that\s+)",
    re.I,
)
DATELINE_TEXT = re.compile(  # "BRUSSELS —", "KYIV, Ukraine (AP) —", "LUSAKA, (Xinhua) --" (its
    # date taken out), "Jan. 12 —"
    r"^\s*(?:[A-Z][A-Z .'’]{2,}"
    r"(?:,\s*[A-Z][A-Za-z .]+?(?=,?\s*(?:[A-Z][a-z]{2,8}\.?\s*\d|\(|—|--)))?"  # a marker next
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2}(?:,\s*\d{4})?)?,?\s*(?:\([^)]*\))?"
    r"|[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+\.?)"
    r"\s*(?:[—–]|--?)[\s,]+"
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A piece of a sentence: its text span, the connective that introduced it, its partner."""

    start: int
    end: int
    conn: str = ""  # the connective words; "" for the main clause
    kind: str = ""  # link kind the connective states
    head: int = -1  # index of the clause it hangs on (its effect / later event)


def headline_sentences(text: str, sentences: list[Sentence]) -> set[int]:
    """Sentences of a headline first line (more lines follow, it does not end like a sentence)
    and sentences repeated word for word (headlines shown again, link lists): restatements,
    not reports."""
    body = text.lstrip()
    first_end = len(text) - len(body) + body.find("\n")
    first_line = text[:first_end].rstrip()
    if body.find("\n") < 0 or re.search(r"[.!?\"”’]$", first_line):
        first_end = 0
    keys = [_plain(s.text) for s in sentences]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    return {
        s.index
        for s, key in zip(sentences, keys, strict=True)
        if s.start < first_end or seen[key] > 1
    }


def _plain(text: str) -> str:
    """Text compared loosely: case, spacing and typographic quotes ignored."""
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split()).casefold()


def drop_dateline(sent: Sentence, exprs: list[TimeExpression]) -> list[TimeExpression]:
    """Leave out a dateline ("December 24 – ...") that dates the report, not an event."""
    out = []
    for e in exprs:
        rel = e.char_start - sent.start
        rest = sent.text[e.char_end - sent.start :]
        if rel <= 2 and re.match(r"\s*[—–-]\s", rest):
            continue
        out.append(e)
    return out


def split_clauses(sent: Sentence, exprs: list[TimeExpression]) -> list[Clause]:
    """Cut a sentence at connectives that are not inside a date expression.

    "Y after X" -> [Y, X(after, head=Y)]; "After X, Y" (at the start of the sentence, of a
    quotation or after "that") -> [.., X(after, head=Y), Y].
    """
    text = sent.text
    cuts = []
    for m in CONNECTIVE_RE.finditer(text):
        a, z = sent.start + m.start(), sent.start + m.end()
        inside = any(e.char_start <= a < e.char_end for e in exprs)
        leads = any(0 <= e.char_start - z <= 1 for e in exprs)  # "since 2014", "after Monday"
        if not inside and not leads:
            cuts.append((m.start(), m.end(), m.group("conn")))
    clauses: list[Clause] = [Clause(sent.start, sent.start + (cuts[0][0] if cuts else len(text)))]
    for i, (c_start, c_end, conn) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        kind = connective_kind(conn)
        comma = text.find(",", c_end, end)
        if _opens_clause(text[:c_start]) and comma > 0:
            clauses.append(
                Clause(sent.start + c_end, sent.start + comma, conn, kind, head=len(clauses) + 1)
            )
            clauses.append(Clause(sent.start + comma + 1, sent.start + end))
        else:
            clauses.append(
                Clause(sent.start + c_end, sent.start + end, conn, kind, head=len(clauses) - 1)
            )
    return clauses  # empty clauses stay: heads are indexes into this list


def _opens_clause(before: str) -> bool:
    """True when a connective starts its own clause: sentence start, after a quote or 'that'."""
    tail = before.rstrip()
    return not tail.strip(" “\"'") or tail.endswith(("“", '"', "that", ":", ";"))


def clause_text(sent: Sentence, clause: Clause) -> str:
    """The words of a clause."""
    return sent.text[clause.start - sent.start : clause.end - sent.start]


_PREP = r"(?:\b(?:in|on|at|by|during|since|from|until|as early as|as late as|of)\s+)?(?:the\s+)?"
_SAID_BY = re.compile(
    r"^(?P<content>.{12,}?)[,”\"]\s*(?P<speaker>(?:the\s+)?[^,“\"]{3,80}?)\s+"
    r"(?P<verb>said|says|stated|warned|added|told|announced|noted|insisted|stressed|demanded|"
    r"emphasi[sz]ed|according to)\b(?P<rest>[^,“\"]*)[.!]?$",
    re.I | re.S,
)
_SAID_BY_INVERTED = re.compile(
    r"^(?P<content>.{12,}?)[,”\"]\s*(?P<verb>said|says|demanded|warned|added)\s+"
    r"(?P<speaker>[^,“\"]{3,80}?)(?P<rest>)[.!]?$",
    re.I | re.S,
)


# The date phrase stays where taking it out would break the sentence: a possessive or the
# first end of a range after it ("last November's election", "1971 and 2004", "March 3-5"), a
# range or determiner before it ("between 1971", "the 2002 Asian Games"), or a lone participle
# left before a comma ("Founded in 1985, the school").
_DATE_WORD = (  # a number, a month or a weekday: "and 2004", "to Nov. 2", "and Tuesday"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"[a-z]*\b)"
)
_BOUND_AFTER = re.compile(rf"^(?:['’]s\b|[-–]|\s+(?:and|or|to|through|until|till)\s+{_DATE_WORD})")
_BOUND_BEFORE = re.compile(r"\bbetween\s+$|\d\s+(?:and|or)\s+$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|this|its|their|his|our)\s+$", re.I)
_LONE_PARTICIPLE = re.compile(r"^\W*[A-Za-z]+ed\W*$")


def without_expression(text: str, expr: TimeExpression, offset: int) -> str:
    """The clause with its date phrase (and the preposition before it) taken out, unless the
    phrase is bound into the sentence (see above): then the clause as it is."""
    a, z = expr.char_start - offset, expr.char_end - offset
    before, after = text[:a], text[z:]
    head = re.sub(_PREP + r"$", "", before, flags=re.I)
    bound = (
        _BOUND_AFTER.match(after)
        or _BOUND_BEFORE.search(before)
        or (_DETERMINER.search(before) and re.match(r"\s+[^\W\d_]", after))
        or (_LONE_PARTICIPLE.match(head) and after.lstrip().startswith(","))
    )
    out = text if bound else head + " " + after
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"^\W+", "", out.strip()))


_FRAME_ONLY = re.compile(r"^\s*(?:according to|in addition|however|meanwhile)\b", re.I)


def attribution(text: str, proper: frozenset[str] | None = None) -> tuple[str, str]:
    """("<speaker> said: <content>", speaker) for "<content>, <speaker> said"; else (text, "")."""
    for rx in (_SAID_BY, _SAID_BY_INVERTED):
        m = rx.match(text.strip())
        if m and actors(m.group("speaker"), proper) and not _FRAME_ONLY.match(m.group("content")):
            speaker = m.group("speaker").strip()
            content = m.group("content").strip(' ,“”"')
            verb = m.group("verb") + m.group("rest").rstrip(" .")
            return f"{speaker} {verb}: {content}", speaker
    return text, ""
