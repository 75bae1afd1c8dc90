"""Export → import changes nothing, for every declared kind: the export has the template's columns, every row comes
back as "unchanged", no row, version or history entry moves. And an edited export is previewed, then applied."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from phoihop.activities.models import Activity
from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.indicators.models import ReportedValue
from phoihop.indicators.periods import Period
from phoihop.spreadsheets.registry import spreadsheets
from tests.activities.factories import ActivityFactory
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory
from tests.planning.factories import PlanFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def upload(client: Client, kind: str, content: bytes, confirm: bool = False):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/excel/{kind}/nhap/", {"file": SimpleUploadedFile("xuat.xlsx", content)}, headers={"HX-Request": "true"}
    )


def snapshot(model):  # type: ignore[no-untyped-def]
    return sorted((row.pk, row.version, row.updated_at) for row in model.objects.all())


def make_enterprises(officer) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Đình Vũ")
    EnterpriseFactory(name='=HYPERLINK("http://x")', tax_code="0201111111", owner_agency=officer.agency, zone=zone)
    EnterpriseFactory(
        name="Công ty Cổ phần Đình Vũ",
        tax_code="0201111112-001",
        owner_agency=officer.agency,
        workforce=1234,
        address="-5 đường số 3",
        sector="@cơ khí",
    )
    EnterpriseFactory(name="Công ty TNHH Hòa Bình", tax_code="0201111113", owner_agency=officer.agency, workforce=0)


def make_values(officer) -> None:  # type: ignore[no-untyped-def]
    plan = PlanFactory(year=2023)
    indicator = IndicatorFactory(code="CT01", name="Số đoàn viên kết nạp mới")
    ReportedValueFactory(plan=plan, indicator=indicator, agency=officer.agency, value=Decimal("13297"))
    ReportedValueFactory(
        plan=plan,
        indicator=indicator,
        agency=officer.agency,
        period=Period.quarter(2023, 2),
        value=Decimal("42.08"),
        note="+ ghi chú",
        source="phần mềm",
    )


def make_activities(officer) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Tràng Duệ")
    enterprise = EnterpriseFactory(tax_code="0202222222", owner_agency=officer.agency)
    ActivityFactory(
        owner_agency=officer.agency,
        zone=zone,
        enterprises=[enterprise],
        place="Hội trường",
        end_date=dt.date(2023, 3, 17),
    )
    ActivityFactory(owner_agency=officer.agency, title="Tết Sum vầy", start_date=dt.date(2023, 1, 10))


CASES = [
    ("directory.enterprise", make_enterprises, Enterprise, 3),
    ("indicators.value", make_values, ReportedValue, 2),
    ("activities.activity", make_activities, Activity, 2),
]


@pytest.mark.parametrize(("key", "make", "model", "count"), CASES, ids=[case[0] for case in CASES])
def test_export_then_import_changes_nothing(officer, client_for, key, make, model, count) -> None:  # type: ignore[no-untyped-def]
    make(officer)
    kind = spreadsheets.get(key)
    assert kind is not None
    client = client_for(officer)
    exported = client.get(f"/excel/{key}/xuat/")
    assert exported.status_code == 200
    cells = read_sheet(exported.content, "Dữ liệu")
    assert cells[1] == [column.key for column in kind.columns]
    assert len([row for row in cells[2:] if any(row)]) == count
    before, events = snapshot(model), AuditEvent.objects.count()

    answer = upload(client, key, exported.content)
    assert f"Đã nhập {count} dòng: 0 bản ghi mới, 0 bản ghi cập nhật, {count} không đổi." in answer.content.decode()
    assert snapshot(model) == before
    assert AuditEvent.objects.count() == events + 1  # the import's own entry, nothing per row


def test_formula_like_text_is_exported_as_text(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    make_enterprises(officer)
    exported = client_for(officer).get("/excel/directory.enterprise/xuat/?q=hyperlink")
    cells = read_sheet(exported.content, "Dữ liệu")
    assert [row[0] for row in cells[2:]] == ['=HYPERLINK("http://x")']
    import io
    import zipfile

    sheet_xml = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula cell anywhere


def test_export_follows_the_list_filter(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    make_enterprises(officer)
    exported = client_for(officer).get("/excel/directory.enterprise/xuat/?q=hoa binh")
    cells = read_sheet(exported.content, "Dữ liệu")
    assert [row[2] for row in cells[2:]] == ["0201111113"]


def test_values_export_edited_is_previewed_then_replaces_the_value(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    make_values(officer)
    client = client_for(officer)
    exported = client.get("/excel/indicators.value/xuat/")
    cells = read_sheet(exported.content, "Dữ liệu")
    kind = spreadsheets.get("indicators.value")
    assert kind is not None
    rows = [dict(zip([c.key for c in kind.columns], row, strict=False)) for row in cells[2:]]
    rows[0]["value"] = 14000
    from tests.spreadsheets.helpers import xlsx

    answer = upload(client, "indicators.value", xlsx(kind, rows))
    assert "sửa 1 bản ghi đã có" in answer.content.decode()
    assert "“13297” → “14000”" in answer.content.decode()
    assert ReportedValue.objects.filter(value=Decimal("13297")).exists()
    from phoihop.spreadsheets.models import ImportBatch

    batch = ImportBatch.objects.get(status="pending")
    client.post(f"/excel/indicators.value/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    assert ReportedValue.objects.filter(value=Decimal("14000")).exists()
    assert not ReportedValue.objects.filter(value=Decimal("13297")).exists()


def test_a_value_in_an_approved_period_is_refused_by_row(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    from phoihop.indicators.choices import ApprovalStatus
    from tests.indicators.factories import PeriodApprovalFactory
    from tests.spreadsheets.helpers import xlsx

    plan = PlanFactory(year=2023)
    IndicatorFactory(code="CT01", name="Số đoàn viên kết nạp mới")
    PeriodApprovalFactory(plan=plan, agency=officer.agency, status=ApprovalStatus.APPROVED)
    kind = spreadsheets.get("indicators.value")
    assert kind is not None
    row = {
        "plan": str(plan),
        "indicator": "CT01 — Số đoàn viên kết nạp mới",
        "agency": officer.agency.short_code,
        "period": "2023-03",
        "value": 5,
    }
    answer = upload(client_for(officer), "indicators.value", xlsx(kind, [row, {**row, "period": "2023-04"}]))
    text = answer.content.decode()
    assert "Trang tính Dữ liệu, dòng 3:" in text
    assert ReportedValue.objects.count() == 0
