"""The home page's role cards: what needs the user, one small query each, whatever the amount of data.

A leader sees what waits for their approval or signature, their body's late plan items and open warnings at the
enterprises it follows; an officer the figures due for the period just ended, the periods still being entered, the
cases close to their deadline and the late items; the secretariat the state of the report being drafted, body by
body, and what its checker finds (fetched after the page shows: the check reads the whole report); a viewer the late
items of the programme. Each card links to the full list, filtered to what it counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.cases.permissions import can_view_cases
from phoihop.cases.selectors import list_cases
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.selectors import approvals_visible_to, values_due
from phoihop.planning.selectors import late_items, plan_of_year
from phoihop.reports.choices import ReportStatus
from phoihop.reports.models import Report
from phoihop.reports.selectors import reports_visible_to
from phoihop.workforce.selectors import list_warnings

if TYPE_CHECKING:
    from phoihop.accounts.models import User


@dataclass(frozen=True)
class Card:
    title: str
    count: int
    url: str
    hint: str
    urgent: bool
    # A card that is a short table rather than a count: (label, state) lines, e.g. a report's bodies.
    lines: tuple[tuple[str, str], ...] = ()
    # A card whose body is fetched after the page shows (htmx), for a count that takes long to compute.
    lazy_url: str = ""


def _url(name: str, **params: object) -> str:
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return reverse(name) + (f"?{query}" if query else "")


def _own_body(user: User) -> int | None:
    """The body whose items a leader's or an officer's cards count; the others see the whole programme."""
    return user.agency_id if user.role in {Role.LEADER, Role.OFFICER} and user.agency_id else None


def late_card(*, user: User, today: dt.date) -> Card:
    body = _own_body(user)
    params = {"don_vi": body} if body else {}
    late = late_items(user=user, today=today, params=params).count()
    if body:
        return Card(
            "Nhiệm vụ quá hạn",
            late,
            _url("planning:late_items", **params),
            "Nhiệm vụ đơn vị chủ trì đã quá thời hạn, chưa hoàn thành",
            late > 0,
        )
    return Card("Nhiệm vụ quá hạn (toàn chương trình)", late, _url("planning:late_items"), "Của mọi cơ quan", late > 0)


def warning_card(*, user: User) -> Card:
    params = {"body": user.agency_id} if user.agency_id else {}
    live = list_warnings(user=user, params=params).count()
    return Card(
        "Cảnh báo lao động đang mở",
        live,
        _url("workforce:warning_list", **params),
        "Ở các doanh nghiệp đơn vị theo dõi, chưa đóng",
        live > 0,
    )


def due_values_card(*, user: User, today: dt.date) -> Card | None:
    plan = plan_of_year(user=user, year=today.year) or plan_of_year(
        user=user, year=(today - dt.timedelta(days=31)).year
    )
    if plan is None:
        return None
    due = values_due(user=user, plan=plan, today=today)
    hint = "Chưa nhập: " + ", ".join(f"{d.indicator.code} ({d.period.label})" for d in due[:3]) if due else ""
    if len(due) > 3:
        hint += f" và {len(due) - 3} chỉ tiêu khác"
    # The link opens the value form on the first figure owed, its indicator, body and period already chosen.
    url = (
        _url(
            "indicators:value_create",
            plan=plan.pk,
            indicator=due[0].indicator.pk,
            agency=user.agency_id,
            period=due[0].period.key,
        )
        if due
        else _url("indicators:value_list", plan=plan.pk)
    )
    return Card(
        "Số liệu đến hạn báo cáo",
        len(due),
        url,
        hint or "Đã nhập đủ số liệu của kỳ vừa kết thúc",
        bool(due),
    )


def due_cases_card(*, user: User) -> Card | None:
    """Counted by the case list's own filter ("Quá hạn hoặc đến hạn trong 24 giờ"), the one its link opens."""
    if not can_view_cases(user):
        return None
    params = {"due_soon": "true"}
    near = list_cases(user=user, params=params).count()
    return Card(
        "Vụ việc quá hạn hoặc sắp đến hạn",
        near,
        _url("cases:case_list", **params),
        "Chưa trả lời, hạn trong 24 giờ tới hoặc đã qua",
        near > 0,
    )


def report_cards(*, user: User) -> list[Card]:
    """The newest report not yet final: its bodies' confirmations and signatures, and the checker's findings."""
    report = (
        reports_visible_to(user)
        .exclude(status=ReportStatus.FINAL)
        .order_by("-plan__year", "-pk")
        .prefetch_related("issuers__agency")
        .first()
    )
    drafts = reports_visible_to(user).exclude(status=ReportStatus.FINAL).count()
    cards = [Card("Báo cáo chưa chốt", drafts, reverse("reports:report_list"), "Dự thảo hoặc đang chờ ký", drafts > 0)]
    if report is None:
        return cards
    lines = tuple(
        (
            issuer.agency.short_code,
            "Đã ký duyệt" if issuer.signed_off_at else "Đã xác nhận" if issuer.confirmed_at else "Chưa xác nhận",
        )
        for issuer in sorted(report.issuers.all(), key=lambda issuer: issuer.position)
    )
    waiting = sum(1 for _code, state in lines if state == "Chưa xác nhận")
    cards.append(
        Card(
            str(report),
            waiting,
            report.get_absolute_url(),
            f"{report.get_status_display()}; số cơ quan chưa xác nhận phần của mình",
            waiting > 0,
            lines=lines,
        )
    )
    cards.append(
        Card(
            "Kiểm tra báo cáo",
            0,
            reverse("reports:report_check", args=[report.pk]),
            "Đang kiểm tra dự thảo…",
            False,
            lazy_url=reverse("reports:report_check_summary", args=[report.pk]),
        )
    )
    return cards


def role_cards(*, user: User, today: dt.date | None = None, now: dt.datetime | None = None) -> list[Card]:
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    cards: list[Card] = []
    if user.role == Role.LEADER:
        waiting = approvals_visible_to(user).filter(status=ApprovalStatus.SUBMITTED).count()
        to_sign = Report.objects.filter(status=ReportStatus.CONFIRMED).count()
        cards += [
            Card(
                "Số liệu chờ phê duyệt",
                waiting,
                reverse("indicators:approval"),
                "Kỳ số liệu các cán bộ đã gửi duyệt",
                waiting > 0,
            ),
            Card(
                "Báo cáo chờ ký",
                to_sign,
                reverse("reports:report_list"),
                "Các cơ quan đã xác nhận, chờ lãnh đạo ký",
                to_sign > 0,
            ),
            late_card(user=user, today=today),
            warning_card(user=user),
        ]
    elif user.role == Role.OFFICER:
        drafts = approvals_visible_to(user).filter(status__in=[ApprovalStatus.DRAFT, ApprovalStatus.RETURNED]).count()
        due = due_values_card(user=user, today=today)
        cards += [due] if due is not None else []
        cards += [
            Card(
                "Kỳ số liệu đang nhập hoặc bị trả lại",
                drafts,
                reverse("indicators:approval"),
                "Cần nhập xong và gửi duyệt",
                drafts > 0,
            ),
        ]
        cases = due_cases_card(user=user)
        cards += [cases] if cases is not None else []
        cards.append(late_card(user=user, today=today))
    elif user.role in {Role.SECRETARIAT, Role.ADMIN}:
        cards += report_cards(user=user)
        cards.append(late_card(user=user, today=today))
    else:
        cards.append(late_card(user=user, today=today))
    return cards
