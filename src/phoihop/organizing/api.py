import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from phoihop.accounts.models import User
from phoihop.core.api import ERROR_RESPONSES, api_user, patch_data
from phoihop.core.errors import field_error
from phoihop.core.params import Year
from phoihop.directory.choices import Ownership
from phoihop.directory.filters import OwnerScope
from phoihop.directory.selectors import agencies_visible_to, enterprises_visible_to
from phoihop.organizing import selectors, services
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding
from phoihop.planning.selectors import documents_visible_to, linkable_plan_items

router = Router(tags=["Thành lập tổ chức"])


class AgencyRef(Schema):
    id: int
    short_code: str
    name: str


class EnterpriseRef(Schema):
    id: int
    name: str
    tax_code: str
    ownership: Ownership


class FoundingOut(Schema):
    id: int
    kind: FoundingKind
    name: str
    display_name: str
    enterprise: EnterpriseRef
    owner_agency: AgencyRef
    founded_on: dt.date
    members_at_founding: int | None
    decision_document_id: int | None
    notes: str
    plan_item_ids: list[int]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_display_name(obj: Founding) -> str:
        return str(obj)

    @staticmethod
    def resolve_plan_item_ids(obj: Founding) -> list[int]:
        return [item.pk for item in obj.plan_items.all()]


class FoundingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: FoundingKind
    name: str = Field("", max_length=300)
    enterprise_id: int
    founded_on: dt.date
    members_at_founding: int | None = None
    decision_document_id: int | None = None
    notes: str = ""
    plan_item_ids: list[int] = []
    owner_agency_id: int | None = None


class FoundingPatch(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    kind: FoundingKind | None = None
    name: str | None = Field(None, max_length=300)
    enterprise_id: int | None = None
    founded_on: dt.date | None = None
    members_at_founding: int | None = None
    decision_document_id: int | None = None
    notes: str | None = None
    plan_item_ids: list[int] | None = None


class FoundingFilters(Schema):
    q: str = ""
    kind: FoundingKind | None = None
    owner_agency: int | None = None
    zone: int | None = None
    ownership: Ownership | None = None
    year: Year | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    enterprise: int | None = None
    plan_item: int | None = None
    sort: str = "-date"
    scope: OwnerScope | None = None


def _resolve_refs(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Turn ids into directory and plan objects; an id that is not there is a 422 naming the field."""
    resolved = dict(data)
    if "enterprise_id" in resolved:
        enterprise_id = resolved.pop("enterprise_id")
        enterprise = (
            enterprises_visible_to(user).filter(pk=enterprise_id).first() if enterprise_id is not None else None
        )
        if enterprise is None:
            raise field_error(
                "enterprise",
                _("Không có doanh nghiệp số %(id)s trong danh mục doanh nghiệp.") % {"id": enterprise_id},
                "unknown_enterprise",
            )
        resolved["enterprise"] = enterprise
    if "decision_document_id" in resolved:
        document_id = resolved.pop("decision_document_id")
        document = None
        if document_id is not None:
            document = documents_visible_to(user).filter(pk=document_id).first()
            if document is None:
                raise field_error(
                    "decision_document",
                    _("Không có văn bản số %(id)s trong sổ văn bản.") % {"id": document_id},
                    "unknown_document",
                )
        resolved["decision_document"] = document
    if resolved.get("plan_item_ids") is not None:
        wanted = list(dict.fromkeys(resolved.pop("plan_item_ids")))
        found = {item.pk: item for item in linkable_plan_items(user=user).filter(pk__in=wanted)}
        missing = [str(pk) for pk in wanted if pk not in found]
        if missing:
            raise field_error(
                "plan_items",
                _("Không có nội dung phối hợp số %(ids)s.") % {"ids": ", ".join(missing)},
                "unknown_plan_item",
            )
        resolved["plan_items"] = [found[pk] for pk in wanted]
    resolved.pop("plan_item_ids", None)
    return resolved


def _detail(user: User, pk: int) -> Founding:
    return selectors.get_founding(user=user, pk=pk)


@router.get("/foundings", response=list[FoundingOut], summary="Danh sách thành lập tổ chức tại doanh nghiệp")
@paginate(PageNumberPagination, page_size=50)
def list_foundings(request: HttpRequest, filters: Query[FoundingFilters]) -> Any:
    params = {k: v for k, v in filters.dict().items() if v is not None}
    return selectors.with_details(selectors.list_foundings(user=api_user(request), params=params))


@router.get("/foundings/{founding_id}", response={200: FoundingOut, **ERROR_RESPONSES})
def get_founding(request: HttpRequest, founding_id: int) -> Founding:
    return _detail(api_user(request), founding_id)


@router.post("/foundings", response={201: FoundingOut, **ERROR_RESPONSES})
def create_founding(request: HttpRequest, payload: FoundingIn) -> Status[Founding]:
    user = api_user(request)
    data = payload.dict()
    owner_id = data.pop("owner_agency_id")
    owner = None
    if owner_id is not None:
        owner = agencies_visible_to(user).filter(pk=owner_id).first()
        if owner is None:
            raise field_error("owner_agency", _("Không có đơn vị số %(id)s.") % {"id": owner_id}, "unknown_agency")
    founding = services.create_founding(actor=user, data=_resolve_refs(user, data), owner_agency=owner)
    return Status(201, _detail(user, founding.pk))


@router.patch("/foundings/{founding_id}", response={200: FoundingOut, **ERROR_RESPONSES})
def update_founding(request: HttpRequest, founding_id: int, payload: FoundingPatch) -> Founding:
    user = api_user(request)
    founding = _detail(user, founding_id)
    data = patch_data(payload, Founding)
    version = data.pop("version")
    services.update_founding(actor=user, founding=founding, data=_resolve_refs(user, data), expected_version=version)
    return _detail(user, founding_id)


@router.delete("/foundings/{founding_id}", response={204: None, **ERROR_RESPONSES})
def delete_founding(request: HttpRequest, founding_id: int, version: int) -> Status[None]:
    user = api_user(request)
    services.delete_founding(actor=user, founding=_detail(user, founding_id), expected_version=version)
    return Status(204, None)
