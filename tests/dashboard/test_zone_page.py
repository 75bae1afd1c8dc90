"""The zone page's picture, computed from records: an economic zone counts the enterprises of its parks; coverage by
grassroots union, party cell and youth branch counts foundings up to the end of the chosen year; zones are compared by
union coverage, highest first; the page runs the same number of queries with ten times the enterprises."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.accounts.choices import Role
from phoihop.directory.choices import ZoneKind
from phoihop.organizing.choices import FoundingKind
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.organizing.factories import FoundingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones():  # type: ignore[no-untyped-def]
    economic = ZoneFactory(name="Khu kinh tế Thử Nghiệm", kind=ZoneKind.ECONOMIC_ZONE)
    park = ZoneFactory(name="KCN Con Thử Nghiệm", parent=economic)
    other = ZoneFactory(name="KCN Đứng Riêng")
    big = EnterpriseFactory(zone=economic, name="Công ty Lớn", workforce=500)
    late = EnterpriseFactory(zone=park, name="Công ty Lập Muộn", workforce=300)
    EnterpriseFactory(zone=park, name="Công ty Chưa Rõ", workforce=None)
    FoundingFactory(enterprise=big, kind=FoundingKind.GRASSROOTS_UNION, founded_on=dt.date(2023, 3, 1))
    FoundingFactory(enterprise=big, kind=FoundingKind.PARTY_CELL, founded_on=dt.date(2023, 9, 1))
    FoundingFactory(enterprise=late, kind=FoundingKind.GRASSROOTS_UNION, founded_on=dt.date(2024, 2, 1))
    FoundingFactory(enterprise=EnterpriseFactory(zone=other), founded_on=dt.date(2022, 5, 1))
    return economic


def _page(client, zone, year: int) -> str:  # type: ignore[no-untyped-def]
    response = client.get(f"/danh-muc/khu/{zone.pk}/", {"year": year})
    assert response.status_code == 200
    return response.content.decode()


def test_an_economic_zone_counts_its_parks_and_coverage_follows_the_year(zones, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = _page(client, zones, 2023)
    assert "Bức tranh của khu năm 2023" in page
    assert "Tổng số 3 doanh nghiệp" in page
    assert ">800<" in page  # 500 + 300 workers; the third has no figure
    assert "1 doanh nghiệp chưa có số lao động" in page
    assert "Công đoàn cơ sở: 1/3 doanh nghiệp (33,3%)" in page
    assert "Chi bộ, tổ chức đảng: 1/3 doanh nghiệp (33,3%)" in page
    assert "Tổ chức Đoàn thanh niên: 0/3 doanh nghiệp (0%)" in page
    later = _page(client, zones, 2024)
    assert "Công đoàn cơ sở: 2/3 doanh nghiệp (66,7%)" in later


def test_zones_are_compared_by_union_coverage_highest_first(zones, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    page = _page(client_for(officer), zones, 2023)
    assert "So sánh các khu: tỷ lệ doanh nghiệp có công đoàn cơ sở" in page
    assert "Cao nhất KCN Đứng Riêng (100%), thấp nhất Khu kinh tế Thử Nghiệm (33,3%)" in page


def test_every_body_sees_the_picture_and_a_year_out_of_range_is_a_clear_422(zones, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    from tests.directory.factories import AgencyFactory

    viewer = make_user(Role.VIEWER, AgencyFactory(kind="party"))
    assert "Công đoàn cơ sở: 1/3 doanh nghiệp" in _page(client_for(viewer), zones, 2023)
    assert client_for(viewer).get(f"/danh-muc/khu/{zones.pk}/", {"year": "0"}).status_code == 422


def test_the_zone_page_runs_the_same_queries_with_ten_times_the_enterprises(zones, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    _page(client, zones, 2023)  # warm the session and caches

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            _page(client, zones, 2023)
        return len(queries)

    before = count()
    park = zones.parks.get()
    for number in range(27):
        enterprise = EnterpriseFactory(zone=park, workforce=100 + number)
        FoundingFactory(enterprise=enterprise, kind=FoundingKind.YOUTH_UNION, founded_on=dt.date(2023, 1, 2))
    assert count() == before
    assert "Tổ chức Đoàn thanh niên: 27/30 doanh nghiệp (90%)" in _page(client, zones, 2023)


def test_the_demo_zone_dinh_vu_cat_hai_shows_union_coverage_computed_from_its_records(
    whole_demo: None, client_for
) -> None:  # type: ignore[no-untyped-def]
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise, Zone
    from phoihop.organizing.models import Founding

    zone = Zone.objects.get(name="Khu kinh tế Đình Vũ - Cát Hải")
    ids = [zone.pk, *zone.parks.values_list("pk", flat=True)]
    total = Enterprise.objects.filter(zone_id__in=ids).count()
    unions = (
        Founding.objects.filter(
            enterprise__zone_id__in=ids, kind="grassroots_union", founded_on__lte=dt.date(2023, 12, 31)
        )
        .values("enterprise")
        .distinct()
        .count()
    )
    assert total > 0
    page = _page(client_for(User.objects.get(username="ldldtp.lanhdao")), zone, 2023)
    assert f"Công đoàn cơ sở: {unions}/{total} doanh nghiệp" in page
    assert f"Tổng số {total} doanh nghiệp" in page


def test_housing_places_against_workers_and_the_years_cases_by_topic(zones, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from phoihop.housing.choices import MilestoneKind
    from tests.cases.factories import CaseFactory, TopicFactory
    from tests.directory.factories import AgencyFactory
    from tests.housing.factories import MilestoneFactory, ProjectFactory

    park = zones.parks.get()
    whole = ProjectFactory(zone=zones, capacity=400)
    MilestoneFactory(project=whole, kind=MilestoneKind.IN_USE, date=dt.date(2023, 6, 1))
    phased = ProjectFactory(zone=park, capacity=None)
    MilestoneFactory(project=phased, kind=MilestoneKind.PHASE_COMPLETED, date=dt.date(2024, 3, 1), people=120)
    ProjectFactory(zone=ZoneFactory(name="KCN Khác"), capacity=9000)  # another zone's

    wages = TopicFactory(name="Tiền lương")
    late_pay = TopicFactory(name="Chậm trả lương", parent=wages)
    insurance = TopicFactory(name="Bảo hiểm xã hội")
    may = timezone.make_aware(dt.datetime(2023, 5, 2, 9, 0))
    for topic, zone in [(late_pay, park), (wages, zones), (insurance, park), (insurance, ZoneFactory())]:
        CaseFactory(topic=topic, zone=zone, handling_agency=officer.agency, received_at=may)
    CaseFactory(topic=insurance, zone=park, handling_agency=AgencyFactory(), received_at=may)  # not the officer's

    client = client_for(officer)
    page = _page(client, zones, 2023)
    housing = "2 dự án nhà ở; quy mô theo hồ sơ dự án <strong>400 chỗ ở</strong> (1 dự án chưa ghi quy mô), bằng 50% số"
    assert housing in page
    assert "Đến hết năm 2023: 1 dự án đã đưa vào sử dụng, 400 chỗ ở." in page
    assert "Đến hết năm 2024: 2 dự án đã đưa vào sử dụng, 520 chỗ ở." in _page(client, zones, 2024)
    assert "Vụ việc tư vấn, hỗ trợ người lao động trong khu năm 2023: <strong>3</strong>" in page
    assert "Nhiều nhất: Tiền lương (2/3 vụ việc, 66,7%)" in page
    assert "Vụ việc tư vấn, hỗ trợ người lao động trong khu năm 2024" not in _page(client, zones, 2024)
