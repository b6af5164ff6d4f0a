"""TempEval-3 Task A scoring of TIMEX3s: strict/relaxed extent F1, value F1 and type F1.

Relaxed match = any character overlap, one-to-one; value/type F1 count a system TIMEX3 as right
when it relaxed-matches a gold one with the same value/type (P over system, R over gold).
Shared by the benchmark and the regression tests so both report the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from timeline.timeml import Timex

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(slots=True)
class Tally:
    """Counts for one slice; precision counts system items, recall counts gold items."""

    gold: int = 0
    system: int = 0
    strict_p: int = 0
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    value_p: int = 0
    value_r: int = 0
    type_p: int = 0
    type_r: int = 0

    def f1(self, what: str) -> float:
        """F1 of strict | relaxed | value | type."""
        p = getattr(self, f"{what}_p") / self.system if self.system else 0.0
        r = getattr(self, f"{what}_r") / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def pr(self, what: str) -> tuple[float, float]:
        """(precision, recall) of strict | relaxed | value | type."""
        p = getattr(self, f"{what}_p") / self.system if self.system else 0.0
        r = getattr(self, f"{what}_r") / self.gold if self.gold else 0.0
        return p, r


@dataclass(slots=True)
class Report:
    """Overall tally and one per TIMEX3 type (gold type for recall, system type for precision)."""

    overall: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TYPES})
    docs: int = 0


def norm_value(value: str) -> str:
    """Value as compared: upper case, no surrounding space."""
    return value.strip().upper()


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matching: exact spans first, then largest overlap."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                pairs.append((0 if exact else 1, -overlap, gi * 100_000 + si))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, _, key in pairs:
        gi, si = divmod(key, 100_000)
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return out


def add_document(report: Report, gold: Sequence[Timex], system: Sequence[Timex]) -> None:
    """Add one document's gold and system TIMEX3s to a report."""
    report.docs += 1
    slices = [(report.overall, None)] + [(t, name) for name, t in report.by_type.items()]
    for tally, typ in slices:
        tally.gold += sum(1 for g in gold if typ in (None, g.type))
        tally.system += sum(1 for s in system if typ in (None, s.type))
    for g, s in match(gold, system):
        strict = (g.start, g.end) == (s.start, s.end)
        value_ok = norm_value(g.value) == norm_value(s.value)
        type_ok = g.type == s.type
        for tally, typ in slices:
            if typ in (None, s.type):
                tally.relaxed_p += 1
                tally.strict_p += strict
                tally.value_p += value_ok
                tally.type_p += type_ok
            if typ in (None, g.type):
                tally.relaxed_r += 1
                tally.strict_r += strict
                tally.value_r += value_ok
                tally.type_r += type_ok


def score(pairs: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> Report:
    """A report over (gold, system) pairs, one pair per document."""
    report = Report()
    for gold, system in pairs:
        add_document(report, gold, system)
    return report


def format_report(title: str, report: Report, seconds: float) -> str:
    """A plain-text table: rows overall and by type, columns the four F1s, counts, docs/s."""
    rate = report.docs / seconds if seconds > 0 else float("inf")
    lines = [
        f"{title}  ({report.docs} docs, {seconds:.2f} s, {rate:.1f} docs/s)",
        f"  {'':9} {'strict':>7} {'relaxed':>7} {'value':>7} {'type':>7}"
        f" {'rel.P':>6} {'rel.R':>6} {'gold':>5} {'sys':>5}",
    ]
    rows = [("overall", report.overall)] + list(report.by_type.items())
    for name, t in rows:
        p, r = t.pr("relaxed")
        lines.append(
            f"  {name:9} {t.f1('strict'):7.3f} {t.f1('relaxed'):7.3f} {t.f1('value'):7.3f}"
            f" {t.f1('type'):7.3f} {p:6.3f} {r:6.3f} {t.gold:5d} {t.system:5d}"
        )
    return "\n".join(lines)
