"""The `timeline` command line: each command parses, calls one library function, prints."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from . import __version__, pipeline, views
from .cli_io import (
    errors,
    out,
    own_names,
    parse_day,
    parse_published,
    parse_range,
    progress,
    remove_files,
    say,
    warn,
)
from .errors import InputError, NotFoundError, TimelineError
from .ingest import expand_paths, load_articles
from .models import Article, BuildReport, Rejection
from .outputs import check_lanes, check_output
from .render import render_html
from .render_prep import select
from .settings import Settings
from .store import Store

app = typer.Typer(
    help="Build event timelines from news articles: dates resolved against each article's "
    "publication date, events merged across outlets, a causal/temporal graph, interactive HTML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
DEFAULT_STORE = Path("output/timeline.db")
DEFAULT_HTML = Path("output/timeline.html")
StoreOpt = Annotated[Path, typer.Option("--store", help="SQLite store file.")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")]
LanesOpt = Annotated[str, typer.Option("--lanes", help="Lanes of the HTML: actor, outlet, none.")]


def _version(value: bool) -> None:
    """--version: print the version and stop."""
    if value:
        say(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Build event timelines from news articles."""


def _ingest(store: Store, articles: list[Article], rejected: list, workers: int) -> BuildReport:
    """Add articles with a progress bar."""
    settings = Settings(workers=workers)
    with progress(2 * len(articles), "extracting and merging") as advance:
        return pipeline.add_articles(articles, store, settings, rejected, advance)


def _render(
    store: Store,
    html: Path,
    lanes: str = "actor",
    date_from: date | None = None,
    date_to: date | None = None,
) -> Path:
    """Draw the store's timeline to `html` (a note when no event falls in the dates asked)."""
    events, links, articles = pipeline.timeline_view(store)
    if (date_from or date_to) and not select(events, date_from, date_to).events:
        span = f"{date_from or '…'} and {date_to or '…'}"
        warn(f"note: no event between {span}; the timeline is empty")
    return render_html(
        events, links, articles, html, lanes=lanes, date_from=date_from, date_to=date_to
    )


def _no_articles(paths: Sequence[str], rejected: Sequence[Rejection]) -> None:
    """Stop: nothing readable was given (exit 2, the first reasons named)."""
    reasons = "; ".join(f"{r.path}: {r.reason}" for r in rejected[:3])
    raise InputError(
        f"no usable article in {', '.join(map(str, paths))}"
        + (f": {reasons}" if reasons else ": it holds no article; give article files")
    )


def _summary(report: BuildReport, html: Path | None, store: Path) -> None:
    """The build/add summary: counts, rejected inputs, where things were written."""
    say(
        f"articles: {report.articles_added} added, {report.articles_skipped} already "
        f"stored, {len(report.rejected)} rejected"
    )
    say(f"events: {report.events}   links: {report.links}")
    for r in report.rejected:
        warn(f"Error: {r.path}: {r.reason}")
    say(f"store: {store}")
    if html is not None:
        say(f"html:  {html}")


@app.command()
def build(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders or globs (default: seeds/).")
    ] = None,
    out_html: OutOpt = DEFAULT_HTML,
    store: StoreOpt = DEFAULT_STORE,
    workers: WorkersOpt = 1,
    lanes: LanesOpt = "actor",
) -> None:
    """Build a timeline from scratch: read articles, write the store and the HTML."""
    with errors():
        check_lanes(lanes)
        check_output(out_html, store=store, inputs=expand_paths(paths or ["seeds"]))
        articles, rejected = load_articles(paths or ["seeds"])
        if not articles:
            _no_articles(paths or ["seeds"], rejected)
        before: set[str] = set()
        if store.exists():
            with Store.open(store, create=False, readonly=True) as old:  # never replace a stranger
                before = {a.id for a in old.articles()}
        fresh = store.with_name(store.name + ".new")
        fresh_html = out_html.with_name(out_html.name + ".new")
        leftovers = (fresh, Path(f"{fresh}-wal"), Path(f"{fresh}-shm"), fresh_html)
        remove_files(leftovers)
        try:
            with Store.open(fresh) as st, own_names({fresh: store, fresh_html: out_html}):
                report = _ingest(st, articles, rejected, workers)
                _render(st, fresh_html, lanes)
            for suffix in ("-wal", "-shm"):  # the old store's journal must not meet the new file
                Path(str(store) + suffix).unlink(missing_ok=True)
            fresh.replace(store)  # the old store and HTML stay whole until the new ones are
            fresh_html.replace(out_html)
        except BaseException:
            remove_files(leftovers)  # a failed build leaves nothing behind
            raise
        _summary(report, out_html, store)
        if gone := before - {a.id for a in articles}:
            many = len(gone) > 1
            warn(
                f"note: {len(gone)} article{'s' * many} of the old {store} "
                f"{'were' if many else 'was'} not in this build and {'are' if many else 'is'} "
                "no longer in it; `timeline add` extends a store, `build` starts it afresh"
            )
    if rejected:
        raise typer.Exit(3)


@app.command()
def add(
    files: Annotated[list[str], typer.Argument(help="Article files, folders or globs.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date: YYYY-MM-DD or an ISO date-time (…T07:30:00Z)."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    url: Annotated[str | None, typer.Option(help="Article URL.")] = None,
    out_html: OutOpt = DEFAULT_HTML,
    store: StoreOpt = DEFAULT_STORE,
    workers: WorkersOpt = 1,
    render_html_too: Annotated[
        bool, typer.Option("--render/--no-render", help="Re-draw the HTML after adding.")
    ] = True,
    lanes: LanesOpt = "actor",
) -> None:
    """Add articles to an existing store, merge their events, re-render the HTML."""
    with errors():
        check_lanes(lanes)
        if render_html_too:
            check_output(out_html, store=store, inputs=expand_paths(files))
        articles, rejected = load_articles(
            files, published=parse_published(published), outlet=outlet, url=url
        )
        with Store.open(store, create=False) as st:
            report = (
                _ingest(st, articles, rejected, workers)
                if articles
                else BuildReport(rejected=rejected, events=st.event_count(), links=st.link_count())
            )
            if render_html_too:
                try:
                    _render(st, out_html, lanes)
                except TimelineError as exc:
                    raise TimelineError(
                        f"{exc} The {report.articles_added} new articles are saved in {store}; "
                        f"draw the HTML with `timeline render --store {store} -o FILE`"
                    ) from exc
        _summary(report, out_html if render_html_too else None, store)
    if rejected:
        raise typer.Exit(3)


@app.command()
def events(
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    source: Annotated[
        str | None, typer.Option(help="Article: its file name, or its id (or a prefix).")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Text in title or sentence.")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """List events as a table."""
    with errors():
        lo, hi = parse_range(date_from, date_to)
        with Store.open(store, create=False, readonly=True) as st:
            articles = {a.id: a for a in st.articles()}
            named = [i for i, a in articles.items() if source in (a.path, views.short(i, articles))]
            source = named[0] if len(named) == 1 else source  # a file name stands for its id
            found = st.events(date_from=lo, date_to=hi, source=source, search=search)
        table = Table("id", "date", "granularity", "sources", "title", box=None)
        for row in views.event_rows(found, articles):
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)
        say(f"{len(found)} events")


@app.command()
def show(
    event: Annotated[str, typer.Argument(help="Event id or a unique prefix of it.")],
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """One event: its date and how it was resolved, its sources, causes and effects."""
    with errors(), Store.open(store, create=False, readonly=True) as st:
        ev = st.event(event)
        if ev is None:
            short = " (an id prefix needs 4 characters)" if len(event) < 4 else ""
            raise NotFoundError(f"no event {event!r}{short}; list them with `timeline events`")
        articles = {a.id: a for a in st.articles()}
        links = st.links_of(ev.id)
        others = {x for lk in links for x in (lk.source, lk.target)} - {ev.id}
        titles = {i: e.title for i in others if (e := st.event(i)) is not None}
        detail = views.event_detail(ev, articles, links, titles)
        say(detail)


@app.command()
def path(
    a: Annotated[str, typer.Argument(help="First event id (or prefix).")],
    b: Annotated[str, typer.Argument(help="Second event id (or prefix).")],
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """The chain of links between two events."""
    from .graph import find_path

    with errors(), Store.open(store, create=False, readonly=True) as st:
        ends = [st.event(x) for x in (a, b)]
        for ref, ev in zip((a, b), ends, strict=True):
            if ev is None:
                raise NotFoundError(f"no event {ref!r}; list them with `timeline events`")
        g = pipeline.load_graph(st)
        titles = {n: d["title"] for n, d in g.nodes(data=True)}
        steps = find_path(g, ends[0].id, ends[1].id)  # type: ignore[union-attr]
        first = ends[0].id  # type: ignore[union-attr]
        say(f"{steps[0][0] if steps else first}  {titles.get(first, '')}")
        for _u, v, d in steps:
            arrow = "→" if d["direction"] == "forward" else "←"
            why = f" “{d['evidence']}”" if d["evidence"] else " (from the dates)"
            say(f"  {arrow} [{d['kind']}]{why}\n{v}  {titles.get(v, '')}")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json, graphml, gexf or csv.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (default: standard output).")
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Export the articles, events and links."""
    with errors():
        if fmt not in views.EXPORT_FORMATS:
            raise InputError(
                f"unknown format {fmt!r}; use one of " + ", ".join(views.EXPORT_FORMATS)
            )
        with Store.open(store, create=False, readonly=True) as st:
            text = views.export_text(fmt, st.articles(), st.events(), st.links())
        if output is None:
            sys.stdout.write(text)
        else:
            check_output(output, what="export file", example=f"timeline.{fmt}", store=store)
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise InputError(
                    f"cannot write {output}: {exc.strerror or exc}; give another -o"
                ) from exc
            say(f"wrote {output}")


@app.command()
def dates(
    file: Annotated[Path, typer.Argument(help="One article file.")],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD or ISO date-time); default: manifest or text."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Every date expression in one article: span, value, granularity, interval, rule."""
    with errors():
        if fmt not in ("table", "json"):
            raise InputError(f"unknown format {fmt!r}; use table or json")
        articles, rejected = load_articles([file], published=parse_published(published))
        if not articles:
            _no_articles([str(file)], rejected)
        if len(articles) > 1:
            raise InputError(
                f"{file}: holds {len(articles)} articles; give one article file to `dates`"
            )
        art = articles[0]
        exprs = pipeline.expressions_of(art)
        if fmt == "json":
            doc = {"article": art.to_dict(), "expressions": [x.to_dict() for x in exprs]}
            sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
            return
        say(f"{art.path}: published {art.published} ({art.published_source})")
        table = Table(
            "span", "text", "type", "value", "granularity", "interval", "mod", "rule", box=None
        )
        for row in views.expression_rows(exprs):
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)


@app.command()
def render(
    out_html: OutOpt = DEFAULT_HTML,
    store: StoreOpt = DEFAULT_STORE,
    lanes: LanesOpt = "actor",
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
) -> None:
    """Re-draw the HTML timeline from the store."""
    with errors():
        check_lanes(lanes)
        check_output(out_html, store=store)
        with Store.open(store, create=False, readonly=True) as st:
            written = _render(st, out_html, lanes, *parse_range(date_from, date_to))
        say(f"wrote {written}")


@app.command()
def timeml(
    in_dir: Annotated[Path, typer.Argument(help="Folder of TimeML (.tml) documents.")],
    out_dir: Annotated[Path, typer.Argument(help="Folder to write tagged TimeML to.")],
    dct: Annotated[
        str | None,
        typer.Option("--dct", help="YYYY-MM-DD: creation time of documents that carry none."),
    ] = None,
) -> None:
    """Tag TimeML documents with TIMEX3 expressions (dates resolved against the DCT)."""
    from .timeml import tag_directory

    with errors():
        day = parse_day(dct, "--dct")
        default = datetime(day.year, day.month, day.day) if day else None
        n, rejected = tag_directory(in_dir, out_dir, Settings(), default)
        say(f"tagged {n} documents into {out_dir}")
        for r in rejected:
            warn(f"Error: {r.path}: {r.reason}")
    if rejected:
        raise typer.Exit(3 if n else 2)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point for `python -m timeline`."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app(args=list(argv) if argv is not None else None)
