"""In Chromium: an officer uploads a large file; the page shows the progress bar of the background import, polls it,
and lands on the result ("Đã nhập … dòng") once the worker has written the file. The test plays the worker: tasks
are only queued (DummyBackend) and the test runs the queued job while the page polls."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.registry import spreadsheets
from phoihop.spreadsheets.tasks import run_import_job
from tests.browser.pages import open_page, sign_in
from tests.spreadsheets.helpers import xlsx

pytestmark = pytest.mark.browser
T = TypeVar("T")


def off_the_loop(work: Callable[[], T]) -> T:
    """The database from a plain thread: Playwright's sync API runs an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def ours() -> int:
    return Enterprise.objects.filter(name__startswith="Công ty TNHH Nền").count()


def run_the_queued_job() -> None:
    run_import_job(ImportBatch.objects.get(status=ImportBatch.Status.QUEUED).pk)


def test_a_large_upload_shows_its_progress_then_its_result(
    live_server: Any, committed_demo: LoadReport, chromium_path: str, tmp_path: Path, settings: Any
) -> None:
    from playwright.sync_api import expect

    settings.PHOIHOP_IMPORT_BACKGROUND_ROWS = 50
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    rows = [
        {"name": f"Công ty TNHH Nền {i}", "tax_code": f"{5100000000 + i}", "ownership": "Doanh nghiệp trong nước"}
        for i in range(300)
    ]
    large = tmp_path / "lon.xlsx"
    large.write_bytes(xlsx(kind, rows))
    with open_page(chromium_path) as page:
        sign_in(page, live_server.url, "bqlkkt.canbo")
        page.goto(live_server.url + "/excel/directory.enterprise/nhap/")
        page.get_by_label("Tệp Excel").set_input_files(str(large))
        page.get_by_role("button", name="Tải lên và kiểm tra").click()
        progress = page.locator("#result progress")
        expect(progress).to_be_visible()
        expect(page.locator("#result")).to_contain_text("Đang chờ xử lý")
        expect(page.locator("#result")).to_contain_text("300 dòng")
        assert off_the_loop(ours) == 0

        off_the_loop(run_the_queued_job)  # the worker's turn

        expect(page.locator("#result")).to_contain_text("Đã nhập 300 dòng: 300 bản ghi mới")
        expect(progress).to_have_count(0)
        assert off_the_loop(ours) == 300
