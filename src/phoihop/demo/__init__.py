"""The Hai Phong 2023 demo data set: one JSON file per module under `data/`, read by `loader.py`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@cache
def read(module: str) -> dict[str, Any]:
    """The demo data of one module (`data/<module>.json`), keyed by the names the loader uses."""
    with (DATA_DIR / f"{module}.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data
