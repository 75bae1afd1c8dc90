import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from phoihop.core.api import ChildRoutes, RecordRoutes, Ref, api_user, filter_schema, patch_schema
from phoihop.core.choices import Qualifier
from phoihop.directory.filters import OwnerScope
from phoihop.directory.selectors import agencies_visible_to, enterprises_visible_to, zones_visible_to
from phoihop.housing import selectors, services
from phoihop.housing.choices import CapacityGroup, DatePrecision, MilestoneKind, ProjectKind
from phoihop.housing.filters import ProjectFilter
from phoihop.housing.models import HousingProject, Milestone
from phoihop.planning.api.schemas import PLAN_ITEMS, PlanItemIds

router = Router(tags=["Nhà ở công nhân"])


class MilestoneOut(Schema):
    id: int
    project_id: int
    kind: MilestoneKind
    date: dt.date
    date_precision: DatePrecision
    date_text: str
    phase: str
    description: str
    buildings: int | None
    worker_buildings: int | None
    floor_area_m2: Decimal | None
    floor_area_qualifier: Qualifier
    apartments: int | None
    apartments_qualifier: Qualifier
    people: int | None
    people_qualifier: Qualifier
    version: int


class MilestoneIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: MilestoneKind
    date: dt.date
    date_precision: DatePrecision = DatePrecision.DAY
    phase: str = Field("", max_length=300)
    description: str = Field("", max_length=5000)
    buildings: int | None = None
    worker_buildings: int | None = None
    floor_area_m2: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    floor_area_qualifier: Qualifier = Qualifier.EXACT
    apartments: int | None = None
    apartments_qualifier: Qualifier = Qualifier.EXACT
    people: int | None = None
    people_qualifier: Qualifier = Qualifier.EXACT


@patch_schema(MilestoneIn)
class MilestonePatch(Schema): ...


class QuantitiesOut(Schema):
    buildings: int
    floor_area_m2: Decimal
    apartments: int
    people: int


class ProgressOut(Schema):
    stage: MilestoneKind | None
    stage_label: str
    stage_date: dt.date | None
    stage_date_text: str
    delivered: QuantitiesOut
    under_construction: QuantitiesOut
    remaining_buildings: int | None
    remaining_floor_area_m2: Decimal | None
    remaining_apartments: int | None
    remaining_people: int | None


class ProjectOut(PlanItemIds):
    id: int
    kind: ProjectKind
    name: str
    owner_agency_id: int
    part_of_id: int | None
    district: str
    commune: str
    zone_id: int | None
    investor_enterprise_id: int | None
    investor_name: str
    land_area_ha: Decimal | None
    social_housing_land_ha: Decimal | None
    floor_area_m2: Decimal | None
    floor_area_qualifier: Qualifier
    buildings: int | None
    max_floors: int | None
    apartments: int | None
    apartments_qualifier: Qualifier
    capacity: int | None
    capacity_qualifier: Qualifier
    capacity_group: CapacityGroup
    description: str
    plan_item_ids: list[int]
    milestones: list[MilestoneOut]
    progress: ProgressOut
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_milestones(obj: HousingProject) -> list[Milestone]:
        return list(obj.milestones.all())

    @staticmethod
    def resolve_progress(obj: HousingProject) -> Any:
        return selectors.progress_of(obj)


class ProjectIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: ProjectKind
    name: str = Field(max_length=500)
    owner_agency_id: int | None = None
    part_of_id: int | None = None
    district: str = Field("", max_length=120)
    commune: str = Field("", max_length=300)
    zone_id: int | None = None
    investor_enterprise_id: int | None = None
    investor_name: str = Field("", max_length=300)
    land_area_ha: Decimal | None = Field(None, max_digits=10, decimal_places=2)
    social_housing_land_ha: Decimal | None = Field(None, max_digits=10, decimal_places=2)
    floor_area_m2: Decimal | None = Field(None, max_digits=12, decimal_places=2)
    floor_area_qualifier: Qualifier = Qualifier.EXACT
    buildings: int | None = None
    max_floors: int | None = None
    apartments: int | None = None
    apartments_qualifier: Qualifier = Qualifier.EXACT
    capacity: int | None = None
    capacity_qualifier: Qualifier = Qualifier.EXACT
    capacity_group: CapacityGroup = CapacityGroup.PEOPLE
    description: str = Field("", max_length=20000)
    plan_item_ids: list[int] = []


@patch_schema(ProjectIn, drop=("owner_agency_id",))
class ProjectPatch(Schema): ...


# Ids in a payload, turned into rows the user can read; an id that is not there is a 422 naming the field.
REFS = (
    Ref("part_of_id", "part_of", selectors.projects_visible_to, _("dự án")),
    Ref("zone_id", "zone", zones_visible_to, _("khu trong danh mục")),
    Ref("investor_enterprise_id", "investor_enterprise", enterprises_visible_to, _("doanh nghiệp trong danh mục")),
    PLAN_ITEMS,
)


RecordRoutes(
    path="/projects",
    name="project",
    model=HousingProject,
    out=ProjectOut,
    create_in=ProjectIn,
    patch_in=ProjectPatch,
    filters=filter_schema(ProjectFilter, sort="name", enums=(ProjectKind, MilestoneKind, OwnerScope)),
    rows=lambda user, params: selectors.list_projects(user=user, params=params).prefetch_related("plan_items"),
    get=lambda user, pk: selectors.get_project_detail(user=user, pk=pk),
    writes=services.WRITES,
    resolve=REFS,
    summary="Danh sách dự án nhà ở",
    owners=agencies_visible_to,
).mount(router)


ChildRoutes(
    module=__name__,
    name="milestone",
    under="/projects/{project_id}/milestones",
    at="/milestones/{milestone_id}",
    model=Milestone,
    out=MilestoneOut,
    create_in=MilestoneIn,
    patch_in=MilestonePatch,
    parent=selectors.get_project,
    get=selectors.get_milestone,
    rows=lambda user, project: selectors.milestones_of(user=user, project=project),
    writes=services.MILESTONES,
).mount(router)


@router.get("/milestones", response=list[MilestoneOut], summary="Mốc tiến độ trong một khoảng thời gian")
@paginate(PageNumberPagination, page_size=100)
def list_milestones_in_period(
    request: HttpRequest, start: dt.date, end: dt.date, kind: MilestoneKind | None = None
) -> Any:
    kinds = [kind] if kind else None
    return selectors.milestones_in_period(user=api_user(request), start=start, end=end, kinds=kinds)
