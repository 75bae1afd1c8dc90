"""Fixtures of the report tests.

`demo` loads the Hai Phong 2023 demo data once per test module inside a transaction that is rolled back when the
module ends, so the demo's twenty seconds are paid once per module and no other test sees its rows; each test still
runs in its own savepoint (the `db` fixture) and leaves nothing behind. `small_world` builds a minimal programme
through the services, for tests that need a report but not the seed's content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Agency
from phoihop.planning.models import Plan
from phoihop.reports.models import Report
from tests.accounts.factories import UserFactory
from tests.directory.factories import AgencyFactory


@pytest.fixture(scope="module")
def demo(whole_demo: LoadReport) -> None:
    """The whole demo data set for the module (tests/conftest.py)."""


@pytest.fixture
def memory_storage(settings: pytest.FixtureRequest) -> None:
    """Rendered files go to an in-memory storage backend, as they would to object storage."""
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def demo_user(username: str) -> User:
    return User.objects.get(username=username)


def demo_report() -> Report:
    return Report.objects.select_related("plan").get(plan__year=2023)


@dataclass
class SmallWorld:
    """Three bodies (Party, State, union), a programme, a 2023 plan with two areas and three items, and its report."""

    party: Agency
    state: Agency
    union: Agency
    plan: Plan
    report: Report
    secretariat: User

    def user(self, role: Role | str, body: str = "state", **kwargs: object) -> User:
        agency = {"party": self.party, "state": self.state, "union": self.union}[body]
        if role == Role.ADMIN:
            from tests.accounts.factories import AdminFactory

            return AdminFactory(**kwargs)
        return UserFactory(role=role, agency=agency, **kwargs)


@pytest.fixture
def small_world(db: None) -> SmallWorld:
    from phoihop.planning import services as planning
    from phoihop.reports.services import create_report

    party = AgencyFactory(short_code="BDV", name="Ban Dân vận", kind="party", header_lines="THÀNH ỦY\nBAN DÂN VẬN")
    state = AgencyFactory(short_code="BQL", name="Ban Quản lý", kind="state", header_lines="ỦY BAN\nBAN QUẢN LÝ")
    union = AgencyFactory(short_code="LĐ", name="Liên đoàn Lao động", kind="union", header_lines="TỔNG LĐ\nLIÊN ĐOÀN")
    secretariat = UserFactory(role=Role.SECRETARIAT, agency=party, username="thuky")
    document = planning.create_document(
        actor=secretariat,
        data={
            "kind": "plan",
            "number": "07",
            "symbol": "KH/BDV-BQL-LĐ",
            "issued_on": dt.date(2023, 1, 5),
            "title": "về phối hợp năm 2023",
        },
    )
    programme = planning.create_programme(
        actor=secretariat,
        data={"title": "Chương trình phối hợp", "start_year": 2021, "end_year": 2025},
        bodies=[union, state, party],
    )
    plan = planning.create_plan(
        actor=secretariat,
        data={
            "programme": programme,
            "year": 2023,
            "title": "Kế hoạch năm 2023",
            "document": document,
            "period_start": dt.date(2023, 1, 1),
            "period_end": dt.date(2023, 12, 31),
            "status": "active",
        },
    )
    area = planning.create_area(actor=secretariat, plan=plan, data={"number": 1, "title": "Tuyên truyền"})
    planning.create_area(actor=secretariat, plan=plan, data={"number": 2, "title": "Chăm lo đời sống"})
    for number, status in ((1, "done"), (2, "done"), (3, "not_done")):
        planning.create_item(
            actor=secretariat,
            plan=plan,
            data={
                "area": area,
                "number": number,
                "title": f"nội dung số {number}",
                "lead_agency": state,
                "status": status,
                "not_done_reason": "Chưa bố trí được kinh phí." if status != "done" else "",
            },
        )
    report = create_report(actor=secretariat, plan=plan, data={"recipients": "- Lưu: VT."})
    return SmallWorld(party=party, state=state, union=union, plan=plan, report=report, secretariat=secretariat)
