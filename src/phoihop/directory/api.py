import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from phoihop.core.api import ERROR_RESPONSES, api_user, apply_refs, cached_list, patch_data, patch_schema
from phoihop.directory import selectors, services
from phoihop.directory.choices import AgencyKind, Ownership, ZoneKind
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.schemas import AGENCY, ZONE, ZoneRef

router = Router(tags=["Danh mục"])


class AgencyOut(Schema):
    id: int
    name: str
    short_code: str
    kind: AgencyKind
    parent_id: int | None
    header: list[str]
    is_active: bool
    version: int


class ZoneOut(Schema):
    id: int
    name: str
    kind: ZoneKind
    parent_id: int | None
    district: str
    area_ha: Decimal | None
    version: int


class EnterpriseOut(Schema):
    id: int
    name: str
    short_name: str
    tax_code: str
    zone: ZoneRef | None
    address: str
    ownership: Ownership
    investor_country: str
    sector: str
    workforce: int | None
    owner_agency_id: int
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


# What EnterpriseOut reads from a row: a page of the list reads these columns and joins the zone alone.
ENTERPRISE_OUT_COLUMNS = (
    "name",
    "short_name",
    "tax_code",
    "zone",
    "zone__name",
    "address",
    "ownership",
    "investor_country",
    "sector",
    "workforce",
    "owner_agency",
    "version",
    "created_at",
    "updated_at",
)


class EnterpriseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=255)
    short_name: str = Field("", max_length=120)
    tax_code: str = Field(max_length=20)
    zone_id: int | None = None
    address: str = Field("", max_length=300)
    ownership: Ownership
    investor_country: str = Field("", max_length=100)
    sector: str = Field("", max_length=200)
    workforce: int | None = Field(None, ge=0)
    owner_agency_id: int | None = None


@patch_schema(EnterpriseIn, drop=("owner_agency_id",))
class EnterprisePatch(Schema): ...


class EnterpriseFilters(Schema):
    q: str = ""
    zone: int | None = None
    ownership: Ownership | None = None
    fdi: bool | None = None
    owner_agency: int | None = None
    # By name when unset; a search (`q`) unset: best match first, as on the list page.
    sort: str | None = None


# The owner body (a create only) and the zone, turned into rows the caller can see; an unknown id is a 422.
REFS = (replace(AGENCY, key="owner_agency_id", field="owner_agency"), ZONE)


@router.get("/agencies", response=list[AgencyOut], summary="Danh sách cơ quan, đơn vị")
def list_agencies(request: HttpRequest, q: str = "") -> Any:
    return selectors.list_agencies(user=api_user(request), query=q)


@router.get("/agencies/{agency_id}", response={200: AgencyOut, **ERROR_RESPONSES})
def get_agency(request: HttpRequest, agency_id: int) -> Agency:
    return selectors.get_agency(user=api_user(request), pk=agency_id)


@router.get("/zones", response=list[ZoneOut], summary="Danh sách khu công nghiệp, khu kinh tế")
def list_zones(request: HttpRequest, q: str = "") -> Any:
    return selectors.list_zones(user=api_user(request), query=q)


@router.get("/zones/{zone_id}", response={200: ZoneOut, **ERROR_RESPONSES})
def get_zone(request: HttpRequest, zone_id: int) -> Zone:
    return selectors.get_zone(user=api_user(request), pk=zone_id)


class BoundedPagination(PageNumberPagination):
    """Pages of a search: `count` is the exact number of matches up to `selectors.COUNT_BOUND`; beyond it `count` is
    the bound and `count_is_lower_bound` is true ("more than 1.000"), so a broad search never counts the whole
    directory. Without `q` the count is exact and the flag false."""

    class Output(Schema):
        items: list[Any]
        count: int
        count_is_lower_bound: bool = False

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any) -> Any:
        if not request.GET.get("q", "").strip():
            return super().paginate_queryset(queryset, pagination, request, **params)
        page_size = self._get_page_size(pagination.page_size)
        offset = (pagination.page - 1) * page_size
        count, lower_bound = selectors.count_bounded(queryset)
        return {"items": queryset[offset : offset + page_size], "count": count, "count_is_lower_bound": lower_bound}


@router.get("/enterprises", response=list[EnterpriseOut], summary="Tìm doanh nghiệp (không phân biệt dấu)")
@cached_list(Enterprise)
@paginate(BoundedPagination, page_size=50)
def list_enterprises(request: HttpRequest, filters: Query[EnterpriseFilters]) -> Any:
    params = {k: v for k, v in filters.dict().items() if v is not None}
    found = selectors.list_enterprises(user=api_user(request), params=params)
    return selectors.only_columns(found, *ENTERPRISE_OUT_COLUMNS, related=("zone",))


@router.get("/enterprises/{enterprise_id}", response={200: EnterpriseOut, **ERROR_RESPONSES})
def get_enterprise(request: HttpRequest, enterprise_id: int) -> Enterprise:
    return selectors.get_enterprise(user=api_user(request), pk=enterprise_id)


@router.post("/enterprises", response={201: EnterpriseOut, **ERROR_RESPONSES})
def create_enterprise(request: HttpRequest, payload: EnterpriseIn) -> Status[Enterprise]:
    user = api_user(request)
    data = apply_refs(user, payload.dict(), REFS)
    return Status(201, services.create_enterprise(actor=user, data=data, owner_agency=data.pop("owner_agency")))


@router.patch("/enterprises/{enterprise_id}", response={200: EnterpriseOut, **ERROR_RESPONSES})
def update_enterprise(request: HttpRequest, enterprise_id: int, payload: EnterprisePatch) -> Enterprise:
    user = api_user(request)
    enterprise = selectors.get_enterprise(user=user, pk=enterprise_id)
    data = apply_refs(user, patch_data(payload, Enterprise), REFS)
    version = data.pop("version")
    return services.update_enterprise(actor=user, enterprise=enterprise, data=data, expected_version=version)


@router.delete("/enterprises/{enterprise_id}", response={204: None, **ERROR_RESPONSES})
def delete_enterprise(request: HttpRequest, enterprise_id: int, version: int) -> Status[None]:
    user = api_user(request)
    enterprise = selectors.get_enterprise(user=user, pk=enterprise_id)
    services.delete_enterprise(actor=user, enterprise=enterprise, expected_version=version)
    return Status(204, None)
