"""The declarations every app's api.py is made of: a PATCH body generated from the create schema (`patch_schema`),
the payload references turned into rows (`Ref`, `apply_refs`) with a 422 naming the field, and the endpoints of a
parent's child rows (`ChildRoutes`)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from ninja import Field, NinjaAPI, Router, Schema
from pydantic import ConfigDict
from pydantic import ValidationError as SchemaError

from phoihop.accounts.models import User
from phoihop.core.api import ChildRoutes, Ref, apply_refs, patch_schema
from phoihop.core.params import Year
from phoihop.core.records import ChildWrites
from phoihop.directory.models import Agency
from phoihop.directory.schemas import AGENCY, ZONE
from phoihop.directory.selectors import zones_visible_to
from phoihop.housing.models import HousingProject, Milestone
from tests.accounts.factories import UserFactory
from tests.apiclient import ApiClient
from tests.directory.factories import ZoneFactory
from tests.housing.factories import MilestoneFactory, ProjectFactory
from tests.organizing.helpers import founding_payload
from tests.practices.factories import PracticeFactory


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


# --- child rows ---------------------------------------------------------------------------------------------------


def _milestone_routes(**overrides: Any) -> ChildRoutes:
    """The housing milestones' routes, declared again on a router of their own."""
    from phoihop.housing import api as housing_api

    declared: dict[str, Any] = {
        "module": "phoihop.example.api",
        "name": "milestone",
        "under": "/projects/{project_id}/milestones",
        "at": "/milestones/{milestone_id}",
        "model": Milestone,
        "out": housing_api.MilestoneOut,
        "create_in": housing_api.MilestoneIn,
        "patch_in": housing_api.MilestonePatch,
        "parent": lambda user, pk: None,
        "get": lambda user, pk: None,
        "rows": lambda user, project: [],
        "create": lambda user, project, data: None,
        "update": lambda user, milestone, data, version: None,
        "delete": lambda user, milestone, version: None,
    }
    declared.update(overrides)
    return ChildRoutes(**declared)


def _document(routes: ChildRoutes) -> dict[str, Any]:
    api = NinjaAPI(urls_namespace=f"child-routes-{id(routes)}")
    api.add_router("/x", routes.mount(Router()))
    return {
        f"{method.upper()} {path.removeprefix('/x')}": operation
        for path, operations in api.get_openapi_schema(path_prefix="")["paths"].items()
        for method, operation in operations.items()
    }


def test_child_routes_give_the_endpoints_the_names_a_hand_written_one_had() -> None:
    operations = _document(_milestone_routes())
    assert {key: op["operationId"] for key, op in operations.items()} == {
        "GET /projects/{project_id}/milestones": "phoihop_example_api_list_milestones",
        "POST /projects/{project_id}/milestones": "phoihop_example_api_create_milestone",
        "PATCH /milestones/{milestone_id}": "phoihop_example_api_update_milestone",
        "DELETE /milestones/{milestone_id}": "phoihop_example_api_delete_milestone",
    }
    assert operations["GET /projects/{project_id}/milestones"]["summary"] == "List Milestones"
    delete = operations["DELETE /milestones/{milestone_id}"]
    assert [(p["in"], p["name"], p["required"]) for p in delete["parameters"]] == [
        ("path", "milestone_id", True),
        ("query", "version", True),
    ]
    assert sorted(delete["responses"]) == [204, 403, 404, 409, 422]
    create = operations["POST /projects/{project_id}/milestones"]
    assert create["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MilestoneIn"
    }
    assert sorted(create["responses"]) == [201, 403, 404, 409, 422]


def test_child_routes_leave_out_what_the_parent_does_not_offer() -> None:
    rows_only = _document(_milestone_routes(rows=None, create_verb="add", detail=True))
    assert sorted(rows_only) == [
        "DELETE /milestones/{milestone_id}",
        "GET /milestones/{milestone_id}",
        "PATCH /milestones/{milestone_id}",
        "POST /projects/{project_id}/milestones",
    ]
    assert rows_only["POST /projects/{project_id}/milestones"]["operationId"] == "phoihop_example_api_add_milestone"
    assert rows_only["GET /milestones/{milestone_id}"]["operationId"] == "phoihop_example_api_get_milestone"
    no_parent = _milestone_routes(under="", parent=None, rows=None, create=None, create_in=None)
    assert sorted(_document(no_parent)) == ["DELETE /milestones/{milestone_id}", "PATCH /milestones/{milestone_id}"]


def test_child_routes_refuse_a_declaration_they_cannot_serve() -> None:
    with pytest.raises(TypeError, match="need `parent`"):
        _milestone_routes(parent=None)
    with pytest.raises(TypeError, match="needs `create_in`"):
        _milestone_routes(create_in=None)
    with pytest.raises(ValueError, match="should name exactly one id"):
        _milestone_routes(at="/milestones").mount(Router())
    with pytest.raises(TypeError, match="give `writes`, or `update` and `delete`"):
        _milestone_routes(delete=None).mount(Router())


def test_child_routes_take_the_apps_child_writes_for_the_three_services() -> None:
    """`writes=` (the app's ChildWrites) gives create, update and delete, called as the services name their keywords."""
    calls: list[tuple[str, dict[str, Any]]] = []
    writes = ChildWrites(
        lambda **kw: calls.append(("create", kw)),
        lambda **kw: calls.append(("update", kw)),
        lambda **kw: calls.append(("delete", kw)),
        parent="project",
        row="milestone",
    )
    routes = _milestone_routes(writes=writes, create=None, update=None, delete=None)
    assert routes.create is not None
    assert routes.update is not None
    assert routes.delete is not None
    routes.create("u", "p", {"a": 1})
    routes.update("u", "m", {"b": 2}, 3)
    routes.delete("u", "m", 4)
    assert calls == [
        ("create", {"actor": "u", "project": "p", "data": {"a": 1}}),
        ("update", {"actor": "u", "milestone": "m", "data": {"b": 2}, "expected_version": 3}),
        ("delete", {"actor": "u", "milestone": "m", "expected_version": 4}),
    ]
    assert sorted(_document(routes)) == sorted(_document(_milestone_routes()))


@pytest.fixture
def project(agency: Agency) -> HousingProject:
    return ProjectFactory(owner_agency=agency)


def test_a_child_row_is_listed_created_changed_and_deleted_under_its_parent(officer: User, project, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer)  # session cookie with the page's CSRF header, as the browser sends it
    created = api.post(f"/housing/projects/{project.pk}/milestones", {"kind": "groundbreaking", "date": "2024-01-15"})
    assert created.status_code == 201, created.content
    row = created.json()
    assert (row["project_id"], row["date"], row["version"]) == (project.pk, "2024-01-15", 1)
    listed = api.get(f"/housing/projects/{project.pk}/milestones")
    assert [item["id"] for item in listed.json()] == [row["id"]]

    changed = api.patch(f"/housing/milestones/{row['id']}", {"version": 1, "phase": "Giai đoạn 1"})
    assert changed.status_code == 200, changed.content
    assert (changed.json()["phase"], changed.json()["version"]) == ("Giai đoạn 1", 2)
    stale = api.patch(f"/housing/milestones/{row['id']}", {"version": 1, "phase": "Bản cũ"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    assert "chưa được lưu" in stale.json()["message"]
    assert Milestone.objects.get().phase == "Giai đoạn 1"

    assert api.delete(f"/housing/milestones/{row['id']}", version=1).status_code == 409
    assert api.delete(f"/housing/milestones/{row['id']}", version=2).status_code == 204
    assert not Milestone.objects.exists()


def test_a_parent_or_row_out_of_reach_is_a_404_and_nothing_is_written(officer: User, project, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer)
    missing = api.post("/housing/projects/987654/milestones", {"kind": "groundbreaking", "date": "2024-01-15"})
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert api.get("/housing/projects/987654/milestones").status_code == 404
    assert api.patch("/housing/milestones/987654", {"version": 1, "phase": "x"}).status_code == 404
    assert api.delete("/housing/milestones/987654", version=1).status_code == 404
    assert not Milestone.objects.exists()


def test_a_child_rows_reference_is_resolved_and_an_unknown_one_named(officer: User, agency: Agency, api_for) -> None:  # type: ignore[no-untyped-def]
    practice = PracticeFactory(owner_agency=agency)
    api = api_for(officer)
    path = f"/practices/practices/{practice.pk}/awards"
    award = {"level": "commendation", "decision_date": "2024-03-01"}
    unknown = api.post(path, {**award, "awarding_agency_id": 987654})
    assert unknown.status_code == 422
    assert unknown.json()["fields"] == {"awarding_agency": ["Không có cơ quan số 987654."]}
    created = api.post(path, {**award, "awarding_agency_id": agency.pk})
    assert created.status_code == 201, created.content
    assert created.json()["awarding_agency_id"] == agency.pk
    cleared = api.patch(
        f"/practices/awards/{created.json()['id']}",
        {"version": 1, "awarding_agency_id": None, "awarding_body_name": "Hội Nông dân xã An Lư"},
    )
    assert cleared.status_code == 200, cleared.content
    assert (cleared.json()["awarding_agency_id"], cleared.json()["awarding_body"]) == (None, "Hội Nông dân xã An Lư")


def test_a_child_row_write_without_the_pages_csrf_token_is_refused(officer: User, project, client_for) -> None:  # type: ignore[no-untyped-def]
    milestone = MilestoneFactory(project=project)
    forged = ApiClient(client_for(officer), csrf=False)
    created = forged.post(
        f"/housing/projects/{project.pk}/milestones", {"kind": "groundbreaking", "date": "2024-01-15"}
    )
    changed = forged.patch(f"/housing/milestones/{milestone.pk}", {"version": 1, "phase": "Giả mạo"})
    deleted = forged.delete(f"/housing/milestones/{milestone.pk}", version=1)
    assert [r.status_code for r in (created, changed, deleted)] == [403, 403, 403]
    assert {r.json()["code"] for r in (created, changed, deleted)} == {"csrf_failed"}
    assert list(Milestone.objects.values_list("phase", flat=True)) == [milestone.phase]
