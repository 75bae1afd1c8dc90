"""Counts for the home page's role cards, one query each, whatever the amount of data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.selectors import approvals_visible_to
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import PlanItem
from phoihop.reports.choices import ReportStatus
from phoihop.reports.models import Report

if TYPE_CHECKING:
    from phoihop.accounts.models import User


@dataclass(frozen=True)
class Card:
    title: str
    count: int
    url: str
    hint: str
    urgent: bool


def late_items(*, user: User, today: dt.date) -> int:
    """Plan items past their deadline and not done; a body's own leader sees the items it leads."""
    queryset = PlanItem.objects.filter(due_date__lt=today).exclude(status=ItemStatus.DONE)
    if user.role in {Role.LEADER, Role.OFFICER} and user.agency_id:
        queryset = queryset.filter(lead_agency_id=user.agency_id)
    return queryset.count()


def role_cards(*, user: User, today: dt.date | None = None) -> list[Card]:
    today = today or timezone.localdate()
    approvals = reverse("indicators:approval")
    plans = reverse("planning:plan_list")
    reports = reverse("reports:report_list")
    cards: list[Card] = []
    if user.role == Role.LEADER:
        waiting = approvals_visible_to(user).filter(status=ApprovalStatus.SUBMITTED).count()
        to_sign = Report.objects.filter(status=ReportStatus.CONFIRMED).count()
        late = late_items(user=user, today=today)
        cards += [
            Card("Số liệu chờ phê duyệt", waiting, approvals, "Kỳ số liệu các cán bộ đã gửi duyệt", waiting > 0),
            Card("Báo cáo chờ ký", to_sign, reports, "Các cơ quan đã xác nhận, chờ lãnh đạo ký", to_sign > 0),
            Card("Nhiệm vụ quá hạn", late, plans, "Nhiệm vụ của đơn vị đã quá thời hạn, chưa hoàn thành", late > 0),
        ]
    elif user.role == Role.OFFICER:
        drafts = approvals_visible_to(user).filter(status__in=[ApprovalStatus.DRAFT, ApprovalStatus.RETURNED]).count()
        late = late_items(user=user, today=today)
        cards += [
            Card("Kỳ số liệu đang nhập hoặc bị trả lại", drafts, approvals, "Cần nhập xong và gửi duyệt", drafts > 0),
            Card("Nhiệm vụ quá hạn", late, plans, "Nhiệm vụ của đơn vị đã quá thời hạn", late > 0),
        ]
    elif user.role in {Role.SECRETARIAT, Role.ADMIN}:
        drafts = Report.objects.exclude(status=ReportStatus.FINAL).count()
        late = late_items(user=user, today=today)
        cards += [
            Card("Báo cáo chưa chốt", drafts, reports, "Dự thảo hoặc đang chờ ký", drafts > 0),
            Card("Nhiệm vụ quá hạn (toàn chương trình)", late, plans, "Của mọi cơ quan", late > 0),
        ]
    else:
        late = late_items(user=user, today=today)
        cards.append(Card("Nhiệm vụ quá hạn (toàn chương trình)", late, plans, "Xem kế hoạch phối hợp", late > 0))
    return cards
