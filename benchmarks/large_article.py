"""Time to read one very large article: its dates and events, on one process.

    python benchmarks/large_article.py [--sizes 100,250,500]

The article is the TimeBank and AQUAINT texts of benchmarks/data/tempeval3 run together up to
SIZE kilobytes (at most their 520 KB: a text repeating itself reads as headlines repeated in
the body), published 2000-01-15. Real articles are
a few kilobytes; this shows how the time grows when someone feeds in a book-length file (the
size limit is 20 MB). Each row: size, events and links found, seconds
(best of 2).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.models import Article  # noqa: E402
from timeline.pipeline import extract_article  # noqa: E402
from timeline.settings import DEFAULT  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "tempeval3" / "train"


def corpus_text() -> str:
    """The TEXT of every training document, tags stripped, one paragraph each."""
    parts = []
    for path in sorted(DATA.glob("*/*.tml")):
        m = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if m:
            parts.append(" ".join(re.sub(r"<[^>]+>", "", m.group(1)).split()))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,250,500", help="kilobytes, comma-separated")
    args = parser.parse_args()
    base = corpus_text()
    print(f"{'KB':>6} {'events':>7} {'links':>6} {'seconds':>8}")
    for kb in (int(x) for x in args.sizes.split(",")):
        if kb * 1000 > len(base):
            parser.error(f"{kb} KB: the corpus has only {len(base) // 1000} KB")
        text = base[: kb * 1000]
        article = Article(
            id=f"big{kb}",
            path=f"big{kb}.txt",
            text=text,
            published=datetime(2000, 1, 15, tzinfo=UTC),
        )
        best, events, links = float("inf"), 0, 0
        for _ in range(2):
            start = time.perf_counter()
            found, linked = extract_article(article, DEFAULT)
            best = min(best, time.perf_counter() - start)
            events, links = len(found), len(linked)
        print(f"{kb:>6} {events:>7,} {links:>6,} {best:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
