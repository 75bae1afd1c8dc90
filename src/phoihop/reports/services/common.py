"""What the report services share: the fields each may change, input cleaning, the checks of state."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.text import clean_text, nfc
from phoihop.reports.choices import ReportStatus
from phoihop.reports.models import Report, ReportIssuer

if TYPE_CHECKING:
    from phoihop.directory.models import Agency


REPORT_FIELDS = (
    "summary",
    "doc_code",
    "symbol",
    "number",
    "place",
    "issue_date",
    "issue_year",
    "draft_mark",
    "data_annex",
    "rounding",
    "recipients",
    "fixed_expressions",
)
ISSUER_FIELDS = ("profile", "header_lines", "authority", "office", "signer_title", "signer_name", "organisation")
LISTING_FIELDS = (
    "key",
    "title",
    "source",
    "record_filter",
    "agency",
    "period_mode",
    "intro",
    "pattern",
    "value_field",
    "separator",
    "ending",
    "owner_agency",
)
MULTILINE = {"summary", "recipients", "fixed_expressions", "header_lines", "text", "intro", "pattern"}
KEEP_SPACES = {"separator", "ending"}
KIND_ORDER = {"party": 0, "state": 1, "union": 2, "youth": 3, "other": 4}
DEFAULT_PROFILE = {"party": "hd36", "state": "nd30", "union": "tld", "youth": "tld", "other": "nd30"}
NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]*$")


def clean(data: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(
            _("Trường không được phép sửa: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}, code="unknown_field"
        )
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, str):
            if name in MULTILINE:
                value = "\n".join(line.rstrip() for line in nfc(value).strip().splitlines())
            elif name in KEEP_SPACES:
                value = nfc(value)
            else:
                value = clean_text(value)
        cleaned[name] = value
    return cleaned


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def require_draft(report: Report) -> None:
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(
            _("Báo cáo đang ở trạng thái “%(status)s”, không sửa được nữa.") % {"status": report.get_status_display()},
            code="not_draft",
        )


def issuer_for(report: Report, agency: Agency) -> ReportIssuer:
    issuer = report.issuers.filter(agency=agency).first()
    if issuer is None:
        raise field_error(
            "owner_agency",
            _("%(body)s không phải cơ quan ban hành của báo cáo này.") % {"body": agency.name},
            "not_an_issuer",
        )
    return issuer


def check_part_open(report: Report, agency: Agency) -> None:
    issuer = issuer_for(report, agency)
    if issuer.is_confirmed:
        raise ValidationError(
            _("%(body)s đã xác nhận phần của mình; hãy hủy xác nhận trước khi sửa.") % {"body": agency.name},
            code="part_confirmed",
        )
