"""The cases API: the same selectors and services as the pages. Personal fields come out clear only to a case
handler of the handling body; everyone else gets "••••••" (and `personal_data_visible: false`). Searches by phone
number and data-subject exports are POSTs, so personal data never sits in a URL."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from phoihop.cases import permissions, selectors, services
from phoihop.cases.choices import CaseStatus, Channel, ConsentMethod, PetitionStatus, RequesterKind
from phoihop.cases.models import Case, Petition, Topic
from phoihop.core.api import ERROR_RESPONSES, api_user, patch_data, patch_schema
from phoihop.core.errors import field_error
from phoihop.core.params import Year
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.planning.models import Document

router = Router(tags=["Vụ việc, kiến nghị"])


class TopicOut(Schema):
    id: int
    name: str
    path: str
    parent_id: int | None
    report_phrase: str
    is_active: bool


class PersonOut(Schema):
    personal_data_visible: bool
    full_name: str
    phone: str
    employer: str
    account: str


class CaseOut(Schema):
    id: int
    channel: Channel
    requester_kind: RequesterKind
    topic_id: int
    topic: str
    enterprise_id: int | None
    zone_id: int | None
    handling_agency_id: int
    handler_id: int | None
    status: CaseStatus
    received_at: dt.datetime
    due_at: dt.datetime | None
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    is_overdue: bool
    answer: str
    referred_to: str
    anonymised: bool
    version: int
    person: PersonOut


class PersonIn(Schema):
    model_config = ConfigDict(extra="forbid")

    full_name: str = Field("", max_length=150)
    phone: str = Field("", max_length=30)
    employer: str = Field("", max_length=255)
    account: str = Field("", max_length=8000)


@patch_schema(PersonIn, version=False)
class PersonPatch(Schema): ...


class CaseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    channel: Channel
    requester_kind: RequesterKind
    topic_id: int
    handling_agency_id: int
    enterprise_id: int | None = None
    zone_id: int | None = None
    handler_id: int | None = None
    received_at: dt.datetime | None = None
    answer: str = Field("", max_length=8000)
    person: PersonIn | None = None
    consent_given: bool = False
    consent_method: ConsentMethod | None = None


@patch_schema(CaseIn, drop=("handling_agency_id", "consent_given", "consent_method"))
class CasePatch(Schema):
    person: PersonPatch | None = None


class TransitionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    to_status: CaseStatus
    note: str = Field("", max_length=2000)
    answer: str | None = Field(None, max_length=8000)
    referred_to: str | None = Field(None, max_length=255)


class PhoneSearchIn(Schema):
    model_config = ConfigDict(extra="forbid")

    phone: str = Field(max_length=30)


class CaseFilters(Schema):
    status: CaseStatus | None = None
    channel: Channel | None = None
    requester_kind: RequesterKind | None = None
    topic: int | None = None
    handling_agency: int | None = None
    overdue: bool | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    sort: str = "-received"


class EventOut(Schema):
    occurred_at: dt.datetime
    kind: str
    from_status: str
    to_status: str
    actor_name: str
    note: str


class HistoryOut(Schema):
    occurred_at: dt.datetime
    actor_name: str
    action: str
    object_type: str
    changes: dict[str, list[str]]
    note: str


class CountRowOut(Schema):
    key: str
    label: str
    count: int


class TopicCountOut(Schema):
    topic_id: int
    name: str
    path: str
    phrase: str
    count: int
    first_received_at: dt.datetime


class AggregatesOut(Schema):
    start: dt.date
    end: dt.date
    requester_kind: str | None
    agency_id: int | None
    total: int
    total_text: str
    topics_sentence: str
    by_topic: list[TopicCountOut]
    by_channel: list[CountRowOut]
    by_status: list[CountRowOut]
    by_agency: list[CountRowOut]
    case_ids: list[int]


class AggregateFilters(Schema):
    start: dt.date
    end: dt.date
    requester_kind: RequesterKind | None = None
    agency: int | None = None
    channel: Channel | None = None


class PetitionOut(Schema):
    id: int
    title: str
    content: str
    raised_by: str
    conference: str
    raised_on: dt.date
    topic_id: int | None
    enterprise_id: int | None
    zone_id: int | None
    owner_agency_id: int
    responsible_agency_id: int
    conclusion_document_id: int | None = None
    conclusion_document: str | None = None
    answer: str
    status: PetitionStatus
    resolved_on: dt.date | None
    version: int


class PetitionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=300)
    content: str = Field("", max_length=8000)
    raised_by: str = Field(max_length=255)
    conference: str = Field(max_length=300)
    raised_on: dt.date
    topic_id: int | None = None
    enterprise_id: int | None = None
    zone_id: int | None = None
    responsible_agency_id: int
    conclusion_document_id: int | None = None
    answer: str = Field("", max_length=8000)
    owner_agency_id: int | None = None


@patch_schema(PetitionIn, drop=("owner_agency_id",))
class PetitionPatch(Schema): ...


class FollowUpIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    occurred_on: dt.date
    status: PetitionStatus
    note: str = Field(max_length=4000)


class FollowUpOut(Schema):
    occurred_on: dt.date
    status: PetitionStatus
    note: str


# --- helpers ------------------------------------------------------------------------------------------------


@sensitive_variables()
def _case_out(case: Case, person: selectors.PersonView) -> dict[str, Any]:
    return {
        "id": case.pk,
        "channel": case.channel,
        "requester_kind": case.requester_kind,
        "topic_id": case.topic_id,
        "topic": case.topic.path,
        "enterprise_id": case.enterprise_id,
        "zone_id": case.zone_id,
        "handling_agency_id": case.handling_agency_id,
        "handler_id": case.handler_id,
        "status": case.status,
        "received_at": case.received_at,
        "due_at": case.due_at,
        "answered_at": case.answered_at,
        "closed_at": case.closed_at,
        "is_overdue": case.is_overdue,
        "answer": case.answer,
        "referred_to": case.referred_to,
        "anonymised": case.anonymised_at is not None,
        "version": case.version,
        "person": {
            "personal_data_visible": person.visible,
            "full_name": person.full_name,
            "phone": person.phone,
            "employer": person.employer,
            "account": person.account,
        },
    }


def _one(user: Any, case: Case) -> dict[str, Any]:
    return _case_out(case, selectors.personal_data_for(user=user, cases=[case])[case.pk])


def _lookup(model: type[Any], pk: int | None, field: str, message: str, queryset: Any = None) -> Any:
    """An id in the payload becomes an object, or a 422 naming the field (never a 500)."""
    if pk is None:
        return None
    obj = (queryset if queryset is not None else model.objects).filter(pk=pk).first()
    if obj is None:
        raise field_error(field, message % {"id": pk}, f"unknown_{field}")
    return obj


def _case_refs(user: Any, data: dict[str, Any]) -> dict[str, Any]:
    resolved = dict(data)
    if "topic_id" in resolved:
        resolved["topic"] = _lookup(
            Topic, resolved.pop("topic_id"), "topic", _("Không có chủ đề số %(id)s trong danh mục chủ đề.")
        )
        if resolved["topic"] is None:
            raise field_error("topic", _("Hãy chọn chủ đề của vụ việc."), "required")
    if "handling_agency_id" in resolved:
        resolved["handling_agency"] = _lookup(
            Agency, resolved.pop("handling_agency_id"), "handling_agency", _("Không có đơn vị số %(id)s.")
        )
    if "enterprise_id" in resolved:
        resolved["enterprise"] = _lookup(
            Enterprise, resolved.pop("enterprise_id"), "enterprise", _("Không có doanh nghiệp số %(id)s.")
        )
    if "zone_id" in resolved:
        resolved["zone"] = _lookup(Zone, resolved.pop("zone_id"), "zone", _("Không có khu số %(id)s."))
    if "handler_id" in resolved:
        from phoihop.accounts.models import User

        resolved["handler"] = _lookup(User, resolved.pop("handler_id"), "handler", _("Không có cán bộ số %(id)s."))
    return resolved


def _petition_refs(data: dict[str, Any]) -> dict[str, Any]:
    resolved = dict(data)
    refs: list[tuple[str, type[Any], str]] = [
        ("topic", Topic, _("Không có chủ đề số %(id)s trong danh mục chủ đề.")),
        ("enterprise", Enterprise, _("Không có doanh nghiệp số %(id)s.")),
        ("zone", Zone, _("Không có khu số %(id)s.")),
        ("responsible_agency", Agency, _("Không có đơn vị số %(id)s.")),
    ]
    refs.append(("conclusion_document", Document, _("Không có văn bản số %(id)s trong sổ văn bản.")))
    for name, model, message in refs:
        key = f"{name}_id"
        if key in resolved:
            resolved[name] = _lookup(model, resolved.pop(key), name, message)
    return resolved


def _petition_out(petition: Petition) -> dict[str, Any]:
    document = petition.conclusion_document
    return {
        **{
            name: getattr(petition, name)
            for name in (
                "title",
                "content",
                "raised_by",
                "conference",
                "raised_on",
                "topic_id",
                "enterprise_id",
                "zone_id",
                "owner_agency_id",
                "responsible_agency_id",
                "answer",
                "status",
                "resolved_on",
                "version",
            )
        },
        "id": petition.pk,
        "conclusion_document_id": petition.conclusion_document_id,
        "conclusion_document": str(document) if document is not None else None,
    }


# --- topics -------------------------------------------------------------------------------------------------


@router.get("/topics", response=list[TopicOut], summary="Danh mục chủ đề (theo cây)")
def list_topics(request: HttpRequest) -> Any:
    return [
        {
            "id": t.pk,
            "name": t.name,
            "path": t.path,
            "parent_id": t.parent_id,
            "report_phrase": t.phrase,
            "is_active": t.is_active,
        }
        for t in selectors.list_topics(user=api_user(request))
    ]


# --- cases --------------------------------------------------------------------------------------------------


@router.get("/cases", response=list[CaseOut], summary="Danh sách vụ việc (dữ liệu cá nhân bị che nếu không có quyền)")
@paginate(PageNumberPagination, page_size=50)
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    user = api_user(request)
    params = {k: v for k, v in filters.dict().items() if v is not None}
    return _LazyCases(user, selectors.list_cases(user=user, params=params))


class _LazyCases:
    """Paginated first, then personal data attached for the page only (one query per page)."""

    def __init__(self, user: Any, queryset: Any) -> None:
        self.user = user
        self.queryset = queryset

    def __len__(self) -> int:
        return int(self.queryset.count())

    def count(self) -> int:
        return len(self)

    def __getitem__(self, item: slice) -> list[dict[str, Any]]:
        cases = list(self.queryset[item])
        people = selectors.personal_data_for(user=self.user, cases=cases)
        return [_case_out(case, people[case.pk]) for case in cases]


@router.post("/cases/search-by-phone", response={200: list[CaseOut], **ERROR_RESPONSES})
@sensitive_variables()
def search_by_phone(request: HttpRequest, payload: PhoneSearchIn) -> Any:
    """Case handlers only; the phone number travels in the body, never in the URL."""
    user = api_user(request)
    if not permissions.is_case_handler(user):
        raise PermissionDenied
    cases = list(selectors.find_cases_by_phone(user=user, phone=payload.phone)[:100])
    people = selectors.personal_data_for(user=user, cases=cases)
    return [_case_out(case, people[case.pk]) for case in cases]


@router.get("/cases/{case_id}", response={200: CaseOut, **ERROR_RESPONSES})
@sensitive_variables()
def get_case(request: HttpRequest, case_id: int) -> Any:
    user = api_user(request)
    return _one(user, selectors.get_case(user=user, pk=case_id))


@router.post("/cases", response={201: CaseOut, **ERROR_RESPONSES})
@sensitive_variables()
def create_case(request: HttpRequest, payload: CaseIn) -> Any:
    user = api_user(request)
    data = payload.dict()
    person = data.pop("person") or {}
    consent_given = data.pop("consent_given")
    consent_method = data.pop("consent_method")
    case = services.create_case(
        actor=user,
        data=_case_refs(user, data),
        person=person,
        consent_given=consent_given,
        consent_method=consent_method,
    )
    return Status(201, _one(user, selectors.get_case(user=user, pk=case.pk)))


@router.patch("/cases/{case_id}", response={200: CaseOut, **ERROR_RESPONSES})
@sensitive_variables()
def update_case(request: HttpRequest, case_id: int, payload: CasePatch) -> Any:
    user = api_user(request)
    case = selectors.get_case(user=user, pk=case_id)
    data = patch_data(payload, Case)
    version = data.pop("version")
    person = data.pop("person", None)
    services.update_case(actor=user, case=case, data=_case_refs(user, data), person=person, expected_version=version)
    return _one(user, selectors.get_case(user=user, pk=case_id))


@router.post("/cases/{case_id}/transition", response={200: CaseOut, **ERROR_RESPONSES})
def transition_case(request: HttpRequest, case_id: int, payload: TransitionIn) -> Any:
    user = api_user(request)
    case = selectors.get_case(user=user, pk=case_id)
    services.transition_case(
        actor=user,
        case=case,
        to_status=payload.to_status,
        expected_version=payload.version,
        note=payload.note,
        answer=payload.answer,
        referred_to=payload.referred_to,
    )
    return _one(user, selectors.get_case(user=user, pk=case_id))


@router.get("/cases/{case_id}/events", response={200: list[EventOut], **ERROR_RESPONSES})
def case_events(request: HttpRequest, case_id: int) -> Any:
    case = selectors.get_case(user=api_user(request), pk=case_id)
    return list(selectors.case_timeline(case))


@router.get("/cases/{case_id}/history", response={200: list[HistoryOut], **ERROR_RESPONSES})
def case_history(request: HttpRequest, case_id: int) -> Any:
    """The audit trail of the case; personal values were masked when it was written."""
    case = selectors.get_case(user=api_user(request), pk=case_id)
    return list(selectors.case_history(case)[:200])


@router.post("/cases/{case_id}/subject-export", response={200: dict[str, Any], **ERROR_RESPONSES})
@sensitive_variables()
def subject_export(request: HttpRequest, case_id: int) -> Any:
    """The requester's data (right of access); case handlers of the handling body only, audited."""
    user = api_user(request)
    case = selectors.get_case(user=user, pk=case_id)
    return services.export_subject_data(actor=user, case=case)


@router.get("/aggregates", response={200: AggregatesOut, **ERROR_RESPONSES}, summary="Số liệu tổng hợp vụ việc")
def aggregates(request: HttpRequest, filters: Query[AggregateFilters]) -> Any:
    user = api_user(request)
    if filters.start > filters.end:
        raise field_error("end", _("Ngày cuối phải sau ngày đầu."), "invalid_period")
    agency = _lookup(Agency, filters.agency, "agency", _("Không có đơn vị số %(id)s."))
    result = selectors.case_aggregates(
        user=user,
        start=filters.start,
        end=filters.end,
        requester_kind=filters.requester_kind,
        agency=agency,
        channels=[filters.channel] if filters.channel else (),
    )
    return {
        **{name: getattr(result, name) for name in ("start", "end", "requester_kind", "agency_id", "total")},
        "total_text": result.total_text,
        "topics_sentence": result.topics_sentence,
        "by_topic": list(result.by_topic),
        "by_channel": list(result.by_channel),
        "by_status": list(result.by_status),
        "by_agency": list(result.by_agency),
        "case_ids": list(result.case_ids),
    }


# --- petitions ----------------------------------------------------------------------------------------------


@router.get("/petitions", response=list[PetitionOut], summary="Kiến nghị tại hội nghị đối thoại")
@paginate(PageNumberPagination, page_size=50)
def list_petitions(request: HttpRequest, status: PetitionStatus | None = None, year: Year | None = None) -> Any:
    params = {k: v for k, v in {"status": status, "year": year}.items() if v is not None}
    return [_petition_out(p) for p in selectors.list_petitions(user=api_user(request), params=params)]


@router.get("/petitions/{petition_id}", response={200: PetitionOut, **ERROR_RESPONSES})
def get_petition(request: HttpRequest, petition_id: int) -> Any:
    return _petition_out(selectors.get_petition(user=api_user(request), pk=petition_id))


@router.post("/petitions", response={201: PetitionOut, **ERROR_RESPONSES})
def create_petition(request: HttpRequest, payload: PetitionIn) -> Any:
    user = api_user(request)
    data = payload.dict()
    owner = _lookup(Agency, data.pop("owner_agency_id"), "owner_agency", _("Không có đơn vị số %(id)s."))
    petition = services.create_petition(actor=user, data=_petition_refs(data), owner_agency=owner)
    return Status(201, _petition_out(selectors.get_petition(user=user, pk=petition.pk)))


@router.patch("/petitions/{petition_id}", response={200: PetitionOut, **ERROR_RESPONSES})
def update_petition(request: HttpRequest, petition_id: int, payload: PetitionPatch) -> Any:
    user = api_user(request)
    petition = selectors.get_petition(user=user, pk=petition_id)
    data = patch_data(payload, Petition)
    version = data.pop("version")
    services.update_petition(actor=user, petition=petition, data=_petition_refs(data), expected_version=version)
    return _petition_out(selectors.get_petition(user=user, pk=petition_id))


@router.post("/petitions/{petition_id}/follow-ups", response={201: FollowUpOut, **ERROR_RESPONSES})
def add_follow_up(request: HttpRequest, petition_id: int, payload: FollowUpIn) -> Any:
    user = api_user(request)
    petition = selectors.get_petition(user=user, pk=petition_id)
    follow_up = services.add_follow_up(
        actor=user,
        petition=petition,
        occurred_on=payload.occurred_on,
        status=payload.status,
        note=payload.note,
        expected_version=payload.version,
    )
    return Status(201, follow_up)
