"""The case list as an export-only spreadsheet kind (phoihop.spreadsheets): "Xuất Excel" on the case list gives every
case the list shows with its current filter, read through the list's own selector (`selectors.list_cases`, so its
visibility rules hold: a user never gets a case the list would not show).

The requester's name, phone number and employer come through `selectors.personal_data_for`, which decides case by
case with the rule of the case page (`permissions.can_see_personal_data`): in clear for a handler of the case's
handling body, masked "••••••" for everyone else, as the list page shows them. The requester's own account (free
text, sensitive by default) is not exported at all. Each export leaves one audit event: who, how many cases, how
many of them with personal data in clear, and the filter (the filters take no personal data).

Cases are written only on their own pages (consent, handler grant, deadlines), so there is no template and no
import."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.views.decorators.debug import sensitive_variables

from phoihop.cases import permissions
from phoihop.cases.filters import CaseFilter
from phoihop.cases.models import Case
from phoihop.cases.services.privacy import record_case_export
from phoihop.core.audit import MASK
from phoihop.core.vnformat import format_datetime
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

BATCH = 500
PERSONAL_KEYS = ("full_name", "phone", "employer")
# The list's own parameters; anything else in the query string is ignored by the list and left out of the audit.
FILTER_KEYS = (*CaseFilter.base_filters, "sort")

COLUMNS = (
    Column("number", "Số vụ việc", type="int", width=10),
    Column("received_at", "Tiếp nhận lúc", width=20),
    Column("channel", "Kênh tiếp nhận", width=22),
    Column("requester_kind", "Người hỏi là", width=16),
    Column("topic", "Chủ đề", width=36),
    Column("enterprise", "Doanh nghiệp liên quan", width=30),
    Column("zone", "Khu công nghiệp, khu kinh tế", width=24),
    Column("handling_agency", "Đơn vị xử lý", width=30),
    Column("handler", "Cán bộ xử lý", width=22),
    Column("status", "Trạng thái", width=18),
    Column("due_at", "Hạn trả lời", width=20),
    Column("overdue", "Quá hạn", width=10),
    Column("answered_at", "Trả lời lúc", width=20),
    Column("full_name", "Họ và tên người hỏi", width=26),
    Column("phone", "Số điện thoại", width=16),
    Column("employer", "Nơi làm việc", width=30),
)


class Personal(str):
    """A personal value on its way into the workbook. Its repr — what an error report or a log line would print —
    is the mask, never the value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(MASK)


def _moment(value: Any) -> str:
    return format_datetime(value) if value else ""


@sensitive_variables()
def _batch_rows(user: User, batch: list[Case]) -> tuple[list[dict[str, Any]], int]:
    """The rows of a batch and how many of them carry the requester's data in clear. A list, not a generator: the
    decorator only hides the locals of a frame it calls directly."""
    from phoihop.cases.selectors import personal_data_for

    people = personal_data_for(user=user, cases=batch)
    rows = []
    shown = 0
    for case in batch:
        person = people[case.pk]
        values = {key: Personal(getattr(person, key)) for key in PERSONAL_KEYS}
        # In clear, and something to show (an anonymised case has nothing left).
        shown += person.visible and any(values.values())
        rows.append(
            {
                "number": case.pk,
                "received_at": _moment(case.received_at),
                "channel": case.get_channel_display(),
                "requester_kind": case.get_requester_kind_display(),
                "topic": case.topic.path,
                "enterprise": case.enterprise.name if case.enterprise else "",
                "zone": case.zone.name if case.zone else "",
                "handling_agency": case.handling_agency.name,
                "handler": str(case.handler) if case.handler else "",
                "status": case.get_status_display(),
                "due_at": _moment(case.due_at),
                "overdue": "Có" if case.is_overdue else "",
                "answered_at": _moment(case.answered_at),
                **values,
            }
        )
    return rows, shown


def export_rows(user: User, params: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """Every case of the list with its filter, in the list's order; the audit event once the last row is out."""
    from phoihop.cases.selectors import list_cases

    total = shown = 0
    batch: list[Case] = []
    for case in list_cases(user=user, params=params).iterator(chunk_size=BATCH):
        batch.append(case)
        if len(batch) == BATCH:
            rows, visible = _batch_rows(user, batch)
            total, shown, batch = total + len(rows), shown + visible, []
            yield from rows
    if batch:
        rows, visible = _batch_rows(user, batch)
        total, shown = total + len(rows), shown + visible
        yield from rows
    record_case_export(actor=user, rows=total, personal_rows=shown, filters=filter_text(params))


def filter_text(params: Mapping[str, Any]) -> str:
    pairs = []
    for key in FILTER_KEYS:
        value = params.get(key)
        if value not in (None, ""):
            pairs.append((key, str(value)))
    return urlencode(pairs)


CASES = SheetKind(
    key="cases.case",
    label="Vụ việc tư vấn, hỗ trợ",
    columns=COLUMNS,
    can_export=permissions.can_view_cases,
    export_rows=export_rows,
    list_url_name="cases:case_list",
    instructions=(
        "• Họ tên, số điện thoại, nơi làm việc của người hỏi chỉ hiện rõ ở vụ việc anh/chị được giao xử lý; "
        "ở các vụ việc khác được che “••••••”.",
        "• Tệp có thông tin cá nhân của người lao động: chỉ dùng để xử lý vụ việc, không chuyển cho người khác, "
        "xóa khi không còn cần (mỗi lần xuất được ghi vào nhật ký).",
    ),
)


# --- the petition and topic lists: export only (no personal data: a petition names a group or unit, never a person) -

PETITION_COLUMNS = (
    Column("title", "Kiến nghị", width=50),
    Column("raised_by", "Tập thể, đơn vị kiến nghị", width=36),
    Column("raised_on", "Ngày", type="date", width=12),
    Column("responsible_agency", "Cơ quan chịu trách nhiệm", width=16),
    Column("conclusion_document", "Văn bản trả lời", width=50),
    Column("status", "Trạng thái", width=20),
)

TOPIC_COLUMNS = (
    Column("path", "Chủ đề", width=50),
    Column("phrase", "Cách viết trong báo cáo", width=40),
    Column("position", "Thứ tự", type="int", width=8),
    Column("is_active", "Đang dùng", width=10),
)


def petition_rows(user: User, params: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """Every petition of the list with its filter and sort, the list page's columns (not the full text or answer)."""
    from phoihop.cases.selectors import list_petitions

    for petition in list_petitions(user=user, params=params).iterator(1000):
        yield {
            "title": petition.title,
            "raised_by": petition.raised_by,
            "raised_on": petition.raised_on,
            "responsible_agency": petition.responsible_agency.short_code,
            "conclusion_document": str(petition.conclusion_document) if petition.conclusion_document else "",
            "status": petition.get_status_display(),
        }


def topic_rows(user: User, params: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The whole tree in the page's order; a sub-topic is written with its parents ("Tiền lương › Nợ lương")."""
    from phoihop.cases.selectors import list_topics

    for topic in list_topics(user=user):
        yield {"path": topic.path, "phrase": topic.phrase, "position": topic.position, "is_active": topic.is_active}


PETITIONS = SheetKind(
    key="cases.petition",
    label="Kiến nghị tại hội nghị đối thoại",
    columns=PETITION_COLUMNS,
    can_export=permissions.can_view_cases,
    export_rows=petition_rows,
    list_url_name="cases:petition_list",
    instructions=("• Nội dung đầy đủ, câu trả lời và việc theo dõi của từng kiến nghị xem trên trang của kiến nghị.",),
)

TOPICS = SheetKind(
    key="cases.topic",
    label="Chủ đề vụ việc",
    columns=TOPIC_COLUMNS,
    can_export=permissions.can_view_cases,
    export_rows=topic_rows,
    list_url_name="cases:topic_list",
)
