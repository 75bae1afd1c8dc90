"""The data subject's rights and the retention rule: access (export), correction, erasure, and anonymisation of
closed cases past the retention period. Each step is audited; none writes a personal value to the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from phoihop.cases import permissions, selectors
from phoihop.cases.choices import CaseEventKind, CaseStatus, DataRequestKind, DataRequestStatus
from phoihop.cases.models import Case, CasePerson, Consent, DataExport, DataRequest
from phoihop.cases.services.common import add_event, apply_person, clean_person, wipe_person
from phoihop.cases.validators import PHONE_INDEX_PURPOSE
from phoihop.core.audit import MASK, diff, record_event, snapshot
from phoihop.core.crypto import blind_index
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.services import conflict_for
from phoihop.core.text import nfc
from phoihop.core.vnformat import format_datetime

if TYPE_CHECKING:
    from phoihop.accounts.models import User


@sensitive_variables()
@transaction.atomic
def export_subject_data(*, actor: User, case: Case) -> dict[str, Any]:
    """The requester's data as a JSON-ready dict (right of access). Kept in the register of disclosures."""
    if not permissions.can_serve_data_subject(actor, case):
        raise PermissionDenied
    data = selectors.subject_data(user=actor, case=case)
    export = DataExport.objects.create(case=case, exported_by=actor, case_count=len(data["vu_viec"]))
    add_event(
        case=case,
        kind=CaseEventKind.DATA_EXPORT,
        actor=actor,
        note=_("Xuất dữ liệu cá nhân (%(n)s vụ việc) để giao cho người hỏi.") % {"n": export.case_count},
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=export,
        changes={"số vụ việc trong bản xuất": ["", str(export.case_count)]},
        note=_("Xuất dữ liệu cá nhân của người hỏi trong vụ việc số %(pk)s.") % {"pk": case.pk},
    )
    return data


def _due_on(received_at: dt.datetime) -> dt.date:
    return timezone.localtime(received_at).date() + dt.timedelta(days=settings.CASE_DATA_REQUEST_DAYS)


@sensitive_variables()
@transaction.atomic
def record_data_request(
    *, actor: User, case: Case, kind: str, details: str = "", received_at: dt.datetime | None = None
) -> DataRequest:
    """Record a request the requester made (in writing, by phone, in person) to correct or erase their data."""
    if not permissions.can_serve_data_subject(actor, case):
        raise PermissionDenied
    if kind not in DataRequestKind.values:
        raise field_error("kind", _("Hãy chọn loại yêu cầu."), "required")
    details = nfc(details or "").strip()
    if len(details) > 4000:
        raise field_error("details", _("Quá dài: tối đa 4000 ký tự."), "too_long")
    received = received_at or timezone.now()
    request = DataRequest(
        case=case, kind=kind, received_at=received, due_on=_due_on(received), details=details, recorded_by=actor
    )
    request.full_clean()
    request.save(force_insert=True)
    add_event(
        case=case,
        kind=CaseEventKind.DATA_REQUEST,
        actor=actor,
        note=_("Nhận yêu cầu %(kind)s; hạn xử lý %(due)s.")
        % {"kind": request.get_kind_display().lower(), "due": request.due_on.strftime("%d/%m/%Y")},
    )
    record_event(actor=actor, action=AuditAction.CREATE, obj=request, changes=diff({}, snapshot(request)))
    return request


@sensitive_variables()
@transaction.atomic
def handle_data_request(
    *,
    actor: User,
    request: DataRequest,
    expected_version: int,
    accept: bool,
    outcome: str,
    corrections: Mapping[str, Any] | None = None,
) -> DataRequest:
    """Carry out (or refuse, with a reason) a correction or erasure request. A correction applies the corrected
    values, even on a closed case (it is the requester's right); an erasure wipes every personal field and records
    the withdrawal of consent, leaving the facts and the counts of the case untouched."""
    case = request.case
    if not permissions.can_serve_data_subject(actor, case):
        raise PermissionDenied
    current = DataRequest.objects.select_for_update().get(pk=request.pk)
    if current.version != expected_version:
        raise conflict_for(current)
    if current.status != DataRequestStatus.OPEN:
        raise ValidationError(_("Yêu cầu này đã được xử lý."), code="request_handled")
    outcome = nfc(outcome or "").strip()
    if not accept and not outcome:
        raise field_error("outcome", _("Hãy ghi lý do từ chối yêu cầu."), "reason_required")
    if len(outcome) > 2000:
        raise field_error("outcome", _("Quá dài: tối đa 2000 ký tự."), "too_long")
    person_changes: dict[str, list[str]] = {}
    now = timezone.now()
    if accept:
        person, _created = CasePerson.objects.select_for_update().get_or_create(case=case)
        if current.kind == DataRequestKind.CORRECTION:
            if case.anonymised_at is not None:
                raise ValidationError(
                    _("Dữ liệu cá nhân của vụ việc này đã được xóa; không còn gì để đính chính."),
                    code="case_anonymised",
                )
            values = clean_person(corrections or {})
            person_changes = apply_person(person, values)
            if not person_changes:
                raise ValidationError(
                    _("Chưa có thông tin nào được đính chính: hãy sửa ít nhất một trường."), code="nothing_changed"
                )
        else:
            person_changes = wipe_person(person)
            Consent.objects.filter(case=case, withdrawn_at__isnull=True).update(withdrawn_at=now)
            Case.objects.filter(pk=case.pk).update(
                anonymised_at=now, tracking_hash=None, version=F("version") + 1, updated_at=now
            )
        person.save()
    before = snapshot(current)
    status = DataRequestStatus.DONE if accept else DataRequestStatus.REJECTED
    updated = DataRequest.objects.filter(pk=current.pk, version=expected_version, status=DataRequestStatus.OPEN).update(
        status=status, outcome=outcome, handled_by=actor, handled_at=now, version=F("version") + 1, updated_at=now
    )
    if updated != 1:
        raise conflict_for(current)
    current.status, current.outcome, current.handled_by, current.handled_at = status, outcome, actor, now
    current.version = expected_version + 1
    add_event(
        case=case,
        kind=CaseEventKind.DATA_REQUEST,
        actor=actor,
        note=(_("Đã thực hiện yêu cầu %(kind)s.") if accept else _("Từ chối yêu cầu %(kind)s."))
        % {"kind": current.get_kind_display().lower()},
    )
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=current,
        changes={**diff(before, snapshot(current)), **person_changes},
    )
    return current


def retention_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Cases closed before this moment are past the retention period (CASE_RETENTION_YEARS after closing)."""
    now = now or timezone.now()
    years = settings.CASE_RETENTION_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February in a year that has none
        return now.replace(year=now.year - years, day=28)


def cases_past_retention(now: dt.datetime | None = None) -> Any:
    return Case.objects.filter(
        status=CaseStatus.CLOSED, closed_at__lt=retention_cutoff(now), anonymised_at__isnull=True
    ).order_by("closed_at", "pk")


@transaction.atomic
def anonymise_case(*, actor: User | None, case: Case, note: str) -> Case:
    """Wipe the personal fields of one case and forget its tracking code; facts, timeline and counts stay."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.anonymised_at is not None:
        return current
    person = CasePerson.objects.filter(case=current).first()
    person_changes: dict[str, list[str]] = {}
    if person is not None:
        person_changes = wipe_person(person)
        person.save()
    now = timezone.now()
    Case.objects.filter(pk=current.pk).update(
        anonymised_at=now, tracking_hash=None, version=F("version") + 1, updated_at=now
    )
    current.anonymised_at, current.tracking_hash = now, None
    current.version += 1
    add_event(case=current, kind=CaseEventKind.ANONYMISED, actor=actor, note=note)
    changes = {**person_changes, "anonymised_at": ["", format_datetime(now)]}
    record_event(actor=actor, action=AuditAction.UPDATE, obj=current, changes=changes, note=note)
    return current


def anonymise_expired_cases(*, now: dt.datetime | None = None, dry_run: bool = False) -> list[int]:
    """Anonymise every closed case past retention, one transaction per case. Returns their ids."""
    ids = list(cases_past_retention(now).values_list("pk", flat=True))
    if dry_run:
        return ids
    note = _("Ẩn danh hóa tự động: đã quá %(n)s năm kể từ khi đóng vụ việc.") % {"n": settings.CASE_RETENTION_YEARS}
    for pk in ids:
        anonymise_case(actor=None, case=Case(pk=pk), note=note)
    return ids


def masked_request_details(request: DataRequest, user: User) -> str:
    return request.details if permissions.can_serve_data_subject(user, request.case) else MASK


def reindex_phone_hashes(*, batch_size: int = 500) -> int:
    """Recompute every requester's phone look-up hash under the current PHOIHOP_HASH_KEY (after rotating it), one
    audit event per row whose hash changed. Returns the number of such rows."""
    changed = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            batch = list(CasePerson.objects.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
            for person in batch:
                index = blind_index(person.phone, purpose=PHONE_INDEX_PURPOSE)
                if index != person.phone_index:
                    CasePerson.objects.filter(pk=person.pk).update(phone_index=index)
                    # Neither hash is personal data, yet both stay out of the trail: it says only that the key changed.
                    record_event(
                        actor=None,
                        action=AuditAction.UPDATE,
                        obj=person,
                        changes={"phone_index": [MASK, MASK]},
                        note=_("Tính lại mã tra cứu số điện thoại theo khóa PHOIHOP_HASH_KEY mới."),
                    )
                    changed += 1
        if len(batch) < batch_size:
            return changed
        last_pk = batch[-1].pk


@transaction.atomic
def record_case_export(
    *, actor: User, rows: int, personal_rows: int, filters: str = "", file_format: str = "Excel"
) -> None:
    """One audit event per export of the case list, on the account of the user who took it (no case record is
    changed): how many cases, how many with the requester's data in clear, the filter. Never a personal value."""
    personal = (
        _("có, hiện rõ ở %(n)s vụ việc") % {"n": personal_rows} if personal_rows else _("không (thông tin đã che)")
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=actor,
        changes={
            _("Số vụ việc xuất"): ["", str(rows)],
            _("Thông tin cá nhân của người hỏi"): ["", personal],
            _("Bộ lọc"): ["", filters or _("không lọc")],
        },
        note=_("Xuất %(format)s danh sách vụ việc: %(rows)s vụ việc; thông tin cá nhân: %(personal)s.")
        % {"format": file_format, "rows": rows, "personal": personal},
    )
