"""Request and response schemas of the planning API, and the references other apps' payloads make to the plan."""

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from pydantic import ConfigDict

from phoihop.core.api import Ref, patch_schema
from phoihop.core.params import Year
from phoihop.planning.choices import DocumentKind, ItemStatus, PlanStatus
from phoihop.planning.citation import citation
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme
from phoihop.planning.selectors import documents_visible_to, linkable_plan_items

# The plan items a record links to, and a document of the register it cites.
PLAN_ITEMS = Ref(
    "plan_item_ids",
    "plan_items",
    lambda user: linkable_plan_items(user=user),
    gettext_lazy("nội dung phối hợp"),
    many=True,
)
DOCUMENT = Ref(
    "document_id",
    "document",
    documents_visible_to,
    message=gettext_lazy("Không có văn bản số %(ids)s trong sổ văn bản."),
    code="unknown_document",
)


class PlanItemIds(Schema):
    """An output schema's `plan_item_ids: list[int]`, the plan items a record carries out (prefetched by the
    record's selector). The schema declares the field where it belongs among its own; this base only fills it."""

    @staticmethod
    def resolve_plan_item_ids(obj: Any) -> list[int]:
        return [item.pk for item in obj.plan_items.all()]


class DocumentOut(Schema):
    id: int
    kind: DocumentKind
    designation: str
    number: str
    symbol: str
    reference: str
    issued_on: dt.date | None
    issuer: str
    issuer_agency_id: int | None
    title: str
    note: str
    citation: str
    full_citation: str
    owner_agency_id: int | None
    version: int

    @staticmethod
    def resolve_citation(obj: Document) -> str:
        return citation(obj)

    @staticmethod
    def resolve_full_citation(obj: Document) -> str:
        return citation(obj, with_issuer=True, with_title=True)


class DocumentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: DocumentKind
    designation: str = Field("", max_length=100)
    number: str = Field(max_length=20)
    symbol: str = Field(max_length=120)
    issued_on: dt.date | None = None
    issuer: str = Field("", max_length=255)
    issuer_agency_id: int | None = None
    title: str = ""
    note: str = ""


@patch_schema(DocumentIn)
class DocumentPatch(Schema): ...


class ProgrammeOut(Schema):
    id: int
    title: str
    start_year: int
    end_year: int
    document_id: int | None
    body_ids: list[int]
    version: int

    @staticmethod
    def resolve_body_ids(obj: Programme) -> list[int]:
        return [body.pk for body in obj.bodies.all()]


class ProgrammeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=500)
    start_year: Year
    end_year: Year
    document_id: int | None = None
    body_ids: list[int] = []
    note: str = ""


@patch_schema(ProgrammeIn)
class ProgrammePatch(Schema): ...


class PlanOut(Schema):
    id: int
    year: int
    title: str
    programme_id: int | None
    document_id: int | None
    document_citation: str
    period_start: dt.date
    period_end: dt.date
    cut_off_date: dt.date | None
    status: PlanStatus
    version: int

    @staticmethod
    def resolve_document_citation(obj: Plan) -> str:
        return citation(obj.document) if obj.document else ""


class PlanIn(Schema):
    model_config = ConfigDict(extra="forbid")

    year: Year
    title: str = Field("", max_length=500)
    programme_id: int | None = None
    document_id: int | None = None
    period_start: dt.date
    period_end: dt.date
    cut_off_date: dt.date | None = None
    status: PlanStatus = PlanStatus.DRAFT


@patch_schema(PlanIn)
class PlanPatch(Schema): ...


class AreaOut(Schema):
    id: int
    plan_id: int
    number: int
    title: str
    version: int


class AreaIn(Schema):
    model_config = ConfigDict(extra="forbid")

    number: int = Field(ge=1, le=1000)
    title: str = Field(max_length=500)


@patch_schema(AreaIn)
class AreaPatch(Schema): ...


class ItemOut(Schema):
    id: int
    plan_id: int
    area_id: int
    number: int
    title: str
    lead_agency_id: int
    lead_agency: str
    partner_ids: list[int]
    due_date: dt.date | None
    status: ItemStatus
    result_note: str
    not_done_reason: str
    document_ids: list[int]
    carried_from_id: int | None
    carried_to_id: int | None
    carry_over_reason: str
    version: int

    @staticmethod
    def resolve_lead_agency(obj: PlanItem) -> str:
        return obj.lead_agency.name

    @staticmethod
    def resolve_partner_ids(obj: PlanItem) -> list[int]:
        return [partner.pk for partner in obj.partners.all()]

    @staticmethod
    def resolve_document_ids(obj: PlanItem) -> list[int]:
        return [document.pk for document in obj.documents.all()]

    @staticmethod
    def resolve_carried_to_id(obj: PlanItem) -> int | None:
        carried = getattr(obj, "carried_to", None)
        return carried.pk if carried is not None else None


class ItemIn(Schema):
    model_config = ConfigDict(extra="forbid")

    area_id: int
    number: int = Field(ge=1, le=10000)
    title: str
    lead_agency_id: int
    partner_ids: list[int] = []
    due_date: dt.date | None = None
    status: ItemStatus = ItemStatus.NOT_STARTED
    result_note: str = ""
    not_done_reason: str = ""
    document_ids: list[int] = []


@patch_schema(ItemIn)
class ItemPatch(Schema): ...


class ItemStatusIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    status: ItemStatus | None = None
    result_note: str | None = None
    not_done_reason: str | None = None


class CarryOverIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    reason: str
    area_id: int | None = None


class PlanDetailOut(PlanOut):
    """The plan with its areas and items; the selector's figures are attached to the plan by `_plan_detail`."""

    areas: list[AreaOut]
    items: list[ItemOut]
    items_done: int
    items_total: int
    items_text: str

    @staticmethod
    def resolve_areas(obj: Plan) -> list[Area]:
        return obj.detail_areas  # type: ignore[attr-defined]

    @staticmethod
    def resolve_items(obj: Plan) -> list[PlanItem]:
        return obj.detail_items  # type: ignore[attr-defined]

    @staticmethod
    def resolve_items_done(obj: Plan) -> int:
        return obj.detail_count.done  # type: ignore[attr-defined]

    @staticmethod
    def resolve_items_total(obj: Plan) -> int:
        return obj.detail_count.total  # type: ignore[attr-defined]

    @staticmethod
    def resolve_items_text(obj: Plan) -> str:
        return obj.detail_count.text  # type: ignore[attr-defined]


class DocumentFilters(Schema):
    q: str = ""
    kind: DocumentKind | None = None
