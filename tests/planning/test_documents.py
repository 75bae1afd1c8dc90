from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.planning import selectors, services
from phoihop.planning.models import Document
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

NOTICE = {
    "kind": "notice",
    "number": "1558",
    "symbol": "TB/TU",
    "issued_on": dt.date(2023, 5, 27),
    "title": "về kết luận của Thường trực Thành ủy",
}


def test_officer_registers_a_document_for_their_body(bodies: Bodies, ld_officer) -> None:  # type: ignore[no-untyped-def]
    document = services.create_document(actor=ld_officer, data=NOTICE)
    assert str(document) == "Thông báo số 1558-TB/TU, ngày 27/5/2023"
    assert document.owner_agency == bodies.ldldtp
    events = AuditEvent.objects.filter(object_type="planning.document", object_id=str(document.pk))
    assert [e.action for e in events] == ["create"]


def test_same_number_and_symbol_is_refused_whatever_the_case(ld_officer) -> None:  # type: ignore[no-untyped-def]
    services.create_document(actor=ld_officer, data=NOTICE)
    with pytest.raises(ValidationError) as error:
        services.create_document(actor=ld_officer, data={**NOTICE, "symbol": "tb/tu"})
    assert error.value.error_dict["number"][0].code == "duplicate_document"
    assert "Thông báo số 1558-TB/TU" in error.value.messages[0]
    assert Document.objects.count() == 1


def test_viewer_cannot_register_and_other_body_cannot_edit(bodies: Bodies, ld_officer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        services.create_document(actor=bodies.user(Role.VIEWER), data=NOTICE)
    document = services.create_document(actor=ld_officer, data=NOTICE)
    other = bodies.user(Role.OFFICER, bodies.bqlkkt)
    with pytest.raises(PermissionDenied):
        services.update_document(actor=other, document=document, data={"title": "x"}, expected_version=1)
    secretariat = bodies.user(Role.SECRETARIAT, bodies.bdvtu)
    updated = services.update_document(
        actor=secretariat, document=document, data={"issuer": "Thường trực Thành ủy"}, expected_version=1
    )
    assert updated.version == 2


def test_find_document_by_reference(ld_officer) -> None:  # type: ignore[no-untyped-def]
    document = services.create_document(actor=ld_officer, data=NOTICE)
    assert selectors.find_document(user=ld_officer, reference="số 1558-TB/TU") == document
    assert selectors.find_document(user=ld_officer, reference="1559-TB/TU") is None


def test_document_pages(client_for, ld_officer) -> None:  # type: ignore[no-untyped-def]
    client = client_for(ld_officer)
    response = client.post(
        "/van-ban/them/",
        {
            "kind": "resolution",
            "number": "09",
            "symbol": "NQ/TU",
            "issued_on": "2023-11-13",
            "issuer": "Ban Chấp hành Đảng bộ thành phố",
            "title": "về phát triển nhà ở xã hội đến năm 2030",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    page = client.get(f"/van-ban/{document.pk}/").content.decode()
    assert (
        "Nghị quyết số 09-NQ/TU, ngày 13/11/2023 của Ban Chấp hành Đảng bộ thành phố về phát triển nhà ở xã hội" in page
    )
    assert "Lịch sử thay đổi" in page
    listing = client.get("/van-ban/", {"q": "nha o xa hoi"}).content.decode()
    assert "Nghị quyết số 09-NQ/TU" in listing
    duplicate = client.post("/van-ban/them/", {"kind": "resolution", "number": "09", "symbol": "NQ/TU"})
    assert duplicate.status_code == 422
    assert "Đã có văn bản mang số, ký hiệu này" in duplicate.content.decode()
    same_but_case = client.post("/van-ban/them/", {"kind": "resolution", "number": "09", "symbol": "nq/tu"})
    assert same_but_case.status_code == 422
    assert "mỗi số, ký hiệu chỉ ghi một lần" in same_but_case.content.decode()
    assert Document.objects.count() == 1


def test_document_api(api_for, ld_officer, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    api = api_for(ld_officer)
    created = api.post("/planning/documents", {**NOTICE, "issued_on": "2023-05-27"})
    assert created.status_code == 201
    body = created.json()
    assert body["citation"] == "Thông báo số 1558-TB/TU, ngày 27/5/2023"
    duplicate = api.post("/planning/documents", {**NOTICE, "issued_on": "2023-05-27"})
    assert duplicate.status_code == 422
    assert duplicate.json()["code"] == "duplicate_document"
    bad_date = api.post("/planning/documents", {**NOTICE, "number": "12", "issued_on": "27/5/2023"})
    assert bad_date.status_code == 422
    stale = api.patch(f"/planning/documents/{body['id']}", {"version": 1, "title": "về kết luận"})
    assert stale.status_code == 200
    conflict = api.patch(f"/planning/documents/{body['id']}", {"version": 1, "title": "về kết luận khác"})
    assert conflict.status_code == 409
    assert Document.objects.get().title == "về kết luận"
