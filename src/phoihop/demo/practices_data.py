"""The six "Dân vận khéo" models that section I.6 of the 2023 joint report (seed) names, with the titles as the seed
writes them, and their awards.

The seed says "Nhiều mô hình “Dân vận khéo” được Ủy ban nhân dân thành phố tặng Bằng khen trong năm 2023" without
saying which: the three awards below (models 1, 2 and 5) and their date are illustrative, and their decision numbers
are left blank rather than invented. Owning bodies, fields and texts are illustrative too: the first five models are
the Economic Zone Authority's (its hotline, its head's dialogues, its eHeza system), the sixth the Labour
Federation's. The first five carry out item 16 of the 2023 plan, the sixth item 15 (planning_data.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from phoihop.demo import read

DATA = read("practices")

PRACTICES: list[dict[str, Any]] = DATA["PRACTICES"]

YEAR = 2023
STATUS = "effective"
AWARD = {"level": "certificate_of_merit", "awarding_agency": "UBNDTP", "decision_date": "2023-12-26"}


def load_practices(report: Any) -> None:
    """Step of `load_demo`: the six models and their awards through the services; what exists (by owning body,
    title and year) is left alone."""
    from phoihop.accounts.models import User
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.demo.oversight_data import plan_items_numbered
    from phoihop.directory.models import Agency
    from phoihop.practices.models import GoodPractice
    from phoihop.practices.services import add_award, create_practice

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    for row in PRACTICES:
        owner = agencies[row["owner"]]
        if GoodPractice.objects.filter(owner_agency=owner, title=row["title"], year=YEAR).exists():
            continue
        practice = create_practice(
            actor=admin,
            owner_agency=owner,
            data={
                "title": row["title"],
                "year": YEAR,
                "field": row["field"],
                "description": row["description"],
                "results": row["results"],
                "status": STATUS,
                "plan_items": plan_items_numbered(YEAR, row["plan_items"]),
            },
        )
        report.count("good practices")
        if row["awarded"]:
            add_award(
                actor=admin,
                practice=practice,
                data={
                    "level": AWARD["level"],
                    "awarding_agency": agencies[AWARD["awarding_agency"]],
                    "decision_date": dt.date.fromisoformat(AWARD["decision_date"]),
                },
            )
            report.count("awards")
