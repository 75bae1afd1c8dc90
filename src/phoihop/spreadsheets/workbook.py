"""Writing templates and exports with xlsxwriter. Both have the same layout, so an export can be edited and
imported back: sheet "Dữ liệu" with the Vietnamese headers (row 1), the hidden row of column keys (row 2), data from
row 3; a "Danh mục" sheet with the allowed values of every choice column (the data validation lists point there); a
"Hướng dẫn" sheet. Exports write in constant-memory mode, and every text cell with `write_string`, so a cell that
starts with =, +, - or @ stays text and is never a formula."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from phoihop.spreadsheets.reader import FIRST_DATA_ROW, KEY_ROW
from phoihop.spreadsheets.registry import CellValue, Problem, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Rows of a template that carry the validation lists and formats: enough for any body's yearly file.
TEMPLATE_ROWS = 5000
TYPE_HELP = {
    "text": "chữ",
    "int": "số nguyên",
    "decimal": "số (dấu phẩy thập phân)",
    "date": "ngày (ngày/tháng/năm)",
    "choice": "chọn trong danh sách",
}


def write_workbook(
    kind: SheetKind, *, user: User, rows: Iterable[Mapping[str, CellValue]] = (), template: bool = False
) -> bytes:
    output = io.BytesIO()
    # constant_memory: rows go to a temporary file as they are written, so a 100.000-row export stays small.
    workbook = xlsxwriter.Workbook(
        output, {"constant_memory": True, "in_memory": False, "strings_to_formulas": False, "strings_to_urls": False}
    )
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    required = workbook.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True})
    formats = {
        "int": workbook.add_format({"num_format": "#,##0"}),
        "decimal": workbook.add_format({"num_format": "#,##0.##"}),
        "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
    }
    text_format = workbook.add_format({"num_format": "@"})
    data = workbook.add_worksheet(kind.sheet_name)
    lists = workbook.add_worksheet("Danh mục")
    guide = workbook.add_worksheet("Hướng dẫn")

    # The reference lists first (constant_memory writes rows in order, sheet by sheet).
    ranges: dict[str, str] = {}
    list_column = 0
    for column in kind.columns:
        if column.type != "choice" or column.choices is None:
            continue
        values = column.choices(user)
        lists.write_string(0, list_column, column.header, header)
        for offset, choice in enumerate(values, start=1):
            lists.write_string(offset, list_column, choice)
        letter = xl_col_to_name(list_column)
        ranges[column.key] = f"='Danh mục'!${letter}$2:${letter}${max(len(values), 1) + 1}"
        lists.set_column(list_column, list_column, 40)
        list_column += 1

    for index, column in enumerate(kind.columns):
        cell_format = formats.get(column.type) or (text_format if column.type == "text" else None)
        data.set_column(index, index, column.width, cell_format)
    data.freeze_panes(FIRST_DATA_ROW - 1, 0)
    for index, column in enumerate(kind.columns):
        data.write_string(
            0, index, column.header + (" *" if column.required else ""), required if column.required else header
        )
    data.set_row(KEY_ROW - 1, None, None, {"hidden": True})
    for index, column in enumerate(kind.columns):
        data.write_string(KEY_ROW - 1, index, column.key)
    last = FIRST_DATA_ROW - 1 + TEMPLATE_ROWS
    for index, column in enumerate(kind.columns):
        validation = _validation(column, ranges.get(column.key))
        if validation:
            data.data_validation(FIRST_DATA_ROW - 1, index, last, index, validation)

    if not template:
        _write_rows(data, kind, rows, formats)

    guide.set_column(0, 0, 110)
    lines = _export_only_guide(kind) if kind.export_only else _import_guide(kind)
    for column in kind.columns:
        text = f"• {column.header}: {TYPE_HELP[column.type]}"
        if column.required:
            text += ", bắt buộc"
        if column.max_length:
            text += f", tối đa {column.max_length} ký tự"
        if column.key in kind.natural_key:
            text += ", dùng để nhận ra bản ghi đã có"
        if column.help:
            text += f". {column.help}"
        lines.append(text)
    for offset, line in enumerate(lines):
        guide.write_string(offset, 0, line)
    data.activate()
    workbook.close()
    return output.getvalue()


EXCEL_EPOCH = dt.date(1899, 12, 31)


def _write_rows(sheet: Any, kind: SheetKind, rows: Iterable[Mapping[str, CellValue]], formats: dict[str, Any]) -> None:
    """The data rows from row 3, each cell written by its column's writer, chosen once per column: a number column's
    numbers with `write_number`, a date column's dates as Excel's day numbers in the date format (what `write_datetime`
    writes, computed once per date), text with `write_string`; any other value goes through `_write_any`."""
    # The row and column are numbers here: skip the public methods' conversion of "A1" cell names (a wrapper around
    # every call); xlsxwriter's own `_write_*` do the rest, checks included.
    write_string = getattr(sheet, "_write_string", sheet.write_string)
    write_number = getattr(sheet, "_write_number", sheet.write_number)
    days: dict[dt.date, int] = {}

    def number_writer(cell_format: Any) -> Any:
        def write(row: int, col: int, value: Any) -> None:
            kind = value.__class__
            if kind is int or kind is float:
                write_number(row, col, value, cell_format)
            elif kind is Decimal:
                write_number(row, col, float(value), cell_format)
            else:
                _write_any(sheet, row, col, value, cell_format)

        return write

    def date_writer(cell_format: Any) -> Any:
        def write(row: int, col: int, value: Any) -> None:
            if value.__class__ is dt.date:
                day = days.get(value)
                if day is None:
                    day = days[value] = _excel_day(value)
                write_number(row, col, day, cell_format)
            else:
                _write_any(sheet, row, col, value, cell_format)

        return write

    def text_writer(row: int, col: int, value: Any) -> None:
        if value.__class__ is str:
            write_string(row, col, value)
        else:
            _write_any(sheet, row, col, value, None)

    columns = []
    for index, column in enumerate(kind.columns):
        if column.type in ("int", "decimal"):
            writer = number_writer(formats[column.type])
        elif column.type == "date":
            writer = date_writer(formats["date"])
        else:
            writer = text_writer
        columns.append((index, column.key, writer))
    number = FIRST_DATA_ROW - 1
    for row in rows:
        get = row.get
        for index, key, write in columns:
            value = get(key)
            if value is not None and value != "":
                write(number, index, value)
        number += 1


def _excel_day(value: dt.date) -> int:
    """The date as Excel's serial day (1900 system, with its 29/02/1900), as xlsxwriter computes it."""
    day = (value - EXCEL_EPOCH).days
    return day + 1 if day > 59 else day


def _write_any(sheet: Any, row: int, col: int, value: Any, cell_format: Any) -> None:
    if isinstance(value, str):
        sheet.write_string(row, col, value)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "Có" if value else "Không")
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(row, col, float(value), cell_format)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), cell_format)
    else:
        sheet.write_string(row, col, str(value))


def _export_only_guide(kind: SheetKind) -> list[str]:
    return [
        f"Danh sách “{kind.label}”",
        "",
        f"• Trang tính “{kind.sheet_name}”, từ dòng {FIRST_DATA_ROW}: mọi dòng của danh sách theo bộ lọc anh/chị đã "
        "chọn khi xuất (không chỉ trang đang xem).",
        "• Tệp này để xem, lọc, in; hệ thống không nhập lại tệp này: mỗi bản ghi được sửa trên trang của nó.",
        *kind.instructions,
        "",
        "Các cột:",
    ]


def _import_guide(kind: SheetKind) -> list[str]:
    return [
        f"Mẫu nhập “{kind.label}”",
        "",
        "Cách điền:",
        f"• Điền dữ liệu vào trang tính “{kind.sheet_name}”, từ dòng {FIRST_DATA_ROW}; mỗi dòng là một bản ghi.",
        "• Không sửa, không xóa dòng tiêu đề và dòng 2 (dòng ẩn chứa mã cột): hệ thống nhận ra mẫu nhờ dòng này.",
        "• Cột có dấu * là bắt buộc. Cột chọn trong danh sách: chọn giá trị ở ô "
        "(danh sách lấy từ trang tính “Danh mục”).",
        "• Ngày nhập dạng ngày/tháng/năm (ví dụ 04/01/2023); số không có đơn vị.",
        "• Hệ thống kiểm tra toàn bộ tệp trước khi ghi: có một lỗi là không ghi dòng nào, mọi lỗi được báo một lần.",
        "• Dòng trùng khóa với bản ghi đã có sẽ cập nhật bản ghi đó, sau khi anh/chị xem và xác nhận thay đổi.",
        "• Tải lên lại đúng tệp đã nhập sẽ không ghi gì thêm.",
        *kind.instructions,
        "",
        "Các cột:",
    ]


def _validation(column: Any, source: str | None) -> dict[str, Any] | None:
    if column.type == "choice" and source:
        return {
            "validate": "list",
            "source": source,
            "error_title": "Giá trị không có trong danh sách",
            "error_message": f"Chọn {column.header.lower()} trong danh sách.",
        }
    if column.type == "int":
        return {
            "validate": "integer",
            "criteria": "between",
            "minimum": -(2**31),
            "maximum": 2**31 - 1,
            "error_message": "Nhập một số nguyên.",
        }
    if column.type == "decimal":
        return {
            "validate": "decimal",
            "criteria": "between",
            "minimum": -1e15,
            "maximum": 1e15,
            "error_message": "Nhập một số.",
        }
    if column.type == "date":
        return {
            "validate": "date",
            "criteria": "between",
            "minimum": dt.date(1900, 1, 1),
            "maximum": dt.date(2100, 12, 31),
            "error_message": "Nhập ngày dạng ngày/tháng/năm.",
        }
    if column.type == "text" and column.max_length:
        return {
            "validate": "length",
            "criteria": "<=",
            "value": column.max_length,
            "error_message": f"Tối đa {column.max_length} ký tự.",
        }
    return None


def error_workbook(kind: SheetKind, content: bytes, problems: Iterable[Problem], message_of: Any) -> bytes:
    """The officer's own file back: the data sheet's cells as they were, every cell with a problem filled red, and
    one more column "Lỗi" with each row's messages. `message_of(problem)` is the problem's text."""
    from python_calamine import CalamineWorkbook

    cells = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(kind.sheet_name)
    grid: list[list[Any]] = cells.to_python(skip_empty_area=False)
    columns = {column.key: index for index, column in enumerate(kind.columns)}
    marked: dict[int, set[int]] = {}
    texts: dict[int, list[str]] = {}
    for problem in problems:
        row = problem.row - 1
        if problem.column in columns:
            marked.setdefault(row, set()).add(columns[problem.column])
        texts.setdefault(row, []).append(message_of(problem))
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet(kind.sheet_name)
    bad = book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "border": 1, "border_color": "#9C0006"})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    bad_dates = book.add_format({"num_format": "dd/mm/yyyy", "bg_color": "#FFC7CE", "font_color": "#9C0006"})
    wrap = book.add_format({"text_wrap": True, "font_color": "#9C0006"})
    width = max([len(kind.columns)] + [len(line) for line in grid])
    for r, line in enumerate(grid):
        for c, value in enumerate(line):
            is_bad = c in marked.get(r, ())
            if isinstance(value, dt.date | dt.datetime):
                moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
                sheet.write_datetime(r, c, moment, bad_dates if is_bad else dates)
            elif isinstance(value, bool) or value is None or value == "":
                sheet.write_blank(r, c, None, bad if is_bad else None)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value, bad if is_bad else None)
            else:
                sheet.write_string(r, c, str(value), bad if is_bad else None)
        if r in texts:
            sheet.write_string(r, width, "\n".join(texts[r]), wrap)
    sheet.write_string(0, width, "Lỗi", book.add_format({"bold": True, "font_color": "#9C0006"}))
    sheet.set_column(width, width, 60)
    if len(grid) >= KEY_ROW:
        sheet.set_row(KEY_ROW - 1, None, None, {"hidden": True})
    sheet.freeze_panes(FIRST_DATA_ROW - 1, 0)
    book.close()
    return output.getvalue()
