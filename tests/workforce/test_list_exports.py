""" "Xuất Excel" on the incident and survey lists: the rows the list shows with its filter (search, kind, year, body),
every row and not one page, read back from the file; both kinds are export-only (no template, no import)."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.accounts.choices import Role
from phoihop.workforce.choices import CauseTopic, IncidentKind, Outcome
from phoihop.workforce.services import create_survey
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.spreadsheets.helpers import read_sheet
from tests.workforce.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def data_rows(content: bytes) -> list[list[object]]:
    return [row for row in read_sheet(content, "Dữ liệu")[2:] if any(row)]


@pytest.fixture
def incidents(officer, other_agency):  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Tràng Duệ")
    hoa_thinh = EnterpriseFactory(name="Công ty TNHH Giày da Hoa Thịnh", tax_code="0201111111", zone=zone)
    dong_hai = EnterpriseFactory(name="Công ty TNHH Bao bì Đông Hải", tax_code="0202222222")
    other = other_agency
    stoppage = IncidentFactory(
        owner_agency=officer.agency,
        enterprise=hoa_thinh,
        kind=IncidentKind.STOPPAGE,
        started_on=dt.date(2023, 5, 4),
        ended_on=dt.date(2023, 5, 5),
        workers_involved=1200,
        cause_topic=CauseTopic.MEALS,
        demands="=nâng giá trị bữa ăn",
        outcome=Outcome.RESOLVED,
    )
    stoppage.handled_by.set([officer.agency, other])
    IncidentFactory(
        owner_agency=officer.agency,
        enterprise=dong_hai,
        kind=IncidentKind.WAGE_ARREARS,
        started_on=dt.date(2023, 8, 1),
        workers_involved=80,
    )
    IncidentFactory(owner_agency=other, enterprise=dong_hai, kind=IncidentKind.STOPPAGE, started_on=dt.date(2024, 2, 1))
    return stoppage


def test_incident_export_follows_the_kind_and_year_filter(incidents, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/tinh-hinh-lao-dong/vu-viec/?kind=stoppage&year=2023").content.decode()
    assert 'href="/excel/workforce.incident/xuat/?kind=stoppage&amp;year=2023"' in page
    exported = client.get("/excel/workforce.incident/xuat/?kind=stoppage&year=2023")
    assert exported.status_code == 200
    cells = read_sheet(exported.content, "Dữ liệu")
    assert cells[0][:4] == ["Ngày xảy ra", "Ngày kết thúc", "Loại vụ việc", "Doanh nghiệp"]
    rows = data_rows(exported.content)
    assert len(rows) == 1
    row = dict(zip(cells[1], rows[0], strict=False))
    assert row["started_on"] == dt.date(2023, 5, 4)
    assert row["kind"] == "Ngừng việc tập thể, đình công"
    assert row["enterprise"] == "Công ty TNHH Giày da Hoa Thịnh"
    assert row["tax_code"] == "0201111111"
    assert row["zone"] == "KCN Tràng Duệ"
    assert row["workers_involved"] == 1200
    assert row["cause_topic"] == "Bữa ăn giữa ca"
    assert row["demands"] == "=nâng giá trị bữa ăn"  # text, not a formula
    assert row["handled_by"] == "BQLKKT; LĐLĐTP"
    assert row["outcome"] == "Đã giải quyết"


def test_incident_export_follows_the_search_and_the_body_choice(incidents, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    searched = data_rows(client.get("/excel/workforce.incident/xuat/?q=dong hai").content)
    assert sorted(row[2] for row in searched) == ["Ngừng việc tập thể, đình công", "Nợ lương"]
    mine = data_rows(client.get("/excel/workforce.incident/xuat/?q=dong hai&scope=mine").content)
    assert [row[2] for row in mine] == ["Nợ lương"]
    everything = data_rows(client.get("/excel/workforce.incident/xuat/?page=2").content)
    assert len(everything) == 3  # every row, whatever page the list was on


@pytest.fixture
def surveys(officer):  # type: ignore[no-untyped-def]
    hoa_thinh = EnterpriseFactory(name="Công ty TNHH Giày da Hoa Thịnh")
    dong_hai = EnterpriseFactory(name="Công ty TNHH Bao bì Đông Hải")
    common = {"questions": [{"kind": "scale", "text": "Mức độ gắn bó với doanh nghiệp"}]}
    create_survey(
        actor=officer,
        data={
            "title": "Khảo sát đời sống công nhân 2023",
            "opens_on": dt.date(2023, 3, 1),
            "closes_on": dt.date(2023, 4, 30),
            "enterprises": [hoa_thinh, dong_hai],
        },
        **common,
    )
    create_survey(
        actor=officer,
        data={
            "title": "Khảo sát bữa ăn giữa ca 2024",
            "opens_on": dt.date(2024, 3, 1),
            "closes_on": dt.date(2024, 4, 30),
            "enterprises": [dong_hai],
        },
        **common,
    )


def test_survey_export_follows_the_year_and_the_search(surveys, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/tinh-hinh-lao-dong/khao-sat/?year=2023").content.decode()
    assert 'href="/excel/workforce.survey/xuat/?year=2023"' in page
    exported = client.get("/excel/workforce.survey/xuat/?year=2023")
    assert exported.status_code == 200
    cells = read_sheet(exported.content, "Dữ liệu")
    assert cells[0] == [
        "Tên cuộc khảo sát",
        "Mở từ ngày",
        "Đến hết ngày",
        "Số doanh nghiệp khảo sát",
        "Số phiếu trả lời",
        "Đơn vị khảo sát",
    ]
    assert data_rows(exported.content) == [
        ["Khảo sát đời sống công nhân 2023", dt.date(2023, 3, 1), dt.date(2023, 4, 30), 2, 0, officer.agency.short_code]
    ]
    searched = data_rows(client.get("/excel/workforce.survey/xuat/?q=bua an").content)
    assert [row[0] for row in searched] == ["Khảo sát bữa ăn giữa ca 2024"]
    assert len(data_rows(client.get("/excel/workforce.survey/xuat/").content)) == 2


@pytest.mark.parametrize("kind", ["workforce.incident", "workforce.survey"])
def test_the_lists_are_export_only(kind, officer, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/tinh-hinh-lao-dong/vu-viec/" if kind.endswith("incident") else "/tinh-hinh-lao-dong/khao-sat/")
    text = page.content.decode()
    assert f'href="/excel/{kind}/xuat/' in text
    assert f"/excel/{kind}/mau/" not in text
    assert f"/excel/{kind}/nhap/" not in text
    assert client.get(f"/excel/{kind}/mau/").status_code == 404
    assert client.get(f"/excel/{kind}/nhap/").status_code == 404
    viewer = make_user(Role.VIEWER, officer.agency)
    assert client_for(viewer).get(f"/excel/{kind}/xuat/").status_code == 200


def test_the_export_is_not_kept_by_caches(incidents, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    exported = client_for(officer).get("/excel/workforce.incident/xuat/")
    assert "no-store" in exported["Cache-Control"]


def test_the_api_exports_the_list_with_its_filter(incidents, officer, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    exported = api.get("/spreadsheets/exports/workforce.incident", kind="wage_arrears")
    assert exported.status_code == 200
    assert [row[3] for row in data_rows(exported.content)] == ["Công ty TNHH Bao bì Đông Hải"]
    assert api.get("/spreadsheets/templates/workforce.incident").status_code == 404
