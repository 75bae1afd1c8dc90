import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from phoihop.core.api import (
    ERROR_RESPONSES,
    ChildRoutes,
    RecordRoutes,
    Ref,
    api_user,
    apply_refs,
    filter_schema,
    patch_data,
    patch_schema,
)
from phoihop.directory.filters import OwnerScope
from phoihop.directory.schemas import ENTERPRISES
from phoihop.directory.selectors import agencies_visible_to, enterprises_visible_to
from phoihop.oversight import selectors, services
from phoihop.oversight.choices import FollowUpStatus, InspectionKind
from phoihop.oversight.filters import InspectionFilter
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic
from phoihop.planning.api.schemas import PLAN_ITEMS, PlanItemIds

router = Router(tags=["Kiểm tra, giám sát"])


class TopicOut(Schema):
    id: int
    code: str
    name: str
    position: int
    is_active: bool
    version: int


class TopicIn(Schema):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=50)
    name: str = Field(max_length=200)
    position: int = Field(100, ge=0)
    is_active: bool = True


@patch_schema(TopicIn)
class TopicPatch(Schema): ...


class FindingOut(Schema):
    id: int
    inspection_id: int
    enterprise_id: int
    enterprise_name: str = Field(alias="enterprise.name")
    topic_id: int
    topic_code: str = Field(alias="topic.code")
    compliant: bool
    text: str
    version: int


class FindingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    enterprise_id: int
    topic_id: int
    compliant: bool
    text: str = Field(max_length=5000)


@patch_schema(FindingIn)
class FindingPatch(Schema): ...


class FollowUpOut(Schema):
    id: int
    inspection_id: int
    enterprise_id: int | None
    description: str
    responsible: str
    due_date: dt.date
    status: FollowUpStatus
    completed_on: dt.date | None
    overdue: bool
    note: str
    version: int


class FollowUpIn(Schema):
    model_config = ConfigDict(extra="forbid")

    enterprise_id: int | None = None
    description: str = Field(max_length=5000)
    responsible: str = Field("", max_length=200)
    due_date: dt.date
    status: FollowUpStatus = FollowUpStatus.OPEN
    completed_on: dt.date | None = None
    note: str = Field("", max_length=5000)


@patch_schema(FollowUpIn)
class FollowUpPatch(Schema): ...


class InspectionOut(PlanItemIds):
    id: int
    kind: InspectionKind
    title: str
    owner_agency_id: int
    partner_agency_ids: list[int]
    start_date: dt.date
    end_date: dt.date | None
    basis: str
    enterprise_ids: list[int]
    topic_codes: list[str]
    summary: str
    recommendations: str
    plan_item_ids: list[int]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_partner_agency_ids(obj: Inspection) -> list[int]:
        return [agency.pk for agency in obj.partner_agencies.all()]

    @staticmethod
    def resolve_enterprise_ids(obj: Inspection) -> list[int]:
        return [enterprise.pk for enterprise in obj.enterprises.all()]

    @staticmethod
    def resolve_topic_codes(obj: Inspection) -> list[str]:
        return [topic.code for topic in obj.topics.all()]


class InspectionDetailOut(InspectionOut):
    findings: list[FindingOut]
    follow_ups: list[FollowUpOut]

    @staticmethod
    def resolve_findings(obj: Inspection) -> list[Finding]:
        return list(obj.findings.all())

    @staticmethod
    def resolve_follow_ups(obj: Inspection) -> list[FollowUpAction]:
        return list(obj.follow_ups.all())


class InspectionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: InspectionKind
    title: str = Field(max_length=300)
    owner_agency_id: int | None = None
    partner_agency_ids: list[int] = []
    start_date: dt.date
    end_date: dt.date | None = None
    basis: str = Field("", max_length=300)
    enterprise_ids: list[int]
    topic_codes: list[str]
    summary: str = Field("", max_length=20000)
    recommendations: str = Field("", max_length=20000)
    plan_item_ids: list[int] = []


@patch_schema(InspectionIn, drop=("owner_agency_id",))
class InspectionPatch(Schema): ...


INSPECTION_REFS = (
    Ref("partner_agency_ids", "partner_agencies", agencies_visible_to, _("đơn vị"), many=True),
    ENTERPRISES,
    PLAN_ITEMS,
)
# A finding's or a follow-up action's.
CHILD_REFS = (
    Ref("enterprise_id", "enterprise", enterprises_visible_to, _("doanh nghiệp trong danh mục")),
    Ref("topic_id", "topic", selectors.topics_visible_to, _("nội dung")),
)


def _inspection_data(user: Any, data: dict[str, Any]) -> dict[str, Any]:
    if "topic_codes" in data:
        data["topics"] = selectors.topics_by_code(list(data.pop("topic_codes") or []))
    return apply_refs(user, data, INSPECTION_REFS)


# --- inspections --------------------------------------------------------------------------------------------------

RecordRoutes(
    path="/inspections",
    name="inspection",
    model=Inspection,
    out=InspectionOut,
    detail_out=InspectionDetailOut,
    create_in=InspectionIn,
    patch_in=InspectionPatch,
    filters=filter_schema(InspectionFilter, sort="-start_date", enums=(InspectionKind, OwnerScope)),
    rows=lambda user, params: selectors.list_inspections(user=user, params=params).prefetch_related(
        "partner_agencies", "enterprises", "plan_items"
    ),
    get=lambda user, pk: selectors.get_inspection_detail(user=user, pk=pk),
    writes=services.WRITES,
    resolve=_inspection_data,
    summary="Danh sách cuộc kiểm tra, giám sát",
    owners=agencies_visible_to,
).mount(router)


# --- findings -----------------------------------------------------------------------------------------------------


ChildRoutes(
    module=__name__,
    name="finding",
    under="/inspections/{inspection_id}/findings",
    at="/findings/{finding_id}",
    model=Finding,
    out=FindingOut,
    create_in=FindingIn,
    patch_in=FindingPatch,
    parent=selectors.get_inspection,
    get=selectors.get_finding,
    rows=lambda user, inspection: selectors.findings_of(user=user, inspection=inspection),
    writes=services.FINDINGS,
    refs=CHILD_REFS,
).mount(router)


# --- follow-up actions --------------------------------------------------------------------------------------------

ChildRoutes(
    module=__name__,
    name="follow_up",
    under="/inspections/{inspection_id}/follow-ups",
    at="/follow-ups/{follow_up_id}",
    model=FollowUpAction,
    out=FollowUpOut,
    create_in=FollowUpIn,
    patch_in=FollowUpPatch,
    parent=selectors.get_inspection,
    get=selectors.get_follow_up,
    rows=lambda user, inspection: selectors.follow_ups_of(user=user, inspection=inspection),
    writes=services.FOLLOW_UPS,
    refs=CHILD_REFS,
).mount(router)


@router.get("/overdue-follow-ups", response=list[FollowUpOut], summary="Việc cần làm đã quá hạn")
@paginate(PageNumberPagination, page_size=50)
def list_overdue_follow_ups(request: HttpRequest, scope: OwnerScope | None = None) -> Any:
    return selectors.overdue_follow_ups(user=api_user(request), params={"scope": scope or ""})


# --- topics -------------------------------------------------------------------------------------------------------


@router.get("/topics", response=list[TopicOut], summary="Danh mục nội dung kiểm tra, giám sát")
def list_topics(request: HttpRequest) -> Any:
    return selectors.topics_visible_to(api_user(request)).order_by("position", "name")


@router.post("/topics", response={201: TopicOut, **ERROR_RESPONSES})
def create_topic(request: HttpRequest, payload: TopicIn) -> Status:
    return Status(201, services.create_topic(actor=api_user(request), data=payload.dict()))


@router.patch("/topics/{topic_id}", response={200: TopicOut, **ERROR_RESPONSES})
def update_topic(request: HttpRequest, topic_id: int, payload: TopicPatch) -> InspectionTopic:
    user = api_user(request)
    topic = selectors.get_topic(user=user, pk=topic_id)
    data = patch_data(payload, InspectionTopic)
    version = data.pop("version")
    return services.update_topic(actor=user, topic=topic, data=data, expected_version=version)
