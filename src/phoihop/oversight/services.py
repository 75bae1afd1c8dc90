"""Writes to inspections, their findings and follow-up actions, and the list of topics. Inspections and their rows
write through directory/records.py (permission, clean input, owner body, the rules below, one audited transaction
each); the topics here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.errors import field_error
from phoihop.core.services import clean_input, create_record, update_record
from phoihop.directory.records import OwnedRows, OwnedWrites
from phoihop.oversight.choices import FollowUpStatus
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic
from phoihop.oversight.permissions import (
    can_create_inspection,
    can_delete_inspection,
    can_edit_inspection,
    can_manage_topics,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

INSPECTION_FIELDS = ("kind", "title", "start_date", "end_date", "basis", "summary", "recommendations")
INSPECTION_M2M = ("partner_agencies", "enterprises", "topics", "plan_items")
FINDING_FIELDS = ("enterprise", "topic", "compliant", "text")
FOLLOW_UP_FIELDS = ("enterprise", "description", "responsible", "due_date", "status", "completed_on", "note")
TOPIC_FIELDS = ("code", "name", "position", "is_active")
ONE_LINE_FIELDS = {"title", "basis", "responsible", "name", "code"}


def _clean(data: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    return clean_input(data, allowed, one_line=ONE_LINE_FIELDS)


def _check_dates(start: Any, end: Any) -> None:
    if start and end and end < start:
        raise field_error("end_date", _("Ngày kết thúc không được trước ngày bắt đầu."), "end_before_start")


def _check_relations(
    *, owner: Agency, m2m: Mapping[str, list[models.Model]], inspection: Inspection | None = None
) -> None:
    partners = m2m.get("partner_agencies")
    if partners is not None and any(agency.pk == owner.pk for agency in partners):
        raise field_error(
            "partner_agencies", _("Cơ quan chủ trì không đồng thời là cơ quan phối hợp."), "lead_is_partner"
        )
    if (inspection is None or "enterprises" in m2m) and not m2m.get("enterprises"):
        raise field_error(
            "enterprises", _("Hãy chọn ít nhất một doanh nghiệp được kiểm tra, giám sát."), "enterprises_required"
        )
    if inspection is None or "topics" in m2m:
        topics = m2m.get("topics") or []
        if not topics:
            raise field_error("topics", _("Hãy chọn ít nhất một nội dung."), "topics_required")
        current = set(inspection.topics.values_list("pk", flat=True)) if inspection is not None else set()
        retired = [t for t in topics if isinstance(t, InspectionTopic) and not t.is_active and t.pk not in current]
        if retired:
            raise field_error(
                "topics", _("Nội dung “%(name)s” đã ngừng sử dụng.") % {"name": retired[0].name}, "inactive_topic"
            )
    if inspection is None:
        return
    # A visited enterprise or a covered topic cannot be taken off while findings or follow-ups still refer to it.
    if "enterprises" in m2m:
        kept = {e.pk for e in m2m["enterprises"]}
        used = set(inspection.findings.values_list("enterprise_id", flat=True))
        used |= {pk for pk in inspection.follow_ups.values_list("enterprise_id", flat=True) if pk is not None}
        if used - kept:
            raise field_error(
                "enterprises",
                _("Không bỏ được doanh nghiệp đã có kết quả kiểm tra hoặc việc cần làm."),
                "enterprise_in_use",
            )
    if "topics" in m2m:
        kept = {t.pk for t in m2m["topics"]}
        used = set(inspection.findings.values_list("topic_id", flat=True))
        if used - kept:
            raise field_error("topics", _("Không bỏ được nội dung đã có kết quả kiểm tra."), "topic_in_use")


def _check_inspection(
    fields: dict[str, Any], m2m: dict[str, list[models.Model]], owner: Agency, inspection: Inspection | None
) -> None:
    start = fields.get("start_date", inspection.start_date if inspection is not None else None)
    end = fields.get("end_date", inspection.end_date if inspection is not None else None)
    _check_dates(start, end)
    _check_relations(owner=owner, m2m=m2m, inspection=inspection)


# An inspection is deleted with its findings and follow-up actions (one event: they have no life of their own).
INSPECTIONS = OwnedWrites(
    model=Inspection,
    record="inspection",
    fields=INSPECTION_FIELDS,
    m2m=INSPECTION_M2M,
    one_line=ONE_LINE_FIELDS,
    owner_required=gettext_lazy("Hãy chọn cơ quan chủ trì."),
    can_create=can_create_inspection,
    can_edit=can_edit_inspection,
    can_delete=can_delete_inspection,
    rules=_check_inspection,
)
create_inspection = INSPECTIONS.create
update_inspection = INSPECTIONS.update  # update_inspection(*, actor, inspection, data, expected_version)
delete_inspection = INSPECTIONS.delete  # delete_inspection(*, actor, inspection, expected_version)


# --- findings -----------------------------------------------------------------------------------------------------


def _check_finding(inspection: Inspection, cleaned: Mapping[str, Any]) -> None:
    enterprise = cleaned.get("enterprise")
    if enterprise is not None and not inspection.enterprises.filter(pk=enterprise.pk).exists():
        raise field_error(
            "enterprise",
            _("Doanh nghiệp này không có trong danh sách được kiểm tra, giám sát của đoàn."),
            "enterprise_not_visited",
        )
    topic = cleaned.get("topic")
    if topic is not None and not inspection.topics.filter(pk=topic.pk).exists():
        raise field_error(
            "topic", _("Nội dung này không thuộc nội dung kiểm tra, giám sát của đoàn."), "topic_not_covered"
        )


FINDING_ROWS = OwnedRows(
    model=Finding,
    parent="inspection",
    row="finding",
    fields=FINDING_FIELDS,
    one_line=ONE_LINE_FIELDS,
    can_edit_parent=can_edit_inspection,
    rules=lambda inspection, cleaned, finding: _check_finding(inspection, cleaned),
)
add_finding = FINDING_ROWS.create  # add_finding(*, actor, inspection, data)
update_finding = FINDING_ROWS.update  # update_finding(*, actor, finding, data, expected_version)
delete_finding = FINDING_ROWS.delete  # delete_finding(*, actor, finding, expected_version)


# --- follow-up actions --------------------------------------------------------------------------------------------


def _check_follow_up(inspection: Inspection, cleaned: dict[str, Any], follow_up: FollowUpAction | None) -> None:
    if follow_up is None:
        cleaned.setdefault("status", FollowUpStatus.OPEN)
    merged = cleaned if follow_up is None else {name: getattr(follow_up, name) for name in FOLLOW_UP_FIELDS} | cleaned
    enterprise = merged.get("enterprise")
    if enterprise is not None and not inspection.enterprises.filter(pk=enterprise.pk).exists():
        raise field_error(
            "enterprise",
            _("Doanh nghiệp này không có trong danh sách được kiểm tra, giám sát của đoàn."),
            "enterprise_not_visited",
        )
    due = merged.get("due_date")
    if due is not None and due < inspection.start_date:
        raise field_error(
            "due_date", _("Hạn hoàn thành không được trước ngày bắt đầu kiểm tra, giám sát."), "due_before_inspection"
        )
    status, completed = merged.get("status"), merged.get("completed_on")
    if status == FollowUpStatus.DONE and completed is None:
        raise field_error("completed_on", _("Việc đã hoàn thành phải có ngày hoàn thành."), "completed_on_required")
    if completed is not None and completed < inspection.start_date:
        raise field_error(
            "completed_on",
            _("Ngày hoàn thành không được trước ngày bắt đầu kiểm tra, giám sát."),
            "completed_before_inspection",
        )


FOLLOW_UP_ROWS = OwnedRows(
    model=FollowUpAction,
    parent="inspection",
    row="follow_up",
    fields=FOLLOW_UP_FIELDS,
    one_line=ONE_LINE_FIELDS,
    can_edit_parent=can_edit_inspection,
    rules=_check_follow_up,
)
add_follow_up = FOLLOW_UP_ROWS.create  # add_follow_up(*, actor, inspection, data)
update_follow_up = FOLLOW_UP_ROWS.update  # update_follow_up(*, actor, follow_up, data, expected_version)
delete_follow_up = FOLLOW_UP_ROWS.delete  # delete_follow_up(*, actor, follow_up, expected_version)


# --- topics -------------------------------------------------------------------------------------------------------


@transaction.atomic
def create_topic(*, actor: User | None, data: Mapping[str, Any]) -> InspectionTopic:
    """`actor=None` only from trusted commands (load_demo)."""
    if actor is not None and not can_manage_topics(actor):
        raise PermissionDenied
    return create_record(actor=actor, instance=InspectionTopic(**_clean(data, TOPIC_FIELDS)))


@transaction.atomic
def update_topic(
    *, actor: User, topic: InspectionTopic, data: Mapping[str, Any], expected_version: int
) -> InspectionTopic:
    if not can_manage_topics(actor):
        raise PermissionDenied
    return update_record(
        actor=actor, instance=topic, data=_clean(data, TOPIC_FIELDS), expected_version=expected_version
    )


# The three writes, called one way by the pages, the spreadsheet kind and the API (core/records.py).
WRITES = INSPECTIONS.writes
FINDINGS = FINDING_ROWS.writes
FOLLOW_UPS = FOLLOW_UP_ROWS.writes
