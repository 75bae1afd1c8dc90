import datetime as dt
from dataclasses import replace

from ninja import Field, Router, Schema
from pydantic import ConfigDict

from phoihop.core.api import RecordRoutes, filter_schema, patch_schema
from phoihop.directory.choices import Ownership
from phoihop.directory.filters import OwnerScope
from phoihop.directory.schemas import ENTERPRISE, AgencyRef, EnterpriseRef
from phoihop.directory.selectors import agencies_visible_to
from phoihop.organizing import selectors, services
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.filters import FoundingFilter
from phoihop.organizing.models import Founding
from phoihop.planning.api.schemas import DOCUMENT, PLAN_ITEMS, PlanItemIds

router = Router(tags=["Thành lập tổ chức"])


class FoundingOut(PlanItemIds):
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


@patch_schema(FoundingIn, drop=("owner_agency_id",))
class FoundingPatch(Schema): ...


# Ids in a payload, turned into rows the user can read; an id that is not there is a 422 naming the field.
REFS = (
    ENTERPRISE,
    replace(DOCUMENT, key="decision_document_id", field="decision_document"),
    replace(PLAN_ITEMS, code="unknown_plan_item"),
)


RecordRoutes(
    path="/foundings",
    name="founding",
    model=Founding,
    out=FoundingOut,
    create_in=FoundingIn,
    patch_in=FoundingPatch,
    filters=filter_schema(FoundingFilter, sort="-date", enums=(FoundingKind, Ownership, OwnerScope)),
    rows=lambda user, params: selectors.with_details(selectors.list_foundings(user=user, params=params)),
    get=lambda user, pk: selectors.get_founding(user=user, pk=pk),
    writes=services.WRITES,
    resolve=REFS,
    summary="Danh sách thành lập tổ chức tại doanh nghiệp",
    owners=agencies_visible_to,
).mount(router)
