""" "Xuất Excel" on the report list: an export-only kind giving every joint report the list shows, under the page's
column headers, the reference written as the list writes it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from phoihop.accounts.choices import Role
from phoihop.core.vnformat import format_datetime
from phoihop.planning.models import Plan
from phoihop.reports.models import Report
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


def test_report_export_lists_the_reports(small_world, client_for) -> None:  # type: ignore[no-untyped-def]
    viewer = small_world.user(Role.VIEWER)
    client = client_for(viewer)
    assert 'href="/excel/reports.report/xuat/"' in client.get("/bao-cao/").content.decode()
    exported = client.get("/excel/reports.report/xuat/")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == ["Báo cáo", "Kế hoạch", "Số, ký hiệu", "Trạng thái", "Cập nhật"]
    report = Report.objects.get()
    assert rows == [
        [
            "Báo cáo kết quả năm 2023",
            "Kế hoạch năm 2023",
            f"-BC/{report.symbol}",  # no number while a draft, as on the list
            "Dự thảo",
            format_datetime(report.updated_at),
        ]
    ]
    Report.objects.filter(pk=report.pk).update(number=12)
    Plan.objects.filter(pk=small_world.plan.pk).update(title="=Kế hoạch năm 2023")
    row = sheet(client.get("/excel/reports.report/xuat/").content)[1][0]
    assert row[1:3] == ["=Kế hoạch năm 2023", f"12-BC/{report.symbol}"]  # text, not a formula


def test_signed_out_no_export_and_nothing_is_imported(small_world, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads this list: only the signed-out are refused.
    refused = client.get("/excel/reports.report/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get("/spreadsheets/exports/reports.report").status_code == 401
    secretariat = client_for(small_world.secretariat)
    assert secretariat.get("/excel/reports.report/mau/").status_code == 404
    assert secretariat.get("/excel/reports.report/nhap/").status_code == 404
