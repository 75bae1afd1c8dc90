"""Run by test_killed_import_job.py as its own process: queue a large file of enterprises (the database named by
DATABASE_URL), run its background job as the worker would, and stop inside the write (after the rows are inserted,
before the transaction ends), saying so on stdout, until the parent ends the process with SIGKILL."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from typing import cast

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if os.environ.get("KILLED_IMPORT_MIGRATE") == "1":
        call_command("migrate", verbosity=0, interactive=False)
    settings.PHOIHOP_IMPORT_BACKGROUND_ROWS = 100
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    from phoihop.accounts.choices import Role
    from phoihop.accounts.models import User
    from phoihop.spreadsheets.registry import Checked, spreadsheets
    from phoihop.spreadsheets.services import queue_import
    from phoihop.spreadsheets.tasks import run_import_job
    from tests.accounts.factories import UserFactory
    from tests.directory.factories import AgencyFactory
    from tests.spreadsheets.helpers import xlsx

    user = cast(User, UserFactory(role=Role.OFFICER, agency=AgencyFactory(short_code="BQLKKT"), username="dung"))
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    assert kind.apply is not None
    apply = kind.apply

    def apply_then_hang(actor: User, checked: Checked) -> int:
        written = apply(actor, checked)
        print("written", flush=True)
        time.sleep(120)
        return written

    rows = [
        {"name": f"Công ty thử {n}", "tax_code": f"{3000000000 + n}", "ownership": "Doanh nghiệp trong nước"}
        for n in range(500)
    ]
    batch = queue_import(actor=user, kind=kind, content=xlsx(kind, rows), filename="dung.xlsx")
    spreadsheets.kinds[kind.key] = dataclasses.replace(kind, apply=apply_then_hang)
    run_import_job(batch.pk)
    sys.exit(3)  # never reached: the parent kills the process while it sleeps


if __name__ == "__main__":
    main()
