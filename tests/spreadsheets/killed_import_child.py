"""Run by test_killed_import.py as its own process: import a file of enterprises into the database named by
DATABASE_URL, and stop inside the write (after the rows are inserted, before the transaction ends), saying so on
stdout, until the parent ends the process with SIGKILL."""

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
    from django.core.management import call_command

    if os.environ.get("KILLED_IMPORT_MIGRATE") == "1":
        call_command("migrate", verbosity=0, interactive=False)

    from phoihop.accounts.choices import Role
    from phoihop.accounts.models import User
    from phoihop.spreadsheets.registry import Checked, spreadsheets
    from phoihop.spreadsheets.services import import_file
    from tests.accounts.factories import UserFactory
    from tests.directory.factories import AgencyFactory
    from tests.spreadsheets.helpers import xlsx

    user = cast(User, UserFactory(role=Role.OFFICER, agency=AgencyFactory(short_code="BQLKKT"), username="dung"))
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None

    def apply_then_hang(actor: User, checked: Checked) -> int:
        written = kind.apply(actor, checked)
        print("written", flush=True)
        time.sleep(120)
        return written

    hanging = dataclasses.replace(kind, apply=apply_then_hang)
    rows = [
        {"name": f"Công ty thử {n}", "tax_code": f"{3000000000 + n}", "ownership": "Doanh nghiệp trong nước"}
        for n in range(500)
    ]
    import_file(actor=user, kind=hanging, content=xlsx(kind, rows), filename="dung.xlsx")
    sys.exit(3)  # never reached: the parent kills the process while it sleeps


if __name__ == "__main__":
    main()
