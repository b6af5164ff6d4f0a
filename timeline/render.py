"""Render events and links as one self-contained, offline, interactive HTML timeline (plotly).

The only module that imports plotly. Every string from an article is escaped before it goes
into the figure (plotly renders a subset of HTML in labels); plotly's JSON encoder escapes
"<" and "/" so nothing can close the inline <script>.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
from plotly.colors import qualitative

from timeline.errors import TimelineError
from timeline.models import Article, Event, EventLink
from timeline.render_prep import (
    Lane,
    Packing,
    Placed,
    causal_titles,
    check_lanes,
    esc,
    group_order,
    hover_text,
    place,
    select,
    truncate,
)

log = logging.getLogger(__name__)

MAX_ARROWS = 300  # causal arrows drawn; more make big graphs unreadable and slow
MAX_LANES = 20
GL_THRESHOLD = 1000  # above this many events, WebGL traces (SVG gets slow)
BIG = 400  # above this many events: no labels, fewer rows, thinner rows
PALETTE = list(qualitative.D3) + list(qualitative.Dark2) + list(qualitative.Alphabet)
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"  # local fonts only: nothing loads from the web
PLOT_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"filename": "timeline", "scale": 2},
}


def _x(d: date | datetime) -> str:
    """Compact ISO x value (plotly date axis)."""
    if isinstance(d, datetime):
        return d.strftime("%Y-%m-%d %H:%M") if (d.hour or d.minute) else d.date().isoformat()
    return d.isoformat()


def _colors(groups: Sequence[str]) -> dict[str, str]:
    """A stable colour per legend group, in lane order."""
    return {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}


def _span_trace(items: Sequence[Placed], color: str, group: str, gl: bool) -> Any:
    """Bars over the interval of imprecise (month, year, decade ...) events, None-separated."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for p in items:
        xs += [_x(p.x0), _x(p.x1), None]
        ys += [p.y, p.y, None]
    cls = go.Scattergl if gl else go.Scatter
    return cls(
        x=xs, y=ys, mode="lines", line={"color": color, "width": 7}, opacity=0.35,
        hoverinfo="skip", legendgroup=group, showlegend=False, name=esc(group),
    )  # fmt: skip


def _open_trace(items: Sequence[Placed], color: str, group: str, gl: bool) -> Any:
    """Dotted lines with an arrowhead for open intervals ("since 2014"), to the data's end."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    sizes: list[int] = []
    for p in items:
        xs += [_x(p.x0), _x(p.x1), None]
        ys += [p.y, p.y, None]
        sizes += [0, 11, 0]
    cls = go.Scattergl if gl else go.Scatter
    return cls(
        x=xs, y=ys, mode="lines+markers", line={"color": color, "width": 3, "dash": "dot"},
        marker={"symbol": "triangle-right", "size": sizes, "color": color}, opacity=0.55,
        hoverinfo="skip", legendgroup=group, showlegend=False, name=esc(group),
    )  # fmt: skip


def _marker_trace(
    items: Sequence[Placed], color: str, group: str, hovers: list[str], gl: bool
) -> Any:
    """The events themselves: one marker each, bigger with more sources, red-ringed on conflict."""
    sizes = [9 + 4 * (min(len(p.event.sources), 4) - 1) if p.event.sources else 9 for p in items]
    line_colors = ["#c62828" if p.event.conflict else "#222222" if s > 9 else "white"
                   for p, s in zip(items, sizes, strict=True)]  # fmt: skip
    widths = [2.5 if p.event.conflict or s > 9 else 1 for p, s in zip(items, sizes, strict=True)]
    cls = go.Scattergl if gl else go.Scatter
    return cls(
        x=[_x(p.mid) for p in items], y=[p.y for p in items], mode="markers",
        marker={"size": sizes, "color": color, "line": {"color": line_colors, "width": widths}},
        hovertext=hovers, hoverinfo="text", hoverlabel={"bordercolor": color},
        legendgroup=group, showlegend=False, name=esc(truncate(group, 40)),
        customdata=[p.event.id for p in items],
    )  # fmt: skip


def _legend_trace(color: str, group: str, index: int) -> Any:
    """A data-less trace that gives the group one clean legend entry (click to hide the group)."""
    return go.Scatter(
        x=[None], y=[None], mode="markers", marker={"size": 10, "color": color},
        legendgroup=group, showlegend=True, name=esc(truncate(group, 40)) or "events",
        meta={"lane": index}, hoverinfo="skip",
    )  # fmt: skip


def _labels(placed: Sequence[Placed], index: Mapping[str, int]) -> list[dict[str, Any]]:
    """Event titles next to their markers, as annotations (kept out of the range slider)."""
    return [
        {"x": _x(p.label_x), "y": p.y, "xref": "x", "yref": "y", "text": p.label,
         "showarrow": False, "xanchor": "right" if p.label_left else "left",
         "xshift": -9 if p.label_left else 9, "font": {"size": 11, "color": "#333333"},
         "name": f"label-{index[p.group]}"}
        for p in placed if p.label
    ]  # fmt: skip


def _arrows(
    placed: Sequence[Placed], links: Sequence[EventLink], index: Mapping[str, int], cap: int
) -> tuple[list[dict[str, Any]], int]:
    """Annotation arrows cause -> effect for drawn "causes" links; how many were left out."""
    at = {p.event.id: p for p in placed}
    faint = len(placed) > BIG  # thousands of events: lighter arrows so the markers stay visible
    causal = [ln for ln in links if ln.kind == "causes" and ln.source in at and ln.target in at]
    causal = [ln for ln in causal if ln.source != ln.target]
    arrows = []
    for ln in causal[:cap]:
        src, dst = at[ln.source], at[ln.target]
        arrows.append({
            "x": _x(dst.mid), "y": dst.y, "ax": _x(src.mid), "ay": src.y,
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
            "showarrow": True, "arrowhead": 2, "arrowsize": 1.2,
            "arrowwidth": 0.8 if faint else 1.4,
            "arrowcolor": "rgba(70,70,70,0.3)" if faint else "rgba(70,70,70,0.65)",
            "standoff": 7, "startstandoff": 5, "text": "",
            "name": f"arrow-{index[src.group]}-{index[dst.group]}",
        })  # fmt: skip
    return arrows, max(len(causal) - cap, 0)


def _lane_shapes(lanes: Sequence[Lane]) -> list[dict[str, Any]]:
    """Alternating background bands, one per lane, behind the data."""
    return [
        {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "layer": "below",
         "y0": ln.base - 0.5, "y1": ln.base + ln.rows - 0.5, "line": {"width": 0},
         "fillcolor": "rgba(0,0,0,0.035)" if i % 2 else "rgba(0,0,0,0)"}
        for i, ln in enumerate(lanes)
    ]  # fmt: skip


def _note(shown: int, undated: int, outside: int, arrows_left: int) -> str:
    """Escaped footer note: what is drawn and what was left out."""
    parts = [f"{shown} event{'s' if shown != 1 else ''}" if shown else "No dated events to show"]
    if undated:
        parts.append(f"{undated} without a date not shown")
    if outside:
        parts.append(f"{outside} outside the date range")
    if arrows_left:
        parts.append(f"{arrows_left} causal links not drawn (first {MAX_ARROWS} shown)")
    return esc(" · ".join(parts))


def _layout(
    title: str,
    lanes: Sequence[Lane],
    bounds: tuple[date, date, date],
    note: str,
    show_lanes: bool,
    big: bool,
) -> dict[str, Any]:
    """Axes (dates on x with a range slider; lanes on y), legend, size, footer note; bounds are
    the first and last date drawn and the day the zoom buttons count back from."""
    lo, hi, latest = bounds
    rows = sum(ln.rows for ln in lanes)
    row_px = 16 if big else 34
    height = min(max(260 + rows * row_px, 460), 1800)
    pad = timedelta(days=max(((hi - lo).days + 1) * 0.03, 3))
    x_range = [_x(lo - pad), _x(hi + timedelta(days=1) + pad)]
    ticks = [ln.center for ln in lanes] if show_lanes else []
    labels = [esc(truncate(ln.name, 24)) for ln in lanes] if show_lanes else []
    return {
        "title": {"text": f"<b>{esc(title)}</b>", "x": 0.01, "xanchor": "left",
                  "font": {"size": 18}},
        "height": height, "template": "plotly_white", "font": {"family": FONT, "size": 12},
        "hovermode": "closest", "dragmode": "zoom", "showlegend": True,
        "hoverlabel": {"align": "left", "bgcolor": "white",
                       "font": {"size": 12, "family": FONT, "color": "#222222"}},
        "margin": {"l": 150 if show_lanes else 30, "r": 30, "t": 80, "b": 40},
        "legend": {"title": {"text": "<b>Lanes</b>" if show_lanes else "<b>Outlets</b>"},
                   "font": {"size": 11}, "itemclick": "toggle", "itemdoubleclick": "toggleothers"},
        "xaxis": {"type": "date", "range": x_range, "showgrid": True,
                  "rangeslider": {"visible": True, "thickness": 0.08, "range": x_range},
                  "gridcolor": "#e6e6e6"},
        "updatemenus": [_range_buttons(latest, x_range)],
        "yaxis": {"tickvals": ticks, "ticktext": labels, "autorange": "reversed",
                  "fixedrange": True, "showgrid": False, "zeroline": False,
                  "range": None, "ticks": "", "tickfont": {"size": 12}},
        "shapes": _lane_shapes(lanes),
        "annotations": [{"text": note, "xref": "paper", "yref": "paper", "x": 1, "y": 1.0,
                         "xanchor": "right", "yanchor": "bottom", "yshift": 4,
                         "showarrow": False, "font": {"size": 11, "color": "#666666"}}],
    }  # fmt: skip


def _range_buttons(latest: date, full: list[str]) -> dict[str, Any]:
    """Zoom buttons above the plot: the last month ... five years of coverage, counted back
    from the latest publication date (plotly's own range selector counts back from the end of
    the axis, which a forecast "by 2030" pushes past the news), and all of it."""
    buttons = []
    for label, days in (("1m", 31), ("6m", 183), ("1y", 365), ("5y", 1826)):
        pad = timedelta(days=max(2, days // 30))
        span = [_x(latest - timedelta(days=days)), _x(latest + pad)]
        buttons.append({"label": label, "method": "relayout", "args": [{"xaxis.range": span}]})
    buttons.append({"label": "all", "method": "relayout", "args": [{"xaxis.range": full}]})
    return {"type": "buttons", "direction": "right", "showactive": False, "buttons": buttons,
            "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom", "pad": {"b": 6},
            "bgcolor": "#eeeeee", "bordercolor": "#dddddd", "font": {"size": 11}}  # fmt: skip


def _group_traces(
    placed: Sequence[Placed], links: Sequence[EventLink], articles: Mapping[str, Article]
) -> list[Any]:
    """Per legend group: span bars, open-interval lines, markers and one legend entry."""
    caused_by, leads_to = causal_titles([p.event for p in placed], links)
    groups = group_order(placed)
    colors = _colors(groups)
    gl = len(placed) > GL_THRESHOLD
    compact = len(placed) > BIG
    traces: list[Any] = []
    for i, g in enumerate(groups):
        items = [p for p in placed if p.group == g]
        spans = [p for p in items if not p.open and (p.x1 - p.x0).days > 1]
        opens = [p for p in items if p.open]
        if spans:
            traces.append(_span_trace(spans, colors[g], g, gl))
        if opens:
            traces.append(_open_trace(opens, colors[g], g, gl))
        hovers = [hover_text(p.event, articles, caused_by.get(p.event.id, []),
                             leads_to.get(p.event.id, []), compact) for p in items]  # fmt: skip
        traces.append(_marker_trace(items, colors[g], g, hovers, gl))
        traces.append(_legend_trace(colors[g], g, i))
    return traces


def build_figure(
    events: Sequence[Event],
    links: Sequence[EventLink],
    articles: Mapping[str, Article],
    *,
    lanes: str = "actor",
    date_from: date | None = None,
    date_to: date | None = None,
    title: str = "Timeline",
    max_arrows: int = MAX_ARROWS,
) -> go.Figure:
    """The timeline figure: lanes on y, time on x, spans, markers, labels, causal arrows (pure)."""
    check_lanes(lanes)
    sel = select(events, date_from, date_to)
    if sel.undated or sel.outside:
        log.info("timeline: %d undated, %d out-of-range events not drawn", sel.undated, sel.outside)
    if not sel.events:
        return _empty_figure(title, _note(0, sel.undated, sel.outside, 0))
    big = len(sel.events) > BIG
    pk = Packing(labels=not big, max_rows=3 if big else 16 if len(sel.events) <= 80 else 6)
    window = (date_from, date_to)
    placed, lane_list, lo, hi = place(sel.events, articles, lanes, pk, MAX_LANES, window)
    index = {g: i for i, g in enumerate(group_order(placed))}
    arrows, left_out = _arrows(placed, links, index, max_arrows)
    if left_out:
        log.info("timeline: %d causal links not drawn (cap %d)", left_out, max_arrows)
    note = _note(len(placed), sel.undated, sel.outside, left_out)
    published = [a.published.date() for a in articles.values() if a.published is not None]
    latest = max(lo, min(max([d for d in published if d <= hi], default=hi), hi))
    layout = _layout(title, lane_list, (lo, hi, latest), note, lanes != "none", big)
    layout["annotations"] += _labels(placed, index) + arrows
    return go.Figure(data=_group_traces(placed, links, articles), layout=layout)


def _empty_figure(title: str, note: str) -> go.Figure:
    """A figure that says there is nothing to draw."""
    fig = go.Figure()
    fig.update_layout(
        title={"text": f"<b>{esc(title)}</b>"}, template="plotly_white", height=400,
        font={"family": FONT}, xaxis={"visible": False}, yaxis={"visible": False},
    )  # fmt: skip
    fig.add_annotation(text=note, showarrow=False,
                       xref="paper", yref="paper", x=0.5, y=0.5)  # fmt: skip
    return fig


# A legend click hides a group's traces; this hides its labels and arrows ("label-3", ...).
SYNC_JS = """
(function () {
  var gd = document.getElementById('{plot_id}');
  if (!gd || !gd.on) { return; }
  function sync() {
    var hidden = {};
    gd.data.forEach(function (t) {
      if (t.meta && t.meta.lane !== undefined && t.visible === 'legendonly') {
        hidden[t.meta.lane] = true;
      }
    });
    var update = {};
    (gd.layout.annotations || []).forEach(function (a, i) {
      var m = /^(?:label|arrow)-(\\d+)(?:-(\\d+))?$/.exec(a.name || '');
      if (!m) { return; }
      var show = !hidden[m[1]] && !(m[2] !== undefined && hidden[m[2]]);
      if ((a.visible !== false) !== show) { update['annotations[' + i + '].visible'] = show; }
    });
    if (Object.keys(update).length) { Plotly.relayout(gd, update); }
  }
  gd.on('plotly_restyle', sync);
})();
"""


def figure_html(fig: go.Figure, title: str = "Timeline") -> str:
    """Self-contained HTML for a figure: plotly.js inline, no MathJax, no CDN, escaped <title>."""
    doc = fig.to_html(
        include_plotlyjs=True, include_mathjax=False, full_html=True, config=PLOT_CONFIG,
        div_id="timeline", default_height=f"{fig.layout.height or 500}px", post_script=SYNC_JS,
    )  # fmt: skip
    meta = '<meta charset="utf-8" />'
    if meta not in doc:  # plotly changed its template: keep the page, skip the <title>
        log.warning("timeline: no charset meta in plotly's HTML; page has no <title>")
        return doc
    return doc.replace(meta, f"{meta}\n    <title>{esc(title)}</title>", 1)


def render_html(
    events: Sequence[Event],
    links: Sequence[EventLink],
    articles: Mapping[str, Article],
    out_path: Path,
    *,
    lanes: str = "actor",
    date_from: date | None = None,
    date_to: date | None = None,
    title: str = "Timeline",
) -> Path:
    """Write the timeline as one offline HTML file (atomically) and return its path."""
    fig = build_figure(
        events, links, articles, lanes=lanes, date_from=date_from, date_to=date_to, title=title
    )
    doc = figure_html(fig, title)
    out_path = Path(out_path)
    # A temporary name of our own (not mkstemp, which makes 0600 files) keeps the umask's modes.
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write(doc)
        os.replace(tmp, out_path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise TimelineError(f"Cannot write the timeline to {out_path}: {e.strerror or e}.") from e
    log.info("timeline: wrote %s (%d bytes)", out_path, len(doc.encode("utf-8")))
    return out_path
