"""The foundings behind part I.5 of the 2023 joint report (seed): the 22 new grassroots unions of the Economic Zone
Union ("22/22, đạt 100% kế hoạch"), the 3 Youth Union branches of the Economic Zone Youth Union, and the nine party
cells the Economic Zone Party Committee founded at wholly foreign-owned companies (footnote 4: "09/09").

The seed names the nine companies of footnote 4; the 22 + 3 enterprises are illustrative ones added to
directory_data.py. Days and members at founding are illustrative: the seed gives neither. Enterprises are named by
tax code; `plan_item` is the number of the 2023 plan item these foundings carry out (see planning_data.py)."""

from __future__ import annotations

from typing import Any

UNION_PLAN_ITEM = 13
PARTY_PLAN_ITEM = 12

# (tax code, founded on, members at founding)
GRASSROOTS_UNIONS: list[tuple[str, str, int]] = [
    ("0299000041", "2023-02-16", 412),
    ("0299000042", "2023-03-02", 215),
    ("0299000043", "2023-03-21", 138),
    ("0299000044", "2023-04-06", 74),
    ("0299000045", "2023-04-19", 326),
    ("0299000046", "2023-05-10", 52),
    ("0299000047", "2023-05-23", 168),
    ("0299000048", "2023-06-07", 110),
    ("0299000049", "2023-06-20", 590),
    ("0299000050", "2023-07-05", 468),
    ("0299000051", "2023-07-18", 96),
    ("0299000052", "2023-08-02", 63),
    ("0299000053", "2023-08-16", 245),
    ("0299000054", "2023-08-29", 372),
    ("0299000055", "2023-09-12", 151),
    ("0299000056", "2023-09-26", 81),
    ("0299000057", "2023-10-10", 287),
    ("0299000058", "2023-10-24", 102),
    ("0299000059", "2023-11-07", 176),
    ("0299000060", "2023-11-21", 58),
    ("0299000061", "2023-12-05", 45),
    ("0299000062", "2023-12-14", 198),
]

YOUTH_UNION_BRANCHES: list[tuple[str, str, int]] = [
    ("0299000041", "2023-05-26", 48),
    ("0299000050", "2023-09-22", 57),
    ("0299000059", "2023-12-08", 26),
]

# Footnote 4, in the seed's order; the names are those the footnote prints.
PARTY_CELLS: list[tuple[str, str, int, str]] = [
    ("0299000011", "2023-03-24", 4, "Chi bộ Công ty TNHH Crystal Sweater Việt Nam"),
    ("0299000012", "2023-04-14", 3, "Chi bộ Công ty TNHH ngành gỗ Fuming Việt Nam"),
    ("0299000013", "2023-05-19", 3, "Chi bộ Công ty TNHH Maple"),
    ("0299000014", "2023-06-16", 5, "Chi bộ Công ty TNHH Công nghệ Amtran Việt Nam"),
    ("0299000015", "2023-07-21", 3, "Chi bộ Công ty TNHH Horn Việt Nam"),
    ("0299000016", "2023-08-25", 4, "Chi bộ Công ty TNHH Công nghệ vật liệu xây dựng Jinka"),
    ("0299000017", "2023-09-29", 3, "Chi bộ Công ty TNHH Flat Việt Nam"),
    ("0299000018", "2023-10-27", 6, "Chi bộ Công ty Cổ phần thiết bị điện Nano Phước Thạnh"),
    ("0299000019", "2023-11-24", 3, "Chi bộ Công ty TNHH Takahata Precision Việt Nam"),
]


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


INDICATORS: list[dict[str, Any]] = [
    {
        "code": "TL-CDCS-MOI",
        "name": "Tổ chức công đoàn cơ sở thành lập mới",
        "unit": "tổ chức",
        "unit_kind": "organisations",
        "owner": "CĐKKT",
        "measure": "count_records",
        "record_kind": "organizing.founding",
        "record_filter": {"kind": "grassroots_union"},
        "sum_field": "",
        "target_agency": "CĐKKT",
        "target": 22,
    },
    {
        "code": "TL-TCD-DN-100-NN",
        "name": "Tổ chức đảng thành lập mới tại doanh nghiệp có 100% vốn nước ngoài",
        "unit": "tổ chức đảng",
        "unit_kind": "organisations",
        "owner": "ĐUKKT",
        "measure": "count_records",
        "record_kind": "organizing.founding",
        "record_filter": {"kind": "party_cell", "enterprise__ownership": "wholly_foreign"},
        "sum_field": "",
        "target_agency": "ĐUKKT",
        "target": 9,
    },
    {
        "code": "TL-TO-CHUC-DOAN",
        "name": "Tổ chức Đoàn thành lập mới",
        "unit": "tổ chức Đoàn",
        "unit_kind": "organisations",
        "owner": "ĐTNKKT",
        "measure": "count_records",
        "record_kind": "organizing.founding",
        "record_filter": {"kind": "youth_union"},
        "sum_field": "",
        "target_agency": "ĐTNKKT",
        "target": None,
    },
]


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


def load_founding_indicators(report: Any) -> None:
    from phoihop.demo.activities_data import load_indicators

    load_indicators(report, INDICATORS)
