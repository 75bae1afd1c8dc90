"""The production layout on one machine, and a database restart under load.

`python -m bench.layout [SECONDS]` (default 60): starts a private PostgreSQL 15 cluster on a free loopback port (its
own data directory, so restarting it disturbs no other database on the machine), migrates it and loads the demo,
then starts two gunicorn app servers (config.settings.prod: database sessions, no per-process state) and one
`phoihop worker`, all on that cluster. 16 client threads send a bounded mix to both servers in turn by API token —
reads (list, search), writes (create an enterprise: one transaction with its audit event) — plus one client that
exports the 2023 report as .docx (asks for the job, polls it until the worker is done, downloads the file) — and at a
third of the run PostgreSQL is restarted (`pg_ctl restart -m fast`). A write or an export answered 503 or cut off is
sent again (a unique tax code makes a repeat of a write that did land answer 422, which counts as written).

Checked at the end: no answer 500; 0 partial writes (an enterprise without its audit event, or a write answered
201 that is not in the database); service back (first 2xx after the restart) within 15 s; every export asked for
downloaded as a Word file. Prints one table."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
CLIENTS = 16
EXPORT_WAIT_S = 60.0  # how long an export may wait for the worker before it counts as not finished
RECOVERY_TARGET_S = 15.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def as_postgres(*args: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True)  # noqa: S603, S607


class Cluster:
    """A throw-away PostgreSQL cluster owned by the postgres user, trust authentication on 127.0.0.1 only."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="phoihop-layout-pg-"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.port = free_port()
        self.data = self.dir / "data"

    def start(self) -> None:
        as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self._ctl("start")

    def _ctl(self, action: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=100"
        log = str(self.dir / "log")
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", action, "-m", "fast")

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        try:
            self._ctl("stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


def server_env(database_url: str) -> dict[str, str]:
    """Production settings for the servers, with the keys of the process that loaded the data (its tokens and
    encrypted fields must read the same)."""
    from django.conf import settings

    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        DATABASE_URL=database_url,
        SECRET_KEY="layout-bench-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PHOIHOP_FIELD_KEYS=",".join(settings.PHOIHOP_FIELD_KEYS),
        PHOIHOP_HASH_KEY=settings.PHOIHOP_HASH_KEY,
        SECURE_SSL_REDIRECT="0",
        PHOIHOP_MFA_REQUIRED="0",
        CONN_MAX_AGE="60",
    )


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing listens on {port}")


class Load:
    def __init__(self, ports: list[int], token: str, owner_id: int, seconds: float, report_id: int) -> None:
        self.ports, self.token, self.owner_id, self.seconds = ports, token, owner_id, seconds
        self.report_id = report_id
        self.exports: Counter[str] = Counter()  # "asked", then "downloaded", "failed", "not finished", …
        self.statuses: Counter[str] = Counter()
        self.written: set[str] = set()  # tax codes answered 201 (or 422 on a repeat)
        self.attempted: set[str] = set()
        self.ok_times: list[float] = []
        self.lock = threading.Lock()
        self.serial = 0

    def request(self, method: str, path: str, body: dict[str, object] | None = None) -> int:
        return self.send(method, path, body)[0]

    def send(self, method: str, path: str, body: dict[str, object] | None = None) -> tuple[int, bytes]:
        port = random.choice(self.ports)
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1{path}", data=data, method=method)
        req.add_header("Authorization", f"Bearer {self.token}")
        req.add_header("Content-Type", "application/json")
        content = b""
        try:
            with urllib.request.urlopen(req, timeout=20) as response:  # noqa: S310
                status = response.status
                content = response.read()
        except urllib.error.HTTPError as error:
            status = error.code
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            status = 0  # cut off: no answer
        with self.lock:
            self.statuses[str(status)] += 1
            if 200 <= status < 300:
                self.ok_times.append(time.monotonic())
        return status, content

    def export(self) -> None:
        """The report exported as .docx through the API: the job asked for (again on a 503 or no answer), its
        status polled until the worker is done, the file downloaded and checked to be a Word file (a zip)."""
        job_id = None
        for attempt in range(10):
            status, content = self.send("POST", f"/reports/reports/{self.report_id}/renders", {"format": "docx"})
            if status == 202:
                job_id = json.loads(content)["id"]
                break
            if status not in (0, 503):
                break
            time.sleep(0.5 * (attempt + 1))
        with self.lock:
            self.exports["asked"] += 1
        if job_id is None:
            return
        deadline = time.monotonic() + EXPORT_WAIT_S
        while time.monotonic() < deadline:
            status, content = self.send("GET", f"/reports/renders/{job_id}")
            state = json.loads(content).get("status") if status == 200 else None
            if state in ("done", "failed"):
                break
            time.sleep(0.5)
        else:
            state = "not finished"
        if state == "done":
            status, content = self.send("GET", f"/reports/renders/{job_id}/file")
            state = "downloaded" if status == 200 and content[:2] == b"PK" else f"file answered {status}"
        with self.lock:
            self.exports[state] += 1

    def exporter(self, stop_at: float) -> None:
        while time.monotonic() < stop_at:
            self.export()
            time.sleep(1.0)  # a user asking for the next export

    def write(self) -> None:
        with self.lock:
            self.serial += 1
            tax_code = f"08{self.serial:08d}"
            self.attempted.add(tax_code)
        body: dict[str, object] = {"name": f"Công ty Thử tải {self.serial}", "tax_code": tax_code}
        body["ownership"] = "domestic"
        body["owner_agency_id"] = self.owner_id
        for attempt in range(10):  # a 503 or a cut-off write is sent again, a little later each time
            status = self.request("POST", "/directory/enterprises", body)
            if status in (201, 422):  # 422: the same tax code is there, the earlier try landed
                with self.lock:
                    self.written.add(tax_code)
                return
            if status not in (0, 503):
                return
            time.sleep(0.5 * (attempt + 1))

    def client(self, stop_at: float) -> None:
        while time.monotonic() < stop_at:
            roll = random.random()
            if roll < 0.35:
                self.request("GET", "/directory/enterprises")
            elif roll < 0.7:
                self.request("GET", "/directory/enterprises?q=dinh%20vu")
            else:
                self.write()

    def run(self, restart: Callable[[], None]) -> tuple[float, float]:
        start = time.monotonic()
        stop_at = start + self.seconds
        threads = [threading.Thread(target=self.client, args=(stop_at,)) for _ in range(CLIENTS)]
        threads.append(threading.Thread(target=self.exporter, args=(stop_at,)))  # one more client: exports
        for thread in threads:
            thread.start()
        time.sleep(self.seconds / 3)
        restart_started = time.monotonic()
        restart()
        restart_done = time.monotonic()
        for thread in threads:
            thread.join()
        with self.lock:
            back = min((t for t in self.ok_times if t > restart_done), default=float("inf"))
        return restart_done - restart_started, back - restart_started


def main() -> int:
    seconds = float(sys.argv[1]) if sys.argv[1:] else 60.0
    cluster = Cluster()
    cluster.start()
    processes: list[subprocess.Popen[bytes]] = []
    try:
        # This process loads the demo under the test settings (the demo refuses production); the servers run prod.
        os.environ.update(DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=cluster.url)
        os.environ["PHOIHOP_VAR_DIR"] = str(cluster.dir)
        import django

        django.setup()
        env = server_env(cluster.url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        # The servers run the production settings: hashed static files collected under STATIC_ROOT, as a deployment
        # has them (an error page names its icon through that manifest).
        manage = [sys.executable, "-m", "config.manage", "collectstatic", "--noinput", "-v", "0"]
        subprocess.run(manage, env=env, check=True)  # noqa: S603
        call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        from phoihop.accounts.models import User
        from phoihop.accounts.services import create_token

        user = User.objects.get(username="bqlkkt.canbo")
        _, token = create_token(actor=user, owner=user, name="layout load")
        owner_id = int(user.agency_id or 0)
        from phoihop.reports.models import Report

        report_id = Report.objects.get(plan__year=2023).pk
        from django.db import connection

        connection.close()
        ports = [free_port(), free_port()]
        for port in ports:
            gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi:application", "-w", "1", "--threads", "4"]
            processes.append(
                subprocess.Popen([*gunicorn, "-b", f"127.0.0.1:{port}", "--log-level", "error"], env=env)  # noqa: S603
            )
        worker = [str(Path(sys.executable).parent / "phoihop"), "worker"]
        processes.append(subprocess.Popen(worker, env=env, stdout=subprocess.DEVNULL))  # noqa: S603
        for port in ports:
            wait_for(port)
        load = Load(ports, token, owner_id, seconds, report_id)
        restart_s, back_s = load.run(cluster.restart)
        from phoihop.core.models import AuditEvent
        from phoihop.directory.models import Enterprise

        connection.close()
        stored = dict(Enterprise.objects.filter(tax_code__startswith="08").values_list("tax_code", "pk"))
        audited = set(
            AuditEvent.objects.filter(
                object_type="directory.enterprise", object_id__in=[str(pk) for pk in stored.values()]
            ).values_list("object_id", flat=True)
        )
        unaudited = [code for code, pk in stored.items() if str(pk) not in audited]
        lost = sorted(load.written - set(stored))
        partial = len(unaudited) + len(lost)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        cluster.stop()
    from bench.table import Row, print_table

    answered_500 = sum(n for status, n in load.statuses.items() if status.startswith("5") and status != "503")
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(load.statuses.items()))
    rows = [
        Row("requests answered 500", None, float(answered_500), "req", "0", answered_500 == 0, statuses),
        Row(
            "partial writes",
            None,
            float(partial),
            "rows",
            "0",
            partial == 0,
            f"{len(stored)} written of {len(load.attempted)} attempted; "
            f"{len(unaudited)} without audit, {len(lost)} lost",
        ),
        Row(
            "back after the restart",
            None,
            back_s,
            "s",
            f"≤ {RECOVERY_TARGET_S:.0f} s",
            back_s <= RECOVERY_TARGET_S,
            f"PostgreSQL restart itself took {restart_s:.1f} s",
        ),
        Row(
            "report exports downloaded",
            None,
            float(load.exports["downloaded"]),
            "files",
            "all asked",
            load.exports["downloaded"] == load.exports["asked"] > 0,
            ", ".join(f"{state}: {n}" for state, n in sorted(load.exports.items())),
        ),
    ]
    print_table(f"2 app servers + worker, {seconds:.0f} s, {CLIENTS} clients, PostgreSQL restart", rows)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
