"""Writes to the directory: one AuditEvent per change, stale edits refused with the name of who changed the record,
tax codes validated, and bad input refused with a Vietnamese message on the page and a 422 from the API, with
nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.services import create_enterprise, delete_enterprise, update_enterprise
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.directory.helpers import enterprise_form_data, enterprise_payload

INVALID_TAX_CODE = "phải gồm 10 chữ số (ví dụ 0201234567), hoặc 10 chữ số kèm mã chi nhánh 3 chữ số"
DUPLICATE_TAX_CODE = "Đã có doanh nghiệp khác mang mã số thuế này."


def changes_in_trail() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


def new_enterprise(actor: User, **data: object) -> Enterprise:
    return create_enterprise(
        actor=actor,
        data={
            "name": "Công ty TNHH LG Display Việt Nam Hải Phòng",
            "tax_code": "0299000022",
            "ownership": "wholly_foreign",
        }
        | data,
    )


# --- the audit trail -----------------------------------------------------------------------------------------------


def test_create_writes_exactly_one_event_with_actor_agency_object_and_values(officer: User, agency: Agency) -> None:
    zone = ZoneFactory(name="KCN Tràng Duệ")
    before = timezone.now()
    enterprise = new_enterprise(officer, zone=zone, workforce=12000, investor_country="Hàn Quốc")

    events = list(AuditEvent.objects.all())
    assert len(events) == 1
    event = events[0]
    assert event.action == AuditAction.CREATE
    assert event.actor == officer
    assert event.actor_name == officer.get_full_name()
    assert event.agency == agency
    assert (event.object_type, event.object_id) == ("directory.enterprise", str(enterprise.pk))
    assert event.object_repr == "Công ty TNHH LG Display Việt Nam Hải Phòng"
    assert event.changes["name"] == ["", "Công ty TNHH LG Display Việt Nam Hải Phòng"]
    assert event.changes["zone"] == ["", "KCN Tràng Duệ"]
    assert event.changes["ownership"] == ["", "Doanh nghiệp 100% vốn nước ngoài"]
    assert event.changes["owner_agency"] == ["", "Ban Quản lý Khu kinh tế Hải Phòng"]
    assert event.changes["workforce"] == ["", "12000"]
    assert "search_text" not in event.changes
    assert "version" not in event.changes
    assert event.occurred_at.utcoffset() == dt.timedelta(0), "stored and read back in UTC"
    assert before <= event.occurred_at <= timezone.now()


def test_update_writes_one_event_with_only_the_changed_fields(officer: User) -> None:
    enterprise = new_enterprise(officer, sector="Điện tử")
    updated = update_enterprise(
        actor=officer,
        enterprise=enterprise,
        data={"name": "Công ty TNHH LG Display Hải Phòng", "sector": "Điện tử", "workforce": 9000},
        expected_version=1,
    )

    assert updated.version == 2
    events = AuditEvent.objects.filter(action=AuditAction.UPDATE)
    assert events.count() == 1
    assert events.get().changes == {
        "name": ["Công ty TNHH LG Display Việt Nam Hải Phòng", "Công ty TNHH LG Display Hải Phòng"],
        "workforce": ["", "9000"],
    }
    assert events.get().actor == officer
    assert AuditEvent.objects.count() == 2


def test_an_update_that_changes_nothing_writes_nothing(officer: User) -> None:
    enterprise = new_enterprise(officer, sector="Điện tử")
    update_enterprise(
        actor=officer,
        enterprise=enterprise,
        data={"name": "  Công ty TNHH LG Display Việt Nam Hải Phòng ", "sector": "Điện tử"},
        expected_version=1,
    )

    assert AuditEvent.objects.filter(action=AuditAction.UPDATE).count() == 0
    enterprise.refresh_from_db()
    assert enterprise.version == 1, "nothing changed, so an edit opened before this one is not a conflict"
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)
    assert Enterprise.objects.get(pk=enterprise.pk).sector == "Màn hình"


def test_delete_writes_one_event_keeping_what_was_deleted(officer: User, make_user, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    leader = make_user(Role.LEADER, agency)
    enterprise = new_enterprise(officer)
    pk = enterprise.pk
    delete_enterprise(actor=leader, enterprise=enterprise, expected_version=1)

    assert not Enterprise.objects.filter(pk=pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.DELETE)
    assert event.object_id == str(pk)
    assert event.actor == leader
    assert event.changes["tax_code"] == ["0299000022", ""]
    assert AuditEvent.objects.count() == 2


def test_a_refused_write_leaves_no_trace(officer: User, make_user, other_agency: Agency) -> None:  # type: ignore[no-untyped-def]
    stranger = make_user(Role.OFFICER, other_agency)
    viewer = make_user(Role.VIEWER, officer.agency)
    enterprise = new_enterprise(officer)

    with pytest.raises(PermissionDenied):
        update_enterprise(actor=stranger, enterprise=enterprise, data={"name": "Của tôi"}, expected_version=1)
    with pytest.raises(PermissionDenied):
        delete_enterprise(actor=officer, enterprise=enterprise, expected_version=1)
    with pytest.raises(PermissionDenied):
        new_enterprise(viewer, tax_code="0299000099")
    with pytest.raises(ValidationError):
        update_enterprise(actor=officer, enterprise=enterprise, data={"tax_code": "123"}, expected_version=1)

    assert AuditEvent.objects.count() == 1
    enterprise.refresh_from_db()
    assert (enterprise.name, enterprise.tax_code, enterprise.version) == (
        "Công ty TNHH LG Display Việt Nam Hải Phòng",
        "0299000022",
        1,
    )


def test_the_detail_page_shows_the_history(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = new_enterprise(officer)
    update_enterprise(actor=officer, enterprise=enterprise, data={"workforce": 13297}, expected_version=1)

    html = client_for(officer).get(enterprise.get_absolute_url()).content.decode()
    assert "Lịch sử thay đổi" in html
    assert "Tạo mới" in html
    assert "Sửa" in html
    assert "Số lao động hiện có" in html, "field names are shown with their Vietnamese labels"
    assert "13297" in html
    assert officer.get_full_name() in html


# --- stale edits ---------------------------------------------------------------------------------------------------


@pytest.fixture
def colleague(make_user, agency: Agency) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, agency, first_name="Trần Thị", last_name="Hoa")


def test_stale_edit_raises_conflict_naming_who_changed_it(officer: User, colleague: User) -> None:
    enterprise = new_enterprise(officer)
    update_enterprise(actor=colleague, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)

    with pytest.raises(ConflictError) as conflict:
        update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Điện tử"}, expected_version=1)

    assert conflict.value.changed_by == "Trần Thị Hoa"
    assert "Bản ghi này vừa được Trần Thị Hoa sửa lúc" in conflict.value.message
    assert "Thay đổi của anh/chị chưa được lưu" in conflict.value.message
    enterprise.refresh_from_db()
    assert (enterprise.sector, enterprise.version) == ("Màn hình", 2)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE).count() == 1


def test_stale_delete_is_a_conflict_too(officer: User, colleague: User) -> None:
    enterprise = new_enterprise(officer)
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)
    with pytest.raises(ConflictError) as conflict:
        delete_enterprise(actor=colleague, enterprise=enterprise, expected_version=1)
    assert officer.get_full_name() in conflict.value.message
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()


def test_stale_edit_on_the_page_shows_the_message_and_saves_nothing(officer: User, colleague: User, client_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = new_enterprise(officer)
    client: Client = client_for(officer)
    url = reverse("directory:enterprise_update", args=[enterprise.pk])
    form = enterprise_form_data(enterprise, sector="Điện tử")  # the form as the officer loaded it: version 1
    update_enterprise(actor=colleague, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)

    response = client.post(url, form)

    assert response.status_code == 422
    html = response.content.decode()
    assert "Bản ghi này vừa được Trần Thị Hoa sửa lúc" in html
    assert "hãy tải lại trang" in html
    enterprise.refresh_from_db()
    assert (enterprise.sector, enterprise.version) == ("Màn hình", 2)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE).count() == 1


def test_stale_delete_on_the_page_shows_the_message(colleague: User, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = new_enterprise(officer)
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)
    response = client_for(colleague).post(reverse("directory:enterprise_delete", args=[enterprise.pk]), {"version": 1})
    assert response.status_code == 422
    assert f"Bản ghi này vừa được {officer.get_full_name()} sửa lúc" in response.content.decode()
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()


def test_stale_edit_through_the_api_is_409(officer: User, colleague: User, api_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = new_enterprise(officer)
    update_enterprise(actor=colleague, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)
    api: ApiClient = api_for(officer, token=True)

    response = api.patch(f"/directory/enterprises/{enterprise.pk}", {"version": 1, "sector": "Điện tử"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict"
    assert "Trần Thị Hoa" in body["message"]
    assert body["fields"] == {}
    removal = api.delete(f"/directory/enterprises/{enterprise.pk}", version=1)
    assert removal.status_code in {403, 409}  # an officer may not delete at all; never 204
    enterprise.refresh_from_db()
    assert (enterprise.sector, enterprise.version) == ("Màn hình", 2)


def test_stale_delete_through_the_api_is_409(officer: User, colleague: User, api_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = new_enterprise(officer)
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Màn hình"}, expected_version=1)
    response = api_for(colleague).delete(f"/directory/enterprises/{enterprise.pk}", version=1)
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()


# --- tax codes -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0201234567", "0201234567"),
        ("0201234567-001", "0201234567-001"),
        ("0201234567001", "0201234567-001"),
        (" 0201234567 ", "0201234567"),
        ("0201 234 567", "0201234567"),
        ("0201.234.567", "0201234567"),
    ],
)
def test_valid_tax_codes_are_stored_in_one_form(typed: str, stored: str, officer: User) -> None:
    assert new_enterprise(officer, tax_code=typed).tax_code == stored


@pytest.mark.parametrize("typed", ["020123456A", "020123456", "02012345678", "0201234567-01", "0201234567-0001", ""])
def test_invalid_tax_codes_are_refused_in_vietnamese(typed: str, officer: User) -> None:
    with pytest.raises(ValidationError) as refused:
        new_enterprise(officer, tax_code=typed)
    messages = refused.value.message_dict["tax_code"]
    assert any(INVALID_TAX_CODE in m or "Trường này không được để trắng." in m for m in messages), messages
    assert not Enterprise.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("typed", ["0299000022", "0299000022 ", "0299.000.022"])
def test_duplicate_tax_codes_are_refused(typed: str, officer: User) -> None:
    new_enterprise(officer)
    with pytest.raises(ValidationError) as refused:
        new_enterprise(officer, name="Công ty khác", tax_code=typed)
    assert refused.value.message_dict["tax_code"] == [DUPLICATE_TAX_CODE]
    assert Enterprise.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "stored"), [("0201 234 567 001", "0201234567-001"), ("0201.234.567-001", "0201234567-001")]
)
def test_tax_codes_typed_with_spaces_are_accepted_on_the_page(
    typed: str, stored: str, officer: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).post(reverse("directory:enterprise_create"), enterprise_form_data(tax_code=typed))
    assert response.status_code == 302
    assert Enterprise.objects.get().tax_code == stored
    assert (
        'placeholder="0201234567 hoặc 0201234567-001"'
        in client_for(officer).get(reverse("directory:enterprise_create")).content.decode()
    )


def test_a_branch_typed_without_its_hyphen_is_the_same_tax_code(officer: User) -> None:
    new_enterprise(officer, tax_code="0201234567-001")
    with pytest.raises(ValidationError) as refused:
        new_enterprise(officer, name="Chi nhánh khác", tax_code="0201234567001")
    assert refused.value.message_dict["tax_code"] == [DUPLICATE_TAX_CODE]
    assert new_enterprise(officer, name="Trụ sở chính", tax_code="0201234567").tax_code == "0201234567"


# --- bad input through the page and the API ------------------------------------------------------------------------


@pytest.fixture
def existing(agency: Agency) -> Enterprise:
    return EnterpriseFactory(name="Công ty TNHH Đã Có", tax_code="0299000022", owner_agency=agency)


def table_counts() -> tuple[int, int, int, int]:
    return Enterprise.objects.count(), Zone.objects.count(), Agency.objects.count(), changes_in_trail()


PAGE_CASES = [
    pytest.param({"tax_code": "02012345AB"}, "tax_code", INVALID_TAX_CODE, id="invalid-tax-code"),
    pytest.param({"tax_code": "020123456"}, "tax_code", INVALID_TAX_CODE, id="nine-digits"),
    pytest.param({"tax_code": "0299000022"}, "tax_code", DUPLICATE_TAX_CODE, id="duplicate-tax-code"),
    pytest.param({"zone": "999999"}, "zone", "Hãy chọn một lựa chọn hợp lệ", id="unknown-zone"),
    pytest.param({"name": "Công ty " * 40}, "name", "tối đa 255 kí tự", id="long-name"),
    pytest.param({"address": "Số 1 " * 70}, "address", "tối đa 300 kí tự", id="long-address"),
    pytest.param({"name": ""}, "name", "Trường này là bắt buộc.", id="missing-name"),
    pytest.param({"ownership": "nhà nước"}, "ownership", "Hãy chọn một lựa chọn hợp lệ", id="unknown-ownership"),
    pytest.param({"workforce": "-5"}, "workforce", "lớn hơn hoặc bằng với 0", id="negative-workforce"),
]


@pytest.mark.parametrize(("overrides", "field", "message"), PAGE_CASES)
def test_bad_input_on_the_create_page(
    overrides: dict[str, str], field: str, message: str, existing: Enterprise, officer: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(officer)
    before = table_counts()
    response = client.post(reverse("directory:enterprise_create"), enterprise_form_data(**overrides))

    assert response.status_code == 422
    assert message in response.context["form"].errors[field][0]
    html = response.content.decode()
    assert 'class="field-errors"' in html
    assert "Thêm doanh nghiệp" in html, "the form is shown again, in Vietnamese"
    assert table_counts() == before


@pytest.mark.parametrize(("overrides", "field", "message"), PAGE_CASES)
def test_bad_input_on_the_edit_page(
    overrides: dict[str, str], field: str, message: str, existing: Enterprise, officer: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(name="Công ty TNHH Đang Sửa", tax_code="0201234567", owner_agency=officer.agency)
    before = table_counts()
    response = client_for(officer).post(
        reverse("directory:enterprise_update", args=[enterprise.pk]), enterprise_form_data(enterprise, **overrides)
    )

    assert response.status_code == 422
    assert message in response.context["form"].errors[field][0]
    assert table_counts() == before
    enterprise.refresh_from_db()
    assert (enterprise.name, enterprise.tax_code, enterprise.version) == ("Công ty TNHH Đang Sửa", "0201234567", 1)


API_CASES = [
    pytest.param({"tax_code": "02012345AB"}, "tax_code", INVALID_TAX_CODE, "invalid_tax_code", id="invalid-tax-code"),
    pytest.param({"tax_code": "02012345678"}, "tax_code", INVALID_TAX_CODE, "invalid_tax_code", id="eleven-digits"),
    pytest.param({"tax_code": "0299000022"}, "tax_code", DUPLICATE_TAX_CODE, "unique", id="duplicate-tax-code"),
    pytest.param({"zone_id": 999999}, "zone", "Không có khu số 999999 trong danh mục.", "unknown_zone", id="zone"),
    pytest.param({"name": "Công ty " * 40}, "name", "Quá dài (tối đa 255 ký tự).", "invalid_input", id="long-name"),
    pytest.param({"address": "Số 1 " * 70}, "address", "Quá dài (tối đa 300 ký tự).", "invalid_input", id="long-addr"),
    pytest.param({"name": None}, "name", "Phải là chuỗi ký tự.", "invalid_input", id="null-name"),
    pytest.param({"workforce": -5}, "workforce", "Phải lớn hơn hoặc bằng 0.", "invalid_input", id="negative-workforce"),
    pytest.param({"workforce": "nhiều"}, "workforce", "Phải là một số.", "invalid_input", id="workforce-not-a-number"),
    pytest.param(
        {"ownership": "nhà nước"},
        "ownership",
        "Giá trị không hợp lệ; chọn một trong: 'domestic', 'foreign_invested' hoặc 'wholly_foreign'.",
        "invalid_input",
        id="ownership",
    ),
    pytest.param({"version": 7}, "version", "Trường này không được phép gửi.", "invalid_input", id="unknown-field"),
]


@pytest.mark.parametrize(("overrides", "field", "message", "code"), API_CASES)
def test_bad_input_through_the_api(
    overrides: dict[str, object], field: str, message: str, code: str, existing: Enterprise, officer: User, api_for
) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer, token=True)
    before = table_counts()
    response = api.post("/directory/enterprises", enterprise_payload(**overrides))

    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"message", "code", "fields"}
    assert body["code"] == code
    assert any(message in m for m in body["fields"][field]), body
    assert body["message"]
    assert table_counts() == before


def test_bad_input_through_the_api_patch(existing: Enterprise, officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer)
    enterprise = EnterpriseFactory(name="Công ty TNHH Đang Sửa", tax_code="0201234567", owner_agency=officer.agency)
    before = table_counts()
    for patch, code in [
        ({"tax_code": "0299000022"}, "unique"),
        ({"tax_code": "12345"}, "invalid_tax_code"),
        ({"zone_id": 424242}, "unknown_zone"),
        ({"name": "x" * 256}, "invalid_input"),
        ({"owner_agency_id": 1}, "invalid_input"),
        ({"search_text": "hack"}, "invalid_input"),
    ]:
        response = api.patch(f"/directory/enterprises/{enterprise.pk}", {"version": 1, **patch})
        assert response.status_code == 422, patch
        assert response.json()["code"] == code
        assert response.json()["message"]
    forged = api.patch(f"/directory/enterprises/{enterprise.pk}", {"version": 1, "owner_agency_id": 1})
    assert forged.json()["fields"] == {"owner_agency_id": ["Trường này không được phép gửi."]}
    assert table_counts() == before
    enterprise.refresh_from_db()
    assert (enterprise.tax_code, enterprise.version, enterprise.owner_agency) == ("0201234567", 1, officer.agency)


def test_a_forged_owner_body_on_the_page_is_ignored(officer: User, other_agency: Agency, client_for) -> None:  # type: ignore[no-untyped-def]
    before = Enterprise.objects.filter(owner_agency=other_agency).count()
    response = client_for(officer).post(
        reverse("directory:enterprise_create"), enterprise_form_data(owner_agency=other_agency.pk)
    )
    assert response.status_code == 302
    created = Enterprise.objects.get(tax_code="0201234567")
    assert created.owner_agency == officer.agency
    assert Enterprise.objects.filter(owner_agency=other_agency).count() == before

    edit = client_for(officer).post(
        reverse("directory:enterprise_update", args=[created.pk]),
        enterprise_form_data(created, owner_agency=other_agency.pk, sector="Điện tử"),
    )
    assert edit.status_code == 302
    created.refresh_from_db()
    assert created.owner_agency == officer.agency
    assert created.sector == "Điện tử"


def test_a_forged_owner_body_through_the_api_is_refused(officer: User, other_agency: Agency, api_for) -> None:  # type: ignore[no-untyped-def]
    before = table_counts()
    response = api_for(officer).post("/directory/enterprises", enterprise_payload(owner_agency_id=other_agency.pk))
    assert response.status_code == 422
    assert response.json() == {
        "message": "Anh/chị chỉ có thể tạo hồ sơ cho đơn vị của mình.",
        "code": "foreign_agency",
        "fields": {"owner_agency": ["Anh/chị chỉ có thể tạo hồ sơ cho đơn vị của mình."]},
    }
    unknown = api_for(officer).post("/directory/enterprises", enterprise_payload(owner_agency_id=987654))
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_agency"
    assert table_counts() == before


def test_the_administrator_must_choose_an_owner_body(admin_user: User, agency: Agency, client_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(admin_user)
    url = reverse("directory:enterprise_create")
    response = client.post(url, enterprise_form_data())
    assert response.status_code == 422
    assert "Hãy chọn đơn vị quản lý hồ sơ." in response.content.decode()
    assert not Enterprise.objects.exists()

    response = client.post(url, enterprise_form_data(owner_agency=agency.pk))
    assert response.status_code == 302
    assert Enterprise.objects.get().owner_agency == agency


def test_text_is_stored_nfc_and_trimmed(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    typed = unicodedata.normalize("NFD", "  Công ty   TNHH Tràng Duệ  ")
    client_for(officer).post(reverse("directory:enterprise_create"), enterprise_form_data(name=typed))
    assert Enterprise.objects.get().name == "Công ty TNHH Tràng Duệ"


# --- the administration site writes through the services too ------------------------------------------------------


def test_the_administration_site_writes_agencies_through_the_services(admin_user: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(admin_user)
    form = {
        "name": "Hội Liên hiệp Thanh niên Khu kinh tế",
        "short_code": "HLHTNKKT",
        "kind": "youth",
        "parent": "",
        "header_lines": "HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM\nKHU KINH TẾ HẢI PHÒNG",
        "is_active": "on",
    }
    response = client.post(reverse("admin:directory_agency_add"), form)
    assert response.status_code == 302
    agency = Agency.objects.get(short_code="HLHTNKKT")
    assert agency.search_text == "hoi lien hiep thanh nien khu kinh te hlhtnkkt"
    created = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="directory.agency")
    assert created.actor == admin_user

    form["name"] = "Hội Liên hiệp Thanh niên Việt Nam Khu kinh tế Hải Phòng"
    response = client.post(reverse("admin:directory_agency_change", args=[agency.pk]), form)
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.version == 2
    updated = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="directory.agency")
    assert updated.changes == {
        "name": ["Hội Liên hiệp Thanh niên Khu kinh tế", "Hội Liên hiệp Thanh niên Việt Nam Khu kinh tế Hải Phòng"]
    }
    assert (
        "Hội Liên hiệp Thanh niên Việt Nam Khu kinh tế Hải Phòng"
        in client.get(agency.get_absolute_url()).content.decode()
    )


def test_zones_and_enterprises_are_read_only_in_the_administration_site(
    admin_user: User, agency: Agency, client_for
) -> None:  # type: ignore[no-untyped-def]
    """They have their own pages; the administration site must not write around the services and the audit."""
    client: Client = client_for(admin_user)
    enterprise = EnterpriseFactory(owner_agency=agency)
    assert enterprise.zone is not None
    assert client.get(reverse("admin:directory_enterprise_changelist")).status_code == 200
    assert client.get(reverse("admin:directory_enterprise_add")).status_code == 403
    assert client.get(reverse("admin:directory_zone_add")).status_code == 403
    client.post(reverse("admin:directory_enterprise_delete", args=[enterprise.pk]), {"post": "yes"})
    client.post(reverse("admin:directory_zone_change", args=[enterprise.zone.pk]), {"name": "Đổi tên"})
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()
    assert Zone.objects.get(pk=enterprise.zone.pk).name != "Đổi tên"
