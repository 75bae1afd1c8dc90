"""Labour reports as a spreadsheet kind (phoihop.spreadsheets): one row per report (enterprise by tax code, report
type, first day of the period and every figure of the form), written through `create_report` / `update_report` — the
app's rules, permission, owner body and versions, one audit event per report — inside the layer's one transaction.
A report already recorded for the same enterprise, type and period is updated after the officer confirms the
preview (only while it is a draft or returned), so an export imported back changes nothing.

The incident and survey lists are export-only kinds: "Xuất Excel" gives what the list shows with its current filter
(`list_incidents`, `list_surveys`); their records are written on their own pages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import partial
from itertools import repeat
from operator import is_not, methodcaller
from typing import TYPE_CHECKING, Any, cast

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, DecimalField, Field, IntegerField, QuerySet
from django.utils.translation import gettext as _

from phoihop.core.text import nfc
from phoihop.core.vnformat import format_datetime, format_number
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.columns import column_rows
from phoihop.spreadsheets.registry import Change, Checked, Column, Row, SheetKind
from phoihop.workforce import permissions
from phoihop.workforce.choices import ReportType
from phoihop.workforce.models import LabourReport
from phoihop.workforce.selectors import list_incidents, list_surveys, list_warnings
from phoihop.workforce.services.reports import (
    MONEY_FIELDS,
    REPORT_FIELDS,
    _check_period,
    _clean,
    check_report,
    fields_of,
    update_report,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User

TYPE_BY_LABEL = {str(label): value for value, label in ReportType.choices}
LABEL_BY_TYPE = {value: label for label, value in TYPE_BY_LABEL.items()}
YES, NO = "Có", "Không"
INT_FIELDS = fields_of(IntegerField)
DECIMAL_FIELDS = fields_of(DecimalField)
BOOL_FIELDS = fields_of(BooleanField)
DATE_FIELDS = ("agreement_expires_on", "last_workers_conference")


def _owner_codes(user: User) -> list[str]:
    from phoihop.directory.selectors import owner_choices

    return [agency.short_code for agency in owner_choices(user=user)]


def _yes_no(user: User) -> list[str]:
    return [YES, NO]


def _int(key: str, header: str, *, required: bool = False, help: str = "") -> Column:
    return Column(key, header, type="int", required=required, num_format="#,##0", help=help)


COLUMNS = (
    Column("enterprise", "Mã số thuế doanh nghiệp", required=True, max_length=20, width=18),
    Column(
        "report_type", "Loại báo cáo", type="choice", required=True, choices=lambda user: list(TYPE_BY_LABEL), width=30
    ),
    Column(
        "period_start",
        "Ngày đầu kỳ báo cáo",
        type="date",
        required=True,
        width=14,
        help="ngày mùng 1 của tháng đầu kỳ, ví dụ 01/03/2026",
    ),
    _int("headcount", "Tổng số lao động", required=True),
    _int("women", "Lao động nữ"),
    _int("other_province", "Lao động ngoại tỉnh"),
    _int("foreign_workers", "Lao động nước ngoài"),
    _int("hires", "Tuyển mới trong kỳ"),
    _int("leavers", "Nghỉ việc trong kỳ"),
    _int("union_members", "Đoàn viên công đoàn"),
    _int("average_income", "Thu nhập bình quân (đồng/tháng)"),
    _int("lowest_wage", "Mức lương thấp nhất đang trả (đồng/tháng)"),
    _int("meal_value", "Giá trị bữa ăn giữa ca (đồng/suất)"),
    Column("overtime_avg_hours", "Giờ làm thêm bình quân (giờ/tháng)", type="decimal"),
    Column("overtime_max_hours", "Giờ làm thêm cao nhất (giờ/tháng)", type="decimal"),
    Column("overtime_year_max_hours", "Giờ làm thêm cao nhất (giờ/năm)", type="decimal"),
    Column("has_collective_agreement", "Có thỏa ước lao động tập thể", type="choice", choices=_yes_no, width=12),
    Column("agreement_expires_on", "Thỏa ước hết hạn ngày", type="date", width=14),
    Column("has_democracy_regulation", "Có quy chế dân chủ ở cơ sở", type="choice", choices=_yes_no, width=12),
    Column("last_workers_conference", "Ngày hội nghị người lao động gần nhất", type="date", width=14),
    _int("si_arrears_amount", "Số tiền nợ bảo hiểm xã hội (đồng)"),
    _int("si_arrears_months", "Số tháng nợ bảo hiểm xã hội"),
    _int("wage_delay_days", "Số ngày chậm trả lương"),
    Column("notes", "Ghi chú", max_length=5000, width=30),
    Column(
        "owner_agency",
        "Đơn vị báo cáo",
        type="choice",
        choices=_owner_codes,
        help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
    ),
)
HEADERS = {column.key: column.header for column in COLUMNS}


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The list's reports (its filter and order) as rows of cells: read as tuples of values (no model instance), in
    chunks of 2.000 from the database."""
    from phoihop.workforce.selectors import list_reports

    lookups = {"enterprise": "enterprise__tax_code", "owner_agency": "owner_agency__short_code"}
    keys = [column.key for column in COLUMNS]
    reports = list_reports(user=user, params=params).values_list(*[lookups.get(key, key) for key in keys])
    label, yes_no = LABEL_BY_TYPE.get, {True: YES, False: NO}
    for values in reports.iterator(chunk_size=2000):
        row = dict(zip(keys, values, strict=True))
        row["report_type"] = label(row["report_type"], row["report_type"])
        for name in BOOL_FIELDS:
            row[name] = yes_no[bool(row[name])]
        yield row


def _data(values: Mapping[str, Any], enterprise: Any) -> dict[str, Any]:
    """The service's data from a parsed row (the reader gave each cell its column's type: int, Decimal, date)."""
    get = values.get
    data: dict[str, Any] = {
        "enterprise": enterprise,
        "report_type": TYPE_BY_LABEL[str(values["report_type"])],
        "period_start": values["period_start"],
        "notes": str(get("notes") or "").strip(),
    }
    data.update(zip(VALUE_FIELDS, map(get, VALUE_FIELDS), strict=True))
    data["has_collective_agreement"] = get("has_collective_agreement") == YES
    data["has_democracy_regulation"] = get("has_democracy_regulation") == YES
    if data["si_arrears_months"] is None:
        data["si_arrears_months"] = 0
    if data["wage_delay_days"] is None:
        data["wage_delay_days"] = 0
    return data


VALUE_FIELDS = (*INT_FIELDS, *DECIMAL_FIELDS, *DATE_FIELDS)


def _cleaned(data: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """What `_clean` gives for a row of `_data` whose numbers pass its checks (none below zero; the money fields are
    whole numbers, as the reader gives every whole-number column): its text NFC, without invisible controls, trimmed
    (each distinct text cleaned once, through `texts`). The tests pin the two to the same result."""
    for name in ("report_type", "notes"):
        text = data[name]
        clean = texts.get(text)
        if clean is None:
            clean = texts[text] = nfc(text).strip()
        data[name] = clean
    return data


def _unusual(rows: list[Row], limits: Mapping[str, tuple[int | Decimal, int]], money: Iterable[str]) -> set[int]:
    """The positions in `rows` of the rows with a number `_out_of_range` or `_clean` may refuse (below zero, beyond
    its field's limit, more decimal places than the field keeps, a money figure not a whole number): decided a column
    at a time, in one pass over the chunk when every number of a column is within bounds. Only these rows go through
    both checks row by row; every other row passes them."""
    dicts = [row.values for row in rows]
    unusual: set[int] = set()
    present = partial(is_not, None)
    for name, (high, places) in limits.items():
        column: list[Any] = list(map(dict.get, dicts, repeat(name)))
        numbers: list[Any] = list(filter(present, column))
        if not numbers:
            continue
        kinds = set(map(type, numbers))
        if (
            min(numbers) >= 0
            and max(numbers) <= high
            and (kinds == {int} or (name not in money and kinds <= {int, Decimal}))
            and not (places and any(value != round(value, places) for value in set(numbers)))
        ):
            continue
        unusual.update(position for position, value in enumerate(column) if value is not None)
    return unusual


def _limits() -> dict[str, tuple[int | Decimal, int]]:
    """The largest value the database keeps for each whole-number field, and the digits of each decimal field: a cell
    beyond them is a row problem, not a failed insert."""
    from django.db.backends.base.operations import BaseDatabaseOperations

    limits: dict[str, tuple[int | Decimal, int]] = {}
    for name in (*INT_FIELDS, *DECIMAL_FIELDS):
        model_field = cast("Field[Any, Any]", LabourReport._meta.get_field(name))
        if isinstance(model_field, DecimalField):
            places = model_field.decimal_places
            limits[name] = (Decimal(10 ** (model_field.max_digits - places)) - Decimal(1).scaleb(-places), places)
        else:
            # The portable ranges (PostgreSQL's), not SQLite's 64 bits: a file valid on one database is valid on both.
            _low, high = BaseDatabaseOperations.integer_field_ranges[model_field.get_internal_type()]
            limits[name] = (high, 0)
    return limits


def _out_of_range(data: Mapping[str, Any], limits: Mapping[str, tuple[int | Decimal, int]]) -> tuple[str, str] | None:
    for name, (high, places) in limits.items():
        value = data.get(name)
        if value is None:
            continue
        if value > high:
            return name, _("quá lớn (tối đa %(max)s)") % {"max": format_number(high)}
        if places and isinstance(value, Decimal) and value != round(value, places):
            return name, _("chỉ ghi %(n)s chữ số sau dấu phẩy") % {"n": places}
    return None


# What a new report is inserted with (spreadsheets.bulk.insert_rows), in this order: the bookkeeping fields, then the
# form's fields as the service's data holds them.
FORM_FIELDS = REPORT_FIELDS[REPORT_FIELDS.index("headcount") :]
INSERT_FIELDS = (
    "created_at",
    "updated_at",
    "version",
    "enterprise",
    "owner_agency",
    "report_type",
    "period_start",
    "period_end",
    "status",
    "return_reason",
    *FORM_FIELDS,
)


def check(user: User, rows: list[Row]) -> Checked:
    return check_chunks(user, [rows])


def check_chunks(user: User, chunks: Iterable[list[Row]]) -> Checked:
    """The whole file against the database, a chunk of rows at a time, in a fixed number of queries per chunk (the
    enterprises it names that earlier chunks did not, the reports already recorded for them in its periods) and one
    for the owner bodies; every rule `create_report` keeps is checked row by row in Python. A new report is kept as
    the tuple of values `apply` inserts (INSERT_FIELDS), not as a model instance."""
    from django.utils import timezone

    from phoihop.directory.selectors import owner_choices
    from phoihop.workforce.models import period_end_of

    checked = Checked()
    owners = {agency.short_code: agency for agency in owner_choices(user=user)}
    default_owner = user.agency if not user.is_admin else None
    enterprises: dict[str, int] = {}  # tax code → primary key, for the codes met so far
    unknown: set[str] = set()
    # The period's rules and its end depend on its type and first day only: decided once per pair in the file.
    periods: dict[tuple[str, Any], tuple[Any, ValidationError | None]] = {}
    limits = _limits()
    seen: dict[tuple[Any, ...], int] = {}
    new: list[tuple[Any, ...]] = []
    updates: list[tuple[LabourReport, dict[str, Any]]] = []
    now = timezone.now()
    version, status = (
        cast("Field[Any, Any]", LabourReport._meta.get_field(name)).get_default() for name in ("version", "status")
    )
    # The status as a plain string, not the ReportStatus member (the same text in the database): a tuple of plain
    # values only is dropped from the garbage collector's watch, whereas 100.000 tuples holding the member would be
    # walked again by each of its collections.
    status = str(status)
    for rows in chunks:
        codes = {code for row in rows if (code := str(row.values.get("enterprise") or "").strip())}
        codes -= enterprises.keys() | unknown
        if codes:
            found_codes = dict(Enterprise.objects.filter(tax_code__in=codes).values_list("tax_code", "pk"))
            enterprises.update(found_codes)
            unknown |= codes - found_codes.keys()
        candidates: list[tuple[int, dict[str, Any], Any, int]] = []
        unusual = _unusual(rows, limits, MONEY_FIELDS)
        texts: dict[str, str] = {}
        for position, row in enumerate(rows):
            values = row.values
            owner = owners.get(str(values["owner_agency"])) if values.get("owner_agency") else default_owner
            if owner is None:
                checked.problem(row.number, "owner_agency", _("hãy chọn đơn vị báo cáo"))
                continue
            code = str(values.get("enterprise") or "").strip()
            if code and code not in enterprises:
                message = _("không có doanh nghiệp mang mã số thuế %(code)s trong danh mục") % {"code": code}
                checked.problem(row.number, "enterprise", message)
                continue
            if not (code and values.get("report_type") and values.get("period_start")):
                continue
            data = _data(values, enterprises[code])
            start = data["period_start"]
            if start.day != 1:
                checked.problem(row.number, "period_start", _("kỳ báo cáo bắt đầu từ ngày mùng 1 của tháng"))
                continue
            suspect = position in unusual
            if suspect:
                beyond = _out_of_range(data, limits)
                if beyond is not None:
                    checked.problem(row.number, *beyond)
                    continue
            period = periods.get((data["report_type"], start))
            if period is None:
                period = periods[data["report_type"], start] = _period(data, _check_period, period_end_of)
            try:
                if period[1] is not None:
                    raise period[1]
                data = _clean(data) if suspect else _cleaned(data, texts)
                check_report(data)
            except ValidationError as error:
                field = next(iter(getattr(error, "error_dict", {})), "headcount")
                checked.problem(row.number, field if field in HEADERS else "headcount", " ".join(error.messages))
                continue
            key = (data["enterprise"], data["report_type"], start)
            if key in seen:
                message = _("trùng doanh nghiệp, loại và kỳ báo cáo với dòng %(n)s") % {"n": seen[key]}
                checked.problem(row.number, "period_start", message)
                continue
            seen[key] = row.number
            candidates.append((row.number, data, period[0], owner.pk))
        existing = _existing(candidates)
        for number, data, end, owner_pk in candidates:
            key = (data["enterprise"], data["report_type"], data["period_start"])
            found = existing.get(key)
            if found is None:
                head = (now, now, version, data["enterprise"], owner_pk, data["report_type"], data["period_start"])
                new.append((*head, end, status, "", *map(data.__getitem__, FORM_FIELDS)))
                continue
            data["enterprise"] = found.enterprise
            fields = _differences(found, data)
            if not fields:
                checked.unchanged += 1
                continue
            if not permissions.can_edit_report(user, found):
                checked.problem(
                    number,
                    "period_start",
                    _("báo cáo kỳ này đã có (do %(agency)s nhập, trạng thái “%(status)s”), anh/chị không sửa được")
                    % {"agency": found.owner_agency.short_code, "status": found.get_status_display()},
                )
                continue
            checked.changes.append(Change(number, f"{found.enterprise.name} — {found.period_label}", fields))
            updates.append((found, data))
    checked.new = len(new)
    checked.state = (new, updates)
    return checked


def _period(data: Mapping[str, Any], rule: Any, end_of: Any) -> tuple[Any, ValidationError | None]:
    """The period's last day and the refusal of `_check_period` (None: aligned), for a type and a first day."""
    try:
        rule(data)
    except ValidationError as error:
        return None, error
    return end_of(data["report_type"], data["period_start"]), None


def _existing(candidates: list[tuple[int, dict[str, Any], Any, int]]) -> dict[tuple[Any, ...], LabourReport]:
    """The reports already recorded for the chunk's enterprises in its periods (one query; none for no rows)."""
    if not candidates:
        return {}
    pks = {data["enterprise"] for _number, data, _end, _owner in candidates}
    starts = {data["period_start"] for _number, data, _end, _owner in candidates}
    return {
        (r.enterprise_id, r.report_type, r.period_start): r
        for r in LabourReport.objects.filter(enterprise_id__in=pks, period_start__in=starts).select_related(
            "enterprise", "owner_agency"
        )
    }


def _differences(report: LabourReport, data: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    fields = {}
    for key, value in data.items():
        old_value = getattr(report, key)
        if old_value == value or (old_value in ("", None) and value in ("", None)):
            continue
        old, new = ("" if old_value is None else str(old_value)), ("" if value is None else str(value))
        if key in BOOL_FIELDS:
            old, new = (YES if old_value else NO), (YES if value else NO)
        if old != new:
            fields[HEADERS.get(key, key)] = (old, new)
    return fields


def apply(user: User, checked: Checked) -> int:
    """New reports in one bulk insert (COPY on PostgreSQL; the file's one audit event is the layer's), existing ones
    through `update_report` (version guard, its own audit event), in the layer's transaction."""
    from django.core.exceptions import PermissionDenied

    from phoihop.spreadsheets.bulk import insert_rows

    new, updates = checked.state
    if new and not permissions.can_create_report(user):
        raise PermissionDenied
    insert_rows(LabourReport, INSERT_FIELDS, new)
    for found, data in updates:
        try:
            update_report(actor=user, report=found, data=data, expected_version=found.version)
        except ValidationError as error:
            raise ValidationError(
                f"{data['enterprise'].name}: {' '.join(error.messages)}", code="import_row"
            ) from error
    return len(new) + len(updates)


LABOUR_REPORTS = SheetKind(
    key="workforce.labour_report",
    label="Báo cáo tình hình lao động",
    columns=COLUMNS,
    natural_key=("enterprise", "report_type", "period_start"),
    can_import=permissions.can_create_report,
    can_export=permissions.can_view_workforce,
    export_rows=export_rows,
    check=check,
    check_chunks=check_chunks,
    apply=apply,
    list_url_name="workforce:report_list",
    instructions=(
        "• Báo cáo đã có (cùng doanh nghiệp, loại và kỳ) được cập nhật sau khi anh/chị xác nhận, "
        "nếu còn đang nhập hoặc bị trả lại.",
        "• Báo cáo nhập từ tệp ở trạng thái đang nhập; gửi duyệt trên trang của từng báo cáo.",
    ),
)


# --- the incident and survey lists: export only (written on their own pages: steps, supports, questions) -----------


def _zone_name(record: Any) -> str:
    zone = record.enterprise.zone
    return zone.name if zone else ""


INCIDENT_COLUMNS = (
    Column("started_on", "Ngày xảy ra", type="date", width=14),
    Column("ended_on", "Ngày kết thúc", type="date", width=14),
    Column("kind", "Loại vụ việc", width=30, read=methodcaller("get_kind_display")),
    Column("enterprise", "Doanh nghiệp", width=40, read="enterprise.name"),
    Column("tax_code", "Mã số thuế", width=16, read="enterprise.tax_code"),
    Column("zone", "Khu công nghiệp, khu kinh tế", width=26, read=_zone_name),
    Column("workers_involved", "Số người lao động liên quan", type="int", width=14),
    Column("cause_topic", "Nguyên nhân, yêu cầu chính", width=30, read=methodcaller("get_cause_topic_display")),
    Column("demands", "Yêu cầu, nguyên nhân cụ thể", width=40),
    Column(
        "handled_by",
        "Cơ quan tham gia giải quyết",
        width=24,
        read=lambda incident: "; ".join(sorted(agency.short_code for agency in incident.handled_by.all())),
    ),
    Column("outcome", "Kết quả", width=20, read=methodcaller("get_outcome_display")),
    Column("outcome_text", "Kết quả cụ thể", width=40),
    Column("follow_up", "Việc cần theo dõi tiếp", width=40),
    Column("owner_agency", "Đơn vị theo dõi", width=14, read="owner_agency.short_code"),
)

SURVEY_COLUMNS = (
    Column("title", "Tên cuộc khảo sát", width=50),
    Column("opens_on", "Mở từ ngày", type="date", width=14),
    Column("closes_on", "Đến hết ngày", type="date", width=14),
    Column("enterprise_count", "Số doanh nghiệp khảo sát", type="int", width=14),
    Column("response_count", "Số phiếu trả lời", type="int", width=14),
    Column("owner_agency", "Đơn vị khảo sát", width=14, read="owner_agency.short_code"),
)


INCIDENTS = SheetKind(
    key="workforce.incident",
    label="Vụ việc lao động tại doanh nghiệp",
    columns=INCIDENT_COLUMNS,
    can_export=permissions.can_view_workforce,
    export_rows=column_rows(INCIDENT_COLUMNS, list_incidents, related=("handled_by",), chunk=1000),
    list_url_name="workforce:incident_list",
    instructions=("• Diễn biến xử lý và hỗ trợ người lao động của từng vụ việc xem trên trang của vụ việc.",),
)

SURVEYS = SheetKind(
    key="workforce.survey",
    label="Khảo sát người lao động",
    columns=SURVEY_COLUMNS,
    can_export=permissions.can_view_workforce,
    export_rows=column_rows(SURVEY_COLUMNS, list_surveys, chunk=1000),
    list_url_name="workforce:survey_list",
    instructions=("• Kết quả từng câu hỏi xem trên trang của cuộc khảo sát.",),
)


# --- the warning list: export only (warnings are raised by the rules and worked on their own page) ------------------

WARNING_COLUMNS = (
    Column("enterprise", "Doanh nghiệp", width=40, read="enterprise.name"),
    Column("zone", "Khu công nghiệp, khu kinh tế", width=26, read=_zone_name),
    Column("rule", "Cảnh báo", width=36, read="rule.name"),
    Column("severity", "Mức độ", width=12, read=methodcaller("get_severity_display")),
    Column("summary", "Căn cứ", width=60),
    Column("opened_at", "Phát sinh", width=18, read=lambda warning: format_datetime(warning.opened_at)),
    Column("status", "Trạng thái", width=16, read=methodcaller("get_status_display")),
    Column(
        "handling_agency",
        "Đơn vị xử lý",
        width=14,
        read=lambda warning: warning.handling_agency.short_code if warning.handling_agency else "",
    ),
)


def _warnings(*, user: User, params: Mapping[str, Any]) -> QuerySet[Any]:
    """The warnings the list shows with its filter (search, zone, body, rule, status), in its order. The list's
    evidence prefetch serves its page links; the export's columns do not need it."""
    return list_warnings(user=user, params=params).prefetch_related(None)


WARNINGS = SheetKind(
    key="workforce.warning",
    label="Doanh nghiệp cần chú ý",
    columns=WARNING_COLUMNS,
    can_export=permissions.can_view_workforce,
    export_rows=column_rows(WARNING_COLUMNS, _warnings, chunk=1000),
    list_url_name="workforce:warning_list",
    instructions=("• Căn cứ và việc xử lý của từng cảnh báo xem trên trang của cảnh báo.",),
)
