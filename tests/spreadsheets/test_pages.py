"""The Excel actions on the list pages, and who may use the upload page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from phoihop.accounts.choices import Role
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.registry import spreadsheets
from tests.spreadsheets.helpers import xlsx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/danh-muc/doanh-nghiep/?q=hai+phong", "directory.enterprise"),
        ("/so-lieu/", "indicators.value"),
        ("/hoat-dong/", "activities.activity"),
    ],
)
def test_every_list_page_offers_export_template_and_import(officer, client_for, url, kind) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get(url).content.decode()
    assert f'href="/excel/{kind}/xuat/' in page
    assert "Xuất Excel" in page
    assert f'href="/excel/{kind}/mau/"' in page
    assert f'href="/excel/{kind}/nhap/"' in page


def test_the_export_link_carries_the_lists_filter(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/danh-muc/doanh-nghiep/?q=hai+phong&ownership=domestic").content.decode()
    assert 'href="/excel/directory.enterprise/xuat/?q=hai+phong&amp;ownership=domestic"' in page


def test_a_viewer_may_export_but_not_import(make_user, agency, client_for) -> None:  # type: ignore[no-untyped-def]
    viewer = make_user(Role.VIEWER, agency)
    client = client_for(viewer)
    assert "Nhập Excel" not in client.get("/danh-muc/doanh-nghiep/").content.decode()
    assert client.get("/excel/directory.enterprise/xuat/").status_code == 200
    assert client.get("/excel/directory.enterprise/nhap/").status_code == 403
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    content = xlsx(kind, [{"name": "A", "tax_code": "0201234567", "ownership": "Doanh nghiệp trong nước"}])
    answer = client.post("/excel/directory.enterprise/nhap/", {"file": SimpleUploadedFile("a.xlsx", content)})
    assert answer.status_code == 403
    assert Enterprise.objects.count() == 0


def test_plain_post_answers_422_with_every_problem_and_the_form(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    content = xlsx(kind, [{"name": "A", "tax_code": "1", "ownership": "Không rõ"}])
    answer = client_for(officer).post(
        "/excel/directory.enterprise/nhap/", {"file": SimpleUploadedFile("a.xlsx", content)}
    )
    text = answer.content.decode()
    assert answer.status_code == 422
    assert "Tải lên và kiểm tra" in text
    assert "Trang tính Dữ liệu, dòng 3, cột Mã số thuế:" in text
    assert "Trang tính Dữ liệu, dòng 3, cột Loại hình sở hữu: “Không rõ” không có trong danh sách chọn" in text


def test_unknown_kind_is_404(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    assert client.get("/excel/khong.co/mau/").status_code == 404
    assert client.get("/excel/khong.co/xuat/").status_code == 404
    # An export-only kind (the case list) has no template and no upload page.
    assert client.get("/excel/cases.case/mau/").status_code == 404
    assert client.get("/excel/cases.case/nhap/").status_code == 404
