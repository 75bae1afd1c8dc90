"""The indicator form's record filter: named fields for people, the raw JSON only for administrators."""

from __future__ import annotations

import re

import pytest

from phoihop.directory.models import Zone
from phoihop.indicators.models import Indicator
from tests.directory.factories import ZoneFactory
from tests.indicators.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

BASE = {
    "code": "DN-FDI",
    "name": "Doanh nghiệp FDI",
    "unit": "doanh nghiệp",
    "unit_kind": "organisations",
    "measure": "count_records",
    "record_kind": "directory.enterprise",
    "rounding": "half_up",
    "is_active": "on",
}
OWNERSHIP = "rf-directory-enterprise-ownership"
ZONE = "rf-directory-enterprise-zone"


def test_the_secretariat_sees_named_filter_fields_and_no_json(client_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    page = client_for(secretariat).get("/chi-tieu/them/").content.decode()
    assert "Điều kiện lọc bản ghi" in page
    assert "Loại hình sở hữu" in page
    assert f'name="{OWNERSHIP}"' in page
    assert "Khi đếm: Doanh nghiệp trong danh mục" in page
    assert 'name="record_filter"' not in page
    assert "Nâng cao" not in page
    assert ">null<" not in page


def test_named_fields_save_the_filter_as_json(client_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory()
    response = client_for(secretariat).post(
        "/chi-tieu/them/", {**BASE, OWNERSHIP: ["wholly_foreign", "foreign_invested"], ZONE: [str(zone.pk)]}
    )
    assert response.status_code == 302
    saved = Indicator.objects.get(code="DN-FDI")
    assert saved.record_filter == {"ownership__in": ["wholly_foreign", "foreign_invested"], "zone": zone.pk}
    detail = client_for(secretariat).get(saved.get_absolute_url()).content.decode()
    assert "Doanh nghiệp trong danh mục" in detail
    assert "Loại hình sở hữu: " in detail
    assert str(zone) in detail
    assert "ownership__in" not in detail


def test_a_single_value_is_stored_as_equality_and_empty_fields_filter_nothing(client_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    client = client_for(secretariat)
    assert client.post("/chi-tieu/them/", {**BASE, OWNERSHIP: ["domestic"]}).status_code == 302
    assert Indicator.objects.get(code="DN-FDI").record_filter == {"ownership": "domestic"}
    assert client.post("/chi-tieu/them/", {**BASE, "code": "DN-ALL"}).status_code == 302
    assert Indicator.objects.get(code="DN-ALL").record_filter == {}


def test_a_bad_value_gets_a_vietnamese_error_and_nothing_is_saved(client_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    response = client_for(secretariat).post("/chi-tieu/them/", {**BASE, OWNERSHIP: ["martian"]})
    assert response.status_code == 422
    assert "“martian” không phải là một lựa chọn của trường này." in response.content.decode()
    response = client_for(secretariat).post("/chi-tieu/them/", {**BASE, ZONE: ["999999"]})
    assert response.status_code == 422
    assert "Mục đã chọn không còn trong danh mục." in response.content.decode()
    assert not Indicator.objects.filter(code="DN-FDI").exists()


def test_fields_of_another_record_kind_are_ignored(client_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    response = client_for(secretariat).post(
        "/chi-tieu/them/", {**BASE, "rf-organizing-founding-kind": ["party_cell"], OWNERSHIP: ["domestic"]}
    )
    assert response.status_code == 302
    assert Indicator.objects.get(code="DN-FDI").record_filter == {"ownership": "domestic"}


def test_editing_shows_the_stored_filter_and_keeps_conditions_the_fields_cannot_express(  # type: ignore[no-untyped-def]
    client_for, secretariat
) -> None:
    indicator = IndicatorFactory(
        code="HD",
        measure="count_records",
        unit_kind="other",
        record_kind="activities.activity",
        record_filter={"kind__in": ["training_class", "dialogue"], "start_date__gte": "2023-06-01"},
    )
    client = client_for(secretariat)
    page = client.get(f"/chi-tieu/{indicator.pk}/sua/").content.decode()
    selected = re.findall(r'<option value="(\w+)" selected>', page)
    assert {"training_class", "dialogue"} <= set(selected)
    data = {
        "code": "HD",
        "name": indicator.name,
        "unit": indicator.unit,
        "unit_kind": indicator.unit_kind,
        "measure": "count_records",
        "record_kind": "activities.activity",
        "rounding": "half_up",
        "is_active": "on",
        "version": indicator.version,
        "rf-activities-activity-kind": ["dialogue"],
    }
    assert client.post(f"/chi-tieu/{indicator.pk}/sua/", data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.record_filter == {"kind": "dialogue", "start_date__gte": "2023-06-01"}


def test_the_administrator_has_the_json_behind_a_toggle_never_null(client_for, admin_user) -> None:  # type: ignore[no-untyped-def]
    client = client_for(admin_user)
    page = client.get("/chi-tieu/them/").content.decode()
    assert "Nâng cao" in page
    assert 'class="collapse mt-3"' in page
    textarea = re.search(r'<textarea name="record_filter"[^>]*>(.*?)</textarea>', page, re.S)
    assert textarea is not None
    assert textarea.group(1).strip() == ""
    response = client.post("/chi-tieu/them/", {**BASE, OWNERSHIP: ["domestic"], "record_filter": ""})
    assert response.status_code == 302
    assert Indicator.objects.get(code="DN-FDI").record_filter == {"ownership": "domestic"}
    edited = {**BASE, "code": "DN-2", OWNERSHIP: ["domestic"], "record_filter": '{"zone__parent__in": []}'}
    response = client.post("/chi-tieu/them/", edited)
    assert response.status_code == 422
    assert "cần một danh sách giá trị" in response.content.decode()


def test_zone_choices_come_from_the_directory(client_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Đình Vũ")
    page = client_for(secretariat).get("/chi-tieu/them/").content.decode()
    assert f'<option value="{zone.pk}">{zone}</option>' in page
    assert Zone.objects.count() >= 1
