"""Every router takes a write from a personal token with CSRF enforced as a browser meets it, and still refuses a
session-cookie write that lacks the CSRF header (issue #9: token writes used to answer 403 "CSRF check Failed").

One real write per router: a create (201) or a patch (200) with a valid body. Each is sent three ways, each in its own
test database: by token (no cookie at all, as a program sends it), by the browser's session with the X-CSRFToken
header (as base.html's hx-headers sends it), and by the same session without the header (what a forged cross-site
request looks like: the browser adds the cookies, including csrftoken, but a foreign page cannot set the header)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.db import models

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.activities.models import Activity
from phoihop.cases.models import Case
from phoihop.cases.validators import PHONE_INDEX_PURPOSE
from phoihop.core.audit import object_type_of
from phoihop.core.crypto import blind_index
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.choices import AgencyKind, Ownership
from phoihop.directory.models import Enterprise
from phoihop.housing.models import HousingProject
from phoihop.indicators.models import ReportedValue
from phoihop.organizing.models import Founding
from phoihop.oversight.models import Inspection
from phoihop.planning.models import Document
from phoihop.practices.models import GoodPractice
from phoihop.reports.choices import SectionKind
from phoihop.reports.models import ReportBlock
from tests.accounts.factories import UserFactory
from tests.activities.helpers import activity_payload
from tests.apiclient import ApiClient
from tests.cases.conftest import world  # noqa: F401  (the cases world: a handler with a grant for LĐLĐTP)
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.directory.helpers import enterprise_payload
from tests.housing.helpers import project_payload
from tests.indicators.factories import IndicatorFactory
from tests.organizing.helpers import founding_payload
from tests.oversight.helpers import inspection_payload, visited_enterprise
from tests.planning.factories import PlanFactory
from tests.practices.factories import PracticeFactory
from tests.reports.conftest import small_world  # noqa: F401  (a plan with its draft report and three bodies)

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Scene:
    """One write: who sends it, where, with what body, and the record it leaves (`expected` finds it)."""

    actor: User
    method: str  # "post" (a create, 201) or "patch" (an edit, 200)
    path: str
    body: dict[str, Any]
    model: type[models.Model]
    expected: dict[str, Any]  # field lookups that hold on the record after the write, and not before


def officer(kind: str = AgencyKind.STATE) -> User:
    return UserFactory(role=Role.OFFICER, agency=AgencyFactory(kind=kind), first_name="Phạm", last_name="Thu Hà")


def directory(request: pytest.FixtureRequest) -> Scene:
    actor = officer()
    return Scene(
        actor,
        "post",
        "/directory/enterprises",
        enterprise_payload(),
        Enterprise,
        {"tax_code": "0201234567", "name": "Công ty TNHH Điện tử Tràng Duệ", "owner_agency": actor.agency},
    )


def planning(request: pytest.FixtureRequest) -> Scene:
    body = {
        "kind": "notice",
        "number": "1558",
        "symbol": "TB/TU",
        "issued_on": "2023-05-27",
        "title": "về kết luận của Thường trực Thành ủy",
    }
    actor = officer(AgencyKind.UNION)
    return Scene(
        actor,
        "post",
        "/planning/documents",
        body,
        Document,
        {"number": "1558", "symbol": "TB/TU", "issued_on": dt.date(2023, 5, 27), "owner_agency": actor.agency},
    )


def indicators(request: pytest.FixtureRequest) -> Scene:
    actor = officer(AgencyKind.UNION)
    plan = PlanFactory(year=2023)
    indicator = IndicatorFactory(code="PTDV", name="Đoàn viên công đoàn phát triển mới", unit="đoàn viên")
    body = {"plan_id": plan.pk, "indicator_id": indicator.pk, "agency_id": actor.agency_id, "period": "2023-03"}
    return Scene(
        actor,
        "post",
        "/indicators/values",
        {**body, "value": 1720},
        ReportedValue,
        {"plan": plan, "indicator": indicator, "agency": actor.agency, "value": Decimal(1720), "entered_by": actor},
    )


def activities(request: pytest.FixtureRequest) -> Scene:
    actor = officer(AgencyKind.UNION)
    return Scene(
        actor,
        "post",
        "/activities/activities",
        activity_payload(),
        Activity,
        {
            "title": "Tuyên truyền Bộ luật Lao động tại KCN Tràng Duệ",
            "start_date": dt.date(2023, 4, 10),
            "owner_agency": actor.agency,
            "participants__count": 350,
        },
    )


def organizing(request: pytest.FixtureRequest) -> Scene:
    actor = officer(AgencyKind.UNION)
    maple = EnterpriseFactory(name="Công ty TNHH Maple", tax_code="0299000013", ownership=Ownership.WHOLLY_FOREIGN)
    return Scene(
        actor,
        "post",
        "/organizing/foundings",
        founding_payload(maple.pk),
        Founding,
        {
            "enterprise": maple,
            "founded_on": dt.date(2023, 6, 1),
            "members_at_founding": 45,
            "owner_agency": actor.agency,
        },
    )


def oversight(request: pytest.FixtureRequest) -> Scene:
    actor = officer()
    return Scene(
        actor,
        "post",
        "/oversight/inspections",
        inspection_payload(),
        Inspection,
        {
            "title": "Giám sát thực hiện lương tối thiểu vùng",
            "enterprises": visited_enterprise(),
            "topics__code": "regional_minimum_wage",
            "owner_agency": actor.agency,
        },
    )


def practices(request: pytest.FixtureRequest) -> Scene:
    """An edit rather than a create: the practice is already on file, its results are written up."""
    actor = officer()
    practice = PracticeFactory(owner_agency=actor.agency)
    results = "100% doanh nghiệp trong KCN thanh toán lương qua tài khoản."
    return Scene(
        actor,
        "patch",
        f"/practices/practices/{practice.pk}",
        {"version": 1, "results": results},
        GoodPractice,
        {"pk": practice.pk, "results": results, "version": 2},
    )


def housing(request: pytest.FixtureRequest) -> Scene:
    actor = officer()
    return Scene(
        actor,
        "post",
        "/housing/projects",
        project_payload(),
        HousingProject,
        {"name": "Dự án nhà ở xã hội Tràng Cát", "apartments": 4000, "owner_agency": actor.agency},
    )


def cases(request: pytest.FixtureRequest) -> Scene:
    people = request.getfixturevalue("world")
    body = {
        "channel": "hotline",
        "requester_kind": "worker",
        "topic_id": people.topic.pk,
        "handling_agency_id": people.ldldtp.pk,
        "person": {"full_name": "Mai Văn Gọi", "phone": "0913000111"},
        "consent_given": True,
        "consent_method": "phone",
    }
    return Scene(
        people.users["handler"],
        "post",
        "/cases/cases",
        body,
        Case,
        # Personal fields are encrypted at rest: the phone's blind index is the way to find the new case.
        {
            "topic": people.topic,
            "handling_agency": people.ldldtp,
            "person__phone_index": blind_index("0913000111", purpose=PHONE_INDEX_PURPOSE),
        },
    )


def reports(request: pytest.FixtureRequest) -> Scene:
    programme = request.getfixturevalue("small_world")
    section = programme.report.sections.filter(kind=SectionKind.AREA).order_by("position").first()
    assert section is not None
    text = "- Đạt {{ke_hoach.hoan_thanh}} nội dung kế hoạch."
    return Scene(
        programme.user(Role.OFFICER, "state"),
        "post",
        f"/reports/reports/{programme.report.pk}/blocks",
        {"section_id": section.pk, "owner_agency_id": programme.state.pk, "text": text},
        ReportBlock,
        {"section": section, "owner_agency": programme.state, "text": text},
    )


WRITES: dict[str, Callable[[pytest.FixtureRequest], Scene]] = {
    "directory": directory,
    "planning": planning,
    "indicators": indicators,
    "activities": activities,
    "organizing": organizing,
    "oversight": oversight,
    "practices": practices,
    "housing": housing,
    "cases": cases,
    "reports": reports,
}
ROUTERS = pytest.mark.parametrize("router", list(WRITES))


def send(api: ApiClient, scene: Scene) -> Any:
    return getattr(api, scene.method)(scene.path, scene.body)


def saved(scene: Scene) -> models.QuerySet[Any]:
    return scene.model._default_manager.filter(**scene.expected).distinct()


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


def assert_written(scene: Scene, response: Any) -> None:
    """The record holds the posted values, and its history names the user who sent the write."""
    assert response.status_code == (201 if scene.method == "post" else 200), response.content
    record = saved(scene).get()
    assert response.json()["id"] == record.pk
    event = AuditEvent.objects.filter(object_type=object_type_of(record), object_id=str(record.pk)).first()
    assert event is not None
    assert event.action == (AuditAction.CREATE if scene.method == "post" else AuditAction.UPDATE)
    assert event.actor == scene.actor
    assert event.actor_name == scene.actor.get_full_name()


@ROUTERS
def test_a_token_write_is_never_refused_for_csrf(router: str, request: pytest.FixtureRequest, token_for: Any) -> None:
    scene = WRITES[router](request)
    assert not saved(scene).exists()
    api = ApiClient(token=token_for(scene.actor))
    assert api.client.handler.enforce_csrf_checks
    assert not api.client.cookies
    assert_written(scene, send(api, scene))


@ROUTERS
def test_a_session_write_with_the_csrf_header_succeeds(
    router: str, request: pytest.FixtureRequest, client_for: Any
) -> None:
    scene = WRITES[router](request)
    assert not saved(scene).exists()
    assert_written(scene, send(ApiClient(client_for(scene.actor)), scene))


@ROUTERS
@pytest.mark.parametrize("csrf_cookie", [True, False], ids=["cookie-without-header", "no-csrf-at-all"])
def test_a_session_write_without_the_csrf_header_is_refused_and_saves_nothing(
    router: str, csrf_cookie: bool, request: pytest.FixtureRequest, client_for: Any
) -> None:
    scene = WRITES[router](request)
    before = changes()
    api = ApiClient(client_for(scene.actor), csrf=False)
    if csrf_cookie:
        api.client.cookies[settings.CSRF_COOKIE_NAME] = secrets.token_hex(16)
    assert "X-CSRFToken" not in api.headers
    response = send(api, scene)
    assert response.status_code == 403, response.content
    body = response.json()
    assert set(body) == {"message", "code", "fields"}
    assert body["code"] == "csrf_failed"
    assert "mã chống giả mạo (CSRF)" in body["message"]
    assert not saved(scene).exists()
    assert changes() == before
