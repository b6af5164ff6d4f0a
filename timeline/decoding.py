"""Bytes of an input file -> text: byte-order marks, an HTML page's declared charset, UTF-8,
and Cyrillic cp1251 when it is unmistakable; anything else is rejected with a reason."""

from __future__ import annotations

import codecs
import logging
import re

log = logging.getLogger(__name__)


class Reject(Exception):  # noqa: N818 - a per-file outcome, not a program error
    """A per-file problem: becomes a Rejection with this message as the reason."""


def _looks_cp1251(data: bytes) -> bool:
    """True when the non-ASCII bytes read as mostly Cyrillic letters (a Russian cp1251 text)."""
    high = [b for b in data if b >= 0x80]
    letters = sum(1 for b in data if chr(b).isalpha() and b < 0x80)
    cyrillic = sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8))
    return len(high) >= 20 and cyrillic >= 0.9 * len(high) and len(high) > letters


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset=["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_WHATWG = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252"}


def _declared_charset(data: bytes) -> str:
    """The charset an HTML page declares in a <meta> tag, as a Python codec name ("" if none)."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return ""
    name = m.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(_WHATWG.get(name, name)).name
    except LookupError:
        return ""
    return "" if codec == "utf-8" else codec


def _bare_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark (some Windows exports): in text of Latin letters every
    other byte is NUL. None unless nearly all of them are and it decodes to printable text."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 16:
        return None
    for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            shown = sum(c.isprintable() or c.isspace() for c in text[:2048])
            return text if shown >= 0.98 * len(text[:2048]) else None
    return None


def decode_bytes(data: bytes, html: bool = False) -> str:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16/32 with a BOM (UTF-16 of Latin text
    without one), an HTML page's declared
    charset, cp1251 when unmistakable; anything else is a rejection naming the problem."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                name = codec.upper()
                raise Reject(
                    f"has a {name} byte-order mark but is not valid {name} "
                    f"(bad bytes at offset {exc.start}); save it as UTF-8"
                ) from exc
    if b"\x00" in data:
        if (text := _bare_utf16(data)) is not None:
            return text
        raise Reject("binary file (contains NUL bytes), not text; give a .txt, .md or .html file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data) if html else ""
        if declared:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                raise Reject(
                    f"not valid {declared} as its <meta charset> says; save it as UTF-8"
                ) from exc
        if _looks_cp1251(data):
            log.info("decoded as cp1251 (Cyrillic text that is not UTF-8)")
            return data.decode("cp1251")
        raise Reject(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
            "save it as UTF-8"
        ) from exc
