"""What practices offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.practices.selectors import practices_for_enterprise

    return {"practices": list(practices_for_enterprise(user=user, enterprise=enterprise)[:rows])}


def plug_in() -> None:
    from phoihop.practices.sheets import PRACTICES
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="practices",
        name="practice",
        label=_("Dân vận khéo"),
        prefix="/dan-van-kheo/",
        order=40,
        section=enterprise_section,
        section_order=40,
    )
    spreadsheets.register(PRACTICES)
    register_record_kinds()
    declare_demo_data()


def declare_demo_data() -> None:
    """The demo's six "Dân vận khéo" models of section I.6 and their awards (demo/data/practices.json;
    core/plugins.py, demo_data)."""
    from phoihop.core.plugins import demo_data
    from phoihop.practices.models import Award, GoodPractice
    from phoihop.practices.services import add_award, create_practice

    demo_data.kind(
        "practices.practice",
        create_practice,
        GoodPractice,
        natural_key={"owner_agency": "owner_agency", "title": "data.title", "year": "data.year"},
        fields={"owner_agency": "directory.agency", "data.plan_items": ["planning.item"]},
        then={"awards": "practices.award"},
    )
    demo_data.kind(
        "practices.award",
        add_award,
        Award,
        fields={"data.awarding_agency": "directory.agency", "data.decision_date": "date"},
        parent="practice",
    )
    demo_data.file("practices", order=53, kinds=("practices.practice",))


def register_record_kinds() -> None:
    """What indicators may count in this app (phoihop.indicators.registry)."""
    from phoihop.indicators.registry import record_kinds
    from phoihop.practices.models import Award, GoodPractice

    record_kinds.register(
        key="practices.good_practice",
        link=("practices:practice_detail", "pk"),
        label="Mô hình “Dân vận khéo”",
        model=GoodPractice,
        date_field="year_start",
        agency_field="owner_agency",
        filter_fields={"field": ("exact", "in"), "status": ("exact", "in")},
    )
    record_kinds.register(
        key="practices.award",
        label="Khen thưởng mô hình “Dân vận khéo”",
        model=Award,
        date_field="decision_date",
        agency_field="practice__owner_agency",
        filter_fields={
            "level": ("exact", "in"),
            "awarding_agency": ("exact", "in", "isnull"),
            "awarding_agency__short_code": ("exact", "in"),
            "practice__field": ("exact", "in"),
        },
    )
