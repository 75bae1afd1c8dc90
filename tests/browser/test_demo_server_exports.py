"""What `make demo` starts, met from outside: `phoihop serve` runs the web server and the task worker as one
command, so a report exported from the report page in Chromium finishes without any other command; Ctrl-C (SIGINT)
stops both processes. The server runs as its own process on a fresh SQLite database under a temporary var/, exactly
as `make demo` runs it (migrate, load_demo, serve)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser.pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.outside_in]

PHOIHOP = [sys.executable, "-m", "config.manage"]


@dataclass
class DemoServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def worker_pid(self) -> int:
        match = re.search(r"Tiến trình tác vụ nền đã chạy \(pid (\d+)\)", self.log.read_text())
        assert match, self.log.read_text()
        return int(match.group(1))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped by its parent) counts as ended.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z"))


@pytest.fixture
def demo_server(tmp_path: Path) -> Iterator[DemoServer]:
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", PHOIHOP_VAR_DIR=str(tmp_path / "var"), DEBUG="1")
    for step in (["migrate", "--noinput"], ["load_demo"]):
        done = subprocess.run(  # noqa: S603 - our own interpreter and command
            PHOIHOP + step, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [*PHOIHOP, "serve", f"127.0.0.1:{port}"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = DemoServer(url=f"http://127.0.0.1:{port}", process=process, log=log)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(server.url + "/tai-khoan/dang-nhap/", timeout=2)  # noqa: S310 - our own server
            break
        except OSError:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
    try:
        yield server
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_make_demo_runs_the_worker_so_an_export_finishes_and_ctrl_c_stops_both(
    demo_server: DemoServer, browser_page: Any
) -> None:
    from playwright.sync_api import expect

    # The address printed is the one served, whatever the port.
    assert f"Mở / Open {demo_server.url}/" in demo_server.log.read_text()
    worker = demo_server.worker_pid()
    assert alive(worker)

    page = browser_page
    sign_in(page, demo_server.url, "bdvtu.thuky")
    page.goto(demo_server.url + "/bao-cao/")
    page.get_by_role("link", name=re.compile("2023")).first.click()
    expect(page.get_by_role("heading", name="Xuất văn bản")).to_be_visible()

    page.get_by_role("button", name="Word (.docx)").click()
    # The job appears at once, then the worker takes it and the page, polling, offers the file.
    download_link = page.locator("#jobs").get_by_role("link", name=re.compile(r"Tải về .*\.docx"))
    expect(download_link).to_be_visible(timeout=60_000)
    expect(page.locator("[data-testid=worker-missing]")).to_have_count(0)
    with page.expect_download() as download_info:
        download_link.click()
    saved = Path(download_info.value.path())
    assert saved.read_bytes()[:2] == b"PK"  # a real .docx (a zip)

    # Ctrl-C in the terminal: the server stops, and the worker with it.
    demo_server.process.send_signal(signal.SIGINT)
    assert demo_server.process.wait(timeout=20) == 0
    deadline = time.monotonic() + 15
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(worker)
    assert "Đã dừng tiến trình tác vụ nền" in demo_server.log.read_text()
