"""Sentences + time expressions of one article -> events and the links its text states.

A prose sentence is cut into clauses at connectives ("after", "following", "in response to" ...).
A clause holding a date expression is an event at that date; a main clause with an actor and an
event word but no date is a reported statement at the publication date. A clause introduced by a
connective is the cause (or earlier event) of the clause it hangs on; when it has no date of its
own it is matched to another event of the same article, or takes its partner's date.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date

from .clauses import (
    DATELINE_TEXT,
    REPORT_FRAME,
    Clause,
    attribution,
    clause_text,
    drop_dateline,
    headline_sentences,
    split_clauses,
    without_expression,
)
from .event_links import (
    Draft,
    Pending,
    adopt,
    anaphora_links,
    best_match,
    is_happening,
    previous_event,
    usable,
)
from .event_reports import merge_reports
from .lexicon import CONTRACT_NEXT, event_classes
from .models import (
    Article,
    Event,
    EventLink,
    Granularity,
    Mention,
    Sentence,
    TimeExpression,
)
from .settings import Settings
from .text import actors, is_prose, make_title, proper_tokens, strip_quotes

_ANAPHOR_STEP = re.compile(
    r"\b(?:this|that|the|these|those|such)\s+(?:step|move|decision|measure|action|response|"
    r"steps|moves|decisions|measures|actions)\b",
    re.I,
)
_ANAPHOR_REMARKS = re.compile(
    r"\b(?:made|delivered|gave)\s+(?:his|her|their|the|these|those)\s+"
    r"(?:remarks|comments|statement|speech|address)\b",
    re.I,
)


def extract_events(
    article: Article,
    sentences: list[Sentence],
    expressions: list[TimeExpression],
    settings: Settings,
) -> tuple[list[Event], list[EventLink]]:
    """Events and stated links of one article (pure)."""
    if article.published is None:
        return [], []
    pub = article.published.date()
    drafts: list[Draft] = []
    pending: list[Pending] = []
    links: list[EventLink] = []
    skip = headline_sentences(article.text, sentences)
    ordered = sorted(expressions, key=lambda e: e.char_start)
    starts = [e.char_start for e in ordered]
    for sent in sentences:
        if sent.index in skip or not is_prose(sent.text):
            continue
        own = ordered[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        _sentence_events(article, sent, own, pub, drafts, pending, links)
    drafts, renamed = merge_reports(drafts, pub)
    by_id = {d.event.id: d for d in drafts}
    for p in pending:
        p.cause = by_id.get(renamed.get(p.cause.event.id, ""), p.cause) if p.cause else None
        p.effect = by_id.get(renamed.get(p.effect.event.id, ""), p.effect) if p.effect else None
    links.extend(anaphora_links(drafts, expressions, article))
    links.extend(_resolve_pending(pending, drafts, article, settings))
    return _finish(drafts, links, renamed)


def _sentence_events(
    article: Article,
    sent: Sentence,
    expressions: list[TimeExpression],
    pub: date,
    drafts: list[Draft],
    pending: list[Pending],
    links: list[EventLink],
) -> None:
    """Drafts of one sentence's clauses, the links between them, the links still to resolve
    (`expressions`: those starting in the sentence, in order)."""
    exprs = [e for e in expressions if usable(e)]
    exprs = drop_dateline(sent, exprs)
    clauses = split_clauses(sent, exprs)
    made = [_clause_event(article, sent, c, exprs, pub) for c in clauses]
    made = _inherit_dates(made, clauses, article, sent, exprs, pub)
    drafts.extend(d for d in made if d is not None)
    for clause, draft in zip(clauses, made, strict=True):
        if not clause.conn or not 0 <= clause.head < len(made):
            continue
        effect = made[clause.head]
        head_text = clause_text(sent, clauses[clause.head])
        if _ANAPHOR_REMARKS.search(head_text):
            effect = None  # "made his remarks after ...": the remarks reported before
        if draft is not None and effect is not None:
            evidence = _evidence(sent, clause)
            links.append(
                EventLink(draft.event.id, effect.event.id, clause.kind, evidence, article.id)
            )
        else:
            pending.append(Pending(draft, effect, clause, sent, head_text))


def canonical_actors(events: list[Event]) -> list[Event]:
    """Events whose one-word person names are spelled out where the same events name them in
    full ("Stoltenberg" -> "Jens Stoltenberg" when "Jens Stoltenberg" occurs)."""
    full: dict[str, set[str]] = {}
    for ev in events:
        for name in ev.actors:
            parts = name.split()
            if len(parts) > 1:
                full.setdefault(parts[-1], set()).add(name)
    mapping = {last: names.pop() for last, names in full.items() if len(names) == 1}
    out = []
    for ev in events:
        names = tuple(dict.fromkeys(mapping.get(a, a) for a in ev.actors))
        out.append(ev if names == ev.actors else replace(ev, actors=names))
    return out


def _event_id(article: Article, sent: Sentence, clause: Clause) -> str:
    """Stable id: the article's content hash, the sentence and the clause offset."""
    key = f"{article.id}:{sent.index}:{clause.start}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def _clause_event(
    article: Article, sent: Sentence, clause: Clause, exprs: list[TimeExpression], pub: date
) -> Draft | None:
    """The event a clause states, dated by its own expression, or None if it has no date yet."""
    own = [
        e
        for e in exprs
        if clause.start <= e.char_start < clause.end
        # "crude for January delivery": a contract's month, not when the clause happened
        and not CONTRACT_NEXT.match(article.text, e.char_end)
    ]
    if clause.start == sent.start and (m := DATELINE_TEXT.match(sent.text)):
        # a wire dateline's date is when the story was filed: the clause's own date wins
        # ("DOHA, Nov. 27 (Xinhua) -- History was made in 2004 when ...")
        own = [e for e in own if e.char_start >= sent.start + m.end()] or own
    if not own:
        return None
    expr = min(own, key=lambda e: (e.granularity.rank, e.char_start))  # the most precise
    return _draft(article, sent, clause, expr, pub, dated=True)


def _draft(
    article: Article,
    sent: Sentence,
    clause: Clause,
    expr: TimeExpression | None,
    pub: date,
    dated: bool,
    rule: str = "",
    template: Event | None = None,
) -> Draft:
    """Build a draft event for a clause, dated by `expr`, by `template`'s date, or by `pub`."""
    text, sentence = clause_text(sent, clause), sent.text
    local = without_expression(text, expr, clause.start) if expr else text
    if clause.start == sent.start:  # a wire dateline: neither title nor actors (city, agency)
        local, text, sentence = (DATELINE_TEXT.sub("", s) for s in (local, text, sentence))
    proper = proper_tokens(article.text)
    title_src, speaker = attribution(local.strip(" ,;–—-"), proper)
    title_src = REPORT_FRAME.sub("", title_src) or title_src
    own_only = template is not None and not dated
    found = _ordered_actors(speaker, text, sentence, own_only, proper)
    mention = Mention(
        article_id=article.id,
        sentence_index=sent.index,
        sentence=sent.text,
        expression=expr.text if expr else "",
        char_start=expr.char_start if expr else sent.start,
        char_end=expr.char_end if expr else sent.end,
        value=expr.value if expr else (template.value if template else pub.isoformat()),
        rule=rule or (expr.rule if expr else "publication date (no date expression)"),
        published=article.published.isoformat() if article.published else "",
    )
    if expr is not None:
        value, gran, start, end, mod = expr.value, expr.granularity, expr.start, expr.end, expr.mod
    elif template is not None:
        t = template
        value, gran, start, end, mod = t.value, t.granularity, t.start, t.end, t.mod
    else:
        value, gran, start, end, mod = pub.isoformat(), Granularity.DAY, pub, pub, ""
    event = Event(
        id=_event_id(article, sent, clause),
        title=make_title(title_src),
        value=value,
        granularity=gran,
        start=start,
        end=end,
        mod=mod,
        actors=found,
        mentions=(mention,),
    )
    return Draft(event, clause, sent, dated)


def _ordered_actors(
    speaker: str, clause: str, sentence: str, own_only: bool, proper: frozenset[str]
) -> tuple[str, ...]:
    """Actors of a clause, the speaker of a reported statement first."""
    names = list(actors(speaker, proper)) if speaker else []
    names += [a for a in actors(clause, proper) if a not in names]
    if not own_only:
        names += [a for a in actors(sentence, proper) if a not in names]
    return tuple(names)


def _is_statement(text: str, proper: frozenset[str]) -> bool:
    """A clause worth an event without a date of its own: an actor doing an event word."""
    return bool(actors(text, proper)) and bool(event_classes(strip_quotes(text)))


def _inherit_dates(
    made: list[Draft | None],
    clauses: list[Clause],
    article: Article,
    sent: Sentence,
    exprs: list[TimeExpression],
    pub: date,
) -> list[Draft | None]:
    """Undated main clauses: open interval after a dated "since" clause, else publication day."""
    out = list(made)
    for i, clause in enumerate(clauses):
        if out[i] is not None or clause.conn:
            continue
        text = clause_text(sent, clause)
        since = [
            out[j]
            for j, c in enumerate(clauses)
            if c.head == i and c.conn.lower() == "since" and out[j] is not None
        ]
        dated = next((d for d in out if d is not None and d.dated), None)
        if since and since[0] is not None:
            anchor = since[0].event
            open_ev = replace(anchor, end=None, mod="ON_OR_AFTER")
            rule = f"since '{anchor.mentions[0].expression}'"
            out[i] = _draft(article, sent, clause, None, pub, False, rule, open_ev)
        elif i > 0 and dated is not None:
            rule = f"same sentence as '{dated.event.mentions[0].expression}'"
            out[i] = _draft(article, sent, clause, None, pub, False, rule, dated.event)
        elif _is_statement(text, proper_tokens(article.text)):
            out[i] = _draft(article, sent, clause, None, pub, False)
    return out


def _evidence(sent: Sentence, clause: Clause) -> str:
    """The connective and the words after it, as the text says them (at most 12 words)."""
    text = clause_text(sent, clause)
    words = (clause.conn + " " + text).split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _resolve_pending(
    pending: list[Pending], drafts: list[Draft], article: Article, settings: Settings
) -> list[EventLink]:
    """Find the missing end of each connective clause in the article, or make it."""
    links = []
    for p in pending:
        cause, effect = p.cause, p.effect
        pub = article.published.date() if article.published else date.min
        if effect is None and _ANAPHOR_STEP.search(p.head_text):
            effect = previous_event(drafts, p.sentence)  # "With this step, Moscow reacted to ..."
        elif effect is None and _ANAPHOR_REMARKS.search(p.head_text):
            effect = previous_event(drafts, p.sentence, statement=True)
        if cause is None and effect is not None:
            probe = _draft(article, p.sentence, p.clause, None, pub, False, "", effect.event)
            cause = best_match(probe, drafts, exclude=effect)
            words = clause_text(p.sentence, p.clause)
            if cause is None and is_happening(words, proper_tokens(article.text)):
                cause = adopt(probe, effect, drafts)
        elif effect is None and cause is not None:
            head = Clause(p.sentence.start, p.clause.start)
            probe = _draft(article, p.sentence, head, None, pub, False)
            effect = best_match(probe, drafts, exclude=cause)
        if cause is None or effect is None or cause is effect:
            continue
        links.append(
            EventLink(
                cause.event.id,
                effect.event.id,
                p.clause.kind,
                _evidence(p.sentence, p.clause),
                article.id,
            )
        )
    return links


def _finish(
    drafts: list[Draft], links: list[EventLink], renamed: dict[str, str]
) -> tuple[list[Event], list[EventLink]]:
    """Final events, and links re-pointed at folded events, deduplicated, both ends present."""
    events = canonical_actors([d.event for d in drafts])
    ids = {e.id for e in events}
    seen, out = set(), []
    for link in links:
        link = replace(
            link,
            source=renamed.get(link.source, link.source),
            target=renamed.get(link.target, link.target),
        )
        key = (link.source, link.target, link.kind, link.evidence)
        if link.source in ids and link.target in ids and link.source != link.target:
            if key not in seen:
                seen.add(key)
                out.append(link)
    return events, out
