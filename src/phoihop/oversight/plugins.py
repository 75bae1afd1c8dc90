"""What oversight offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.oversight.selectors import (
        findings_for_enterprise,
        follow_ups_for_enterprise,
        inspections_for_enterprise,
    )

    inspections = inspections_for_enterprise(user=user, enterprise=enterprise).prefetch_related("topics")
    return {
        "inspections": list(inspections[:rows]),
        # An inspection records several findings per enterprise (one per topic).
        "findings": list(findings_for_enterprise(user=user, enterprise=enterprise)[: rows * 5]),
        "follow_ups": list(follow_ups_for_enterprise(user=user, enterprise=enterprise)[:rows]),
    }


def plug_in() -> None:
    from phoihop.oversight.sheets import INSPECTIONS, OVERDUE_FOLLOW_UPS, TOPICS
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="oversight",
        name="inspection",
        label=_("Kiểm tra, giám sát"),
        prefix="/kiem-tra-giam-sat/",
        order=30,
        section=enterprise_section,
        section_order=20,
    )
    spreadsheets.register(INSPECTIONS)
    spreadsheets.register(OVERDUE_FOLLOW_UPS)
    spreadsheets.register(TOPICS)
    register_record_kinds()
    declare_demo_data()


def declare_demo_data() -> None:
    """The demo's inspections and supervisions of section I.7, with their findings and follow-up actions, and the
    indicator that counts the enterprises supervised (demo/data/oversight.json; core/plugins.py, demo_data). The
    topics are the managed list the first migration seeds, for a test database flushed since."""
    from phoihop.core.plugins import demo_data
    from phoihop.oversight import services
    from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic

    demo_data.kind("oversight.topic", services.create_topic, InspectionTopic, natural_key={"code": "data.code"})
    demo_data.kind(
        "oversight.inspection",
        services.create_inspection,
        Inspection,
        natural_key={"owner_agency": "owner_agency", "title": "data.title", "start_date": "data.start_date"},
        fields={
            "owner_agency": "directory.agency",
            "data.start_date": "date",
            "data.end_date": "date",
            "data.partner_agencies": ["directory.agency"],
            "data.enterprises": ["directory.enterprise"],
            "data.topics": ["oversight.topic"],
            "data.plan_items": ["planning.item"],
        },
        then={"findings": "oversight.finding", "follow_ups": "oversight.follow_up"},
    )
    enterprise = {"data.enterprise": "directory.enterprise"}
    demo_data.kind(
        "oversight.finding",
        services.add_finding,
        Finding,
        fields={**enterprise, "data.topic": "oversight.topic"},
        parent="inspection",
    )
    demo_data.kind(
        "oversight.follow_up",
        services.add_follow_up,
        FollowUpAction,
        fields={**enterprise, "data.due_date": "date", "data.completed_on": "date"},
        parent="inspection",
    )
    demo_data.converter("oversight.topic", lambda code: InspectionTopic.objects.get(code=code))
    demo_data.file(
        "oversight",
        order=52,
        kinds=("oversight.topic", "oversight.inspection", "indicators.indicator", "indicators.target"),
    )


def register_record_kinds() -> None:
    """What indicators may count in this app (phoihop.indicators.registry)."""
    from phoihop.indicators.registry import RowText, record_kinds
    from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionEnterprise

    record_kinds.register(
        key="oversight.inspection",
        link=("oversight:inspection_detail", "pk"),
        label="Cuộc kiểm tra, giám sát",
        model=Inspection,
        date_field="start_date",
        agency_field="owner_agency",
        filter_fields={"kind": ("exact", "in")},
        noun="cuộc kiểm tra, giám sát",
        row_text=RowText(("title",), lambda row: row["title"]),
    )
    # One row per enterprise visited by an inspection. "Giám sát tại 13 doanh nghiệp FDI" counts distinct
    # enterprises (an indicator's counting "distinct_enterprises"): an enterprise visited by two inspections of
    # the period is two rows but one enterprise. Counting rows ("lượt doanh nghiệp") stays possible.
    record_kinds.register(
        key="oversight.inspection_enterprise",
        link=("oversight:inspection_detail", "inspection_id"),
        label="Doanh nghiệp được kiểm tra, giám sát",
        model=InspectionEnterprise,
        date_field="inspection__start_date",
        agency_field="inspection__owner_agency",
        filter_fields={
            "inspection__kind": ("exact", "in"),
            "enterprise__ownership": ("exact", "in"),
            "enterprise__zone": ("exact", "in"),
        },
        enterprise_field="enterprise",
        noun="lượt doanh nghiệp được kiểm tra, giám sát",
        done="được kiểm tra, giám sát",
        # str(): "<enterprise> — <inspection>"
        row_text=RowText(
            ("enterprise__name", "inspection__title"),
            lambda row: f"{row['enterprise__name']} — {row['inspection__title']}",
        ),
    )
    record_kinds.register(
        key="oversight.finding",
        label="Kết quả kiểm tra, giám sát tại doanh nghiệp",
        model=Finding,
        date_field="inspection__start_date",
        agency_field="inspection__owner_agency",
        filter_fields={
            "compliant": ("exact",),
            "topic__code": ("exact", "in"),
            "inspection__kind": ("exact", "in"),
            "enterprise__ownership": ("exact", "in"),
        },
        enterprise_field="enterprise",
        noun="kết quả kiểm tra, giám sát theo nội dung",
        done="có kết quả kiểm tra, giám sát",
    )
    record_kinds.register(
        key="oversight.follow_up",
        label="Việc cần làm sau kiểm tra, giám sát",
        model=FollowUpAction,
        date_field="due_date",
        agency_field="inspection__owner_agency",
        filter_fields={"status": ("exact", "in")},
    )
