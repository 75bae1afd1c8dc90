import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from phoihop.accounts.models import User
from phoihop.core.api import RecordRoutes, resolve_id, resolve_ids
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
    """Turn ids into rows the user can read; an id that is not there is a 422 naming the field."""
    resolved = dict(data)
    if "enterprise_id" in resolved:
        resolved["enterprise"] = resolve_ids(
            enterprises_visible_to(user),
            [resolved.pop("enterprise_id")],
            field="enterprise",
            message=_("Không có doanh nghiệp số %(ids)s trong danh mục doanh nghiệp."),
            code="unknown_enterprise",
        )[0]
    if "decision_document_id" in resolved:
        resolved["decision_document"] = resolve_id(
            documents_visible_to(user),
            resolved.pop("decision_document_id"),
            field="decision_document",
            message=_("Không có văn bản số %(ids)s trong sổ văn bản."),
            code="unknown_document",
        )
    if resolved.get("plan_item_ids") is not None:
        resolved["plan_items"] = resolve_ids(
            linkable_plan_items(user=user),
            resolved.pop("plan_item_ids"),
            field="plan_items",
            message=_("Không có nội dung phối hợp số %(ids)s."),
            code="unknown_plan_item",
        )
    resolved.pop("plan_item_ids", None)
    return resolved


RecordRoutes(
    path="/foundings",
    name="founding",
    model=Founding,
    out=FoundingOut,
    create_in=FoundingIn,
    patch_in=FoundingPatch,
    filters=FoundingFilters,
    rows=lambda user, params: selectors.with_details(selectors.list_foundings(user=user, params=params)),
    get=lambda user, pk: selectors.get_founding(user=user, pk=pk),
    create=lambda user, data: services.WRITES.create(user, data, data.pop("owner_agency", None)),
    update=services.WRITES.update,
    delete=services.WRITES.delete,
    resolve=_resolve_refs,
    summary="Danh sách thành lập tổ chức tại doanh nghiệp",
    owners=agencies_visible_to,
).mount(router)
