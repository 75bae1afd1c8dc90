"""Reading an uploaded .xlsx: first the file's safety (a real .xlsx, not too big, no zip bomb, no macros or external
links), then python-calamine reads the data sheet, then every cell is parsed by its column's type. Every problem is
collected, never raised one at a time: officers fix a whole file in one go."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from operator import call
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext as _

from phoihop.spreadsheets.registry import CellValue, Column, Problem, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

KEY_ROW = 2  # the hidden row of column keys; data starts on row 3
FIRST_DATA_ROW = 3
# Rows parsed, checked and dropped together (and between two progress reports of a background import): what bounds
# the memory an import holds besides the rows it will write.
CHUNK_ROWS = 5000

# progress(phase, read=…, checked=…, written=…): how far a background import is (phase in Vietnamese, for the page).
Progress = Callable[..., None]


def limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


class FileRefused(Exception):
    """The file as a whole cannot be read (not a problem of one cell). `code` is stable for the API."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def check_container(content: bytes, filename: str = "") -> None:
    """A real .xlsx within the limits, or FileRefused with a clear message."""
    max_bytes = limit("SPREADSHEET_MAX_BYTES", 20 * 1024 * 1024)
    if len(content) > max_bytes:
        raise FileRefused(
            _("Tệp quá lớn (%(size)s MB); tối đa %(max)s MB.")
            % {"size": round(len(content) / 1048576, 1), "max": round(max_bytes / 1048576, 1)},
            "too_large",
        )
    if filename and not filename.lower().endswith(".xlsx"):
        raise FileRefused(_("Chỉ nhận tệp Excel .xlsx (tải mẫu Excel rồi điền vào mẫu)."), "not_xlsx")
    if not content.startswith(b"PK"):
        raise FileRefused(_("Tệp không phải là tệp Excel .xlsx hợp lệ."), "not_xlsx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise FileRefused(
            _("Tệp không phải là tệp Excel .xlsx hợp lệ (tệp hỏng hoặc không đầy đủ)."), "not_xlsx"
        ) from None
    names = {member.filename.lower() for member in members}
    if "xl/workbook.xml" not in names or "[content_types].xml" not in names:
        raise FileRefused(_("Tệp không phải là tệp Excel .xlsx hợp lệ."), "not_xlsx")
    if any(name.endswith("vbaproject.bin") for name in names):
        raise FileRefused(_("Tệp có chứa macro (VBA); hãy lưu lại dưới dạng .xlsx không có macro."), "macros")
    if any(name.startswith("xl/externallinks/") for name in names):
        raise FileRefused(
            _("Tệp có liên kết tới tệp khác (external links); hãy xóa liên kết rồi lưu lại."), "external_links"
        )
    max_unzipped = limit("SPREADSHEET_MAX_UNZIPPED_BYTES", 400 * 1024 * 1024)
    max_ratio = limit("SPREADSHEET_MAX_RATIO", 200)
    total = sum(member.file_size for member in members)
    if total > max_unzipped or any(
        member.file_size > 1_000_000 and member.file_size > max_ratio * max(member.compress_size, 1)
        for member in members
    ):
        raise FileRefused(_("Tệp giải nén ra quá lớn bất thường (nghi là “bom nén”); không đọc tệp này."), "zip_bomb")


@dataclass
class ReadResult:
    rows: list[Row]
    problems: list[Problem]


def read_rows(content: bytes, kind: SheetKind, *, user: User, progress: Progress | None = None) -> ReadResult:
    """The data sheet's rows, parsed, all at once; FileRefused for what makes the whole file unreadable."""
    reading = open_sheet(content, kind, user=user)
    rows = [row for chunk in reading.chunks(progress) for row in chunk]
    return ReadResult(rows, reading.problems)


def open_sheet(content: bytes, kind: SheetKind, *, user: User) -> Reading:
    """The data sheet, checked as a whole (sheet, size, template keys) but not yet parsed: `Reading.chunks()` parses
    it a chunk of rows at a time; FileRefused for what makes the whole file unreadable."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        names = workbook.sheet_names
        sheet_name = kind.sheet_name if kind.sheet_name in names else None
        if sheet_name is None:
            raise FileRefused(
                _("Không thấy trang tính “%(sheet)s” của mẫu; hãy dùng mẫu Excel tải từ hệ thống.")
                % {"sheet": kind.sheet_name},
                "wrong_template",
            )
        sheet = workbook.get_sheet_by_name(sheet_name)
        max_rows = limit("SPREADSHEET_MAX_ROWS", 200_000)
        if sheet.height > max_rows + FIRST_DATA_ROW - 1:
            raise FileRefused(
                _("Tệp có quá nhiều dòng (%(n)s); tối đa %(max)s dòng mỗi lần nhập.")
                % {"n": sheet.height - FIRST_DATA_ROW + 1, "max": max_rows},
                "too_many_rows",
            )
        lines = sheet.iter_rows()
        head = [next(lines, []) for _row in range(KEY_ROW)]
    except FileRefused:
        raise
    except Exception:
        raise FileRefused(
            _("Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng .xlsx)."), "unreadable"
        ) from None
    return Reading(kind, user, head, lines)


class Reading:
    """A data sheet being parsed chunk by chunk: only one chunk's cells and rows are held at a time (python-calamine
    converts a row to Python when it is reached). `problems` collects every cell's problem, `rows` counts the data
    rows parsed so far; each row keeps the sheet's row number officers see, whatever its chunk."""

    def __init__(self, kind: SheetKind, user: User, head: list[list[Any]], lines: Iterator[list[Any]]) -> None:
        keys_found = [str(value).strip() for value in head[KEY_ROW - 1]] if len(head) >= KEY_ROW else []
        expected = [column.key for column in kind.columns]
        if [key for key in keys_found if key] != expected:
            raise FileRefused(
                _(
                    "Tệp không đúng mẫu “%(label)s”: thiếu hoặc sai dòng khóa ẩn (dòng 2). "
                    "Hãy tải mẫu Excel mới và chép dữ liệu vào mẫu."
                )
                % {"label": kind.label},
                "wrong_template",
            )
        self.kind = kind
        self.lines = lines
        self.problems: list[Problem] = []
        self.rows = 0
        # One function per column, chosen once by its type (not a branch on the type for every cell).
        self.parsers = [
            (column.key, cell_parser(column, _choice_map(column, user) if column.type == "choice" else None))
            for column in kind.columns
        ]
        self.keys = [key for key, _parser in self.parsers]

    def chunks(self, progress: Progress | None = None, size: int | None = None) -> Iterator[list[Row]]:
        """The data rows, parsed, by lists of at most `size` (CHUNK_ROWS) rows; empty rows are skipped."""
        size = size or CHUNK_ROWS
        width = len(self.parsers)
        keys = self.keys
        functions = [parser for _key, parser in self.parsers]
        chunk: list[Row] = []
        for index, raw in enumerate(self.lines, start=FIRST_DATA_ROW):
            if _blank(raw):
                continue  # empty rows (and the rest of a formatted template) are not data
            if len(raw) < width:
                raw = [*raw, *[""] * (width - len(raw))]
            try:  # the whole row in one go (no Python loop over its cells); cell by cell for its problems
                values = dict(zip(keys, map(call, functions, raw)))  # noqa: B905 - the row may be wider
            except ValueError:
                values = self._row_with_problems(index, raw)
            chunk.append(Row(index, values))
            if len(chunk) == size:
                self.rows += size
                if progress is not None:
                    progress(_("Đang đọc và kiểm tra từng ô"), read=self.rows)
                yield chunk
                chunk = []
        if chunk:
            self.rows += len(chunk)
            yield chunk

    def _row_with_problems(self, index: int, raw: list[Any]) -> dict[str, CellValue]:
        """The row's values without the cells its parsers refuse, each of which is a problem."""
        values: dict[str, CellValue] = {}
        for (key, parser), value in zip(self.parsers, raw, strict=False):
            try:
                values[key] = parser(value)
            except ValueError as error:
                self.problems.append(Problem(index, key, str(error)))
        return values


def _blank(raw: list[Any]) -> bool:
    """Nothing but empty cells and white space (decided by the first filled cell: a data row's first cell)."""
    for value in raw:
        if value is None:
            continue
        if value.__class__ is str:
            if value and not value.isspace():
                return False
            continue
        return False
    return True


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _choice_map(column: Column, user: User) -> dict[str, str]:
    assert column.choices is not None  # noqa: S101 - a choice column declares its choices
    return {_fold(label): label for label in column.choices(user)}


def cell_parser(column: Column, choices: dict[str, str] | None) -> Callable[[Any], CellValue]:
    """The column's parser: the cells python-calamine gives for a well-filled template (a number in a number column,
    a date in a date column, a label of the list in a choice column) take a short path; any other cell goes through
    `parse_cell`, which decides every case (and gives the message)."""

    def general(value: Any) -> CellValue:
        return parse_cell(column, value, choices)

    datetime, date, decimal = dt.datetime, dt.date, Decimal
    if column.type == "int":

        def parse_int(value: Any) -> CellValue:
            kind = value.__class__
            if kind is float and value.is_integer():
                return int(value)
            if kind is int:
                return value
            return general(value)

        return parse_int
    if column.type == "decimal":

        def parse_decimal(value: Any) -> CellValue:
            kind = value.__class__
            if kind is float:
                return decimal(repr(value))
            if kind is int:
                return decimal(value)
            return general(value)

        return parse_decimal
    if column.type == "date":

        def parse_date(value: Any) -> CellValue:
            kind = value.__class__
            if kind is datetime:
                return value.date()
            if kind is date:
                return value
            return general(value)

        return parse_date
    if column.type == "choice":
        assert choices is not None  # noqa: S101 - a choice column declares its choices
        exact = {label: label for label in choices.values()}  # a label as the list gives it: no folding to do

        def parse_choice(value: Any) -> CellValue:
            label = exact.get(value) if value.__class__ is str else None
            return label if label is not None else general(value)

        return parse_choice
    limit_length = column.max_length or 0
    normalize, is_normalized = unicodedata.normalize, unicodedata.is_normalized

    def parse_text(value: Any) -> CellValue:
        if value.__class__ is str and value:
            text = (value if is_normalized("NFC", value) else normalize("NFC", value)).strip()
            if text and (not limit_length or len(text) <= limit_length):
                return text
        return general(value)

    return parse_text


DATE_TEXT = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_cell(column: Column, value: Any, choices: dict[str, str] | None) -> CellValue:
    """The cell as its column's type; ValueError with the Vietnamese message otherwise."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
    if value is None or value == "":
        if column.required:
            raise ValueError(_("không được để trống"))
        return None
    if isinstance(value, float) and value.is_integer() and column.type in ("text", "choice"):
        value = int(value)  # a code or a year typed as a number
    if column.type == "text":
        text = value if isinstance(value, str) else str(value)
        if column.max_length and len(text) > column.max_length:
            raise ValueError(_("quá dài (%(n)s ký tự, tối đa %(max)s)") % {"n": len(text), "max": column.max_length})
        return text
    if column.type == "int":
        if isinstance(value, bool):
            raise ValueError(_("phải là một số nguyên"))
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,3}(\.\d{3})*|-?\d+", value):
            return int(value.replace(".", ""))
        raise ValueError(_("phải là một số nguyên, không phải “%(v)s”") % {"v": str(value)[:50]})
    if column.type == "decimal":
        if isinstance(value, bool):
            raise ValueError(_("phải là một số"))
        if isinstance(value, int | float):
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        text = str(value).replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+(,\d+)?", text):
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(_("phải là một số, không phải “%(v)s”") % {"v": str(value)[:50]}) from None
        if not number.is_finite():
            raise ValueError(_("phải là một số"))
        return number
    if column.type == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        match = DATE_TEXT.match(str(value))
        iso = ISO_DATE.match(str(value))
        try:
            if match:
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            if iso:
                return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            pass
        raise ValueError(
            _("ngày không hợp lệ “%(v)s” (nhập dạng ngày/tháng/năm, ví dụ 04/01/2023)") % {"v": str(value)[:50]}
        )
    # choice
    assert choices is not None  # noqa: S101
    label = choices.get(_fold(str(value)))
    if label is None:
        raise ValueError(
            _("“%(v)s” không có trong danh sách chọn (xem trang tính “Danh mục”)") % {"v": str(value)[:80]}
        )
    return label
