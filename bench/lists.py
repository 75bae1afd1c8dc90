"""List pages under load: gunicorn (2 × cores + 1 workers of one thread, as docs/deployment.md says) on the bench
database at 10× data (10.000 enterprises), `wrk` at 8 connections, signed in with a real session cookie.

Floor: a bare view behind the same middleware (the enterprise picker with an empty query: session, user, an empty
JSON answer). Subjects: the enterprise list page and the API list (page of 50). Rounds interleave the three
(floor, page, API) RUNS times; each row is the median req/s over the rounds and the p99 latency of the median round.
Targets: each subject ≥ 50% of the floor's req/s, p99 ≤ 100 ms. Without `wrk` on PATH the rows say so."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median

from bench.generate import seed
from bench.table import Row

ENTERPRISES = 10_000
RUNS = 5
SECONDS = 4
CONNECTIONS = 8
P99_TARGET_MS = 100.0
FLOOR = "/danh-muc/doanh-nghiep/goi-y/?q="
SUBJECTS = {"enterprise list page": "/danh-muc/doanh-nghiep/", "API list": "/api/v1/directory/enterprises"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _session_cookie(username: str) -> str:
    """A signed-in session stored like any other (database sessions), for the load client's Cookie header."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from phoihop.accounts.models import User

    user = User.objects.get(username=username)
    session = SessionStore()
    now = timezone.now().timestamp()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[-1],
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            "login_at": now,
            "seen_at": now,
        }
    )
    session.create()
    return f"sessionid={session.session_key}"


def _wrk(url: str, cookie: str) -> tuple[float, float]:
    """(requests per second, p99 ms) of one bounded wrk run."""
    out = subprocess.run(  # noqa: S603 - a fixed program on a loopback address
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H", f"Cookie: {cookie}", url],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=SECONDS + 30,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"{url}: answers other than 2xx\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return rate, float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _warm(url: str, cookie: str) -> None:
    """Every worker's first requests (imports, compiled templates, the list's cache entry) before any timing: on a
    loaded machine they take seconds, longer than wrk's timeout."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - a loopback address
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        for response in pool.map(lambda _: urllib.request.urlopen(request, timeout=120), range(2 * CONNECTIONS)):  # noqa: S310
            response.read()


def _load() -> str:
    """The machine's load average (1, 5, 15 minutes), for the note: the machine is shared."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _start_server(port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test"))
    # As docs/deployment.md says: 2 × cores + 1 workers of one thread each (threads of one process queue for the GIL
    # behind each other's rendering after every query: at 8 connections 2 × 4 threads served the list page at half
    # the rate of 5 × 1).
    workers = str(2 * (os.cpu_count() or 1) + 1)
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "-w", workers, "--threads", "1"]
    server = subprocess.Popen(  # noqa: S603
        [*gunicorn, "-b", f"127.0.0.1:{port}", "--log-level", "warning"], env=env
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def rows() -> list[Row]:
    from django.db import connection

    if shutil.which("wrk") is None:
        return [Row("lists under load", None, 0.0, "", "wrk on PATH", False, "wrk is not installed")]
    seed(enterprises=ENTERPRISES)
    cookie = _session_cookie("bqlkkt.canbo")
    connection.close()  # the server's workers open their own
    port = _free_port()
    server = _start_server(port)
    base = f"http://127.0.0.1:{port}"
    results: dict[str, list[tuple[float, float]]] = {"floor": [], **{name: [] for name in SUBJECTS}}
    try:
        for url in (FLOOR, *SUBJECTS.values()):  # warm every worker's caches and connections
            _warm(base + url, cookie)
            _wrk(base + url, cookie)
        load_before = _load()
        for _ in range(RUNS):
            results["floor"].append(_wrk(base + FLOOR, cookie))
            for name, url in SUBJECTS.items():
                results[name].append(_wrk(base + url, cookie))
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor_rate = median(rate for rate, _ in results["floor"])
    note = f"{CONNECTIONS} connections, load {load_before} → {_load()}"
    out = [Row("bare view req/s (floor)", None, floor_rate, "req/s", "", True, note)]
    for name in SUBJECTS:
        rate = median(r for r, _ in results[name])
        p99 = median(p for _, p in results[name])
        out.append(Row(f"{name} req/s", floor_rate, rate, "req/s", "≥ 0.50 of floor", rate >= 0.5 * floor_rate))
        floor_p99 = median(p for _, p in results["floor"])
        out.append(Row(f"{name} p99", floor_p99, p99, "ms", f"≤ {P99_TARGET_MS:.0f} ms", p99 <= P99_TARGET_MS))
    return out
