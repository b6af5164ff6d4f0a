"""Plotly-free preparation for render.py: filter, lane, place and describe events (escaped text)."""

from __future__ import annotations

import html
import logging
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timeline.errors import TimelineError
from timeline.models import Article, Event, EventLink
from timeline.render_lanes import (
    OTHER_LANE,
    UNKNOWN_OUTLET,
    lane_key,
    outlet_of,
    surname_lanes,
)

log = logging.getLogger(__name__)

LANE_MODES = ("actor", "outlet", "none")
SENTENCE_CHARS = 300
LABEL_CHARS = 50
HOVER_WRAP = 80
MAX_HOVER_MENTIONS = 3
MAX_HOVER_LINKS = 3


@dataclass(frozen=True, slots=True)
class Placed:
    """One drawable event: where it goes on the plot and what its marker, label and hover say."""

    event: Event
    lane: str  # y-axis lane label (raw, unescaped)
    group: str  # legend group: the lane, or the outlet when lanes == "none" (raw)
    x0: date  # interval start
    x1: date  # exclusive interval end (end + 1 day, or the data's last day for open intervals)
    open: bool  # end is None: drawn to the latest date in the data
    mid: datetime  # marker position
    y: float
    label: str  # escaped marker label ("" when it would overlap its neighbours)
    label_left: bool  # label drawn left of its anchor (near the right edge)
    label_x: datetime  # the marker for point events; a span's start (left) or end (right)


@dataclass(frozen=True, slots=True)
class Selection:
    """Events kept for drawing and counts of those left out, for the footer note."""

    events: list[Event]
    undated: int
    outside: int


def esc(text: str) -> str:
    """Escape text for plotly's pseudo-HTML labels (which decode numeric entities, not &quot;)."""
    return html.escape(text, quote=False).replace('"', "&#34;").replace("'", "&#39;")


def truncate(text: str, limit: int) -> str:
    """Collapse whitespace and cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap_escaped(text: str, width: int = HOVER_WRAP) -> str:
    """Wrap raw text into lines of `width`, escape each line, join with <br>."""
    return "<br>".join(esc(line) for line in textwrap.wrap(text, width) or [""])


def check_lanes(lanes: str) -> None:
    """Raise a TimelineError for an unknown lanes mode."""
    if lanes not in LANE_MODES:
        raise TimelineError(f"Unknown lanes {lanes!r}: use one of {', '.join(LANE_MODES)}.")


def select(events: Sequence[Event], date_from: date | None, date_to: date | None) -> Selection:
    """Keep events with a start date whose interval overlaps [date_from, date_to]."""
    kept: list[Event] = []
    undated = outside = 0
    for ev in events:
        if ev.start is None:
            undated += 1
            continue
        end = ev.end or date.max
        if (date_from and end < date_from) or (date_to and ev.start > date_to):
            outside += 1
            continue
        kept.append(ev)
    return Selection(kept, undated, outside)


def outlets_of(ev: Event, articles: Mapping[str, Article]) -> list[str]:
    """Distinct outlets reporting an event, in first-seen order."""
    return list(dict.fromkeys(outlet_of(a, articles) for a in ev.sources))


def lane_order(keys: Sequence[str], max_lanes: int) -> tuple[list[str], dict[str, str]]:
    """Drawn lanes, busiest first ("other" last), and the lane each key is drawn in.

    Past `max_lanes` the quieter lanes fold into "other" so the y axis stays readable.
    """
    counts = Counter(keys)
    ranked = sorted(counts, key=lambda k: (k == OTHER_LANE, -counts[k], k))
    keep = ranked if len(ranked) <= max_lanes else ranked[: max_lanes - 1]
    mapping = {k: (k if k in keep else OTHER_LANE) for k in counts}
    return list(dict.fromkeys(mapping[k] for k in ranked)), mapping


def interval(ev: Event, last: date) -> tuple[date, date, bool]:
    """Start, exclusive end and openness of an event's interval (open ones run to `last`)."""
    assert ev.start is not None
    if ev.end is None:
        return ev.start, max(last + timedelta(days=1), ev.start + timedelta(days=1)), True
    return ev.start, max(ev.end, ev.start) + timedelta(days=1), False


def marker_at(x0: date, x1: date, is_open: bool) -> datetime:
    """Marker position: the day itself, the midpoint of a span, the start of an open interval."""
    start = datetime(x0.year, x0.month, x0.day)
    if is_open or (x1 - x0).days <= 1:
        return start
    return start + (x1 - x0) / 2


_LONG_SPAN_DAYS = 366


def data_bounds(events: Sequence[Event]) -> tuple[date, date]:
    """Earliest start and latest known date (end, else start) of the kept events. A span longer
    than a year (a decade, "the 21st century") counts by its start only: its far end would
    stretch the axis, and every open interval with it, to 2100."""
    starts = [e.start for e in events if e.start is not None]
    lasts = [
        e.start if e.start and e.end and (e.end - e.start).days > _LONG_SPAN_DAYS else e.end
        for e in events
    ]
    lasts += [e.start for e in events if e.end is None]
    return min(starts), max(d for d in lasts if d is not None)


@dataclass(frozen=True, slots=True)
class Lane:
    """A horizontal band of the plot: its label, first row's y and number of rows."""

    name: str
    base: int
    rows: int

    @property
    def center(self) -> float:
        """y of the lane's tick label."""
        return self.base + (self.rows - 1) / 2


@dataclass(frozen=True, slots=True)
class Packing:
    """How events are stacked into rows within a lane."""

    labels: bool = True  # draw event titles next to markers
    max_rows: int = 6  # rows per lane; past it events overlap and lose their label
    plot_px: int = 1100  # assumed plot width, to convert label widths into days
    char_px: float = 6.6  # average label character width at font size 11


def label_of(ev: Event) -> str:
    """Raw marker label: the truncated title, with the number of sources when more than one."""
    n = len(ev.sources)
    return truncate(ev.title, LABEL_CHARS) + (f" ({n} sources)" if n > 1 else "")


def _label_side(s: float, e: float, m: float, is_open: bool, days: float) -> tuple[bool, float]:
    """Whether the label goes left, and its anchor: beside the marker, or beyond a span's end."""
    point = e - s <= 1
    left = m / days > 0.62 or (is_open and s / days > 0.25)  # keep labels inside the plot
    if point or (is_open and not left):
        return left, m
    return left, (s if left else e)


def _pack_lane(
    items: list[tuple[Event, date, date, bool, datetime]], lo: date, days: float, pk: Packing
) -> list[tuple[int, bool, bool, float]]:
    """Row, label shown, label side and label anchor (days from lo) per item, first-fit."""
    per_px = days / pk.plot_px
    ends: list[float] = []
    out: list[tuple[int, bool, bool, float]] = []
    for ev, x0, x1, is_open, mid in items:
        m = (mid - datetime(lo.year, lo.month, lo.day)).total_seconds() / 86400
        s, e = float((x0 - lo).days), float((x1 - lo).days)
        left, anchor = _label_side(s, e, m, is_open, days)
        w = (len(label_of(ev)) * pk.char_px + 12) * per_px if pk.labels else 0.0
        gap = 8 * per_px
        occ = (min(s, anchor - w), e) if left else (s, max(e, anchor + w))
        row = next((i for i, end in enumerate(ends) if end <= occ[0] - gap), None)
        shown = pk.labels
        if row is None and (len(ends) < pk.max_rows or len(ev.sources) > 1):
            # a new row; events several outlets report always keep their title
            row = len(ends)
            ends.append(-1e18)
        elif row is None:  # lane full: no label, in a row where the marker fits if any
            shown, occ = False, (s, e)
            fits = [i for i, end in enumerate(ends) if end <= s - gap]
            row = fits[0] if fits else min(range(len(ends)), key=ends.__getitem__)
        ends[row] = max(ends[row], occ[1], m + 10 * per_px)
        out.append((row, shown, left, anchor))
    return out


def place(
    events: Sequence[Event],
    articles: Mapping[str, Article],
    lanes: str,
    pk: Packing,
    max_lanes: int,
    window: tuple[date | None, date | None] = (None, None),
) -> tuple[list[Placed], list[Lane], date, date]:
    """Lane, row, interval and label of every event; the lanes; the x extent to show.

    The extent is the data's, narrowed to `window` (the --from/--to dates) when given; open
    intervals run to its end.
    """
    lo, hi = data_bounds(events)
    lo, hi = max(lo, window[0] or lo), min(hi, window[1] or hi)
    hi = max(hi, lo)
    days = float(max((hi - lo).days + 1, 30))
    full_names = surname_lanes(events)
    keys = [lane_key(e, articles, lanes, full_names) for e in events]
    order, mapping = lane_order(keys, max_lanes)
    by_lane: dict[str, list[tuple[Event, date, date, bool, datetime]]] = {k: [] for k in order}
    for ev, key in zip(events, keys, strict=True):
        x0, x1, is_open = interval(ev, hi)
        by_lane[mapping[key]].append((ev, x0, x1, is_open, marker_at(x0, x1, is_open)))
    placed: list[Placed] = []
    lane_list: list[Lane] = []
    base = 0
    for name in order:
        items = sorted(by_lane[name], key=lambda t: (t[1], t[4], t[0].id))
        rows = _pack_lane(items, lo, days, pk)
        origin = datetime(lo.year, lo.month, lo.day)
        for (ev, x0, x1, is_open, mid), (row, shown, left, at) in zip(items, rows, strict=True):
            group = name if lanes != "none" else (outlets_of(ev, articles) or [UNKNOWN_OUTLET])[0]
            label = esc(label_of(ev)) if shown else ""
            label_x = origin + timedelta(days=at)
            placed.append(
                Placed(ev, name, group, x0, x1, is_open, mid, base + row, label, left, label_x)
            )
        n_rows = max((r[0] for r in rows), default=0) + 1
        lane_list.append(Lane(name, base, n_rows))
        base += n_rows
    return placed, lane_list, lo, hi


def group_order(placed: Sequence[Placed]) -> list[str]:
    """Legend groups in lane order; within a lane (lanes == "none") busiest first, then a-z."""
    lane_rank = {lane: i for i, lane in enumerate(dict.fromkeys(p.lane for p in placed))}
    counts = Counter(p.group for p in placed)
    first_lane: dict[str, int] = {}
    for p in placed:
        first_lane.setdefault(p.group, lane_rank[p.lane])
    return sorted(counts, key=lambda g: (first_lane[g], g == UNKNOWN_OUTLET, -counts[g], g))


def _when(ev: Event) -> str:
    """Raw date line: value, granularity and modifier, and the calendar interval."""
    kind = ev.granularity.value + (f", {ev.mod.lower()}" if ev.mod else "")
    start = ev.start.isoformat() if ev.start else "?"
    if ev.end is None:
        span = f"since {start} (open)"
    elif ev.end == ev.start:
        span = start
    else:
        span = f"{start} – {ev.end.isoformat()}"
    return f"{ev.value} ({kind}) · {span}"


def _published(article_id: str, fallback: str, articles: Mapping[str, Article]) -> str:
    """ISO publication day of a mention's article ("unknown" when neither source has it)."""
    if fallback:
        return fallback[:10]
    art = articles.get(article_id)
    return art.published.date().isoformat() if art and art.published else "unknown"


def mention_lines(ev: Event, articles: Mapping[str, Article]) -> list[str]:
    """Raw "how was this dated" lines, one per distinct (article, expression, value)."""
    seen = dict.fromkeys(
        (m.article_id, m.expression, m.value, m.rule, m.published) for m in ev.mentions
    )
    lines = []
    for art_id, expr, value, rule, published in seen:
        outlet, pub = outlet_of(art_id, articles), _published(art_id, published, articles)
        rule_note = f" [{rule}]" if rule else ""
        if expr:
            lines.append(
                f"'{truncate(expr, 60)}' in {outlet}, published {pub} → {value}{rule_note}"
            )
        else:
            lines.append(f"publication date of {outlet} ({pub}) → {value}{rule_note}")
    return lines


def hover_text(
    ev: Event,
    articles: Mapping[str, Article],
    caused_by: Sequence[str],
    leads_to: Sequence[str],
    compact: bool = False,
) -> str:
    """Escaped hover label: title, date, how it was dated, sources, actors, links, sentence.

    `compact` (thousands of events) shows fewer mentions and a shorter sentence, to keep the
    HTML file small.
    """
    max_mentions = 2 if compact else MAX_HOVER_MENTIONS
    out = [f"<b>{esc(line)}</b>" for line in textwrap.wrap(ev.title, HOVER_WRAP) or ["(untitled)"]]
    out.append(esc(_when(ev)))
    dated = mention_lines(ev, articles)
    for line in dated[:max_mentions]:
        out.append("Dated from: " + esc(line))
    if len(dated) > max_mentions:
        out.append(f"… and {len(dated) - max_mentions} more")
    if ev.conflict:
        values = ", ".join(dict.fromkeys(m.value for m in ev.mentions))
        out.append("<b>⚠ Sources disagree on the date:</b> " + esc(values))
    outlets = outlets_of(ev, articles)
    n = len(ev.sources)
    if n:
        head = f"{n} sources" if n > 1 else "Source"
        out.append(f"{head}: " + esc(truncate(", ".join(outlets), 200)))
    if ev.actors:
        out.append("Actors: " + esc(truncate(", ".join(ev.actors), 200)))
    for label, titles in (("Caused by", caused_by), ("Leads to", leads_to)):
        for t in titles[:MAX_HOVER_LINKS]:
            out.append(f"{label}: " + esc(truncate(t, HOVER_WRAP)))
        if len(titles) > MAX_HOVER_LINKS:
            out.append(f"{label}: … and {len(titles) - MAX_HOVER_LINKS} more")
    sentence = ev.mentions[0].sentence if ev.mentions else ""
    if sentence.strip():
        quoted = "“" + truncate(sentence, 200 if compact else SENTENCE_CHARS) + "”"
        out.extend(esc(line) for line in textwrap.wrap(quoted, HOVER_WRAP))
    return "<br>".join(out)


def causal_titles(
    events: Sequence[Event], links: Sequence[EventLink]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """For each event id: raw titles of its causes and of its effects (with the evidence)."""
    by_id = {e.id: e for e in events}
    caused_by: dict[str, list[str]] = {}
    leads_to: dict[str, list[str]] = {}
    for ln in links:
        if ln.kind != "causes" or ln.source not in by_id or ln.target not in by_id:
            continue
        note = f" (“{truncate(ln.evidence, 60)}”)" if ln.evidence else ""
        caused_by.setdefault(ln.target, []).append(by_id[ln.source].title + note)
        leads_to.setdefault(ln.source, []).append(by_id[ln.target].title + note)
    return caused_by, leads_to
