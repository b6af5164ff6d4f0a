"""TimeML in and out: read documents (creation time, raw text, gold TIMEX3s), tag a document's
TEXT with our TIMEX3s, and score TIMEX3 extents/values the TempEval-3 way."""

from __future__ import annotations

import html
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from timeline.errors import InputError
from timeline.models import Rejection, TimeExpression
from timeline.settings import DEFAULT, Settings
from timeline.temporal import find_expressions

logger = logging.getLogger(__name__)

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_TEXT_RE = re.compile(r"(<TEXT\b[^>]*>)(.*?)</TEXT>", re.S)
_LINKS = re.compile(
    r"<(?:TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*/>\s*|<(TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*>.*?</\1>\s*",
    re.S,
)
_DCT_VALUE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 of a document: character span in the raw TEXT, type, value."""

    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A parsed TimeML document."""

    name: str
    dct: datetime
    text: str  # the TEXT element's content, tags stripped, entities decoded
    timexes: tuple[Timex, ...]


def read_timeml(
    xml_text: str, name: str = "<document>", default_dct: datetime | None = None
) -> TimeMLDoc:
    """Parse a TimeML document; InputError (naming it) if malformed or without a creation time
    (default_dct stands in for a missing one)."""
    try:
        ET.fromstring(xml_text.encode("utf-8"))
    except ET.ParseError as exc:
        raise InputError(f"{name}: not well-formed TimeML ({exc}); fix the XML and retry") from exc
    m = _TEXT_RE.search(xml_text)
    if not m:
        raise InputError(f"{name}: no <TEXT> element; is this a TimeML document?")
    dct = _creation_time(xml_text, name, default_dct)
    text, timexes = _strip(m.group(2))
    return TimeMLDoc(name=name, dct=dct, text=text, timexes=tuple(timexes))


def _creation_time(xml_text: str, name: str, default: datetime | None = None) -> datetime:
    """The value of the TIMEX3 with functionInDocument="CREATION_TIME", else default."""
    for tag in re.finditer(r"<TIMEX3\b[^>]*>", xml_text):
        attrs = dict(_ATTR.findall(tag.group()))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            m = _DCT_VALUE.match(attrs.get("value", ""))
            if m:
                parts = [int(p) if p else 0 for p in m.groups()]
                try:
                    return datetime(*parts)  # type: ignore[arg-type]
                except ValueError:
                    break
            break
    if default is not None:
        return default
    raise InputError(
        f'{name}: no usable creation time (a TIMEX3 with functionInDocument="CREATION_TIME" '
        "and a value such as 1998-01-08); add one, or give --dct YYYY-MM-DD"
    )


def _strip(inner: str) -> tuple[str, list[Timex]]:
    """Raw text of a TEXT element's content and the TIMEX3s in it, with raw offsets."""
    out: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for tag in _TAG.finditer(inner):
        piece = html.unescape(inner[pos : tag.start()])
        out.append(piece)
        length += len(piece)
        pos = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            text = "".join(out)[start:length]
            timexes.append(Timex(start, length, a.get("type", ""), a.get("value", ""), text))
            open_timex = None
    out.append(html.unescape(inner[pos:]))
    return "".join(out), timexes


_DECADE_X = re.compile(r"^(\d{3})X$")


def timeml_value(expr: TimeExpression) -> str:
    """The TIMEX3 value as TimeML writes it: decades are three digits ('199', we keep '199X')."""
    return _DECADE_X.sub(r"\1", expr.value)


def to_timex(expr: TimeExpression) -> Timex:
    """Our expression as a Timex for scoring."""
    return Timex(expr.char_start, expr.char_end, expr.type.value, timeml_value(expr), expr.text)


def tag_text(text: str, dct: datetime, settings: Settings = DEFAULT) -> list[TimeExpression]:
    """Our expressions for a raw TEXT (the one function the benchmark and tagger share)."""
    return find_expressions(text, dct, settings)


def tag_document(
    xml_text: str,
    settings: Settings = DEFAULT,
    name: str = "<document>",
    default_dct: datetime | None = None,
) -> str:
    """TimeML with the TEXT re-tagged by our TIMEX3s; old annotations inside TEXT and links
    after it go (they refer to the old tags), everything else is kept. default_dct resolves a
    document that carries no creation time."""
    doc = read_timeml(xml_text, name, default_dct)
    m = _TEXT_RE.search(xml_text)
    assert m is not None  # read_timeml checked it
    head = xml_text[: m.start()]
    used = [int(t) for t in re.findall(r'\btid="t(\d+)"', head)]
    exprs = tag_text(doc.text, doc.dct, settings)
    body = _render(doc.text, exprs, (max(used) + 1) if used else 1, _dct_tid(head))
    tail = _LINKS.sub("", xml_text[m.end() :])  # links point at the old EVENT/TIMEX3 ids
    tail = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", tail)
    return f"{head}{m.group(1)}{body}</TEXT>{tail}"


def _dct_tid(head: str) -> str | None:
    """The tid of the creation-time TIMEX3 (t0 by convention); None when there is none."""
    for tag in re.finditer(r"<TIMEX3\b[^>]*>", head):
        attrs = dict(_ATTR.findall(tag.group()))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            return attrs.get("tid", "t0")
    return None


def _render(text: str, exprs: list[TimeExpression], first_tid: int, dct_tid: str | None) -> str:
    """The text, XML-escaped, with a TIMEX3 element around each expression."""
    parts: list[str] = []
    pos = 0
    for i, e in enumerate(exprs):
        parts.append(html.escape(text[pos : e.char_start], quote=False))
        attrs = [f'tid="t{first_tid + i}"', f'type="{e.type.value}"', f'value="{timeml_value(e)}"']
        if e.mod:
            attrs.append(f'mod="{e.mod}"')
        relative = e.anchor in ("publication", "previous")
        attrs.append(f'temporalFunction="{"true" if relative else "false"}"')
        attrs.append('functionInDocument="NONE"')
        if e.anchor == "publication" and dct_tid:
            attrs.append(f'anchorTimeID="{dct_tid}"')
        inner = html.escape(e.text, quote=False)
        parts.append(f"<TIMEX3 {' '.join(attrs)}>{inner}</TIMEX3>")
        pos = e.char_end
    parts.append(html.escape(text[pos:], quote=False))
    return "".join(parts)


def tag_directory(
    in_dir: Path,
    out_dir: Path,
    settings: Settings = DEFAULT,
    default_dct: datetime | None = None,
) -> tuple[int, list[Rejection]]:
    """Tag every .tml/.xml file of in_dir into out_dir (same names): the number tagged, and the
    files that could not be (unreadable, malformed, no creation time), each with its reason."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise InputError(f"{in_dir}: not a folder; give a folder of TimeML (.tml) files")
    files = sorted(p for p in in_dir.iterdir() if p.suffix.lower() in (".tml", ".xml"))
    if not files:
        raise InputError(f"{in_dir}: no .tml or .xml files; give a folder of TimeML documents")
    if out_dir.resolve() == in_dir.resolve():
        raise InputError(f"{out_dir}: is the input folder; give another folder to write to")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot make the folder ({exc.strerror or exc})") from exc
    rejected: list[Rejection] = []
    for path in files:
        try:
            tagged = tag_document(read_file(path), settings, str(path), default_dct)
        except InputError as exc:  # one bad document does not stop the others
            rejected.append(Rejection(str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        try:
            (out_dir / path.name).write_text(tagged, "utf-8")
        except OSError as exc:
            raise InputError(f"{out_dir / path.name}: cannot write it ({exc.strerror})") from exc
    logger.info("tagged %d TimeML documents from %s", len(files) - len(rejected), in_dir)
    return len(files) - len(rejected), rejected


def read_file(path: Path) -> str:
    """A TimeML file's text; InputError naming the file when it cannot be read as UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it as UTF-8 text ({exc})") from exc


def stripped_text(xml_text: str) -> str:
    """The TEXT content with every tag removed and entities decoded (for round-trip checks)."""
    m = _TEXT_RE.search(xml_text)
    return _strip(m.group(2))[0] if m else ""
