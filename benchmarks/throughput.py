"""Throughput of build, add and render on real news text, against plain dateparser.search_dates.

    python benchmarks/throughput.py [--sizes 200,1000] [--workers 2] [--out-dir DIR]
                                    [--corpus DIR ...] [--sample 200] [--raw-sample 40]

The corpus is N news documents: the TEXT of the TimeML files in the corpus folders (published at
their CREATION_TIME), repeated with a "[copy K]" marker so every copy has its own content id.
Each size runs in a fresh interpreter (spawned), so its peak memory is its own:
  build   add_articles() of the N articles into a fresh store (articles/s; CPU time of the main
          process, which merges and writes serially; peak RSS of the main process and of the
          largest extraction worker, from getrusage ru_maxrss)
  add     add_articles() of one new article into that store of N
  render  read the store and render_html() it, as `timeline build` does (s, HTML MB)
The reference is dateparser.search.search_dates(text, settings={'RELATIVE_BASE': published})
in one process: as written ("raw", which detects the language of every text) and with
languages=['en'] (what the pipeline itself assumes). Both are timed on the first documents of
the corpus (--raw-sample, --sample) and extrapolated per document to N; the table says so.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.ingest import content_id, normalize_text  # noqa: E402
from timeline.models import Article  # noqa: E402
from timeline.pipeline import add_articles  # noqa: E402
from timeline.render import render_html  # noqa: E402
from timeline.settings import Settings  # noqa: E402
from timeline.store import Store  # noqa: E402
from timeline.timeml import read_file, read_timeml  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "tempeval3" / "train"  # a copy in the repo
DEFAULT_CORPUS = (DATA / "TimeBank", DATA / "AQUAINT")


@dataclass(frozen=True, slots=True)
class Doc:
    """One source document: where it came from, its text and creation time (naive, UTC)."""

    name: str
    text: str
    published: datetime


@dataclass(frozen=True, slots=True)
class SizeResult:
    """What one size measured."""

    n: int
    build_s: float
    main_cpu_s: float
    added: int
    events: int
    links: int
    rss_main_mb: float
    rss_worker_mb: float
    add_s: float
    render_s: float
    html_mb: float


def read_docs(folders: Sequence[Path]) -> list[Doc]:
    """Every TimeML document of the folders, in name order: TEXT without tags, CREATION_TIME."""
    docs = []
    for folder in folders:
        for path in sorted(folder.glob("*.tml")):
            tml = read_timeml(read_file(path), str(path))
            docs.append(Doc(f"{folder.name}/{path.name}", normalize_text(tml.text), tml.dct))
    if not docs:
        raise SystemExit(f"no .tml files in {', '.join(map(str, folders))}")
    return docs


def make_article(doc: Doc, text: str, path: str) -> Article:
    """An Article as ingest would make it: content-hash id, explicit UTC publication time."""
    text = normalize_text(text)
    return Article(
        id=content_id(text),
        path=path,
        text=text,
        published=doc.published.replace(tzinfo=UTC),
        published_source="timeml creation time",
        published_confidence=1.0,
        outlet=doc.name.split("/", 1)[0],
        title=text.split("\n", 1)[0][:120],
    )


def corpus(docs: Sequence[Doc], n: int) -> list[Article]:
    """N articles: the documents in order, then again as copies marked "[copy K]"."""
    out = []
    for i in range(n):
        doc, copy = docs[i % len(docs)], i // len(docs)
        text = doc.text if copy == 0 else f"{doc.text}\n[copy {copy}]"
        out.append(make_article(doc, text, f"{doc.name}#{copy}"))
    return out


def _rss_mb(who: int) -> float:
    """Peak resident set size (ru_maxrss is in KiB on Linux) in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds this process has used (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_size(n: int, workers: int, folders: Sequence[Path], out_dir: Path) -> SizeResult:
    """Build a fresh store of N articles, add one more, render it; time each step."""
    docs = read_docs(folders)
    articles = corpus(docs, n)
    settings = Settings(workers=workers)
    db = out_dir / f"store-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with Store.open(db) as store:
        t0, cpu0 = time.perf_counter(), _cpu_s()
        report = add_articles(articles, store, settings)
        build_s, main_cpu_s = time.perf_counter() - t0, _cpu_s() - cpu0
        rss_main, rss_worker = _rss_mb(resource.RUSAGE_SELF), _rss_mb(resource.RUSAGE_CHILDREN)
        new = make_article(docs[n % len(docs)], docs[n % len(docs)].text + "\n[new]", "new")
        t0 = time.perf_counter()
        add_articles([new], store, settings)
        add_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        by_id = {a.id: a for a in store.articles()}
        html = render_html(store.events(), store.links(), by_id, out_dir / f"timeline-{n}.html")
        render_s = time.perf_counter() - t0
    return SizeResult(
        n, build_s, main_cpu_s, report.articles_added, report.events, report.links, rss_main,
        rss_worker if workers > 1 else 0.0, add_s, render_s, html.stat().st_size / 1e6,
    )  # fmt: skip


def _child(n: int, workers: int, folders: list[Path], out_dir: Path, queue: Any) -> None:
    """Entry point of the spawned process that measures one size."""
    warnings.filterwarnings("ignore")
    queue.put(measure_size(n, workers, folders, out_dir))


def measure_fresh(n: int, workers: int, folders: list[Path], out_dir: Path) -> SizeResult:
    """measure_size() in a new interpreter, so peak memory belongs to this size alone."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(n, workers, folders, out_dir, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def search_dates_rate(docs: Sequence[Doc], languages: list[str] | None) -> float:
    """Documents per second of search_dates(text, settings={'RELATIVE_BASE': published})."""
    from dateparser.search import search_dates

    search_dates("He left on Monday, 3 March 2021.", languages=languages)  # load data first
    times = []
    for doc in docs:
        t0 = time.perf_counter()
        search_dates(doc.text, languages=languages, settings={"RELATIVE_BASE": doc.published})
        times.append(time.perf_counter() - t0)
    return len(times) / sum(times)


def md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A markdown table: numeric columns right-aligned, text columns left-aligned."""
    body = [[str(c) for c in row] for row in rows]
    cells = [list(map(str, header)), *body]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    right = [all(_numeric(r[i]) for r in body) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        """One table row, padded."""
        padded = (
            c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    dashes = (
        "-" * (w + 1) + ":" if r else "-" * (w + 2) for w, r in zip(widths, right, strict=True)
    )
    rule = "|" + "|".join(dashes) + "|"
    return "\n".join([line(cells[0]), rule, *map(line, body)])


def _numeric(cell: str) -> bool:
    """True for cells such as 12, 3.4, 0.96x and -."""
    return cell == "-" or cell.rstrip("x").replace(".", "", 1).isdigit()


def pipeline_table(results: Sequence[SizeResult], workers: int) -> str:
    """The build/add/render table."""
    header = ["N", "workers", "build s", "build docs/s", "main CPU s", "events", "links",
              "peak RSS main MB", "peak RSS worker MB", "add 1 article s", "render s",
              "HTML MB"]  # fmt: skip
    return md_table(header, [_pipeline_row(r, workers) for r in results])


def _pipeline_row(r: SizeResult, workers: int) -> list[object]:
    """One size's row of the pipeline table."""
    worker_mb = f"{r.rss_worker_mb:.0f}" if workers > 1 else "-"
    return [r.n, workers, f"{r.build_s:.1f}", f"{r.added / r.build_s:.1f}",
            f"{r.main_cpu_s:.1f}", r.events, r.links, f"{r.rss_main_mb:.0f}", worker_mb,
            f"{r.add_s:.2f}", f"{r.render_s:.2f}", f"{r.html_mb:.1f}"]  # fmt: skip


def reference_table(
    results: Sequence[SizeResult], rates: Sequence[tuple[str, int, float]]
) -> tuple[str, list[str]]:
    """The search_dates table and one ratio line per size and variant."""
    header = ["N", "search_dates", "timed on", "docs/s", "s for N (est.)", "pipeline ÷ it"]
    rows, ratios = [], []
    for r in results:
        ours = r.added / r.build_s
        for label, sample, rate in rates:
            timed = f"first {sample} docs" + ("" if sample == r.n else ", per-doc rate x N")
            rows.append([r.n, label, timed, f"{rate:.1f}", f"{r.n / rate:.1f}",
                         f"{ours / rate:.2f}x"])  # fmt: skip
            ratios.append(
                f"N={r.n}: pipeline {ours:.1f} docs/s ÷ search_dates {label} {rate:.1f} docs/s"
                f" = {ours / rate:.2f}"
            )
    return md_table(header, rows), ratios


def main() -> None:
    """Measure every size, then the search_dates reference, and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="200,1000", help="corpus sizes, comma-separated")
    ap.add_argument("--workers", type=int, default=2, help="extraction processes for build/add")
    ap.add_argument("--out-dir", type=Path, default=None, help="stores and HTML (default: temp)")
    ap.add_argument("--corpus", type=Path, nargs="+", default=list(DEFAULT_CORPUS))
    ap.add_argument("--sample", type=int, default=200, help="docs for search_dates(en)")
    ap.add_argument("--raw-sample", type=int, default=40, help="docs for raw search_dates")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    out_dir = args.out_dir or Path(tempfile.mkdtemp(prefix="timeline-throughput-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = read_docs(args.corpus)
    chars = statistics.mean(len(d.text) for d in docs)
    print(f"corpus: {len(docs)} TimeML documents ({chars:.0f} chars each on average) from "
          f"{', '.join(map(str, args.corpus))}; output in {out_dir}", flush=True)  # fmt: skip
    results = []
    for n in sizes:
        results.append(measure_fresh(n, args.workers, args.corpus, out_dir))
        print(f"  N={n} done", flush=True)
    base = [_doc_of(a) for a in corpus(docs, max(args.sample, args.raw_sample))]
    rates = [
        ("raw", min(args.raw_sample, len(base)), search_dates_rate(base[: args.raw_sample], None)),
        ("languages=['en']", min(args.sample, len(base)),
         search_dates_rate(base[: args.sample], ["en"])),
    ]  # fmt: skip
    table, ratios = reference_table(results, rates)
    print(f"\n## Pipeline (add_articles, --workers {args.workers})\n")
    print(pipeline_table(results, args.workers))
    print("\n## Reference: dateparser.search.search_dates, one process\n")
    print(table)
    print("\n## Ratios (pipeline docs/s ÷ search_dates docs/s)\n")
    print("\n".join(ratios))
    print(
        f"\nThe pipeline rate is the whole build on {args.workers} worker(s): process start-up,"
        " extraction, merging and the store write; search_dates runs in this one process."
    )


def _doc_of(article: Article) -> Doc:
    """The text and naive publication time search_dates gets for an article."""
    assert article.published is not None
    return Doc(article.path, article.text, article.published.replace(tzinfo=None))


if __name__ == "__main__":
    main()
