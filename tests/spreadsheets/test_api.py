"""The Excel layer in the API: token and session (CSRF enforced), the template, an export following the list's
filter, an import answered in the project's one error shape, a preview that needs `confirm=true`, a repeat."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.registry import spreadsheets
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory
from tests.spreadsheets.helpers import read_sheet, xlsx

pytestmark = pytest.mark.django_db

ROW = {"name": "Công ty TNHH Alpha", "tax_code": "0201234567", "ownership": "Doanh nghiệp trong nước"}


def post_file(api: ApiClient, content: bytes, query: str = "kind=directory.enterprise"):  # type: ignore[no-untyped-def]
    return api.client.post(
        f"/api/v1/spreadsheets/imports?{query}", {"file": SimpleUploadedFile("dn.xlsx", content)}, headers=api.headers
    )


def kind():  # type: ignore[no-untyped-def]
    found = spreadsheets.get("directory.enterprise")
    assert found is not None
    return found


def test_import_by_token_then_again(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    content = xlsx(kind(), [ROW, {**ROW, "tax_code": "0201234568", "workforce": "ba"}])
    answer = post_file(api, content)
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "invalid_rows"
    assert body["fields"]["rows"] == [
        "Trang tính Dữ liệu, dòng 4, cột Số lao động hiện có: phải là một số nguyên, không phải “ba”"
    ]
    fixed = xlsx(kind(), [ROW, {**ROW, "tax_code": "0201234568", "workforce": 3}])
    answer = post_file(api, fixed)
    assert answer.status_code == 200
    assert answer.json()["status"] == "imported"
    assert answer.json()["created"] == 2
    assert Enterprise.objects.count() == 2
    again = post_file(api, fixed)
    assert again.json()["status"] == "already_imported"
    assert "Tệp này đã được nhập lúc" in again.json()["message"]
    assert Enterprise.objects.count() == 2
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_updates_need_confirm(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(tax_code="0201234567", name="Tên cũ", owner_agency=officer.agency)
    api = api_for(officer, token=True)
    content = xlsx(kind(), [ROW])
    answer = post_file(api, content)
    assert answer.json()["status"] == "needs_confirmation"
    assert answer.json()["changes"][0]["fields"]["Tên doanh nghiệp"] == ["Tên cũ", "Công ty TNHH Alpha"]
    assert Enterprise.objects.get().name == "Tên cũ"
    answer = post_file(api, content, "kind=directory.enterprise&confirm=true")
    assert answer.json()["updated"] == 1
    assert Enterprise.objects.get().name == "Công ty TNHH Alpha"


def test_session_write_needs_csrf_and_viewers_cannot_import(make_user, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    forged = ApiClient(client_for(officer), csrf=False)
    assert post_file(forged, xlsx(kind(), [ROW])).json()["code"] == "csrf_failed"
    with_csrf = ApiClient(client_for(officer))
    assert post_file(with_csrf, xlsx(kind(), [ROW])).json()["status"] == "imported"
    viewer = make_user(Role.VIEWER, officer.agency)
    answer = post_file(ApiClient(client_for(viewer)), xlsx(kind(), [{**ROW, "tax_code": "0201234569"}]))
    assert answer.status_code == 403
    assert Enterprise.objects.count() == 1
    assert post_file(ApiClient(), xlsx(kind(), [ROW])).status_code == 401


def test_template_export_and_kinds(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(tax_code="0201234567", name="Công ty Tràng Duệ", owner_agency=officer.agency)
    EnterpriseFactory(tax_code="0201234568", name="Công ty Khác", owner_agency=officer.agency)
    api = api_for(officer, token=True)
    kinds = {item["key"] for item in api.get("/spreadsheets/kinds").json()}
    assert {"directory.enterprise", "indicators.value", "activities.activity"} <= kinds
    template = api.get("/spreadsheets/templates/directory.enterprise")
    assert read_sheet(template.content, "Dữ liệu")[1][0] == "name"
    exported = api.get("/spreadsheets/exports/directory.enterprise", q="trang due")
    assert [row[0] for row in read_sheet(exported.content, "Dữ liệu")[2:]] == ["Công ty Tràng Duệ"]
    assert api.get("/spreadsheets/exports/khong.co").status_code == 404
