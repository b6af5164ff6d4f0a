"""Read input files (text, Markdown, HTML, JSON Lines, JSON) into `Article` records.

Publication dates, explicit beats guessed: the folder's manifest, then the `published` option,
then front matter / JSON fields, then HTML metadata (htmldate), then a guess from the text
(`timeline.pubdate`). Per-file problems become `Rejection`s; inputs that make the dates
untrustworthy (missing paths, a malformed manifest) raise `InputError`.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from timeline.decoding import Reject as _Reject
from timeline.decoding import decode_bytes
from timeline.errors import InputError
from timeline.manifest import MANIFEST_NAMES, folder_manifest
from timeline.manifest import Meta as _Meta
from timeline.models import Article, Rejection
from timeline.pubdate import PubDateGuess, parse_explicit
from timeline.pubdate_html import resolve_published
from timeline.settings import DEFAULT, Settings

__all__ = ["load_articles", "normalize_text", "content_id"]

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


@dataclass(slots=True)
class _Doc:
    """One article read from a file (a JSONL file gives several), before dating."""

    path: str
    text: str
    meta: _Meta = field(default_factory=_Meta)
    html: str = ""  # the page, for htmldate
    kind: str = "text"  # text | html | json: decides the "no date" hint and title precedence


def normalize_text(text: str) -> str:
    """The canonical text an article id is computed from: NFC, LF line ends, no outer blanks."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


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


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading '---' block of 'key: value' lines from the body ({} if there is none)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or line[:1].isspace() or line.lstrip().startswith("#"):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[key.strip().lower()] = value
    return fields, "\n".join(lines[end + 1 :])


def _front_matter_meta(fields: dict[str, str], settings: Settings) -> _Meta:
    """Metadata from front matter fields; a date that does not parse is a rejection."""
    raw = fields.get("published") or fields.get("date") or ""
    published = None
    if raw:
        published = parse_explicit(raw, settings.timezone)
        if published is None:
            raise _Reject(
                f"published '{raw}' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"
            )
    return _Meta(
        title=fields.get("title", ""),
        outlet=fields.get("outlet") or fields.get("source") or fields.get("publisher", ""),
        url=fields.get("url") or fields.get("link", ""),
        published=published,
        source="front matter" if published else "",
        confidence=1.0 if published else 0.0,
    )


def _html_parts(html: str) -> tuple[str, str, str, str]:
    """(text, title, site name, url) of a page via trafilatura (no network)."""
    try:
        from trafilatura import bare_extraction  # slow import: only when there is HTML
    except ImportError as exc:  # e.g. lxml >= 5.2 without lxml_html_clean
        log.warning("trafilatura unusable (%s); reading <p> elements instead", exc)
        return _html_parts_plain(html)
    doc = bare_extraction(html, favor_precision=True, with_metadata=True)
    if doc is None:
        return "", "", "", ""
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return tuple(str(get(k) or "") for k in ("text", "title", "sitename", "url"))  # type: ignore[return-value]


def _html_parts_plain(html: str) -> tuple[str, str, str, str]:
    """Fallback for _html_parts with lxml alone: the <article> (or <main>, <body>) headings and
    paragraphs, the og:title or <title>, og:site_name, the canonical URL."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(html)
    box = next(iter(root.xpath("//article") + root.xpath("//main") + root.xpath("//body")), root)
    blocks = (el.text_content().strip() for el in box.iter("h1", "p"))
    meta = "string(//meta[@property='{}']/@content)"
    title = root.xpath(meta.format("og:title")) or root.xpath("string(//title)").strip()
    url = root.xpath("string(//link[@rel='canonical']/@href)") or root.xpath(meta.format("og:url"))
    site = root.xpath(meta.format("og:site_name"))
    return "\n".join(b for b in blocks if b), title, site, url


def _html_doc(path: str, html: str) -> _Doc:
    """One article from an HTML page: main text, title, outlet, URL; the page kept for dating."""
    try:
        text, title, site, url = _html_parts(html)
        if not text.strip():  # trafilatura may judge a short page all boilerplate
            text = _html_parts_plain(html)[0]
    except Exception as exc:  # a parser crash on one page must not stop the build
        log.warning("%s: HTML extraction failed: %r", path, exc)
        raise _Reject(f"cannot parse the HTML page ({type(exc).__name__}); check the file") from exc
    if not text.strip():
        raise _Reject("no article text found in the HTML page; save the article text as .txt")
    meta = _Meta(title=title, outlet=site, url=url)
    return _Doc(path, text, meta, html=html, kind="html")


def _json_doc(where: str, raw: Any, settings: Settings) -> _Doc:
    """One article from a JSON object with text, title, outlet, url, published (id is ignored)."""
    obj = json.loads(raw) if isinstance(raw, bytes) else raw
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise _Reject('not an article object (needs a "text" string); fix or remove it')
    fields = {k: str(obj.get(k) or "") for k in ("title", "outlet", "url", "published")}
    meta = _front_matter_meta(fields, settings)
    meta = replace(meta, source="json") if meta.published else meta
    return _Doc(where, obj["text"], meta, kind="json")


def _jsonl_docs(path: Path, shown: str, settings: Settings) -> Iterator[_Doc | Rejection]:
    """Articles of a JSON Lines file, streamed: the size limit applies to each line."""
    limit, lineno, found = settings.max_article_bytes, 0, False
    with path.open("rb") as fh:
        while raw := fh.readline(limit + 1):
            lineno += 1
            where = f"{shown}:{lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                found = True  # a line, if too long: the file is not empty
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = fh.readline(limit + 1)
                yield Rejection(where, f"line longer than the limit ({limit} bytes); split it")
                continue
            if not raw.strip():
                continue
            found = True
            try:
                yield _json_doc(where, raw.removeprefix(codecs.BOM_UTF8).rstrip(), settings)
            except json.JSONDecodeError as exc:
                msg = f"not valid JSON at column {exc.colno} ({exc.msg}); fix or remove the line"
                yield Rejection(where, msg)
            except UnicodeDecodeError:
                yield Rejection(where, "not valid UTF-8; save the file as UTF-8")
            except _Reject as exc:
                yield Rejection(where, str(exc))
    if not found:
        yield Rejection(shown, "empty file (no JSON lines); remove it or add articles")


def _json_docs(shown: str, text: str, settings: Settings) -> Iterator[_Doc | Rejection]:
    """Articles of a .json file: an array of article objects, or one object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Reject(f"not valid JSON (line {exc.lineno}: {exc.msg}); fix the syntax") from exc
    for i, item in enumerate(data if isinstance(data, list) else [data], 1):
        try:
            yield _json_doc(f"{shown}:{i}", item, settings)
        except _Reject as exc:
            yield Rejection(f"{shown}:{i}", str(exc))


def _looks_html(text: str) -> bool:
    """True for a page saved with a .txt name: it starts like an HTML document."""
    head = text.lstrip()[:20].lower()
    return head.startswith(("<!doctype html", "<html"))


def read_docs(path: Path, shown: str, settings: Settings) -> Iterator[_Doc | Rejection]:
    """The articles in one file (several for JSON Lines), or Rejections saying why not."""
    suffix = path.suffix.lower()
    try:
        if path.name.lower() in MANIFEST_NAMES:
            raise _Reject("a manifest, not an article; give its folder instead")
        size, limit = path.stat().st_size, settings.max_article_bytes
        if size == 0:
            raise _Reject("empty file; remove it or add the article text")
        if suffix == ".jsonl":
            yield from _jsonl_docs(path, shown, settings)
            return
        if size > limit:
            raise _Reject(f"too large ({size} bytes, limit {limit}); split it or raise the limit")
        text = decode_bytes(path.read_bytes(), html=suffix in (".html", ".htm"))
        if not text.strip():
            raise _Reject("empty file (only whitespace); remove it or add the article text")
        if suffix in (".html", ".htm") or _looks_html(text):
            yield _html_doc(shown, text)
        elif suffix == ".json":
            yield from _json_docs(shown, text, settings)
        else:
            fields, body = split_front_matter(normalize_text(text))
            yield _Doc(shown, body, _front_matter_meta(fields, settings))
    except _Reject as exc:
        yield Rejection(shown, str(exc))
    except OSError as exc:
        yield Rejection(shown, f"cannot read ({exc.strerror or exc}); check permissions")


# --- dating and assembling -----------------------------------------------------------------


def _date_doc(
    doc: _Doc, manifest: _Meta | None, option: datetime | None, settings: Settings
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


def _article(doc: _Doc, manifest: _Meta | None, opts: _Meta, settings: Settings) -> Article:
    """Build the Article for a doc; raises _Reject when it has no usable publication date."""
    text = normalize_text(doc.text)
    if not text:
        raise _Reject("empty article text; remove it or add the text")
    if len(text.encode("utf-8")) > settings.max_article_bytes:
        raise _Reject(
            f"too large ({len(text.encode('utf-8'))} bytes of text, limit "
            f"{settings.max_article_bytes}); split it or raise the limit"
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
