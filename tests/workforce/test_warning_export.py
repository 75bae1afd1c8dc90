""" "Xuất Excel" on the warning list: an export-only kind giving exactly the warnings the list shows with its filter
(search, zone, body, rule, status; closed ones only when asked for), under the page's column headers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from phoihop.workforce.choices import RuleCode, Severity, WarningStatus
from phoihop.workforce.models import Warning, WarningRule
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


def moment(day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2023, 5, day, 8, 30))


@pytest.fixture
def warnings(officer, other_agency):  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Tràng Duệ")
    hoa_thinh = EnterpriseFactory(name="Công ty TNHH Giày da Hoa Thịnh", zone=zone, search_text="giay da hoa thinh")
    dong_hai = EnterpriseFactory(name="Công ty TNHH Bao bì Đông Hải", search_text="bao bi dong hai")
    arrears = WarningRule.objects.get(code=RuleCode.SI_ARREARS)
    agreement = WarningRule.objects.get(code=RuleCode.AGREEMENT)
    Warning.objects.create(
        rule=arrears,
        enterprise=hoa_thinh,
        severity=Severity.HIGH,
        summary="=Nợ bảo hiểm xã hội 4 tháng",
        opened_at=moment(4),
        status=WarningStatus.ACKNOWLEDGED,
        handling_agency=officer.agency,
    )
    Warning.objects.create(
        rule=agreement, enterprise=dong_hai, severity=Severity.MEDIUM, summary="Thỏa ước hết hạn", opened_at=moment(6)
    )
    Warning.objects.create(
        rule=agreement,
        enterprise=hoa_thinh,
        severity=Severity.MEDIUM,
        summary="Thỏa ước hết hạn",
        opened_at=moment(1),
        status=WarningStatus.CLOSED,
        closed_at=moment(3),
    )


def test_warning_export_follows_the_search_and_the_rule(warnings, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/tinh-hinh-lao-dong/canh-bao/?q=hoa thinh&rule=si_arrears").content.decode()
    assert 'href="/excel/workforce.warning/xuat/?q=hoa+thinh&amp;rule=si_arrears"' in page
    exported = client.get("/excel/workforce.warning/xuat/?q=hoa thinh&rule=si_arrears")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == [
        "Doanh nghiệp",
        "Khu công nghiệp, khu kinh tế",
        "Cảnh báo",
        "Mức độ",
        "Căn cứ",
        "Phát sinh",
        "Trạng thái",
        "Đơn vị xử lý",
    ]
    assert rows == [
        [
            "Công ty TNHH Giày da Hoa Thịnh",
            "KCN Tràng Duệ",
            WarningRule.objects.get(code=RuleCode.SI_ARREARS).name,
            "Cao",
            "=Nợ bảo hiểm xã hội 4 tháng",  # text, not a formula
            "08:30 ngày 04/5/2023",
            "Đã tiếp nhận",
            "BQLKKT",
        ]
    ]


def test_warning_export_leaves_closed_warnings_out_unless_asked(warnings, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    live = sheet(client.get("/excel/workforce.warning/xuat/?page=2").content)[1]
    assert [(row[0], row[6], row[7]) for row in live] == [
        ("Công ty TNHH Giày da Hoa Thịnh", "Đã tiếp nhận", "BQLKKT"),
        ("Công ty TNHH Bao bì Đông Hải", "Mới phát sinh", ""),
    ]
    closed = sheet(client.get("/excel/workforce.warning/xuat/?status=closed").content)[1]
    assert [(row[0], row[6]) for row in closed] == [("Công ty TNHH Giày da Hoa Thịnh", "Đã đóng")]


def test_signed_out_no_export_and_nothing_is_imported(officer, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads this list: only the signed-out are refused.
    refused = client.get("/excel/workforce.warning/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get("/spreadsheets/exports/workforce.warning").status_code == 401
    assert client_for(officer).get("/excel/workforce.warning/mau/").status_code == 404
    assert client_for(officer).get("/excel/workforce.warning/nhap/").status_code == 404
