"""Services: every rule, every error code, exactly one audit event per change, nothing saved on error."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from phoihop.cases import selectors, services
from phoihop.cases.choices import CaseEventKind, CaseStatus, PetitionStatus
from phoihop.cases.models import Case, CaseEvent, CaseHandlerGrant, CasePerson, Consent, DataExport, Petition
from phoihop.core.audit import MASK
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditEvent
from tests.cases.conftest import MARKERS, World
from tests.cases.factories import PetitionFactory, TopicFactory

NEW_PERSON = {
    "full_name": "Lý Văn Riêng Tư",
    "phone": "0912 345 678",
    "employer": "Nhà máy Riêng Tư",
    "account": "Hỏi về ca đêm",
}


def facts(world: World, **extra: object) -> dict[str, object]:
    return {
        "channel": "hotline",
        "requester_kind": "worker",
        "topic": world.topic,
        "handling_agency": world.ldldtp,
        "received_at": timezone.now() - dt.timedelta(minutes=30),
        **extra,
    }


def audit_text() -> str:
    return json.dumps(list(AuditEvent.objects.values("changes", "object_repr", "note")), ensure_ascii=False)


def assert_audit_clean() -> None:
    text = audit_text()
    for value in [*MARKERS, *NEW_PERSON.values(), "0912345678"]:
        assert value not in text


# --- create -------------------------------------------------------------------------------------------------


def test_create_case_records_facts_person_consent_timeline_and_one_audit_event(world: World) -> None:
    before = AuditEvent.objects.count()
    case = services.create_case(
        actor=world.users["handler"],
        data=facts(world),
        person=NEW_PERSON,
        consent_given=True,
        consent_method="phone",
    )
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.get(object_type="cases.case", object_id=str(case.pk))
    assert event.action == "create"
    assert event.changes["họ và tên người hỏi"] == ["", MASK]
    assert event.changes["số điện thoại"] == ["", MASK]
    assert "hình thức" not in event.changes
    assert_audit_clean()
    person = CasePerson.objects.get(case=case)
    assert person.phone == "0912345678"
    consent = Consent.objects.get(case=case)
    assert (consent.method, consent.recorded_by, consent.purpose_version) == (
        "phone",
        world.users["handler"],
        "2026-01",
    )
    assert list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True)) == [CaseEventKind.RECEIVED]
    assert case.due_at is not None
    assert case.due_at > case.received_at


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"consent_given": False}, "consent_given", "consent_required"),
        ({"consent_method": None}, "consent_method", "consent_method_required"),
        ({"person": {**NEW_PERSON, "phone": "12345"}}, "phone", "invalid_phone"),
        ({"person": {**NEW_PERSON, "phone": "0912 345 678 9999"}}, "phone", "invalid_phone"),
        ({"person": {**NEW_PERSON, "full_name": "x" * 151}}, "full_name", "too_long"),
        ({"data_extra": {"topic": None}}, "topic", "required"),
        ({"data_extra": {"received_at": timezone.now() + dt.timedelta(days=2)}}, "received_at", "future_received_at"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message_and_nothing_saved(
    world: World, change: dict[str, object], field: str, code: str
) -> None:
    kwargs: dict[str, object] = {"consent_given": True, "consent_method": "phone", "person": NEW_PERSON}
    data = facts(world, **change.pop("data_extra", {}))  # type: ignore[arg-type]
    kwargs.update(change)
    cases, events = Case.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as info:
        services.create_case(actor=world.users["handler"], data=data, **kwargs)  # type: ignore[arg-type]
    error = info.value
    assert field in error.error_dict
    assert code in [e.code for e in error.error_dict[field]]
    message = " ".join(error.message_dict[field])
    assert message
    assert any(ch in message for ch in "ảệữđ")
    assert "12345" not in message  # a mistyped number is not repeated back
    assert (Case.objects.count(), AuditEvent.objects.count()) == (cases, events)


def test_consent_message_says_silence_is_not_consent(world: World) -> None:
    with pytest.raises(ValidationError) as info:
        services.create_case(
            actor=world.users["handler"],
            data=facts(world),
            person=NEW_PERSON,
            consent_given=False,
            consent_method="phone",
        )
    assert "im lặng không phải là đồng ý" in info.value.message_dict["consent_given"][0]


def test_inactive_topic_is_refused(world: World) -> None:
    old = TopicFactory(name="Chủ đề cũ", parent=world.root_topic, is_active=False)
    with pytest.raises(ValidationError) as info:
        services.create_case(
            actor=world.users["handler"],
            data=facts(world, topic=old),
            person=NEW_PERSON,
            consent_given=True,
            consent_method="phone",
        )
    assert info.value.error_dict["topic"][0].code == "inactive_topic"


@pytest.mark.parametrize("role", ["officer", "leader", "secretariat", "viewer", "admin"])
def test_only_case_handlers_receive_cases(world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.create_case(
            actor=world.users[role], data=facts(world), person={}, consent_given=True, consent_method="phone"
        )


def test_a_handler_cannot_file_a_case_under_another_body(world: World) -> None:
    with pytest.raises(ValidationError) as info:
        services.create_case(
            actor=world.users["other_handler"], data=facts(world), person={}, consent_given=True, consent_method="phone"
        )
    assert info.value.error_dict["handling_agency"][0].code == "not_a_handler"


def test_the_assigned_handler_must_hold_the_grant(world: World) -> None:
    with pytest.raises(ValidationError) as info:
        services.create_case(
            actor=world.users["handler"],
            data=facts(world, handler=world.users["officer"]),
            person={},
            consent_given=True,
            consent_method="phone",
        )
    assert info.value.error_dict["handler"][0].code == "not_a_handler"


# --- update -------------------------------------------------------------------------------------------------


def test_update_changes_facts_and_person_in_one_masked_audit_event(world: World) -> None:
    case = world.case
    before = AuditEvent.objects.count()
    updated = services.update_case(
        actor=world.users["handler"],
        case=case,
        data={"channel": "app"},
        person={"phone": "0912 345 678"},
        expected_version=case.version,
    )
    assert updated.version == case.version + 1
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.latest("id")
    assert event.changes["channel"] == ["Đường dây nóng tư vấn 24/7", "Ứng dụng “Hướng Công”"]
    assert event.changes["số điện thoại"] == [MASK, MASK]
    assert CasePerson.objects.get(case=case).phone == "0912345678"
    assert_audit_clean()


def test_a_stale_version_is_a_conflict_naming_who_changed_it(world: World) -> None:
    case = world.case
    services.update_case(
        actor=world.users["handler"], case=case, data={"channel": "app"}, expected_version=case.version
    )
    with pytest.raises(ConflictError) as info:
        services.update_case(
            actor=world.users["handler"], case=case, data={"channel": "letter"}, expected_version=case.version
        )
    assert "vừa được" in info.value.message
    assert Case.objects.get(pk=case.pk).channel == "app"


def test_a_closed_case_cannot_be_edited(world: World) -> None:
    case = services.transition_case(
        actor=world.users["handler"], case=world.case, to_status="closed", expected_version=world.case.version
    )
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as info:
        services.update_case(
            actor=world.users["handler"],
            case=case,
            data={"channel": "app"},
            person={"full_name": "Tên khác"},
            expected_version=case.version,
        )
    assert info.value.code == "case_closed"
    assert "Vụ việc đã đóng nên không sửa được nữa" in info.value.messages[0]
    assert AuditEvent.objects.count() == events
    assert Case.objects.get(pk=case.pk).channel == "hotline"
    assert CasePerson.objects.get(case=case).full_name == "Đặng Thị Bảo Mật"
    with pytest.raises(ValidationError) as again:
        services.transition_case(
            actor=world.users["handler"], case=case, to_status="in_progress", expected_version=case.version
        )
    assert again.value.code == "case_closed"


@pytest.mark.parametrize("role", ["officer", "leader", "secretariat", "admin", "other_handler"])
def test_only_the_handling_body_handlers_edit(world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.update_case(
            actor=world.users[role], case=world.case, data={"channel": "app"}, expected_version=world.case.version
        )


# --- status machine -----------------------------------------------------------------------------------------


def test_status_steps_write_timeline_and_one_event_each(world: World) -> None:
    handler = world.users["handler"]
    case = services.transition_case(actor=handler, case=world.case, to_status="in_progress", expected_version=1)
    case = services.transition_case(
        actor=handler, case=case, to_status="answered", expected_version=case.version, answer="Đã tư vấn Điều 46."
    )
    assert case.answered_at is not None
    assert case.answer == "Đã tư vấn Điều 46."
    case = services.transition_case(actor=handler, case=case, to_status="closed", expected_version=case.version)
    assert case.closed_at is not None
    steps = list(CaseEvent.objects.filter(case=case, kind=CaseEventKind.STATUS).values_list("from_status", "to_status"))
    assert steps == [("received", "in_progress"), ("in_progress", "answered"), ("answered", "closed")]
    assert AuditEvent.objects.filter(object_id=str(case.pk), action="transition").count() == 3


@pytest.mark.parametrize(
    ("to_status", "kwargs", "code"),
    [
        ("answered", {}, "answer_required"),
        ("referred", {}, "referred_to_required"),
        ("received", {}, "invalid_transition"),
    ],
)
def test_invalid_steps_are_refused(world: World, to_status: str, kwargs: dict[str, str], code: str) -> None:
    with pytest.raises(ValidationError) as info:
        services.transition_case(
            actor=world.users["handler"], case=world.case, to_status=to_status, expected_version=1, **kwargs
        )
    assert code in [e.code for errors in info.value.error_dict.values() for e in errors]
    assert Case.objects.get(pk=world.case.pk).status == CaseStatus.RECEIVED


def test_two_concurrent_steps_from_the_same_version_one_wins(world: World) -> None:
    handler = world.users["handler"]
    services.transition_case(actor=handler, case=world.case, to_status="in_progress", expected_version=1)
    with pytest.raises(ConflictError):
        services.transition_case(
            actor=handler, case=world.case, to_status="referred", expected_version=1, referred_to="Sở"
        )
    assert Case.objects.get(pk=world.case.pk).status == "in_progress"


def test_a_backdated_step_must_follow_receipt(world: World) -> None:
    with pytest.raises(ValidationError):
        services.transition_case(
            actor=world.users["handler"],
            case=world.case,
            to_status="in_progress",
            expected_version=1,
            at=world.case.received_at - dt.timedelta(days=1),
        )


def test_leader_assigns_a_handler_of_the_body(world: World) -> None:
    case = services.assign_handler(actor=world.users["leader"], case=world.case, handler=None, expected_version=1)
    assert case.handler is None
    case = services.assign_handler(
        actor=world.users["leader"], case=case, handler=world.users["handler"], expected_version=case.version
    )
    assert Case.objects.get(pk=case.pk).handler_id == world.users["handler"].pk
    with pytest.raises(ValidationError):
        services.assign_handler(
            actor=world.users["leader"], case=case, handler=world.users["officer"], expected_version=case.version
        )
    with pytest.raises(PermissionDenied):
        services.assign_handler(
            actor=world.users["secretariat"], case=case, handler=None, expected_version=case.version
        )


# --- grants -------------------------------------------------------------------------------------------------


def test_leader_grants_and_revokes_the_handler_role_audited(world: World) -> None:
    officer = world.users["officer"]
    assert not selectors.permissions.can_see_personal_data(officer, world.case)
    grant = services.grant_handler(actor=world.users["leader"], user=officer, agency=world.ldldtp)
    assert selectors.permissions.can_see_personal_data(officer, world.case)
    created = AuditEvent.objects.get(object_type="cases.casehandlergrant", object_id=str(grant.pk))
    assert created.action == "create"
    with pytest.raises(ValidationError) as twice:
        services.grant_handler(actor=world.users["leader"], user=officer, agency=world.ldldtp)
    assert twice.value.error_dict["user"][0].code == "already_granted"
    services.revoke_handler(actor=world.users["leader"], grant=grant)
    assert not selectors.permissions.can_see_personal_data(officer, world.case)
    assert AuditEvent.objects.filter(object_type="cases.casehandlergrant", object_id=str(grant.pk)).count() == 2
    with pytest.raises(ValidationError):
        services.revoke_handler(actor=world.users["leader"], grant=grant)


def test_a_leader_grants_for_units_under_the_body(world: World) -> None:
    grant = services.grant_handler(actor=world.users["leader"], user=world.users["officer"], agency=world.cdkkt)
    assert grant.agency == world.cdkkt


@pytest.mark.parametrize(
    ("actor", "user", "agency", "error"),
    [
        ("officer", "handler", "ldldtp", PermissionDenied),
        ("secretariat", "officer", "ldldtp", PermissionDenied),
        ("leader", "other_handler", "bqlkkt", PermissionDenied),
        ("leader", "other_handler", "ldldtp", ValidationError),
        ("admin", "viewer", "bdvtu", ValidationError),
        ("admin", "secretariat", "bdvtu", ValidationError),
    ],
)
def test_grant_refusals(world: World, actor: str, user: str, agency: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        services.grant_handler(actor=world.users[actor], user=world.users[user], agency=getattr(world, agency))
    assert CaseHandlerGrant.objects.count() == 2


def test_a_grant_lapses_when_its_holder_moves_to_another_body(world: World) -> None:
    handler = world.users["handler"]
    handler.agency = world.bqlkkt
    handler.save()
    selectors.permissions.forget_cached_rights(handler)
    assert not selectors.permissions.can_see_personal_data(handler, world.case)


# --- data subject -------------------------------------------------------------------------------------------


def test_export_is_registered_and_audited(world: World) -> None:
    data = services.export_subject_data(actor=world.users["handler"], case=world.case)
    assert data["vu_viec"][0]["ho_ten"] == "Đặng Thị Bảo Mật"
    assert data["vu_viec"][0]["dong_y"]["hinh_thuc"].startswith("Qua điện thoại")
    export = DataExport.objects.get(case=world.case)
    assert AuditEvent.objects.filter(object_type="cases.dataexport", object_id=str(export.pk)).count() == 1
    assert CaseEvent.objects.filter(case=world.case, kind=CaseEventKind.DATA_EXPORT).exists()
    assert_audit_clean()


def test_export_gathers_the_same_persons_other_cases_of_the_body(world: World) -> None:
    other = services.create_case(
        actor=world.users["handler"],
        data=facts(world),
        person={"full_name": "Đặng Thị Bảo Mật", "phone": "0911 222 333"},
        consent_given=True,
        consent_method="phone",
    )
    data = services.export_subject_data(actor=world.users["handler"], case=world.case)
    assert [entry["vu_viec_so"] for entry in data["vu_viec"]] == [world.case.pk, other.pk]


@pytest.mark.parametrize("role", ["officer", "leader", "secretariat", "admin", "viewer", "other_handler"])
def test_only_handlers_export(world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.export_subject_data(actor=world.users[role], case=world.case)


def test_correction_request_applies_even_on_a_closed_case(world: World) -> None:
    handler = world.users["handler"]
    case = services.transition_case(actor=handler, case=world.case, to_status="closed", expected_version=1)
    request = services.record_data_request(actor=handler, case=case, kind="correction", details="Sai số điện thoại")
    assert request.due_on == timezone.localdate() + dt.timedelta(days=15)
    events = AuditEvent.objects.count()
    done = services.handle_data_request(
        actor=handler,
        request=request,
        expected_version=request.version,
        accept=True,
        outcome="Đã sửa theo yêu cầu",
        corrections={"phone": "0912 345 678"},
    )
    assert done.status == "done"
    assert AuditEvent.objects.count() == events + 1
    assert CasePerson.objects.get(case=case).phone == "0912345678"
    assert_audit_clean()
    with pytest.raises(ValidationError):
        services.handle_data_request(
            actor=handler, request=done, expected_version=done.version, accept=True, outcome="", corrections={}
        )


def test_erasure_wipes_personal_data_and_keeps_the_facts(world: World) -> None:
    handler = world.users["handler"]
    request = services.record_data_request(actor=handler, case=world.case, kind="erasure")
    services.handle_data_request(actor=handler, request=request, expected_version=1, accept=True, outcome="")
    person = CasePerson.objects.get(case=world.case)
    assert person.is_empty
    assert person.phone_index == ""
    case = Case.objects.get(pk=world.case.pk)
    assert case.anonymised_at is not None
    assert case.topic == world.topic
    assert case.status == "received"
    assert Consent.objects.get(case=case).withdrawn_at is not None
    with pytest.raises(ValidationError) as info:
        services.update_case(
            actor=handler, case=case, data={}, person={"full_name": "X"}, expected_version=case.version
        )
    assert info.value.code == "case_anonymised"


def test_refusing_a_request_needs_a_reason(world: World) -> None:
    handler = world.users["handler"]
    request = services.record_data_request(actor=handler, case=world.case, kind="erasure")
    with pytest.raises(ValidationError) as info:
        services.handle_data_request(actor=handler, request=request, expected_version=1, accept=False, outcome="")
    assert info.value.error_dict["outcome"][0].code == "reason_required"
    assert CasePerson.objects.get(case=world.case).full_name == "Đặng Thị Bảo Mật"


def test_retention_anonymises_only_closed_cases_past_the_period(world: World) -> None:
    handler = world.users["handler"]
    case = services.transition_case(actor=handler, case=world.case, to_status="closed", expected_version=1)
    assert services.anonymise_expired_cases() == []
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - dt.timedelta(days=5 * 366))
    assert services.anonymise_expired_cases(dry_run=True) == [case.pk]
    assert not CasePerson.objects.get(case=case).is_empty
    assert services.anonymise_expired_cases() == [case.pk]
    assert CasePerson.objects.get(case=case).is_empty
    assert AuditEvent.objects.filter(object_id=str(case.pk), note__contains="Ẩn danh hóa tự động").count() == 1
    assert services.anonymise_expired_cases() == []
    assert_audit_clean()


# --- petitions ----------------------------------------------------------------------------------------------


def test_petition_follow_up_until_resolved(world: World) -> None:
    leader = world.users["leader"]
    petition = services.create_petition(
        actor=leader,
        data={
            "title": "Xây nhà ở công nhân",
            "raised_by": "Công nhân KCN Tràng Duệ",
            "conference": "Hội nghị đối thoại 2023",
            "raised_on": dt.date(2023, 5, 13),
            "responsible_agency": world.bqlkkt,
        },
    )
    assert petition.owner_agency == world.ldldtp
    assert petition.status == PetitionStatus.RAISED
    services.add_follow_up(
        actor=leader,
        petition=petition,
        occurred_on=dt.date(2023, 5, 27),
        status="answered",
        note="Có kết luận",
        expected_version=1,
    )
    petition.refresh_from_db()
    services.add_follow_up(
        actor=leader,
        petition=petition,
        occurred_on=dt.date(2023, 12, 1),
        status="resolved",
        note="Đã khởi công",
        expected_version=petition.version,
    )
    petition.refresh_from_db()
    assert petition.status == "resolved"
    assert petition.resolved_on == dt.date(2023, 12, 1)
    assert AuditEvent.objects.filter(object_type="cases.petition", object_id=str(petition.pk)).count() == 3
    with pytest.raises(ValidationError) as info:
        services.add_follow_up(
            actor=leader,
            petition=petition,
            occurred_on=dt.date(2023, 12, 2),
            status="in_progress",
            note="x",
            expected_version=petition.version,
        )
    assert info.value.code == "resolved"


def test_petition_follow_up_checks_dates_and_version(world: World) -> None:
    petition = PetitionFactory(owner_agency=world.ldldtp, responsible_agency=world.ldldtp)
    leader = world.users["leader"]
    with pytest.raises(ValidationError):
        services.add_follow_up(
            actor=leader,
            petition=petition,
            occurred_on=dt.date(2023, 1, 1),
            status="answered",
            note="x",
            expected_version=1,
        )
    with pytest.raises(ConflictError):
        services.add_follow_up(
            actor=leader,
            petition=petition,
            occurred_on=dt.date(2023, 6, 1),
            status="answered",
            note="x",
            expected_version=7,
        )
    with pytest.raises(PermissionDenied):
        services.add_follow_up(
            actor=world.users["other_handler"],
            petition=petition,
            occurred_on=dt.date(2023, 6, 1),
            status="answered",
            note="x",
            expected_version=1,
        )
    assert Petition.objects.get(pk=petition.pk).status == "raised"


def test_error_reports_hide_personal_values(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected failure deep inside a service: Django's error report shows no personal value (the services
    that handle personal data mark every local as sensitive)."""
    import sys

    from django.test import RequestFactory
    from django.views.debug import ExceptionReporter

    from phoihop.cases.services import common

    def broken(value: str) -> None:
        raise RuntimeError("unexpected")

    monkeypatch.setattr(common, "validate_phone", broken)
    try:
        services.create_case(
            actor=world.users["handler"],
            data=facts(world),
            person=NEW_PERSON,
            consent_given=True,
            consent_method="phone",
        )
    except RuntimeError:
        report = ExceptionReporter(RequestFactory().get("/"), *sys.exc_info()).get_traceback_text()
    assert "RuntimeError" in report
    assert "Lý Văn Riêng Tư" not in report
    assert "0912345678" not in report
    assert "0912 345 678" not in report
