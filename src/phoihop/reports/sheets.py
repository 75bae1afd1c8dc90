"""The report list as an export-only spreadsheet kind (phoihop.spreadsheets): "Xuất Excel" gives every joint report
the list shows, read through its own selector (`list_reports`). Reports are written on their own pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from phoihop.core.vnformat import format_datetime
from phoihop.reports import permissions
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

COLUMNS = (
    Column("report", "Báo cáo", width=40),
    Column("plan", "Kế hoạch", width=40),
    Column("reference", "Số, ký hiệu", width=30),
    Column("status", "Trạng thái", width=16),
    Column("updated_at", "Cập nhật", width=18),
)


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.reports.selectors import list_reports

    for report in list_reports(user=user).iterator(1000):
        # As the list writes it: "12-BC/BDVTU-BQLKKT-LĐLĐTP", or "-BC/…" while the number is not given yet.
        number = str(report.number) if report.number else ""
        yield {
            "report": str(report),
            "plan": str(report.plan),
            "reference": f"{number}-{report.doc_code}/{report.symbol}",
            "status": report.get_status_display(),
            "updated_at": format_datetime(report.updated_at),
        }


REPORTS = SheetKind(
    key="reports.report",
    label="Báo cáo liên tịch",
    columns=COLUMNS,
    can_export=permissions.can_view_reports,
    export_rows=export_rows,
    list_url_name="reports:report_list",
    instructions=("• Nội dung, số liệu và tệp Word của từng báo cáo xem trên trang của báo cáo.",),
)
