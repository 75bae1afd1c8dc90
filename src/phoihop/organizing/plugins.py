"""What organizing offers other apps (core/plugins.py): its menu entry, its enterprise-page section, its spreadsheet
kind, the demo's foundings of part I.5 (demo/data/organizing.json) and what indicators may count in foundings:
"22/22 tổ chức công đoàn cơ sở", "09/09 tổ chức đảng tại doanh nghiệp có 100% vốn nước ngoài", "03 tổ chức Đoàn"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import demo_data
from phoihop.core.records import plug_in_records
from phoihop.organizing.models import Founding, founding_text
from phoihop.organizing.permissions import can_create_founding
from phoihop.organizing.selectors import foundings_at_enterprise
from phoihop.organizing.services import create_founding
from phoihop.organizing.sheets import FOUNDINGS
from phoihop.spreadsheets.registry import spreadsheets

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    return {
        "foundings": foundings_at_enterprise(user=user, enterprise=enterprise),
        "can_record_founding": can_create_founding(user),
    }


def plug_in() -> None:
    plug_in_records(
        app="organizing",
        name="founding",
        label=_("Thành lập tổ chức"),
        prefix="/thanh-lap-to-chuc/",
        order=20,
        section=enterprise_section,
        section_order=10,
    )
    spreadsheets.register(FOUNDINGS)
    demo_data.kind(
        "organizing.founding",
        create_founding,
        Founding,
        natural_key={"kind": "data.kind", "enterprise": "data.enterprise"},
        fields={
            "owner_agency": "directory.agency",
            "data.enterprise": "directory.enterprise",
            "data.founded_on": "date",
            "data.plan_items": ["planning.item"],
        },
    )
    demo_data.file("organizing", order=51, kinds=("organizing.founding", "indicators.indicator", "indicators.target"))
    if apps.is_installed("phoihop.indicators"):
        from phoihop.indicators.registry import DEFAULT_LOOKUPS, RowText, record_kinds

        record_kinds.register(
            key="organizing.founding",
            link=("organizing:founding_detail", "pk"),
            label="Thành lập tổ chức tại doanh nghiệp",
            model=Founding,
            date_field="founded_on",
            agency_field="owner_agency",
            filter_fields=dict.fromkeys(("kind", "enterprise__ownership", "enterprise__zone"), DEFAULT_LOOKUPS)
            | {"enterprise__zone__parent": (*DEFAULT_LOOKUPS, "isnull")},
            sum_fields={"members_at_founding": "persons"},
            enterprise_field="enterprise",
            noun="tổ chức được thành lập",
            done="có tổ chức được thành lập",
            row_text=RowText(
                ("name", "kind", "enterprise__name"),
                lambda row: founding_text(row["name"], row["kind"], row["enterprise__name"]),
            ),
        )
