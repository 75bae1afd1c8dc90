"""Writes of cases: receive, edit, assign, move through the status machine. Each call is one transaction with
exactly one AuditEvent; personal values reach the audit trail only as "••••••"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from phoihop.cases import permissions, selectors
from phoihop.cases.choices import (
    CURRENT_PURPOSE_VERSION,
    TRANSITIONS,
    CaseEventKind,
    CaseStatus,
    Channel,
    ConsentMethod,
    RequesterKind,
)
from phoihop.cases.models import Case, CasePerson, Consent, Topic
from phoihop.cases.services.common import add_event, apply_person, clean_person
from phoihop.cases.worktime import add_working_hours
from phoihop.core.audit import diff, record_event, snapshot
from phoihop.core.errors import ConflictError, field_error
from phoihop.core.models import AuditAction
from phoihop.core.services import conflict_for
from phoihop.core.text import nfc

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

CASE_FIELDS = (
    "channel",
    "requester_kind",
    "topic",
    "enterprise",
    "zone",
    "handling_agency",
    "handler",
    "received_at",
    "answer",
)
EDITABLE_FIELDS = tuple(name for name in CASE_FIELDS if name != "handling_agency")
CLOCK_SKEW = dt.timedelta(minutes=5)


def closed_error() -> ValidationError:
    return ValidationError(
        _(
            "Vụ việc đã đóng nên không sửa được nữa. Nếu người hỏi có yêu cầu mới, hãy tiếp nhận một vụ việc mới; "
            "nếu cần đính chính hoặc xóa dữ liệu cá nhân, hãy ghi nhận yêu cầu về dữ liệu cá nhân."
        ),
        code="case_closed",
    )


def anonymised_error() -> ValidationError:
    return ValidationError(
        _("Dữ liệu cá nhân của vụ việc này đã được xóa (ẩn danh hóa); không nhập lại được."),
        code="case_anonymised",
    )


def due_at_for(channel: str, received_at: dt.datetime) -> dt.datetime | None:
    """The answer deadline: the channel's response time in working hours from the moment of receipt."""
    hours = selectors.response_hours_for(channel)
    if hours is None:
        return None
    return add_working_hours(received_at, hours, selectors.working_calendar())


def _clean_facts(data: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(
            _("Trường không được phép sửa: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            code="unknown_field",
        )
    cleaned = {name: (nfc(value).strip() if isinstance(value, str) else value) for name, value in data.items()}
    errors: dict[str, list[ValidationError]] = {}
    topic = cleaned.get("topic", ...)
    if topic is None:
        errors["topic"] = [ValidationError(_("Hãy chọn chủ đề của vụ việc."), code="required")]
    elif isinstance(topic, Topic) and not topic.is_active:
        errors["topic"] = [
            ValidationError(
                _("Chủ đề “%(name)s” đã ngừng sử dụng; hãy chọn chủ đề khác.") % {"name": topic.name},
                code="inactive_topic",
            )
        ]
    received_at = cleaned.get("received_at")
    if isinstance(received_at, dt.datetime) and received_at > timezone.now() + CLOCK_SKEW:
        errors["received_at"] = [
            ValidationError(_("Thời điểm tiếp nhận không được ở tương lai."), code="future_received_at")
        ]
    if errors:
        raise ValidationError(errors)
    enterprise: Any = cleaned.get("enterprise")
    if enterprise is not None and cleaned.get("zone") is None and "zone" in allowed:
        cleaned["zone"] = enterprise.zone
    return cleaned


def _check_handler(handler: User | None, agency_id: int) -> None:
    if handler is None:
        return
    permissions.forget_cached_rights(handler)
    if agency_id not in permissions.handler_agency_ids(handler):
        raise field_error(
            "handler",
            _("Cán bộ %(name)s chưa được giao quyền xử lý vụ việc của đơn vị này.") % {"name": handler},
            "not_a_handler",
        )


def _consent_text(consent: Consent) -> str:
    return f"{consent.get_method_display()}, nội dung mục đích phiên bản {consent.purpose_version}"


@sensitive_variables()
@transaction.atomic
def create_case(
    *,
    actor: User,
    data: Mapping[str, Any],
    person: Mapping[str, Any],
    consent_given: bool,
    consent_method: str | None,
    consent_at: dt.datetime | None = None,
) -> Case:
    """Receive a case. Refused without the requester's consent (silence is not consent)."""
    if not permissions.is_case_handler(actor):
        raise PermissionDenied
    cleaned = _clean_facts(data, CASE_FIELDS)
    agency: Agency | None = cleaned.get("handling_agency")
    if agency is None:
        raise field_error("handling_agency", _("Hãy chọn đơn vị xử lý."), "required")
    if not permissions.can_create_case(actor, agency):
        raise field_error(
            "handling_agency",
            _("Anh/chị chưa được giao xử lý vụ việc của %(agency)s.") % {"agency": agency},
            "not_a_handler",
        )
    if not consent_given:
        raise field_error(
            "consent_given",
            _(
                "Chưa có sự đồng ý của người hỏi về việc xử lý dữ liệu cá nhân nên vụ việc chưa được lưu. "
                "Hãy đọc nội dung mục đích cho người hỏi và chỉ đánh dấu khi họ đồng ý rõ ràng "
                "(im lặng không phải là đồng ý)."
            ),
            "consent_required",
        )
    if consent_method not in ConsentMethod.values:
        raise field_error("consent_method", _("Hãy chọn hình thức đồng ý."), "consent_method_required")
    person_values = clean_person(person)
    _check_handler(cleaned.get("handler"), agency.pk)
    received_at = cleaned.get("received_at") or timezone.now()
    cleaned["received_at"] = received_at
    case = Case(**cleaned, status=CaseStatus.RECEIVED)
    case.due_at = due_at_for(case.channel, received_at)
    case.full_clean()
    case.save(force_insert=True)
    record = CasePerson(case=case)
    person_changes = apply_person(record, person_values)
    record.save(force_insert=True)
    consent = Consent.objects.create(
        case=case,
        given_at=consent_at or received_at,
        method=consent_method,
        purpose_version=CURRENT_PURPOSE_VERSION,
        recorded_by=actor,
    )
    add_event(
        case=case, kind=CaseEventKind.RECEIVED, actor=actor, to_status=CaseStatus.RECEIVED, occurred_at=received_at
    )
    changes = {**diff({}, snapshot(case)), **person_changes, "sự đồng ý": ["", _consent_text(consent)]}
    record_event(actor=actor, action=AuditAction.CREATE, obj=case, changes=changes)
    return case


def _locked(case: Case, expected_version: int) -> Case:
    try:
        current = Case.objects.select_for_update().select_related("handling_agency").get(pk=case.pk)
    except Case.DoesNotExist:
        raise ConflictError(changed_by=None, changed_at=None) from None
    if current.version != expected_version:
        raise conflict_for(current)
    return current


def _conditional_update(current: Case, expected_version: int, values: Mapping[str, Any]) -> Case:
    """Write `values` if the row is still at the version and status we read; bump the version."""
    now = timezone.now()
    updated = Case.objects.filter(pk=current.pk, version=expected_version, status=current.status).update(
        **values, version=F("version") + 1, updated_at=now
    )
    if updated != 1:
        raise conflict_for(current)
    for name, value in values.items():
        setattr(current, name, value)
    current.version = expected_version + 1
    current.updated_at = now
    return current


def _field_label(name: str) -> str:
    """The field's Vietnamese name for the timeline; person fields already arrive under their label."""
    try:
        return str(getattr(Case._meta.get_field(name), "verbose_name", name))
    except FieldDoesNotExist:
        return name


@sensitive_variables()
@transaction.atomic
def update_case(
    *,
    actor: User,
    case: Case,
    data: Mapping[str, Any],
    expected_version: int,
    person: Mapping[str, Any] | None = None,
) -> Case:
    """Edit the facts and the requester's data of an open or answered case. A closed case is not edited."""
    if not permissions.can_edit_case(actor, case):
        raise PermissionDenied
    current = _locked(case, expected_version)
    if current.is_closed:
        raise closed_error()
    person_values = clean_person(person or {})
    if person_values and current.anonymised_at is not None:
        raise anonymised_error()
    cleaned = _clean_facts(data, EDITABLE_FIELDS)
    if "handler" in cleaned:
        _check_handler(cleaned["handler"], current.handling_agency_id)
    before = snapshot(current)
    for name, value in cleaned.items():
        setattr(current, name, value)
    if "channel" in cleaned or "received_at" in cleaned:
        current.due_at = due_at_for(current.channel, current.received_at)
    current.full_clean()
    values = {
        f.attname: getattr(current, f.attname)
        for f in Case._meta.concrete_fields
        if not f.primary_key and f.name not in {"version", "created_at", "updated_at", "status", "tracking_hash"}
    }
    _conditional_update(current, expected_version, values)
    person_changes: dict[str, list[str]] = {}
    if person_values:
        record, _created = CasePerson.objects.get_or_create(case=current)
        person_changes = apply_person(record, person_values)
        if person_changes:
            record.save()
    changes = {**diff(before, snapshot(current)), **person_changes}
    if changes:
        labels = ", ".join(_field_label(name) for name in changes)
        add_event(case=current, kind=CaseEventKind.EDITED, actor=actor, note=_("Cập nhật: %(f)s.") % {"f": labels})
        record_event(actor=actor, action=AuditAction.UPDATE, obj=current, changes=changes)
    return current


@transaction.atomic
def transition_case(
    *,
    actor: User,
    case: Case,
    to_status: str,
    expected_version: int,
    note: str = "",
    answer: str | None = None,
    referred_to: str | None = None,
    at: dt.datetime | None = None,
) -> Case:
    """Move a case one step along the status machine (choices.TRANSITIONS): one conditional UPDATE on the status
    and version read, one timeline entry, one audit event.

    `at` is for imports and the demo loader, which record steps taken earlier: the moment of the step, never in
    the future nor before the case was received. The audit event keeps the real time of recording."""
    if not permissions.can_transition_case(actor, case):
        raise PermissionDenied
    current = _locked(case, expected_version)
    if current.is_closed:
        raise closed_error()
    if to_status not in TRANSITIONS.get(current.status, ()):
        labels = dict(CaseStatus.choices)
        raise field_error(
            "to_status",
            _("Không thể chuyển vụ việc từ “%(from)s” sang “%(to)s”.")
            % {"from": labels.get(current.status, current.status), "to": labels.get(to_status, to_status)},
            "invalid_transition",
        )
    note = nfc(note or "").strip()
    now = timezone.now()
    if at is not None:
        if at > now + CLOCK_SKEW or at < current.received_at:
            raise field_error(
                "at", _("Thời điểm chuyển trạng thái phải sau lúc tiếp nhận và không ở tương lai."), "invalid_moment"
            )
        now = at
    values: dict[str, Any] = {"status": to_status}
    if to_status == CaseStatus.ANSWERED:
        text = nfc(answer if answer is not None else current.answer).strip()
        if not text:
            raise field_error("answer", _("Hãy ghi nội dung đã trả lời, tư vấn cho người hỏi."), "answer_required")
        if len(text) > 8000:
            raise field_error("answer", _("Quá dài: tối đa 8000 ký tự."), "too_long")
        values.update(answer=text, answered_at=now)
    elif to_status == CaseStatus.REFERRED:
        target = nfc(referred_to or "").strip()
        if not target:
            raise field_error("referred_to", _("Hãy ghi tên cơ quan được chuyển vụ việc đến."), "referred_to_required")
        values.update(referred_to=target[:255])
    elif to_status == CaseStatus.CLOSED:
        values.update(closed_at=now)
    before = snapshot(current)
    old_status = current.status
    _conditional_update(current, expected_version, values)
    add_event(
        case=current,
        kind=CaseEventKind.STATUS,
        actor=actor,
        from_status=old_status,
        to_status=to_status,
        note=note,
        occurred_at=now,
    )
    record_event(
        actor=actor, action=AuditAction.TRANSITION, obj=current, changes=diff(before, snapshot(current)), note=note
    )
    return current


def can_assign(actor: User, case: Case) -> bool:
    if permissions.can_see_personal_data(actor, case):
        return True
    return permissions.can_manage_grants(actor, case.handling_agency) and not actor.is_admin


@transaction.atomic
def assign_handler(*, actor: User, case: Case, handler: User | None, expected_version: int) -> Case:
    """Give the case to a handler of its body (a handler of the body, or its leader, decides)."""
    if not can_assign(actor, case):
        raise PermissionDenied
    current = _locked(case, expected_version)
    if current.is_closed:
        raise closed_error()
    _check_handler(handler, current.handling_agency_id)
    before = snapshot(current)
    _conditional_update(current, expected_version, {"handler_id": handler.pk if handler else None})
    current.handler = handler
    add_event(
        case=current,
        kind=CaseEventKind.ASSIGNED,
        actor=actor,
        note=str(handler) if handler else _("Bỏ giao cán bộ xử lý"),
    )
    record_event(actor=actor, action=AuditAction.UPDATE, obj=current, changes=diff(before, snapshot(current)))
    return current


def default_requester_kind(channel: str) -> str:
    return RequesterKind.ENTERPRISE if channel == Channel.ENTERPRISE_HOTLINE else RequesterKind.WORKER
