"""The code stays as STYLE.md asks: ruff-clean, ruff-formatted, mypy-clean on timeline/."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a tool in the repository root."""
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "args",
    [("ruff", "check", "."), ("ruff", "format", "--check", ".")],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff(args):
    assert shutil.which("ruff"), "ruff is installed with the test extras: pip install -e '.[test]'"
    result = run(*args)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy():
    result = run(sys.executable, "-m", "mypy", "timeline")
    assert result.returncode == 0, result.stdout + result.stderr
