from __future__ import annotations

import pytest

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.choices import AgencyKind, Ownership
from phoihop.directory.models import Agency, Enterprise
from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory


@pytest.fixture
def federation(db: None) -> Agency:
    return AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION)


@pytest.fixture
def zone_union(federation: Agency) -> Agency:
    return AgencyFactory(
        short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", kind=AgencyKind.UNION, parent=federation
    )


@pytest.fixture
def party_committee(db: None) -> Agency:
    return AgencyFactory(short_code="ĐUKKT", name="Đảng ủy Khu kinh tế Hải Phòng", kind=AgencyKind.PARTY)


@pytest.fixture
def youth_union(party_committee: Agency) -> Agency:
    return AgencyFactory(
        short_code="ĐTNKKT", name="Đoàn Thanh niên Khu kinh tế Hải Phòng", kind=AgencyKind.YOUTH, parent=party_committee
    )


@pytest.fixture
def maple(db: None) -> Enterprise:
    return EnterpriseFactory(
        name="Công ty TNHH Maple",
        tax_code="0299000013",
        ownership=Ownership.WHOLLY_FOREIGN,
        zone=ZoneFactory(name="KCN Đình Vũ"),
    )


@pytest.fixture
def union_officer(federation: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.OFFICER, federation, username="canbo.ldld", first_name="Trần", last_name="Thị Hoa")


@pytest.fixture
def union_leader(federation: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, federation, username="lanhdao.ldld", first_name="Lê", last_name="Văn Nam")
