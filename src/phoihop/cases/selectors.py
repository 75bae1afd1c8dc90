"""Reads of cases and petitions. Every selector takes the user and returns only what that user may see; personal
data leaves the database only through `personal_data_for`, which checks the handler grant case by case."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, F, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from phoihop.cases import permissions
from phoihop.cases.choices import CaseStatus, Channel, PetitionStatus, RequesterKind
from phoihop.cases.filters import CaseFilter, PetitionFilter, local_day_start
from phoihop.cases.models import (
    Case,
    CaseEvent,
    CaseHandlerGrant,
    CasePerson,
    ChannelPolicy,
    Consent,
    DataExport,
    DataRequest,
    Holiday,
    Petition,
    PetitionFollowUp,
    Topic,
)
from phoihop.cases.validators import PHONE_INDEX_PURPOSE, normalize_phone, normalize_tracking_code
from phoihop.cases.worktime import WorkingCalendar, make_calendar
from phoihop.core.audit import MASK, object_type_of
from phoihop.core.crypto import blind_index
from phoihop.core.models import AuditEvent
from phoihop.core.vnformat import format_count
from phoihop.directory.models import Agency

if TYPE_CHECKING:
    from phoihop.accounts.models import User


CASE_SORTS = {
    "received": "received_at",
    "-received": "-received_at",
    "due": "due_at",
    "-due": "-due_at",
    "status": "status",
    "-status": "-status",
    "topic": "topic__name",
    "-topic": "-topic__name",
}
PETITION_SORTS = {"raised": "raised_on", "-raised": "-raised_on", "status": "status", "-status": "-status"}


# --- Personal data ------------------------------------------------------------------------------------------


def format_phone(phone: str) -> str:
    """ "0900000001" -> "0900 000 001" (4-3-3; an 11-digit landline 4-3-4)."""
    if len(phone) == 10:
        return f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    if len(phone) == 11:
        return f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    return phone


@dataclass(frozen=True, repr=False)
class PersonView:
    """What a user is shown of a requester: the clear values for a handler of the handling body, the mask for
    everyone else (whether or not a value exists, so not even that leaks). Its repr shows no value: a repr can end
    up in a log line or an error report."""

    visible: bool
    full_name: str
    phone: str
    employer: str
    account: str

    def __repr__(self) -> str:
        return f"PersonView(visible={self.visible})"

    @classmethod
    def masked(cls) -> PersonView:
        return cls(visible=False, full_name=MASK, phone=MASK, employer=MASK, account=MASK)

    @classmethod
    def of(cls, person: CasePerson | None) -> PersonView:
        if person is None:
            return cls(visible=True, full_name="", phone="", employer="", account="")
        return cls(
            visible=True,
            full_name=person.full_name,
            phone=format_phone(person.phone),
            employer=person.employer,
            account=person.account,
        )


@sensitive_variables()
def personal_data_for(*, user: User, cases: Iterable[Case]) -> dict[int, PersonView]:
    """PersonView per case id. One query for all the cases the user handles; none for the others."""
    case_list = list(cases)
    visible_ids = [case.pk for case in case_list if permissions.can_see_personal_data(user, case)]
    persons = {p.case_id: p for p in CasePerson.objects.filter(case_id__in=visible_ids)} if visible_ids else {}
    return {
        case.pk: PersonView.of(persons.get(case.pk)) if case.pk in visible_ids else PersonView.masked()
        for case in case_list
    }


@sensitive_variables()
def person_of(*, user: User, case: Case) -> CasePerson | None:
    """The stored personal record, for a handler of the handling body only (edit forms, exports)."""
    if not permissions.can_see_personal_data(user, case):
        return None
    return CasePerson.objects.filter(case=case).first()


# --- Cases --------------------------------------------------------------------------------------------------


def cases_visible_to(user: User) -> QuerySet[Case]:
    if not permissions.can_view_cases(user):
        return Case.objects.none()
    queryset = Case.objects.select_related("topic", "topic__parent", "handling_agency", "handler", "enterprise", "zone")
    if user.reads_all_agencies:
        return queryset
    return queryset.filter(handling_agency_id__in=permissions.scope_ids(user))


def list_cases(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Case]:
    params = params or {}
    queryset = CaseFilter(params, queryset=cases_visible_to(user), user=user).qs
    sort = CASE_SORTS.get(str(params.get("sort") or "-received"), "-received_at")
    return queryset.order_by(sort, "-pk")


def get_case(*, user: User, pk: int) -> Case:
    return get_object_or_404(cases_visible_to(user), pk=pk)


@sensitive_variables()
def find_cases_by_phone(*, user: User, phone: str) -> QuerySet[Case]:
    """Cases of the bodies the user handles whose requester has this phone number (a keyed-hash lookup: the
    number itself is never compared, stored in clear or logged)."""
    normalized = normalize_phone(phone)
    handled = permissions.handler_agency_ids(user)
    if not normalized or not handled:
        return Case.objects.none()
    index = blind_index(normalized, purpose=PHONE_INDEX_PURPOSE)
    return (
        cases_visible_to(user)
        .filter(handling_agency_id__in=handled, person__phone_index=index)
        .order_by("-received_at", "-pk")
    )


def case_timeline(case: Case) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(case=case).select_related("actor")


def consent_of(case: Case) -> Consent | None:
    return Consent.objects.filter(case=case).select_related("recorded_by").first()


def case_history(case: Case) -> QuerySet[AuditEvent]:
    """Audit events of the case and of the records that hang off it (requester, consent, exports, requests)."""
    related: list[tuple[str, list[str]]] = [
        (object_type_of(Case), [str(case.pk)]),
        (
            object_type_of(CasePerson),
            [str(pk) for pk in CasePerson.objects.filter(case=case).values_list("pk", flat=True)],
        ),
        (object_type_of(Consent), [str(pk) for pk in Consent.objects.filter(case=case).values_list("pk", flat=True)]),
        (object_type_of(DataExport), [str(pk) for pk in case.exports.values_list("pk", flat=True)]),
        (object_type_of(DataRequest), [str(pk) for pk in case.data_requests.values_list("pk", flat=True)]),
    ]
    condition = Q(pk__in=[])
    for object_type, ids in related:
        if ids:
            condition |= Q(object_type=object_type, object_id__in=ids)
    return AuditEvent.objects.filter(condition).select_related("actor", "agency")


def data_requests_of(case: Case) -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(case=case).select_related("recorded_by", "handled_by")


def get_data_request(*, user: User, pk: int) -> DataRequest:
    """A request is reachable by whoever may serve the data subject of its case."""
    handled = permissions.handler_agency_ids(user)
    queryset = DataRequest.objects.select_related("case", "case__handling_agency").filter(
        case__handling_agency_id__in=handled
    )
    return get_object_or_404(queryset, pk=pk)


def open_data_requests(*, user: User) -> QuerySet[DataRequest]:
    handled = permissions.handler_agency_ids(user)
    return (
        DataRequest.objects.filter(case__handling_agency_id__in=handled, status="open")
        .select_related("case")
        .order_by("due_on", "pk")
    )


@sensitive_variables()
def subject_data(*, user: User, case: Case) -> dict[str, Any]:
    """Everything held about the requester of `case`, for their access request: this case and every other case
    with the same phone number among the bodies the user handles. Handlers only (the caller checks)."""
    person = person_of(user=user, case=case)
    cases = [case]
    if person is not None and person.phone_index:
        others = (
            cases_visible_to(user)
            .filter(
                handling_agency_id__in=permissions.handler_agency_ids(user),
                person__phone_index=person.phone_index,
            )
            .exclude(pk=case.pk)
            .order_by("received_at")
        )
        cases.extend(others)
    persons = {p.case_id: p for p in CasePerson.objects.filter(case__in=cases)}
    consents = {c.case_id: c for c in Consent.objects.filter(case__in=cases)}
    entries = []
    for item in cases:
        stored = persons.get(item.pk)
        consent = consents.get(item.pk)
        entries.append(
            {
                "vu_viec_so": item.pk,
                "kenh_tiep_nhan": item.get_channel_display(),
                "chu_de": item.topic.path,
                "don_vi_xu_ly": item.handling_agency.name,
                "trang_thai": item.get_status_display(),
                "tiep_nhan_luc": timezone.localtime(item.received_at).isoformat(),
                "tra_loi_luc": timezone.localtime(item.answered_at).isoformat() if item.answered_at else None,
                "noi_dung_tra_loi": item.answer,
                "ho_ten": stored.full_name if stored else "",
                "so_dien_thoai": stored.phone if stored else "",
                "noi_lam_viec": stored.employer if stored else "",
                "noi_dung_trinh_bay": stored.account if stored else "",
                "dong_y": (
                    {
                        "luc": timezone.localtime(consent.given_at).isoformat(),
                        "hinh_thuc": consent.get_method_display(),
                        "phien_ban_muc_dich": consent.purpose_version,
                        "rut_lai_luc": timezone.localtime(consent.withdrawn_at).isoformat()
                        if consent.withdrawn_at
                        else None,
                    }
                    if consent
                    else None
                ),
            }
        )
    return {
        "tieu_de": "Dữ liệu cá nhân được lưu giữ về người hỏi",
        "xuat_luc": timezone.localtime().isoformat(),
        "vu_viec": entries,
    }


# --- Public intake ------------------------------------------------------------------------------------------


def tracking_hash(code: str) -> str:
    """Tracking codes are long random strings, so a plain SHA-256 of the normalised code is enough (as for API
    tokens); the code itself is never stored."""
    return hashlib.sha256(normalize_tracking_code(code).encode()).hexdigest()


@dataclass(frozen=True)
class PublicAnswer:
    """What the public lookup shows: the facts of the asker's own case, no personal data."""

    topic: str
    received_at: dt.datetime
    status: str
    status_label: str
    answer: str
    answered_at: dt.datetime | None
    referred_to: str


def public_answer(*, code: str) -> PublicAnswer | None:
    if not normalize_tracking_code(code):
        return None
    case = Case.objects.select_related("topic", "topic__parent").filter(tracking_hash=tracking_hash(code)).first()
    if case is None:
        return None
    return PublicAnswer(
        topic=case.topic.path,
        received_at=case.received_at,
        status=case.status,
        status_label=case.get_status_display(),
        answer=case.answer if case.status in (CaseStatus.ANSWERED, CaseStatus.CLOSED) else "",
        answered_at=case.answered_at,
        referred_to=case.referred_to if case.status == CaseStatus.REFERRED else "",
    )


def intake_agencies() -> QuerySet[Agency]:
    """Bodies a worker can address a question to: those with at least one active case handler."""
    agency_ids = CaseHandlerGrant.objects.filter(revoked_at__isnull=True, user__is_active=True).values("agency_id")
    return Agency.objects.filter(pk__in=agency_ids, is_active=True).order_by("name")


# --- Reference data -----------------------------------------------------------------------------------------


def active_topics() -> QuerySet[Topic]:
    return Topic.objects.filter(is_active=True).select_related("parent", "parent__parent")


def topic_parent_choices(*, topic: Topic) -> QuerySet[Topic]:
    """The topics another topic may sit under: all of them but itself."""
    queryset = Topic.objects.select_related("parent").order_by("position", "name")
    if topic.pk:
        queryset = queryset.exclude(pk=topic.pk)
    return queryset


def topic_options() -> list[Topic]:
    """Active topics in tree order (each parent followed by its children), for choice lists."""
    topics = list(Topic.objects.select_related("parent", "parent__parent").order_by("position", "name"))
    children: dict[int | None, list[Topic]] = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)
    ordered: list[Topic] = []

    def walk(parent_id: int | None) -> None:
        for topic in children.get(parent_id, []):
            if topic.is_active:
                ordered.append(topic)
                walk(topic.pk)

    walk(None)
    return ordered


def list_topics(*, user: User) -> list[Topic]:
    """The whole tree in order, inactive topics included (for the reference page)."""
    if not permissions.can_view_cases(user):
        return []
    topics = list(Topic.objects.select_related("parent", "parent__parent").order_by("position", "name"))
    children: dict[int | None, list[Topic]] = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)
    ordered: list[Topic] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for topic in children.get(parent_id, []):
            topic.depth = depth  # type: ignore[attr-defined]
            ordered.append(topic)
            walk(topic.pk, depth + 1)

    walk(None, 0)
    return ordered


def get_topic(*, user: User, pk: int) -> Topic:
    if not permissions.can_view_cases(user):
        raise Http404
    return get_object_or_404(Topic.objects.select_related("parent"), pk=pk)


def channel_policies() -> QuerySet[ChannelPolicy]:
    return ChannelPolicy.objects.order_by("channel")


def response_hours_for(channel: str) -> int | None:
    return ChannelPolicy.objects.filter(channel=channel).values_list("response_hours", flat=True).first()


def holidays() -> QuerySet[Holiday]:
    return Holiday.objects.order_by("date")


def working_calendar() -> WorkingCalendar:
    """The configured working week and periods, with the holidays on record (one query)."""
    return make_calendar(
        periods=settings.WORKING_PERIODS,
        weekdays=settings.WORKING_DAYS,
        holidays=Holiday.objects.values_list("date", flat=True),
        time_zone=settings.TIME_ZONE,
    )


# --- Handler grants -----------------------------------------------------------------------------------------


def grants_visible_to(user: User) -> QuerySet[CaseHandlerGrant]:
    queryset = CaseHandlerGrant.objects.select_related("user", "agency", "granted_by", "revoked_by")
    if not permissions.can_view_cases(user):
        return queryset.none()
    if user.is_admin:
        return queryset
    return queryset.filter(agency_id__in=permissions.scope_ids(user))


def list_grants(*, user: User, include_revoked: bool = False) -> QuerySet[CaseHandlerGrant]:
    queryset = grants_visible_to(user)
    if not include_revoked:
        queryset = queryset.filter(revoked_at__isnull=True)
    return queryset.order_by("agency__name", "user__username", "-granted_at")


def get_grant(*, user: User, pk: int) -> CaseHandlerGrant:
    return get_object_or_404(grants_visible_to(user), pk=pk)


def grantable_agencies(*, user: User) -> QuerySet[Agency]:
    if user.is_admin:
        return Agency.objects.filter(is_active=True).order_by("name")
    return Agency.objects.filter(pk__in=permissions.scope_ids(user), is_active=True).order_by("name")


def grantable_users(*, user: User) -> QuerySet[Any]:
    from phoihop.accounts.models import User as UserModel

    queryset = UserModel.objects.filter(is_active=True, role__in=permissions.HANDLER_ROLES).select_related("agency")
    if not user.is_admin:
        queryset = queryset.filter(agency_id__in=permissions.scope_ids(user))
    return queryset.order_by("agency__name", "username")


def handling_agency_choices(agency_ids: Iterable[int]) -> QuerySet[Agency]:
    """The bodies a case form offers as handler: those the user handles cases for."""
    return Agency.objects.filter(pk__in=agency_ids).order_by("name")


def handler_choices(agency_ids: Iterable[int]) -> QuerySet[Any]:
    """Active users holding a live grant to handle the cases of any of these bodies."""
    from phoihop.accounts.models import User as UserModel

    granted = CaseHandlerGrant.objects.filter(agency_id__in=agency_ids, revoked_at__isnull=True).values("user_id")
    return UserModel.objects.filter(pk__in=granted, is_active=True).order_by("username")


def handlers_of(agency_id: int) -> QuerySet[Any]:
    from phoihop.accounts.models import User as UserModel

    granted = CaseHandlerGrant.objects.filter(agency_id=agency_id, revoked_at__isnull=True).values("user_id")
    return UserModel.objects.filter(pk__in=granted, is_active=True).order_by("username")


# --- Petitions ----------------------------------------------------------------------------------------------


def petitions_visible_to(user: User) -> QuerySet[Petition]:
    if not permissions.can_view_cases(user):
        return Petition.objects.none()
    queryset = Petition.objects.select_related(
        "owner_agency", "responsible_agency", "topic", "topic__parent", "enterprise", "zone", "conclusion_document"
    )
    if user.reads_all_agencies:
        return queryset
    scope = permissions.scope_ids(user)
    return queryset.filter(Q(owner_agency_id__in=scope) | Q(responsible_agency_id__in=scope))


def list_petitions(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Petition]:
    params = params or {}
    queryset = PetitionFilter(params, queryset=petitions_visible_to(user), user=user).qs
    sort = PETITION_SORTS.get(str(params.get("sort") or "-raised"), "-raised_on")
    return queryset.order_by(sort, "-pk")


def get_petition(*, user: User, pk: int) -> Petition:
    return get_object_or_404(petitions_visible_to(user), pk=pk)


def petition_follow_ups(petition: Petition) -> QuerySet[PetitionFollowUp]:
    return PetitionFollowUp.objects.filter(petition=petition).select_related("actor")


# --- Aggregates for the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    """One line of a breakdown: a channel, status or body, its label and the number of cases."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class TopicCount:
    """Cases on one topic in the period. `phrase` is how the topic reads in a report sentence."""

    topic_id: int
    name: str
    path: str
    phrase: str
    count: int
    first_received_at: dt.datetime


@dataclass(frozen=True)
class CaseAggregates:
    """Counts of cases received in a period, with no personal data: what the report prints, e.g. "Tư vấn 05 vụ
    việc theo yêu cầu của người lao động hỏi về các nội dung: ...". `case_ids` is the provenance.

    `by_topic` is in a stable order: by the first case received on each topic in the period, then by topic path,
    so the report lists topics in the order they came up."""

    start: dt.date
    end: dt.date
    requester_kind: str | None
    agency_id: int | None
    channels: tuple[str, ...]
    total: int
    by_topic: tuple[TopicCount, ...]
    by_channel: tuple[CountRow, ...]
    by_status: tuple[CountRow, ...]
    by_agency: tuple[CountRow, ...]
    case_ids: tuple[int, ...]

    @property
    def total_text(self) -> str:
        """The count as the report writes small numbers: 5 -> "05"."""
        return format_count(self.total)

    @property
    def topic_count(self) -> int:
        return len(self.by_topic)

    @property
    def topic_phrases(self) -> tuple[str, ...]:
        return tuple(row.phrase for row in self.by_topic)

    @property
    def topics_sentence(self) -> str:
        """ "Trợ cấp thôi việc của người lao động; tiền lương làm thêm giờ; ..." (first letter capitalised)."""
        text = "; ".join(self.topic_phrases)
        return text[:1].upper() + text[1:]


def _aggregated_cases(
    *,
    user: User,
    start: dt.date,
    end: dt.date,
    requester_kind: str | None,
    agency: Agency | None,
    channels: tuple[str, ...],
) -> QuerySet[Case]:
    if start > end:
        raise ValueError("start must not be after end")
    queryset = cases_visible_to(user).filter(
        received_at__gte=local_day_start(start), received_at__lt=local_day_start(end + dt.timedelta(days=1))
    )
    if requester_kind:
        queryset = queryset.filter(requester_kind=requester_kind)
    if agency is not None:
        queryset = queryset.filter(handling_agency_id__in=permissions.agency_scope_ids(agency.pk))
    if channels:
        queryset = queryset.filter(channel__in=channels)
    return queryset


@dataclass(frozen=True)
class MonthCount:
    month: dt.date  # the first day of the month
    received: int
    answered: int
    answered_in_time: int  # answered no later than the answer's deadline


def case_months(
    *,
    user: User,
    start: dt.date,
    end: dt.date,
    requester_kind: str | None = None,
    agency: Agency | None = None,
    channels: Iterable[str] = (),
) -> list[MonthCount]:
    """The same cases as `case_aggregates` counted by the month they were received: how many, how many answered and
    how many answered within their deadline. One query; counts only."""
    queryset = _aggregated_cases(
        user=user, start=start, end=end, requester_kind=requester_kind, agency=agency, channels=tuple(channels)
    )
    answered = Q(answered_at__isnull=False)
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=answered),
            in_time=Count("pk", filter=answered & Q(due_at__isnull=False, answered_at__lte=F("due_at"))),
        )
        .order_by("month")
    )
    return [
        MonthCount(
            month=(row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]),
            received=row["received"],
            answered=row["answered"],
            answered_in_time=row["in_time"],
        )
        for row in rows
    ]


def case_aggregates(
    *,
    user: User,
    start: dt.date,
    end: dt.date,
    requester_kind: str | None = None,
    agency: Agency | None = None,
    channels: Iterable[str] = (),
) -> CaseAggregates:
    """Cases received from `start` to `end` (inclusive, local dates) that the user may see, optionally only of one
    requester kind, of one body's scope (the body and its units) and of some channels. Three queries, whatever
    the number of cases."""
    channel_tuple = tuple(channels)
    queryset = _aggregated_cases(
        user=user, start=start, end=end, requester_kind=requester_kind, agency=agency, channels=channel_tuple
    )
    rows = list(
        queryset.order_by()
        .values("topic_id", "channel", "status", "handling_agency_id")
        .annotate(n=Count("pk"), first=Min("received_at"))
    )
    case_ids = tuple(queryset.order_by("received_at", "pk").values_list("pk", flat=True))
    topics = {
        t.pk: t
        for t in Topic.objects.select_related("parent", "parent__parent").filter(
            pk__in={row["topic_id"] for row in rows}
        )
    }
    agencies = dict(Agency.objects.filter(pk__in={row["handling_agency_id"] for row in rows}).values_list("pk", "name"))

    topic_counts: dict[int, list[Any]] = {}
    channel_counts: dict[str, int] = {}
    status_counts: dict[str, int] = {}
    agency_counts: dict[int, int] = {}
    for row in rows:
        entry = topic_counts.setdefault(row["topic_id"], [0, row["first"]])
        entry[0] += row["n"]
        entry[1] = min(entry[1], row["first"])
        channel_counts[row["channel"]] = channel_counts.get(row["channel"], 0) + row["n"]
        status_counts[row["status"]] = status_counts.get(row["status"], 0) + row["n"]
        agency_counts[row["handling_agency_id"]] = agency_counts.get(row["handling_agency_id"], 0) + row["n"]

    by_topic = sorted(
        (
            TopicCount(
                topic_id=topic_id,
                name=topics[topic_id].name,
                path=topics[topic_id].path,
                phrase=topics[topic_id].phrase,
                count=count,
                first_received_at=first,
            )
            for topic_id, (count, first) in topic_counts.items()
        ),
        key=lambda item: (item.first_received_at, item.path),
    )
    channel_labels = dict(Channel.choices)
    status_labels = dict(CaseStatus.choices)
    return CaseAggregates(
        start=start,
        end=end,
        requester_kind=requester_kind,
        agency_id=agency.pk if agency is not None else None,
        channels=channel_tuple,
        total=sum(channel_counts.values()),
        by_topic=tuple(by_topic),
        by_channel=tuple(
            CountRow(key=value, label=str(channel_labels[value]), count=channel_counts[value])
            for value in Channel.values
            if value in channel_counts
        ),
        by_status=tuple(
            CountRow(key=value, label=str(status_labels[value]), count=status_counts[value])
            for value in CaseStatus.values
            if value in status_counts
        ),
        by_agency=tuple(
            CountRow(key=str(agency_id), label=agencies.get(agency_id, ""), count=count)
            for agency_id, count in sorted(agency_counts.items(), key=lambda item: (agencies.get(item[0], ""), item[0]))
        ),
        case_ids=case_ids,
    )


def worker_consultations(*, user: User, year: int, agency: Agency | None = None) -> CaseAggregates:
    """The report's "Tư vấn NN vụ việc theo yêu cầu của người lao động": worker cases of a year in one body's scope."""
    return case_aggregates(
        user=user,
        start=dt.date(year, 1, 1),
        end=dt.date(year, 12, 31),
        requester_kind=RequesterKind.WORKER,
        agency=agency,
    )


def petition_summary(*, user: User, year: int) -> dict[str, int]:
    queryset = petitions_visible_to(user).filter(raised_on__year=year)
    counts = queryset.aggregate(
        total=Count("pk"),
        resolved=Count("pk", filter=Q(status=PetitionStatus.RESOLVED)),
        open=Count("pk", filter=Q(status__in=PetitionStatus.open_statuses())),
    )
    return {key: int(value or 0) for key, value in counts.items()}
