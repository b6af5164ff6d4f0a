"""The networkx event graph: temporal chain, stated links, paths, flat export."""

import pytest

from tests.helpers import event
from timeline.errors import NotFoundError
from timeline.graph import build_graph, find_path, flat_graph, temporal_links
from timeline.models import EventLink

A = event("a", "A", "2021-10-01", "2021-10-01", "2021-10-01", "s")
B = event("b", "B", "2021-11-01", "2021-11-01", "2021-11-01", "s")
C = event("c", "C", "2021-12-01", "2021-12-01", "2021-12-01", "s")
OPEN = event("o", "Open", "2021", "2021-01-01", None, "s")


def test_temporal_links_form_a_chain():
    assert [(lk.source, lk.target) for lk in temporal_links([C, A, B, OPEN])] == [
        ("a", "b"),
        ("b", "c"),
    ]


def test_every_event_of_a_day_has_a_link_in():
    """Of several events on one day, not only the first is reachable: the last event to end
    before a day links to each event of it."""
    b2 = event("b2", "B2", "2021-11-01", "2021-11-01", "2021-11-01", "s")
    pairs = {(lk.source, lk.target) for lk in temporal_links([A, B, b2, C])}
    assert pairs == {("a", "b"), ("a", "b2"), ("b", "c"), ("b2", "c")}
    g = build_graph([A, B, b2, C], [])
    assert [(u, v) for u, v, _ in find_path(g, "a", "b2")] == [("a", "b2")]


def test_graph_keeps_stated_links_with_evidence():
    g = build_graph([A, B, C], [EventLink("a", "c", "causes", "in response to", "s")])
    assert g.number_of_nodes() == 3
    stated = [(u, v, d["kind"]) for u, v, d in g.edges(data=True) if d["stated"]]
    assert stated == [("a", "c", "causes")]


def test_path_prefers_direction_and_reports_backward_steps():
    g = build_graph([A, B, C], [])
    assert [(u, v) for u, v, _ in find_path(g, "a", "c")] == [("a", "b"), ("b", "c")]
    back = find_path(g, "c", "a")
    assert [d["direction"] for _, _, d in back] == ["backward", "backward"]


def test_no_path():
    g = build_graph([A, OPEN], [])
    with pytest.raises(NotFoundError, match="no chain of links between a and o"):
        find_path(g, "a", "o")


def test_flat_graph_has_scalar_attributes():
    h = flat_graph(build_graph([A], []))
    assert all(
        isinstance(v, (str, int, float, bool)) for _, d in h.nodes(data=True) for v in d.values()
    )
