"""A folder's manifest (manifest.toml or manifest.csv): each file's publication date, outlet,
url and title, validated as a whole before any article is read."""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.pubdate import parse_explicit
from timeline.settings import DEFAULT, Settings

MANIFEST_NAMES = ("manifest.toml", "manifest.csv")
MANIFEST_KEYS = ("file", "published", "outlet", "url", "title")


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known about one article besides its text, and where each date came from."""

    title: str = ""
    outlet: str = ""
    url: str = ""
    published: datetime | None = None
    source: str = ""
    confidence: float = 0.0


def _manifest_rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(where, row) pairs of a manifest.toml or manifest.csv; InputError if it cannot be read."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read manifest ({exc}); save it as UTF-8") from exc
    if path.suffix == ".csv":
        reader = csv.DictReader(io.StringIO(raw))
        header = [h.strip() for h in (reader.fieldnames or [])]
        if "file" not in header or any(h not in MANIFEST_KEYS for h in header):
            raise InputError(
                f"{path}: header must be file,published,outlet,url[,title] (got {','.join(header)})"
            )
        rows = []
        for row in reader:
            if None in row:
                raise InputError(f"{path}: line {reader.line_num}: more fields than the header")
            rows.append(
                (f"line {reader.line_num}", {k.strip(): (v or "").strip() for k, v in row.items()})
            )
        return rows
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc}); fix the syntax") from exc
    extra = sorted(set(data) - {"article"})
    if extra:
        raise InputError(f"{path}: unknown key '{extra[0]}'; list articles as [[article]] tables")
    articles = data.get("article", [])
    if not isinstance(articles, list) or any(not isinstance(a, dict) for a in articles):
        raise InputError(f"{path}: 'article' must be an array of tables ([[article]])")
    return [(f"article {i}", a) for i, a in enumerate(articles, 1)]


def read_manifest(path: Path, settings: Settings = DEFAULT) -> dict[str, Meta]:
    """File name -> explicit metadata from a folder's manifest, validated (InputError if not)."""
    entries: dict[str, Meta] = {}
    for where, row in _manifest_rows(path):
        unknown = sorted(set(row) - set(MANIFEST_KEYS))
        if unknown:
            keys = ", ".join(MANIFEST_KEYS)
            raise InputError(f"{path}: {where}: unknown key '{unknown[0]}' (expected {keys})")
        name = row.get("file")
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"{path}: {where}: missing 'file' (the article's file name)")
        name = name.strip()
        if "/" in name or "\\" in name:
            raise InputError(
                f"{path}: {where}: '{name}' is not a file name in this folder; "
                "give each folder its own manifest"
            )
        if name in entries:
            raise InputError(f"{path}: {where}: duplicate entry for '{name}'; keep one")
        if not (path.parent / name).is_file():
            raise InputError(f"{path}: {where}: '{name}' does not exist in {path.parent}")
        for key in ("title", "outlet", "url"):
            if not isinstance(row.get(key, ""), str):
                raise InputError(
                    f"{path}: {where}: {key} for '{name}' must be text, not "
                    f"{type(row[key]).__name__}; write it in quotes"
                )
        published = None
        if row.get("published") not in (None, ""):
            published = parse_explicit(row["published"], settings.timezone)
            if published is None:
                raise InputError(
                    f"{path}: {where}: published '{row['published']}' for '{name}' is not a "
                    "date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"
                )
        entries[name] = Meta(
            title=str(row.get("title") or ""),
            outlet=str(row.get("outlet") or ""),
            url=str(row.get("url") or ""),
            published=published,
            source="manifest" if published else "",
            confidence=1.0 if published else 0.0,
        )
    return entries


def folder_manifest(folder: Path, settings: Settings, cache: dict[Path, dict[str, Meta]]):
    """The parsed manifest of `folder` ({} if none), read once per build."""
    key = folder.resolve()
    if key not in cache:
        found = [folder / n for n in MANIFEST_NAMES if (folder / n).is_file()]
        if len(found) > 1:
            raise InputError(f"{folder}: both manifest.toml and manifest.csv; keep one")
        cache[key] = read_manifest(found[0], settings) if found else {}
    return cache[key]
