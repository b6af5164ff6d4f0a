"""Tests for timeline.render: figure contents, spans, lanes, hover text, escaping, offline HTML."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from timeline.errors import TimelineError
from timeline.models import Article, Event, EventLink, Granularity, Mention
from timeline.render import build_figure, render_html

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b>"

ARTICLES = {
    "a1": Article("a1", "seeds/a1.txt", "", datetime(2022, 1, 15, 7, 30), "manifest", 1.0, "RT DE"),
    "a2": Article("a2", "seeds/a2.txt", "", datetime(2021, 12, 24), "manifest", 1.0, "YCPress"),
    "a3": Article("a3", "seeds/a3.txt", "", datetime(2021, 7, 31), "manifest", 1.0, ""),
}


def mention(art: str, expr: str, value: str, rule: str, sentence: str) -> Mention:
    """A mention in one of ARTICLES, carrying that article's publication date."""
    published = ARTICLES[art].published
    assert published is not None
    return Mention(art, 0, sentence, expr, 0, len(expr), value, rule, published.isoformat())


def event(
    eid: str,
    title: str,
    gran: Granularity,
    start: date | None,
    end: date | None,
    actors: tuple[str, ...] = (),
    mentions: tuple[Mention, ...] = (),
    **kw: Any,
) -> Event:
    """An Event with its value derived from start (enough for rendering)."""
    value = start.isoformat() if start else "PRESENT_REF"
    return Event(eid, title, value, gran, start, end, actors=actors, mentions=mentions, **kw)


def fixture_events() -> list[Event]:
    """Day, month, decade, open-interval, multi-source, conflicting and undated events."""
    day = Granularity.DAY
    brussels_m = mention("a1", "on Wednesday", "2022-01-12", "weekday_past", "Talks in Brussels.")
    return [
        event("brussels", "NATO-Russia talks in Brussels", day, date(2022, 1, 12),
              date(2022, 1, 12), ("NATO", "Russia"), (brussels_m,)),
        event("lavrov", "Lavrov says dialogue was fruitless", Granularity.MONTH,
              date(2021, 11, 1), date(2021, 11, 30), ("Lavrov",),
              (mention("a1", "In November", "2021-11", "month_name", "In November, Lavrov."),)),
        event("promise", "NATO promised not to expand", Granularity.DECADE, date(1990, 1, 1),
              date(1999, 12, 31), ("NATO",),
              (mention("a2", "as early as the 1990s", "199X", "decade", "In the 1990s."),)),
        event("presence", "NATO increases its presence", Granularity.YEAR, date(2014, 1, 1),
              None, (), (mention("a3", "Since then", "2014", "since", "Since then, NATO."),)),
        event("proposals", "Russia puts forward proposals", Granularity.MONTH, date(2021, 12, 1),
              date(2021, 12, 10), ("Russia",),
              (mention("a2", "in early December", "2021-12", "month_mod", "Early December."),
               mention("a1", "Last month", "2021-12", "last_month", "Last month, Moscow.")),
              mod="START", conflict=True),
        event("undated", "Something sometime", Granularity.NONE, None, None, ("NATO",)),
    ]  # fmt: skip


def markers(fig: Any) -> list[Any]:
    """The event marker traces (the ones with hover text)."""
    return [t for t in fig.data if t.hovertext is not None]


def hover_of(fig: Any, event_id: str) -> str:
    """The hover text of one event's marker."""
    for t in markers(fig):
        if event_id in t.customdata:
            return str(t.hovertext[list(t.customdata).index(event_id)])
    raise AssertionError(f"no marker for {event_id}")


def marker_xy(fig: Any, event_id: str) -> tuple[str, float]:
    """x and y of one event's marker."""
    for t in markers(fig):
        if event_id in t.customdata:
            i = list(t.customdata).index(event_id)
            return t.x[i], t.y[i]
    raise AssertionError(f"no marker for {event_id}")


def segments(fig: Any, dash: str | None) -> list[tuple[str, str]]:
    """(x0, x1) of the None-separated span lines (dash None) or open-interval lines ("dot")."""
    out = []
    for t in fig.data:
        if t.mode and t.mode.startswith("lines") and t.line.dash == dash:
            xs = list(t.x)
            out += [(xs[i], xs[i + 1]) for i in range(0, len(xs), 3)]
    return out


def test_one_marker_per_dated_event() -> None:
    fig = build_figure(fixture_events(), [], ARTICLES)
    ids = [i for t in markers(fig) for i in t.customdata]
    assert sorted(ids) == ["brussels", "lavrov", "presence", "promise", "proposals"]
    note = fig.layout.annotations[0].text
    assert note == "5 events · 1 without a date not shown"


def test_spans_cover_the_interval_and_markers_sit_in_the_middle() -> None:
    fig = build_figure(fixture_events(), [], ARTICLES)
    spans = segments(fig, None)
    assert ("2021-11-01", "2021-12-01") in spans  # a month: to the day after its last day
    assert ("1990-01-01", "2000-01-01") in spans  # a decade
    assert ("2021-12-01", "2021-12-11") in spans  # early December
    assert len(spans) == 3  # the day event has no span, the open one its own line
    assert marker_xy(fig, "lavrov")[0] == "2021-11-16"
    assert marker_xy(fig, "promise")[0] == "1995-01-01"
    assert marker_xy(fig, "brussels")[0] == "2022-01-12"


def test_open_interval_runs_to_the_latest_date_in_the_data() -> None:
    fig = build_figure(fixture_events(), [], ARTICLES)
    assert segments(fig, "dot") == [("2014-01-01", "2022-01-13")]
    assert marker_xy(fig, "presence")[0] == "2014-01-01"
    assert "since 2014-01-01 (open)" in hover_of(fig, "presence")


def test_a_century_does_not_stretch_the_axis_or_open_intervals() -> None:
    century = event("century", "Ties for the 21st century", Granularity.CENTURY,
                    date(2000, 1, 1), date(2099, 12, 31))  # fmt: skip
    fig = build_figure([*fixture_events(), century], [], ARTICLES)
    assert segments(fig, "dot") == [("2014-01-01", "2022-01-13")]
    assert fig.layout.xaxis.range[1] < "2023"
    assert ("2000-01-01", "2100-01-01") in segments(fig, None)  # its bar is still drawn


def test_lanes_by_actor_outlet_and_none() -> None:
    by_actor = build_figure(fixture_events(), [], ARTICLES, lanes="actor")
    ticks = dict(zip(by_actor.layout.yaxis.tickvals, by_actor.layout.yaxis.ticktext, strict=True))
    assert list(ticks.values()) == ["NATO", "Lavrov", "Russia", "other"]  # busiest, then a-z
    names = [t.name for t in by_actor.data if t.showlegend]
    assert names == ["NATO", "Lavrov", "Russia", "other"]
    assert by_actor.layout.yaxis.autorange == "reversed"
    y_promise, y_brussels = marker_xy(by_actor, "promise")[1], marker_xy(by_actor, "brussels")[1]
    assert abs(y_promise - y_brussels) < 2  # same lane, possibly another row

    by_outlet = build_figure(fixture_events(), [], ARTICLES, lanes="outlet")
    assert list(by_outlet.layout.yaxis.ticktext) == ["RT DE", "YCPress", "a3.txt"]

    none = build_figure(fixture_events(), [], ARTICLES, lanes="none")
    assert list(none.layout.yaxis.ticktext) == []
    assert [t.name for t in none.data if t.showlegend] == ["RT DE", "YCPress", "a3.txt"]
    assert none.layout.legend.title.text == "<b>Outlets</b>"


def test_unknown_lanes_is_an_error() -> None:
    with pytest.raises(TimelineError, match="Unknown lanes 'topic': use one of actor, outlet"):
        build_figure(fixture_events(), [], ARTICLES, lanes="topic")


def test_hover_text_exact_for_one_event() -> None:
    fig = build_figure(fixture_events(), [], ARTICLES)
    assert hover_of(fig, "brussels") == (
        "<b>NATO-Russia talks in Brussels</b><br>"
        "2022-01-12 (day) · 2022-01-12<br>"
        "Dated from: &#39;on Wednesday&#39; in RT DE, published 2022-01-15 → 2022-01-12"
        " [weekday_past]<br>"
        "Source: RT DE<br>"
        "Actors: NATO, Russia<br>"
        "“Talks in Brussels.”"
    )


def test_several_sources_and_conflicts_look_different() -> None:
    fig = build_figure(fixture_events(), [], ARTICLES)
    hover = hover_of(fig, "proposals")
    assert "2 sources: YCPress, RT DE" in hover
    assert "<b>⚠ Sources disagree on the date:</b> 2021-12" in hover
    assert "(month, start) · 2021-12-01 – 2021-12-10" in hover
    assert "&#39;Last month&#39; in RT DE, published 2022-01-15 → 2021-12 [last_month]" in hover
    sizes = {i: s for t in markers(fig) for i, s in zip(t.customdata, t.marker.size, strict=True)}
    assert sizes["proposals"] > sizes["brussels"]
    labels = [a.text for a in fig.layout.annotations if a.name and a.name.startswith("label-")]
    assert "Russia puts forward proposals (2 sources)" in labels


def test_hostile_text_is_escaped_everywhere() -> None:
    art = Article("h", "x/" + HOSTILE, "", datetime(2022, 1, 1), "manifest", 1.0, HOSTILE)
    ev = event(
        "h1",
        HOSTILE,
        Granularity.DAY,
        date(2022, 1, 1),
        date(2022, 1, 1),
        (HOSTILE,),
        (Mention("h", 0, HOSTILE, HOSTILE, 0, 1, "2022-01-01", HOSTILE, "2022-01-01"),),
    )
    other = event("h2", "effect", Granularity.DAY, date(2022, 1, 2), date(2022, 1, 2), ("x",))
    link = EventLink("h1", "h2", "causes", HOSTILE, "h")
    fig = build_figure([ev, other], [link], {"h": art}, title=HOSTILE)  # fmt: skip
    texts = [fig.layout.title.text, *fig.layout.yaxis.ticktext, *(t.name for t in fig.data)]
    texts += [a.text for a in fig.layout.annotations] + [hover_of(fig, "h1"), hover_of(fig, "h2")]
    for text in texts:
        for tag in ("<script", "<img", "<b>bold"):
            assert tag not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in (
        hover_of(fig, "h1")
    )
    assert "&lt;b&gt;bold&lt;/b&gt;" in fig.layout.title.text
    assert "Caused by: &lt;script&gt;" in hover_of(fig, "h2")


def test_html_cannot_close_the_script_and_title_is_escaped(tmp_path: Path) -> None:
    ev = event("h1", HOSTILE + "</script>", Granularity.DAY, date(2022, 1, 1), date(2022, 1, 1))
    out = render_html([ev], [], {}, tmp_path / "t.html", title=HOSTILE)
    html = out.read_text(encoding="utf-8")
    assert "alert(1)" in html
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert html.count("<script") == html.count("</script>") == 3  # plotly.js, config, plot
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_causal_links_become_arrows_capped() -> None:
    links = [
        EventLink("proposals", "brussels", "causes", "in response to"),
        EventLink("lavrov", "proposals", "causes"),
        EventLink("promise", "brussels", "after"),  # temporal: not drawn
        EventLink("undated", "brussels", "causes"),  # undated end: not drawn
    ]
    fig = build_figure(fixture_events(), links, ARTICLES)
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == 2
    head = arrows[0]
    assert (head.x, head.ax, head.axref, head.ayref) == ("2022-01-12", "2021-12-06", "x", "y")
    assert (head.y, head.ay) == (marker_xy(fig, "brussels")[1], marker_xy(fig, "proposals")[1])
    hover = hover_of(fig, "brussels")
    assert "Caused by: Russia puts forward proposals (“in response to”)" in hover
    capped = build_figure(fixture_events(), links, ARTICLES, max_arrows=1)
    assert len([a for a in capped.layout.annotations if a.showarrow]) == 1
    note = capped.layout.annotations[0].text
    assert note.endswith("1 causal links not drawn (first 300 shown)")


def test_date_range_filter() -> None:
    fig = build_figure(fixture_events(), [], ARTICLES, date_from=date(2021, 11, 15))
    ids = sorted(i for t in markers(fig) for i in t.customdata)
    assert ids == ["brussels", "lavrov", "presence", "proposals"]  # open interval still overlaps
    assert fig.layout.annotations[0].text == (
        "4 events · 1 without a date not shown · 1 outside the date range"
    )
    before = build_figure(fixture_events(), [], ARTICLES, date_to=date(2000, 1, 1))
    assert [i for t in markers(before) for i in t.customdata] == ["promise"]
    assert tuple(fig.layout.xaxis.range) == ("2021-11-12", "2022-01-16")  # window, 3 days pad
    assert segments(fig, "dot") == [("2014-01-01", "2022-01-13")]
    until = build_figure(fixture_events(), [], ARTICLES, date_to=date(2021, 12, 31))
    assert segments(until, "dot") == [("2014-01-01", "2021-12-11")]  # to the last date shown


def test_no_dated_events_gives_an_explaining_figure(tmp_path: Path) -> None:
    undated = [e for e in fixture_events() if e.start is None]
    fig = build_figure(undated, [], ARTICLES)
    assert fig.layout.annotations[0].text == "No dated events to show · 1 without a date not shown"
    assert render_html(undated, [], ARTICLES, tmp_path / "e.html").exists()


def test_html_is_self_contained_and_offline(tmp_path: Path) -> None:
    out = render_html(fixture_events(), [], ARTICLES, tmp_path / "sub" / "t.html", title="T")
    assert out == tmp_path / "sub" / "t.html"
    html = out.read_text(encoding="utf-8")
    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags and all("src" not in t for t in tags)  # plotly.js is inline, nothing fetched
    assert not re.search(r"<link\b|@import|cdn\.plot\.ly/plotly|mathjax@|MathJax\.js", html)
    assert "plotly.js v" in html and len(html) > 3_000_000
    assert [p.name for p in out.parent.iterdir()] == ["t.html"]  # the temporary file was renamed
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_unwritable_output_is_a_timeline_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(TimelineError, match=r"^Cannot write the timeline to .*/file/t\.html: "):
        render_html(fixture_events(), [], ARTICLES, blocker / "t.html")


def big_events(n: int) -> tuple[list[Event], list[EventLink], dict[str, Article]]:
    """n synthetic events with long titles and sentences, spread over eight years."""
    arts = {f"a{i}": Article(f"a{i}", f"x/{i}.txt", "", datetime(2020, 1, 1), "m", 1.0,
                             f"Outlet {i % 12}") for i in range(200)}  # fmt: skip
    sentence = "A long sentence that describes the event in some detail and goes on. " * 5
    events = []
    for i in range(n):
        start = date(2015, 1, 1) + timedelta(days=(i * 37) % 3000)
        gran, end = (Granularity.MONTH, start + timedelta(days=30)) if i % 5 == 0 else (
            Granularity.DAY, start)  # fmt: skip
        ms = tuple(
            Mention(
                f"a{(i + k) % 200}",
                1,
                sentence,
                "on Wednesday",
                0,
                12,
                start.isoformat(),
                "weekday_past",
                "2020-01-01",
            )
            for k in range(3)
        )
        events.append(event(f"e{i}", f"Event {i} with a fairly long title about something",
                            gran, start, end, (f"Actor {i % 40}",), ms))  # fmt: skip
    links = [EventLink(f"e{i}", f"e{(i * 7 + 1) % n}", "causes") for i in range(0, n, 5)]
    return events, links, arts


def test_five_thousand_events_stay_small_and_use_webgl(tmp_path: Path) -> None:
    events, links, arts = big_events(5000)
    fig = build_figure(events, links, arts)
    assert sum(len(t.customdata) for t in markers(fig)) == 5000
    assert {t.type for t in markers(fig)} == {"scattergl"}
    assert len(fig.data) < 100
    assert len([a for a in fig.layout.annotations if a.showarrow]) == 300
    assert len(fig.layout.yaxis.tickvals) == 20  # lanes past 19 fold into "other"
    out = render_html(events, links, arts, tmp_path / "big.html")
    assert out.stat().st_size < 10_000_000


def test_lanes_skip_places_and_keep_one_lane_per_person():
    from timeline.render_lanes import lane_key, surname_lanes

    d = date(2022, 1, 12)
    events = [
        event("a", "The Black Sea peninsula of Crimea voted", Granularity.DAY, d, d,
              ("Black Sea", "Crimea")),
        event("b", "A meeting in Brussels between Russia and NATO", Granularity.DAY, d, d,
              ("Brussels", "Russia", "NATO")),
        event("c", "Speaking at the Munich Security Conference, Jens Stoltenberg said",
              Granularity.DAY, d, d, ("Munich Security Conference", "Jens Stoltenberg")),
        event("d", "Stoltenberg responded", Granularity.DAY, d, d, ("Stoltenberg",)),
        event("e", "Brussels proposed new rules", Granularity.DAY, d, d, ("Brussels",)),
        event("f", "The Red Sea was calm", Granularity.DAY, d, d, ("Red Sea",)),
    ]  # fmt: skip
    events += [
        event("g", "Merkel lashes out at Putin over Crimea", Granularity.DAY, d, d,
              ("Putin", "Crimea")),
        event("h", "In Brussels, the Indian National Congress met South Korea", Granularity.DAY,
              d, d, ("Brussels", "Indian National Congress", "South Korea")),
        event("i", "Congress voted", Granularity.DAY, d, d, ("Congress",)),
        event("j", "Korea voted", Granularity.DAY, d, d, ("Korea",)),
    ]  # fmt: skip
    names = surname_lanes(events)
    lanes = [lane_key(e, {}, "actor", names) for e in events]
    # a place is skipped only when someone else is named; "Brussels" as the EU acts
    assert lanes == [
        "Crimea",
        "Russia",
        "Jens Stoltenberg",
        "Jens Stoltenberg",
        "Brussels",
        "Red Sea",
        "Putin",
        "Indian National Congress",
        "Congress",
        "Korea",
    ]
    assert names == {"Stoltenberg": "Jens Stoltenberg"}  # people only
