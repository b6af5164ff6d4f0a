"""The machine's time zone never changes a result (dateparser's defaults follow the machine)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).parent / "data" / "seeds"


def export_under(tz: str, tmp_path: Path) -> str:
    """Build the seeds in a process whose local time zone is `tz`; return the JSON export."""
    env = dict(os.environ, TZ=tz)
    store, html = tmp_path / f"{tz.replace('/', '_')}.db", tmp_path / "t.html"
    run = [sys.executable, "-m", "timeline"]
    subprocess.run(
        [*run, "build", str(SEEDS), "--store", str(store), "--out", str(html)],
        check=True,
        env=env,
        capture_output=True,
        timeout=300,
    )
    return subprocess.run(
        [*run, "export", "--store", str(store)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def test_exports_are_identical_in_every_time_zone(tmp_path):
    utc = export_under("UTC", tmp_path)
    assert '"value": "2022-01-12"' in utc
    for tz in ("Pacific/Kiritimati", "America/Los_Angeles"):
        assert export_under(tz, tmp_path) == utc, tz
