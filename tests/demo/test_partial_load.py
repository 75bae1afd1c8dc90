"""`load_demo(only=[...])`: a test that needs part of the demo loads just those files, in their order. (Apart from
test_data_files.py, whose module-wide demo would already hold these records.)"""

from __future__ import annotations

from phoihop.demo.loader import load_demo


def test_part_of_the_set_loads_alone(db: None) -> None:
    """A test that needs the directory and the plan loads just those files, in their order."""
    report = load_demo(only=["directory", "planning"])
    assert set(report.created) == {
        "directory.agency",
        "accounts.user",
        "directory.zone",
        "directory.enterprise",
        "planning.document",
        "planning.programme",
        "planning.plan",
        "planning.area",
        "planning.item",
        "planning.carry_over",
    }
