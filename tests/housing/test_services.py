"""Housing projects and milestones: one history entry per change, stale edits refused, bad input refused with a
clear message and nothing saved, the seed's figures stored with their qualifiers, and a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.models import Agency
from phoihop.housing import selectors, services
from phoihop.housing.choices import MilestoneKind
from phoihop.housing.models import HousingProject, Milestone
from phoihop.housing.permissions import own_scope
from tests.directory.factories import EnterpriseFactory
from tests.housing.factories import MilestoneFactory, ProjectFactory
from tests.housing.helpers import milestone_form_data, milestone_payload, project_form_data, project_payload
from tests.matrix import audit_count


def test_a_project_and_its_milestone_print_as_the_seed_writes_them(officer: User, client_for: Any) -> None:
    before = audit_count()
    project = services.create_project(
        actor=officer,
        data={
            "kind": "social_housing",
            "name": "Dự án khu nhà ở xã hội tại Tổng kho 3 Lạc Viên",
            "investor_name": "Chưa cập nhật tên chủ đầu tư",
            "buildings": 10,
            "max_floors": 15,
            "apartments": 4456,
            "apartments_qualifier": "about",
        },
    )
    services.add_milestone(
        actor=officer,
        project=project,
        data={"kind": "groundbreaking", "date": dt.date(2023, 3, 17), "date_precision": "month"},
    )
    assert audit_count() == before + 2
    milestone = project.milestones.get()
    assert milestone.date == dt.date(2023, 3, 1)  # a month is stored as its first day
    assert milestone.date_text == "tháng 3/2023"
    assert project.apartments_text == "khoảng 4.456 căn hộ"
    html = client_for(officer).get(project.get_absolute_url()).content.decode()
    assert "10 tòa nhà, cao 15 tầng" in html
    assert "khoảng 4.456 căn hộ" in html
    assert "Khởi công" in html
    assert "tháng 3/2023" in html
    assert html.count("Tạo mới") == 2


def test_a_stale_edit_is_a_conflict(officer: User, make_user: Any, api_for: Any, client_for: Any) -> None:
    colleague = make_user(Role.OFFICER, officer.agency, username="dongnghiep", first_name="Đỗ", last_name="Minh Anh")
    project = ProjectFactory(owner_agency=officer.agency)
    form = project_form_data(project, name="Bản của tôi")
    services.update_project(actor=colleague, project=project, data={"buildings": 4}, expected_version=1)
    page = client_for(officer).post(reverse("housing:project_update", args=[project.pk]), form)
    assert page.status_code == 422
    assert "Đỗ Minh Anh" in page.content.decode()
    api = api_for(officer).patch(f"/housing/projects/{project.pk}", {"version": 1, "name": "Bản API"})
    assert api.status_code == 409
    milestone = MilestoneFactory(project=project)
    services.update_milestone(actor=colleague, milestone=milestone, data={"phase": "Giai đoạn 1"}, expected_version=1)
    stale = api_for(officer).patch(f"/housing/milestones/{milestone.pk}", {"version": 1, "phase": "Giai đoạn 2"})
    assert stale.status_code == 409
    project.refresh_from_db()
    milestone.refresh_from_db()
    assert (project.name, project.buildings, milestone.phase) == (project.name, 4, "Giai đoạn 1")
    assert project.name != "Bản của tôi"


@pytest.mark.parametrize(
    ("field", "value"),
    [("apartments", -1), ("capacity", -10), ("buildings", -2), ("land_area_ha", "-3.5"), ("floor_area_m2", "-1")],
)
def test_negative_quantities_are_refused(officer: User, client_for: Any, api_for: Any, field: str, value: Any) -> None:
    page = client_for(officer).post(reverse("housing:project_create"), project_form_data(**{field: value}))
    assert page.status_code == 422
    api = api_for(officer).post("/housing/projects", project_payload(**{field: value}))
    assert api.status_code == 422
    assert api.json()["code"] == "negative"
    assert field in api.json()["fields"]
    assert "không được âm" in api.json()["message"]
    assert not HousingProject.objects.exists()


def test_a_milestone_with_negative_people_is_refused(officer: User, api_for: Any) -> None:
    project = ProjectFactory(owner_agency=officer.agency)
    response = api_for(officer).post(
        f"/housing/projects/{project.pk}/milestones", milestone_payload(project, kind="phase_completed", people=-5)
    )
    assert response.status_code == 422
    assert response.json()["code"] == "negative"
    assert not Milestone.objects.exists()


@pytest.mark.parametrize(
    "override",
    [
        {"investor_name": ""},  # neither an enterprise nor a name
        {"investor_enterprise": "directory"},  # both
    ],
)
def test_the_investor_is_an_enterprise_of_the_directory_or_a_name_exactly_one(
    officer: User, client_for: Any, override: dict[str, Any]
) -> None:
    if override.get("investor_enterprise") == "directory":
        override = {"investor_enterprise": EnterpriseFactory().pk}
    page = client_for(officer).post(reverse("housing:project_create"), project_form_data(**override))
    assert page.status_code == 422
    assert "chỉ một trong hai" in page.content.decode()
    assert not HousingProject.objects.exists()


def test_an_investor_outside_the_directory_is_refused_by_id(officer: User, api_for: Any) -> None:
    response = api_for(officer).post(
        "/housing/projects", project_payload(investor_name="", investor_enterprise_id=777777)
    )
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_investor_enterprise"
    assert "777777" in response.json()["fields"]["investor_enterprise"][0]
    assert not HousingProject.objects.exists()


def test_social_housing_land_cannot_exceed_the_land(officer: User, api_for: Any) -> None:
    response = api_for(officer).post(
        "/housing/projects", project_payload(land_area_ha="3.14", social_housing_land_ha="42.08")
    )
    assert response.status_code == 422
    assert response.json()["code"] == "social_land_exceeds_land"
    assert not HousingProject.objects.exists()


def test_milestones_cannot_deliver_more_than_the_project_plans(officer: User, api_for: Any, client_for: Any) -> None:
    project = ProjectFactory(owner_agency=officer.agency, buildings=12, capacity=10800)
    api = api_for(officer)
    first = api.post(
        f"/housing/projects/{project.pk}/milestones",
        milestone_payload(project, kind="phase_completed", phase="Giai đoạn 1", buildings=10),
    )
    assert first.status_code == 201
    too_many = api.post(
        f"/housing/projects/{project.pk}/milestones",
        milestone_payload(project, kind="phase_completed", phase="Giai đoạn 2", buildings=3),
    )
    assert too_many.status_code == 422
    assert too_many.json()["code"] == "exceeds_project"
    assert too_many.json()["fields"]["buildings"] == [
        "Các mốc đã hoàn thành 13 tòa nhà, vượt quy mô của dự án (12 tòa nhà)."
    ]
    page = client_for(officer).post(
        reverse("housing:milestone_create", args=[project.pk]),
        milestone_form_data(project, kind="in_use", phase="Giai đoạn 2", people="20000"),
    )
    assert page.status_code == 422
    assert "vượt quy mô của dự án" in page.content.decode()
    shrink = api.patch(f"/housing/projects/{project.pk}", {"version": 1, "buildings": 8})
    assert shrink.status_code == 422
    assert shrink.json()["code"] == "exceeds_project"
    assert project.milestones.count() == 1


def test_workers_buildings_cannot_exceed_the_buildings(officer: User, api_for: Any) -> None:
    project = ProjectFactory(owner_agency=officer.agency)
    response = api_for(officer).post(
        f"/housing/projects/{project.pk}/milestones",
        milestone_payload(project, kind="phase_completed", buildings=4, worker_buildings=6),
    )
    assert response.status_code == 422
    assert response.json()["code"] == "worker_buildings_exceed"
    assert not Milestone.objects.exists()


def test_a_project_cannot_be_part_of_itself(officer: User, api_for: Any) -> None:
    parent = ProjectFactory(owner_agency=officer.agency)
    child = ProjectFactory(owner_agency=officer.agency, part_of=parent)
    response = api_for(officer).patch(f"/housing/projects/{parent.pk}", {"version": 1, "part_of_id": child.pk})
    assert response.status_code == 422
    assert response.json()["code"] == "cycle"
    parent.refresh_from_db()
    assert parent.part_of is None


def test_groundbreakings_of_a_period_and_the_milestone_filter(officer: User, client_for: Any, api_for: Any) -> None:
    lac_vien = ProjectFactory(owner_agency=officer.agency, name="Lạc Viên")
    trang_cat = ProjectFactory(owner_agency=officer.agency, name="Tràng Cát")
    dong_hai = ProjectFactory(owner_agency=officer.agency, name="Đông Hải 2")
    MilestoneFactory(project=lac_vien, kind=MilestoneKind.GROUNDBREAKING, date=dt.date(2023, 3, 1))
    MilestoneFactory(project=trang_cat, kind=MilestoneKind.GROUNDBREAKING, date=dt.date(2024, 1, 1))
    MilestoneFactory(project=dong_hai, kind=MilestoneKind.INVESTOR_SELECTED, date=dt.date(2023, 1, 1))
    rows = selectors.milestones_in_period(
        user=officer, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), kinds=[MilestoneKind.GROUNDBREAKING]
    )
    assert [m.project.name for m in rows] == ["Lạc Viên"]
    api = api_for(officer).get("/housing/milestones", start="2023-01-01", end="2023-12-31", kind="groundbreaking")
    assert [row["project_id"] for row in api.json()["items"]] == [lac_vien.pk]
    page = (
        client_for(officer)
        .get(reverse("housing:project_list"), {"milestone": "groundbreaking", "milestone_year": "2024"})
        .content.decode()
    )
    assert "Tràng Cát" in page
    assert "Lạc Viên" not in page


def test_search_ignores_diacritics(officer: User, api_for: Any) -> None:
    ProjectFactory(
        owner_agency=officer.agency, name="Dự án nhà ở xã hội Tràng Cát", search_text="du an nha o xa hoi trang cat"
    )
    ProjectFactory(owner_agency=officer.agency, name="Ký túc xá", search_text="ky tuc xa")
    found = api_for(officer).get("/housing/projects", q="trang cat").json()
    assert [row["name"] for row in found["items"]] == ["Dự án nhà ở xã hội Tràng Cát"]


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_pages_keep_their_query_count_at_ten_times_the_projects(
    agency: Agency, make_user: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for(make_user(Role.SECRETARIAT, agency))
    investor = EnterpriseFactory()

    def seed(n: int) -> None:
        for _ in range(n):
            project = ProjectFactory(owner_agency=agency, investor_enterprise=investor, investor_name="", buildings=12)
            MilestoneFactory(project=project)
            MilestoneFactory(project=project, kind=MilestoneKind.PHASE_COMPLETED, phase="Giai đoạn 1", buildings=6)

    seed(2)
    first = HousingProject.objects.order_by("pk").first()
    urls = [reverse("housing:project_list"), first.get_absolute_url(), "/api/v1/housing/projects"]  # type: ignore[union-attr]
    small = [_count(client, url) for url in urls]
    seed(18)
    with django_assert_max_num_queries(11):
        client.get(reverse("housing:project_list"))
    assert [_count(client, url) for url in urls] == small

    officer = make_user(Role.OFFICER, agency)
    own_scope(officer)
    with CaptureQueriesContext(connection) as queries:
        rows = list(selectors.housing_projects_for_enterprise(user=officer, enterprise=investor))
        names = [(p.name, p.zone, p.owner_agency.short_code, p.investor) for p in rows]
    assert len(queries.captured_queries) == 1
    assert len(names) == 20


def test_project_figures_keep_their_decimals(officer: User, api_for: Any) -> None:
    created = api_for(officer).post(
        "/housing/projects",
        project_payload(
            land_area_ha="42.08", social_housing_land_ha="3.14", apartments=3600, apartments_qualifier="about"
        ),
    )
    assert created.status_code == 201, created.content
    project = HousingProject.objects.get()
    assert project.land_area_ha == Decimal("42.08")
    assert project.social_housing_land_ha == Decimal("3.14")
