"""Read input files (text, Markdown, HTML, JSON Lines, JSON) into `Article` records.

Publication dates, explicit beats guessed: the folder's manifest, then the `published` option,
then front matter / JSON fields, then HTML metadata (htmldate), then a guess from the text
(`timeline.pubdate`). Per-file problems become `Rejection`s; inputs that make the dates
untrustworthy (missing paths, a malformed manifest) raise `InputError`.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from timeline.decoding import Reject as _Reject
from timeline.errors import InputError
from timeline.ingest_formats import Doc, normalize_text, read_docs, split_front_matter
from timeline.manifest import MANIFEST_NAMES, folder_manifest
from timeline.manifest import Meta as _Meta
from timeline.models import Article, Rejection
from timeline.pubdate import PubDateGuess
from timeline.pubdate_html import resolve_published
from timeline.settings import DEFAULT, Settings

__all__ = ["load_articles", "normalize_text", "content_id", "split_front_matter"]

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json")
NO_DATE = (
    "no publication date found; add it to manifest.toml in its folder, give --published DATE, "
    "or put 'published:' in front matter"
)
NO_DATE_JSON = (
    'no publication date found; give the article a "published" field (YYYY-MM-DD), '
    "add the file to manifest.toml in its folder, or give --published DATE"
)
NO_DATE_HTML = (
    "no publication date found in the page; add it to manifest.toml in its folder "
    "or give --published DATE"
)

NO_DATE_HINTS = {"text": NO_DATE, "html": NO_DATE_HTML, "json": NO_DATE_JSON}
_WORD = re.compile(r"[^\W\d_]{2,}")


def content_id(text: str) -> str:
    """First 16 hex chars of the SHA-256 of the normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


# --- finding files -------------------------------------------------------------------------


def _is_article_file(path: Path) -> bool:
    """True for article files a folder scan picks up (not manifests, READMEs, hidden files)."""
    name = path.name
    if name.startswith(".") or name.lower() in MANIFEST_NAMES:
        return False
    if name.lower().startswith("readme"):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def _scan_folder(folder: Path) -> list[Path]:
    """Article files under `folder`, recursively, skipping hidden folders, in sorted order."""
    found = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).parts
        if any(part.startswith(".") for part in rel[:-1]):
            continue
        if _is_article_file(p):
            found.append(p)
    return found


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files named by `paths` (files, folders, globs), in order, each once."""
    if isinstance(paths, str | Path):
        paths = [paths]
    out: list[Path] = []
    for raw in paths:
        text = str(raw)
        p = Path(text)
        if p.is_dir():
            files = _scan_folder(p)
            if not files:
                kinds = ", ".join("*" + s for s in ARTICLE_SUFFIXES)
                raise InputError(f"{text}: no article files ({kinds}) in this folder")
        elif p.is_file():
            files = [p]
        elif glob.has_magic(text):
            matched = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            files = [f for m in matched for f in (_scan_folder(m) if m.is_dir() else [m])]
            files = [f for f in files if _is_article_file(f)]
            if not files:
                raise InputError(f"{text}: no article files match this pattern; check it")
        else:
            raise InputError(f"{text}: no such file or folder; check the path")
        out.extend(files)
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


# --- dating and assembling -----------------------------------------------------------------


def _date_doc(
    doc: Doc, manifest: _Meta | None, option: datetime | None, settings: Settings
) -> PubDateGuess | None:
    """The publication date of a doc by the cascade (manifest > option > front matter > ...)."""
    explicit = [
        (manifest.source if manifest else "manifest", manifest.published if manifest else None),
        ("option", option),
        (doc.meta.source, doc.meta.published),
    ]
    url = (manifest.url if manifest else "") or doc.meta.url
    return resolve_published(explicit, doc.html, doc.text, settings, url=url)


def _first_line(text: str) -> str:
    """The first headline-like line (4+ words of letters) near the top, else the first line."""
    lines = [ln.strip().lstrip("#").strip() for ln in text.split("\n") if ln.strip()]
    headline = (ln for ln in lines[:12] if len(_WORD.findall(ln)) >= 4)
    title = next(headline, lines[0] if lines else "")
    return title if len(title) <= 160 else title[:159].rsplit(" ", 1)[0] + "…"


def _article(doc: Doc, manifest: _Meta | None, opts: _Meta, settings: Settings) -> Article:
    """Build the Article for a doc; raises _Reject when it has no usable publication date."""
    text = normalize_text(doc.text)
    if not text:
        raise _Reject("empty article text; remove it or add the text")
    if len(text.encode("utf-8")) > settings.max_article_bytes:
        raise _Reject(
            f"too large ({len(text.encode('utf-8'))} bytes of text, limit "
            f"{settings.max_article_bytes}); split it into smaller files"
        )
    guess = _date_doc(doc, manifest, opts.published, settings)
    hint = NO_DATE_HINTS[doc.kind]
    if guess is None:
        raise _Reject(hint)
    if guess.confidence < settings.min_confidence:
        raise _Reject(
            f"{hint} (the text suggests {guess.value.date().isoformat()} by '{guess.rule}', "
            f"too unsure at confidence {guess.confidence:.2f})"
        )
    m = manifest or _Meta()
    return Article(
        id=content_id(text),
        path=doc.path,
        text=text,
        published=guess.value,
        published_source=guess.rule,
        published_confidence=guess.confidence,
        outlet=m.outlet or opts.outlet or doc.meta.outlet,
        url=m.url or opts.url or doc.meta.url,
        title=(doc.meta.title if doc.kind == "json" else "")  # one manifest entry, many records
        or m.title
        or doc.meta.title
        or _first_line(text),
    )


def _undecodable_name(path: Path) -> str | None:
    """A printable form of a path whose name is not UTF-8 (the store keeps UTF-8), else None."""
    try:
        str(path).encode("utf-8")
        return None
    except UnicodeEncodeError:
        return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def load_articles(
    paths: Sequence[str | Path],
    settings: Settings = DEFAULT,
    *,
    published: datetime | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> tuple[list[Article], list[Rejection]]:
    """Read files, folders and globs into Articles; per-file problems come back as Rejections."""
    files = expand_paths(paths)
    manifests: dict[Path, dict[str, _Meta]] = {}
    folders = [Path(p) for p in ([paths] if isinstance(paths, str | Path) else paths)]
    for folder in [f for f in folders if f.is_dir()] + [f.parent for f in files]:
        folder_manifest(folder, settings, manifests)  # all before reading: errors are fatal
    opts = _Meta(outlet=outlet or "", url=url or "", published=published)
    articles: list[Article] = []
    rejected: list[Rejection] = []
    by_id: dict[str, str] = {}
    for f in files:
        if (shown := _undecodable_name(f)) is not None:
            rejected.append(Rejection(shown, "its name is not UTF-8; rename the file"))
            continue
        entry = folder_manifest(f.parent, settings, manifests).get(f.name)
        for item in read_docs(f, str(f), settings):
            if isinstance(item, Rejection):
                rejected.append(item)
                continue
            try:
                art = _article(item, entry, opts, settings)
            except _Reject as exc:
                rejected.append(Rejection(item.path, str(exc)))
                continue
            if art.id in by_id:
                rejected.append(Rejection(art.path, f"duplicate of {by_id[art.id]}"))
                continue
            by_id[art.id] = art.path
            articles.append(art)
    log.info("loaded %d articles, rejected %d inputs", len(articles), len(rejected))
    return articles, rejected
