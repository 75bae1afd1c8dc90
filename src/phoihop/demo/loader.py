"""Loads the Hai Phong 2023 demo data set through the same services officers use. Idempotent: what exists
(by its natural key) is left alone, so `load_demo` can run on every `make demo`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.accounts.services import create_user
from phoihop.demo import activities_data, organizing_data, oversight_data
from phoihop.demo import directory_data as d
from phoihop.demo.activities_data import load_activities
from phoihop.demo.cases_data import load_cases
from phoihop.demo.housing_data import load_housing
from phoihop.demo.organizing_data import load_foundings
from phoihop.demo.oversight_data import load_inspections, load_topics
from phoihop.demo.planning_data import STEPS as PLANNING_STEPS
from phoihop.demo.practices_data import load_practices
from phoihop.demo.reports_data import load_report
from phoihop.demo.workforce_data import load_workforce
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.services import create_agency, create_enterprise, create_zone
from phoihop.indicators.models import Indicator, Target
from phoihop.indicators.services import create_indicator, create_target
from phoihop.planning.models import Plan


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def count(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


def load_agencies(report: LoadReport) -> None:
    for row in d.AGENCIES:
        if Agency.objects.filter(short_code=row["short_code"]).exists():
            continue
        parent = Agency.objects.get(short_code=row["parent"]) if row["parent"] else None
        create_agency(
            actor=None,
            data={
                "name": row["name"],
                "short_code": row["short_code"],
                "kind": row["kind"],
                "parent": parent,
                "header_lines": row["header_lines"],
            },
        )
        report.count("agencies")


def load_users(report: LoadReport) -> None:
    if not User.objects.filter(username=d.ADMIN_USERNAME).exists():
        create_user(
            actor=None,
            username=d.ADMIN_USERNAME,
            password=d.DEMO_PASSWORD,
            role=Role.ADMIN,
            agency=None,
            full_name="Quản trị hệ thống",
        )
        report.count("users")
    report.logins.append((d.ADMIN_USERNAME, d.DEMO_PASSWORD, "Quản trị hệ thống"))
    for code in d.JOINT_BODIES:
        agency = Agency.objects.get(short_code=code)
        for role, slug in d.ROLE_SLUGS.items():
            username = f"{d.BODY_SLUGS[code]}.{slug}"
            if not User.objects.filter(username=username).exists():
                create_user(
                    actor=None,
                    username=username,
                    password=d.DEMO_PASSWORD,
                    role=role,
                    agency=agency,
                    full_name=f"{d.ROLE_NAMES[role]} {code}",
                )
                report.count("users")
            report.logins.append((username, d.DEMO_PASSWORD, f"{Role(role).label} — {agency.name}"))


def _admin() -> User:
    return User.objects.get(username=d.ADMIN_USERNAME)


def load_zones(report: LoadReport) -> None:
    admin = _admin()
    for row in d.ZONES:
        if Zone.objects.filter(name=row["name"]).exists():
            continue
        create_zone(
            actor=admin,
            data={
                "name": row["name"],
                "kind": row["kind"],
                "parent": Zone.objects.get(name=row["parent"]) if row["parent"] else None,
                "district": row["district"],
                "area_ha": Decimal(row["area_ha"]) if row["area_ha"] else None,
            },
        )
        report.count("zones")


def load_enterprises(report: LoadReport) -> None:
    admin = _admin()
    for row in d.ENTERPRISES:
        if Enterprise.objects.filter(tax_code=row["tax_code"]).exists():
            continue
        create_enterprise(
            actor=admin,
            owner_agency=Agency.objects.get(short_code=row["owner"]),
            data={
                "name": row["name"],
                "short_name": row["short_name"],
                "tax_code": row["tax_code"],
                "zone": Zone.objects.get(name=row["zone"]) if row["zone"] else None,
                "ownership": row["ownership"],
                "investor_country": row["investor_country"],
                "sector": row["sector"],
                "workforce": int(row["workforce"]) if row["workforce"] else None,
            },
        )
        report.count("enterprises")


def indicator_step(rows: list[dict[str, Any]]) -> Callable[[LoadReport], None]:
    """A step that adds indicators of the 2023 plan that count a module's records, each with its plan line (target).
    Skipped while the 2023 plan is not there; idempotent by indicator code and by (plan, indicator, body)."""

    def load_indicators(report: LoadReport) -> None:
        plan = Plan.objects.filter(year=2023).first()
        if plan is None:
            return
        admin = _admin()
        agencies = {agency.short_code: agency for agency in Agency.objects.all()}
        position = Target.objects.filter(plan=plan).count()
        for row in rows:
            indicator = Indicator.objects.filter(code=row["code"]).first()
            if indicator is None:
                fields = ("code", "name", "unit", "unit_kind", "measure", "record_kind", "record_filter", "sum_field")
                data = {name: row[name] for name in fields}
                indicator = create_indicator(
                    actor=admin,
                    data={**data, "owner_agency": agencies[row["owner"]], "counting": row.get("counting", "")},
                )
                report.count("indicators")
            agency = agencies[row["target_agency"]] if row["target_agency"] else None
            if not Target.objects.filter(plan=plan, indicator=indicator, agency=agency).exists():
                position += 1
                create_target(
                    actor=admin,
                    plan=plan,
                    data={"indicator": indicator, "agency": agency, "value": row["target"], "position": position},
                )
                report.count("targets")

    return load_indicators


# Each app that brings demo data adds its step here, after the steps it depends on.
# load_cases stays after the planning step, which registers Thông báo số 1558-TB/TU that petitions cite.
STEPS: list[Callable[[LoadReport], None]] = [
    load_agencies,
    load_users,
    load_zones,
    load_enterprises,
    *PLANNING_STEPS,  # the programme, plans, cited documents, indicators and approved 2023 values
    load_cases,
]
# Activities and foundings link to the 2023 plan's items, so they come after every step above (planning included).
STEPS += [
    load_activities,
    load_foundings,
    indicator_step(activities_data.INDICATORS),
    indicator_step(organizing_data.INDICATORS),
]
STEPS += [load_topics, load_inspections, load_practices, load_housing, indicator_step(oversight_data.INDICATORS)]
STEPS += [load_workforce]  # illustrative 2023 labour reports, incidents, a survey; the warnings they raise
# The joint report binds every app's records: it goes last.
STEPS += [load_report]


@transaction.atomic
def load_demo() -> LoadReport:
    report = LoadReport()
    for step in STEPS:
        step(report)
    return report
