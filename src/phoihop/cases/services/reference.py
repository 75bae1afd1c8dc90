"""Writes of the reference data of cases (topic tree, response deadlines, holidays) and of handler grants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.cases import permissions
from phoihop.cases.models import CaseHandlerGrant, ChannelPolicy, Holiday, Topic
from phoihop.core.audit import diff, record_event, snapshot
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.services import create_record, update_record
from phoihop.core.text import clean_text
from phoihop.core.vnformat import format_datetime

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

TOPIC_FIELDS = ("name", "parent", "report_phrase", "position", "is_active")


def _clean_topic(data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(TOPIC_FIELDS)
    if unknown:
        raise ValidationError(
            _("Trường không được phép sửa: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            code="unknown_field",
        )
    return {name: clean_text(value) if isinstance(value, str) else value for name, value in data.items()}


def _check_topic_parent(parent: Topic | None, topic: Topic | None) -> None:
    while parent is not None:
        if topic is not None and parent.pk == topic.pk:
            raise field_error("parent", _("Chủ đề cha không thể là chính nó hoặc một chủ đề con của nó."), "cycle")
        parent = parent.parent


@transaction.atomic
def create_topic(*, actor: User | None, data: Mapping[str, Any]) -> Topic:
    """`actor=None` only from trusted commands (load_demo)."""
    if actor is not None and not permissions.can_manage_reference(actor):
        raise PermissionDenied
    cleaned = _clean_topic(data)
    _check_topic_parent(cleaned.get("parent"), None)
    return create_record(actor=actor, instance=Topic(**cleaned))


@transaction.atomic
def update_topic(*, actor: User, topic: Topic, data: Mapping[str, Any], expected_version: int) -> Topic:
    if not permissions.can_manage_reference(actor):
        raise PermissionDenied
    cleaned = _clean_topic(data)
    if "parent" in cleaned:
        _check_topic_parent(cleaned["parent"], topic)
    return update_record(actor=actor, instance=topic, data=cleaned, expected_version=expected_version)


@transaction.atomic
def set_channel_policy(
    *, actor: User | None, channel: str, response_hours: int, expected_version: int | None = None
) -> ChannelPolicy:
    """Create or change the response time of a channel (working hours). Deadlines of cases already received keep
    the deadline they were given."""
    if actor is not None and not permissions.can_manage_reference(actor):
        raise PermissionDenied
    policy = ChannelPolicy.objects.filter(channel=channel).first()
    if policy is None:
        return create_record(actor=actor, instance=ChannelPolicy(channel=channel, response_hours=response_hours))
    return update_record(
        actor=actor,
        instance=policy,
        data={"response_hours": response_hours},
        expected_version=policy.version if expected_version is None else expected_version,
    )


@transaction.atomic
def add_holiday(*, actor: User | None, date: dt.date, name: str) -> Holiday:
    if actor is not None and not permissions.can_manage_reference(actor):
        raise PermissionDenied
    holiday = Holiday(date=date, name=clean_text(name or ""))
    holiday.full_clean()
    holiday.save(force_insert=True)
    record_event(actor=actor, action=AuditAction.CREATE, obj=holiday, changes=diff({}, snapshot(holiday)))
    return holiday


@transaction.atomic
def remove_holiday(*, actor: User, holiday: Holiday) -> None:
    if not permissions.can_manage_reference(actor):
        raise PermissionDenied
    before = snapshot(holiday)
    pk = holiday.pk
    Holiday.objects.filter(pk=pk).delete()
    holiday.pk = pk
    record_event(actor=actor, action=AuditAction.DELETE, obj=holiday, changes=diff(before, {}))


@transaction.atomic
def grant_handler(*, actor: User | None, user: User, agency: Agency) -> CaseHandlerGrant:
    """Let `user` handle the cases of `agency` (and so see their requesters' personal data). The body's leader or
    the administrator decides; `actor=None` only from trusted commands (load_demo)."""
    if actor is not None and not permissions.can_manage_grants(actor, agency):
        raise PermissionDenied
    if not user.is_active or user.role not in permissions.HANDLER_ROLES:
        raise field_error(
            "user", _("Chỉ cán bộ hoặc lãnh đạo đang làm việc mới được giao quyền xử lý vụ việc."), "role_cannot_handle"
        )
    if agency.pk not in permissions.agency_scope_ids(user.agency_id):
        raise field_error(
            "user", _("Cán bộ %(user)s không thuộc %(agency)s.") % {"user": user, "agency": agency}, "outside_agency"
        )
    if CaseHandlerGrant.objects.filter(user=user, agency=agency, revoked_at__isnull=True).exists():
        raise field_error("user", _("Cán bộ này đã được giao quyền xử lý vụ việc của đơn vị."), "already_granted")
    grant = CaseHandlerGrant(user=user, agency=agency, granted_by=actor, granted_at=timezone.now())
    try:
        with transaction.atomic():
            grant.save(force_insert=True)
    except IntegrityError:
        raise field_error(
            "user", _("Cán bộ này đã được giao quyền xử lý vụ việc của đơn vị."), "already_granted"
        ) from None
    permissions.forget_cached_rights(user)
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=grant,
        changes={"user": ["", str(user)], "agency": ["", str(agency)]},
        note=_("Giao quyền xử lý vụ việc (được xem dữ liệu cá nhân người hỏi)."),
    )
    return grant


@transaction.atomic
def revoke_handler(*, actor: User, grant: CaseHandlerGrant) -> CaseHandlerGrant:
    if not permissions.can_manage_grants(actor, grant.agency):
        raise PermissionDenied
    now = timezone.now()
    updated = CaseHandlerGrant.objects.filter(pk=grant.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=actor, updated_at=now
    )
    if updated != 1:
        raise ValidationError(_("Quyền này đã được thu hồi trước đó."), code="already_revoked")
    grant.revoked_at, grant.revoked_by = now, actor
    permissions.forget_cached_rights(grant.user)
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=grant,
        changes={"revoked_at": ["", format_datetime(now)]},
        note=_("Thu hồi quyền xử lý vụ việc."),
    )
    return grant


def end_grants_on_move(*, user: User, actor: User | None, previous_agency_id: int | None) -> int:
    """The user moved to another body (accounts' `agency_changed`, inside its transaction): every active grant ends,
    each with its audit event. Moving back later restores nothing: a new grant is needed."""
    now = timezone.now()
    ended = 0
    for grant in CaseHandlerGrant.objects.select_for_update().filter(user=user, revoked_at__isnull=True):
        CaseHandlerGrant.objects.filter(pk=grant.pk).update(revoked_at=now, revoked_by=actor, updated_at=now)
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=grant,
            changes={"revoked_at": ["", format_datetime(now)]},
            note=_("Quyền xử lý vụ việc chấm dứt vì cán bộ chuyển sang đơn vị khác."),
        )
        ended += 1
    permissions.forget_cached_rights(user)
    return ended
