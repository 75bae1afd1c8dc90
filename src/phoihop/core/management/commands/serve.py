"""`phoihop serve [HOST:PORT]`: the web server and the task worker as one command (what `make demo` runs).

The report exports and imports run in the worker; without it a job waits forever. Ctrl-C stops both. The worker is
also told to end if this process dies some other way (Linux's parent-death signal), so no orphan keeps running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

WORKER_STOP_SECONDS = 10


def _end_with_parent() -> None:
    """Runs in the worker's process before it starts: ask Linux to send it SIGTERM when its parent dies."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def parse_addrport(addrport: str) -> tuple[str, int]:
    host, sep, port = addrport.rpartition(":")
    if not sep:
        host, port = "127.0.0.1", addrport
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"Cổng không hợp lệ: {port!r}. / Invalid port.")
    return host or "127.0.0.1", int(port)


class Command(BaseCommand):
    help = (
        "Chạy máy chủ web cùng tiến trình tác vụ nền; Ctrl-C dừng cả hai. "
        "/ Run the web server and the task worker together; Ctrl-C stops both."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="HOST:PORT (127.0.0.1:8000)")

    def handle(self, *args: Any, addrport: str, **options: Any) -> None:
        host, port = parse_addrport(addrport)
        # Our own interpreter and command; preexec_fn runs before any thread of ours starts.
        worker = subprocess.Popen(
            [sys.executable, "-m", "config.manage", "worker", "--no-reload"],
            env=os.environ.copy(),
            preexec_fn=_end_with_parent if sys.platform.startswith("linux") else None,
        )
        self.stdout.write(f"Tiến trình tác vụ nền đã chạy (pid {worker.pid}). / Task worker started.")
        self.stdout.write(
            f"Mở / Open http://{host}:{port}/ và đăng nhập / and sign in. "
            "Ctrl-C dừng máy chủ và tiến trình nền / stops the server and the worker."
        )
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            self._stop(worker)

    def _stop(self, worker: subprocess.Popen[bytes]) -> None:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=WORKER_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        self.stdout.write("Đã dừng tiến trình tác vụ nền. / Task worker stopped.")
