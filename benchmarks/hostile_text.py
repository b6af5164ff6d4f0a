"""Date tagging time on hostile text: one phrase repeated N times, no sentence punctuation.

    python benchmarks/hostile_text.py [--repeat 20000]

Real articles have sentences of a few hundred characters; text without full stops makes every
look-around (tense cues, sentence bounds) span its 400-character maximum, and text made of
nothing but dates gives the tagger one match per word. Each row is one such text: the phrase,
the number of expressions found, and the seconds `find_expressions` took (best of 2).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.temporal import find_expressions  # noqa: E402

PHRASES = (
    "Monday ",
    "Friday night ",
    "March 3 ",
    "last year ",
    "three days ",
    "now ",
    "the 1990s ",
    "overnight ",
    "2012 ",
    "said ",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20_000, help="copies of each phrase")
    args = parser.parse_args()
    published = datetime(2013, 3, 22)
    print(f"{'phrase':<16} {'chars':>9} {'found':>7} {'seconds':>8}")
    for phrase in PHRASES:
        text = phrase * args.repeat
        best, found = float("inf"), 0
        for _ in range(2):
            start = time.perf_counter()
            found = len(find_expressions(text, published))
            best = min(best, time.perf_counter() - start)
        print(f"{phrase.strip()!r:<16} {len(text):>9,} {found:>7,} {best:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
