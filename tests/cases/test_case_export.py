""" "Xuất Excel" on the case list (`cases.case`, export only): the cases the list shows with its filter; the requester's
name, phone and employer in clear only on the cases the user handles (the case page's rule), masked "••••••" as the
list masks them everywhere else; the requester's own account never; one audit event per export that says who, how
many cases and whether personal data was in clear; formula-like text stays text; nothing personal in the URL, the
log or a cache."""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Any

import pytest

from phoihop.cases.choices import CaseStatus, Channel
from phoihop.core.audit import MASK
from phoihop.core.models import AuditEvent
from tests.cases.conftest import MARKERS, PERSON, World, leaked
from tests.cases.factories import CaseFactory
from tests.spreadsheets.helpers import read_sheet

EXPORT = "/excel/cases.case/xuat/"
HEADERS = [
    "Số vụ việc",
    "Tiếp nhận lúc",
    "Kênh tiếp nhận",
    "Người hỏi là",
    "Chủ đề",
    "Doanh nghiệp liên quan",
    "Khu công nghiệp, khu kinh tế",
    "Đơn vị xử lý",
    "Cán bộ xử lý",
    "Trạng thái",
    "Hạn trả lời",
    "Quá hạn",
    "Trả lời lúc",
    "Họ và tên người hỏi",
    "Số điện thoại",
    "Nơi làm việc",
]


def rows_by_number(content: bytes) -> dict[int, dict[str, Any]]:
    cells = read_sheet(content, "Dữ liệu")
    keys = cells[1]
    return {int(row[0]): dict(zip(keys, row, strict=False)) for row in cells[2:] if any(row)}


def all_text(content: bytes) -> str:
    """Every part of the .xlsx as text (shared strings, inline strings, the guide), for a search of markers."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    return "".join(archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist())


def export_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(note__startswith="Xuất Excel danh sách vụ việc").order_by("pk"))


def test_the_export_opens_with_the_header_row_and_the_column_keys(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.users["handler"]).get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="cases-case-')
    cells = read_sheet(response.content, "Dữ liệu")
    assert cells[0] == HEADERS
    assert cells[1][-3:] == ["full_name", "phone", "employer"]
    guide = " ".join(str(row[0]) for row in read_sheet(response.content, "Hướng dẫn"))
    assert "không nhập lại tệp này" in guide


def test_a_handler_of_the_handling_body_sees_the_requester_in_clear(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.users["handler"]).get(EXPORT)
    row = rows_by_number(response.content)[world.case.pk]
    assert row["full_name"] == PERSON["full_name"]
    assert row["phone"] == "0911 222 333"  # as the case page shows it
    assert row["employer"] == PERSON["employer"]
    assert row["handling_agency"] == "Liên đoàn Lao động thành phố Hải Phòng"
    assert row["topic"] == world.topic.path
    assert row["topic"].endswith("Trợ cấp thôi việc")
    assert row["status"] == "Đã tiếp nhận"
    # The requester's own account (sensitive by default) is not in the export at all.
    assert PERSON["account"] not in all_text(response.content)


@pytest.mark.parametrize("who", ["viewer", "officer", "leader", "secretariat", "admin"])
def test_everyone_else_gets_the_cells_masked_as_the_list_masks_them(world: World, login, who: str) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users[who])
    response = client.get(EXPORT)
    assert response.status_code == 200
    row = rows_by_number(response.content)[world.case.pk]
    assert (row["full_name"], row["phone"], row["employer"]) == (MASK, MASK, MASK)
    assert leaked(all_text(response.content)) == []
    assert MASK in client.get("/vu-viec/").content.decode()  # the list shows the same mask


def test_the_rule_is_decided_case_by_case(world: World, login) -> None:  # type: ignore[no-untyped-def]
    """A handler of LĐLĐTP reads the cases of its unit CĐKKT but holds no grant there: those stay masked."""
    unit_case = CaseFactory(topic=world.topic, handling_agency=world.cdkkt, person={"full_name": "Người Của Đơn Vị"})
    rows = rows_by_number(login(world.users["handler"]).get(EXPORT).content)
    assert rows[world.case.pk]["full_name"] == PERSON["full_name"]
    assert rows[unit_case.pk]["full_name"] == MASK


def test_another_body_never_gets_a_case_its_list_does_not_show(world: World, login) -> None:  # type: ignore[no-untyped-def]
    own = CaseFactory(topic=world.topic, handling_agency=world.bqlkkt, person={"full_name": "Người Hỏi Ban Quản Lý"})
    client = login(world.users["other_handler"])
    rows = rows_by_number(client.get(EXPORT).content)
    assert list(rows) == [own.pk]
    assert rows[own.pk]["full_name"] == "Người Hỏi Ban Quản Lý"  # its own handler, its own case
    assert leaked(all_text(client.get(EXPORT).content)) == []
    assert client.get(f"/vu-viec/{world.case.pk}/").status_code == 404


def test_the_export_follows_the_list_filter_and_ignores_the_page(world: World, login) -> None:  # type: ignore[no-untyped-def]
    letter = CaseFactory(
        topic=world.topic,
        handling_agency=world.ldldtp,
        channel=Channel.LETTER,
        status=CaseStatus.IN_PROGRESS,
        person={"full_name": "Người Gửi Thư"},
    )
    client = login(world.users["handler"])
    page = client.get("/vu-viec/?channel=letter").content.decode()
    assert 'href="/excel/cases.case/xuat/?channel=letter"' in page
    assert "/excel/cases.case/mau/" not in page
    assert "/excel/cases.case/nhap/" not in page
    rows = rows_by_number(client.get(EXPORT, {"channel": "letter", "page": "3"}).content)
    assert list(rows) == [letter.pk]
    assert rows[letter.pk]["channel"] == "Thư, đơn"
    assert rows[letter.pk]["status"] == "Đang xử lý"
    rows = rows_by_number(client.get(EXPORT, {"status": "received"}).content)
    assert list(rows) == [world.case.pk]
    assert sorted(rows_by_number(client.get(EXPORT).content)) == sorted([world.case.pk, letter.pk])


def test_each_export_leaves_one_audit_event_without_personal_values(world: World, login) -> None:  # type: ignore[no-untyped-def]
    handler, viewer = world.users["handler"], world.users["viewer"]
    CaseFactory(topic=world.topic, handling_agency=world.ldldtp, channel=Channel.LETTER, person={"full_name": "Thư"})
    login(handler).get(EXPORT, {"channel": "hotline", "sort": "due", "ignored": "x"})
    login(viewer).get(EXPORT)
    first, second = export_events()
    assert (first.actor_id, first.object_type, first.object_id) == (handler.pk, "accounts.user", str(handler.pk))
    assert first.agency_id == world.ldldtp.pk
    assert first.changes["Số vụ việc xuất"] == ["", "1"]
    assert first.changes["Thông tin cá nhân của người hỏi"] == ["", "có, hiện rõ ở 1 vụ việc"]
    assert first.changes["Bộ lọc"] == ["", "channel=hotline&sort=due"]
    assert second.actor_id == viewer.pk
    assert second.changes["Số vụ việc xuất"] == ["", "2"]
    assert second.changes["Thông tin cá nhân của người hỏi"] == ["", "không (thông tin đã che)"]
    assert second.changes["Bộ lọc"] == ["", "không lọc"]
    stored = " ".join(f"{event.changes} {event.note} {event.object_repr}" for event in export_events())
    assert leaked(stored) == []


def test_a_cell_starting_with_an_equals_sign_is_text(world: World, login) -> None:  # type: ignore[no-untyped-def]
    risky = CaseFactory(
        topic=world.topic,
        handling_agency=world.ldldtp,
        person={"full_name": '=HYPERLINK("http://x","y")', "employer": "+1-2", "phone": "0900000001"},
    )
    content = login(world.users["handler"]).get(EXPORT).content
    row = rows_by_number(content)[risky.pk]
    assert row["full_name"] == '=HYPERLINK("http://x","y")'
    assert row["employer"] == "+1-2"
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula cell anywhere


def test_nothing_personal_in_the_url_the_log_or_a_cache(world: World, login, caplog) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    page = client.get("/vu-viec/").content.decode()
    links = [part.split('"')[0] for part in page.split('href="')[1:]]
    assert leaked(" ".join(links)) == []
    with caplog.at_level(logging.DEBUG):
        response = client.get(EXPORT)
        api = client.get("/api/v1/spreadsheets/exports/cases.case")
    assert rows_by_number(response.content)[world.case.pk]["full_name"] == PERSON["full_name"]
    assert leaked(caplog.text) == []
    assert all(marker not in response["Content-Disposition"] for marker in MARKERS)
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in api["Cache-Control"]


def test_the_api_export_masks_and_is_audited_too(world: World, bearer) -> None:  # type: ignore[no-untyped-def]
    response = bearer(world.users["secretariat"]).get("/api/v1/spreadsheets/exports/cases.case")
    assert response.status_code == 200
    assert rows_by_number(response.content)[world.case.pk]["full_name"] == MASK
    (event,) = export_events()
    assert event.actor_id == world.users["secretariat"].pk


def test_cases_are_export_only(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    assert client.get("/excel/cases.case/mau/").status_code == 404
    assert client.get("/excel/cases.case/nhap/").status_code == 404
    assert client.post("/excel/cases.case/nhap/", {}).status_code == 404


def test_the_csv_export_still_works_beside_it(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["viewer"])
    page = client.get("/vu-viec/?status=received").content.decode()
    assert 'href="/vu-viec/xuat-csv/?status=received"' in page
    response = client.get("/vu-viec/xuat-csv/?status=received")
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeffSố vụ việc")
    assert leaked(text) == []


def test_the_number_of_queries_does_not_grow_with_the_cases(world: World, login) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.users["handler"])
    client.get(EXPORT)  # the session and the user's rights, once

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(EXPORT).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for number in range(30):
        CaseFactory(topic=world.topic, handling_agency=world.ldldtp, person={"full_name": f"Người hỏi {number}"})
    assert queries() == few


def test_the_csv_export_is_audited_like_the_excel_one(world: World, login) -> None:  # type: ignore[no-untyped-def]
    CaseFactory(topic=world.topic, handling_agency=world.cdkkt, person={"full_name": "Người Của Đơn Vị"})
    response = login(world.users["handler"]).get("/vu-viec/xuat-csv/?status=received")
    assert response.status_code == 200
    b"".join(response.streaming_content)  # type: ignore[attr-defined]
    event = AuditEvent.objects.filter(note__startswith="Xuất CSV danh sách vụ việc").get()
    assert "2 vụ việc" in event.note
    assert "hiện rõ ở 1 vụ việc" in event.note  # the unit's case stays masked
    assert event.changes["Bộ lọc"] == ["", "status=received"]
    assert PERSON["full_name"] not in str(event.changes) + event.note
