"""The home page opens with what needs the user, by role: a leader sees the periods waiting for their approval,
the reports waiting for a signature and the plan items late; each count links to the full list. The page runs the
same number of queries with ten times the data."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from phoihop.accounts.models import User
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.models import PeriodApproval
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import Plan, PlanItem

pytestmark = pytest.mark.django_db


def card_count(page: str, title: str) -> int:
    match = re.search(r'<div class="stat-value">(\d+)</div>\s*<div class="fw-semibold">' + re.escape(title), page)
    assert match, title
    return int(match.group(1))


def make_late(count: int, leader: User) -> None:
    """`count` more items of the leader's body, due last year and not done."""
    template = PlanItem.objects.filter(plan=Plan.objects.get(year=2023)).first()
    assert template is not None
    top = PlanItem.objects.order_by("-number").values_list("number", flat=True).first() or 0
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=template.plan,
            area=template.area,
            number=top + n + 1,
            title=f"Nhiệm vụ chậm {n}",
            lead_agency_id=leader.agency_id,
            status=ItemStatus.IN_PROGRESS,
            due_date=dt.date(2023, 6, 30),
        )
        for n in range(count)
    )


def test_leader_sees_waiting_approvals_and_late_items(demo, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    leader = User.objects.get(username="ldldtp.lanhdao")
    client = Client()
    client.force_login(leader)
    page = client.get("/").content.decode()
    assert "Việc cần chú ý" in page
    before_late = card_count(page, "Nhiệm vụ quá hạn")
    assert card_count(page, "Số liệu chờ phê duyệt") == 0
    assert 'href="/ke-hoach/"' in page

    make_late(2, leader)
    plan = Plan.objects.get(year=2023)
    PeriodApproval.objects.update_or_create(
        plan=plan,
        agency_id=leader.agency_id,
        period_type="month",
        period_start=dt.date(2023, 12, 1),
        defaults={"period_end": dt.date(2023, 12, 31), "status": ApprovalStatus.SUBMITTED},
    )
    with django_assert_max_num_queries(30) as small:
        page = client.get("/").content.decode()
    assert card_count(page, "Nhiệm vụ quá hạn") == before_late + 2
    waiting = PeriodApproval.objects.filter(agency_id=leader.agency_id, status=ApprovalStatus.SUBMITTED).count()
    assert waiting >= 1
    assert card_count(page, "Số liệu chờ phê duyệt") == waiting

    make_late(20 * (before_late + 2), leader)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get("/").content.decode()
    assert card_count(page, "Nhiệm vụ quá hạn") == 21 * (before_late + 2)


def test_officer_and_viewer_cards(demo) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username="ldldtp.canbo"))
    page = client.get("/").content.decode()
    assert "Kỳ số liệu đang nhập hoặc bị trả lại" in page
    assert "Số liệu chờ phê duyệt" not in page
    client.force_login(User.objects.get(username="bdvtu.thuky"))
    page = client.get("/").content.decode()
    assert "Báo cáo chưa chốt" in page
