from __future__ import annotations

from pathlib import Path

import pytest

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.choices import AgencyKind
from phoihop.directory.models import Agency
from tests.directory.factories import AgencyFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Attachments go to a throw-away folder, never to var/media."""
    media = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": media}},
    }
    return media


@pytest.fixture
def federation(db: None) -> Agency:
    return AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION)


@pytest.fixture
def zone_union(federation: Agency) -> Agency:
    return AgencyFactory(
        short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", kind=AgencyKind.UNION, parent=federation
    )


@pytest.fixture
def authority(db: None) -> Agency:
    return AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng", kind=AgencyKind.STATE)


@pytest.fixture
def union_officer(federation: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.OFFICER, federation, username="canbo.ldld", first_name="Trần", last_name="Thị Hoa")


@pytest.fixture
def union_leader(federation: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, federation, username="lanhdao.ldld", first_name="Lê", last_name="Văn Nam")
