"""The JSON API as a whole: the OpenAPI document builds and is closed to anonymous callers, and every error has the
one shape {message, code, fields} with its status: 401, 403, 404, 409, 422."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.models import Agency
from phoihop.directory.services import update_enterprise
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory

OPENAPI = "/api/v1/openapi.json"
DOCS = "/api/v1/docs"
DIRECTORY_PATHS = {
    "/api/v1/directory/agencies",
    "/api/v1/directory/agencies/{agency_id}",
    "/api/v1/directory/zones",
    "/api/v1/directory/zones/{zone_id}",
    "/api/v1/directory/enterprises",
    "/api/v1/directory/enterprises/{enterprise_id}",
}


def assert_openapi_document(response: object) -> dict:  # type: ignore[type-arg]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response["Content-Type"].startswith("application/json")  # type: ignore[index]
    document = json.loads(response.content)  # type: ignore[attr-defined]
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Phối hợp API"
    assert set(document["paths"]) >= DIRECTORY_PATHS
    return document  # type: ignore[no-any-return]


def test_openapi_document_for_a_signed_in_user(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    document = assert_openapi_document(client_for(officer).get(OPENAPI))
    enterprises = document["paths"]["/api/v1/directory/enterprises"]
    assert set(enterprises) == {"get", "post"}
    assert enterprises["get"]["summary"] == "Tìm doanh nghiệp (không phân biệt dấu)"
    assert set(document["paths"]["/api/v1/directory/enterprises/{enterprise_id}"]) == {"get", "patch", "delete"}
    # The error shape is part of the contract.
    responses = enterprises["post"]["responses"]
    assert {"201", "403", "404", "409", "422"} <= set(responses)
    error = document["components"]["schemas"]["ErrorOut"]
    assert set(error["properties"]) == {"message", "code", "fields"}


def test_openapi_document_for_a_token(officer: User, token_for) -> None:  # type: ignore[no-untyped-def]
    response = Client().get(OPENAPI, headers={"Authorization": f"Bearer {token_for(officer)}"})
    document = assert_openapi_document(response)
    schemes = document["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} >= {"apiKey", "http"}


@pytest.mark.parametrize("url", [OPENAPI, DOCS])
@pytest.mark.parametrize("header", [None, "Bearer ph_gia-mao"])
def test_openapi_is_closed_to_anonymous_callers(url: str, header: str | None, db: None) -> None:
    headers = {"Authorization": header} if header else {}
    response = Client().get(url, headers=headers)
    assert response.status_code == 401
    assert response.json() == {"message": "Cần đăng nhập hoặc mã API hợp lệ.", "code": "unauthenticated", "fields": {}}
    assert "paths" not in response.content.decode()


def test_a_revoked_token_cannot_read_the_document(officer: User, token_for) -> None:  # type: ignore[no-untyped-def]
    from phoihop.accounts.models import ApiToken
    from phoihop.accounts.services import revoke_token

    raw = token_for(officer)
    revoke_token(actor=officer, token=ApiToken.objects.get())
    assert Client().get(OPENAPI, headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_the_swagger_page_opens_for_a_signed_in_user(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get(DOCS)
    assert response.status_code == 200
    assert OPENAPI in response.content.decode()


# --- one error shape -----------------------------------------------------------------------------------------------


def assert_error(response: object, status: int, code: str) -> dict:  # type: ignore[type-arg]
    assert response.status_code == status, response.content  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"message", "code", "fields"}
    assert body["code"] == code
    assert isinstance(body["message"], str)
    assert body["message"]
    assert isinstance(body["fields"], dict)
    return body  # type: ignore[no-any-return]


def test_401_shape(db: None) -> None:
    body = assert_error(ApiClient().get("/directory/enterprises"), 401, "unauthenticated")
    assert body["message"] == "Cần đăng nhập hoặc mã API hợp lệ."


def test_403_shape(agency: Agency, make_user, api_for) -> None:  # type: ignore[no-untyped-def]
    viewer = make_user(Role.VIEWER, agency)
    response = api_for(viewer).post(
        "/directory/enterprises", {"name": "X", "tax_code": "0201234567", "ownership": "domestic"}
    )
    body = assert_error(response, 403, "forbidden")
    assert body["message"] == "Anh/chị không có quyền thực hiện thao tác này."
    assert body["fields"] == {}


@pytest.mark.parametrize(
    "path", ["/directory/enterprises/999999", "/directory/zones/999999", "/directory/agencies/999999"]
)
def test_404_shape(path: str, officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(api_for(officer).get(path), 404, "not_found")
    assert body["message"] == "Không tìm thấy."


def test_404_for_writes_to_missing_records(officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer)
    assert_error(api.patch("/directory/enterprises/999999", {"version": 1, "name": "X"}), 404, "not_found")
    assert_error(api.delete("/directory/enterprises/999999", version=1), 404, "not_found")


def test_409_shape(officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(owner_agency=officer.agency)
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Điện tử"}, expected_version=1)
    body = assert_error(
        api_for(officer).patch(f"/directory/enterprises/{enterprise.pk}", {"version": 1, "sector": "Gỗ"}),
        409,
        "conflict",
    )
    assert f"Bản ghi này vừa được {officer.get_full_name()} sửa lúc" in body["message"]


def test_422_shape_for_our_validation(officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    response = api_for(officer).post(
        "/directory/enterprises", {"name": "Công ty", "tax_code": "123", "ownership": "domestic"}
    )
    body = assert_error(response, 422, "invalid_tax_code")
    assert list(body["fields"]) == ["tax_code"]
    assert body["message"] == body["fields"]["tax_code"][0]
    assert "Mã số thuế “123” không hợp lệ" in body["message"]


def test_422_shape_for_the_schema(officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(api_for(officer).post("/directory/enterprises", {"name": 5}), 422, "invalid_input")
    assert body["fields"]["name"] == ["Phải là chuỗi ký tự."]
    assert body["fields"]["tax_code"] == ["Thiếu trường bắt buộc."]
    assert body["fields"]["ownership"] == ["Thiếu trường bắt buộc."]
    assert body["message"].startswith("Dữ liệu gửi lên không đúng định dạng:")


def test_422_for_a_body_that_is_not_json(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).post(
        "/api/v1/directory/enterprises", "không phải JSON", content_type="application/json"
    )
    body = assert_error(response, 422, "invalid_json")
    assert body["message"] == "Nội dung gửi lên không đọc được: phải là JSON hợp lệ."


def test_422_for_a_bad_path_or_query_value(officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer)
    assert_error(api.get("/directory/enterprises", zone="mot"), 422, "invalid_input")
    assert_error(
        api.delete(f"/directory/enterprises/{EnterpriseFactory(owner_agency=officer.agency).pk}"), 422, "invalid_input"
    )


def test_api_answers_carry_vietnamese_letters_as_utf8(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    """Integrations and curl read "Đông Hải", not escaped code points; the body is still valid UTF-8 JSON."""
    EnterpriseFactory(name="Công ty TNHH Đông Hải", owner_agency=officer.agency)
    response = api_for(officer).get("/directory/enterprises", q="dong hai")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "Công ty TNHH Đông Hải".encode() in response.content
    assert b"\\u" not in response.content
    assert response.json()["items"][0]["name"] == "Công ty TNHH Đông Hải"
