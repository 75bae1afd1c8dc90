"""Browser tests: Playwright driving the Chromium already on the machine (Debian's package), never a download. The
plain functions (sign_in, phone_page, PHONE…) are in tests/browser/pages.py, for the browser tests of every app."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.pages import DESK, SKIP_MESSAGE, find_chromium, open_page


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        # CI installs Chromium and sets PHOIHOP_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
        if os.environ.get("PHOIHOP_REQUIRE_BROWSER") == "1":
            pytest.fail("PHOIHOP_REQUIRE_BROWSER=1 nhưng không tìm thấy Chromium / but no Chromium was found")
        pytest.skip(SKIP_MESSAGE)
    return path


@pytest.fixture
def browser_page(chromium_path: str) -> Iterator[Any]:
    """A fresh Chromium page in Vietnamese at a desk's width. Set up the data before asking for it: the test then
    talks to the server only through the browser, never to the database from inside Playwright's event loop."""
    with open_page(chromium_path, viewport=DESK) as page:
        yield page
