"""The whole demo data set, exported and imported back by an officer, changes nothing, for every programme record
kind matched by its natural key: every row comes back "unchanged" — other bodies' rows too —, no record's version or
time moves, the import is one history entry, and no cell of the export is a formula."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.apps import apps

from phoihop.core.models import AuditEvent
from tests.spreadsheets.helpers import data_rows, upload_sheet

# One worker loads the demo once for the five kinds.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_round_trip")]

KINDS = {
    "organizing.founding": "organizing.Founding",
    "practices.practice": "practices.GoodPractice",
    "oversight.inspection": "oversight.Inspection",
    "housing.project": "housing.HousingProject",
    "activities.activity": "activities.Activity",
}


@pytest.mark.parametrize("kind", KINDS)
def test_the_demo_exported_and_imported_back_changes_nothing(kind, whole_demo, client_for) -> None:  # type: ignore[no-untyped-def]
    from phoihop.accounts.models import User

    model = apps.get_model(KINDS[kind])

    def snapshot() -> list[tuple[object, ...]]:
        return sorted((row.pk, row.version, row.updated_at) for row in model._default_manager.all())

    client = client_for(User.objects.get(username="ldldtp.canbo"))
    exported = client.get(f"/excel/{kind}/xuat/")
    count = len(data_rows(exported.content))
    assert count == model._default_manager.count() > 0
    before, events = snapshot(), AuditEvent.objects.count()
    text = upload_sheet(client, exported.content, name="xuat.xlsx", kind=kind)
    assert f"Đã nhập {count} dòng: 0 bản ghi mới, 0 bản ghi cập nhật, {count} không đổi." in text
    assert snapshot() == before
    assert AuditEvent.objects.count() == events + 1
    sheet_xml = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
