"""The event graph (networkx): stated links with evidence, plus temporal order from intervals."""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence

import networkx as nx

from .errors import NotFoundError
from .models import Event, EventLink


def temporal_links(events: Sequence[Event]) -> list[EventLink]:
    """Order links from the intervals: each event -> the next event that starts after it ends,
    and the last event to end before it starts -> each event (so of several events on one day,
    each has a link in, not only the first).

    A chain, not every pair: the order of any two events follows by transitivity, and the graph
    stays linear in the number of events (at most two links per event).
    """
    dated = sorted(
        (e for e in events if e.start is not None and e.end is not None),
        key=lambda e: (e.start, e.end, e.id),
    )
    starts = [e.start for e in dated if e.start is not None]
    by_end = sorted(dated, key=lambda e: (e.end, e.start, e.id))
    ends = [e.end for e in by_end if e.end is not None]
    seen: set[tuple[str, str]] = set()
    links = []
    for ev in dated:
        assert ev.start is not None and ev.end is not None
        j = bisect.bisect_right(starts, ev.end)
        i = bisect.bisect_left(ends, ev.start) - 1
        pairs: list[tuple[str, str] | None] = [
            (ev.id, dated[j].id) if j < len(dated) else None,
            (by_end[i].id, ev.id) if i >= 0 else None,
        ]
        for pair in pairs:
            if pair is not None and pair not in seen:
                seen.add(pair)
                links.append(EventLink(pair[0], pair[1], "before", "", ""))
    return links


def build_graph(events: Sequence[Event], links: Sequence[EventLink]) -> nx.MultiDiGraph:
    """A MultiDiGraph: events as nodes (their JSON fields), stated and temporal links as edges."""
    g = nx.MultiDiGraph()
    for ev in events:
        g.add_node(ev.id, **ev.to_dict())
    for link in list(links) + temporal_links(events):
        if link.source in g and link.target in g:
            g.add_edge(
                link.source,
                link.target,
                key=f"{link.kind}:{link.evidence}",
                kind=link.kind,
                evidence=link.evidence,
                article=link.article_id,
                stated=bool(link.evidence),
            )
    return g


def find_path(g: nx.MultiDiGraph, a: str, b: str) -> list[tuple[str, str, dict]]:
    """The shortest chain of links from a to b (following link direction, else either way)."""
    for graph in (g, g.to_undirected(as_view=True)):
        try:
            nodes = nx.shortest_path(graph, a, b)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            continue
        return [(u, v, _edge(g, u, v)) for u, v in zip(nodes, nodes[1:], strict=False)]
    raise NotFoundError(f"no chain of links between {a} and {b}")


def _edge(g: nx.MultiDiGraph, u: str, v: str) -> dict:
    """The most informative edge between two nodes (stated beats inferred), either direction."""
    data = g.get_edge_data(u, v) or {}
    direction = "forward"
    if not data:
        data, direction = g.get_edge_data(v, u) or {}, "backward"
    best = max(data.values(), key=lambda d: d["stated"])
    return dict(best, direction=direction)


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars, as GraphML and GEXF require."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _scalar(v) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items()})
    return h


def _scalar(value: object) -> str | int | float | bool:
    """Lists, dicts and None as JSON text; scalars unchanged."""
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)
