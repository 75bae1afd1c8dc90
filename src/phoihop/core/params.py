"""Input checked at the edge, once for the whole site: query parameters of every page and API call, and the JSON
bodies of the API, are held to the ranges the database and Python's date type can take, before any view, filter
set, selector or schema sees them. A value out of range is a 422 — the API's one error shape with a stable `code`,
a Vietnamese page for the HTML site — never a 500 from deep inside (`ValueError: year 0 is out of range`,
`OverflowError` from SQLite, a `MultiPartParserError`).

The rules go by the parameter's name and the value's form, the same in every app:
- `page`: a whole number from 1 to `PAGE_MAX` (or "last", which Django's paginator understands) — `page_out_of_range`;
- `year` and every `…_year`: a whole number from `YEAR_MIN` to `YEAR_MAX` — `year_out_of_range`;
- a value written as a date (`2023-01-31`, `31/01/2023`, also the start of a date-time) anywhere in the query or
  the JSON body: its year within `YEAR_MIN`..`YEAR_MAX` — `date_out_of_range`;
- a whole number anywhere (query or JSON body, ids included): within a signed 64-bit integer — `number_too_large`;
- a multipart body the parser cannot read (no boundary, broken parts) — `invalid_multipart`;
- the character U+0000 in any query value or JSON string, which PostgreSQL text cannot hold — `null_character`.

The ninja schemas state the same bounds through the annotated types below (`Year` on the API's year fields; `Id`,
`Day`, `Page` for new schemas), so the OpenAPI document tells clients the limits. `null` in a PATCH for a field the
record cannot be without is refused by `core.api.patch_data` and by the write helpers in `core/services.py`
(`null_not_allowed`)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _
from pydantic import Field

from phoihop.core.errorpages import is_api

YEAR_MIN = 1900
YEAR_MAX = 2100
DATE_MIN = dt.date(YEAR_MIN, 1, 1)
DATE_MAX = dt.date(YEAR_MAX, 12, 31)
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# Far beyond any list's last page (25 to 100 rows a page), and small enough that page × size stays a 64-bit offset.
PAGE_MAX = 1_000_000

# Types for ninja schemas and query parameters: the same bounds, stated in the OpenAPI document.
Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]
Id = Annotated[int, Field(ge=1, le=INT64_MAX)]
Day = Annotated[dt.date, Field(ge=DATE_MIN, le=DATE_MAX)]
Page = Annotated[int, Field(ge=1, le=PAGE_MAX)]

# ASCII digits only: str.isdigit() and \d accept digits of other scripts and superscripts, which int() may refuse.
_INTEGER = re.compile(r"^\s*[+-]?[0-9]+\s*$", re.ASCII)
# Longer than any 64-bit number: not converted (int() refuses strings of over 4.300 digits), simply too large.
_MAX_DIGITS = 25
# In a query string a date is parsed by Django's forms, whose `%Y` takes years of one to four digits ("1-1-1");
# in a JSON body by pydantic, which takes only ISO dates with a four-digit year.
_ISO_DATE = re.compile(r"^\s*([+-]?\d{1,})-(\d{1,2})-(\d{1,2})(?:$|[T ]|\s)", re.ASCII)
_VN_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{1,})\s*$", re.ASCII)
_JSON_DATE = re.compile(r"^([+-]?\d{4,})-(\d{2})-(\d{2})(?:$|[T ])", re.ASCII)
# Free-text search boxes: what a person types there is searched for, not read as a date.
FREE_TEXT_PARAMS = frozenset({"q", "search", "query", "text", "next"})
# Text fields of JSON bodies whose value may happen to read like a date (a phone number "0911-22-33", a title).
FREE_TEXT_FIELDS = FREE_TEXT_PARAMS | {
    "phone",
    "name",
    "full_name",
    "title",
    "symbol",
    "description",
    "notes",
    "note",
    "details",
    "account",
    "employer",
    "content",
    "summary",
    "question",
    "answer",
}


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    code: str


def whole_number(text: str) -> int | None:
    """The whole number a text writes (ASCII digits, an optional sign), or None. One too long to convert stands
    for itself by a number just as far out of every range."""
    if not _INTEGER.match(text):
        return None
    text = text.strip()
    digits = text.lstrip("+-")
    if len(digits) > _MAX_DIGITS:
        return -(10**_MAX_DIGITS) if text.startswith("-") else 10**_MAX_DIGITS
    return int(text)


def is_year_param(name: str) -> bool:
    return name == "year" or name.endswith("_year")


def _date_year(value: str, *, strict: bool = False) -> int | None:
    """The year of a value written as a date, or None when it is not written as one (`strict`: a JSON body's)."""
    if strict:
        match = _JSON_DATE.match(value)
        return whole_number(match.group(1)) if match else None
    match = _ISO_DATE.match(value)
    if match:
        return whole_number(match.group(1))
    match = _VN_DATE.match(value)
    if match:
        return whole_number(match.group(3))
    return None


def year_problem(field: str, value: Any) -> Problem | None:
    text = str(value).strip()
    if text == "":
        return None
    year = whole_number(text)
    if year is not None and YEAR_MIN <= year <= YEAR_MAX:
        return None
    message = _("Năm phải là số nguyên từ %(min)s đến %(max)s.") % {"min": YEAR_MIN, "max": YEAR_MAX}
    return Problem(field, message, "year_out_of_range")


def date_problem(field: str, value: str, *, strict: bool = False) -> Problem | None:
    year = _date_year(value, strict=strict)
    if year is None or YEAR_MIN <= year <= YEAR_MAX:
        return None
    message = _("Ngày phải nằm trong khoảng từ 01/01/%(min)s đến 31/12/%(max)s.") % {"min": YEAR_MIN, "max": YEAR_MAX}
    return Problem(field, message, "date_out_of_range")


def number_problem(field: str, value: int) -> Problem | None:
    if INT64_MIN <= value <= INT64_MAX:
        return None
    return Problem(field, _("Số quá lớn (tối đa %(max)s).") % {"max": INT64_MAX}, "number_too_large")


def page_problem(field: str, value: str) -> Problem | None:
    text = value.strip()
    number = whole_number(text) if text.isascii() and text.isdigit() else None
    if text in ("", "last") or (number is not None and 1 <= number <= PAGE_MAX):
        return None
    message = _("Số trang phải là số nguyên từ 1 đến %(max)s.") % {"max": PAGE_MAX}
    return Problem(field, message, "page_out_of_range")


def nul_problem(field: str, value: str) -> Problem | None:
    """PostgreSQL text cannot hold U+0000 (psycopg raises DataError); Django's form fields refuse it the same way."""
    if "\x00" not in value:
        return None
    return Problem(field, _("Giá trị không được chứa ký tự NUL (\\x00)."), "null_character")


def query_problems(query: QueryDict) -> list[Problem]:
    """Every out-of-range value of a query string (each parameter named once)."""
    problems: list[Problem] = []
    for name, values in query.lists():
        for value in values:
            problem = _query_value_problem(name, value)
            if problem is not None:
                problems.append(problem)
                break
    return problems


def _query_value_problem(name: str, value: str) -> Problem | None:
    if "\x00" in value:
        return nul_problem(name, value)
    if name == "page":
        return page_problem(name, value)
    if is_year_param(name):
        return year_problem(name, value)
    number = whole_number(value)
    if number is not None:
        return number_problem(name, number)
    if name in FREE_TEXT_PARAMS:
        return None
    return date_problem(name, value)


def json_problems(data: Any) -> list[Problem]:
    """Every out-of-range value of a parsed JSON body, named by its path (`items.2.plan_id`)."""
    return list(_walk(data, ""))


def _walk(value: Any, path: str) -> Iterator[Problem]:
    name = path.rsplit(".", 1)[-1]
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}.{index}" if path else str(index))
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        problem = year_problem(path, value) if is_year_param(name) else number_problem(path, value)
        if problem is not None:
            yield problem
    elif isinstance(value, float):
        if is_year_param(name):
            problem = year_problem(path, value)
            if problem is not None:
                yield problem
    elif isinstance(value, str):
        problem = nul_problem(path, value)
        if problem is None and name not in FREE_TEXT_FIELDS:
            problem = (
                year_problem(path, value)
                if is_year_param(name) and _INTEGER.match(value)
                else date_problem(path, value, strict=True)
            )
        if problem is not None:
            yield problem


def multipart_problem(request: HttpRequest) -> Problem | None:
    """A multipart body whose header the parser refuses (no or a malformed boundary, a bad length)."""
    if request.content_type != "multipart/form-data" or request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    try:
        MultiPartParser(request.META, io.BytesIO(), request.upload_handlers, request.encoding)
    except MultiPartParserError:
        return _multipart()
    return None


def _multipart() -> Problem:
    message = _("Nội dung tải lên không đọc được (multipart/form-data thiếu hoặc sai boundary).")
    return Problem("__all__", message, "invalid_multipart")


def problem_response(request: HttpRequest, problems: Iterable[Problem], *, status: int = 422) -> HttpResponse:
    """422 (or `status`) in the API's one error shape, or the site's page with the same Vietnamese message."""
    problems = list(problems)
    fields: dict[str, list[str]] = {}
    for problem in problems:
        fields.setdefault(problem.field, []).append(problem.message)
    message = " ".join(dict.fromkeys(p.message for p in problems))
    code = problems[0].code
    if is_api(request):
        body = {"message": message, "code": code, "fields": fields}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    context = {"message": message, "code": code, "fields": fields, "status": status}
    return render(request, "core/bad_input.html", context, status=status)


_JSON_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class EdgeInputMiddleware:
    """Checks every request's query string (pages and API), the API's JSON bodies and multipart headers against
    the rules above, and answers out-of-range input with 422 before a view runs. A multipart body that breaks
    while a view reads it is answered the same way (400 for a page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problems = query_problems(request.GET)
        if not problems and is_api(request) and request.method in _JSON_METHODS:
            problems = self._body_problems(request)
        if not problems:
            multipart = multipart_problem(request)
            if multipart is not None:
                return problem_response(request, [multipart], status=422 if is_api(request) else 400)
        if problems:
            return problem_response(request, problems)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, MultiPartParserError):
            return problem_response(request, [_multipart()], status=422 if is_api(request) else 400)
        return None

    @staticmethod
    def _body_problems(request: HttpRequest) -> list[Problem]:
        if request.content_type != "application/json":
            return []
        try:
            data = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            return []  # ninja answers a body that is not JSON itself (422 invalid_json)
        return json_problems(data)
