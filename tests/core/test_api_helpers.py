"""The declarations every app's api.py is made of: a PATCH body generated from the create schema (`patch_schema`)
and the payload references turned into rows (`Ref`, `apply_refs`) with a 422 naming the field."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from ninja import Field, Schema
from pydantic import ConfigDict
from pydantic import ValidationError as SchemaError

from phoihop.accounts.models import User
from phoihop.core.api import Ref, apply_refs, patch_schema
from phoihop.core.params import Year
from phoihop.directory.models import Agency
from phoihop.directory.schemas import AGENCY, ZONE
from phoihop.directory.selectors import zones_visible_to
from tests.accounts.factories import UserFactory
from tests.directory.factories import ZoneFactory
from tests.organizing.helpers import founding_payload


class ThingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=10, description="Tên.")
    count: int = Field(0, ge=0)
    year: Year
    tags: list[int] = []
    owner_agency_id: int | None = None


@patch_schema(ThingIn, drop=("owner_agency_id",))
class ThingPatch(Schema): ...


@patch_schema(ThingIn)
class LooserPatch(Schema):
    name: str | None = Field(None, max_length=50)


def error_types(body: dict[str, object], schema: type[Schema] = ThingPatch) -> dict[str, str]:
    with pytest.raises(SchemaError) as raised:
        schema.model_validate(body)
    return {".".join(map(str, error["loc"])): error["type"] for error in raised.value.errors()}


def test_a_patch_takes_part_of_the_fields_and_leaves_the_rest_unset() -> None:
    assert ThingPatch.model_validate({"version": 3, "name": "Mới"}).dict(exclude_unset=True) == {
        "version": 3,
        "name": "Mới",
    }
    assert ThingPatch.model_validate({"version": 3}).dict(exclude_unset=True) == {"version": 3}


def test_null_in_a_patch_is_sent_on_as_null() -> None:
    """`patch_data` then clears the field, or refuses a null the record cannot take."""
    assert ThingPatch.model_validate({"version": 1, "name": None, "tags": None}).dict(exclude_unset=True) == {
        "version": 1,
        "name": None,
        "tags": None,
    }


def test_a_patch_requires_the_version() -> None:
    assert error_types({"name": "Mới"}) == {"version": "missing"}


def test_a_patch_refuses_unknown_fields_and_the_dropped_ones() -> None:
    assert error_types({"version": 1, "colour": "đỏ", "owner_agency_id": 4}) == {
        "colour": "extra_forbidden",
        "owner_agency_id": "extra_forbidden",
    }


def test_a_patch_keeps_the_limits_of_the_create_schema() -> None:
    assert error_types({"version": 1, "name": "x" * 11, "count": -1, "year": 1800}) == {
        "name": "string_too_long",
        "count": "greater_than_equal",
        "year": "greater_than_equal",
    }


def test_a_field_the_class_declares_is_its_own() -> None:
    assert LooserPatch.model_validate({"version": 1, "name": "x" * 50}).name == "x" * 50
    assert error_types({"version": 1, "count": -1}, LooserPatch) == {"count": "greater_than_equal"}


def test_the_schema_keeps_its_name_and_says_the_same_limits() -> None:
    schema = ThingPatch.model_json_schema()
    assert (ThingPatch.__name__, schema["title"]) == ("ThingPatch", "ThingPatch")
    assert schema["required"] == ["version"]
    name = schema["properties"]["name"]
    assert name["description"] == "Tên."
    assert {"type": "string", "maxLength": 10} in name["anyOf"]
    assert "owner_agency_id" not in schema["properties"]


def test_dropping_a_field_the_create_schema_lacks_fails_at_once() -> None:
    with pytest.raises(TypeError, match="ThingIn has no field colour"):
        patch_schema(ThingIn, drop=("colour",))


def test_the_openapi_document_names_the_generated_patches(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    schemas = json.loads(client_for(officer).get("/api/v1/openapi.json").content)["components"]["schemas"]
    founding = schemas["FoundingPatch"]
    assert founding["required"] == ["version"]
    assert "owner_agency_id" not in founding["properties"]
    assert {"type": "string", "maxLength": 300} in founding["properties"]["name"]["anyOf"]
    assert schemas["PersonPatch"].get("required", []) == []


# --- references ---------------------------------------------------------------------------------------------------


def refused(user: User, data: dict[str, object], refs: tuple[Ref, ...]) -> tuple[str, str | None, str]:
    with pytest.raises(ValidationError) as raised:
        apply_refs(user, data, refs)
    ((field, [error]),) = raised.value.error_dict.items()
    return field, error.code, error.messages[0]


def test_ids_become_rows_in_the_order_given_and_null_clears(officer: User, agency: Agency) -> None:
    zones = [ZoneFactory(), ZoneFactory()]
    many = Ref("zone_ids", "zones", zones_visible_to, "khu", many=True)
    data = {"zone_ids": [zones[1].pk, zones[0].pk], "agency_id": agency.pk, "note": "giữ nguyên"}
    assert apply_refs(officer, data, (AGENCY, many)) == {
        "zones": [zones[1], zones[0]],
        "agency": agency,
        "note": "giữ nguyên",
    }
    assert apply_refs(officer, {"zone_ids": None, "agency_id": None}, (AGENCY, many)) == {"zones": [], "agency": None}
    assert apply_refs(officer, {"note": "chỉ sửa ghi chú"}, (AGENCY, many)) == {"note": "chỉ sửa ghi chú"}


def test_an_id_that_is_not_there_is_named_with_the_field(officer: User) -> None:
    zone = ZoneFactory()
    many = Ref("zone_ids", "zones", zones_visible_to, "khu", many=True)
    assert refused(officer, {"zone_ids": [zone.pk, 999998, 999999]}, (many,)) == (
        "zones",
        "unknown_zones",
        "Không có khu số 999998, 999999.",
    )
    assert refused(officer, {"agency_id": 999999}, (AGENCY,)) == (
        "agency",
        "unknown_agency",
        "Không có đơn vị số 999999.",
    )
    partners = replace(AGENCY, key="partner_ids", field="partners", many=True)
    assert refused(officer, {"partner_ids": [999999]}, (partners,))[:2] == ("partners", "unknown_agency")
    assert refused(officer, {"zone_id": 999999}, (ZONE,)) == (
        "zone",
        "unknown_zone",
        "Không có khu số 999999 trong danh mục.",
    )


@pytest.mark.django_db
def test_what_the_caller_cannot_read_is_not_there() -> None:
    """A deactivated account reads no directory: the zone is unknown to it, as a row out of scope would be."""
    outsider = UserFactory(is_active=False)
    assert refused(outsider, {"zone_id": ZoneFactory().pk}, (ZONE,))[:2] == ("zone", "unknown_zone")


def test_the_api_answers_an_unknown_reference_with_a_422_naming_it(union_officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    response = api_for(union_officer).post("/organizing/foundings", founding_payload(987654))
    assert response.status_code == 422, response.content
    assert response.json() == {
        "message": "Không có doanh nghiệp số 987654 trong danh mục doanh nghiệp.",
        "code": "unknown_enterprise",
        "fields": {"enterprise": ["Không có doanh nghiệp số 987654 trong danh mục doanh nghiệp."]},
    }
