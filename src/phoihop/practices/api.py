import datetime as dt

from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from phoihop.core.api import ChildRoutes, RecordRoutes, Ref, filter_schema, patch_schema
from phoihop.core.params import Year
from phoihop.directory.filters import OwnerScope
from phoihop.directory.schemas import ENTERPRISES
from phoihop.directory.selectors import agencies_visible_to
from phoihop.planning.api.schemas import PLAN_ITEMS, PlanItemIds
from phoihop.practices import selectors, services
from phoihop.practices.choices import AwardLevel, PracticeField, PracticeStatus
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.models import Award, GoodPractice

router = Router(tags=["Mô hình “Dân vận khéo”"])


class AwardOut(Schema):
    id: int
    practice_id: int
    level: AwardLevel
    awarding_agency_id: int | None
    awarding_body_name: str
    awarding_body: str
    decision_number: str
    decision_date: dt.date
    note: str
    version: int


class AwardIn(Schema):
    model_config = ConfigDict(extra="forbid")

    level: AwardLevel
    awarding_agency_id: int | None = None
    awarding_body_name: str = Field("", max_length=255)
    decision_number: str = Field("", max_length=100)
    decision_date: dt.date
    note: str = Field("", max_length=5000)


@patch_schema(AwardIn)
class AwardPatch(Schema): ...


class PracticeOut(PlanItemIds):
    id: int
    title: str
    owner_agency_id: int
    year: int
    field: PracticeField
    description: str
    results: str
    status: PracticeStatus
    enterprise_ids: list[int]
    plan_item_ids: list[int]
    awards: list[AwardOut]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_enterprise_ids(obj: GoodPractice) -> list[int]:
        return [enterprise.pk for enterprise in obj.enterprises.all()]

    @staticmethod
    def resolve_awards(obj: GoodPractice) -> list[Award]:
        return list(obj.awards.all())


class PracticeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=500)
    owner_agency_id: int | None = None
    year: int
    field: PracticeField
    description: str = Field("", max_length=20000)
    results: str = Field("", max_length=20000)
    status: PracticeStatus = PracticeStatus.IMPLEMENTING
    enterprise_ids: list[int] = []
    plan_item_ids: list[int] = []


@patch_schema(PracticeIn, drop=("owner_agency_id",))
class PracticePatch(Schema):
    year: Year | None = None


AWARD_REFS = (Ref("awarding_agency_id", "awarding_agency", agencies_visible_to, _("cơ quan")),)


RecordRoutes(
    path="/practices",
    name="practice",
    model=GoodPractice,
    out=PracticeOut,
    create_in=PracticeIn,
    patch_in=PracticePatch,
    filters=filter_schema(PracticeFilter, sort="-year", enums=(PracticeField, PracticeStatus, AwardLevel, OwnerScope)),
    rows=lambda user, params: selectors.list_practices(user=user, params=params).prefetch_related(
        "enterprises", "plan_items"
    ),
    get=lambda user, pk: selectors.get_practice_detail(user=user, pk=pk),
    writes=services.WRITES,
    resolve=(ENTERPRISES, PLAN_ITEMS),
    summary="Danh sách mô hình “Dân vận khéo”",
    owners=agencies_visible_to,
).mount(router)


ChildRoutes(
    module=__name__,
    name="award",
    under="/practices/{practice_id}/awards",
    at="/awards/{award_id}",
    model=Award,
    out=AwardOut,
    create_in=AwardIn,
    patch_in=AwardPatch,
    parent=selectors.get_practice,
    get=selectors.get_award,
    rows=lambda user, practice: selectors.awards_of(user=user, practice=practice),
    writes=services.AWARDS,
    refs=AWARD_REFS,
).mount(router)
