"""One table for every benchmark: each measurement is a row with its floor (the same work without the feature, or
the bare baseline), the subject, their ratio, the target and whether it is met.

    from bench.table import Row, print_table, timed_pair
    floor, subject = timed_pair(bare, feature, rounds=5)          # interleaved, medians
    print_table("search (100.000)", [Row("search p95", floor, subject, "ms", "≤ 50 ms", subject <= 50)])

`floor` may be None where there is nothing to compare with (a recall, a query count); `note` says more on the
line. Nothing here touches the database: modules import it before or after Django is set up."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class Row:
    name: str
    floor: float | None
    subject: float
    unit: str
    target: str
    ok: bool
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.floor:
            return None
        return self.subject / self.floor


def format_table(title: str, rows: list[Row]) -> str:
    """The rows under a header: name, floor, subject, unit, ratio, target, pass ("yes"/"NO") and the note."""
    lines = [f"{title:<36}{'floor':>10}{'subject':>10} {'unit':<6}{'ratio':>7}  {'target':<22}pass"]
    for row in rows:
        floor = "" if row.floor is None else f"{row.floor:.1f}"
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        line = f"{row.name:<36}{floor:>10}{row.subject:>10.1f} {row.unit:<6}{ratio:>7}  {row.target:<22}"
        line += "yes" if row.ok else "NO"
        lines.append(line + (f"  ({row.note})" if row.note else ""))
    return "\n".join(lines)


def print_table(title: str, rows: list[Row]) -> None:
    print("\n" + format_table(title, rows), flush=True)


def timed_pair(
    floor: Callable[[], object], subject: Callable[[], object], rounds: int = 5
) -> tuple[list[float], list[float]]:
    """Seconds of each side over `rounds` rounds, the sides interleaved (floor, subject, floor, …) so that a change
    in the machine's load falls on both. Take `median()` of each list."""
    floors: list[float] = []
    subjects: list[float] = []
    for _ in range(rounds):
        for fn, times in ((floor, floors), (subject, subjects)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return floors, subjects


def median_ms(times: list[float]) -> float:
    return median(times) * 1000
