"""Generic write helpers that domain services call: create, versioned update and delete, each with one
AuditEvent in the same transaction. Domain services check permissions and domain rules, then call these."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.audit import changed_fields, diff, field_values, record_event, snapshot
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, VersionedModel
from phoihop.core.text import clean_text, nfc

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from phoihop.accounts.models import User

M = TypeVar("M", bound=VersionedModel)


def clean_input(
    data: Mapping[str, Any],
    allowed: Iterable[str],
    *,
    one_line: Iterable[str] = (),
    blank_if_none: Iterable[str] = (),
) -> dict[str, Any]:
    """A service's input as it is stored: a field the caller may not set is refused (`unknown_field`), text is NFC
    and trimmed (one-line fields also get inner white space collapsed), and optional text sent as None is ""."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(
            _("Trường không được phép sửa: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            code="unknown_field",
        )
    single = set(one_line)
    blank = set(blank_if_none)
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, str):
            value = clean_text(value) if name in single else nfc(value).strip()
        elif value is None and name in blank:
            value = ""
        cleaned[name] = value
    return cleaned


def refuse_nulls(instance: models.Model, names: Iterable[str] | None = None) -> None:
    """`null` for a field the database keeps NOT NULL is a 422 naming the field (`null_not_allowed`), not an
    IntegrityError: `full_clean()` skips empty values of fields declared `blank=True`, so they would reach the
    database. `names` limits the check to the fields a caller sent (an update); None checks every field."""
    automatic = ("auto_now", "auto_now_add")  # filled by save()
    fields = [
        f
        for f in instance._meta.concrete_fields
        if not f.primary_key and not f.null and not any(getattr(f, flag, False) for flag in automatic)
    ]
    wanted = None if names is None else set(names)
    errors: dict[str, list[ValidationError]] = {}
    for field in fields:
        if wanted is not None and field.name not in wanted and field.attname not in wanted:
            continue
        if getattr(instance, field.attname) is None:
            message = _("Trường này không được để trống (null).")
            errors[field.name] = [ValidationError(message, code="null_not_allowed")]
    if errors:
        raise ValidationError(errors)


def _refresh_derived(instance: models.Model) -> None:
    refresh = getattr(instance, "refresh_search_text", None)
    if callable(refresh):
        refresh()


def _set_m2m(instance: models.Model, m2m: Mapping[str, Iterable[models.Model]] | None) -> None:
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(list(values))


def _refuse_as_unique_check_would(instance: models.Model, error: IntegrityError) -> NoReturn:
    """A uniqueness rule broken by a row another request committed after this one's `full_clean` (two app servers,
    or a client sending a write again): the check run once more now sees that row and raises the same Vietnamese
    field error a form or the API gives for any duplicate. Any other integrity error goes on up."""
    instance.validate_unique()
    instance.validate_constraints()
    raise error


def conflict_for(instance: models.Model) -> ConflictError:
    from phoihop.core.audit import last_change

    event = last_change(instance)
    if event is None:
        return ConflictError(changed_by=None, changed_at=None)
    return ConflictError(changed_by=event.actor_name, changed_at=event.occurred_at)


@transaction.atomic
def create_record(
    *,
    actor: User | None,
    instance: M,
    m2m: Mapping[str, Iterable[models.Model]] | None = None,
    note: str = "",
) -> M:
    _refresh_derived(instance)
    refuse_nulls(instance)
    instance.full_clean()
    try:
        with transaction.atomic():  # a savepoint: the transaction stays usable for the check below
            instance.save(force_insert=True)
    except IntegrityError as error:
        _refuse_as_unique_check_would(instance, error)
    _set_m2m(instance, m2m)
    record_event(actor=actor, action=AuditAction.CREATE, obj=instance, changes=diff({}, snapshot(instance)), note=note)
    return instance


@transaction.atomic
def update_record(
    *,
    actor: User | None,
    instance: M,
    data: Mapping[str, Any],
    expected_version: int,
    m2m: Mapping[str, Iterable[models.Model]] | None = None,
    note: str = "",
) -> M:
    """Apply `data` if the row is still at `expected_version`; raise ConflictError otherwise.

    The version check and the write are one conditional UPDATE, so two concurrent edits cannot both win,
    on SQLite as on PostgreSQL."""
    model = type(instance)
    # Start from the stored row, not from an in-memory object a form may already have modified.
    try:
        instance = model._base_manager.select_for_update().get(pk=instance.pk)
    except model.DoesNotExist:
        raise ConflictError(changed_by=None, changed_at=None) from None
    if instance.version != expected_version:
        raise conflict_for(instance)
    before, values_before = snapshot(instance), field_values(instance)
    for name, value in data.items():
        setattr(instance, name, value)
    refuse_nulls(instance, data)
    _refresh_derived(instance)
    instance.full_clean()
    if not m2m and not changed_fields(values_before, field_values(instance)):
        return instance  # nothing changed: no write, no new version (an edit opened earlier stays valid), no event
    concrete = {f.name: f for f in model._meta.concrete_fields if not f.primary_key}
    values = {
        f.attname: getattr(instance, f.attname)
        for f in concrete.values()
        if f.name not in {"version", "created_at", "updated_at"}
    }
    now = timezone.now()
    try:
        with transaction.atomic():
            updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(
                **values, version=F("version") + 1, updated_at=now
            )
    except IntegrityError as error:
        _refuse_as_unique_check_would(instance, error)
    if updated != 1:
        raise conflict_for(instance)
    instance.version = expected_version + 1
    instance.updated_at = now
    _set_m2m(instance, m2m)
    # Which fields changed is read from the values; what the trail shows is their (masked) display text.
    after = snapshot(instance)
    changes = {
        name: [before.get(name, ""), after.get(name, "")]
        for name in changed_fields(values_before, field_values(instance))
    }
    if changes:
        record_event(actor=actor, action=AuditAction.UPDATE, obj=instance, changes=changes, note=note)
    return instance


@transaction.atomic
def delete_record(*, actor: User | None, instance: M, expected_version: int, note: str = "") -> None:
    model = type(instance)
    before = snapshot(instance)
    pk = instance.pk
    try:
        with transaction.atomic():
            deleted, _detail = model._base_manager.filter(pk=pk, version=expected_version).delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ValidationError(
            _("Không xóa được: bản ghi đang được %(n)s bản ghi khác sử dụng.") % {"n": len(exc.args[1])},
            code="in_use",
        ) from exc
    if not deleted:
        raise conflict_for(instance)
    instance.pk = pk  # keep the id for the event: delete() does not touch the in-memory object, but be explicit
    record_event(actor=actor, action=AuditAction.DELETE, obj=instance, changes=diff(before, {}), note=note)


@dataclass(frozen=True)
class Transition:
    """One step of an approval workflow (submit, approve, return): the statuses it leaves, the one it reaches, its
    audit action, the refusal from any other status (“… %(status)s”) and whether it stores the reason given."""

    allowed_from: frozenset[str]
    target: str
    audit: AuditAction
    refusal: str | Promise
    keeps_reason: bool = False


def move_status(
    *,
    actor: User,
    record: M,
    step: Transition,
    labels: type[models.Choices],
    expected_version: int | None,
    reason: str = "",
    reason_field: str = "reason",
    stamp: Mapping[str, Any] | None = None,
    stamp_time: tuple[str, ...] = (),
) -> M:
    """Move a record's `status` one step, inside the caller's transaction: a stale version is a conflict, a status the
    step does not leave a refusal naming it. Status and version are the UPDATE's guard, so two leaders acting at once
    cannot both move the record; `stamp` holds what else the step writes (who acted) and `stamp_time` the fields that
    take the step's time, the same instant as `updated_at`. One audit event."""
    if expected_version is not None and record.version != expected_version:
        raise conflict_for(record)
    before = record.status  # type: ignore[attr-defined]
    if before not in step.allowed_from:
        raise ValidationError(str(step.refusal) % {"status": labels(before).label}, code="invalid_transition")
    now = timezone.now()
    values: dict[str, Any] = {"status": step.target, "version": F("version") + 1, "updated_at": now}
    values |= dict.fromkeys(stamp_time, now)
    changes = {"status": [str(labels(before).label), str(labels(step.target).label)]}
    if step.keeps_reason:
        values[reason_field] = reason
        changes[reason_field] = ["", reason]
    moved = type(record)._default_manager.filter(pk=record.pk, status=before, version=record.version)
    if moved.update(**values, **(stamp or {})) != 1:
        raise conflict_for(record)
    record.refresh_from_db()
    record_event(actor=actor, action=step.audit, obj=record, changes=changes, note=reason)
    return record
