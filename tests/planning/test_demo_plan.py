"""The demo 2023 plan reproduces the seed's figures, and its page shows them in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client

from phoihop.accounts.models import User
from phoihop.core.vnformat import Rounding, format_number
from phoihop.demo.loader import load_demo
from phoihop.directory.models import Agency
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.indicators.selectors import plan_progress, target_progress
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import Document, Plan, PlanItem
from phoihop.planning.selectors import plan_overview
from tests.demo.data import rows

NOT_DONE_REASON = rows("planning", "planning.carry_over")[0]["reason"]

pytestmark = pytest.mark.django_db


def line(progress, code: str, body: str):  # type: ignore[no-untyped-def]
    return next(x for x in progress.lines if x.code == code and x.agency_name.startswith(body))


def check_figures_equal_the_seed() -> None:
    plan = Plan.objects.get(year=2023)
    secretariat = User.objects.get(username="bdvtu.thuky")
    overview = plan_overview(user=secretariat, plan=plan)
    assert overview.items.text == "19/20"
    progress = overview.progress
    members = line(progress, "CD-PTDV", "Công đoàn Khu kinh tế")
    assert (members.fraction_text, members.ratio_text) == ("13.297/21.500", "61,8%")
    assert members.behind
    introduced = line(progress, "CD-GTD", "Công đoàn Khu kinh tế")
    assert introduced.fraction_text == "315/190"
    assert introduced.ratio_text == "165,8%"
    assert introduced.percent_text(Rounding.TRUNCATE) == "165,7%"
    truncated = plan_progress(plan=plan, rounding=Rounding.TRUNCATE)
    assert line(truncated, "CD-GTD", "Công đoàn Khu kinh tế").ratio_text == "165,7%"
    assert line(progress, "CD-GTD", "Liên đoàn").actual_text == "3.623"
    assert line(progress, "CD-KND", "Liên đoàn").actual_text == "2.161"
    assert line(progress, "DU-KND", "Đảng ủy").actual_text == "175"
    assert line(progress, "DU-KND-NLD", "Đảng ủy").actual_text == "169"
    assert line(progress, "CD-BAGC", "Liên đoàn").actual_text == "20.000đ - 25.000đ"
    assert progress.violations == ()


def check_each_figure_has_its_rows() -> None:
    plan = Plan.objects.get(year=2023)
    secretariat = User.objects.get(username="bdvtu.thuky")
    for summary in plan_progress(plan=plan).lines:
        assert summary.target_id is not None
        _target, detailed = target_progress(user=secretariat, pk=summary.target_id)
        if summary.actual is not None:
            assert detailed.provenance_total == summary.actual, summary.code
        else:
            assert min(row.value for row in detailed.provenance) == summary.low
            assert max(row.value for row in detailed.provenance) == summary.high
        assert all(row.status == "Đã phê duyệt" for row in detailed.provenance)
    members = next(x for x in plan_progress(plan=plan).lines if x.code == "CD-PTDV")
    assert members.source_count == 12  # spread over the months, not one lump
    _target, detailed = target_progress(user=secretariat, pk=members.target_id)  # type: ignore[arg-type]
    months = [row.value for row in detailed.provenance]
    assert len(set(months)) > 6
    assert max(months) < Decimal(13297) / 6


def check_item_not_done_is_carried_over() -> None:
    old = PlanItem.objects.get(plan__year=2023, status=ItemStatus.NOT_DONE)
    assert old.title.startswith("Tổ chức kiểm tra, giám sát kết quả thực hiện các chỉ thị, nghị quyết, kết luận")
    assert old.not_done_reason == NOT_DONE_REASON
    new = old.carried_to
    assert new.plan.year == 2024
    assert new.carry_over_reason == NOT_DONE_REASON
    assert new.area.number == 2
    items_2024 = [row for row in rows("planning", "planning.item") if row["plan"] == 2024]
    assert PlanItem.objects.filter(plan__year=2024).count() == len(items_2024) + 1


def check_documents_and_approvals() -> None:
    assert Document.objects.count() == len(rows("planning", "planning.document"))
    plan = Plan.objects.get(year=2023)
    assert str(plan.document) == "Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023"
    assert not Document.objects.filter(number="20", symbol="NQ/TW").exclude(issued_on=None).exists()
    statuses = set(PeriodApproval.objects.filter(plan=plan).values_list("status", flat=True))
    assert statuses == {ApprovalStatus.APPROVED}
    assert PeriodApproval.objects.filter(plan=plan).count() == 40  # 12 months x 3 bodies, and 4 quarters
    assert User.objects.filter(username__in=["dukkt.canbo", "dukkt.lanhdao"]).count() == 2


def check_loading_twice_creates_nothing() -> None:
    assert load_demo(only=["planning", "indicators"]).created == {}


def check_plan_page(client: Client) -> None:
    plan = Plan.objects.get(year=2023)
    page = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "Hoàn thành <strong>19/20</strong> nội dung phối hợp" in page
    assert "13.297/21.500" in page
    assert "61,8%" in page
    assert "315/190" in page
    assert "165,8%" in page
    assert "20.000đ - 25.000đ" in page
    assert "Chậm tiến độ" in page
    assert '<progress class="w-100" value="61.8" max="100">' in page
    assert "Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023" in page
    assert "Phối hợp trong công tác kiểm tra, giám sát" in page
    assert "Nguyên nhân: Do trong cùng một thời điểm" in page
    assert "Số liệu không vi phạm quy tắc kiểm tra nào." in page
    fragment = client.get(f"/ke-hoach/{plan.pk}/?part=progress", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    assert "13.297/21.500" in fragment


def check_page_lists_violations(client: Client) -> None:
    plan = Plan.objects.get(year=2023)
    workers = Indicator.objects.get(code="DU-KND-NLD")
    ReportedValue.objects.filter(indicator=workers, period_start=dt.date(2023, 12, 1)).update(value=Decimal(500))
    page = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "Đảng ủy Khu kinh tế Hải Phòng: Số đảng viên mới là người lao động không được vượt" in page


def _grow_values_tenfold(plan: Plan) -> int:
    """Add units under the Economic Zone Union reporting new members every month: ten times the values."""
    members = Indicator.objects.get(code="CD-PTDV")
    parent = Agency.objects.get(short_code="CĐKKT")
    existing = ReportedValue.objects.filter(plan=plan).count()
    units = [
        Agency.objects.create(
            name=f"Công đoàn cơ sở thử nghiệm {n}", short_code=f"CĐCS{n}", kind="union", parent=parent
        )
        for n in range((existing * 9) // 12 + 1)
    ]
    ReportedValue.objects.bulk_create(
        ReportedValue(
            indicator=members,
            plan=plan,
            agency=unit,
            period_type=period.type,
            period_start=period.start,
            period_end=period.end,
            value=Decimal(1),
        )
        for unit in units
        for period in (Period.month(2023, month) for month in range(1, 13))
    )
    assert ReportedValue.objects.filter(plan=plan).count() >= existing * 10
    return len(units) * 12


def check_query_count(client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    plan = Plan.objects.get(year=2023)
    with django_assert_max_num_queries(24):
        assert client.get(f"/ke-hoach/{plan.pk}/").status_code == 200
    added = _grow_values_tenfold(plan)
    with django_assert_max_num_queries(24):
        page = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    # The units' rows count in the Economic Zone Union's figure: the page did read them all.
    assert f"{format_number(13297 + added)}/21.500" in page


def test_home_shows_the_current_plan_for_the_users_body(demo) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username="ldldtp.canbo"))
    page = client.get("/").content.decode()
    assert "Kế hoạch phối hợp năm 2023" in page
    assert "hoàn thành <strong>19/20</strong>" in page
    assert "13.297/21.500" in page
    assert "3.623" in page
    assert "Doanh nghiệp trong danh mục" in page  # the directory cards stay
    assert "Quần chúng ưu tú được kết nạp vào Đảng" not in page  # the Party Committee's line is not theirs
    # "Đoàn viên ưu tú được giới thiệu cho Đảng" is planned for the city's union and the zone's: one indicator, two
    # lines. The card names both counts (with this part of the demo, the union's reported indicators: 4 of them, one
    # of them twice), as the indicator list counts indicators where the card counts lines.
    assert "4 chỉ tiêu, giao cho các đơn vị thành 5 mức, trong đó <strong>1 mức chậm tiến độ</strong>." in page
    assert "Tiến độ 5 mức của 4 chỉ tiêu" in page
    client.force_login(User.objects.get(username="dukkt.canbo"))
    page = client.get("/").content.decode()
    assert "Quần chúng ưu tú được kết nạp vào Đảng" in page
    assert "13.297/21.500" not in page
    assert re.search(r"<p class=\"mb-2\">\d+ chỉ tiêu, (trong đó|không chỉ tiêu nào)", page)  # one line each
    client.force_login(User.objects.get(username="bqlkkt.canbo"))
    page = client.get("/").content.decode()
    assert "Đơn vị chưa có chỉ tiêu nào trong kế hoạch này." in page
    assert "Nội dung BQLKKT chủ trì hoặc phối hợp" in page


# Loading the demo data set takes seconds: each test below loads it once and checks several things.


def test_demo_data_reproduces_the_seed(demo) -> None:  # type: ignore[no-untyped-def]
    check_figures_equal_the_seed()
    check_each_figure_has_its_rows()
    check_item_not_done_is_carried_over()
    check_documents_and_approvals()
    check_loading_twice_creates_nothing()


def test_plan_page_as_the_demo_secretariat(demo, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username="bdvtu.thuky"))
    check_plan_page(client)
    check_query_count(client, django_assert_max_num_queries)
    check_page_lists_violations(client)
