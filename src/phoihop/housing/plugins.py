"""What housing offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.housing.selectors import housing_projects_for_enterprise, with_progress

    projects = housing_projects_for_enterprise(user=user, enterprise=enterprise).prefetch_related("milestones")
    return {"housing_projects": with_progress(projects[:rows])}


def plug_in() -> None:
    from phoihop.housing.sheets import HOUSING_PROJECTS
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="housing",
        name="project",
        label=_("Nhà ở công nhân"),
        prefix="/nha-o-cong-nhan/",
        order=50,
        section=enterprise_section,
        section_order=50,
    )
    spreadsheets.register(HOUSING_PROJECTS)
