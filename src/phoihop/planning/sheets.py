"""The plan list and the document register as export-only spreadsheet kinds (phoihop.spreadsheets): "Xuất Excel" gives
what the list shows with its current filter, read through the list's own selector (`list_plans`, `list_documents`).
Plans, their items and documents are written on their own pages, so there is no template and no import.

Also the columns the record kinds share, whose cells name records of the directory or of the document register
(`enterprise`, `enterprises`, `owner_agency`, `zone`, `document`): each knows how its cells are found in bulk and the
problem for a name not found (spreadsheets.columns.Reference). They are declared here, the lowest app that sees both
the spreadsheet layer and the directory (which imports no app above accounts)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy

from phoihop.core.text import clean_text
from phoihop.directory.validators import normalize_tax_code
from phoihop.planning import permissions
from phoihop.planning.citation import citation, reference_key, split_reference
from phoihop.spreadsheets.columns import Reference
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def _enterprises(user: User, codes: set[str]) -> dict[str, Any]:
    from phoihop.directory.selectors import enterprise_choices

    return {enterprise.tax_code: enterprise for enterprise in enterprise_choices().filter(tax_code__in=codes)}


def _agencies(user: User, codes: set[str]) -> dict[str, Any]:
    from phoihop.directory.selectors import agency_choices

    return {agency.short_code: agency for agency in agency_choices().filter(short_code__in=codes)}


def _zones(user: User, names: set[str]) -> dict[str, Any]:
    from phoihop.directory.selectors import zone_choices

    return {zone.name: zone for zone in zone_choices().filter(name__in=names)}


def _documents(user: User, references: set[str]) -> dict[str, Any]:
    """The registered documents behind the references, as `find_document` finds one (case and spacing do not
    matter; of two with one key, the register's first)."""
    from phoihop.planning.selectors import documents_visible_to

    keys = {reference_key(*split_reference(reference)): reference for reference in references}
    found: dict[str, Any] = {}
    for document in documents_visible_to(user).filter(reference_key__in=keys):
        found.setdefault(document.reference_key, document)
    return {
        reference: found[key]
        for reference in references
        if (key := reference_key(*split_reference(reference))) in found
    }


ENTERPRISE = Reference(
    find=_enterprises,
    name=attrgetter("tax_code"),
    clean=normalize_tax_code,
    missing=gettext_lazy("không có doanh nghiệp mang mã số thuế %(name)s trong danh mục"),
)
ENTERPRISES = Reference(
    find=_enterprises,
    name=attrgetter("tax_code"),
    clean=normalize_tax_code,
    missing=ENTERPRISE.missing,
    many=True,
    commas=True,
)
AGENCY = Reference(find=_agencies, name=attrgetter("short_code"))
ZONE = Reference(find=_zones, name=attrgetter("name"))
DOCUMENT = Reference(
    find=_documents,
    name=attrgetter("reference"),
    clean=clean_text,
    missing=gettext_lazy("không có văn bản số, ký hiệu “%(name)s” trong sổ văn bản"),
)


def _agency_codes(user: User) -> list[str]:
    # Every body, not only the user's: an export of the whole list must read back; rows are checked one by one.
    from phoihop.directory.selectors import agency_choices

    return [agency.short_code for agency in agency_choices()]


def _zone_names(user: User) -> list[str]:
    from phoihop.directory.selectors import zone_choices

    return [zone.name for zone in zone_choices()]


def enterprise(key: str, header: str, **options: Any) -> Column:
    """An enterprise of the directory by its tax code (typed with spaces or dots, or the branch without its hyphen)."""
    return Column(key, header, max_length=20, ref=ENTERPRISE, **options)


def enterprises(key: str, header: str, **options: Any) -> Column:
    """Enterprises of the directory by their tax codes, separated by ";" (or ",")."""
    return Column(key, header, ref=ENTERPRISES, **options)


def owner_agency(header: str, **options: Any) -> Column:
    """The body a record is filed under, by short code; empty: the user's. The list offers every body: an export of
    the whole list must read back, and the services refuse a body that is not the user's."""
    return Column(
        "owner_agency",
        header,
        type="choice",
        choices=_agency_codes,
        help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
        ref=AGENCY,
        **options,
    )


def zone(key: str, header: str, **options: Any) -> Column:
    """An industrial or economic zone by its name, chosen in the list."""
    return Column(key, header, type="choice", choices=_zone_names, ref=ZONE, **options)


def document(key: str, header: str, **options: Any) -> Column:
    """A document of the register by its number and symbol ("15-QĐ/CĐKKT"; case and spacing do not matter)."""
    return Column(key, header, ref=DOCUMENT, **options)


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
