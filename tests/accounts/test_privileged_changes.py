"""Privileged changes to an account go through `update_user` and are audited; a handler who moves to another body
loses their case handler grants for good (moving back restores nothing); a revoked API token stays revoked, whatever
writes to the row: the service, the model or raw SQL."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction

from phoihop.accounts.choices import Role
from phoihop.accounts.models import ApiToken, User
from phoihop.accounts.services import create_token, revoke_token, update_user, user_for_token
from phoihop.cases import permissions as case_permissions
from phoihop.cases.models import CaseHandlerGrant
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.cases.factories import GrantFactory


def updates_of(user: User) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user.pk), action="update"))


def test_only_an_administrator_changes_accounts(officer: User, make_user) -> None:  # type: ignore[no-untyped-def]
    leader = make_user(Role.LEADER, officer.agency)
    with pytest.raises(PermissionDenied):
        update_user(actor=leader, user=officer, data={"role": Role.LEADER})
    officer.refresh_from_db()
    assert officer.role == Role.OFFICER


def test_fields_outside_the_list_are_refused(admin_user: User, officer: User) -> None:
    with pytest.raises(ValidationError):
        update_user(actor=admin_user, user=officer, data={"password": "x"})


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("role", Role.LEADER, ["Cán bộ", "Lãnh đạo"]),
        ("is_staff", True, ["Không", "Có"]),
        ("is_superuser", True, ["Không", "Có"]),
        ("is_active", False, ["Có", "Không"]),
    ],
)
def test_each_privileged_change_is_audited(
    admin_user: User, officer: User, field: str, value: object, shown: list[str]
) -> None:
    update_user(actor=admin_user, user=officer, data={field: value})
    officer.refresh_from_db()
    assert getattr(officer, field) == value
    [event] = updates_of(officer)
    assert event.changes == {field: shown}
    assert event.actor == admin_user
    assert "Thay đổi quyền" in event.note


def test_a_body_change_is_audited_and_ends_the_handler_grants(
    admin_user: User, officer: User, other_agency: Agency
) -> None:
    home = officer.agency
    assert home is not None
    grant = GrantFactory(user=officer, agency=home)
    assert case_permissions.handler_agency_ids(officer) == {home.pk}

    moved = update_user(actor=admin_user, user=officer, data={"agency": other_agency})
    [event] = updates_of(officer)
    assert event.changes == {"agency": [str(home), str(other_agency)]}
    grant.refresh_from_db()
    assert grant.revoked_at is not None
    assert grant.revoked_by == admin_user
    ended = AuditEvent.objects.get(object_type="cases.casehandlergrant", object_id=str(grant.pk))
    assert "chuyển sang đơn vị khác" in ended.note
    assert case_permissions.handler_agency_ids(moved) == frozenset()

    back = update_user(actor=admin_user, user=moved, data={"agency": home})
    fresh = User.objects.get(pk=back.pk)
    assert case_permissions.handler_agency_ids(fresh) == frozenset(), "moving back restores nothing"
    assert not CaseHandlerGrant.objects.filter(user=officer, revoked_at__isnull=True).exists()


def test_other_changes_keep_the_grants(admin_user: User, officer: User) -> None:
    grant = GrantFactory(user=officer, agency=officer.agency)
    update_user(actor=admin_user, user=officer, data={"position": "Chuyên viên"})
    grant.refresh_from_db()
    assert grant.revoked_at is None


def test_a_revoked_token_stays_revoked(officer: User) -> None:
    token, raw = create_token(actor=officer, owner=officer, name="kịch bản")
    revoke_token(actor=officer, token=token)
    assert user_for_token(raw) is None
    revoked_at = ApiToken.objects.get(pk=token.pk).revoked_at

    token.revoked_at = None
    with pytest.raises(ValidationError):
        token.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=None)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_apitoken SET revoked_at = NULL WHERE id = %s", [token.pk])
    assert ApiToken.objects.get(pk=token.pk).revoked_at == revoked_at
    assert user_for_token(raw) is None

    # Revoking again is harmless and writes no second event.
    revoke_token(actor=officer, token=ApiToken.objects.get(pk=token.pk))
    assert AuditEvent.objects.filter(action=AuditAction.TOKEN_REVOKE).count() == 1
    # Other columns of a revoked token still change (its last use, for instance).
    ApiToken.objects.filter(pk=token.pk).update(name="đã thu hồi")
