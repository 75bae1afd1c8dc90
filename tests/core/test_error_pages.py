"""What people see when a page is missing, forbidden or broken: Vietnamese, in the site's layout."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_in_vietnamese_in_the_site_layout(client_for, officer) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page
    assert "trang tổng quan" in page
    assert 'class="navbar-brand"' in page  # the site's header and menu
    assert "Đăng xuất" in page
    assert "Page not found" not in page


def test_a_record_out_of_reach_gives_the_same_page(client_for, officer) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get("/danh-muc/doanh-nghiep/999999/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@override_settings(DEBUG=True)
def test_the_site_404_is_shown_even_with_debug_on(client_for, officer) -> None:  # type: ignore[no-untyped-def]
    for url in ["/khong-co-trang-nay/", "/danh-muc/doanh-nghiep/999999/"]:
        response = client_for(officer).get(url)
        assert response.status_code == 404
        page = response.content.decode()
        assert "Không tìm thấy trang" in page
        assert "Using the URLconf" not in page
        assert "Page not found" not in page


@override_settings(DEBUG=True, PHOIHOP_TECHNICAL_404=True)
def test_developers_may_ask_for_djangos_technical_page(client_for, officer) -> None:  # type: ignore[no-untyped-def]
    assert "Page not found" in client_for(officer).get("/khong-co-trang-nay/").content.decode()


@pytest.mark.parametrize("debug", [False, True])
def test_the_api_keeps_answering_404_in_json(client_for, officer, debug: bool) -> None:  # type: ignore[no-untyped-def]
    with override_settings(DEBUG=debug):
        response = client_for(officer).get("/api/v1/khong-co/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


def test_a_forbidden_page_says_why_in_vietnamese(client_for, officer) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get("/chi-tieu/them/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Không có quyền truy cập" in page
    assert "Anh/chị không có quyền thực hiện thao tác này." in page
    assert 'class="navbar-brand"' in page


@pytest.mark.django_db(databases=[])
def test_the_500_page_needs_neither_request_nor_database() -> None:
    request = RequestFactory().get("/")
    response = defaults.server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Hệ thống gặp lỗi" in page
    assert "Phối hợp" in page
    assert "Server Error" not in page


def test_the_site_has_an_icon(client_for, officer) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/").content.decode()
    assert 'rel="icon"' in page
    response = Client().get("/favicon.ico", follow=True)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"<svg")
