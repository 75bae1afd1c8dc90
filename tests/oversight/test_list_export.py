""" "Xuất Excel" on the overdue follow-up list (open actions past their due date, with the page's body choice) and on
the topic list: export-only kinds, exactly the rows each page lists, under its column headers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone

from phoihop.oversight.choices import FollowUpStatus
from phoihop.oversight.models import InspectionTopic
from tests.directory.factories import EnterpriseFactory
from tests.oversight.factories import FollowUpFactory, InspectionFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


@pytest.fixture
def follow_ups(officer, other_agency):  # type: ignore[no-untyped-def]
    hoa_thinh = EnterpriseFactory(name="Công ty TNHH Giày da Hoa Thịnh")
    ours = InspectionFactory(title="Giám sát bữa ăn ca tại KCN Tràng Duệ", owner_agency=officer.agency)
    theirs = InspectionFactory(title="Kiểm tra an toàn lao động", owner_agency=other_agency)
    FollowUpFactory(
        inspection=ours,
        enterprise=hoa_thinh,
        description="=Nâng giá trị bữa ăn giữa ca",
        responsible="Công đoàn cơ sở",
        due_date=dt.date(2023, 9, 30),
        status=FollowUpStatus.IN_PROGRESS,
    )
    FollowUpFactory(inspection=ours, due_date=dt.date(2023, 8, 1), status=FollowUpStatus.CANCELLED)  # closed
    FollowUpFactory(inspection=ours, due_date=timezone.localdate() + dt.timedelta(days=30))  # not due yet
    FollowUpFactory(inspection=theirs, description="Bổ sung nội quy lao động", due_date=dt.date(2023, 7, 15))


def test_overdue_export_follows_the_body_choice(follow_ups, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get("/kiem-tra-giam-sat/viec-qua-han/?scope=mine").content.decode()
    assert 'href="/excel/oversight.overdue_follow_up/xuat/?scope=mine"' in page
    exported = client.get("/excel/oversight.overdue_follow_up/xuat/?scope=mine")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == [
        "Hạn",
        "Việc cần làm",
        "Doanh nghiệp",
        "Thực hiện",
        "Tình trạng",
        "Cuộc kiểm tra, giám sát",
        "Đơn vị chủ trì",
    ]
    assert rows == [
        [
            dt.date(2023, 9, 30),
            "=Nâng giá trị bữa ăn giữa ca",  # text, not a formula
            "Công ty TNHH Giày da Hoa Thịnh",
            "Công đoàn cơ sở",
            "Đang thực hiện",
            "Giám sát bữa ăn ca tại KCN Tràng Duệ",
            "BQLKKT",
        ]
    ]
    every_body = sheet(client.get("/excel/oversight.overdue_follow_up/xuat/").content)[1]
    assert [(row[0], row[6]) for row in every_body] == [
        (dt.date(2023, 7, 15), "LĐLĐTP"),
        (dt.date(2023, 9, 30), "BQLKKT"),
    ]


def test_topic_export_lists_every_topic_in_order(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    InspectionTopic.objects.create(code="bua-an-ca", name="=Bữa ăn giữa ca", position=1, is_active=False)
    client = client_for(officer)
    assert 'href="/excel/oversight.topic/xuat/"' in client.get("/kiem-tra-giam-sat/noi-dung/").content.decode()
    headers, rows = sheet(client.get("/excel/oversight.topic/xuat/").content)
    assert headers == ["Thứ tự", "Nội dung", "Mã", "Tình trạng"]
    assert rows[0] == [1, "=Bữa ăn giữa ca", "bua-an-ca", "Ngừng sử dụng"]
    expected = list(InspectionTopic.objects.order_by("position", "name").values_list("name", flat=True))
    assert [row[1] for row in rows] == expected
    assert {row[3] for row in rows[1:]} == {"Đang dùng"}


@pytest.mark.parametrize("kind", ["oversight.overdue_follow_up", "oversight.topic"])
def test_signed_out_no_export_and_nothing_is_imported(kind, officer, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads these lists: only the signed-out are refused.
    refused = client.get(f"/excel/{kind}/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get(f"/spreadsheets/exports/{kind}").status_code == 401
    assert client_for(officer).get(f"/excel/{kind}/mau/").status_code == 404
    assert client_for(officer).get(f"/excel/{kind}/nhap/").status_code == 404
