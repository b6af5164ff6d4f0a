"""TempEval-3 Task A benchmark: our temporal tagger vs plain dateparser.search_dates.

Usage:
    python benchmarks/tempeval3.py [FOLDER ...] [--baseline-limit N] [--errors N] [--half A|B]

Each FOLDER holds TimeML (.tml) files with gold TIMEX3s; by default, in benchmarks/data/tempeval3:
  train/TimeBank      development: rules are written and errors read here
  train/AQUAINT       held out: no rule was written from its errors
  test/te3-platinum   the TempEval-3 test set (20 documents, 138 TIMEX3s), never inspected:
                      --errors does not print its errors, so tuning to it takes intent
Prints strict/relaxed extent F1, value F1 and type F1, overall and by type, and documents
per second, for our tagger and for plain dateparser.search_dates.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.settings import DEFAULT  # noqa: E402
from timeline.timeml import TimeMLDoc, Timex, read_file, read_timeml, tag_text, to_timex  # noqa: E402
from timeline.timeml_score import Report, add_document, format_report, match  # noqa: E402

ROOT = Path(__file__).resolve().parent / "data" / "tempeval3"  # copies in the repo
DATA = ROOT / "train"
TEST = ROOT / "test" / "te3-platinum"


def load(folder: Path, half: str = "") -> list[TimeMLDoc]:
    """Every TimeML document of a folder, or its first (A) / second (B) half by file name."""
    paths = sorted(folder.glob("*.tml"))
    mid = (len(paths) + 1) // 2
    paths = {"A": paths[:mid], "B": paths[mid:]}.get(half, paths)
    return [read_timeml(read_file(p), str(p)) for p in paths]


def ours(doc: TimeMLDoc) -> list[Timex]:
    """Our TIMEX3s for a document."""
    return [to_timex(e) for e in tag_text(doc.text, doc.dct, DEFAULT)]


def baseline(doc: TimeMLDoc) -> list[tuple[str, datetime]]:
    """Plain dateparser.search_dates with the creation time as RELATIVE_BASE (the timed part)."""
    from dateparser.search import search_dates

    settings = DEFAULT.dateparser_settings(doc.dct)
    return search_dates(doc.text, languages=["en"], settings=settings) or []


def baseline_timexes(doc: TimeMLDoc, found: list[tuple[str, datetime]]) -> list[Timex]:
    """The baseline's phrases as TIMEX3s (untimed), each value written at the precision
    dateparser reports for the phrase (year, month, week or day), as a fair user would."""
    from dateparser.date import DateDataParser

    periods = DateDataParser(languages=["en"], settings=DEFAULT.dateparser_settings(doc.dct))
    out: list[Timex] = []
    pos = 0
    for phrase, when in found:
        start = doc.text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        timed = (when.hour, when.minute, when.second) != (0, 0, 0)
        period = periods.get_date_data(phrase).period
        if timed:
            value = when.strftime("%Y-%m-%dT%H:%M")
        elif period == "year":
            value = f"{when.year:04d}"
        elif period == "month":
            value = when.strftime("%Y-%m")
        elif period == "week":
            iso = when.isocalendar()
            value = f"{iso[0]:04d}-W{iso[1]:02d}"
        else:
            value = when.date().isoformat()
        out.append(Timex(start, pos, "TIME" if timed else "DATE", value, phrase))
    return out


def run(
    docs: list[TimeMLDoc], tagger, errors: int = 0, repeat: int = 1, finish=None
) -> tuple[Report, float]:  # type: ignore[no-untyped-def]
    """Score a tagger over documents; time only the tagging (best of `repeat` runs)."""
    best = float("inf")
    for _ in range(repeat - 1):
        best = min(best, _run(docs, tagger, 0)[1])
    report, seconds = _run(docs, tagger, errors, finish)
    return report, min(best, seconds)


def _run(docs: list[TimeMLDoc], tagger, errors: int, finish=None) -> tuple[Report, float]:  # type: ignore[no-untyped-def]
    """One scored, timed pass; `finish` turns the tagger's raw output into TIMEX3s, untimed."""
    report = Report()
    seconds = 0.0
    shown = 0
    for doc in docs:
        t0 = time.perf_counter()
        system = tagger(doc)
        seconds += time.perf_counter() - t0
        if finish is not None:
            system = finish(doc, system)
        add_document(report, list(doc.timexes), system)
        if shown < errors:
            shown += show_errors(doc, system, errors - shown)
    return report, seconds


def show_errors(doc: TimeMLDoc, system: list[Timex], limit: int) -> int:
    """Print misses, false alarms and wrong values of one document (for development)."""
    pairs = match(list(doc.timexes), system)
    hit_g = {id(g) for g, _ in pairs}
    hit_s = {id(s) for _, s in pairs}
    lines = [f"MISS  {g.type:8} {g.value:14} {g.text!r}" for g in doc.timexes if id(g) not in hit_g]
    lines += [f"FALSE {s.type:8} {s.value:14} {s.text!r}" for s in system if id(s) not in hit_s]
    lines += [
        f"VALUE {g.value:14} got {s.value:14} {g.text!r} / {s.text!r}"
        for g, s in pairs
        if g.value.upper() != s.value.upper()
    ]
    name = Path(doc.name).name
    for line in lines[:limit]:
        print(f"{name} {doc.dct.date()} {line}")
    return min(len(lines), limit)


def main() -> None:
    """Run both taggers over each folder and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "folders", nargs="*", type=Path, default=[DATA / "TimeBank", DATA / "AQUAINT", TEST]
    )
    ap.add_argument(
        "--baseline-limit", type=int, default=0, help="baseline on the first N docs only"
    )
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of ours")
    ap.add_argument(
        "--half", choices=("A", "B"), default="", help="first or second half by file name"
    )
    ap.epilog = "Timings: tagging only (parsing excluded); ours is the best of 3 runs."
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    for folder in args.folders:
        docs = load(folder, args.half)
        test_set = folder.resolve().parent.name == "test"
        if test_set and args.errors:
            print(f"{folder.name}: a test set, its errors are not printed (--errors ignored)")
        report, seconds = run(docs, ours, 0 if test_set else args.errors, repeat=3)
        name = f"{folder.name}{' half ' + args.half if args.half else ''}"
        print(format_report(f"{name}: timeline.temporal", report, seconds))
        if not args.no_baseline:
            subset = docs[: args.baseline_limit] if args.baseline_limit else docs
            base, base_s = run(subset, baseline, finish=baseline_timexes)
            print(format_report(f"{name}: dateparser.search_dates", base, base_s))
            ours_sub, ours_s = run(subset, ours, repeat=3)
            speed = (base_s / base.docs) / (ours_s / ours_sub.docs) if ours_s else float("inf")
            print(f"  speed-up over search_dates on the same {base.docs} docs: {speed:.1f}x")
        print()


if __name__ == "__main__":
    main()
