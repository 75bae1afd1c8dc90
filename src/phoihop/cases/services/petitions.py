"""Writes of petitions raised at dialogue conferences and of their follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.cases import permissions
from phoihop.cases.choices import PetitionStatus
from phoihop.cases.models import Petition, PetitionFollowUp
from phoihop.core.audit import diff, record_event, snapshot
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.services import clean_input, conflict_for, create_record, update_record
from phoihop.core.text import nfc
from phoihop.directory.scope import resolve_owner

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

PETITION_FIELDS = (
    "title",
    "content",
    "raised_by",
    "conference",
    "raised_on",
    "topic",
    "enterprise",
    "zone",
    "responsible_agency",
    "conclusion_document",
    "answer",
)
ONE_LINE = {"title", "raised_by", "conference"}


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = clean_input(data, PETITION_FIELDS, one_line=ONE_LINE)
    raised_on = cleaned.get("raised_on")
    if isinstance(raised_on, dt.date) and raised_on > timezone.localdate():
        raise field_error("raised_on", _("Ngày nêu kiến nghị không được ở tương lai."), "future_date")
    enterprise = cleaned.get("enterprise")
    if enterprise is not None and cleaned.get("zone") is None:
        cleaned["zone"] = enterprise.zone
    return cleaned


def _owner_for(actor: User | None, owner_agency: Agency | None) -> Agency:
    required = _("Hãy chọn đơn vị theo dõi kiến nghị.")
    if actor is None:  # a trusted command names the body
        if owner_agency is None:
            raise field_error("owner_agency", required, "required")
        return owner_agency
    return resolve_owner(
        actor, owner_agency, required=required, foreign=_("Anh/chị chỉ theo dõi được kiến nghị cho đơn vị của mình.")
    )


@transaction.atomic
def create_petition(*, actor: User | None, data: Mapping[str, Any], owner_agency: Agency | None = None) -> Petition:
    """`actor=None` only from trusted commands (load_demo)."""
    if actor is not None and not permissions.can_create_petition(actor):
        raise PermissionDenied
    cleaned = _clean(data)
    petition = Petition(**cleaned, owner_agency=_owner_for(actor, owner_agency), status=PetitionStatus.RAISED)
    return create_record(actor=actor, instance=petition)


@transaction.atomic
def update_petition(*, actor: User, petition: Petition, data: Mapping[str, Any], expected_version: int) -> Petition:
    if not permissions.can_edit_petition(actor, petition):
        raise PermissionDenied
    return update_record(actor=actor, instance=petition, data=_clean(data), expected_version=expected_version)


@transaction.atomic
def add_follow_up(
    *,
    actor: User | None,
    petition: Petition,
    occurred_on: dt.date,
    status: str,
    note: str,
    expected_version: int,
) -> PetitionFollowUp:
    """Record one follow-up step and the status it leaves the petition in. A resolved petition is final."""
    if actor is not None and not permissions.can_edit_petition(actor, petition):
        raise PermissionDenied
    current = Petition.objects.select_for_update().get(pk=petition.pk)
    if current.version != expected_version:
        raise conflict_for(current)
    if current.status == PetitionStatus.RESOLVED:
        raise ValidationError(_("Kiến nghị đã giải quyết xong; không ghi thêm bước theo dõi."), code="resolved")
    if status not in PetitionStatus.values:
        raise field_error("status", _("Hãy chọn trạng thái sau bước này."), "required")
    text = nfc(note or "").strip()
    if not text:
        raise field_error("note", _("Hãy ghi nội dung theo dõi."), "required")
    if len(text) > 4000:
        raise field_error("note", _("Quá dài: tối đa 4000 ký tự."), "too_long")
    if occurred_on > timezone.localdate():
        raise field_error("occurred_on", _("Ngày theo dõi không được ở tương lai."), "future_date")
    if occurred_on < current.raised_on:
        raise field_error("occurred_on", _("Ngày theo dõi không được trước ngày nêu kiến nghị."), "before_raised")
    before = snapshot(current)
    values: dict[str, Any] = {"status": status}
    if status == PetitionStatus.RESOLVED:
        values["resolved_on"] = occurred_on
    now = timezone.now()
    updated = Petition.objects.filter(pk=current.pk, version=expected_version, status=current.status).update(
        **values, version=F("version") + 1, updated_at=now
    )
    if updated != 1:
        raise conflict_for(current)
    for name, value in values.items():
        setattr(current, name, value)
    current.version = expected_version + 1
    follow_up = PetitionFollowUp.objects.create(
        petition=current, occurred_on=occurred_on, status=status, note=text, actor=actor
    )
    record_event(
        actor=actor,
        action=AuditAction.TRANSITION if before["status"] != snapshot(current)["status"] else AuditAction.UPDATE,
        obj=current,
        changes=diff(before, snapshot(current)),
        note=text[:500],
    )
    return follow_up
