"""One Settings object: time zone, limits, thresholds and the pinned dateparser settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a stage may be tuned by; stages read it, never the environment or the clock."""

    timezone: str = "UTC"
    languages: tuple[str, ...] = ("en",)
    max_article_bytes: int = 20_000_000  # larger inputs are rejected, not read
    merge_threshold: float = 55.0  # report similarity (0-100) from which two reports merge
    merge_window_days: int = 2  # days either side of an interval to look for the same event
    min_confidence: float = 0.5  # guessed publication dates below this are not used
    workers: int = 1  # extraction processes

    def dateparser_settings(self, base: datetime) -> dict[str, Any]:
        """dateparser settings pinned so results do not depend on the machine or the day."""
        return {
            "TIMEZONE": self.timezone,
            "TO_TIMEZONE": self.timezone,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": base.replace(tzinfo=None),
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": [],
            "DATE_ORDER": "MDY",
            "PARSERS": ["relative-time", "absolute-time"],
        }


DEFAULT = Settings()
