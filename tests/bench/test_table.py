"""The benchmarks' shared table: one line per row with floor, subject, ratio, target and a yes/NO a reader can trust."""

from __future__ import annotations

from bench.table import Row, format_table, timed_pair


def test_each_row_shows_floor_subject_ratio_target_and_pass() -> None:
    text = format_table(
        "search",
        [
            Row("search p95", 4.0, 60.0, "ms", "≤ 50 ms", False),
            Row("recall: wrong rows", None, 0.0, "rows", "0", True, "50 queries"),
        ],
    )
    header, slow, recall = text.splitlines()
    assert header.split()[:4] == ["search", "floor", "subject", "unit"]
    assert slow.split() == ["search", "p95", "4.0", "60.0", "ms", "15.00", "≤", "50", "ms", "NO"]
    assert recall.split()[-4:] == ["0", "yes", "(50", "queries)"]


def test_the_sides_are_interleaved_and_each_timed_every_round() -> None:
    calls: list[str] = []
    floors, subjects = timed_pair(lambda: calls.append("floor"), lambda: calls.append("subject"), rounds=5)
    assert calls == ["floor", "subject"] * 5
    assert len(floors) == len(subjects) == 5
