"""Each role's home cards count what needs that person and link to the full list filtered to exactly what was
counted: an officer's figures due for the period just ended, cases close to their deadline, late plan items; a leader's
open warnings; the secretariat's report, body by body, with the checker's findings fetched after the page shows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from phoihop.accounts.models import User
from phoihop.cases.models import Case
from phoihop.dashboard.selectors import role_cards
from phoihop.indicators.models import ReportedValue
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import PlanItem
from phoihop.reports.models import Report
from phoihop.workforce.choices import WarningStatus
from phoihop.workforce.models import Warning

pytestmark = pytest.mark.django_db


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _card(user: User, title: str, **when: object):  # type: ignore[no-untyped-def]
    cards = {card.title: card for card in role_cards(user=user, **when)}  # type: ignore[arg-type]
    assert title in cards, sorted(cards)
    return cards[title]


def _listed(page: str) -> int:
    """How many rows a list page says it holds ("N vụ việc", "N nhiệm vụ"...)."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return len(re.findall(r"<tr[ >]", body)) - body.count("colspan=")


def test_an_officer_sees_the_figures_due_for_the_month_just_ended(whole_demo: None) -> None:
    officer = User.objects.get(username="ldldtp.canbo")
    may = dt.date(2023, 5, 10)
    assert _card(officer, "Số liệu đến hạn báo cáo", today=may).count == 0
    ReportedValue.objects.filter(
        indicator__code="CD-KND", agency=officer.agency, period_type="month", period_start=dt.date(2023, 4, 1)
    ).delete()
    card = _card(officer, "Số liệu đến hạn báo cáo", today=may)
    assert card.count == 1
    assert card.urgent
    assert "CD-KND (Tháng 4/2023)" in card.hint
    # Its link opens the value form with that indicator, the officer's body and April already chosen.
    form = _client("ldldtp.canbo").get(card.url).content.decode()
    indicator_pk = ReportedValue.objects.filter(indicator__code="CD-KND").values_list("indicator_id", flat=True)[0]
    assert re.search(rf'<option value="{indicator_pk}"[^>]*selected', form), card.url
    assert re.search(rf'<option value="{officer.agency_id}"[^>]*selected', form), card.url
    assert re.search(r'<option value="[^"]+"[^>]*selected>Tháng 4/2023</option>', form), card.url
    # A month later April is no longer the period just ended; May is entered.
    assert _card(officer, "Số liệu đến hạn báo cáo", today=dt.date(2023, 6, 10)).count == 0
    # Another body's officer owes nothing for that indicator.
    other = User.objects.get(username="bqlkkt.canbo")
    assert _card(other, "Số liệu đến hạn báo cáo", today=may).count == 0


def test_an_officer_card_of_cases_near_their_deadline_links_to_the_same_cases(whole_demo: None) -> None:
    officer = User.objects.get(username="ldldtp.canbo")
    now = timezone.now()
    mine = list(Case.objects.filter(handling_agency=officer.agency).order_by("pk").values_list("pk", flat=True))
    assert len(mine) >= 3
    Case.objects.filter(pk__in=mine).update(status="closed", closed_at=now)
    Case.objects.filter(pk=mine[0]).update(status="in_progress", due_at=now + dt.timedelta(hours=2))
    Case.objects.filter(pk=mine[1]).update(status="in_progress", due_at=now + dt.timedelta(days=7))
    Case.objects.filter(pk=mine[2]).update(status="received", due_at=now - dt.timedelta(days=1))
    card = _card(officer, "Vụ việc quá hạn hoặc sắp đến hạn", now=now)
    assert card.count == 2
    assert card.urgent
    page = _client("ldldtp.canbo").get(card.url).content.decode()
    assert 'name="due_soon"' in page
    assert _listed(page) == 2
    # Another body's officer does not see them.
    assert _card(User.objects.get(username="bqlkkt.canbo"), "Vụ việc quá hạn hoặc sắp đến hạn", now=now).count == 0


def test_the_late_items_card_opens_the_list_of_exactly_those_items(whole_demo: None) -> None:
    leader = User.objects.get(username="ldldtp.lanhdao")
    template = PlanItem.objects.filter(lead_agency=leader.agency).first()
    assert template is not None
    top = PlanItem.objects.order_by("-number").values_list("number", flat=True).first() or 0
    for n, (agency, status) in enumerate(
        [(leader.agency, ItemStatus.IN_PROGRESS), (leader.agency, ItemStatus.NOT_STARTED), (None, ItemStatus.DONE)]
    ):
        PlanItem.objects.create(
            plan=template.plan,
            area=template.area,
            number=top + n + 1,
            title=f"Nhiệm vụ chậm số {n}",
            lead_agency=agency or User.objects.get(username="bqlkkt.lanhdao").agency,
            status=status,
            due_date=dt.date(2023, 3, 31),
        )
    card = _card(leader, "Nhiệm vụ quá hạn")
    assert card.url == f"/ke-hoach/qua-han/?don_vi={leader.agency_id}"
    page = _client("ldldtp.lanhdao").get(card.url).content.decode()
    assert "Nhiệm vụ chậm số 0" in page
    assert "Nhiệm vụ chậm số 1" in page
    assert "Nhiệm vụ chậm số 2" not in page  # done, and another body's
    assert _listed(page) == card.count >= 2
    everyone = _client("bdvtu.xem").get("/ke-hoach/qua-han/").content.decode()
    assert "Nhiệm vụ chậm số 0" in everyone
    viewer_card = _card(User.objects.get(username="bdvtu.xem"), "Nhiệm vụ quá hạn (toàn chương trình)")
    assert viewer_card.count >= card.count


def test_a_leader_sees_the_open_warnings_of_their_body(whole_demo: None) -> None:
    leader = User.objects.get(username="ldldtp.lanhdao")
    taken_up = Warning.objects.exclude(status=WarningStatus.CLOSED).first()
    assert taken_up is not None
    before = _card(leader, "Cảnh báo lao động đang mở").count
    Warning.objects.filter(pk=taken_up.pk).update(handling_agency=leader.agency)
    card = _card(leader, "Cảnh báo lao động đang mở")
    assert card.count == before + 1
    assert card.url == f"/tinh-hinh-lao-dong/canh-bao/?body={leader.agency_id}"
    page = _client("ldldtp.lanhdao").get(card.url).content.decode()
    assert _listed(page) == card.count
    Warning.objects.update(status=WarningStatus.CLOSED)
    assert _card(leader, "Cảnh báo lao động đang mở").count == 0


def test_the_secretariat_sees_the_report_body_by_body_and_the_checker_after_the_page(whole_demo: None) -> None:
    client = _client("bdvtu.thuky")
    report = Report.objects.get(plan__year=2023)
    page = client.get("/").content.decode()
    assert "Báo cáo kết quả năm 2023" in page
    assert "BQLKKT</span> — Chưa xác nhận" in page
    summary_url = f"/bao-cao/{report.pk}/kiem-tra/tom-tat/"
    assert f'hx-get="{summary_url}"' in page
    assert 'hx-trigger="load"' in page
    issuer = report.issuers.get(agency__short_code="BQLKKT")
    issuer.confirmed_at = timezone.now()
    issuer.save(update_fields=["confirmed_at"])
    page = client.get("/").content.decode()
    assert "BQLKKT</span> — Đã xác nhận" in page
    summary = client.get(summary_url).content.decode()
    assert "Lỗi trong dự thảo: Báo cáo kết quả năm 2023" in summary
    assert f'href="/bao-cao/{report.pk}/kiem-tra/"' in summary
    assert re.search(r'<div class="stat-value">\d+</div>', summary)


def test_the_role_cards_run_a_fixed_number_of_queries(whole_demo: None, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    officer = User.objects.get(username="ldldtp.canbo")
    may = dt.date(2023, 5, 10)
    with django_assert_max_num_queries(12) as few:
        role_cards(user=officer, today=may)
    ReportedValue.objects.filter(agency=officer.agency, period_start__gte=dt.date(2023, 4, 1)).delete()
    with django_assert_max_num_queries(len(few.captured_queries)):
        cards = role_cards(user=officer, today=may)
    assert next(card for card in cards if card.title == "Số liệu đến hạn báo cáo").count >= 2
