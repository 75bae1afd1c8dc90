"""Fixtures shared by the planning and indicators tests: the bodies of the programme with a unit under one of them,
a user per role and body, a plan, and the demo data set."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.models import Agency
from phoihop.indicators.models import Indicator, Target
from phoihop.planning.models import Plan
from tests.accounts.factories import AdminFactory, UserFactory
from tests.directory.factories import AgencyFactory
from tests.indicators.factories import IndicatorFactory, TargetFactory
from tests.planning.factories import AreaFactory, PlanFactory


@dataclass
class Bodies:
    bdvtu: Agency
    bqlkkt: Agency
    ldldtp: Agency
    cdkkt: Agency  # the Economic Zone Union, a unit of the City Labour Federation
    dukkt: Agency

    def user(self, role: str, agency: Agency | None = None, **kwargs: object) -> User:
        if role == Role.ADMIN:
            return AdminFactory(**kwargs)
        return UserFactory(role=role, agency=agency or self.ldldtp, **kwargs)


@pytest.fixture
def bodies(db: None) -> Bodies:
    ldldtp = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")
    return Bodies(
        bdvtu=AgencyFactory(short_code="BDVTU", name="Ban Dân vận Thành ủy", kind="party"),
        bqlkkt=AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng"),
        ldldtp=ldldtp,
        cdkkt=AgencyFactory(short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", kind="union", parent=ldldtp),
        dukkt=AgencyFactory(short_code="ĐUKKT", name="Đảng ủy Khu kinh tế Hải Phòng", kind="party"),
    )


@pytest.fixture
def plan(db: None) -> Plan:
    return PlanFactory(year=2023)


@pytest.fixture
def secretariat(bodies: Bodies) -> User:
    return bodies.user(Role.SECRETARIAT, bodies.bdvtu, username="thuky")


@pytest.fixture
def ld_officer(bodies: Bodies) -> User:
    return bodies.user(Role.OFFICER, bodies.ldldtp, username="ld_canbo")


@pytest.fixture
def ld_leader(bodies: Bodies) -> User:
    return bodies.user(Role.LEADER, bodies.ldldtp, username="ld_lanhdao")


@pytest.fixture
def members(db: None) -> Indicator:
    """New union members: summed reported values, in persons."""
    return IndicatorFactory(code="PTDV", name="Đoàn viên công đoàn phát triển mới", unit="đoàn viên")


@pytest.fixture
def members_target(plan: Plan, bodies: Bodies, members: Indicator) -> Target:
    return TargetFactory(indicator=members, plan=plan, agency=bodies.cdkkt, value=Decimal(21500))


@pytest.fixture
def area(plan: Plan):  # type: ignore[no-untyped-def]
    return AreaFactory(plan=plan, number=1, title="Phối hợp trong công tác lãnh đạo, chỉ đạo")


@pytest.fixture
def demo(db: None):  # type: ignore[no-untyped-def]
    """The directory and planning parts of the Hai Phong demo data set, loaded as `load_demo` loads them."""
    from phoihop.demo.loader import load_demo

    return load_demo(only=["directory", "planning", "indicators"])
