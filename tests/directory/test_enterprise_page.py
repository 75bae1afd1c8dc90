"""The enterprise page: one page per enterprise with everything the programme knows of it across modules — zone and
ownership, the unions, party cells and Youth Union branches founded there, inspections with their findings and
follow-ups, the activities that involved it, the "Dân vận khéo" models applied there, the housing projects it
invests in — each section scoped to the reader,
in a constant number of queries as the records grow tenfold."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.directory.choices import AgencyKind, Ownership
from phoihop.directory.models import Agency, Enterprise
from tests.activities.factories import ActivityFactory, ParticipantFactory
from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory
from tests.housing.factories import MilestoneFactory, ProjectFactory
from tests.organizing.factories import FoundingFactory
from tests.oversight.factories import FindingFactory, FollowUpFactory, InspectionFactory
from tests.practices.factories import PracticeFactory
from tests.workforce.factories import LabourReportFactory


@pytest.fixture
def bodies(db: None) -> dict[str, Agency]:
    federation = AgencyFactory(
        short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION
    )
    party = AgencyFactory(short_code="ĐUKKT", name="Đảng ủy Khu kinh tế Hải Phòng", kind=AgencyKind.PARTY)
    return {
        "federation": federation,
        "zone_union": AgencyFactory(
            short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", kind=AgencyKind.UNION, parent=federation
        ),
        "party": party,
        "youth": AgencyFactory(
            short_code="ĐTNKKT", name="Đoàn Thanh niên Khu kinh tế Hải Phòng", kind=AgencyKind.YOUTH, parent=party
        ),
        "authority": AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng"),
    }


@pytest.fixture
def maple(bodies: dict[str, Agency]) -> Enterprise:
    zone = ZoneFactory(name="KCN Đình Vũ")
    return EnterpriseFactory(
        name="Công ty TNHH Maple",
        tax_code="0299000013",
        zone=zone,
        ownership=Ownership.WHOLLY_FOREIGN,
        owner_agency=bodies["authority"],
    )


def fill(enterprise: Enterprise, bodies: dict[str, Agency], n: int) -> None:
    """Records about the enterprise in every module: n of each where the data allows many."""
    FoundingFactory(
        kind="grassroots_union", enterprise=enterprise, owner_agency=bodies["zone_union"], members_at_founding=74
    )
    FoundingFactory(kind="party_cell", enterprise=enterprise, owner_agency=bodies["party"], members_at_founding=3)
    FoundingFactory(kind="youth_union", enterprise=enterprise, owner_agency=bodies["youth"], members_at_founding=26)
    other = EnterpriseFactory(name="Công ty TNHH Không Liên Quan")
    for i in range(n):
        activity = ActivityFactory(
            owner_agency=bodies["federation"],
            title=f"Tuyên truyền Bộ luật Lao động tại doanh nghiệp đợt {i + 1}",
            start_date=dt.date(2023, 3, 1) + dt.timedelta(days=i),
            enterprises=[enterprise, other],
        )
        ParticipantFactory(activity=activity, count=120 + i)
        inspection = InspectionFactory(
            owner_agency=bodies["federation"], title=f"Giám sát doanh nghiệp FDI đợt {i + 1}", enterprises=[enterprise]
        )
        FindingFactory(inspection=inspection, compliant=bool(i % 2), text=f"Phát hiện số {i + 1} tại doanh nghiệp")
        FollowUpFactory(inspection=inspection, enterprise=enterprise, description=f"Bổ sung nội quy lao động {i + 1}")
        project = ProjectFactory(
            owner_agency=bodies["authority"],
            name=f"Khu nhà ở công nhân Maple giai đoạn {i + 1}",
            investor_enterprise=enterprise,
            investor_name="",
            apartments=300,
            capacity=1000,
        )
        MilestoneFactory(project=project)
        practice = PracticeFactory(
            owner_agency=bodies["authority"], title=f"Mô hình đối thoại tại doanh nghiệp số {i + 1}"
        )
        practice.enterprises.set([enterprise])
        LabourReportFactory(
            enterprise=enterprise,
            owner_agency=bodies["federation"],
            period_start=dt.date(2000 + i, 3, 1),
            period_end=dt.date(2000 + i, 3, 31),
        )
    ActivityFactory(owner_agency=bodies["federation"], title="Hoạt động của doanh nghiệp khác", enterprises=[other])


@pytest.mark.parametrize("n", [2, 20])
def test_the_page_runs_a_constant_number_of_queries(
    n: int, bodies: dict[str, Agency], maple: Enterprise, make_user, client_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    fill(maple, bodies, n)
    client: Client = client_for(make_user(Role.SECRETARIAT, bodies["federation"]))
    # 19, 2 for the workforce section (warnings, labour reports), 7 for the timeline (one per kind of record)
    with django_assert_max_num_queries(28):
        response = client.get(maple.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    # The timeline names the latest records again, up to 20; each module's own section lists its records once.
    start = page.index('id="timeline-heading"')
    end = page.index("</section>", start)
    timeline, html = page[start:end], page[:start] + page[end:]
    assert 0 < timeline.count('class="timeline-event"') <= 20
    assert html.count("Tuyên truyền Bộ luật Lao động tại doanh nghiệp đợt") == n
    assert html.count("Khu nhà ở công nhân Maple giai đoạn") == n
    assert html.count("Phát hiện số") == n
    assert html.count("Mô hình đối thoại tại doanh nghiệp số") == n


def test_the_page_shows_every_module(bodies: dict[str, Agency], maple: Enterprise, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    fill(maple, bodies, 1)
    html = client_for(make_user(Role.VIEWER, bodies["authority"])).get(maple.get_absolute_url()).content.decode()
    # zone and ownership
    assert "KCN Đình Vũ" in html
    assert "Doanh nghiệp 100% vốn nước ngoài" in html
    # foundings
    assert "Công đoàn cơ sở Công ty TNHH Maple" in html
    assert "Chi bộ Công ty TNHH Maple" in html
    assert "Tổ chức Đoàn Công ty TNHH Maple" in html
    assert "74 người" in html
    # inspections, findings and follow-ups
    assert "Giám sát doanh nghiệp FDI đợt 1" in html
    assert "Phát hiện số 1 tại doanh nghiệp" in html
    assert "Bổ sung nội quy lao động 1" in html
    # activities: only those that involved this enterprise
    assert "Tuyên truyền Bộ luật Lao động tại doanh nghiệp đợt 1" in html
    assert "Công nhân lao động: 120 người" in html
    assert "Hoạt động của doanh nghiệp khác" not in html
    # "Dân vận khéo" models and housing
    assert "Mô hình đối thoại tại doanh nghiệp số 1" in html
    assert "Khu nhà ở công nhân Maple giai đoạn 1" in html
    assert "1.000" in html


def test_every_body_s_records_show_with_their_owner(
    bodies: dict[str, Agency], maple: Enterprise, make_user, client_for
) -> None:  # type: ignore[no-untyped-def]
    """The programme is joint: a federation officer sees, besides the records of the federation and the Economic Zone
    Union under it, the Party committee's party cell and the authority's housing project and model — each row naming
    its owner body (short code, full name on hover)."""
    fill(maple, bodies, 1)
    html = client_for(make_user(Role.OFFICER, bodies["federation"])).get(maple.get_absolute_url()).content.decode()
    assert "Công đoàn cơ sở Công ty TNHH Maple" in html
    assert "Tuyên truyền Bộ luật Lao động tại doanh nghiệp đợt 1" in html
    assert "Giám sát doanh nghiệp FDI đợt 1" in html
    assert "Chi bộ Công ty TNHH Maple" in html
    assert "Tổ chức Đoàn Công ty TNHH Maple" in html
    assert "Khu nhà ở công nhân Maple giai đoạn 1" in html
    assert "Mô hình đối thoại tại doanh nghiệp số 1" in html
    assert '<span title="Ban Quản lý Khu kinh tế Hải Phòng">BQLKKT</span>' in html
    assert '<span title="Đảng ủy Khu kinh tế Hải Phòng">ĐUKKT</span>' in html
    assert '<span title="Công đoàn Khu kinh tế Hải Phòng">CĐKKT</span>' in html
    assert f"{reverse('organizing:founding_create')}?enterprise=0299000013" in html


def test_an_enterprise_without_records_says_so(
    bodies: dict[str, Agency], maple: Enterprise, make_user, client_for
) -> None:  # type: ignore[no-untyped-def]
    html = client_for(make_user(Role.VIEWER, bodies["authority"])).get(maple.get_absolute_url()).content.decode()
    assert "Chưa ghi nhận tổ chức nào được thành lập tại doanh nghiệp." in html
    assert "Chưa có hoạt động nào ghi nhận doanh nghiệp tham gia." in html
    assert "Chưa có cuộc kiểm tra, giám sát nào tại doanh nghiệp." in html
    assert "Doanh nghiệp chưa đầu tư dự án nhà ở nào được theo dõi." in html
    assert "Chưa có mô hình nào áp dụng tại doanh nghiệp." in html
    assert f"{reverse('organizing:founding_create')}?enterprise" not in html  # a viewer records nothing


def test_a_long_list_of_activities_links_to_the_full_list(
    bodies: dict[str, Agency], maple: Enterprise, make_user, client_for
) -> None:  # type: ignore[no-untyped-def]
    for i in range(21):
        ActivityFactory(owner_agency=bodies["federation"], enterprises=[maple], start_date=dt.date(2023, 1, 1 + i))
    client: Client = client_for(make_user(Role.SECRETARIAT, bodies["federation"]))
    html = client.get(maple.get_absolute_url()).content.decode()
    link = f"{reverse('activities:activity_list')}?enterprise={maple.pk}"
    assert link in html
    listing = client.get(link).content.decode()
    assert "21 kết quả" in listing
