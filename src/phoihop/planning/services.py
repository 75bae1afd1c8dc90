"""Writes to the programme, its plans and the document registry. Every function checks the permission, validates,
writes and audits in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from phoihop.core.audit import record_event
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.plugins import providers
from phoihop.core.services import clean_input, conflict_for, create_record, delete_record, update_record
from phoihop.core.text import fold_vi, nfc
from phoihop.planning.choices import ItemStatus
from phoihop.planning.citation import citation, reference_key
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme
from phoihop.planning.permissions import (
    can_edit_document,
    can_keep_plan,
    can_register_document,
    can_update_item,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

DOCUMENT_FIELDS = ("kind", "designation", "number", "symbol", "issued_on", "issuer", "issuer_agency", "title", "note")
PROGRAMME_FIELDS = ("title", "start_year", "end_year", "document", "note")
PLAN_FIELDS = ("programme", "year", "title", "document", "period_start", "period_end", "cut_off_date", "status")
AREA_FIELDS = ("number", "title")
ITEM_FIELDS = (
    "area",
    "number",
    "title",
    "lead_agency",
    "due_date",
    "status",
    "result_note",
    "not_done_reason",
)
ITEM_STATUS_FIELDS = ("status", "result_note", "not_done_reason")
ONE_LINE_FIELDS = {"designation", "number", "symbol", "issuer", "title"}


def _clean(data: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    return clean_input(data, allowed, one_line=ONE_LINE_FIELDS)


# --- Documents ------------------------------------------------------------------------------------------------


def _check_document_unique(number: str, symbol: str, document: Document | None = None) -> None:
    existing = Document.objects.filter(reference_key=reference_key(number, symbol))
    if document is not None:
        existing = existing.exclude(pk=document.pk)
    other = existing.first()
    if other is not None:
        raise field_error(
            "number",
            _("Sổ văn bản đã có “%(citation)s”; mỗi số, ký hiệu chỉ ghi một lần.") % {"citation": citation(other)},
            "duplicate_document",
        )


@transaction.atomic
def create_document(*, actor: User | None, data: Mapping[str, Any]) -> Document:
    """`actor=None` only from trusted commands (load_demo)."""
    if actor is not None and not can_register_document(actor):
        raise PermissionDenied
    cleaned = _clean(data, DOCUMENT_FIELDS)
    _check_document_unique(str(cleaned.get("number", "")), str(cleaned.get("symbol", "")))
    owner = actor.agency if actor is not None and actor.agency_id else None
    return create_record(actor=actor, instance=Document(**cleaned, owner_agency=owner))


@transaction.atomic
def update_document(*, actor: User, document: Document, data: Mapping[str, Any], expected_version: int) -> Document:
    if not can_edit_document(actor, document):
        raise PermissionDenied
    cleaned = _clean(data, DOCUMENT_FIELDS)
    _check_document_unique(
        str(cleaned.get("number", document.number)), str(cleaned.get("symbol", document.symbol)), document
    )
    return update_record(actor=actor, instance=document, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_document(*, actor: User, document: Document, expected_version: int) -> None:
    if not can_edit_document(actor, document):
        raise PermissionDenied
    delete_record(actor=actor, instance=document, expected_version=expected_version)


# --- Programmes and plans -------------------------------------------------------------------------------------


def _require_keeper(actor: User | None) -> None:
    if actor is not None and not can_keep_plan(actor):
        raise PermissionDenied


@transaction.atomic
def create_programme(*, actor: User | None, data: Mapping[str, Any], bodies: Iterable[Agency] = ()) -> Programme:
    _require_keeper(actor)
    return create_record(
        actor=actor, instance=Programme(**_clean(data, PROGRAMME_FIELDS)), m2m={"bodies": list(bodies)}
    )


@transaction.atomic
def update_programme(
    *,
    actor: User,
    programme: Programme,
    data: Mapping[str, Any],
    expected_version: int,
    bodies: Iterable[Agency] | None = None,
) -> Programme:
    _require_keeper(actor)
    return update_record(
        actor=actor,
        instance=programme,
        data=_clean(data, PROGRAMME_FIELDS),
        expected_version=expected_version,
        m2m={"bodies": list(bodies)} if bodies is not None else None,
    )


def _check_plan(data: Mapping[str, Any], plan: Plan | None = None) -> None:
    year = data.get("year", plan.year if plan else None)
    start = data.get("period_start", plan.period_start if plan else None)
    if year is not None and Plan.objects.filter(year=year).exclude(pk=plan.pk if plan else 0).exists():
        raise field_error("year", _("Đã có kế hoạch phối hợp năm %(year)s.") % {"year": year}, "duplicate_year")
    if plan is not None and ("period_start" in data or "period_end" in data):
        # Values already reported must stay inside the reporting period (asked of the indicators app, if installed).
        outside = providers.get("values_outside_period")
        end = data.get("period_end", plan.period_end)
        if outside is not None and outside(plan=plan, start=start, end=end):
            raise field_error(
                "period_start",
                _("Đã có số liệu báo cáo nằm ngoài kỳ báo cáo mới; hãy sửa các số liệu đó trước."),
                "values_outside_period",
            )


@transaction.atomic
def create_plan(*, actor: User | None, data: Mapping[str, Any]) -> Plan:
    _require_keeper(actor)
    cleaned = _clean(data, PLAN_FIELDS)
    _check_plan(cleaned)
    if not cleaned.get("title") and cleaned.get("year"):
        cleaned["title"] = f"Kế hoạch phối hợp năm {cleaned['year']}"
    return create_record(actor=actor, instance=Plan(**cleaned))


@transaction.atomic
def update_plan(*, actor: User, plan: Plan, data: Mapping[str, Any], expected_version: int) -> Plan:
    _require_keeper(actor)
    cleaned = _clean(data, PLAN_FIELDS)
    _check_plan(cleaned, plan)
    return update_record(actor=actor, instance=plan, data=cleaned, expected_version=expected_version)


def _check_area_number(plan: Plan, number: Any, area: Area | None = None) -> None:
    if number is None:
        return
    if Area.objects.filter(plan=plan, number=number).exclude(pk=area.pk if area else 0).exists():
        raise field_error(
            "number",
            _("Kế hoạch năm %(year)s đã có lĩnh vực số %(number)s.") % {"year": plan.year, "number": number},
            "duplicate_number",
        )


@transaction.atomic
def create_area(*, actor: User | None, plan: Plan, data: Mapping[str, Any]) -> Area:
    _require_keeper(actor)
    cleaned = _clean(data, AREA_FIELDS)
    _check_area_number(plan, cleaned.get("number"))
    return create_record(actor=actor, instance=Area(plan=plan, **cleaned))


@transaction.atomic
def update_area(*, actor: User, area: Area, data: Mapping[str, Any], expected_version: int) -> Area:
    _require_keeper(actor)
    cleaned = _clean(data, AREA_FIELDS)
    _check_area_number(area.plan, cleaned.get("number"), area)
    return update_record(actor=actor, instance=area, data=cleaned, expected_version=expected_version)


# --- Plan items -----------------------------------------------------------------------------------------------


def _check_item(
    plan: Plan,
    data: Mapping[str, Any],
    partners: Iterable[Agency] | None,
    item: PlanItem | None = None,
) -> None:
    area = data.get("area")
    if area is not None and area.plan_id != plan.pk:
        raise field_error(
            "area", _("Lĩnh vực đã chọn không thuộc kế hoạch năm %(year)s.") % {"year": plan.year}, "area_not_in_plan"
        )
    number = data.get("number")
    if (
        number is not None
        and PlanItem.objects.filter(plan=plan, number=number).exclude(pk=item.pk if item else 0).exists()
    ):
        raise field_error(
            "number",
            _("Kế hoạch năm %(year)s đã có nội dung phối hợp số %(number)s; mỗi nội dung một số thứ tự riêng.")
            % {"year": plan.year, "number": number},
            "duplicate_number",
        )
    lead = data.get("lead_agency", item.lead_agency if item is not None else None)
    partner_list = list(partners) if partners is not None else (list(item.partners.all()) if item is not None else [])
    if lead is not None and any(partner.pk == lead.pk for partner in partner_list):
        raise field_error(
            "partners",
            _("Đơn vị chủ trì “%(lead)s” không thể đồng thời là đơn vị phối hợp của cùng nội dung.") % {"lead": lead},
            "lead_is_partner",
        )
    status = data.get("status", item.status if item is not None else None)
    reason = data.get("not_done_reason", item.not_done_reason if item is not None else "")
    if status == ItemStatus.NOT_DONE and not (reason or "").strip():
        raise field_error(
            "not_done_reason",
            _("Nội dung không hoàn thành phải ghi rõ nguyên nhân."),
            "reason_required",
        )


@transaction.atomic
def create_item(
    *,
    actor: User | None,
    plan: Plan,
    data: Mapping[str, Any],
    partners: Iterable[Agency] = (),
    documents: Iterable[Document] = (),
) -> PlanItem:
    _require_keeper(actor)
    cleaned = _clean(data, ITEM_FIELDS)
    partner_list = list(partners)
    _check_item(plan, cleaned, partner_list)
    return create_record(
        actor=actor,
        instance=PlanItem(plan=plan, **cleaned),
        m2m={"partners": partner_list, "documents": list(documents)},
    )


@transaction.atomic
def update_item(
    *,
    actor: User,
    item: PlanItem,
    data: Mapping[str, Any],
    expected_version: int,
    partners: Iterable[Agency] | None = None,
    documents: Iterable[Document] | None = None,
) -> PlanItem:
    """The whole item, by the plan's keepers."""
    _require_keeper(actor)
    cleaned = _clean(data, ITEM_FIELDS)
    partner_list = list(partners) if partners is not None else None
    _check_item(item.plan, cleaned, partner_list, item)
    m2m: dict[str, list[Any]] = {}
    if partner_list is not None:
        m2m["partners"] = partner_list
    if documents is not None:
        m2m["documents"] = list(documents)
    return update_record(actor=actor, instance=item, data=cleaned, expected_version=expected_version, m2m=m2m or None)


@transaction.atomic
def update_item_status(*, actor: User, item: PlanItem, data: Mapping[str, Any], expected_version: int) -> PlanItem:
    """Status, result note and reason, by the lead body's officers and leaders (and the plan's keepers)."""
    if not can_update_item(actor, item):
        raise PermissionDenied
    cleaned = _clean(data, ITEM_STATUS_FIELDS)
    _check_item(item.plan, cleaned, None, item)
    return update_record(actor=actor, instance=item, data=cleaned, expected_version=expected_version)


def _default_area(next_plan: Plan, area: Area) -> Area | None:
    wanted = fold_vi(area.title)
    for candidate in next_plan.areas.all():
        if fold_vi(candidate.title) == wanted:
            return candidate
    return None


@transaction.atomic
def carry_over_item(
    *,
    actor: User,
    item: PlanItem,
    reason: str,
    expected_version: int,
    area: Area | None = None,
) -> PlanItem:
    """Move an unfinished item into next year's plan: a new item there, linked to this one both ways, with the
    reason; this one is marked not done with the same reason when it had none. Done items stay where they are."""
    _require_keeper(actor)
    item = PlanItem.objects.select_for_update().select_related("plan", "area").get(pk=item.pk)
    if item.version != expected_version:
        raise conflict_for(item)
    if item.status == ItemStatus.DONE:
        raise ValidationError(
            _("Nội dung số %(number)s đã hoàn thành, không chuyển sang năm sau.") % {"number": item.number},
            code="item_done",
        )
    existing = PlanItem.objects.filter(carried_from=item).select_related("plan").first()
    if existing is not None:
        raise ValidationError(
            _("Nội dung này đã được chuyển sang kế hoạch năm %(year)s (nội dung số %(number)s).")
            % {"year": existing.plan.year, "number": existing.number},
            code="already_carried",
        )
    reason = nfc(reason or "").strip()
    if not reason:
        raise field_error("reason", _("Hãy ghi lý do chuyển nội dung sang năm sau."), "reason_required")
    next_plan = Plan.objects.filter(year=item.plan.year + 1).first()
    if next_plan is None:
        raise ValidationError(
            _("Chưa có kế hoạch phối hợp năm %(year)s để chuyển nội dung sang.") % {"year": item.plan.year + 1},
            code="no_next_plan",
        )
    if area is None:
        area = _default_area(next_plan, item.area)
        if area is None:
            raise field_error(
                "area",
                _("Hãy chọn lĩnh vực của kế hoạch năm %(year)s để đặt nội dung này.") % {"year": next_plan.year},
                "area_required",
            )
    elif area.plan_id != next_plan.pk:
        raise field_error(
            "area",
            _("Lĩnh vực đã chọn không thuộc kế hoạch năm %(year)s.") % {"year": next_plan.year},
            "area_not_in_plan",
        )
    number = (PlanItem.objects.filter(plan=next_plan).aggregate(top=Max("number"))["top"] or 0) + 1
    new_item = create_record(
        actor=actor,
        instance=PlanItem(
            plan=next_plan,
            area=area,
            number=number,
            title=item.title,
            lead_agency=item.lead_agency,
            status=ItemStatus.NOT_STARTED,
            carried_from=item,
            carry_over_reason=reason,
        ),
        m2m={"partners": list(item.partners.all()), "documents": list(item.documents.all())},
        note=_("Chuyển từ kế hoạch năm %(year)s, nội dung số %(number)s.")
        % {"year": item.plan.year, "number": item.number},
    )
    note = _("Chuyển sang kế hoạch năm %(year)s, nội dung số %(number)s.") % {"year": next_plan.year, "number": number}
    changes: dict[str, Any] = {}
    if item.status != ItemStatus.NOT_DONE:
        changes["status"] = ItemStatus.NOT_DONE
    if not item.not_done_reason.strip():
        changes["not_done_reason"] = reason
    if changes:
        update_record(actor=actor, instance=item, data=changes, expected_version=expected_version, note=note)
    else:
        # Nothing on the row changes, but its history must still say where it went.
        record_event(actor=actor, action=AuditAction.TRANSITION, obj=item, note=note)
    return new_item
