"""Who drafts which blocks, who confirms, who signs off — as a matrix of role × own/other body, through the pages and
the API: another body's block is out of reach (404), a forbidden action is 403, and nothing changes when refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.reports import services
from phoihop.reports.choices import ReportStatus, SectionKind
from phoihop.reports.models import ReportBlock, ReportIssuer
from tests.reports.conftest import SmallWorld

ROLES = [Role.VIEWER, Role.OFFICER, Role.LEADER, Role.SECRETARIAT, Role.ADMIN]
BODIES = ["own", "other"]


def area(world: SmallWorld):  # type: ignore[no-untyped-def]
    return world.report.sections.filter(kind=SectionKind.AREA).order_by("position").first()


def state_block(world: SmallWorld) -> ReportBlock:
    return services.create_block(
        actor=world.secretariat, section=area(world), owner_agency=world.state, text="- Đoạn của Ban Quản lý."
    )


def user_for(world: SmallWorld, role: Role, body: str):  # type: ignore[no-untyped-def]
    """A user of the State body ("own": the block's body) or of the union ("other")."""
    return world.user(role, "state" if body == "own" else "union")


def may_write(role: Role, body: str) -> bool:
    return role in (Role.SECRETARIAT, Role.ADMIN) or (role in (Role.OFFICER, Role.LEADER) and body == "own")


def reaches(role: Role, body: str) -> bool:
    """The block's page and API row: the body's users and those who compile the report; others get a 404."""
    return role in (Role.SECRETARIAT, Role.ADMIN) or body == "own"


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_editing_a_block(small_world: SmallWorld, client: Client, role: Role, body: str) -> None:
    block = state_block(small_world)
    client.force_login(user_for(small_world, role, body))
    page = client.get(f"/bao-cao/doan/{block.pk}/")
    assert page.status_code == (200 if reaches(role, body) else 404)
    response = client.post(f"/bao-cao/doan/{block.pk}/", {"text": "- Sửa.", "version": block.version})
    expected = 302 if may_write(role, body) else (403 if reaches(role, body) else 404)
    assert response.status_code == expected
    block.refresh_from_db()
    assert (block.text == "- Sửa.") == may_write(role, body)


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_editing_a_block_through_the_api(small_world: SmallWorld, client: Client, role: Role, body: str) -> None:
    block = state_block(small_world)
    client.force_login(user_for(small_world, role, body))
    response = client.patch(
        f"/api/v1/reports/blocks/{block.pk}",
        {"text": "- API.", "version": block.version},
        content_type="application/json",
    )
    expected = 200 if may_write(role, body) else (403 if reaches(role, body) else 404)
    assert response.status_code == expected, response.content
    if expected == 404:
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_adding_a_block_for_the_state_body(small_world: SmallWorld, client: Client, role: Role, body: str) -> None:
    client.force_login(user_for(small_world, role, body))
    response = client.post(
        f"/api/v1/reports/reports/{small_world.report.pk}/blocks",
        {"section_id": area(small_world).pk, "owner_agency_id": small_world.state.pk, "text": "- Mới."},
        content_type="application/json",
    )
    assert response.status_code == (201 if may_write(role, body) else 403)
    assert ReportBlock.objects.filter(text="- Mới.").exists() == may_write(role, body)


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_confirming_the_state_bodys_part(small_world: SmallWorld, client: Client, role: Role, body: str) -> None:
    issuer = small_world.report.issuers.get(agency=small_world.state)
    client.force_login(user_for(small_world, role, body))
    response = client.post(
        f"/bao-cao/{small_world.report.pk}/co-quan/{issuer.pk}/xac-nhan/", {"version": issuer.version}
    )
    allowed = role in (Role.OFFICER, Role.LEADER) and body == "own"
    assert response.status_code == (302 if allowed else 403)
    issuer.refresh_from_db()
    assert issuer.is_confirmed == allowed


def confirm_all(world: SmallWorld) -> None:
    for body in ("party", "state", "union"):
        issuer = world.report.issuers.get(agency=getattr(world, body))
        services.confirm_part(actor=world.user(Role.OFFICER, body), issuer=issuer, expected_version=issuer.version)


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_signing_off_is_for_the_bodys_leader(small_world: SmallWorld, client: Client, role: Role, body: str) -> None:
    confirm_all(small_world)
    issuer = small_world.report.issuers.get(agency=small_world.state)
    client.force_login(user_for(small_world, role, body))
    response = client.post(
        f"/bao-cao/{small_world.report.pk}/co-quan/{issuer.pk}/ky-duyet/", {"version": issuer.version}
    )
    allowed = role == Role.LEADER and body == "own"
    assert response.status_code == (302 if allowed else 403)
    issuer.refresh_from_db()
    assert issuer.is_signed_off == allowed


def test_the_last_sign_off_makes_the_report_final_and_frozen(small_world: SmallWorld) -> None:
    confirm_all(small_world)
    for body in ("party", "state", "union"):
        issuer = small_world.report.issuers.get(agency=getattr(small_world, body))
        services.sign_off(actor=small_world.user(Role.LEADER, body), issuer=issuer, expected_version=issuer.version)
    report = small_world.report
    report.refresh_from_db()
    assert report.status == ReportStatus.FINAL
    assert report.snapshot["status"] == "final"
    assert report.snapshot["draft"] is False
    block = ReportBlock.objects.filter(section__report=report).first()
    assert block is not None
    with pytest.raises(PermissionDenied):
        services.update_block(
            actor=small_world.secretariat, block=block, data={"text": "x"}, expected_version=block.version
        )


def test_a_confirmed_part_is_locked_until_the_confirmation_is_withdrawn(small_world: SmallWorld) -> None:
    block = state_block(small_world)
    officer = small_world.user(Role.OFFICER, "state")
    issuer = small_world.report.issuers.get(agency=small_world.state)
    issuer = services.confirm_part(actor=officer, issuer=issuer, expected_version=issuer.version)
    with pytest.raises(ValidationError) as exc:
        services.update_block(actor=officer, block=block, data={"text": "x"}, expected_version=block.version)
    assert exc.value.code == "part_confirmed"
    services.withdraw_confirmation(actor=officer, issuer=issuer, expected_version=issuer.version)
    services.update_block(actor=officer, block=block, data={"text": "- Sửa được."}, expected_version=block.version)


def test_reopening_clears_the_confirmations(small_world: SmallWorld) -> None:
    confirm_all(small_world)
    report = small_world.report
    report.refresh_from_db()
    services.reopen(actor=small_world.secretariat, report=report, expected_version=report.version, reason="Sửa số liệu")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert not ReportIssuer.objects.filter(report=report, confirmed_at__isnull=False).exists()


@pytest.mark.parametrize("role", ROLES)
def test_report_settings_are_kept_by_the_secretariat(small_world: SmallWorld, client: Client, role: Role) -> None:
    client.force_login(small_world.user(role, "state"))
    response = client.get(f"/bao-cao/{small_world.report.pk}/sua/")
    assert response.status_code == (200 if role in (Role.SECRETARIAT, Role.ADMIN) else 403)
    assert client.get(f"/bao-cao/{small_world.report.pk}/").status_code == 200


def test_anonymous_callers_are_sent_to_the_login(small_world: SmallWorld, client: Client) -> None:
    assert client.get(f"/bao-cao/{small_world.report.pk}/").status_code == 302
    assert client.get(f"/api/v1/reports/reports/{small_world.report.pk}").status_code == 401
