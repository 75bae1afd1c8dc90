"""Writes to activities. Every function checks the permission, validates, writes and audits in one transaction.

An activity and its participant and output rows are one record for the user: they are saved together, and one
AuditEvent per change describes both the activity's fields and its rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.activities.attachments import check_upload
from phoihop.activities.choices import OutputKind
from phoihop.activities.models import Activity, ActivityAttachment, ActivityOutput, ActivityParticipant
from phoihop.activities.permissions import (
    can_create_activity,
    can_delete_activity,
    can_edit_activity,
)
from phoihop.core.audit import add_to_event, diff, held_events, record_event
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.records import RecordWrites
from phoihop.core.services import clean_input, conflict_for, create_record, delete_record, update_record
from phoihop.core.text import clean_text
from phoihop.directory.scope import resolve_owner

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

ACTIVITY_FIELDS = ("kind", "title", "series", "start_date", "end_date", "place", "zone", "notes")
ACTIVITY_M2M = ("partner_agencies", "enterprises", "plan_items")
PARTICIPANT_FIELDS = ("group", "count", "unit", "qualifier", "note")
OUTPUT_FIELDS = ("kind", "label", "quantity", "unit", "qualifier")
TEXT_FIELDS = {"title", "series", "place", "note", "label", "unit"}

# Keys of the rows in the audit trail: labels, since they are no field of the activity itself.
PARTICIPANTS_KEY = "thành phần tham gia"
OUTPUTS_KEY = "kết quả, sản phẩm"
ATTACHMENTS_KEY = "tệp đính kèm"

Row = Mapping[str, Any]


def _clean(data: Mapping[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    return clean_input(data, allowed, one_line=TEXT_FIELDS, blank_if_none={"series", "place", "notes", "note", "label"})


def _split(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[models.Model]]]:
    cleaned = _clean(data, ACTIVITY_FIELDS + ACTIVITY_M2M)
    m2m = {name: list(cleaned.pop(name)) for name in ACTIVITY_M2M if name in cleaned}
    return cleaned, m2m


def _owner_for(actor: User, owner_agency: Agency | None) -> Agency:
    return resolve_owner(
        actor,
        owner_agency,
        required=_("Hãy chọn đơn vị tổ chức."),
        foreign=_("Anh/chị chỉ có thể ghi nhận hoạt động của đơn vị mình hoặc đơn vị trực thuộc."),
    )


def _check_partners(owner_id: int, partners: Sequence[models.Model] | None) -> None:
    if partners and any(partner.pk == owner_id for partner in partners):
        raise field_error(
            "partner_agencies",
            _("Đơn vị tổ chức không đồng thời là đơn vị phối hợp."),
            "owner_is_partner",
        )


def _field_label(model: type[models.Model], name: str) -> str:
    if name == NON_FIELD_ERRORS:
        return ""
    try:
        return str(getattr(model._meta.get_field(name), "verbose_name", name))
    except FieldDoesNotExist:
        return name


def _row_error(field: str, what: str, index: int, model: type[models.Model], exc: ValidationError) -> ValidationError:
    """A row's errors as one message on the activity's field (participants / outputs), keeping the first code."""
    parts: list[str] = []
    code = "invalid"
    found_code = False
    error_dict = exc.error_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.error_list}
    for name, errors in error_dict.items():
        label = _field_label(model, name)
        for error in errors:
            for message in error.messages:
                parts.append(f"{label[:1].upper()}{label[1:]}: {message}" if label else message)
            if error.code and not found_code:
                code, found_code = error.code, True
    message = _("Dòng %(n)s của phần %(what)s — %(errors)s") % {"n": index, "what": what, "errors": " ".join(parts)}
    return field_error(field, message, code)


def _participants_text(activity: Activity) -> str:
    return "; ".join(str(row) for row in ActivityParticipant.objects.filter(activity=activity).order_by("pk"))


def _outputs_text(activity: Activity) -> str:
    return "; ".join(str(row) for row in ActivityOutput.objects.filter(activity=activity).order_by("pk"))


def _write_participants(activity: Activity, rows: Sequence[Row]) -> None:
    ActivityParticipant.objects.filter(activity=activity).delete()
    for index, row in enumerate(rows, start=1):
        cleaned = _clean(row, PARTICIPANT_FIELDS)
        participant = ActivityParticipant(activity=activity, **cleaned)
        try:
            participant.full_clean()
        except ValidationError as exc:
            raise _row_error("participants", _("thành phần tham gia"), index, ActivityParticipant, exc) from exc
        participant.save(force_insert=True)


def _write_outputs(activity: Activity, rows: Sequence[Row]) -> None:
    ActivityOutput.objects.filter(activity=activity).delete()
    for index, row in enumerate(rows, start=1):
        cleaned = _clean(row, OUTPUT_FIELDS)
        if not cleaned.get("unit") and cleaned.get("kind") in OutputKind.values:
            cleaned["unit"] = OutputKind(cleaned["kind"]).default_unit
        output = ActivityOutput(activity=activity, **cleaned)
        try:
            output.full_clean()
        except ValidationError as exc:
            raise _row_error("outputs", _("kết quả, sản phẩm"), index, ActivityOutput, exc) from exc
        output.save(force_insert=True)


def _record_rows(*, actor: User, activity: Activity, changes: Mapping[str, list[str]]) -> None:
    """Put the rows' changes in the event the generic helper wrote for this change (still held: see
    `core.audit.held_events`), or write the one event."""
    add_to_event(actor=actor, action=AuditAction.UPDATE, obj=activity, changes=changes)


def _bump_version(activity: Activity, expected_version: int) -> None:
    """The rows changed while the activity's own fields did not: the record still moves to a new version, so an
    edit opened before this one is a conflict rather than a silent overwrite of the rows."""
    now = timezone.now()
    updated = Activity.objects.filter(pk=activity.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=now
    )
    if updated != 1:
        raise conflict_for(activity)
    activity.version = expected_version + 1
    activity.updated_at = now


@transaction.atomic
def create_activity(
    *,
    actor: User,
    data: Mapping[str, Any],
    participants: Sequence[Row] = (),
    outputs: Sequence[Row] = (),
    owner_agency: Agency | None = None,
) -> Activity:
    if not can_create_activity(actor):
        raise PermissionDenied
    fields, m2m = _split(data)
    owner = _owner_for(actor, owner_agency)
    _check_partners(owner.pk, m2m.get("partner_agencies"))
    with held_events():
        activity = create_record(actor=actor, instance=Activity(**fields, owner_agency=owner), m2m=m2m)
        _write_participants(activity, participants)
        _write_outputs(activity, outputs)
        rows = diff({}, {PARTICIPANTS_KEY: _participants_text(activity), OUTPUTS_KEY: _outputs_text(activity)})
        if rows:
            _record_rows(actor=actor, activity=activity, changes=rows)
    return activity


@transaction.atomic
def update_activity(
    *,
    actor: User,
    activity: Activity,
    data: Mapping[str, Any],
    expected_version: int,
    participants: Sequence[Row] | None = None,
    outputs: Sequence[Row] | None = None,
) -> Activity:
    """`participants` / `outputs`: the full new list of rows, or None to leave the rows as they are."""
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    fields, m2m = _split(data)
    owner_id = activity.owner_agency_id
    partners = m2m.get("partner_agencies")
    _check_partners(owner_id, partners)
    rows_before = {PARTICIPANTS_KEY: _participants_text(activity), OUTPUTS_KEY: _outputs_text(activity)}
    with held_events():
        activity = update_record(
            actor=actor, instance=activity, data=fields, expected_version=expected_version, m2m=m2m
        )
        if participants is not None:
            _write_participants(activity, participants)
        if outputs is not None:
            _write_outputs(activity, outputs)
        after = {PARTICIPANTS_KEY: _participants_text(activity), OUTPUTS_KEY: _outputs_text(activity)}
        rows = diff(rows_before, after)
        if rows:
            if activity.version == expected_version:
                _bump_version(activity, expected_version)
            _record_rows(actor=actor, activity=activity, changes=rows)
    return activity


@transaction.atomic
def delete_activity(*, actor: User, activity: Activity, expected_version: int) -> None:
    if not can_delete_activity(actor, activity):
        raise PermissionDenied
    files = [(a.file.storage, a.file.name) for a in ActivityAttachment.objects.filter(activity=activity)]
    delete_record(actor=actor, instance=activity, expected_version=expected_version)

    def remove_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)


# The three writes, called one way by the spreadsheet kind (core/records.py).
WRITES = RecordWrites(create_activity, update_activity, delete_activity, record="activity")


def _attachment_names(activity: Activity) -> str:
    return ", ".join(
        ActivityAttachment.objects.filter(activity=activity).order_by("pk").values_list("original_name", flat=True)
    )


@transaction.atomic
def add_attachment(*, actor: User, activity: Activity, upload: Any) -> ActivityAttachment:
    """Store the file under a random name after checking its size and that its content is what it claims."""
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    file_type = check_upload(upload)
    name = clean_text(PurePosixPath(upload.name or "").name)[:255] or "tep"
    before = _attachment_names(activity)
    attachment = ActivityAttachment(
        activity=activity,
        original_name=name,
        content_type=file_type.content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(name, upload, save=False)
    try:
        attachment.save(force_insert=True)
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=activity,
            changes={ATTACHMENTS_KEY: [before, _attachment_names(activity)]},
        )
    except Exception:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def remove_attachment(*, actor: User, attachment: ActivityAttachment) -> None:
    activity = attachment.activity
    if not can_edit_activity(actor, activity):
        raise PermissionDenied
    before = _attachment_names(activity)
    stored_name = attachment.file.name
    storage = attachment.file.storage
    ActivityAttachment.objects.filter(pk=attachment.pk).delete()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=activity,
        changes={ATTACHMENTS_KEY: [before, _attachment_names(activity)]},
    )
    transaction.on_commit(lambda: storage.delete(stored_name))
