"""Personal API tokens: `phoihop create_token USERNAME` prints one; only its SHA-256 is stored; revoked tokens and
tokens of deactivated users stop working; the profile page creates and revokes them."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from phoihop.accounts.models import ApiToken, User
from phoihop.accounts.services import revoke_token
from phoihop.core.models import AuditAction, AuditEvent
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory


def create_token_command(username: str, *args: str) -> str:
    out = StringIO()
    call_command("create_token", username, *args, stdout=out)
    return out.getvalue().strip()


def test_the_command_prints_a_token_that_opens_the_api(officer: User) -> None:
    EnterpriseFactory(name="Công ty TNHH LG Display Việt Nam Hải Phòng", owner_agency=officer.agency)
    raw = create_token_command("officer")

    assert raw.startswith("ph_")
    assert len(raw) > 40
    response = ApiClient(token=raw).get("/directory/enterprises", q="lg display")
    assert response.status_code == 200
    assert [item["name"] for item in response.json()["items"]] == ["Công ty TNHH LG Display Việt Nam Hải Phòng"]


def test_only_the_hash_is_stored(officer: User) -> None:
    raw = create_token_command("officer", "--name", "bảng tính tổng hợp")

    token = ApiToken.objects.get()
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.name == "bảng tính tổng hợp"
    assert token.prefix == raw[:8]
    stored = [str(value) for value in ApiToken.objects.values().get().values()]
    assert not any(raw in value for value in stored), "the token itself is never stored"
    assert raw not in str(list(AuditEvent.objects.values()))


def test_use_is_recorded(officer: User) -> None:
    raw = create_token_command("officer")
    assert ApiToken.objects.get().last_used_at is None
    ApiClient(token=raw).get("/directory/zones")
    assert ApiToken.objects.get().last_used_at is not None


def test_the_token_acts_as_its_owner(officer: User) -> None:
    raw = create_token_command("officer")
    api = ApiClient(token=raw)
    response = api.post(
        "/directory/enterprises",
        {"name": "Công ty TNHH Horn Việt Nam", "tax_code": "0299000015", "ownership": "domestic"},
    )
    assert response.status_code == 201
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="directory.enterprise")
    assert event.actor == officer
    assert response.json()["owner_agency_id"] == officer.agency_id


@pytest.mark.parametrize(
    "header",
    ["Bearer ph_khong-phai-ma-that", "Bearer ", "Token {raw}", "{raw}", "Basic b2ZmaWNlcjpzYWk="],
)
def test_a_wrong_or_malformed_token_is_401(header: str, officer: User) -> None:
    raw = create_token_command("officer")
    api = ApiClient()
    api.headers = {"Authorization": header.format(raw=raw)}
    response = api.get("/directory/enterprises")
    assert response.status_code == 401
    assert response.json() == {"message": "Cần đăng nhập hoặc mã API hợp lệ.", "code": "unauthenticated", "fields": {}}


def test_a_revoked_token_is_401(officer: User) -> None:
    raw = create_token_command("officer")
    api = ApiClient(token=raw)
    assert api.get("/directory/agencies").status_code == 200

    revoke_token(actor=officer, token=ApiToken.objects.get())

    assert api.get("/directory/agencies").status_code == 401
    assert AuditEvent.objects.filter(action=AuditAction.TOKEN_REVOKE, actor=officer).count() == 1


def test_a_deactivated_users_token_is_401(officer: User) -> None:
    raw = create_token_command("officer")
    User.objects.filter(pk=officer.pk).update(is_active=False)
    assert ApiClient(token=raw).get("/directory/agencies").status_code == 401


def test_the_command_refuses_unknown_or_inactive_users(officer: User) -> None:
    with pytest.raises(CommandError, match="Không có người dùng đang hoạt động tên “ai-do”"):
        create_token_command("ai-do")
    User.objects.filter(pk=officer.pk).update(is_active=False)
    with pytest.raises(CommandError):
        create_token_command("officer")
    assert not ApiToken.objects.exists()


def test_the_profile_page_creates_and_revokes_tokens(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "Mã API cá nhân" in page.content.decode()
    assert "Chưa có mã API nào." in page.content.decode()

    created = client.post(reverse("accounts:profile"), {"name": "Bảng tính của phòng"})
    assert created.status_code == 200
    raw = created.context["new_token"]
    html = created.content.decode()
    assert "Mã API mới (chỉ hiện một lần, hãy lưu lại ngay)" in html
    assert raw in html
    assert "Bảng tính của phòng" in html
    assert ApiClient(token=raw).get("/directory/zones").status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.TOKEN_CREATE).count() == 1

    again = client.get(reverse("accounts:profile")).content.decode()
    assert raw not in again, "shown once, never again"
    assert raw[:8] in again
    assert "Đang dùng" in again

    token = ApiToken.objects.get()
    assert client.get(reverse("accounts:revoke_token", args=[token.pk])).status_code == 405
    revoked = client.post(reverse("accounts:revoke_token", args=[token.pk]), follow=True)
    assert revoked.status_code == 200
    html = revoked.content.decode()
    assert "Đã thu hồi mã API “Bảng tính của phòng”." in html
    assert "Đã thu hồi" in html
    assert ApiClient(token=raw).get("/directory/zones").status_code == 401


def test_a_token_needs_a_name(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).post(reverse("accounts:profile"), {"name": "   "})
    assert response.status_code == 422
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_users_token(officer: User, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    other = make_user(username="nguoi-khac")
    raw = create_token_command("nguoi-khac")
    token = ApiToken.objects.get(user=other)

    response = client_for(officer).post(reverse("accounts:revoke_token", args=[token.pk]))

    assert response.status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    assert ApiClient(token=raw).get("/directory/zones").status_code == 200
    assert raw[:8] not in client_for(officer).get(reverse("accounts:profile")).content.decode()
