"""The plan list and the document register as export-only spreadsheet kinds (phoihop.spreadsheets): "Xuất Excel" gives
what the list shows with its current filter, read through the list's own selector (`list_plans`, `list_documents`).
Plans, their items and documents are written on their own pages, so there is no template and no import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from phoihop.planning import permissions
from phoihop.planning.citation import citation
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

PLAN_COLUMNS = (
    Column("year", "Năm", type="int", width=8),
    Column("title", "Kế hoạch", width=50),
    Column("document", "Văn bản", width=50),
    Column("period_start", "Kỳ báo cáo từ ngày", type="date", width=14),
    Column("period_end", "Kỳ báo cáo đến ngày", type="date", width=14),
    Column("status", "Trạng thái", width=18),
    Column("item_done", "Nội dung hoàn thành", type="int", width=14),
    Column("item_total", "Tổng số nội dung", type="int", width=14),
)

DOCUMENT_COLUMNS = (
    Column("citation", "Trích dẫn", width=60),
    Column("issuer", "Cơ quan ban hành", width=40),
    Column("title", "Trích yếu", width=60),
)


def plan_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.planning.selectors import list_plans

    for plan in list_plans(user=user).iterator(1000):
        yield {
            "year": plan.year,
            "title": plan.title,
            "document": citation(plan.document) if plan.document else "",
            "period_start": plan.period_start,
            "period_end": plan.period_end,
            "status": plan.get_status_display(),
            "item_done": plan.item_done,  # type: ignore[attr-defined]
            "item_total": plan.item_total,  # type: ignore[attr-defined]
        }


def document_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.planning.selectors import list_documents

    for document in list_documents(user=user, params=params).iterator(1000):
        issuer = document.issuer or (document.issuer_agency.name if document.issuer_agency else "")
        yield {"citation": citation(document), "issuer": issuer, "title": document.title}


PLANS = SheetKind(
    key="planning.plan",
    label="Kế hoạch phối hợp",
    columns=PLAN_COLUMNS,
    can_export=permissions.can_view_planning,
    export_rows=plan_rows,
    list_url_name="planning:plan_list",
    instructions=("• Các nội dung phối hợp của từng kế hoạch xem trên trang của kế hoạch.",),
)

DOCUMENTS = SheetKind(
    key="planning.document",
    label="Sổ văn bản được trích dẫn",
    columns=DOCUMENT_COLUMNS,
    can_export=permissions.can_view_planning,
    export_rows=document_rows,
    list_url_name="planning:document_list",
)
