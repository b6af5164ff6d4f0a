"""The rendered HTML in a real browser (Debian's /usr/bin/chromium driven by playwright).

Skipped when /usr/bin/chromium is missing, except under CI (CI=true), where that is a failure:
run scripts/install_browser.sh first. Playwright never downloads a browser of its own.

    python -m tests.test_browser [--html FILE] [--out docs/screenshot.png]

re-takes the README screenshot (of FILE, or of a timeline resembling the seed articles).
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.test_render import ARTICLES, HOSTILE, big_events, event, fixture_events
from timeline.models import Article, Event, EventLink, Granularity, Mention
from timeline.render import render_html

log = logging.getLogger(__name__)

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
REPO = Path(__file__).resolve().parent.parent
GD = "document.querySelector('.js-plotly-plot')"


def require_chromium() -> None:
    """Skip without chromium, unless under CI, where a missing browser is a failure."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{CHROMIUM} is missing under CI: run scripts/install_browser.sh first")
    pytest.skip(f"{CHROMIUM} is missing (install it with scripts/install_browser.sh)")


@dataclass
class Watched:
    """A page plus what it tried to do: network requests, console errors, dialogs."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, html: Path) -> None:
        """Load a rendered file and wait for plotly to draw it."""
        self.page.goto(html.resolve().as_uri())
        self.page.wait_for_selector(".js-plotly-plot .main-svg")
        self.page.wait_for_function(f"{GD}._fullLayout !== undefined")

    def js(self, script: str, arg: Any = None) -> Any:
        """Evaluate a function body with `gd` bound to the plot div."""
        return self.page.evaluate(f"(arg) => {{ const gd = {GD}; {script} }}", arg)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One chromium for the module."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def watch(browser: Any, width: int = 1400, height: int = 900) -> Watched:
    """A new page that blocks and records every non-file request, console error and dialog."""
    page = browser.new_page(viewport={"width": width, "height": height})
    w = Watched(page)

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            w.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.errors.append(str(e)))

    def dialog(d: Any) -> None:
        w.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return w


@pytest.fixture
def page(browser: Any) -> Iterator[Watched]:
    """A watched page, closed after the test."""
    w = watch(browser)
    yield w
    w.page.close()


def fixture_links() -> list[EventLink]:
    """Two causal links and a temporal one among fixture_events()."""
    return [EventLink("proposals", "brussels", "causes", "in response to"),
            EventLink("lavrov", "proposals", "causes"),
            EventLink("promise", "brussels", "after")]  # fmt: skip


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The unit-test fixture timeline rendered to a file."""
    return render_html(fixture_events(), fixture_links(), ARTICLES, tmp_path / "small.html")


def marker_ids(w: Watched) -> list[str]:
    """Event ids of all markers in the plot's data."""
    ids: list[str] = w.js("return gd.data.filter(t => t.hovertext)"
                          ".flatMap(t => Array.from(t.customdata));")  # fmt: skip
    return ids


def hover_event(w: Watched, event_id: str) -> str:
    """Move the mouse onto an event's marker; the hover label's text."""
    x, y = w.js(
        """const t = gd.data.findIndex(t => t.customdata && t.customdata.includes(arg));
        const i = gd.data[t].customdata.indexOf(arg);
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
        const box = gd.getBoundingClientRect();
        return [box.left + xa._offset + xa.d2p(gd.data[t].x[i]),
                box.top + ya._offset + ya.d2p(gd.data[t].y[i])];""",
        event_id,
    )
    w.page.mouse.move(x, y)
    w.page.wait_for_selector(".hoverlayer .hovertext", timeout=5000)
    text: str = w.page.eval_on_selector(".hoverlayer .hovertext", "el => el.textContent")
    return text


def test_opens_offline_without_errors(page: Watched, small: Path) -> None:
    page.open(small)
    page.page.wait_for_timeout(300)
    assert page.requests == []
    assert page.errors == []
    assert page.dialogs == []
    assert page.page.title() == "Timeline"


def test_one_marker_per_dated_event(page: Watched, small: Path) -> None:
    page.open(small)
    assert sorted(marker_ids(page)) == ["brussels", "lavrov", "presence", "promise", "proposals"]
    drawn = page.js("return gd.querySelectorAll('.cartesianlayer .scatterlayer .point').length;")
    assert drawn == 5 + 2  # five events; start and arrowhead of the open interval's line


def test_hover_shows_title_date_and_dating(page: Watched, small: Path) -> None:
    page.open(small)
    text = hover_event(page, "brussels")
    assert "NATO-Russia talks in Brussels" in text
    assert "2022-01-12 (day)" in text
    assert "'on Wednesday' in RT DE, published 2022-01-15 → 2022-01-12" in text
    page.page.mouse.move(5, 5)
    text = hover_event(page, "lavrov")
    assert "Lavrov says dialogue was fruitless" in text and "2021-11-01 – 2021-11-30" in text


def test_range_changes_the_visible_window(page: Watched, small: Path) -> None:
    page.open(small)
    before = page.js("return gd._fullLayout.xaxis.range.map(String);")
    assert before[0] < "1990-01-01" and before[1] > "2022-01-12"
    page.js("return Plotly.relayout(gd, {'xaxis.range': ['2021-10-01', '2022-02-01']});")
    after = page.js("return gd._fullLayout.xaxis.range.map(String);")
    assert after == ["2021-10-01", "2022-02-01"]
    inside = page.js(
        """const xa = gd._fullLayout.xaxis;
        return gd.data.filter(t => t.hovertext).flatMap(t => Array.from(t.customdata)
          .filter((id, i) => { const p = xa.d2p(t.x[i]); return p >= 0 && p <= xa._length; }));"""
    )
    assert sorted(inside) == ["brussels", "lavrov", "proposals"]
    labels = page.js(
        "return Array.from(gd.querySelectorAll('.annotation-text')).map(e => e.textContent);"
    )
    assert "NATO promised not to expand" not in labels  # off-screen labels are not drawn


def test_zoom_buttons_count_back_from_the_latest_publication(page: Watched, tmp_path: Path) -> None:
    forecast = event("forecast", "Output to double by 2030", Granularity.YEAR,
                     date(2030, 1, 1), date(2030, 12, 31))  # fmt: skip
    html = render_html([*fixture_events(), forecast], [], ARTICLES, tmp_path / "f.html")
    page.open(html)
    page.page.get_by_text("1m", exact=True).click()
    page.page.wait_for_function(f"{GD}._fullLayout.xaxis.range[1] < '2023'")
    lo, hi = page.js("return gd._fullLayout.xaxis.range.map(String);")
    assert (lo[:10], hi[:10]) == ("2021-12-15", "2022-01-17")  # latest article: 2022-01-15
    page.page.get_by_text("all", exact=True).click()
    page.page.wait_for_function(f"{GD}._fullLayout.xaxis.range[1] > '2030-12-31'")


def test_dragging_the_range_slider_narrows_the_window(page: Watched, small: Path) -> None:
    page.open(small)
    start = page.js("return Date.parse(gd._fullLayout.xaxis.range[0]);")
    box = page.page.locator(".rangeslider-grabber-min").bounding_box()
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + 500, box["y"] + box["height"] / 2, steps=5)
    page.page.mouse.up()
    assert page.js("return Date.parse(gd._fullLayout.xaxis.range[0]);") > start + 3e11


def test_causal_arrows_are_drawn(page: Watched, small: Path) -> None:
    page.open(small)
    arrows = page.js("return gd._fullLayout.annotations.filter(a => a.showarrow).length;")
    assert arrows == 2
    assert page.js("return gd.querySelectorAll('.annotation-arrow-g path').length;") >= 2


def test_legend_click_hides_the_group_with_its_labels(page: Watched, small: Path) -> None:
    page.open(small)
    lanes = page.js("return gd.data.filter(t => t.showlegend).map(t => t.name);")
    assert lanes == ["NATO", "Lavrov", "Russia", "other"]
    page.page.locator(".legend .traces .legendtoggle").nth(0).click()
    page.page.wait_for_function(  # a single click acts after plotly's double-click delay
        f"{GD}.data.some(t => t.visible === 'legendonly')", timeout=5000
    )
    hidden = page.js("return gd.data.filter(t => t.legendgroup === 'NATO').map(t => t.visible);")
    assert hidden and set(hidden) == {"legendonly"}
    labels = page.js(
        "return Array.from(gd.querySelectorAll('.annotation-text')).map(e => e.textContent);"
    )
    assert "NATO-Russia talks in Brussels" not in labels
    assert "Lavrov says dialogue was fruitless" in labels
    assert (
        page.js("return gd._fullLayout.annotations.filter(a => a.showarrow && a.visible).length;")
        == 1
    )


def test_hostile_strings_render_as_text(page: Watched, tmp_path: Path) -> None:
    art = Article("h", "x/h.txt", "", datetime(2022, 1, 1), "manifest", 1.0, HOSTILE)
    mention = Mention("h", 0, HOSTILE, "on <i>Monday</i>", 0, 1, "2022-01-01", "rule", "2022-01-01")
    ev = event(
        "h1", HOSTILE, Granularity.DAY, date(2022, 1, 1), date(2022, 1, 1), (HOSTILE,), (mention,)
    )
    out = render_html([ev], [], {"h": art}, tmp_path / "h.html", title=HOSTILE)
    page.open(out)
    text = hover_event(page, "h1")
    assert "<script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b>" in text
    assert "'on <i>Monday</i>' in <script>" in text
    page.page.wait_for_timeout(300)
    assert page.dialogs == [] and page.errors == [] and page.requests == []
    assert page.js("return document.querySelectorAll('img, b, i').length;") == 0
    assert page.js("return gd.querySelectorAll('script').length;") == 0
    assert page.page.title() == HOSTILE
    title = page.js("return gd.querySelector('.gtitle').textContent;")
    assert title == HOSTILE
    lane = page.js("return gd.querySelector('.ytick text').textContent;")
    assert lane == "<script>alert(1)</scrip…"


def test_five_thousand_events_load_and_hover(page: Watched, tmp_path: Path) -> None:
    events, links, articles = big_events(5000)
    page.open(render_html(events, links, articles, tmp_path / "big.html"))
    assert len(marker_ids(page)) == 5000
    assert page.js("return gd._fullData.filter(t => t.type === 'scattergl').length;") > 0
    day = next(e.start for e in events if e.id == "e2001")  # a day no other event has
    assert day is not None
    window = [(day - timedelta(days=20)).isoformat(), (day + timedelta(days=20)).isoformat()]
    page.js("return Plotly.relayout(gd, {'xaxis.range': arg});", window)
    text = hover_event(page, "e2001")
    assert "Event 2001 with a fairly long title" in text and day.isoformat() in text
    assert page.errors == [] and page.requests == []


SEED_ARTICLES = {
    "a000": ("seeds/000_4c9b9ba805ede2ed.txt", datetime(2021, 7, 31, 16, 49), "Sputnik"),
    "a001": ("seeds/001_d661c57517ea9ae8.txt", datetime(2021, 12, 24), "YCPress"),
    "a002": ("seeds/002_3a60f01d4fe921a9.txt", datetime(2022, 2, 19, 19, 45), "RT"),
    "a003": ("seeds/003_bce7a4f877c2e737.txt", datetime(2021, 12, 1), "n-tv"),
    "a004": ("seeds/004_19969660543438c6.txt", datetime(2022, 1, 15, 7, 30), "RT DE"),
}
D, M, Y, X = Granularity.DAY, Granularity.MONTH, Granularity.YEAR, Granularity.DECADE
# id, title, granularity, start, end (None: open), actors, [(article, expression, rule, sentence)]
SEED_EVENTS: list[tuple[Any, ...]] = [
    ("crimea", "Crimea joins Russia following a referendum", Y, "2014-01-01", "2014-12-31",
     ("Russia",), [("a000", "in 2014", "year", "Crimea joined Russia in 2014 (referendum).")]),
    ("presence", "NATO increases its presence in Eastern Europe", Y, "2014-01-01", None,
     ("NATO",), [("a000", "Since then", "since_anaphor", "Since then, NATO has been increasing "
                  "its presence in Eastern Europe.")]),
    ("promise", "NATO's alleged promise not to expand", X, "1990-01-01", "1999-12-31",
     ("NATO",), [("a001", "as early as the 1990s", "decade", "Moscow says NATO promised as "
                  "early as the 1990s not to expand eastward.")]),
    ("mfa", "Russian Foreign Ministry statement", D, "2021-07-30", "2021-07-30", ("Russia",),
     [("a000", "Friday", "weekday_past", "On Friday, the Russian Foreign Ministry said ...")]),
    ("letter", "Western media publish Stoltenberg's letter", D, "2021-07-30", "2021-07-30",
     ("Stoltenberg",), [("a000", "Earlier in the day", "same_day_anaphor", "Earlier in the day, "
                         "Western media published a letter by Stoltenberg.")]),
    ("suspends", "Moscow suspends relations with NATO", M, "2021-10-01", "2021-10-31",
     ("Russia",), [("a004", "In October", "month_name", "In October, Moscow suspended relations "
                    "with NATO and closed its offices.")]),
    ("lavrov", "Lavrov: dialogue with NATO fruitless", M, "2021-11-01", "2021-11-30",
     ("Lavrov",), [("a004", "In November", "month_name", "In November, Lavrov said dialogue "
                    "with NATO had been fruitless.")]),
    ("putin", "Putin calls for an end to NATO expansion", D, "2021-12-01", "2021-12-01",
     ("Putin",), [("a003", "", "publication_date", "Putin called for an end to NATO's "
                   "eastward expansion.")]),
    ("proposals", "Russia's security guarantees proposals", M, "2021-12-01", "2021-12-10",
     ("Russia",), [("a001", "in early December", "month_mod", "In early December, Russia put "
                    "forward its proposals on security guarantees."),
                   ("a004", "Last month", "last_month", "Last month, Moscow submitted two "
                    "draft treaties to the US and NATO.")]),
    ("response", "Stoltenberg responds to the proposals", D, "2021-12-23", "2021-12-23",
     ("Stoltenberg",), [("a001", "on the 23rd", "day_of_month", "On the 23rd, Stoltenberg "
                         "said in response to Russia's security proposal ...")]),
    ("presser", "Putin's annual press conference", D, "2021-12-23", "2021-12-23", ("Putin",),
     [("a001", "on the 23rd", "day_of_month", "Putin held his press conference on the 23rd.")]),
    ("brussels", "NATO-Russia talks in Brussels", D, "2022-01-12", "2022-01-12", ("NATO",),
     [("a004", "on Wednesday", "weekday_past", "NATO and Russia met in Brussels on Wednesday.")]),
    ("warning", "Defence Ministry warns after talks collapse", D, "2022-01-15", "2022-01-15",
     ("Russia",), [("a004", "", "publication_date", "After talks in Brussels collapsed, the "
                    "Russian Defense Ministry has issued a warning.")]),
    ("munich", "Stoltenberg at the Munich Security Conference", D, "2022-02-19", "2022-02-19",
     ("Stoltenberg",), [("a002", "on Saturday", "weekday_past", "Stoltenberg told the Munich "
                         "Security Conference on Saturday ...")]),
]  # fmt: skip
SEED_LINKS = [
    ("proposals", "response", "in response to Russia's security proposal", "a001"),
    ("brussels", "warning", "After talks … collapsed", "a004"),
    ("crimea", "presence", "Since then", "a000"),
]


def seed_like() -> tuple[list[Event], list[EventLink], dict[str, Article]]:
    """A timeline resembling what the five seed articles should give (for the screenshot)."""
    arts = {
        k: Article(k, p, "", pub, "manifest", 1.0, o) for k, (p, pub, o) in SEED_ARTICLES.items()
    }
    events = []
    for eid, title, gran, start, end, actors, ms in SEED_EVENTS:
        s, e = date.fromisoformat(start), date.fromisoformat(end) if end else None
        value = {D: start, M: start[:7], Y: start[:4], X: start[:3] + "X"}[gran]
        mentions = tuple(
            Mention(a, 0, sent, expr, 0, len(expr), value, rule, SEED_ARTICLES[a][1].isoformat())
            for a, expr, rule, sent in ms
        )
        mod = "START" if eid == "proposals" else ""
        events.append(Event(eid, title, value, gran, s, e, mod, actors, mentions))
    links = [EventLink(a, b, "causes", ev, art) for a, b, ev, art in SEED_LINKS]
    return events, links, arts


def screenshot(
    browser: Any, html: Path, png: Path, x_range: tuple[str, str] | None = None, width: int = 1400
) -> Path:
    """Open a rendered timeline in a watched page (zoomed to x_range) and save a PNG of the plot."""
    w = watch(browser, width, 900)
    w.open(html)
    if x_range:
        w.js("return Plotly.relayout(gd, {'xaxis.range': arg});", list(x_range))
    w.page.wait_for_timeout(300)
    png.parent.mkdir(parents=True, exist_ok=True)
    w.page.locator(".js-plotly-plot").screenshot(path=str(png))
    w.page.close()
    if w.requests or w.errors:
        log.warning("screenshot page: requests %s, errors %s", w.requests, w.errors)
    return png


def take_screenshot(html: Path, png: Path, x_range: tuple[str, str] | None = None) -> Path:
    """Start chromium, screenshot a rendered timeline, stop it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            return screenshot(b, html, png, x_range)
        finally:
            b.close()


def test_screenshot_of_a_seed_like_timeline(browser: Any, tmp_path: Path) -> None:
    events, links, articles = seed_like()
    html = render_html(events, links, articles, tmp_path / "seeds.html", title="NATO and Russia")
    png = screenshot(browser, html, tmp_path / "shot.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def main() -> None:
    """Re-take docs/screenshot.png (of --html, or of the seed-like timeline)."""
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--html", type=Path, help="a rendered timeline (default: seed-like fixture)")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    ap.add_argument("--title", default="NATO and Russia, 1990–2022: what the seed articles say")
    ap.add_argument("--range", nargs=2, metavar=("FROM", "TO"), help="zoom x to these dates")
    opts = ap.parse_args()
    html = opts.html
    if html is None:
        events, links, articles = seed_like()
        html = render_html(events, links, articles, opts.out.with_suffix(".html"), title=opts.title)
    take_screenshot(html, opts.out, tuple(opts.range) if opts.range else None)
    if opts.html is None:
        html.unlink()


if __name__ == "__main__":
    main()
