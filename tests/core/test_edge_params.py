"""Bad input is answered at the edge (core/params.py): a 422 in the API's one error shape with a stable code, a
Vietnamese page for the site — never a 500. The request shapes are those an outside probe found answering 500."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from phoihop.accounts.choices import Role
from phoihop.activities.models import Activity
from phoihop.core import params
from phoihop.core.services import create_record, update_record
from tests.activities.factories import ActivityFactory
from tests.activities.helpers import activity_payload
from tests.cases.factories import PetitionFactory
from tests.planning.factories import PlanFactory

YEAR_MESSAGE = "Năm phải là số nguyên từ 1900 đến 2100."
DATE_MESSAGE = "Ngày phải nằm trong khoảng từ 01/01/1900 đến 31/12/2100."


@pytest.fixture
def api(officer, token_for) -> Client:  # type: ignore[no-untyped-def]
    return Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token_for(officer)}"})


def assert_error(response, code: str, field: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == code
    assert field in body["fields"]
    assert set(body) == {"message", "code", "fields"}
    return body


@pytest.mark.parametrize("year", ["0", "-1", "-284897095", "1899", "2101", "99999999999999999999", "2023.5", "1e5"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/cases/petitions",
        "/api/v1/activities/activities",
        "/api/v1/oversight/inspections",
        "/api/v1/practices/practices",
    ],
)
def test_a_year_out_of_range_on_an_api_list_is_a_422(api: Client, path: str, year: str) -> None:
    body = assert_error(api.get(path, {"year": year}), "year_out_of_range", "year")
    assert body["message"] == YEAR_MESSAGE


def test_a_year_in_range_still_filters(api: Client, officer) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    PetitionFactory(raised_on=dt.date(2023, 5, 2), owner_agency=officer.agency)
    PetitionFactory(raised_on=dt.date(2022, 5, 2), owner_agency=officer.agency)
    response = api.get("/api/v1/cases/petitions", {"year": "2023"})
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 1


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "31/12/9999"])
def test_a_date_out_of_range_is_a_422(api: Client, day: str) -> None:
    response = api.get("/api/v1/housing/milestones", {"start": "2023-01-01", "end": day})
    body = assert_error(response, "date_out_of_range", "end")
    assert body["message"] == DATE_MESSAGE


@pytest.mark.parametrize("page", ["9223372036854775809", "68828616629798581933904008052736", "1000001", "1e400"])
def test_a_page_number_out_of_range_is_a_422(api: Client, page: str) -> None:
    assert_error(api.get("/api/v1/activities/activities", {"page": page}), "page_out_of_range", "page")


def test_an_id_beyond_64_bits_in_a_query_or_a_payload_is_a_422(api: Client, officer) -> None:  # type: ignore[no-untyped-def]
    huge = 2**63
    assert_error(api.get("/api/v1/housing/projects", {"zone": str(huge)}), "number_too_large", "zone")
    activity = ActivityFactory(owner_agency=officer.agency)
    response = api.patch(
        f"/api/v1/activities/activities/{activity.pk}",
        {"version": activity.version, "zone_id": huge, "enterprise_ids": [1, huge]},
        content_type="application/json",
    )
    body = assert_error(response, "number_too_large", "zone_id")
    assert "enterprise_ids.1" in body["fields"]
    activity.refresh_from_db()
    assert activity.version == 1


def test_a_year_in_a_payload_is_checked_too(api: Client) -> None:
    response = api.post("/api/v1/planning/plans", {"year": 0, "title": "Kế hoạch"}, content_type="application/json")
    assert_error(response, "year_out_of_range", "year")


def test_null_for_a_field_that_cannot_be_empty_is_refused_by_the_write_helpers(officer) -> None:  # type: ignore[no-untyped-def]
    """`full_clean()` skips empty values of `blank=True` fields, so a null sent for one reached the database as a
    NOT NULL IntegrityError (a 500). The write helpers refuse it on the field, whatever service calls them."""
    activity = ActivityFactory(owner_agency=officer.agency, place="Nhà văn hóa công nhân")
    with pytest.raises(ValidationError) as raised:
        update_record(actor=officer, instance=activity, data={"place": None}, expected_version=1)
    assert raised.value.error_dict["place"][0].code == "null_not_allowed"
    with pytest.raises(ValidationError) as raised:
        create_record(actor=officer, instance=Activity(title="Hoạt động", owner_agency=officer.agency, place=None))
    assert "place" in raised.value.error_dict
    activity = Activity.objects.get(pk=activity.pk)
    assert (activity.place, activity.version) == ("Nhà văn hóa công nhân", 1)


def test_null_in_an_api_patch_clears_optional_text_and_never_answers_500(api: Client, officer) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=officer.agency, place="Nhà văn hóa công nhân")
    path = f"/api/v1/activities/activities/{activity.pk}"
    response = api.patch(path, {"version": 1, "place": None}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["place"] == ""
    response = api.patch(path, {"version": 2, "title": None}, content_type="application/json")
    assert response.status_code == 422, response.content


@pytest.mark.parametrize("field", ["period_start", "period_end", "title", "year", "status"])
def test_null_in_a_patch_for_a_field_a_plan_cannot_be_without_is_a_422(make_user, token_for, field: str) -> None:  # type: ignore[no-untyped-def]
    """The probe's `PATCH /api/v1/planning/plans/3 {"period_start": null}` met a domain check that did not expect
    None (`ValueError: Cannot use None as a query value`)."""
    secretariat = make_user(Role.SECRETARIAT)
    plan = PlanFactory()
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token_for(secretariat)}"})
    response = client.patch(
        f"/api/v1/planning/plans/{plan.pk}", {"version": plan.version, field: None}, content_type="application/json"
    )
    body = assert_error(response, "null_not_allowed", field)
    assert body["fields"][field] == ["Trường này không được để trống (null)."]
    plan.refresh_from_db()
    assert plan.version == 1


def test_multipart_without_a_boundary_is_a_422_for_the_api_and_a_400_for_a_page(
    api: Client, officer, client_for
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=officer.agency)
    response = api.post(
        f"/api/v1/activities/activities/{activity.pk}/attachments", b"--x--", content_type="multipart/form-data"
    )
    assert_error(response, "invalid_multipart", "__all__")
    page = client_for(officer).post("/hoat-dong/them/", b"--x--", content_type="multipart/form-data")
    assert page.status_code == 400
    assert "Nội dung tải lên không đọc được" in page.content.decode()


@pytest.mark.parametrize(
    ("url", "query", "code"),
    [
        ("/vu-viec/kien-nghi/", "year=0", "year_out_of_range"),
        ("/vu-viec/kien-nghi/", "year=-7", "year_out_of_range"),
        ("/nha-o-cong-nhan/", "milestone_year=0", "year_out_of_range"),
        ("/hoat-dong/", "year=-1", "year_out_of_range"),
        ("/hoat-dong/", "date_from=0001-01-01", "date_out_of_range"),
        ("/vu-viec/", "received_from=9999-12-31", "date_out_of_range"),
        ("/danh-muc/doanh-nghiep/", "page=9223372036854775809", "page_out_of_range"),
        ("/danh-muc/doanh-nghiep/", "page=1e400", "page_out_of_range"),
        ("/danh-muc/doanh-nghiep/", "zone=99999999999999999999", "number_too_large"),
    ],
)
def test_a_page_answers_bad_filters_with_a_vietnamese_422(
    make_user, client_for, url: str, query: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    user = make_user(Role.SECRETARIAT)
    response = client_for(user).get(f"{url}?{query}")
    assert response.status_code == 422
    text = response.content.decode()
    assert "Giá trị trong địa chỉ hoặc biểu mẫu không hợp lệ" in text
    assert f"Mã lỗi: 422 ({code})" in text


def test_pages_with_good_filters_are_unchanged(make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(make_user(Role.SECRETARIAT))
    for url in ("/vu-viec/kien-nghi/?year=2023", "/hoat-dong/?date_from=2023-01-01&page=2", "/danh-muc/doanh-nghiep/"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 5000, "-" + "9" * 5000, "2023-01-01" + "9" * 5000])
@pytest.mark.parametrize("name", ["page", "year", "zone", "date_from"])
def test_odd_digits_and_endless_numbers_are_refused_not_crashed_on(name: str, value: str) -> None:
    query = QueryDict(mutable=True)
    query[name] = value
    problems = params.query_problems(query)
    if name in ("page", "year"):
        assert [p.code for p in problems] == [f"{name}_out_of_range"]
    elif value.lstrip("-").startswith("9"):
        assert [p.code for p in problems] == ["number_too_large"]


def test_an_endless_number_in_a_json_body_is_a_422(api: Client) -> None:
    response = api.post("/api/v1/planning/plans", '{"year": ' + "9" * 5000 + "}", content_type="application/json")
    assert response.status_code == 422, response.content


def test_a_nul_character_is_a_422_on_both_databases(api: Client, officer) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL text cannot hold U+0000: schemathesis found `POST /api/v1/indicators/rules {"message": "…\\u0000…"}`
    answering 500 there (psycopg DataError), and a search for it would do the same."""
    assert_error(api.get("/api/v1/activities/activities", {"q": "ho\x00at"}), "null_character", "q")
    response = api.post(
        "/api/v1/activities/activities", activity_payload(notes="ghi\x00chú"), content_type="application/json"
    )
    body = assert_error(response, "null_character", "notes")
    assert body["message"] == "Giá trị không được chứa ký tự NUL (\\x00)."
    assert not Activity.objects.exists()


def test_free_text_search_may_look_like_a_date() -> None:
    assert params.query_problems(QueryDict("q=0001-01-01")) == []


def test_dates_with_short_years_are_caught_in_a_query_but_text_in_json_is_left_alone() -> None:
    # Django's forms read "1-1-1" and "01/01/1" as the year 1; pydantic reads only four-digit ISO years.
    assert [p.code for p in params.query_problems(QueryDict("received_from=1-1-1&date_to=01/01/1"))] == [
        "date_out_of_range",
        "date_out_of_range",
    ]
    assert params.json_problems({"title": "1-5-2023", "symbol": "12/3/45", "start_date": "2023-04-10"}) == []
    assert params.json_problems({"person": {"phone": "0911-22-33", "full_name": "0001-01-01"}}) == []
    assert [p.field for p in params.json_problems({"items": [{"end_date": "0001-01-01"}]})] == ["items.0.end_date"]


@given(st.dictionaries(st.text(max_size=12), st.lists(st.text(max_size=40), min_size=1, max_size=3), max_size=5))
def test_the_query_check_never_raises(query: dict[str, list[str]]) -> None:
    data = QueryDict(mutable=True)
    for key, values in query.items():
        data.setlist(key, values)
    for problem in params.query_problems(data):
        assert problem.code in {
            "year_out_of_range",
            "date_out_of_range",
            "number_too_large",
            "page_out_of_range",
            "null_character",
        }


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
        max_leaves=20,
    )
)
def test_the_json_check_never_raises(data: object) -> None:
    params.json_problems(data)


@pytest.mark.parametrize("pk", [str(2**63), str(2**64), "9" * 30])
def test_an_id_beyond_64_bits_in_a_path_is_not_found(api: Client, make_user, client_for, pk: str) -> None:  # type: ignore[no-untyped-def]
    assert api.get(f"/api/v1/activities/activities/{pk}").status_code in (404, 422)
    assert api.get(f"/api/v1/cases/cases/{pk}").status_code in (404, 422)
    page = client_for(make_user(Role.SECRETARIAT)).get(f"/hoat-dong/{pk}/")
    assert page.status_code == 404
