"""Cases and petitions of the Hai Phong 2023 demo data set.

The seed report (footnote 1) says the City Labour Federation "Tư vấn 05 vụ việc theo yêu cầu của người lao động"
on four topics: severance allowance, overtime pay, moving a worker to other work than in the contract, and the
conditions for unemployment insurance. The five cases below are those consultations; everything personal in them is
invented and obviously fictitious (names with "Mẫu"/"Thử", numbers 0900 000 00x, employers "Mẫu Thử"). The
Economic Zone Authority's enterprise-hotline cases are answered the same day and are enterprise requests, so they do
not change the count of worker consultations. Dates and times of day are illustrative: the seed gives none.

`PERSONAL_STRINGS` lists every personal value here: the test suite fails if any of them appears in a log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from phoihop.accounts.models import User
from phoihop.cases import services
from phoihop.cases.models import Case, CaseHandlerGrant, Holiday, Petition, Topic
from phoihop.demo import read
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.planning.models import Document

if TYPE_CHECKING:
    from phoihop.demo.loader import LoadReport

DATA = read("cases")

# Topic tree: (parent name or "", name, report phrase, position).
TOPICS: list[tuple[str, str, str, int]] = DATA["TOPICS"]

# Public holidays of 2023 that fell on working days (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương with 30/4 and
# 1/5, Quốc khánh), as the deadline clock needs them.
HOLIDAYS_2023: list[tuple[str, str]] = DATA["HOLIDAYS_2023"]

# Who handles cases in the demo: (body, officer username, leader username who granted it).
HANDLER_GRANTS: list[tuple[str, str, str]] = DATA["HANDLER_GRANTS"]

# Each case: facts, the requester's (fictitious) data, and the steps it went through (status, local time, text).
CASES: list[dict[str, object]] = DATA["CASES"]

CONFERENCE_2023 = DATA["CONFERENCE_2023"]
CONCLUSION_2023 = {"number": "1558", "symbol": "TB/TU"}  # Thông báo số 1558-TB/TU, ngày 27/5/2023

PETITIONS: list[dict[str, object]] = DATA["PETITIONS"]


def _personal_strings() -> list[str]:
    values: list[str] = []
    for case in CASES:
        person = case["person"]
        assert isinstance(person, dict)  # noqa: S101
        for value in person.values():
            values.append(str(value))
        values.append(str(person["phone"]).replace(" ", ""))
    return values


# Every personal value of the demo (phones also without spaces): none may ever appear in a log.
PERSONAL_STRINGS: tuple[str, ...] = tuple(_personal_strings())


def _moment(text: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.strptime(text, "%Y-%m-%d %H:%M"))


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _topics(report: LoadReport) -> None:
    for parent_name, name, phrase, position in TOPICS:
        parent = Topic.objects.get(name=parent_name, parent__isnull=True) if parent_name else None
        if Topic.objects.filter(name=name, parent=parent).exists():
            continue
        services.create_topic(
            actor=None,
            data={"name": name, "parent": parent, "report_phrase": phrase, "position": position, "is_active": True},
        )
        report.count("case topics")


def _holidays(report: LoadReport) -> None:
    for day, name in HOLIDAYS_2023:
        if not Holiday.objects.filter(date=_day(day)).exists():
            services.add_holiday(actor=None, date=_day(day), name=name)
            report.count("holidays")


def _grants(report: LoadReport) -> None:
    for code, username, leader in HANDLER_GRANTS:
        agency = Agency.objects.get(short_code=code)
        user = User.objects.get(username=username)
        if CaseHandlerGrant.objects.filter(user=user, agency=agency, revoked_at__isnull=True).exists():
            continue
        services.grant_handler(actor=User.objects.get(username=leader), user=user, agency=agency)
        report.count("case handler grants")


def _topic(name: str) -> Topic:
    return Topic.objects.select_related("parent").get(name=name, parent__isnull=False)


def _cases(report: LoadReport) -> None:
    for row in CASES:
        agency = Agency.objects.get(short_code=str(row["agency"]))
        received_at = _moment(str(row["received_at"]))
        if Case.objects.filter(handling_agency=agency, received_at=received_at, channel=row["channel"]).exists():
            continue
        handler = User.objects.get(username=str(row["handler"]))
        enterprise = Enterprise.objects.filter(tax_code=str(row["enterprise"])).first() if row["enterprise"] else None
        zone = Zone.objects.filter(name=str(row["zone"])).first() if row["zone"] else None
        case = services.create_case(
            actor=handler,
            data={
                "channel": row["channel"],
                "requester_kind": row["requester_kind"],
                "topic": _topic(str(row["topic"])),
                "handling_agency": agency,
                "handler": handler,
                "enterprise": enterprise,
                "zone": zone,
                "received_at": received_at,
            },
            person=dict(row["person"]),  # type: ignore[call-overload]
            consent_given=True,
            consent_method=str(row["consent_method"]),
            consent_at=received_at,
        )
        steps: Any = row["steps"]
        for status, moment, text in steps:
            case = services.transition_case(
                actor=handler,
                case=case,
                to_status=status,
                expected_version=case.version,
                answer=text or None,
                at=_moment(moment),
            )
        report.count("cases")


def _petitions(report: LoadReport) -> None:
    document = _conclusion_document()
    for row in PETITIONS:
        if Petition.objects.filter(title=row["title"], raised_on=_day(str(row["raised_on"]))).exists():
            continue
        data: dict[str, Any] = {
            "title": row["title"],
            "raised_by": row["raised_by"],
            "conference": CONFERENCE_2023,
            "raised_on": _day(str(row["raised_on"])),
            "responsible_agency": Agency.objects.get(short_code=str(row["responsible"])),
            "zone": Zone.objects.filter(name=str(row["zone"])).first() if row["zone"] else None,
            "answer": row["answer"],
        }
        if document is not None:
            data["conclusion_document"] = document
        petition = services.create_petition(
            actor=None, data=data, owner_agency=Agency.objects.get(short_code=str(row["owner"]))
        )
        follow_ups: Any = row["follow_ups"]
        for day, status, note in follow_ups:
            services.add_follow_up(
                actor=None,
                petition=petition,
                occurred_on=_day(day),
                status=status,
                note=note,
                expected_version=petition.version,
            )
            petition.refresh_from_db()
        report.count("petitions")


def _conclusion_document() -> Document | None:
    """Thông báo số 1558-TB/TU, when the document registry has it (the planning demo step registers it)."""
    return Document.objects.filter(**CONCLUSION_2023).first()


def load_cases(report: LoadReport) -> None:
    _topics(report)
    _holidays(report)
    _grants(report)
    _cases(report)
    _petitions(report)
