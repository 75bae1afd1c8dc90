""" "Xuất Excel" on the indicator list (with its search) and on the validation rule list: export-only kinds, exactly
the rows each page lists, under its column headers."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from phoihop.indicators.choices import Measure, RuleOperator, UnitKind
from tests.directory.factories import AgencyFactory
from tests.indicators.factories import IndicatorFactory, ValidationRuleFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


@pytest.fixture
def indicators(db: None) -> tuple[object, object]:
    federation = AgencyFactory(name="Liên đoàn Lao động thành phố", short_code="LĐLĐTP")
    introduced = IndicatorFactory(
        code="CT01",
        name="=Số quần chúng ưu tú được giới thiệu",
        unit="người",
        unit_kind=UnitKind.PERSONS,
        measure=Measure.SUM_VALUES,
        owner_agency=federation,
        search_text="ct01 so quan chung uu tu duoc gioi thieu nguoi",
    )
    admitted = IndicatorFactory(
        code="CT02",
        name="Số đảng viên mới được kết nạp",
        unit="người",
        is_active=False,
        search_text="ct02 so dang vien moi duoc ket nap nguoi",
    )
    return introduced, admitted


def test_indicator_export_follows_the_search(indicators, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/chi-tieu/?q=quan chung").content.decode()
    assert 'href="/excel/indicators.indicator/xuat/?q=quan+chung"' in page
    exported = client.get("/excel/indicators.indicator/xuat/?q=quan chung")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == [
        "Mã",
        "Tên chỉ tiêu",
        "Đơn vị tính",
        "Loại đơn vị",
        "Cách tính",
        "Đơn vị phụ trách",
        "Đang sử dụng",
    ]
    assert rows == [
        [
            "CT01",
            "=Số quần chúng ưu tú được giới thiệu",  # text, not a formula
            "người",
            "Người",
            "Cộng số liệu báo cáo trong kỳ",
            "Liên đoàn Lao động thành phố",
            "Có",
        ]
    ]
    everything = sheet(client.get("/excel/indicators.indicator/xuat/?page=2").content)[1]
    assert [(row[0], row[6]) for row in everything] == [("CT01", "Có"), ("CT02", "Không")]


def test_rule_export_lists_every_rule(indicators, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    introduced, admitted = indicators
    ValidationRuleFactory(left=admitted, operator=RuleOperator.LE, right=introduced, message="=Kết nạp vượt giới thiệu")
    client = client_for(officer)
    page = client.get("/chi-tieu/quy-tac/").content.decode()
    assert 'href="/excel/indicators.rule/xuat/"' in page
    headers, rows = sheet(client.get("/excel/indicators.rule/xuat/").content)
    assert headers == ["Vế trái", "Phép so sánh", "Vế phải", "Thông báo khi vi phạm", "Áp dụng"]
    assert rows == [
        [
            "Số đảng viên mới được kết nạp",
            "≤",
            "=Số quần chúng ưu tú được giới thiệu",
            "=Kết nạp vượt giới thiệu",
            "Có",
        ]
    ]


@pytest.mark.parametrize("kind", ["indicators.indicator", "indicators.rule"])
def test_signed_out_no_export_and_nothing_is_imported(kind, officer, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads these lists: only the signed-out are refused.
    refused = client.get(f"/excel/{kind}/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get(f"/spreadsheets/exports/{kind}").status_code == 401
    assert client_for(officer).get(f"/excel/{kind}/mau/").status_code == 404
    assert client_for(officer).get(f"/excel/{kind}/nhap/").status_code == 404
