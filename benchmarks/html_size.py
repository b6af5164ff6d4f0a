"""Size and render time of the HTML timeline for N events (N real-looking events, 3 sources each).

    python benchmarks/html_size.py [--sizes 1000,5000,20000]

Events are synthetic but shaped like real ones: a 10-word title, three mentions each with a
350-character sentence, one in five a month-long span, one causal link per five events, spread
over eight years, 40 actors, 12 outlets. Prints a table of N, seconds to render, HTML MB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.models import Article, Event, EventLink, Granularity, Mention  # noqa: E402
from timeline.render import render_html  # noqa: E402

SENTENCE = (
    "Officials said on Wednesday that the talks had ended without agreement, and that "
    "further meetings would be needed before any decision on the disputed points. "
) * 2


def corpus(n: int) -> tuple[list[Event], list[EventLink], dict[str, Article]]:
    """n events, their links and 200 articles."""
    arts = {f"a{i}": Article(f"a{i}", f"x/{i}.txt", "", datetime(2020, 1, 1), "manifest", 1.0,
                             f"Outlet {i % 12}") for i in range(200)}  # fmt: skip
    events = []
    for i in range(n):
        start = date(2015, 1, 1) + timedelta(days=(i * 37) % 3000)
        month = i % 5 == 0
        end = start + timedelta(days=30) if month else start
        mentions = tuple(
            Mention(f"a{(i + k) % 200}", 1, SENTENCE, "on Wednesday", 0, 12, start.isoformat(),
                    "weekday", "2020-01-01")
            for k in range(3)
        )  # fmt: skip
        title = f"Ministers of {i % 40} states met to discuss the {i}th plan"
        gran = Granularity.MONTH if month else Granularity.DAY
        events.append(Event(f"e{i}", title, start.isoformat(), gran, start, end,
                            actors=(f"Actor {i % 40}",), mentions=mentions))  # fmt: skip
    links = [EventLink(f"e{i}", f"e{(i * 7 + 1) % n}", "causes", "in response to", "a0")
             for i in range(0, n, 5)]  # fmt: skip
    return events, links, arts


def main() -> None:
    """Render each size once and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()
    print("|      N | render s | HTML MB |\n|-------:|---------:|--------:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            events, links, arts = corpus(n)
            t0 = time.perf_counter()
            out = render_html(events, links, arts, Path(tmp) / f"t{n}.html")
            seconds = time.perf_counter() - t0
            print(f"| {n:6d} | {seconds:8.2f} | {out.stat().st_size / 1e6:7.1f} |")


if __name__ == "__main__":
    main()
