from __future__ import annotations

import pytest

from phoihop.directory.choices import AgencyKind, Ownership
from phoihop.directory.models import Agency, Enterprise
from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory


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
