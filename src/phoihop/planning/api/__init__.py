"""The planning API: the document registry, programmes, plans, areas, items and carry-over."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from phoihop.accounts.models import User
from phoihop.core.api import ERROR_RESPONSES, api_user, patch_data
from phoihop.core.errors import field_error
from phoihop.directory.models import Agency
from phoihop.directory.selectors import agencies_visible_to
from phoihop.planning import selectors, services
from phoihop.planning.api.schemas import (
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


def _agency(user: User, pk: int | None, field: str) -> Agency | None:
    if pk is None:
        return None
    agency = agencies_visible_to(user).filter(pk=pk).first()
    if agency is None:
        raise field_error(field, _("Không có đơn vị số %(id)s.") % {"id": pk}, "unknown_agency")
    return agency


def _agencies(user: User, ids: list[int], field: str) -> list[Agency]:
    found = {agency.pk: agency for agency in agencies_visible_to(user).filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise field_error(
            field, _("Không có đơn vị số %(ids)s.") % {"ids": ", ".join(map(str, missing))}, "unknown_agency"
        )
    return [found[pk] for pk in ids]


def _document(user: User, pk: int | None, field: str = "document") -> Document | None:
    if pk is None:
        return None
    document = selectors.documents_visible_to(user).filter(pk=pk).first()
    if document is None:
        raise field_error(field, _("Không có văn bản số %(id)s trong sổ văn bản.") % {"id": pk}, "unknown_document")
    return document


def _documents(user: User, ids: list[int]) -> list[Document]:
    found = {doc.pk: doc for doc in selectors.documents_visible_to(user).filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise field_error(
            "documents",
            _("Không có văn bản số %(ids)s trong sổ văn bản.") % {"ids": ", ".join(map(str, missing))},
            "unknown_document",
        )
    return [found[pk] for pk in ids]


def _area(user: User, plan: Plan, pk: int | None) -> Area | None:
    if pk is None:
        return None
    area = selectors.areas_visible_to(user).filter(pk=pk).first()
    if area is None or area.plan_id != plan.pk:
        raise field_error(
            "area",
            _("Lĩnh vực số %(id)s không thuộc kế hoạch năm %(year)s.") % {"id": pk, "year": plan.year},
            "area_not_in_plan",
        )
    return area


def _plan_refs(user: User, data: dict[str, Any]) -> dict[str, Any]:
    resolved = dict(data)
    if "programme_id" in resolved:
        pk = resolved.pop("programme_id")
        programme = None
        if pk is not None:
            programme = selectors.programmes_visible_to(user).filter(pk=pk).first()
            if programme is None:
                raise field_error("programme", _("Không có chương trình số %(id)s.") % {"id": pk}, "unknown_programme")
        resolved["programme"] = programme
    if "document_id" in resolved:
        resolved["document"] = _document(user, resolved.pop("document_id"))
    return resolved


def _item_data(user: User, plan: Plan, data: dict[str, Any]) -> tuple[dict[str, Any], Any, Any]:
    resolved = dict(data)
    partners = None
    documents = None
    if "area_id" in resolved:
        resolved["area"] = _area(user, plan, resolved.pop("area_id"))
    if "lead_agency_id" in resolved:
        resolved["lead_agency"] = _agency(user, resolved.pop("lead_agency_id"), "lead_agency")
    if "partner_ids" in resolved:
        ids = resolved.pop("partner_ids")
        partners = _agencies(user, ids or [], "partners") if ids is not None else None
    if "document_ids" in resolved:
        ids = resolved.pop("document_ids")
        documents = _documents(user, ids or []) if ids is not None else None
    return resolved, partners, documents


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
    data = payload.dict()
    data["issuer_agency"] = _agency(user, data.pop("issuer_agency_id"), "issuer_agency")
    return Status(201, services.create_document(actor=user, data=data))


@router.patch("/documents/{document_id}", response={200: DocumentOut, **ERROR_RESPONSES})
def update_document(request: HttpRequest, document_id: int, payload: DocumentPatch) -> Document:
    user = api_user(request)
    document = selectors.get_document(user=user, pk=document_id)
    data = patch_data(payload, Document)
    version = data.pop("version")
    if "issuer_agency_id" in data:
        data["issuer_agency"] = _agency(user, data.pop("issuer_agency_id"), "issuer_agency")
    return services.update_document(actor=user, document=document, data=data, expected_version=version)


# --- Programmes and plans -------------------------------------------------------------------------------------


@router.get("/programmes", response=list[ProgrammeOut], summary="Chương trình phối hợp")
def list_programmes(request: HttpRequest) -> Any:
    return selectors.programmes_visible_to(api_user(request)).order_by("-start_year")


@router.post("/programmes", response={201: ProgrammeOut, **ERROR_RESPONSES})
def create_programme(request: HttpRequest, payload: ProgrammeIn) -> Status[Any]:
    user = api_user(request)
    data = payload.dict()
    bodies = _agencies(user, data.pop("body_ids"), "bodies")
    data["document"] = _document(user, data.pop("document_id"))
    programme = services.create_programme(actor=user, data=data, bodies=bodies)
    return Status(201, selectors.get_programme(user=user, pk=programme.pk))


@router.patch("/programmes/{programme_id}", response={200: ProgrammeOut, **ERROR_RESPONSES})
def update_programme(request: HttpRequest, programme_id: int, payload: ProgrammePatch) -> Any:
    user = api_user(request)
    programme = selectors.get_programme(user=user, pk=programme_id)
    data = patch_data(payload, Programme)
    version = data.pop("version")
    bodies = _agencies(user, data.pop("body_ids"), "bodies") if data.get("body_ids") is not None else None
    data.pop("body_ids", None)
    if "document_id" in data:
        data["document"] = _document(user, data.pop("document_id"))
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
    return Status(201, services.create_plan(actor=user, data=_plan_refs(user, payload.dict())))


@router.patch("/plans/{plan_id}", response={200: PlanOut, **ERROR_RESPONSES})
def update_plan(request: HttpRequest, plan_id: int, payload: PlanPatch) -> Plan:
    user = api_user(request)
    plan = selectors.get_plan(user=user, pk=plan_id)
    data = patch_data(payload, Plan)
    version = data.pop("version")
    return services.update_plan(actor=user, plan=plan, data=_plan_refs(user, data), expected_version=version)


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
    area = None
    if payload.area_id is not None:
        area = selectors.areas_visible_to(user).filter(pk=payload.area_id).first()
        if area is None:
            raise field_error("area", _("Không có lĩnh vực số %(id)s.") % {"id": payload.area_id}, "unknown_area")
    new_item = services.carry_over_item(
        actor=user, item=item, reason=payload.reason, area=area, expected_version=payload.version
    )
    return Status(201, selectors.get_item(user=user, pk=new_item.pk))
