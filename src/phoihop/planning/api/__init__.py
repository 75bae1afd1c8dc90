"""The planning API: the document registry, programmes, plans, areas, items and carry-over."""

from dataclasses import replace
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from phoihop.accounts.models import User
from phoihop.core.api import ERROR_RESPONSES, Ref, api_user, apply_refs, patch_data
from phoihop.core.errors import field_error
from phoihop.directory.schemas import AGENCY
from phoihop.planning import selectors, services
from phoihop.planning.api.schemas import (
    DOCUMENT,
    AreaIn,
    AreaOut,
    AreaPatch,
    CarryOverIn,
    DocumentFilters,
    DocumentIn,
    DocumentOut,
    DocumentPatch,
    ItemIn,
    ItemOut,
    ItemPatch,
    ItemStatusIn,
    PlanDetailOut,
    PlanIn,
    PlanOut,
    PlanPatch,
    ProgrammeIn,
    ProgrammeOut,
    ProgrammePatch,
)
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme

router = Router(tags=["Kế hoạch phối hợp"])


# --- Helpers --------------------------------------------------------------------------------------------------

DOCUMENT_REFS = (replace(AGENCY, key="issuer_agency_id", field="issuer_agency"),)
PROGRAMME_REFS = (replace(AGENCY, key="body_ids", field="bodies", many=True), DOCUMENT)
PLAN_REFS = (Ref("programme_id", "programme", selectors.programmes_visible_to, _("chương trình")), DOCUMENT)
ITEM_REFS = (
    replace(AGENCY, key="lead_agency_id", field="lead_agency"),
    replace(AGENCY, key="partner_ids", field="partners", many=True),
    replace(DOCUMENT, key="document_ids", field="documents", many=True),
)
AREA = Ref("area_id", "area", selectors.areas_visible_to, _("lĩnh vực"))


def _item_data(user: User, plan: Plan, data: dict[str, Any]) -> tuple[dict[str, Any], Any, Any]:
    """The item's fields, its partners and its documents (None: left as they are)."""
    resolved = dict(data)
    if "area_id" in resolved:
        pk = resolved.pop("area_id")
        area = None if pk is None else selectors.areas_visible_to(user).filter(pk=pk, plan=plan).first()
        if pk is not None and area is None:
            raise field_error(
                "area",
                _("Lĩnh vực số %(id)s không thuộc kế hoạch năm %(year)s.") % {"id": pk, "year": plan.year},
                "area_not_in_plan",
            )
        resolved["area"] = area
    resolved = apply_refs(user, resolved, ITEM_REFS)
    return resolved, resolved.pop("partners", None), resolved.pop("documents", None)


def _plan_detail(plan: Plan) -> Plan:
    items = selectors.plan_items(plan, with_documents=True)
    plan.detail_areas = list(selectors.areas_of(plan))  # type: ignore[attr-defined]
    plan.detail_items = items  # type: ignore[attr-defined]
    plan.detail_count = selectors.item_count(items)  # type: ignore[attr-defined]
    return plan


# --- Documents ------------------------------------------------------------------------------------------------


@router.get("/documents", response=list[DocumentOut], summary="Sổ văn bản được trích dẫn")
@paginate(PageNumberPagination, page_size=50)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> Any:
    params = {k: v for k, v in filters.dict().items() if v is not None}
    return selectors.list_documents(user=api_user(request), params=params)


@router.get("/documents/{document_id}", response={200: DocumentOut, **ERROR_RESPONSES})
def get_document(request: HttpRequest, document_id: int) -> Document:
    return selectors.get_document(user=api_user(request), pk=document_id)


@router.post("/documents", response={201: DocumentOut, **ERROR_RESPONSES})
def create_document(request: HttpRequest, payload: DocumentIn) -> Status[Document]:
    user = api_user(request)
    return Status(201, services.create_document(actor=user, data=apply_refs(user, payload.dict(), DOCUMENT_REFS)))


@router.patch("/documents/{document_id}", response={200: DocumentOut, **ERROR_RESPONSES})
def update_document(request: HttpRequest, document_id: int, payload: DocumentPatch) -> Document:
    user = api_user(request)
    document = selectors.get_document(user=user, pk=document_id)
    data = apply_refs(user, patch_data(payload, Document), DOCUMENT_REFS)
    version = data.pop("version")
    return services.update_document(actor=user, document=document, data=data, expected_version=version)


# --- Programmes and plans -------------------------------------------------------------------------------------


@router.get("/programmes", response=list[ProgrammeOut], summary="Chương trình phối hợp")
def list_programmes(request: HttpRequest) -> Any:
    return selectors.programmes_visible_to(api_user(request)).order_by("-start_year")


@router.post("/programmes", response={201: ProgrammeOut, **ERROR_RESPONSES})
def create_programme(request: HttpRequest, payload: ProgrammeIn) -> Status[Any]:
    user = api_user(request)
    data = apply_refs(user, payload.dict(), PROGRAMME_REFS)
    programme = services.create_programme(actor=user, data=data, bodies=data.pop("bodies"))
    return Status(201, selectors.get_programme(user=user, pk=programme.pk))


@router.patch("/programmes/{programme_id}", response={200: ProgrammeOut, **ERROR_RESPONSES})
def update_programme(request: HttpRequest, programme_id: int, payload: ProgrammePatch) -> Any:
    user = api_user(request)
    programme = selectors.get_programme(user=user, pk=programme_id)
    data = apply_refs(user, patch_data(payload, Programme), PROGRAMME_REFS)
    version, bodies = data.pop("version"), data.pop("bodies", None)
    services.update_programme(actor=user, programme=programme, data=data, expected_version=version, bodies=bodies)
    return selectors.get_programme(user=user, pk=programme_id)


@router.get("/plans", response=list[PlanOut], summary="Kế hoạch phối hợp năm")
def list_plans(request: HttpRequest) -> Any:
    return selectors.list_plans(user=api_user(request))


@router.get("/plans/{plan_id}", response={200: PlanDetailOut, **ERROR_RESPONSES})
def get_plan(request: HttpRequest, plan_id: int) -> Any:
    return _plan_detail(selectors.get_plan(user=api_user(request), pk=plan_id))


@router.post("/plans", response={201: PlanOut, **ERROR_RESPONSES})
def create_plan(request: HttpRequest, payload: PlanIn) -> Status[Plan]:
    user = api_user(request)
    return Status(201, services.create_plan(actor=user, data=apply_refs(user, payload.dict(), PLAN_REFS)))


@router.patch("/plans/{plan_id}", response={200: PlanOut, **ERROR_RESPONSES})
def update_plan(request: HttpRequest, plan_id: int, payload: PlanPatch) -> Plan:
    user = api_user(request)
    plan = selectors.get_plan(user=user, pk=plan_id)
    data = patch_data(payload, Plan)
    version = data.pop("version")
    return services.update_plan(actor=user, plan=plan, data=apply_refs(user, data, PLAN_REFS), expected_version=version)


@router.post("/plans/{plan_id}/areas", response={201: AreaOut, **ERROR_RESPONSES})
def create_area(request: HttpRequest, plan_id: int, payload: AreaIn) -> Status[Area]:
    user = api_user(request)
    plan = selectors.get_plan(user=user, pk=plan_id)
    return Status(201, services.create_area(actor=user, plan=plan, data=payload.dict()))


@router.patch("/areas/{area_id}", response={200: AreaOut, **ERROR_RESPONSES})
def update_area(request: HttpRequest, area_id: int, payload: AreaPatch) -> Area:
    user = api_user(request)
    area = selectors.get_area(user=user, pk=area_id)
    data = patch_data(payload, Area)
    version = data.pop("version")
    return services.update_area(actor=user, area=area, data=data, expected_version=version)


# --- Items ----------------------------------------------------------------------------------------------------


@router.get("/plans/{plan_id}/items", response={200: list[ItemOut], **ERROR_RESPONSES})
def list_items(request: HttpRequest, plan_id: int) -> Any:
    return selectors.plan_items(selectors.get_plan(user=api_user(request), pk=plan_id), with_documents=True)


@router.get("/items/{item_id}", response={200: ItemOut, **ERROR_RESPONSES})
def get_item(request: HttpRequest, item_id: int) -> PlanItem:
    return selectors.get_item(user=api_user(request), pk=item_id)


@router.post("/plans/{plan_id}/items", response={201: ItemOut, **ERROR_RESPONSES})
def create_item(request: HttpRequest, plan_id: int, payload: ItemIn) -> Status[PlanItem]:
    user = api_user(request)
    plan = selectors.get_plan(user=user, pk=plan_id)
    data, partners, documents = _item_data(user, plan, payload.dict())
    item = services.create_item(actor=user, plan=plan, data=data, partners=partners or [], documents=documents or [])
    return Status(201, selectors.get_item(user=user, pk=item.pk))


@router.patch("/items/{item_id}", response={200: ItemOut, **ERROR_RESPONSES})
def update_item(request: HttpRequest, item_id: int, payload: ItemPatch) -> PlanItem:
    user = api_user(request)
    item = selectors.get_item(user=user, pk=item_id)
    data = patch_data(payload, PlanItem)
    version = data.pop("version")
    data, partners, documents = _item_data(user, item.plan, data)
    services.update_item(
        actor=user, item=item, data=data, expected_version=version, partners=partners, documents=documents
    )
    return selectors.get_item(user=user, pk=item_id)


@router.post("/items/{item_id}/status", response={200: ItemOut, **ERROR_RESPONSES}, summary="Cập nhật kết quả")
def update_item_status(request: HttpRequest, item_id: int, payload: ItemStatusIn) -> PlanItem:
    user = api_user(request)
    item = selectors.get_item(user=user, pk=item_id)
    data = patch_data(payload, PlanItem)
    version = data.pop("version")
    services.update_item_status(actor=user, item=item, data=data, expected_version=version)
    return selectors.get_item(user=user, pk=item_id)


@router.post("/items/{item_id}/carry-over", response={201: ItemOut, **ERROR_RESPONSES}, summary="Chuyển sang năm sau")
def carry_over_item(request: HttpRequest, item_id: int, payload: CarryOverIn) -> Status[PlanItem]:
    user = api_user(request)
    item = selectors.get_item(user=user, pk=item_id)
    new_item = services.carry_over_item(
        actor=user,
        item=item,
        reason=payload.reason,
        area=AREA.resolve(user, payload.area_id),
        expected_version=payload.version,
    )
    return Status(201, selectors.get_item(user=user, pk=new_item.pk))
