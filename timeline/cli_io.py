"""The command line's terminal side: consoles, one-line errors and exit codes, option parsing,
progress bars. Only `cli` imports it."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress as RichProgress

from . import pipeline
from .errors import InputError, TimelineError
from .pubdate import parse_explicit

# Piped output keeps each table row on one line (grep, cut); a terminal wraps to its width.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 1000)
err = Console(stderr=True, soft_wrap=True)


def say(text: str) -> None:
    """Print a line to stdout as it is (no markup, no highlighting: paths and titles are data)."""
    out.print(text, highlight=False, markup=False)


def warn(text: str) -> None:
    """Print a line to stderr as it is."""
    err.print(text, highlight=False, markup=False)


def fail(message: str, code: int = 1) -> None:
    """Print `Error: ...` on stderr and exit non-zero."""
    warn(f"Error: {message}")
    raise typer.Exit(code)


@contextmanager
def errors() -> Iterator[None]:
    """Turn library errors into one-line messages and exit codes (2: bad input, 1: other)."""
    try:
        yield
    except InputError as exc:
        fail(str(exc), 2)
    except TimelineError as exc:
        fail(str(exc), 1)


def parse_day(value: str | None, option: str) -> date | None:
    """Parse a --from/--to style date option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


def parse_range(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None]:
    """--from and --to, in order."""
    lo, hi = parse_day(date_from, "--from"), parse_day(date_to, "--to")
    if lo and hi and lo > hi:
        raise InputError(f"--from {lo} is after --to {hi}; swap them")
    return lo, hi


def parse_published(value: str | None) -> datetime | None:
    """Parse --published (ISO date or date-time)."""
    if value is None:
        return None
    parsed = parse_explicit(value)
    if parsed is None:
        raise InputError(
            f"--published {value!r} is not a date; write it as YYYY-MM-DD (year 1000 to 9000)"
        )
    return parsed


@contextmanager
def progress(total: int, what: str) -> Iterator[pipeline.Progress | None]:
    """A progress bar on a terminal; nothing when stderr is not one."""
    if not err.is_terminal or total < 2:
        yield None
        return
    with RichProgress(console=err, transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda n: bar.advance(task, n)


def remove_files(paths: Sequence[Path]) -> None:
    """Delete what a build leaves while it works, if it is there."""
    for path in paths:
        with suppress(OSError):
            path.unlink(missing_ok=True)


@contextmanager
def own_names(names: dict[Path, Path]) -> Iterator[None]:
    """Errors about a build's temporary files name the files the user asked for."""
    try:
        yield
    except TimelineError as exc:
        text = str(exc)
        for temporary, final in names.items():
            text = text.replace(str(temporary), str(final))
        raise type(exc)(text) from exc
