"""Calendar arithmetic for TIMEX3 values: value -> interval, shifts by units, modifiers."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from timeline.models import Granularity

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # meteorological seasons (north)
UNIT_CODE = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "season": "QS",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "millennium": "ML",
}
TIME_UNITS = {"second", "minute", "hour"}

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART_RE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")


def last_day(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by delta months."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def week_value(d: date) -> str:
    """ISO week value of a date, e.g. 2021-W07."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> int:
    """Calendar quarter (1-4) of a date."""
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the meteorological season containing d (1998-WI: Dec 1997 - Feb 1998)."""
    if d.month == 12:
        return d.year + 1, "WI"
    if d.month <= 2:
        return d.year, "WI"
    return d.year, ["SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA"][d.month - 3]


def interval(value: str) -> tuple[Granularity, date | None, date | None]:
    """The granularity and inclusive calendar interval of a TIMEX3 date value."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return Granularity.NONE, None, None


def _interval(value: str) -> tuple[Granularity, date | None, date | None]:
    """interval() without the error guard."""
    m = _DAY_RE.match(value)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return (Granularity.TIME if m[4] else Granularity.DAY), d, d
    m = _WEEK_RE.match(value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return Granularity.WEEK, monday + timedelta(days=5), monday + timedelta(days=6)
        return Granularity.WEEK, monday, monday + timedelta(days=6)
    m = _PART_RE.match(value)
    if m:
        return _part_interval(int(m[1]), m[2])
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, mo = int(value[:4]), int(value[5:])
        return Granularity.MONTH, date(y, mo, 1), last_day(y, mo)
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return Granularity.YEAR, date(y, 1, 1), date(y, 12, 31)
    if re.fullmatch(r"\d{3}X?", value):
        y = int(value[:3]) * 10
        return Granularity.DECADE, date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    if re.fullmatch(r"\d{2}(XX)?", value):
        y = int(value[:2]) * 100
        return Granularity.CENTURY, date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    return Granularity.NONE, None, None


def _part_interval(year: int, part: str) -> tuple[Granularity, date, date]:
    """Interval of a quarter, half or season of a year."""
    if part[0] == "Q":
        q = int(part[1])
        return Granularity.QUARTER, date(year, 3 * q - 2, 1), last_day(year, 3 * q)
    if part[0] == "H":
        h = int(part[1])
        return Granularity.HALF, date(year, 6 * h - 5, 1), last_day(year, 6 * h)
    start_month = SEASON_START[part]
    start_y = year - 1 if part == "WI" else year  # 1998-WI: December 1997 - February 1998
    end_y, end_m = add_months(start_y, start_month, 2)
    return Granularity.SEASON, date(start_y, start_month, 1), last_day(end_y, end_m)


def apply_mod(mod: str, start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """Narrow an interval for START/MID/END (thirds) or open it for ON_OR_AFTER/AFTER."""
    if start is None or end is None:
        return start, end
    if mod in ("ON_OR_AFTER", "AFTER"):
        return start, None
    span = (end - start).days + 1
    third = max(span // 3, 1)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    if mod == "MID":
        return start + timedelta(days=third), end - timedelta(days=third)
    return start, end


def shift(anchor: date, unit: str, n: int) -> str | None:
    """The value n units away from anchor, at the unit's granularity (None if out of range)."""
    try:
        return _shift(anchor, unit, n)
    except (ValueError, OverflowError):
        return None


def _shift(anchor: date, unit: str, n: int) -> str | None:
    """shift() without the error guard."""
    if unit in TIME_UNITS or unit == "day":
        return (anchor + timedelta(days=n if unit == "day" else 0)).isoformat()
    if unit in ("week", "fortnight"):
        return week_value(anchor + timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return week_value(anchor + timedelta(weeks=n)) + "-WE"
    if unit == "month":
        y, m = add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = add_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}X"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    return None


def shift_value(value: str, unit: str, n: int) -> str | None:
    """Shift a quarter/half/month/year value by n units, keeping its granularity."""
    m = _PART_RE.match(value)
    if m and unit == "year":
        return f"{int(m[1]) + n:04d}-{m[2]}"
    gran, start, _ = interval(value)
    if start is None:
        return None
    if gran is Granularity.QUARTER and unit == "quarter":
        return shift(start, "quarter", n)
    if gran is Granularity.MONTH and unit in ("month", "year"):
        return shift(start, "month", n * (12 if unit == "year" else 1))
    return None


def duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3Y, PT2H, PXD (unknown amount), P1.5Y."""
    code = UNIT_CODE[unit]
    if unit == "weekend":
        code = "WE"
    if unit == "fortnight" and n is not None:
        n, code = n * 2, "W"
    if unit == "decade" and n is not None:
        n, code = n * 10, "Y"
    if unit == "century" and n is not None:
        n, code = n * 100, "Y"
    if unit == "millennium" and n is not None:
        n, code = n * 1000, "Y"
    prefix = "PT" if unit in TIME_UNITS else "P"
    if n is not None and not float(n).is_integer() and float(n * 2).is_integer():
        half = _HALF.get(unit)  # 2 1/2 years -> P2Y6M, a minute and a half -> PT1M30S
        if half:
            whole = f"{int(n)}{code}" if int(n) else ""
            return f"{prefix}{whole}{half}"
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return f"{prefix}{amount}{code}"


_HALF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}


_DURATION_PARTS = re.compile(
    r"P(?:(?P<Y>\d+)Y)?(?:(?P<MO>\d+)M)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<H>\d+)H)?(?:(?P<MI>\d+)M)?(?:(?P<S>\d+)S)?)?"
)
_PART_ORDER = ("Y", "MO", "D", "H", "MI", "S")


def join_durations(first: str, second: str) -> str | None:
    """One value for 'two years and three months' (P2Y + P3M -> P2Y3M), when every unit of the
    second is smaller than every unit of the first; else None."""
    a, b = _DURATION_PARTS.fullmatch(first), _DURATION_PARTS.fullmatch(second)
    if not a or not b or first in ("P", "PT") or second in ("P", "PT"):
        return None
    used_a = [i for i, k in enumerate(_PART_ORDER) if a[k]]
    used_b = [i for i, k in enumerate(_PART_ORDER) if b[k]]
    if not used_a or not used_b or max(used_a) >= min(used_b):
        return None
    parts = {k: a[k] or b[k] for k in _PART_ORDER}
    date_part = "".join(f"{parts[k]}{k[0]}" for k in ("Y", "MO", "D") if parts[k])
    time_part = "".join(f"{parts[k]}{k[0]}" for k in ("H", "MI", "S") if parts[k])
    return "P" + date_part + (f"T{time_part}" if time_part else "")
