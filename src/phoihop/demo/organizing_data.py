"""The foundings behind part I.5 of the 2023 joint report (seed): the 22 new grassroots unions of the Economic Zone
Union ("22/22, đạt 100% kế hoạch"), the 3 Youth Union branches of the Economic Zone Youth Union, and the nine party
cells the Economic Zone Party Committee founded at wholly foreign-owned companies (footnote 4: "09/09").

The seed names the nine companies of footnote 4; the 22 + 3 enterprises are illustrative ones added to
directory_data.py. Days and members at founding are illustrative: the seed gives neither. Enterprises are named by
tax code; `plan_item` is the number of the 2023 plan item these foundings carry out (see planning_data.py)."""

from __future__ import annotations

from typing import Any

from phoihop.demo import read

DATA = read("organizing")

UNION_PLAN_ITEM = 13
PARTY_PLAN_ITEM = 12

# (tax code, founded on, members at founding)
GRASSROOTS_UNIONS: list[tuple[str, str, int]] = DATA["GRASSROOTS_UNIONS"]

YOUTH_UNION_BRANCHES: list[tuple[str, str, int]] = DATA["YOUTH_UNION_BRANCHES"]

# Footnote 4, in the seed's order; the names are those the footnote prints.
PARTY_CELLS: list[tuple[str, str, int, str]] = DATA["PARTY_CELLS"]


def founding_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for tax_code, date, members in GRASSROOTS_UNIONS:
        rows.append(
            {
                "kind": "grassroots_union",
                "name": "",
                "tax_code": tax_code,
                "founded_on": date,
                "members": members,
                "owner": "CĐKKT",
                "plan_item": UNION_PLAN_ITEM,
            }
        )
    for tax_code, date, members in YOUTH_UNION_BRANCHES:
        rows.append(
            {
                "kind": "youth_union",
                "name": "",
                "tax_code": tax_code,
                "founded_on": date,
                "members": members,
                "owner": "ĐTNKKT",
                "plan_item": UNION_PLAN_ITEM,
            }
        )
    for tax_code, date, members, name in PARTY_CELLS:
        rows.append(
            {
                "kind": "party_cell",
                "name": name,
                "tax_code": tax_code,
                "founded_on": date,
                "members": members,
                "owner": "ĐUKKT",
                "plan_item": PARTY_PLAN_ITEM,
            }
        )
    return rows


INDICATORS: list[dict[str, Any]] = DATA["INDICATORS"]


def load_foundings(report: Any) -> None:
    """Step of `load_demo`: the foundings above through the founding service, skipping those already there
    (natural key: kind and enterprise)."""
    import datetime as dt

    from phoihop.accounts.models import User
    from phoihop.demo.activities_data import _plan_items
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.directory.models import Agency, Enterprise
    from phoihop.organizing.models import Founding
    from phoihop.organizing.services import create_founding

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    enterprises = {e.tax_code: e for e in Enterprise.objects.all()}
    items = _plan_items(2023)
    for row in founding_rows():
        enterprise = enterprises[row["tax_code"]]
        if Founding.objects.filter(kind=row["kind"], enterprise=enterprise).exists():
            continue
        item = items.get(row["plan_item"])
        create_founding(
            actor=admin,
            owner_agency=agencies[row["owner"]],
            data={
                "kind": row["kind"],
                "name": row["name"],
                "enterprise": enterprise,
                "founded_on": dt.date.fromisoformat(row["founded_on"]),
                "members_at_founding": row["members"],
                "plan_items": [item] if item is not None else [],
            },
        )
        report.count("foundings")
