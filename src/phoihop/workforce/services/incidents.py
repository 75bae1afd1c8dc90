"""Writes to incidents, their steps and the support given to the workers. Counts only: no worker is named. Every
write evaluates the enterprise's warnings again (two incidents in six months is a rule)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.records import ChildWrites, RecordWrites
from phoihop.core.services import clean_input, create_record, delete_record, update_record
from phoihop.directory.scope import resolve_owner
from phoihop.workforce.models import Incident, IncidentStep, IncidentSupport
from phoihop.workforce.permissions import can_create_incident, can_delete_incident, can_edit_incident

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

INCIDENT_FIELDS = (
    "enterprise",
    "kind",
    "started_on",
    "ended_on",
    "workers_involved",
    "cause_topic",
    "demands",
    "outcome",
    "outcome_text",
    "follow_up",
)
INCIDENT_M2M = ("handled_by",)
STEP_FIELDS = ("date", "description")
SUPPORT_FIELDS = ("kind", "given_on", "people", "amount", "given_by", "description")
TEXT_FIELDS = ("demands", "outcome_text", "follow_up", "description")


def _reevaluate(enterprise_id: int) -> None:
    from phoihop.workforce.services.warnings import evaluate_warnings

    evaluate_warnings(enterprise_ids=[enterprise_id])


def _check(merged: Mapping[str, Any]) -> None:
    start, end = merged.get("started_on"), merged.get("ended_on")
    if start is not None and end is not None and end < start:
        raise field_error("ended_on", _("Ngày kết thúc không được trước ngày xảy ra."), "ends_before_start")
    for name in ("workers_involved", "people", "amount"):
        value = merged.get(name)
        if value is not None and value < 0:
            raise field_error(name, _("Số liệu không được âm."), "negative")


@transaction.atomic
def create_incident(*, actor: User, data: Mapping[str, Any], owner_agency: Agency | None = None) -> Incident:
    if not can_create_incident(actor):
        raise PermissionDenied
    cleaned = clean_input(data, INCIDENT_FIELDS + INCIDENT_M2M, blank_if_none=TEXT_FIELDS)
    m2m = {name: list(cleaned.pop(name)) for name in INCIDENT_M2M if name in cleaned}
    _check(cleaned)
    owner = resolve_owner(
        actor,
        owner_agency,
        required=_("Hãy chọn đơn vị theo dõi vụ việc."),
        foreign=_("Anh/chị chỉ có thể ghi vụ việc cho đơn vị của mình hoặc đơn vị trực thuộc."),
    )
    incident = create_record(actor=actor, instance=Incident(**cleaned, owner_agency=owner), m2m=m2m)
    _reevaluate(incident.enterprise_id)
    return incident


@transaction.atomic
def update_incident(*, actor: User, incident: Incident, data: Mapping[str, Any], expected_version: int) -> Incident:
    if not can_edit_incident(actor, incident):
        raise PermissionDenied
    cleaned = clean_input(data, INCIDENT_FIELDS + INCIDENT_M2M, blank_if_none=TEXT_FIELDS)
    m2m = {name: list(cleaned.pop(name)) for name in INCIDENT_M2M if name in cleaned}
    _check({name: getattr(incident, name) for name in INCIDENT_FIELDS} | cleaned)
    before = incident.enterprise_id
    incident = update_record(actor=actor, instance=incident, data=cleaned, expected_version=expected_version, m2m=m2m)
    for enterprise_id in {before, incident.enterprise_id}:
        _reevaluate(enterprise_id)
    return incident


@transaction.atomic
def delete_incident(*, actor: User, incident: Incident, expected_version: int) -> None:
    if not can_delete_incident(actor, incident):
        raise PermissionDenied
    enterprise_id = incident.enterprise_id
    delete_record(actor=actor, instance=incident, expected_version=expected_version)
    _reevaluate(enterprise_id)


@transaction.atomic
def add_step(*, actor: User, incident: Incident, data: Mapping[str, Any]) -> IncidentStep:
    if not can_edit_incident(actor, incident):
        raise PermissionDenied
    cleaned = clean_input(data, STEP_FIELDS, blank_if_none=TEXT_FIELDS)
    return create_record(actor=actor, instance=IncidentStep(incident=incident, **cleaned))


@transaction.atomic
def update_step(*, actor: User, step: IncidentStep, data: Mapping[str, Any], expected_version: int) -> IncidentStep:
    """Only the incident's owner body edits its steps; an edit made on an older version is a conflict."""
    if not can_edit_incident(actor, step.incident):
        raise PermissionDenied
    cleaned = clean_input(data, STEP_FIELDS, blank_if_none=TEXT_FIELDS)
    return update_record(actor=actor, instance=step, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_step(*, actor: User, step: IncidentStep, expected_version: int) -> None:
    if not can_edit_incident(actor, step.incident):
        raise PermissionDenied
    delete_record(actor=actor, instance=step, expected_version=expected_version)


@transaction.atomic
def add_support(*, actor: User, incident: Incident, data: Mapping[str, Any]) -> IncidentSupport:
    if not can_edit_incident(actor, incident):
        raise PermissionDenied
    cleaned = clean_input(data, SUPPORT_FIELDS, one_line={"description"}, blank_if_none=TEXT_FIELDS)
    _check(cleaned)
    return create_record(actor=actor, instance=IncidentSupport(incident=incident, **cleaned))


@transaction.atomic
def update_support(
    *, actor: User, support: IncidentSupport, data: Mapping[str, Any], expected_version: int
) -> IncidentSupport:
    """Only the incident's owner body edits the support given; counts and amounts are never negative."""
    if not can_edit_incident(actor, support.incident):
        raise PermissionDenied
    cleaned = clean_input(data, SUPPORT_FIELDS, one_line={"description"}, blank_if_none=TEXT_FIELDS)
    _check(cleaned)
    return update_record(actor=actor, instance=support, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_support(*, actor: User, support: IncidentSupport, expected_version: int) -> None:
    if not can_edit_incident(actor, support.incident):
        raise PermissionDenied
    delete_record(actor=actor, instance=support, expected_version=expected_version)


# The writes of incidents, their steps and their supports, called one way by their pages and the API
# (core/records.py).
INCIDENTS = RecordWrites(create_incident, update_incident, delete_incident, record="incident")
STEPS = ChildWrites(add_step, update_step, delete_step, parent="incident", row="step")
SUPPORTS = ChildWrites(add_support, update_support, delete_support, parent="incident", row="support")
