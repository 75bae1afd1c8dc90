"""The demo data files as tests read them: the rows of a kind, and every personal value of the demo cases."""

from __future__ import annotations

from typing import Any

from phoihop.demo import read


def rows(name: str, kind: str) -> list[dict[str, Any]]:
    """The rows of one kind in `src/phoihop/demo/data/<name>.json`."""
    found: list[dict[str, Any]] = read(name)[kind]
    return found


# The demo cases: each with the requester's (fictitious) personal data under "person".
CASES = rows("cases", "cases.case")


def _personal_strings() -> tuple[str, ...]:
    values: list[str] = []
    for case in CASES:
        values += [str(value) for value in case["person"].values()]
        values.append(str(case["person"]["phone"]).replace(" ", ""))
    return tuple(values)


# Every personal value of the demo (phones also without spaces): none may ever appear in a log.
PERSONAL_STRINGS = _personal_strings()
