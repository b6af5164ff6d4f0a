"""Where a command may write: checked before any work, so a slip of `-o` costs nothing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .render_prep import LANE_MODES


def check_lanes(lanes: str) -> str:
    """The --lanes value (one the renderer knows), or an InputError naming the choices."""
    if lanes not in LANE_MODES:
        *first, last = LANE_MODES
        raise InputError(f"unknown lanes {lanes!r}; use {', '.join(first)} or {last}")
    return lanes


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (existing or not)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_output(
    path: Path,
    *,
    what: str = "HTML file",
    example: str = "timeline.html",
    store: Path | None = None,
    inputs: Iterable[str | Path] = (),
) -> None:
    """Refuse an output path that is a folder, lies under a file, or would overwrite the store
    (or its journal) or an input file (accepted or not)."""
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give the {what} to write, e.g. {path / example}")
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise InputError(f"{path}: {folder} is a file, not a folder; give another path")
            break
    if store is not None:
        for own in (store, Path(f"{store}-wal"), Path(f"{store}-shm"), Path(f"{store}.new")):
            if _same(path, own):
                raise InputError(
                    f"{path}: is the store (--store {store}); writing the {what} there would "
                    f"destroy it. Give another path, e.g. {path.with_name(example)}"
                )
    for source in inputs:
        if _same(path, Path(source)):
            raise InputError(
                f"{path}: is an input file; writing the {what} there would destroy it. "
                "Give another path"
            )
