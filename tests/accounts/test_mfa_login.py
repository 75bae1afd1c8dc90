"""The second factor with PHOIHOP_MFA_REQUIRED on: a leader is sent to enrol at the first sign-in and reaches nothing
else until done; enrolment shows a QR code and the secret, takes a code, then shows ten recovery codes once; after
that, signing in asks for a code after the password; a recovery code works once; wrong codes count towards the
lock-out; idle timeout and absolute session lifetime still end a session; officers may enrol but need not; API
tokens keep working."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.models import AuditEvent
from tests.accounts.factories import TEST_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"
CODE_STEP = "/tai-khoan/dang-nhap/ma-xac-thuc/"
ENROL = "/tai-khoan/xac-thuc-hai-buoc/"
HOME = "/"
WRONG_CODE = "Mã xác thực không đúng hoặc đã được dùng."


@pytest.fixture(autouse=True)
def mfa_required(settings: pytest.FixtureRequest) -> None:
    settings.PHOIHOP_MFA_REQUIRED = True  # type: ignore[attr-defined]


@pytest.fixture
def leader(agency: object, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, agency, username="lanhdao")


def code_for(key_hex: str, *, steps_ahead: int = 0, step: int | None = None) -> str:
    """The code an authenticator app shows now, `steps_ahead` 30-second steps later (the server accepts one step
    of drift), or at time step `step`."""
    counter = TOTP(bytes.fromhex(key_hex), 30, 0, 6, 0)
    counter.time = step * 30 + 1 if step is not None else time.time() + 30 * steps_ahead
    return f"{counter.token():06d}"


def secret_on_page(html: str) -> str:
    """The secret as the page shows it for typing (base32 in groups), back to the hex the server keeps."""
    from base64 import b32decode

    match = re.search(r'<code class="mfa-secret">([A-Z2-7 ]+)</code>', html)
    assert match, "the secret is shown for typing"
    text = match.group(1).replace(" ", "")
    return b32decode(text + "=" * (-len(text) % 8)).hex()


def sign_in(client: Client, username: str = "lanhdao", password: str = TEST_PASSWORD) -> object:
    return client.post(LOGIN, {"username": username, "password": password})


def enrol(client: Client) -> tuple[str, list[str]]:
    """Enrol through the page as a user would; return the secret and the recovery codes shown."""
    page = client.get(ENROL)
    key = secret_on_page(page.content.decode())
    response = client.post(ENROL, {"action": "confirm", "code": code_for(key)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", response.content.decode())
    return key, codes


def enrolled_leader_client(leader: User) -> tuple[Client, str, list[str]]:
    client = Client()
    sign_in(client)
    key, codes = enrol(client)
    client.post("/tai-khoan/dang-xuat/")
    return client, key, codes


def test_a_leader_is_sent_to_enrol_at_the_first_sign_in_and_reaches_nothing_else(leader: User) -> None:
    client = Client()
    response = sign_in(client)
    assert response.status_code == 302
    for path in (HOME, "/danh-muc/doanh-nghiep/", "/tai-khoan/ca-nhan/", "/quan-tri/"):
        page = client.get(path)
        assert (page.status_code, page["Location"]) == (302, ENROL), path
    api = client.get("/api/v1/planning/plans")
    assert api.status_code == 403
    assert api.json()["code"] == "mfa_required"
    assert client.get(ENROL).status_code == 200
    assert client.get("/static/css/app.css").status_code == 200
    assert client.post("/tai-khoan/dang-xuat/").status_code == 302
    assert client.get(HOME)["Location"].startswith(LOGIN), "logout still works"


def test_the_enrol_page_shows_a_qr_code_and_the_secret_and_refuses_a_wrong_code(leader: User) -> None:
    client = Client()
    sign_in(client)
    html = client.get(ENROL).content.decode()
    assert "Vai trò của bạn bắt buộc dùng xác thực hai bước." in html
    assert '<svg width="' in html, "the QR code is inline SVG: no external image, no script"
    assert "<script" not in html.split("<main", 1)[1]
    key = secret_on_page(html)
    assert secret_on_page(client.get(ENROL).content.decode()) == key, "a reload shows the same secret"

    wrong = f"{(int(code_for(key)) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"action": "confirm", "code": wrong})
    assert response.status_code == 422
    assert "Mã không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực." in response.content.decode()
    assert not TOTPDevice.objects.exists()
    assert client.get(HOME)["Location"] == ENROL


def test_enrolment_shows_ten_recovery_codes_once_then_the_leader_is_in(leader: User) -> None:
    client = Client()
    sign_in(client)
    _key, codes = enrol(client)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=leader).confirmed
    assert client.get(HOME).status_code == 200, "the session that enrolled has passed the second factor"
    status = client.get(ENROL).content.decode()
    assert "Còn <strong>10</strong> mã khôi phục chưa dùng." in status
    assert not any(code in status for code in codes), "the codes are shown once, never again"
    assert "Tắt xác thực hai bước" not in status, "a leader cannot turn it off"
    assert AuditEvent.objects.filter(object_id=str(leader.pk), note="Bật xác thực hai bước").count() == 1


def test_once_enrolled_the_password_alone_signs_nobody_in(leader: User) -> None:
    client, key, _codes = enrolled_leader_client(leader)
    response = sign_in(client)
    assert (response.status_code, response["Location"]) == (302, CODE_STEP)
    assert client.get(HOME)["Location"].startswith(LOGIN), "signed out until the code step"
    assert client.get("/api/v1/planning/plans").status_code == 401
    page = client.get(CODE_STEP)
    assert "Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiện." in page.content.decode()

    response = client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)})
    assert (response.status_code, response["Location"]) == (302, HOME)
    assert client.get(HOME).status_code == 200
    assert client.get("/api/v1/planning/plans").status_code == 200


def test_the_code_step_honours_next_and_refuses_a_code_used_before(leader: User) -> None:
    client, key, _codes = enrolled_leader_client(leader)
    client.post(LOGIN, {"username": "lanhdao", "password": TEST_PASSWORD, "next": "/danh-muc/doanh-nghiep/"})
    used = code_for(key, step=TOTPDevice.objects.get(user=leader).last_t)  # the code that enrolled
    response = client.post(CODE_STEP, {"code": used})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    response = client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)})
    assert response["Location"] == "/danh-muc/doanh-nghiep/"


def test_a_recovery_code_works_once(leader: User) -> None:
    client, _key, codes = enrolled_leader_client(leader)
    sign_in(client)
    response = client.post(CODE_STEP, {"code": codes[0].upper().replace("-", " ")})
    assert (response.status_code, response["Location"]) == (302, HOME)
    home = client.get(HOME).content.decode()
    assert "Bạn vừa dùng một mã khôi phục; còn 9 mã." in home
    assert StaticToken.objects.count() == 9
    client.post("/tai-khoan/dang-xuat/")

    sign_in(client)
    response = client.post(CODE_STEP, {"code": codes[0]})
    assert WRONG_CODE in response.content.decode()
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_wrong_codes_count_towards_the_lock_out(leader: User) -> None:
    client, key, _codes = enrolled_leader_client(leader)
    client = Client(REMOTE_ADDR="203.0.113.50")
    sign_in(client)
    for attempt in range(4):
        response = client.post(CODE_STEP, {"code": f"00000{attempt}"})
        assert response.status_code == 200
        assert WRONG_CODE in response.content.decode()
    assert AccessAttempt.objects.get(username="lanhdao").failures_since_start == 4
    response = client.post(CODE_STEP, {"code": "000009"})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()

    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)}).status_code == 429, "locked"
    assert sign_in(client).status_code == 429, "the password step is locked too"
    assert client.get(HOME)["Location"].startswith(LOGIN)
    assert AccessFailureLog.objects.filter(username="lanhdao").count() >= 5
    assert "000009" not in str(list(AccessFailureLog.objects.values())), "codes are never logged"


def test_the_code_step_expires_and_cannot_be_reached_without_the_password(leader: User) -> None:
    client, key, _codes = enrolled_leader_client(leader)
    response = client.get(CODE_STEP)
    assert response["Location"] == LOGIN, "no password step, no code step"

    sign_in(client)
    session = client.session
    session["mfa_pending_login"] = {**session["mfa_pending_login"], "at": time.time() - 301}
    session.save()
    response = client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)})
    assert response["Location"] == LOGIN
    assert "Phiên đăng nhập đã hết hạn" in client.get(LOGIN).content.decode()
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_an_idle_session_still_ends_with_the_second_factor(leader: User) -> None:
    client, key, _codes = enrolled_leader_client(leader)
    sign_in(client)
    client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)})
    assert client.get(HOME).status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date < timezone.now() + dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES + 1)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_the_absolute_lifetime_still_ends_a_verified_session_and_the_next_sign_in_asks_for_a_code(
    leader: User,
) -> None:
    client, key, _codes = enrolled_leader_client(leader)
    sign_in(client)
    client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)})
    session = client.session
    login_at = session["login_at"]
    assert abs(login_at - timezone.now().timestamp()) < 60, "the lifetime counts from the code step"
    session["login_at"] = login_at - (settings.SESSION_ABSOLUTE_HOURS * 3600 + 60)
    session.save()
    assert client.get(HOME)["Location"].startswith(LOGIN)
    assert client.get(ENROL)["Location"].startswith(LOGIN)
    assert sign_in(client)["Location"] == CODE_STEP


def test_a_session_opened_before_enrolment_elsewhere_must_sign_in_again(leader: User) -> None:
    _client, _key, _codes = enrolled_leader_client(leader)
    old = Client()
    old.force_login(leader)  # a session that never passed the code step
    assert old.get(HOME)["Location"] == ENROL
    response = old.get(ENROL)
    assert response["Location"] == LOGIN
    assert old.get(HOME)["Location"].startswith(LOGIN)


def test_an_officer_is_not_forced_but_may_enrol(officer: User) -> None:
    client = Client()
    sign_in(client, "officer")
    assert client.get(HOME).status_code == 200
    profile = client.get("/tai-khoan/ca-nhan/").content.decode()
    assert "Bật xác thực hai bước" in profile
    key, codes = enrol(client)
    assert len(codes) == 10
    assert "Tắt xác thực hai bước" in client.get(ENROL).content.decode()
    client.post("/tai-khoan/dang-xuat/")
    assert sign_in(client, "officer")["Location"] == CODE_STEP

    client.post(CODE_STEP, {"code": code_for(key, steps_ahead=1)})
    response = client.post(ENROL, {"action": "disable"})
    assert response["Location"] == ENROL
    assert not TOTPDevice.objects.filter(user=officer).exists()
    client.post("/tai-khoan/dang-xuat/")
    assert sign_in(client, "officer")["Location"] == HOME


def test_new_recovery_codes_replace_the_old_ones(leader: User) -> None:
    client = Client()
    sign_in(client)
    _key, first = enrol(client)
    response = client.post(ENROL, {"action": "regenerate"})
    second = re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", response.content.decode())
    assert len(second) == 10
    assert "các mã cũ hết hiệu lực" in response.content.decode()
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert stored == {code.replace("-", "") for code in second}
    assert not stored & {code.replace("-", "") for code in first}


def test_api_tokens_are_unaffected(leader: User, token_for) -> None:  # type: ignore[no-untyped-def]
    raw = token_for(leader)
    response = Client().get("/api/v1/planning/plans", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_reset_mfa_lets_a_leader_who_lost_everything_enrol_again(leader: User) -> None:
    _client, _key, _codes = enrolled_leader_client(leader)
    call_command("reset_mfa", "lanhdao")
    assert not TOTPDevice.objects.filter(user=leader).exists()
    assert not StaticToken.objects.exists()
    client = Client()
    assert sign_in(client)["Location"] == HOME
    assert client.get(HOME)["Location"] == ENROL
    assert AuditEvent.objects.filter(object_id=str(leader.pk), note="Tắt xác thực hai bước").exists()


def test_with_the_setting_off_nobody_is_forced(leader: User, settings: pytest.FixtureRequest) -> None:
    settings.PHOIHOP_MFA_REQUIRED = False  # type: ignore[attr-defined]
    client = Client()
    sign_in(client)
    assert client.get(HOME).status_code == 200


def test_the_qr_code_carries_the_secret_the_page_shows_and_the_issuer(leader: User) -> None:
    from base64 import b32encode
    from urllib.parse import quote

    import segno

    client = Client()
    sign_in(client)
    html = client.get(ENROL).content.decode()
    key = secret_on_page(html)
    secret = b32encode(bytes.fromhex(key)).decode()
    uri = (
        f"otpauth://totp/{quote('Phối hợp:lanhdao')}?secret={secret}&algorithm=SHA1&digits=6&period=30"
        f"&issuer={quote('Phối hợp')}"
    )
    expected = segno.make(uri, error="m", micro=False).svg_inline(scale=5, border=4, dark="#000", light="#fff")
    assert expected in html


def test_an_htmx_request_of_a_user_who_must_enrol_is_sent_to_the_enrol_page(leader: User) -> None:
    client = Client()
    sign_in(client)
    response = client.get("/danh-muc/doanh-nghiep/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == ENROL
