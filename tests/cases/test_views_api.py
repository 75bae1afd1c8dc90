"""Pages and API: forms reach the services, errors come back in Vietnamese with 422 (409 for conflicts), htmx gets
fragments and HX-Location, lists take a constant number of queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from phoihop.cases.models import Case, CaseHandlerGrant, ChannelPolicy, Holiday, Petition, PetitionFollowUp, Topic
from phoihop.core.htmx import hx_location_path
from phoihop.core.models import AuditEvent
from tests.cases.conftest import World, body_text
from tests.cases.factories import CaseFactory, PetitionFactory


def case_form(world: World, **extra: object) -> dict[str, object]:
    return {
        "channel": "hotline",
        "requester_kind": "worker",
        "topic": world.topic.pk,
        "handling_agency": world.ldldtp.pk,
        "received_at": (timezone.localtime() - dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "full_name": "Mai Văn Gọi",
        "phone": "0913 000 111",
        "employer": "",
        "account": "Hỏi về trợ cấp",
        "consent_given": "on",
        "consent_method": "phone",
        **extra,
    }


def api_post(client, path: str, data: object):  # type: ignore[no-untyped-def]
    return client.post(path, json.dumps(data), content_type="application/json")


def api_patch(client, path: str, data: object):  # type: ignore[no-untyped-def]
    return client.patch(path, json.dumps(data), content_type="application/json")


# --- pages ----------------------------------------------------------------------------------------------------


def test_receiving_a_case_through_the_page(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    form = client.get("/vu-viec/them/")
    assert form.status_code == 200
    assert "Chấm dứt hợp đồng › Trợ cấp thôi việc" in body_text(form)
    assert "im lặng" not in body_text(form)  # the purpose text is shown, the error is not
    response = client.post("/vu-viec/them/", case_form(world))
    case = Case.objects.exclude(pk=world.case.pk).get()
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    htmx = client.post("/vu-viec/them/", case_form(world), headers={"HX-Request": "true"})
    assert htmx.status_code == 204
    assert hx_location_path(htmx).startswith("/vu-viec/")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"consent_given": ""}, "Chưa có sự đồng ý của người hỏi"),
        ({"phone": "abc"}, "Số điện thoại không hợp lệ"),
        ({"topic": "999999"}, "không có trong danh mục chủ đề"),
        ({"handling_agency": ""}, "Hãy chọn đơn vị xử lý"),
    ],
)
def test_bad_case_forms_get_a_vietnamese_error_and_422(world: World, login, extra, message) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    response = client.post("/vu-viec/them/", case_form(world, **extra))
    assert response.status_code == 422
    assert message in body_text(response) or "Trường này là bắt buộc" in body_text(response)
    assert Case.objects.count() == 1
    htmx = client.post("/vu-viec/them/", case_form(world, **extra), headers={"HX-Request": "true"})
    assert htmx.status_code == 200
    assert "<html" not in body_text(htmx)


def test_editing_a_closed_case_is_refused_with_a_message(world: World, login) -> None:  # type: ignore[no-untyped-def]
    from phoihop.cases import services

    services.transition_case(actor=world.users["handler"], case=world.case, to_status="closed", expected_version=1)
    client = login(world.users["handler"])
    response = client.get(f"/vu-viec/{world.case.pk}/sua/", follow=True)
    assert "Vụ việc đã đóng nên không sửa được nữa" in body_text(response)
    posted = client.post(f"/vu-viec/{world.case.pk}/sua/", case_form(world, version=2), follow=True)
    assert "Vụ việc đã đóng nên không sửa được nữa" in body_text(posted)
    assert Case.objects.get(pk=world.case.pk).version == 2


def test_a_stale_edit_form_says_who_changed_the_case(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    first = client.post(f"/vu-viec/{world.case.pk}/sua/", case_form(world, version=1, channel="app"))
    assert first.status_code == 302
    stale = client.post(f"/vu-viec/{world.case.pk}/sua/", case_form(world, version=1, channel="letter"))
    assert stale.status_code == 422
    assert "vừa được" in body_text(stale)
    assert Case.objects.get(pk=world.case.pk).channel == "app"


def test_transition_and_assignment_pages(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    bad = client.post(f"/vu-viec/{world.case.pk}/chuyen-trang-thai/", {"to_status": "answered", "version": 1})
    assert bad.status_code == 422
    assert "Hãy ghi nội dung đã trả lời" in body_text(bad)
    ok = client.post(
        f"/vu-viec/{world.case.pk}/chuyen-trang-thai/", {"to_status": "answered", "answer": "Đã tư vấn", "version": 1}
    )
    assert ok.status_code == 302
    leader = login(world.users["leader"])
    assigned = leader.post(
        f"/vu-viec/{world.case.pk}/giao-can-bo/", {"handler": world.users["handler"].pk, "version": 2}
    )
    assert assigned.status_code == 302
    detail = body_text(client.get(f"/vu-viec/{world.case.pk}/"))
    assert "Đã tiếp nhận → Đã trả lời" in detail


def test_overdue_cases_are_flagged_on_list_and_detail(world: World, login) -> None:  # type: ignore[no-untyped-def]
    Case.objects.filter(pk=world.case.pk).update(due_at=timezone.now() - dt.timedelta(hours=1))
    client = login(world.users["leader"])
    listing = body_text(client.get("/vu-viec/?overdue=true"))
    assert "Quá hạn" in listing
    assert f"Số {world.case.pk}" in listing
    assert "đã quá hạn trả lời" in body_text(client.get(f"/vu-viec/{world.case.pk}/"))


def test_data_request_pages(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    created = client.post(f"/vu-viec/{world.case.pk}/yeu-cau-du-lieu/", {"kind": "erasure", "details": "Xin xóa"})
    assert created.status_code == 302
    request = world.case.data_requests.get()
    listing = body_text(client.get("/vu-viec/"))
    assert "đang chờ xử lý" in listing
    refused = client.post(f"/vu-viec/yeu-cau-du-lieu/{request.pk}/", {"accept": "0", "outcome": "", "version": 1})
    assert refused.status_code == 422
    done = client.post(f"/vu-viec/yeu-cau-du-lieu/{request.pk}/", {"accept": "1", "outcome": "", "version": 1})
    assert done.status_code == 302
    assert "đã được xóa (ẩn danh hóa)" in body_text(client.get(f"/vu-viec/{world.case.pk}/"))
    assert login(world.users["leader"]).get(f"/vu-viec/yeu-cau-du-lieu/{request.pk}/").status_code == 404


def test_subject_export_downloads_json(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.users["handler"]).post(f"/vu-viec/{world.case.pk}/xuat-du-lieu-ca-nhan/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="du-lieu-ca-nhan-vu-viec-{world.case.pk}.json"'
    assert json.loads(response.content)["vu_viec"][0]["noi_lam_viec"] == "Xưởng Bảo Mật Thử Nghiệm"
    assert login(world.users["handler"]).get(f"/vu-viec/{world.case.pk}/xuat-du-lieu-ca-nhan/").status_code == 405


def test_csv_export_is_spreadsheet_safe(world: World, login) -> None:  # type: ignore[no-untyped-def]
    from phoihop.cases.models import CasePerson

    CasePerson.objects.filter(case=world.case).update(full_name="=HYPERLINK(1)")
    response = login(world.users["handler"]).get("/vu-viec/xuat-csv/")
    text = body_text(response)
    assert text.startswith("\ufeffSố vụ việc")
    assert "'=HYPERLINK(1)" in text
    assert "no-store" in response["Cache-Control"]


def test_grant_page_for_leaders(world: World, login) -> None:  # type: ignore[no-untyped-def]
    leader = login(world.users["leader"])
    page = body_text(leader.get("/vu-viec/phan-quyen/"))
    assert "Giao quyền xử lý vụ việc" in page
    granted = leader.post("/vu-viec/phan-quyen/", {"user": world.users["officer"].pk, "agency": world.ldldtp.pk})
    assert granted.status_code == 302
    grant = CaseHandlerGrant.objects.get(user=world.users["officer"])
    refused = leader.post("/vu-viec/phan-quyen/", {"user": world.users["officer"].pk, "agency": world.ldldtp.pk})
    assert refused.status_code == 422
    assert "đã được giao quyền" in body_text(refused)
    assert leader.post(f"/vu-viec/phan-quyen/{grant.pk}/thu-hoi/").status_code == 302
    assert CaseHandlerGrant.objects.get(pk=grant.pk).revoked_at is not None
    officer = login(world.users["officer"])
    assert "Giao quyền xử lý vụ việc</h2>" not in body_text(officer.get("/vu-viec/phan-quyen/"))
    assert officer.post("/vu-viec/phan-quyen/", {"user": world.users["officer"].pk}).status_code == 403
    other = login(world.users["other_handler"])
    assert other.post(f"/vu-viec/phan-quyen/{grant.pk}/thu-hoi/").status_code == 404


def test_reference_pages_for_the_administrator(world: World, login) -> None:  # type: ignore[no-untyped-def]
    admin = login(world.users["admin"])
    assert (
        admin.post(
            "/vu-viec/chu-de/them/",
            {"name": "Nghỉ thai sản", "parent": world.root_topic.pk, "position": 3, "is_active": "on"},
        ).status_code
        == 302
    )
    assert Topic.objects.filter(name="Nghỉ thai sản", parent=world.root_topic).exists()
    cycle = admin.post(
        f"/vu-viec/chu-de/{world.root_topic.pk}/sua/",
        {"name": "Chấm dứt hợp đồng", "parent": world.topic.pk, "position": 1, "version": 1},
    )
    assert cycle.status_code == 422
    assert "không thể là chính nó" in body_text(cycle)
    assert admin.post("/vu-viec/lich-lam-viec/", {"date": "2026-04-27", "name": "Nghỉ bù Giỗ Tổ"}).status_code == 302
    assert Holiday.objects.filter(date=dt.date(2026, 4, 27)).exists()
    assert admin.post("/vu-viec/lich-lam-viec/", {"date": "2026-04-27", "name": "Trùng"}).status_code == 422
    policy = ChannelPolicy.objects.get(channel="hotline")
    assert (
        admin.post(f"/vu-viec/lich-lam-viec/thoi-han/{policy.pk}/", {"response_hours": 4, "version": 1}).status_code
        == 302
    )
    assert ChannelPolicy.objects.get(pk=policy.pk).response_hours == 4
    assert "Nghỉ bù Giỗ Tổ" in body_text(login(world.users["viewer"]).get("/vu-viec/lich-lam-viec/"))
    assert login(world.users["leader"]).post("/vu-viec/lich-lam-viec/", {"date": "2026-05-01"}).status_code == 403


def test_petition_pages(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["leader"])
    created = client.post(
        "/vu-viec/kien-nghi/them/",
        {
            "title": "Nhà trẻ cho con công nhân",
            "raised_by": "Công nhân KCN Tràng Duệ",
            "conference": "Hội nghị đối thoại 2023",
            "raised_on": "2023-05-13",
            "responsible_agency": world.ldldtp.pk,
        },
    )
    assert created.status_code == 302
    petition = Petition.objects.get(title="Nhà trẻ cho con công nhân")
    follow = client.post(
        f"/vu-viec/kien-nghi/{petition.pk}/theo-doi/",
        {"occurred_on": "2023-06-01", "status": "in_progress", "note": "Đang khảo sát", "version": 1},
    )
    assert follow.status_code == 302
    assert PetitionFollowUp.objects.filter(petition=petition).count() == 1
    page = body_text(client.get(f"/vu-viec/kien-nghi/{petition.pk}/"))
    assert "Đang khảo sát" in page
    assert "Đang giải quyết" in page
    assert login(world.users["other_handler"]).get(f"/vu-viec/kien-nghi/{petition.pk}/").status_code == 404
    assert login(world.users["viewer"]).get(f"/vu-viec/kien-nghi/{petition.pk}/").status_code == 200


def test_list_pages_take_a_constant_number_of_queries(world: World, login, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    for _ in range(2):
        CaseFactory(topic=world.topic, handling_agency=world.ldldtp, person={"full_name": "A"})
    PetitionFactory(owner_agency=world.ldldtp)
    with django_assert_max_num_queries(20) as small:
        client.get("/vu-viec/")
    with django_assert_max_num_queries(20):
        client.get("/vu-viec/kien-nghi/")
    for _ in range(27):
        CaseFactory(topic=world.topic, handling_agency=world.ldldtp, person={"full_name": "B"})
        PetitionFactory(owner_agency=world.ldldtp)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/vu-viec/")
    with django_assert_max_num_queries(20):
        client.get("/vu-viec/kien-nghi/")
    api = login(world.users["leader"])
    with django_assert_max_num_queries(12):
        assert api.get("/api/v1/cases/cases").json()["count"] == 30


# --- API ------------------------------------------------------------------------------------------------------


def api_case(world: World, **extra: object) -> dict[str, object]:
    return {
        "channel": "hotline",
        "requester_kind": "worker",
        "topic_id": world.topic.pk,
        "handling_agency_id": world.ldldtp.pk,
        "person": {"full_name": "Mai Văn Gọi", "phone": "0913000111"},
        "consent_given": True,
        "consent_method": "phone",
        **extra,
    }


def test_api_create_and_masking(world: World, login, bearer) -> None:  # type: ignore[no-untyped-def]
    response = api_post(bearer(world.users["handler"]), "/api/v1/cases/cases", api_case(world))
    assert response.status_code == 201
    data = response.json()
    assert data["person"]["full_name"] == "Mai Văn Gọi"
    assert data["person"]["phone"] == "0913 000 111"
    assert data["due_at"] is not None
    masked = login(world.users["leader"]).get(f"/api/v1/cases/cases/{data['id']}").json()
    assert masked["person"]["full_name"] == "••••••"


@pytest.mark.parametrize(
    ("extra", "field", "code"),
    [
        ({"consent_given": False}, "consent_given", "consent_required"),
        ({"topic_id": 999999}, "topic", "unknown_topic"),
        ({"person": {"phone": "không phải số"}}, "phone", "invalid_phone"),
        ({"handling_agency_id": 999999}, "handling_agency", "unknown_handling_agency"),
    ],
)
def test_api_bad_input_is_422_with_code_and_nothing_saved(world: World, bearer, extra, field, code) -> None:  # type: ignore[no-untyped-def]
    client = bearer(world.users["handler"])
    events = AuditEvent.objects.count()
    response = api_post(client, "/api/v1/cases/cases", api_case(world, **extra))
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == code
    assert field in body["fields"]
    assert body["message"]
    assert Case.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_api_unknown_fields_and_schema_errors_are_422(world: World, bearer) -> None:  # type: ignore[no-untyped-def]
    client = bearer(world.users["handler"])
    extra = api_post(client, "/api/v1/cases/cases", api_case(world, secret="x"))
    assert extra.status_code == 422
    too_long = api_post(client, "/api/v1/cases/cases", api_case(world, person={"account": "x" * 8001}))
    assert too_long.status_code == 422
    assert too_long.json()["code"] == "invalid_input"


def test_api_conflict_is_409_and_closed_case_is_422(world: World, bearer) -> None:  # type: ignore[no-untyped-def]
    client = bearer(world.users["handler"])
    path = f"/api/v1/cases/cases/{world.case.pk}"
    assert api_patch(client, path, {"version": 1, "channel": "app"}).status_code == 200
    stale = api_patch(client, path, {"version": 1, "channel": "letter"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    closed = api_post(client, f"{path}/transition", {"version": 2, "to_status": "closed"})
    assert closed.status_code == 200
    assert closed.json()["closed_at"] is not None
    refused = api_patch(client, path, {"version": 3, "person": {"full_name": "Khác"}})
    assert refused.status_code == 422
    assert refused.json()["code"] == "case_closed"


def test_api_refusals(world: World, bearer, login) -> None:  # type: ignore[no-untyped-def]
    assert api_post(bearer(world.users["leader"]), "/api/v1/cases/cases", api_case(world)).status_code == 403
    other = bearer(world.users["other_handler"])
    assert other.get(f"/api/v1/cases/cases/{world.case.pk}").status_code == 404
    assert api_patch(other, f"/api/v1/cases/cases/{world.case.pk}", {"version": 1}).status_code == 404
    from django.test import Client

    assert Client().get("/api/v1/cases/cases").status_code == 401


def test_api_aggregates_and_petitions(world: World, bearer) -> None:  # type: ignore[no-untyped-def]
    client = bearer(world.users["secretariat"])
    year = timezone.localdate().year
    data = client.get(f"/api/v1/cases/aggregates?start={year}-01-01&end={year}-12-31&requester_kind=worker").json()
    assert data["total"] == 1
    assert data["total_text"] == "01"
    assert data["topics_sentence"] == "Trợ cấp thôi việc của người lao động"
    assert client.get("/api/v1/cases/aggregates?start=2024-02-01&end=2024-01-01").status_code == 422
    created = api_post(
        bearer(world.users["leader"]),
        "/api/v1/cases/petitions",
        {
            "title": "Điểm giữ trẻ",
            "raised_by": "Công nhân",
            "conference": "Đối thoại 2023",
            "raised_on": "2023-05-13",
            "responsible_agency_id": world.ldldtp.pk,
        },
    )
    assert created.status_code == 201
    pid = created.json()["id"]
    follow = api_post(
        bearer(world.users["leader"]),
        f"/api/v1/cases/petitions/{pid}/follow-ups",
        {"version": 1, "occurred_on": "2023-05-27", "status": "answered", "note": "Có kết luận"},
    )
    assert follow.status_code == 201
    stale = api_patch(bearer(world.users["leader"]), f"/api/v1/cases/petitions/{pid}", {"version": 1, "title": "X"})
    assert stale.status_code == 409
    unknown_doc = api_patch(
        bearer(world.users["leader"]),
        f"/api/v1/cases/petitions/{pid}",
        {"version": 2, "conclusion_document_id": 999999},
    )
    assert unknown_doc.status_code == 422
    assert client.get("/api/v1/cases/petitions").json()["count"] == 1


def test_openapi_lists_the_cases_endpoints(world: World, login) -> None:  # type: ignore[no-untyped-def]
    schema = login(world.users["viewer"]).get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/v1/cases/cases", "/api/v1/cases/cases/search-by-phone", "/api/v1/cases/aggregates"} <= paths
    assert not any("phone" in path and "{" in path for path in paths)
