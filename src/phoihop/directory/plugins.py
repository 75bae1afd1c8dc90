"""What the directory offers other apps' pages (core/plugins.py): its menu entries and the home page's counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, providers, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def home_section(*, user: User) -> dict[str, Any]:
    from phoihop.directory.selectors import directory_summary

    return {"summary": directory_summary(user=user)}


def plug_in() -> None:
    menu.add(
        group="directory",
        url_name="directory:enterprise_list",
        label=_("Doanh nghiệp"),
        prefix="/danh-muc/doanh-nghiep/",
        order=10,
    )
    menu.add(
        group="directory",
        url_name="directory:zone_list",
        label=_("Khu công nghiệp, khu kinh tế"),
        prefix="/danh-muc/khu/",
        order=20,
    )
    menu.add(
        group="directory",
        url_name="directory:agency_list",
        label=_("Cơ quan, đơn vị"),
        prefix="/danh-muc/co-quan/",
        order=30,
    )
    register_spreadsheets()
    sections.add("home", key="directory", template="directory/home_section.html", context=home_section, order=90)
    declare_demo_data()


def register_spreadsheets() -> None:
    """The enterprise directory's Excel template, import and export, and the zone and agency lists' export
    (directory/sheets.py). The directory imports no app above core and accounts, so it offers the declarations as
    providers the Excel layer picks up."""
    from phoihop.directory.sheets import declare, declare_agencies, declare_zones

    providers.add("spreadsheets:directory.enterprise", declare)
    providers.add("spreadsheets:directory.zone", declare_zones)
    providers.add("spreadsheets:directory.agency", declare_agencies)


def declare_demo_data() -> None:
    """The demo's bodies, accounts, zones and enterprises (demo/data/directory.json; core/plugins.py, demo_data)."""
    from phoihop.core.plugins import demo_data
    from phoihop.directory import services
    from phoihop.directory.models import Agency, Enterprise, Zone

    demo_data.kind(
        "directory.agency",
        services.create_agency,
        Agency,
        natural_key={"short_code": "data.short_code"},
        fields={"data.parent": "directory.agency"},
    )
    demo_data.kind(
        "directory.zone",
        services.create_zone,
        Zone,
        natural_key={"name": "data.name"},
        fields={"data.parent": "directory.zone", "data.area_ha": "decimal"},
    )
    demo_data.kind(
        "directory.enterprise",
        services.create_enterprise,
        Enterprise,
        natural_key={"tax_code": "data.tax_code"},
        fields={"owner_agency": "directory.agency", "data.zone": "directory.zone"},
    )
    demo_data.converter("directory.agency", lambda code: Agency.objects.get(short_code=code))
    demo_data.converter("directory.zone", lambda name: Zone.objects.get(name=name))
    demo_data.converter("directory.enterprise", lambda tax_code: Enterprise.objects.get(tax_code=tax_code))
    demo_data.file(
        "directory", order=10, kinds=("directory.agency", "accounts.user", "directory.zone", "directory.enterprise")
    )
