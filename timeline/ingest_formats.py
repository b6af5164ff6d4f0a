"""Read one input file (text, Markdown, HTML, JSON Lines, JSON) into undated `Doc`s.

Each reader returns the article text and whatever metadata the file carries (front matter,
JSON fields, HTML title/site/URL); per-file problems become `Rejection`s. Dating and building
`Article`s is `timeline.ingest`'s job.
"""

from __future__ import annotations

import codecs
import json
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from timeline.decoding import Reject as _Reject
from timeline.decoding import decode_bytes
from timeline.manifest import MANIFEST_NAMES
from timeline.manifest import Meta as _Meta
from timeline.models import Rejection
from timeline.pubdate import parse_explicit
from timeline.settings import Settings

__all__ = ["Doc", "normalize_text", "split_front_matter", "read_docs"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Doc:
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


def front_matter_meta(fields: dict[str, str], settings: Settings) -> _Meta:
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


def _html_doc(path: str, html: str) -> Doc:
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
    return Doc(path, text, meta, html=html, kind="html")


def _json_doc(where: str, raw: Any, settings: Settings) -> Doc:
    """One article from a JSON object with text, title, outlet, url, published (id is ignored)."""
    obj = json.loads(raw) if isinstance(raw, bytes) else raw
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise _Reject('not an article object (needs a "text" string); fix or remove it')
    fields = {k: str(obj.get(k) or "") for k in ("title", "outlet", "url", "published")}
    meta = front_matter_meta(fields, settings)
    meta = replace(meta, source="json") if meta.published else meta
    return Doc(where, obj["text"], meta, kind="json")


def _jsonl_docs(path: Path, shown: str, settings: Settings) -> Iterator[Doc | Rejection]:
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


def _json_docs(shown: str, text: str, settings: Settings) -> Iterator[Doc | Rejection]:
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


def read_docs(path: Path, shown: str, settings: Settings) -> Iterator[Doc | Rejection]:
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
            raise _Reject(f"too large ({size} bytes, limit {limit}); split it into smaller files")
        text = decode_bytes(path.read_bytes(), html=suffix in (".html", ".htm"))
        if not text.strip():
            raise _Reject("empty file (only whitespace); remove it or add the article text")
        if suffix in (".html", ".htm") or _looks_html(text):
            yield _html_doc(shown, text)
        elif suffix == ".json":
            yield from _json_docs(shown, text, settings)
        else:
            fields, body = split_front_matter(normalize_text(text))
            yield Doc(shown, body, front_matter_meta(fields, settings))
    except _Reject as exc:
        yield Rejection(shown, str(exc))
    except OSError as exc:
        yield Rejection(shown, f"cannot read ({exc.strerror or exc}); check permissions")
