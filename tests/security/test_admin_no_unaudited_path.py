"""No unaudited path through the administration site: every registered model is either read-only there (no add,
change or delete, inlines included) or writes through the services, and then each kind of write leaves an audit
event. A model registered later that allows a write fails `test_every_registered_model_is_read_only_or_audited`
until it gets a scenario here."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.accounts.services import create_token
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.directory.factories import AgencyFactory

# The models whose admin writes, each through a service; the scenarios below show every write leaves an event.
AUDITED_WRITES = {
    "accounts.user": {"add", "change"},
    "directory.agency": {"add", "change"},
    "axes.accessattempt": {"delete"},
}
# Read-only by permission, with an admin action that goes through a service (tested below).
AUDITED_ACTIONS = {"accounts.apitoken": {"revoke"}}


def writes_allowed(model_admin: admin.ModelAdmin, admin_user: User) -> set[str]:  # type: ignore[type-arg]
    request = RequestFactory().get("/quan-tri/")
    request.user = admin_user
    allowed = {
        kind
        for kind, check in (
            ("add", model_admin.has_add_permission),
            ("change", model_admin.has_change_permission),
            ("delete", model_admin.has_delete_permission),
        )
        if check(request)
    }
    for inline in model_admin.get_inline_instances(request):
        if inline.has_add_permission(request, None) or inline.has_delete_permission(request, None):
            allowed.add("inline")
        if inline.has_change_permission(request, None):
            allowed.add("inline")
    return allowed


def test_every_registered_model_is_read_only_or_audited(admin_user: User) -> None:
    request = RequestFactory().get("/quan-tri/")
    request.user = admin_user
    found_writes: dict[str, set[str]] = {}
    found_actions: dict[str, set[str]] = {}
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        allowed = writes_allowed(model_admin, admin_user)
        if allowed:
            found_writes[label] = allowed
        actions = set(model_admin.get_actions(request)) - {"delete_selected"}
        if actions:
            found_actions[label] = actions
        if "delete_selected" in model_admin.get_actions(request):
            assert "delete" in allowed, label
    assert found_writes == AUDITED_WRITES
    assert found_actions == AUDITED_ACTIONS
    assert len(admin.site._registry) > 25, "every app's models are registered (and walked)"


def events_for(obj: object) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            object_type=f"{obj._meta.app_label}.{obj._meta.model_name}",  # type: ignore[attr-defined]
            object_id=str(obj.pk),  # type: ignore[attr-defined]
        ).order_by("pk")
    )


@pytest.fixture
def admin_client(admin_user: User) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def user_form(user: User, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "position": user.position,
        "role": user.role,
        "agency": user.agency_id or "",
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "is_superuser": "on" if user.is_superuser else "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value not in ("", None)}


def test_raising_a_viewer_to_administrator_is_an_audited_privileged_change(
    admin_client: Client, admin_user: User, agency: Agency
) -> None:
    viewer = UserFactory(username="bdvtu.xem", role=Role.VIEWER, agency=agency)
    url = reverse("admin:accounts_user_change", args=[viewer.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, user_form(viewer, role=Role.ADMIN, is_staff="on", is_superuser="on"))
    assert response.status_code == 302, response.content.decode()[:2000]
    viewer.refresh_from_db()
    assert (viewer.role, viewer.is_staff, viewer.is_superuser) == (Role.ADMIN, True, True)
    [event] = events_for(viewer)
    assert event.action == AuditAction.UPDATE
    assert event.actor == admin_user
    assert event.changes["role"] == ["Xem", "Quản trị"]
    assert event.changes["is_superuser"] == ["Không", "Có"]
    assert event.changes["is_staff"] == ["Không", "Có"]
    assert event.note.startswith("Thay đổi quyền:")


def test_an_unchanged_save_writes_nothing(admin_client: Client, officer: User) -> None:
    url = reverse("admin:accounts_user_change", args=[officer.pk])
    assert admin_client.post(url, user_form(officer)).status_code == 302
    assert events_for(officer) == []


def test_creating_an_account_in_the_admin_is_audited(admin_client: Client, agency: Agency) -> None:
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "canbo.moi",
            "first_name": "Trần Thị",
            "last_name": "Mới",
            "role": Role.OFFICER,
            "agency": agency.pk,
            "password1": TEST_PASSWORD,
            "password2": TEST_PASSWORD,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="canbo.moi")
    assert (user.first_name, user.last_name, user.agency, user.role) == ("Trần Thị", "Mới", agency, Role.OFFICER)
    assert user.check_password(TEST_PASSWORD)
    [event] = events_for(user)
    assert event.action == AuditAction.CREATE
    assert event.changes["role"] == ["", "Cán bộ"]


def test_an_account_without_a_body_is_refused_with_a_message(admin_client: Client) -> None:
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {"username": "lac", "role": Role.OFFICER, "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
    )
    assert response.status_code == 200
    assert "Người dùng phải thuộc một đơn vị" in response.content.decode()
    assert not User.objects.filter(username="lac").exists()


def test_setting_a_password_in_the_admin_is_audited(admin_client: Client, officer: User) -> None:
    url = reverse("admin:auth_user_password_change", args=[officer.pk])
    new = "Mat-khau-moi-2024-x"
    response = admin_client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password(new)
    [event] = events_for(officer)
    assert event.changes == {"password": ["••••••", "••••••"]}
    assert new not in str(list(AuditEvent.objects.values()))


def test_an_administrator_cannot_remove_their_own_rights(admin_client: Client, admin_user: User) -> None:
    url = reverse("admin:accounts_user_change", args=[admin_user.pk])
    response = admin_client.post(url, user_form(admin_user, is_superuser="", role=Role.VIEWER))
    assert response.status_code == 200
    assert "Không thể tự bỏ quyền quản trị" in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.is_superuser
    assert [event for event in events_for(admin_user) if event.action != AuditAction.LOGIN] == []


def test_accounts_are_never_deleted_in_the_admin(admin_client: Client, officer: User) -> None:
    url = reverse("admin:accounts_user_delete", args=[officer.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=officer.pk).exists()


def test_revoking_a_token_in_the_admin_is_audited_and_it_cannot_be_revived(admin_client: Client, officer: User) -> None:
    token, raw = create_token(actor=officer, owner=officer, name="bảng tính")
    changelist = reverse("admin:accounts_apitoken_changelist")
    response = admin_client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(action=AuditAction.TOKEN_REVOKE, object_id=str(officer.pk)).count() == 1
    change = reverse("admin:accounts_apitoken_change", args=[token.pk])
    admin_client.post(change, {"name": token.name, "user": officer.pk, "revoked_at_0": "", "revoked_at_1": ""})
    token.refresh_from_db()
    assert token.revoked_at is not None
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/directory/enterprises").status_code == 401


def test_editing_an_agency_goes_through_the_service(admin_client: Client, admin_user: User) -> None:
    target = AgencyFactory(short_code="CQTN", name="Cơ quan thử nghiệm")
    url = reverse("admin:directory_agency_change", args=[target.pk])
    response = admin_client.post(
        url,
        {
            "name": "Cơ quan đã đổi tên",
            "short_code": "CQTN",
            "kind": target.kind,
            "header_lines": "X",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    target.refresh_from_db()
    assert (target.name, target.version) == ("Cơ quan đã đổi tên", 2)
    [event] = events_for(target)
    assert event.changes["name"] == ["Cơ quan thử nghiệm", "Cơ quan đã đổi tên"]
    created = admin_client.post(
        reverse("admin:directory_agency_add"),
        {"name": "Cơ quan mới", "short_code": "CQMOI", "kind": target.kind, "header_lines": "Y", "is_active": "on"},
    )
    assert created.status_code == 302
    assert events_for(Agency.objects.get(short_code="CQMOI"))[0].action == AuditAction.CREATE


def test_unlocking_a_user_in_the_admin_is_audited(admin_client: Client, officer: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.80")
    for attempt in range(5):
        client.post("/tai-khoan/dang-nhap/", {"username": officer.username, "password": f"sai-{attempt}"})
    attempt = AccessAttempt.objects.get(username=officer.username)
    url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not AccessAttempt.objects.exists()
    [event] = events_for(attempt)
    assert event.action == AuditAction.DELETE
    assert officer.username in event.note
    login = client.post("/tai-khoan/dang-nhap/", {"username": officer.username, "password": TEST_PASSWORD})
    assert login.status_code == 302


def test_sign_in_records_cannot_be_deleted_or_changed(admin_client: Client, officer: User) -> None:
    Client(REMOTE_ADDR="203.0.113.81").post(
        "/tai-khoan/dang-nhap/", {"username": officer.username, "password": TEST_PASSWORD}
    )
    from axes.models import AccessLog

    log = AccessLog.objects.get(username=officer.username)
    assert admin_client.post(reverse("admin:axes_accesslog_delete", args=[log.pk]), {"post": "yes"}).status_code == 403
    assert AccessLog.objects.filter(pk=log.pk).exists()
    assert timezone.now() - log.attempt_time < dt.timedelta(minutes=5)


def test_a_stale_agency_edit_in_the_admin_is_a_conflict(admin_client: Client, admin_user: User) -> None:
    from phoihop.directory.services import update_agency

    target = AgencyFactory(short_code="CQCU", name="Cơ quan cũ")
    url = reverse("admin:directory_agency_change", args=[target.pk])
    assert 'name="expected_version" value="1"' in admin_client.get(url).content.decode()
    update_agency(actor=admin_user, agency=target, data={"name": "Người khác sửa trước"}, expected_version=1)
    response = admin_client.post(
        url,
        {
            "name": "Sửa muộn",
            "short_code": "CQCU",
            "kind": target.kind,
            "header_lines": "X",
            "is_active": "on",
            "expected_version": "1",
        },
    )
    assert response.status_code == 200
    assert "vừa được" in response.content.decode()
    target.refresh_from_db()
    assert (target.name, target.version) == ("Người khác sửa trước", 2)
