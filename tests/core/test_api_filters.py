"""A list endpoint's query parameters are read from the filter set of the same list's page (`filter_schema`): every
filter of the page is a parameter of the API, with its type, and a wrong value is a 422 naming the parameter."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import django_filters
import pytest
from pydantic import ValidationError as SchemaError

from phoihop.accounts.models import User
from phoihop.activities.filters import ActivityFilter
from phoihop.core.api import filter_schema
from phoihop.directory.choices import Ownership
from phoihop.directory.filters import OwnedRecordFilter, OwnerScope
from phoihop.housing.filters import ProjectFilter
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.filters import FoundingFilter
from phoihop.oversight.filters import InspectionFilter
from phoihop.practices.filters import PracticeFilter
from phoihop.workforce.filters import ReportFilter

LISTS = [
    ("/api/v1/organizing/foundings", FoundingFilter),
    ("/api/v1/practices/practices", PracticeFilter),
    ("/api/v1/housing/projects", ProjectFilter),
    ("/api/v1/oversight/inspections", InspectionFilter),
    ("/api/v1/activities/activities", ActivityFilter),
    ("/api/v1/workforce/labour-reports", ReportFilter),
]


@pytest.fixture
def document(officer: User, client_for) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(client_for(officer).get("/api/v1/openapi.json").content)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("path", "filterset"), LISTS)
def test_every_filter_of_the_page_is_a_parameter_of_the_api(
    document: dict[str, Any], path: str, filterset: type[django_filters.FilterSet]
) -> None:
    parameters = {p["name"] for p in document["paths"][path]["get"]["parameters"]}
    assert set(filterset.base_filters) | {"q", "sort", "page", "page_size"} == parameters


def test_parameters_keep_their_types_in_the_document(document: dict[str, Any]) -> None:
    parameters = {
        p["name"]: p["schema"] for p in document["paths"]["/api/v1/organizing/foundings"]["get"]["parameters"]
    }
    assert parameters["kind"]["anyOf"][0] == {"$ref": "#/components/schemas/FoundingKind"}
    assert parameters["scope"]["anyOf"][0] == {"$ref": "#/components/schemas/OwnerScope"}
    assert parameters["year"]["anyOf"][0] == {"type": "integer", "minimum": 1900, "maximum": 2100}
    assert parameters["date_from"]["anyOf"][0] == {"type": "string", "format": "date"}
    assert parameters["enterprise"]["anyOf"][0] == {"type": "integer"}
    assert parameters["sort"]["default"] == "-date"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"kind": "club"}, "kind", "Giá trị không hợp lệ; chọn một trong:"),
        ({"scope": "others"}, "scope", "Giá trị không hợp lệ; chọn một trong: 'all' hoặc 'mine'."),
        ({"enterprise": "abc"}, "enterprise", "Phải là một số."),
        ({"date_to": "hôm qua"}, "date_to", "Ngày không hợp lệ (định dạng YYYY-MM-DD)."),
    ],
)
def test_a_wrong_filter_value_is_a_422_naming_the_parameter(
    officer: User, api_for, params: dict[str, str], field: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    response = api_for(officer).get("/organizing/foundings", **params)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert list(body["fields"]) == [field]
    assert body["fields"][field][0].startswith(message)


def test_the_schema_types_each_kind_of_filter() -> None:
    schema = filter_schema(FoundingFilter, sort="-date", enums=(FoundingKind, OwnerScope, Ownership))
    assert schema.__name__ == "FoundingFilters"
    values = schema(kind="grassroots_union", year=2024, date_from="2024-01-31", scope="mine", enterprise="7").dict()
    assert values["kind"] is FoundingKind.GRASSROOTS_UNION
    assert values["scope"] is OwnerScope.MINE
    assert values["date_from"] == dt.date(2024, 1, 31)
    assert values["enterprise"] == 7
    assert (values["q"], values["sort"], values["zone"]) == ("", "-date", None)
    with pytest.raises(SchemaError):
        schema(year=1800)


def test_a_choice_with_no_enum_is_refused_when_the_api_is_built() -> None:
    with pytest.raises(TypeError, match="kind: no enum"):
        filter_schema(FoundingFilter, sort="-date", enums=(OwnerScope,))


def test_a_filter_of_an_unknown_kind_is_refused_when_the_api_is_built() -> None:
    class Odd(OwnedRecordFilter):
        tags = django_filters.MultipleChoiceFilter(choices=[("a", "A")])

    with pytest.raises(TypeError, match="tags: no API parameter type for MultipleChoiceFilter"):
        filter_schema(Odd, sort="pk", enums=(OwnerScope,))
