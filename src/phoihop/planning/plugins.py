"""What planning offers other apps' pages (core/plugins.py): its menu entries, the home page's plan card and the
Excel export of its lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def home_section(*, user: User) -> dict[str, Any] | None:
    from phoihop.planning.selectors import home_summary

    summary = home_summary(user=user)
    return {"plan_summary": summary} if summary.plan is not None else None


def plug_in() -> None:
    menu.add(group="plan", url_name="planning:plan_list", label=_("Kế hoạch phối hợp"), prefix="/ke-hoach/", order=10)
    menu.add(group="plan", url_name="planning:document_list", label=_("Văn bản"), prefix="/van-ban/", order=40)
    sections.add("home", key="planning", template="planning/home_section.html", context=home_section, order=10)
    register_spreadsheets()
    declare_demo_data()


def register_spreadsheets() -> None:
    """The plan list's and the document register's "Xuất Excel" (planning/sheets.py, phoihop.spreadsheets)."""
    from phoihop.planning.sheets import DOCUMENTS, PLANS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(PLANS)
    spreadsheets.register(DOCUMENTS)


def declare_demo_data() -> None:
    """The demo's programme, plans and cited documents (demo/data/planning.json; core/plugins.py, demo_data). Plans
    are named by year, areas and items by [year, number], documents by their reference ("02-KH/BDVTU-…")."""
    from phoihop.core.plugins import demo_data
    from phoihop.planning import services
    from phoihop.planning.citation import reference_key, split_reference
    from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme

    agencies = ["directory.agency"]
    in_plan = {"plan": "plan", "number": "data.number"}
    demo_data.kind(
        "planning.document",
        services.create_document,
        Document,
        natural_key={"number": "data.number", "symbol": "data.symbol"},
        fields={"data.issued_on": "date", "data.issuer_agency": "directory.agency"},
    )
    demo_data.kind(
        "planning.programme",
        services.create_programme,
        Programme,
        natural_key={"title": "data.title"},
        fields={"bodies": agencies},
    )
    dates = {f"data.{name}": "date" for name in ("period_start", "period_end", "cut_off_date")}
    demo_data.kind(
        "planning.plan",
        services.create_plan,
        Plan,
        natural_key={"year": "data.year"},
        fields={"data.programme": "planning.programme", "data.document": "planning.document", **dates},
    )
    demo_data.kind("planning.area", services.create_area, Area, natural_key=in_plan, fields={"plan": "planning.plan"})
    demo_data.kind(
        "planning.item",
        services.create_item,
        PlanItem,
        natural_key=in_plan,
        fields={
            "plan": "planning.plan",
            "data.area": "planning.area",
            "data.lead_agency": "directory.agency",
            "partners": agencies,
            "documents": ["planning.document"],
        },
    )
    demo_data.kind(
        "planning.carry_over",
        services.carry_over_item,
        PlanItem,
        natural_key={"carried_from": "item"},
        fields={"item": "planning.item", "area": "planning.area"},
        version_of="item",
    )
    demo_data.converter("planning.programme", lambda title: Programme.objects.get(title=title))
    demo_data.converter("planning.plan", lambda year: Plan.objects.get(year=year))
    demo_data.converter("planning.area", lambda key: Area.objects.get(plan__year=key[0], number=key[1]))
    demo_data.converter("planning.item", lambda key: PlanItem.objects.get(plan__year=key[0], number=key[1]))
    demo_data.converter(
        "planning.document",
        lambda reference: Document.objects.get(reference_key=reference_key(*split_reference(reference))),
    )
    demo_data.file(
        "planning",
        order=20,
        kinds=(
            "accounts.user",
            "planning.document",
            "planning.programme",
            "planning.plan",
            "planning.area",
            "planning.item",
            "planning.carry_over",
        ),
    )
