"""Headers a browser and a proxy act on: `Cache-Control: no-store` on every answer that holds workers' personal data
(docs/privacy.md promises it), and the site's Content-Security-Policy on error pages too."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import path

from phoihop.cases.services import record_data_request
from tests.cases.conftest import World


def no_store(response: Any) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/vu-viec/"),
        ("get", "/vu-viec/{case}/"),
        ("get", "/vu-viec/{case}/sua/"),
        ("post", "/vu-viec/{case}/sua/"),  # the form sent back with errors repeats what was typed
        ("post", "/vu-viec/{case}/xuat-du-lieu-ca-nhan/"),
        ("get", "/vu-viec/{case}/yeu-cau-du-lieu/"),
        ("get", "/vu-viec/yeu-cau-du-lieu/{request}/"),
        ("post", "/vu-viec/{case}/giao-can-bo/"),
        ("post", "/vu-viec/tim-theo-so-dien-thoai/"),
        ("get", "/vu-viec/xuat-csv/"),
        ("get", "/api/v1/cases/cases"),
        ("get", "/api/v1/cases/cases/{case}"),
        ("get", "/api/v1/cases/cases/{case}/history"),
        ("post", "/api/v1/cases/cases/{case}/subject-export"),
        ("get", "/hoi-dap/"),
        ("get", "/vu-viec/999999/"),  # even a 404 under these paths
    ],
)
def test_every_answer_with_personal_data_says_no_store(world: World, login, method: str, url: str) -> None:  # type: ignore[no-untyped-def]
    handler = world.users["handler"]
    data_request = record_data_request(actor=handler, case=world.case, kind="correction", details="Sửa số điện thoại")
    client = login(handler)
    response = getattr(client, method)(url.format(case=world.case.pk, request=data_request.pk))
    assert response.status_code < 500
    assert no_store(response), (url, response.status_code, response.get("Cache-Control"))


def test_pages_without_personal_data_may_be_cached_as_before(world: World, login) -> None:  # type: ignore[no-untyped-def]
    response = login(world.users["secretariat"]).get("/danh-muc/doanh-nghiep/")
    assert response.status_code == 200
    assert not no_store(response)


def boom(request: Any) -> Any:
    raise RuntimeError("lỗi thử")


urlpatterns = [path("loi-thu/", boom)]


@pytest.mark.parametrize("debug", [False, True])
def test_error_pages_carry_the_content_security_policy(world: World, login, settings, debug: bool) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = debug
    client = login(world.users["viewer"])
    not_found = client.get("/khong-co-trang-nay/")
    assert not_found.status_code == 404
    assert "default-src 'self'" in not_found["Content-Security-Policy"]
    forbidden = client.get("/vu-viec/chu-de/them/")
    assert forbidden.status_code == 403
    assert "default-src 'self'" in forbidden["Content-Security-Policy"]
    api_not_found = client.get("/api/v1/khong-co")
    assert api_not_found.status_code == 404
    assert "Content-Security-Policy" in api_not_found


def test_the_500_page_carries_the_content_security_policy(world: World) -> None:
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        client = Client(raise_request_exception=False)
        response = client.get("/loi-thu/")
    assert response.status_code == 500
    assert "default-src 'self'" in response["Content-Security-Policy"]
