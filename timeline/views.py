"""What the CLI shows: event explanations, tables and export documents, as plain strings (pure)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import datetime

import networkx as nx

from .graph import build_graph, flat_graph
from .models import Article, Event, EventLink, Mention, TimeExpression

EXPORT_FORMATS = ("json", "graphml", "gexf", "csv")
SCHEMA_VERSION = 1


def short(article_id: str, articles: Mapping[str, Article]) -> str:
    """An article's short name: its file name without folder, else its id."""
    art = articles.get(article_id)
    if art is None:
        return article_id
    return art.path.rsplit("/", 1)[-1] or article_id


def explain(m: Mention, articles: Mapping[str, Article]) -> str:
    """How one mention was dated: "'on Wednesday' in 004.txt, published Sat 2022-01-15 -> ..."."""
    pub = m.published
    try:
        pub = datetime.fromisoformat(m.published).strftime("%a %Y-%m-%d")
    except ValueError:
        pass
    phrase = f"'{m.expression}'" if m.expression else "no date phrase"
    return f"{phrase} in {short(m.article_id, articles)}, published {pub} → {m.value} ({m.rule})"


def event_rows(events: Sequence[Event], articles: Mapping[str, Article]) -> list[list[str]]:
    """Rows of the `timeline events` table: id, date, granularity, sources, title."""
    rows = []
    for ev in events:
        flag = (" onwards" if ev.start and ev.end is None else "") + (" ⚠" if ev.conflict else "")
        srcs = ", ".join(short(s, articles) for s in ev.sources)
        rows.append([ev.id, ev.value + flag, ev.granularity.value, srcs, ev.title])
    return rows


def event_detail(
    ev: Event,
    articles: Mapping[str, Article],
    links: Sequence[EventLink],
    titles: Mapping[str, str],
) -> str:
    """The `timeline show` text: date and how it was resolved, sources, causes and effects.
    `links` are the stated links the event is an end of; `titles` name their other ends."""
    span = f"{ev.start or '?'} … {ev.end or 'open'}"
    lines = [
        f"{ev.title}",
        f"  id:      {ev.id}",
        f"  date:    {ev.value} ({ev.granularity.value}"
        + (f", {ev.mod}" if ev.mod else "")
        + f"; {span})",
    ]
    if ev.conflict:
        lines.append("  ⚠ sources disagree on the date; every reading is listed below")
    if ev.actors:
        lines.append(f"  actors:  {', '.join(ev.actors)}")
    lines.append("  resolved from:")
    for m in ev.mentions:
        lines += [f"    - {explain(m, articles)}", f"      “{m.sentence}”"]
    incoming = [(lk, lk.source) for lk in links if lk.target == ev.id]
    outgoing = [(lk, lk.target) for lk in links if lk.source == ev.id]
    for label, ends in (("after / caused by", incoming), ("before / causes", outgoing)):
        if ends:
            lines.append(f"  {label}:")
            lines += [
                f"    - [{lk.kind}] {other} {titles.get(other, '')} — “{lk.evidence}”"
                for lk, other in ends
            ]
    return "\n".join(lines)


def export_document(
    articles: Sequence[Article], events: Sequence[Event], links: Sequence[EventLink]
) -> dict:
    """The stable JSON export: articles, events, links (schema in the README)."""
    return {
        "schema": SCHEMA_VERSION,
        "articles": [a.to_dict() for a in articles],
        "events": [e.to_dict() for e in events],
        "links": [link.to_dict() for link in links],
    }


def export_text(
    fmt: str, articles: Sequence[Article], events: Sequence[Event], links: Sequence[EventLink]
) -> str:
    """The export in one of EXPORT_FORMATS, as text."""
    if fmt == "json":
        doc = export_document(articles, events, links)
        return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if fmt == "csv":
        return _events_csv(events)
    g = flat_graph(build_graph(events, links))
    lines = nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g)
    return "\n".join(lines) + "\n"


def _events_csv(events: Sequence[Event]) -> str:
    """One row per event."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(
        [
            "id",
            "value",
            "granularity",
            "start",
            "end",
            "mod",
            "title",
            "actors",
            "sources",
            "conflict",
        ]
    )
    for e in events:
        w.writerow(
            [
                e.id,
                e.value,
                e.granularity.value,
                e.start or "",
                e.end or "",
                e.mod,
                e.title,
                "; ".join(e.actors),
                "; ".join(e.sources),
                int(e.conflict),
            ]
        )
    return buf.getvalue()


def expression_rows(exprs: Sequence[TimeExpression]) -> list[list[str]]:
    """Rows of the `timeline dates` table."""
    return [
        [
            f"{x.char_start}-{x.char_end}",
            x.text,
            x.type.value,
            x.value,
            x.granularity.value,
            f"{x.start or ''}…{x.end or ('open' if x.start else '')}",
            x.mod,
            x.rule,
        ]
        for x in exprs
    ]
