import datetime as dt
from dataclasses import replace
from typing import Any

from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import ConfigDict

from phoihop.activities import selectors, services
from phoihop.activities.choices import ActivityKind, CountUnit, OutputKind, ParticipantGroup
from phoihop.activities.filters import ActivityFilter
from phoihop.activities.models import Activity, ActivityAttachment
from phoihop.activities.views import attachment_response
from phoihop.core.api import ERROR_RESPONSES, RecordRoutes, api_user, filter_schema, patch_schema
from phoihop.core.choices import Qualifier
from phoihop.directory.filters import OwnerScope
from phoihop.directory.models import Agency, Enterprise
from phoihop.directory.schemas import AGENCY, ENTERPRISE, ZONE, AgencyRef, EnterpriseRef, ZoneRef
from phoihop.directory.selectors import agencies_visible_to
from phoihop.planning.api.schemas import PLAN_ITEMS, PlanItemIds

router = Router(tags=["Hoạt động"])


class ParticipantOut(Schema):
    group: ParticipantGroup
    count: int
    unit: CountUnit
    qualifier: Qualifier
    note: str


class OutputOut(Schema):
    kind: OutputKind
    label: str
    quantity: int
    unit: str
    qualifier: Qualifier


class AttachmentOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    uploaded_at: dt.datetime
    download_url: str

    @staticmethod
    def resolve_download_url(obj: ActivityAttachment) -> str:
        return obj.get_absolute_url()


class ActivityOut(PlanItemIds):
    id: int
    kind: ActivityKind
    title: str
    series: str
    start_date: dt.date
    end_date: dt.date | None
    owner_agency: AgencyRef
    partner_agencies: list[AgencyRef]
    place: str
    zone: ZoneRef | None
    enterprises: list[EnterpriseRef]
    plan_item_ids: list[int]
    notes: str
    participants: list[ParticipantOut]
    outputs: list[OutputOut]
    attachments: list[AttachmentOut]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_partner_agencies(obj: Activity) -> list[Agency]:
        return list(obj.partner_agencies.all())

    @staticmethod
    def resolve_enterprises(obj: Activity) -> list[Enterprise]:
        return list(obj.enterprises.all())

    @staticmethod
    def resolve_participants(obj: Activity) -> list[Any]:
        return list(obj.participants.all())

    @staticmethod
    def resolve_outputs(obj: Activity) -> list[Any]:
        return list(obj.outputs.all())

    @staticmethod
    def resolve_attachments(obj: Activity) -> list[ActivityAttachment]:
        return list(obj.attachments.all())


class ParticipantIn(Schema):
    model_config = ConfigDict(extra="forbid")

    group: ParticipantGroup
    count: int
    unit: CountUnit
    qualifier: Qualifier = Qualifier.EXACT
    note: str = Field("", max_length=300)


class OutputIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: OutputKind
    label: str = Field("", max_length=300)
    quantity: int
    unit: str = Field("", max_length=50)
    qualifier: Qualifier = Qualifier.EXACT


class ActivityIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: ActivityKind
    title: str = Field(max_length=500)
    series: str = Field("", max_length=255)
    start_date: dt.date
    end_date: dt.date | None = None
    place: str = Field("", max_length=300)
    zone_id: int | None = None
    partner_agency_ids: list[int] = []
    enterprise_ids: list[int] = []
    plan_item_ids: list[int] = []
    notes: str = ""
    participants: list[ParticipantIn] = []
    outputs: list[OutputIn] = []
    owner_agency_id: int | None = None


@patch_schema(ActivityIn, drop=("owner_agency_id",))
class ActivityPatch(Schema): ...


# Ids in a payload, turned into directory and plan rows; an id that is not there is a 422 naming the field.
REFS = (
    ZONE,
    replace(
        AGENCY,
        key="partner_agency_ids",
        field="partner_agencies",
        message=_("Không có đơn vị số %(ids)s trong danh mục."),
        many=True,
    ),
    replace(ENTERPRISE, key="enterprise_ids", field="enterprises", many=True),
    replace(PLAN_ITEMS, code="unknown_plan_item"),
)


RecordRoutes(
    path="/activities",
    name="activity",
    model=Activity,
    out=ActivityOut,
    create_in=ActivityIn,
    patch_in=ActivityPatch,
    filters=filter_schema(ActivityFilter, sort="-date", enums=(ActivityKind, OwnerScope)),
    rows=lambda user, params: selectors.with_links(selectors.list_activities(user=user, params=params)),
    get=lambda user, pk: selectors.get_activity(user=user, pk=pk),
    create=lambda user, data: services.create_activity(
        actor=user,
        participants=data.pop("participants"),
        outputs=data.pop("outputs"),
        owner_agency=data.pop("owner_agency", None),
        data=data,
    ),
    update=lambda user, row, data, version: services.update_activity(
        actor=user,
        activity=row,
        participants=data.pop("participants", None),
        outputs=data.pop("outputs", None),
        data=data,
        expected_version=version,
    ),
    delete=lambda user, row, version: services.delete_activity(actor=user, activity=row, expected_version=version),
    resolve=REFS,
    summary="Danh sách hoạt động (tìm không phân biệt dấu)",
    owners=agencies_visible_to,
).mount(router)


@router.post("/activities/{activity_id}/attachments", response={201: AttachmentOut, **ERROR_RESPONSES})
def upload_attachment(request: HttpRequest, activity_id: int, file: File[UploadedFile]) -> Status[ActivityAttachment]:
    user = api_user(request)
    attachment = services.add_attachment(
        actor=user, activity=selectors.get_activity(user=user, pk=activity_id), upload=file
    )
    return Status(201, attachment)


@router.get("/activities/{activity_id}/attachments/{attachment_id}", response={200: None, **ERROR_RESPONSES})
def download_attachment(request: HttpRequest, activity_id: int, attachment_id: int) -> FileResponse:
    """The file itself, always as a download."""
    attachment = selectors.get_attachment(user=api_user(request), activity_pk=activity_id, pk=attachment_id)
    return attachment_response(attachment)


@router.delete("/activities/{activity_id}/attachments/{attachment_id}", response={204: None, **ERROR_RESPONSES})
def delete_attachment(request: HttpRequest, activity_id: int, attachment_id: int) -> Status[None]:
    user = api_user(request)
    attachment = selectors.get_attachment(user=user, activity_pk=activity_id, pk=attachment_id)
    services.remove_attachment(actor=user, attachment=attachment)
    return Status(204, None)
