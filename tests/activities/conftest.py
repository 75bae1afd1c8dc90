from __future__ import annotations

from pathlib import Path

import pytest

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
def authority(db: None) -> Agency:
    return AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng", kind=AgencyKind.STATE)
