"""Activities in Excel: an export imported back changes nothing, a row is matched with the body's recorded activity
by kind, title (whatever its case and spaces) and start date and its change previewed, the same activity twice in a
file is named by its rows, and the services' rules (an end before the start) are named by row before anything is
written."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest

from phoihop.activities.models import Activity
from phoihop.core.models import AuditEvent
from phoihop.spreadsheets.models import ImportBatch
from tests.activities.factories import ActivityFactory
from tests.spreadsheets.helpers import data_rows, sheet_kind, upload_sheet, xlsx

pytestmark = pytest.mark.django_db

KIND = "activities.activity"
kind = partial(sheet_kind, KIND)
upload = partial(upload_sheet, name="hoat-dong.xlsx", kind=KIND)


def snapshot() -> list[tuple[Any, ...]]:
    return sorted((a.pk, a.version, a.updated_at) for a in Activity.objects.all())


@pytest.fixture
def recorded(officer, other_agency):  # type: ignore[no-untyped-def]
    ActivityFactory(owner_agency=officer.agency, title="Tuyên truyền pháp luật lao động", place="KCN Đình Vũ")
    ActivityFactory(owner_agency=other_agency, title="Tuyên truyền pháp luật lao động")


def test_an_export_imported_back_changes_nothing(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/")
    assert sorted(row["owner_agency"] for row in data_rows(exported.content)) == ["BQLKKT", "LĐLĐTP"]  # theirs too
    before, events = snapshot(), AuditEvent.objects.count()
    text = upload(client, exported.content)
    assert "Đã nhập 2 dòng: 0 bản ghi mới, 0 bản ghi cập nhật, 2 không đổi." in text
    assert snapshot() == before
    assert AuditEvent.objects.count() == events + 1


def test_a_change_is_matched_previewed_then_applied(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    row = {
        "kind": "Tuyên truyền",
        "title": "tuyên truyền  PHÁP LUẬT lao động",
        "start_date": dt.date(2023, 3, 15),
        "place": "Nhà văn hóa công nhân",
    }
    text = upload(client, xlsx(kind(), [row]))
    assert "sửa 1 bản ghi đã có" in text
    assert "“KCN Đình Vũ” → “Nhà văn hóa công nhân”" in text
    batch = ImportBatch.objects.get(status="pending")
    client.post(f"/excel/{KIND}/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    mine = Activity.objects.get(owner_agency=officer.agency)
    assert (mine.place, mine.version) == ("Nhà văn hóa công nhân", 2)
    assert Activity.objects.count() == 2


def test_bad_rows_are_named_and_nothing_is_written(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    row = {"kind": "Tuyên truyền", "title": "Hội thi an toàn lao động", "start_date": dt.date(2023, 5, 2)}
    late = {**row, "title": "Đối thoại định kỳ", "end_date": dt.date(2023, 5, 1)}
    text = upload(client_for(officer), xlsx(kind(), [row, row, late]))
    assert "Trang tính Dữ liệu, dòng 4, cột Tên hoạt động: trùng loại, tên và ngày bắt đầu với dòng 3" in text
    assert "Trang tính Dữ liệu, dòng 5: Ngày kết thúc không được trước ngày bắt đầu." in text
    assert not Activity.objects.exists()
    assert not ImportBatch.objects.filter(status="done").exists()
