""" "Xuất Excel" on the petition list (its filter, sort and visibility: a body not concerned gets nothing) and on the
topic list: export-only kinds, exactly the rows each page lists, under its column headers. A petition names a group
or unit, never a person (docs/privacy.md), so nothing in them is masked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from phoihop.accounts.choices import Role
from phoihop.cases.choices import PetitionStatus
from tests.cases.factories import PetitionFactory, TopicFactory
from tests.directory.factories import AgencyFactory
from tests.planning.factories import DocumentFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


@pytest.fixture
def petitions(officer, other_agency):  # type: ignore[no-untyped-def]
    notice = DocumentFactory(kind="notice", number="1558", symbol="TB/TU", issued_on=dt.date(2023, 5, 27))
    PetitionFactory(
        title="=Tăng giá trị bữa ăn giữa ca",
        raised_by="Công nhân lao động KCN Tràng Duệ",
        raised_on=dt.date(2023, 5, 13),
        owner_agency=officer.agency,
        responsible_agency=other_agency,
        conclusion_document=notice,
        status=PetitionStatus.ANSWERED,
    )
    PetitionFactory(
        title="Xây nhà ở xã hội cho công nhân",
        raised_on=dt.date(2024, 6, 1),
        owner_agency=officer.agency,
        status=PetitionStatus.RESOLVED,
        resolved_on=dt.date(2024, 9, 1),
    )
    PetitionFactory(title="Kiến nghị của đơn vị khác", owner_agency=AgencyFactory(), raised_on=dt.date(2023, 7, 1))


def test_petition_export_follows_the_filter(petitions, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/vu-viec/kien-nghi/?year=2023&status=answered").content.decode()
    assert 'href="/excel/cases.petition/xuat/?year=2023&amp;status=answered"' in page
    exported = client.get("/excel/cases.petition/xuat/?year=2023&status=answered")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == [
        "Kiến nghị",
        "Tập thể, đơn vị kiến nghị",
        "Ngày",
        "Cơ quan chịu trách nhiệm",
        "Văn bản trả lời",
        "Trạng thái",
    ]
    assert rows == [
        [
            "=Tăng giá trị bữa ăn giữa ca",  # text, not a formula
            "Công nhân lao động KCN Tràng Duệ",
            dt.date(2023, 5, 13),
            "LĐLĐTP",
            "Thông báo số 1558-TB/TU, ngày 27/5/2023",
            "Đã có kết luận trả lời",
        ]
    ]


def test_petition_export_keeps_the_lists_visibility_and_sort(petitions, officer, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    mine = sheet(client_for(officer).get("/excel/cases.petition/xuat/?sort=raised").content)[1]
    assert [row[0] for row in mine] == ["=Tăng giá trị bữa ăn giữa ca", "Xây nhà ở xã hội cho công nhân"]
    secretariat = make_user(Role.SECRETARIAT)
    assert len(sheet(client_for(secretariat).get("/excel/cases.petition/xuat/").content)[1]) == 3
    unconcerned = make_user(Role.OFFICER)
    assert sheet(client_for(unconcerned).get("/excel/cases.petition/xuat/").content)[1] == []


def test_topic_export_lists_the_tree_in_the_pages_order(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    root = TopicFactory(name="Chấm dứt hợp đồng", position=1)
    TopicFactory(name="=Trợ cấp thôi việc", parent=root, report_phrase="trợ cấp thôi việc của người lao động")
    TopicFactory(name="Bảo hiểm xã hội", position=2, is_active=False)
    client = client_for(officer)
    assert 'href="/excel/cases.topic/xuat/"' in client.get("/vu-viec/chu-de/").content.decode()
    headers, rows = sheet(client.get("/excel/cases.topic/xuat/").content)
    assert headers == ["Chủ đề", "Cách viết trong báo cáo", "Thứ tự", "Đang dùng"]
    assert rows == [
        ["Chấm dứt hợp đồng", "chấm dứt hợp đồng", 1, "Có"],
        ["Chấm dứt hợp đồng › =Trợ cấp thôi việc", "trợ cấp thôi việc của người lao động", 0, "Có"],
        ["Bảo hiểm xã hội", "bảo hiểm xã hội", 2, "Không"],
    ]


@pytest.mark.parametrize("kind", ["cases.petition", "cases.topic"])
def test_signed_out_no_export_and_nothing_is_imported(kind, officer, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads these lists: only the signed-out are refused.
    refused = client.get(f"/excel/{kind}/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get(f"/spreadsheets/exports/{kind}").status_code == 401
    assert client_for(officer).get(f"/excel/{kind}/mau/").status_code == 404
    assert client_for(officer).get(f"/excel/{kind}/nhap/").status_code == 404
