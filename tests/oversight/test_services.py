"""Inspections, findings and follow-up actions: what a user notices when saving — one history entry per change,
stale edits refused with the name of who changed the record, bad input refused with a clear message and nothing
saved, overdue follow-ups flagged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from phoihop.oversight import services
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.matrix import audit_count
from tests.oversight.factories import FindingFactory, FollowUpFactory, InspectionFactory, topic
from tests.oversight.helpers import (
    finding_form_data,
    follow_up_form_data,
    follow_up_payload,
    inspection_form_data,
    inspection_payload,
    visited_enterprise,
)


@pytest.fixture
def leader(agency: Agency, make_user: Any) -> User:
    return make_user(Role.LEADER, agency, username="lanhdao", first_name="Phạm", last_name="Thị Lan")


def _inspection(owner: Agency, **kwargs: Any) -> Inspection:
    return InspectionFactory(owner_agency=owner, enterprises=[visited_enterprise()], **kwargs)


def _base_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "kind": "supervision",
        "title": "Giám sát tại doanh nghiệp FDI",
        "start_date": dt.date(2023, 6, 5),
        "end_date": dt.date(2023, 6, 30),
        "enterprises": [visited_enterprise()],
        "topics": [topic("regional_minimum_wage"), topic("osh")],
    }
    data.update(overrides)
    return data


# --- one history entry per change ---------------------------------------------------------------------------------


def test_creating_an_inspection_records_one_event_with_its_enterprises_and_topics(officer: User) -> None:
    inspection = services.create_inspection(actor=officer, data=_base_data())
    events = AuditEvent.objects.filter(object_type="oversight.inspection", object_id=str(inspection.pk))
    assert [e.action for e in events] == [AuditAction.CREATE]
    changes = events.get().changes
    assert changes["enterprises"][1] == "Công ty TNHH Điện tử Tràng Duệ"
    assert "Mức lương tối thiểu vùng" in changes["topics"][1]
    assert changes["owner_agency"][1] == officer.agency.name  # type: ignore[union-attr]


def test_each_change_to_findings_and_follow_ups_is_one_event_and_shows_in_the_inspection_history(
    officer: User, client_for: Any
) -> None:
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    before = audit_count()
    finding = services.add_finding(
        actor=officer,
        inspection=inspection,
        data={
            "enterprise": visited_enterprise(),
            "topic": topic("regional_minimum_wage"),
            "compliant": False,
            "text": "Trả lương thấp hơn mức tối thiểu vùng cho lao động học việc.",
        },
    )
    services.update_finding(actor=officer, finding=finding, data={"compliant": True}, expected_version=1)
    action = services.add_follow_up(
        actor=officer,
        inspection=inspection,
        data={"description": "Truy trả tiền lương chênh lệch.", "due_date": dt.date(2023, 8, 31)},
    )
    assert audit_count() == before + 3

    html = client_for(officer).get(inspection.get_absolute_url()).content.decode()
    assert "Truy trả tiền lương chênh lệch." in html
    assert html.count("Tạo mới") >= 2  # the finding and the follow-up action, beside the inspection's own history
    assert "Chấp hành đúng quy định" in html

    services.delete_follow_up(actor=officer, follow_up=action, expected_version=1)
    assert audit_count() == before + 4
    assert not FollowUpAction.objects.filter(pk=action.pk).exists()


def test_a_save_that_changes_nothing_writes_no_event(officer: User) -> None:
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    before = audit_count()
    services.update_inspection(
        actor=officer, inspection=inspection, data={"title": inspection.title}, expected_version=1
    )
    assert audit_count() == before


def test_deleting_an_inspection_takes_its_findings_and_follow_ups_in_one_event(leader: User) -> None:
    inspection = _inspection(leader.agency)  # type: ignore[arg-type]
    FindingFactory(inspection=inspection)
    FollowUpFactory(inspection=inspection)
    before = audit_count()
    services.delete_inspection(actor=leader, inspection=inspection, expected_version=1)
    assert audit_count() == before + 1
    assert not Finding.objects.exists()
    assert not FollowUpAction.objects.exists()


# --- stale edits --------------------------------------------------------------------------------------------------


def test_a_stale_edit_is_refused_and_names_who_changed_the_record(
    officer: User, make_user: Any, client_for: Any, api_for: Any
) -> None:
    colleague = make_user(Role.OFFICER, officer.agency, username="dongnghiep", first_name="Đỗ", last_name="Minh Anh")
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    form = inspection_form_data(inspection, title="Bản của tôi")
    services.update_inspection(
        actor=colleague, inspection=inspection, data={"title": "Bản của đồng nghiệp"}, expected_version=1
    )

    with pytest.raises(ConflictError) as error:
        services.update_inspection(actor=officer, inspection=inspection, data={"title": "X"}, expected_version=1)
    assert "Đỗ Minh Anh" in error.value.message

    page = client_for(officer).post(reverse("oversight:inspection_update", args=[inspection.pk]), form)
    assert page.status_code == 422
    assert "Đỗ Minh Anh" in page.content.decode()
    api = api_for(officer).patch(f"/oversight/inspections/{inspection.pk}", {"version": 1, "title": "Bản API"})
    assert api.status_code == 409
    assert api.json()["code"] == "conflict"
    assert "Đỗ Minh Anh" in api.json()["message"]
    inspection.refresh_from_db()
    assert inspection.title == "Bản của đồng nghiệp"
    assert inspection.version == 2


def test_a_stale_finding_edit_is_a_conflict(officer: User, api_for: Any) -> None:
    finding = FindingFactory(inspection=_inspection(officer.agency))  # type: ignore[arg-type]
    services.update_finding(actor=officer, finding=finding, data={"text": "Bản mới"}, expected_version=1)
    response = api_for(officer).patch(f"/oversight/findings/{finding.pk}", {"version": 1, "text": "Bản cũ"})
    assert response.status_code == 409
    finding.refresh_from_db()
    assert finding.text == "Bản mới"


# --- bad input ----------------------------------------------------------------------------------------------------


def test_end_before_start_is_refused_on_the_page_and_in_the_api(officer: User, client_for: Any, api_for: Any) -> None:
    before = Inspection.objects.count()
    page = client_for(officer).post(
        reverse("oversight:inspection_create"), inspection_form_data(start_date="2023-06-30", end_date="2023-06-01")
    )
    assert page.status_code == 422
    assert "Ngày kết thúc không được trước ngày bắt đầu." in page.content.decode()
    api = api_for(officer).post(
        "/oversight/inspections", inspection_payload(start_date="2023-06-30", end_date="2023-06-01")
    )
    assert api.status_code == 422
    assert api.json()["code"] == "end_before_start"
    assert api.json()["fields"]["end_date"] == ["Ngày kết thúc không được trước ngày bắt đầu."]
    assert Inspection.objects.count() == before


def test_an_enterprise_outside_the_directory_is_refused(officer: User, client_for: Any, api_for: Any) -> None:
    before, events = Inspection.objects.count(), audit_count()
    api = api_for(officer).post("/oversight/inspections", inspection_payload(enterprise_ids=[987654]))
    assert api.status_code == 422
    assert api.json()["code"] == "unknown_enterprises"
    assert "987654" in api.json()["fields"]["enterprises"][0]
    page = client_for(officer).post(reverse("oversight:inspection_create"), inspection_form_data(enterprises=[987654]))
    assert page.status_code == 422
    assert "987654" in page.content.decode()
    assert (Inspection.objects.count(), audit_count()) == (before, events)


def test_a_finding_at_an_enterprise_the_inspection_did_not_visit_is_refused(
    officer: User, client_for: Any, api_for: Any
) -> None:
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    elsewhere = EnterpriseFactory(name="Công ty TNHH Không Được Giám Sát")
    api = api_for(officer).post(
        f"/oversight/inspections/{inspection.pk}/findings",
        {"enterprise_id": elsewhere.pk, "topic_id": topic("regional_minimum_wage").pk, "compliant": True, "text": "x"},
    )
    assert api.status_code == 422
    assert api.json()["code"] == "enterprise_not_visited"
    api = api_for(officer).post(
        f"/oversight/inspections/{inspection.pk}/findings",
        {"enterprise_id": 99999, "topic_id": topic("regional_minimum_wage").pk, "compliant": True, "text": "x"},
    )
    assert api.status_code == 422
    assert api.json()["code"] == "unknown_enterprise"
    page = client_for(officer).post(
        reverse("oversight:finding_create", args=[inspection.pk]), finding_form_data(inspection, topic=topic("osh").pk)
    )
    assert page.status_code == 422  # osh is not a topic of this inspection: not a choice on the form
    assert not Finding.objects.exists()


def test_the_lead_body_cannot_also_be_a_partner(officer: User, api_for: Any) -> None:
    response = api_for(officer).post(
        "/oversight/inspections", inspection_payload(partner_agency_ids=[officer.agency_id])
    )
    assert response.status_code == 422
    assert response.json()["code"] == "lead_is_partner"
    assert response.json()["fields"]["partner_agencies"] == ["Cơ quan chủ trì không đồng thời là cơ quan phối hợp."]
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("override", "code"),
    [
        ({"topics": []}, "topics_required"),
        ({"enterprises": []}, "enterprises_required"),
    ],
)
def test_an_inspection_needs_enterprises_and_topics(officer: User, override: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as error:
        services.create_inspection(actor=officer, data=_base_data(**override))
    assert error.value.error_dict[next(iter(override))][0].code == code
    assert not Inspection.objects.exists()


def test_an_unknown_or_retired_topic_is_refused(officer: User, admin_user: User, api_for: Any) -> None:
    unknown = api_for(officer).post("/oversight/inspections", inspection_payload(topic_codes=["khong_co"]))
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_topic"
    retired = topic("union_fee")
    services.update_topic(actor=admin_user, topic=retired, data={"is_active": False}, expected_version=1)
    response = api_for(officer).post("/oversight/inspections", inspection_payload(topic_codes=["union_fee"]))
    assert response.status_code == 422
    assert response.json()["code"] == "inactive_topic"
    assert not Inspection.objects.exists()


def test_a_visited_enterprise_with_findings_cannot_be_taken_off(officer: User, api_for: Any) -> None:
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    FindingFactory(inspection=inspection)
    other = EnterpriseFactory()
    response = api_for(officer).patch(
        f"/oversight/inspections/{inspection.pk}", {"version": 1, "enterprise_ids": [other.pk]}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "enterprise_in_use"
    assert list(inspection.enterprises.all()) == [visited_enterprise()]


@pytest.mark.parametrize(
    ("override", "code", "field"),
    [
        ({"status": "done"}, "completed_on_required", "completed_on"),
        ({"due_date": "2023-01-02"}, "due_before_inspection", "due_date"),
        ({"status": "done", "completed_on": "2023-01-02"}, "completed_before_inspection", "completed_on"),
    ],
)
def test_follow_up_dates_are_checked(
    officer: User, api_for: Any, client_for: Any, override: dict[str, Any], code: str, field: str
) -> None:
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    api = api_for(officer).post(
        f"/oversight/inspections/{inspection.pk}/follow-ups", follow_up_payload(inspection, **override)
    )
    assert api.status_code == 422
    assert api.json()["code"] == code
    assert field in api.json()["fields"]
    page = client_for(officer).post(
        reverse("oversight:follow_up_create", args=[inspection.pk]), follow_up_form_data(inspection, **override)
    )
    assert page.status_code == 422
    assert api.json()["fields"][field][0] in page.content.decode()
    assert not FollowUpAction.objects.exists()


def test_unknown_fields_are_refused(officer: User, api_for: Any) -> None:
    response = api_for(officer).post("/oversight/inspections", inspection_payload(owner="BQLKKT"))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert not Inspection.objects.exists()


# --- overdue follow-up actions ------------------------------------------------------------------------------------


def test_overdue_follow_ups_are_flagged_on_every_page(officer: User, client_for: Any, api_for: Any) -> None:
    inspection = _inspection(officer.agency, title="Giám sát có việc quá hạn")  # type: ignore[arg-type]
    late = FollowUpFactory(inspection=inspection, description="Bổ sung nội quy lao động", due_date=dt.date(2023, 9, 30))
    FollowUpFactory(
        inspection=inspection,
        description="Việc đã làm xong",
        due_date=dt.date(2023, 9, 30),
        status="done",
        completed_on=dt.date(2023, 9, 1),
    )
    on_time = _inspection(officer.agency, title="Giám sát đúng hạn")  # type: ignore[arg-type]
    FollowUpFactory(inspection=on_time, due_date=dt.date.today() + dt.timedelta(days=30))

    client = client_for(officer)
    listing = client.get(reverse("oversight:inspection_list")).content.decode()
    assert "1 việc quá hạn" in listing
    assert listing.count("text-bg-danger") == 1  # one badge: the inspection on time has none
    only_late = client.get(reverse("oversight:inspection_list"), {"overdue": "true"}).content.decode()
    assert "Giám sát có việc quá hạn" in only_late
    assert "Giám sát đúng hạn" not in only_late
    overdue_page = client.get(reverse("oversight:overdue_list")).content.decode()
    assert "Bổ sung nội quy lao động" in overdue_page
    assert "Việc đã làm xong" not in overdue_page
    detail = client.get(inspection.get_absolute_url()).content.decode()
    assert detail.count("Quá hạn") == 1
    api = api_for(officer).get("/oversight/overdue-follow-ups").json()
    assert [row["id"] for row in api["items"]] == [late.pk]
    assert api["items"][0]["overdue"] is True


# --- search and filters -------------------------------------------------------------------------------------------


def test_search_ignores_diacritics_and_finds_inspections_by_the_enterprises_visited(
    officer: User, client_for: Any, api_for: Any
) -> None:
    lg = EnterpriseFactory(name="Công ty TNHH LG Display Việt Nam Hải Phòng", search_text="cong ty tnhh lg display")
    InspectionFactory(owner_agency=officer.agency, title="Giám sát đợt 1", enterprises=[lg])
    InspectionFactory(owner_agency=officer.agency, title="Kiểm tra nội quy lao động", kind="inspection")
    client = client_for(officer)
    by_enterprise = client.get(reverse("oversight:inspection_list"), {"q": "lg display"}).content.decode()
    assert "Giám sát đợt 1" in by_enterprise
    assert "Kiểm tra nội quy lao động" not in by_enterprise
    by_title = api_for(officer).get("/oversight/inspections", q="noi quy").json()
    assert [row["title"] for row in by_title["items"]] == ["Kiểm tra nội quy lao động"]
    by_kind = api_for(officer).get("/oversight/inspections", kind="inspection").json()
    assert by_kind["count"] == 1


# --- topics: the managed list ---------------------------------------------------------------------------------------


def test_the_topic_list_is_seeded_and_kept_by_the_administrator(
    officer: User, admin_user: User, client_for: Any, api_for: Any
) -> None:
    codes = set(InspectionTopic.objects.values_list("code", flat=True))
    assert {
        "regional_minimum_wage",
        "osh",
        "democracy_regulation",
        "cla",
        "labour_rules",
        "social_insurance",
        "workers_conference",
    } <= codes
    assert api_for(officer).post("/oversight/topics", {"code": "moi", "name": "Nội dung mới"}).status_code == 403
    assert client_for(officer).get(reverse("oversight:topic_create")).status_code == 403
    created = api_for(admin_user).post("/oversight/topics", {"code": "overtime", "name": "Làm thêm giờ"})
    assert created.status_code == 201
    duplicate = api_for(admin_user).post("/oversight/topics", {"code": "overtime2", "name": "Làm thêm giờ"})
    assert duplicate.status_code == 422
    assert "Đã có nội dung kiểm tra mang tên này." in duplicate.json()["message"]
    assert "Làm thêm giờ" in client_for(officer).get(reverse("oversight:topic_list")).content.decode()


# --- scope: units under a body --------------------------------------------------------------------------------------


def test_a_body_reads_and_writes_the_records_of_the_units_under_it(make_user: Any, client_for: Any) -> None:
    federation = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng")
    zone_union = AgencyFactory(short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", parent=federation)
    officer = make_user(Role.OFFICER, federation)
    unit_officer = make_user(Role.OFFICER, zone_union)
    inspection = _inspection(zone_union, title="Giám sát của Công đoàn Khu kinh tế")
    assert client_for(officer).get(inspection.get_absolute_url()).status_code == 200
    services.update_inspection(
        actor=officer, inspection=inspection, data={"basis": "Kế hoạch 2023"}, expected_version=1
    )
    mine = services.create_inspection(actor=officer, data=_base_data(), owner_agency=zone_union)
    assert mine.owner_agency == zone_union
    # The unit reads its parent body's records (the programme is shared) but does not change them.
    parents = _inspection(federation, title="Giám sát của Liên đoàn")
    assert client_for(unit_officer).get(parents.get_absolute_url()).status_code == 200
    assert client_for(unit_officer).get(reverse("oversight:inspection_update", args=[parents.pk])).status_code == 403
    with pytest.raises(ValidationError) as error:
        services.create_inspection(actor=unit_officer, data=_base_data(), owner_agency=federation)
    assert error.value.error_dict["owner_agency"][0].code == "foreign_agency"


def test_findings_and_follow_ups_are_edited_and_deleted_only_by_those_who_may_edit_the_inspection(
    officer: User, other_agency: Agency, make_user: Any, client_for: Any, api_for: Any
) -> None:
    inspection = _inspection(officer.agency)  # type: ignore[arg-type]
    finding = FindingFactory(inspection=inspection)
    action = FollowUpFactory(inspection=inspection)
    outsider = make_user(Role.OFFICER, other_agency)
    viewer = make_user(Role.VIEWER, other_agency)
    urls = [
        reverse("oversight:finding_update", args=[finding.pk]),
        reverse("oversight:finding_delete", args=[finding.pk]),
        reverse("oversight:follow_up_update", args=[action.pk]),
        reverse("oversight:follow_up_delete", args=[action.pk]),
    ]
    before = audit_count()
    # Another body reads the inspection and its findings, and is refused every change (403, nothing written).
    for url in urls:
        assert client_for(outsider).get(url).status_code == 403
        assert client_for(viewer).get(url).status_code == 403
        assert client_for(outsider).post(url, {"version": 1}).status_code == 403
    assert api_for(outsider).delete(f"/oversight/findings/{finding.pk}", version=1).status_code == 403
    assert api_for(viewer).delete(f"/oversight/findings/{finding.pk}", version=1).status_code == 403
    assert audit_count() == before

    client = client_for(officer)
    edited = client.post(urls[0], finding_form_data(inspection, finding, text="Đã khắc phục."))
    assert edited.status_code == 302
    assert edited["Location"] == inspection.get_absolute_url()
    assert client.post(urls[1], {"version": 2}).status_code == 302
    assert api_for(officer).delete(f"/oversight/follow-ups/{action.pk}", version=1).status_code == 204
    assert not Finding.objects.exists()
    assert not FollowUpAction.objects.exists()
    assert audit_count() == before + 3
