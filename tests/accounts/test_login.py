"""Signing in and out: the Vietnamese login page, lock-out after 5 failures for the pair (IP, user name), every attempt
recorded, the idle and absolute session limits, logout by POST."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.models import User
from phoihop.core.models import AuditAction, AuditEvent
from tests.accounts.factories import TEST_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"
HOME = "/"
LOCKED_OUT = "Tài khoản đã bị tạm khóa do nhập sai mật khẩu 5 lần liên tiếp."
WRONG_PASSWORD = "Tên đăng nhập hoặc mật khẩu không đúng."


def sign_in(client: Client, username: str, password: str) -> object:
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_url_is_the_vietnamese_one() -> None:
    assert reverse("accounts:login") == LOGIN
    assert reverse(settings.LOGIN_URL) == LOGIN


def test_the_login_page_is_vietnamese(db: None) -> None:
    response = Client().get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<title>Đăng nhập · Phối hợp</title>" in html
    assert "Đăng nhập hệ thống Phối hợp" in html
    assert "Tên đăng nhập" in html
    assert "Mật khẩu" in html
    assert "Sau 5 lần nhập sai, tài khoản tạm khóa 15 phút trên máy này." in html
    assert "Đăng xuất" not in html, "no menu before signing in"


def test_a_user_signs_in_and_lands_on_the_overview(officer: User) -> None:
    client = Client()
    response = sign_in(client, "officer", TEST_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == HOME
    home = client.get(HOME)
    assert home.status_code == 200
    html = home.content.decode()
    assert "Tổng quan" in html
    assert officer.get_full_name() in html
    assert "Cán bộ" in html
    assert "Đăng xuất" in html


def test_next_is_honoured_after_signing_in(officer: User) -> None:
    client = Client()
    page = client.get("/danh-muc/doanh-nghiep/")
    assert page["Location"] == f"{LOGIN}?next=/danh-muc/doanh-nghiep/"
    response = client.post(
        page["Location"], {"username": "officer", "password": TEST_PASSWORD, "next": "/danh-muc/doanh-nghiep/"}
    )
    assert response["Location"] == "/danh-muc/doanh-nghiep/"


def test_a_signed_in_user_visiting_the_login_page_goes_home(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get(LOGIN)
    assert response.status_code == 302
    assert response["Location"] == HOME


def test_a_wrong_password_is_refused_in_vietnamese(officer: User) -> None:
    client = Client()
    response = sign_in(client, "officer", "sai-mat-khau")
    assert response.status_code == 200
    assert WRONG_PASSWORD in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_five_failures_lock_the_pair_of_address_and_user_name(officer: User, make_user) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(username="colleague", agency=officer.agency)
    client = Client(REMOTE_ADDR="203.0.113.7")
    for attempt in range(1, 6):
        response = sign_in(client, "officer", f"sai-lan-{attempt}")
        if attempt < 5:
            assert response.status_code == 200
            assert WRONG_PASSWORD in response.content.decode()

    # Fifth failure and every attempt after it, even with the right password: the Vietnamese lock-out page.
    response = sign_in(client, "officer", TEST_PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    assert LOCKED_OUT in html
    assert "Vui lòng thử lại sau 15 phút" in html
    assert client.get(HOME).status_code == 302, "still signed out"

    # Another user name from the same address is not locked…
    other = Client(REMOTE_ADDR="203.0.113.7")
    assert sign_in(other, colleague.username, TEST_PASSWORD).status_code == 302
    assert other.get(HOME).status_code == 200
    # …nor the same user from another address.
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(elsewhere, "officer", TEST_PASSWORD).status_code == 302


def test_four_failures_do_not_lock(officer: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.8")
    for attempt in range(4):
        sign_in(client, "officer", f"sai-{attempt}")
    assert sign_in(client, "officer", TEST_PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="officer").exists(), "a success resets the count"


def test_the_lock_lifts_after_fifteen_minutes(officer: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    for attempt in range(5):
        sign_in(client, "officer", f"sai-{attempt}")
    assert sign_in(client, "officer", TEST_PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))

    assert sign_in(client, "officer", TEST_PASSWORD).status_code == 302
    assert client.get(HOME).status_code == 200


def test_every_attempt_is_recorded(officer: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.10")
    sign_in(client, "officer", "sai-1")
    sign_in(client, "officer", "sai-2")
    sign_in(client, "khong-ton-tai", "sai-3")

    attempt = AccessAttempt.objects.get(username="officer")
    assert (attempt.ip_address, attempt.failures_since_start) == ("203.0.113.10", 2)
    assert AccessFailureLog.objects.count() == 3
    assert set(AccessFailureLog.objects.values_list("username", flat=True)) == {"officer", "khong-ton-tai"}
    assert "sai-1" not in str(list(AccessFailureLog.objects.values())), "passwords are never logged"

    sign_in(client, "officer", TEST_PASSWORD)
    log = AccessLog.objects.get()
    assert (log.username, log.ip_address) == ("officer", "203.0.113.10")
    event = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert event.actor == officer
    assert event.agency == officer.agency
    assert (event.object_type, event.object_id) == ("accounts.user", str(officer.pk))


def test_an_idle_session_ends(officer: User) -> None:
    client = Client()
    sign_in(client, "officer", TEST_PASSWORD)
    assert client.get(HOME).status_code == 200
    # Each request renews the session for SESSION_IDLE_MINUTES; a session left alone longer than that is gone.
    session = Session.objects.get()
    assert session.expire_date > timezone.now() + dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))

    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_the_absolute_session_lifetime_signs_the_user_out(officer: User) -> None:
    client = Client()
    sign_in(client, "officer", TEST_PASSWORD)
    session = client.session
    login_at = session["login_at"]
    assert abs(login_at - timezone.now().timestamp()) < 60

    # Still inside the limit: kept alive by use.
    session["login_at"] = login_at - (settings.SESSION_ABSOLUTE_HOURS * 3600 - 60)
    session.save()
    assert client.get(HOME).status_code == 200

    session = client.session
    session["login_at"] = login_at - (settings.SESSION_ABSOLUTE_HOURS * 3600 + 60)
    session.save()
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert client.get("/danh-muc/doanh-nghiep/").status_code == 302, "the session is gone, not just this page"


def test_logout_by_post(officer: User) -> None:
    client = Client()
    sign_in(client, "officer", TEST_PASSWORD)
    assert client.get(reverse("accounts:logout")).status_code == 405, "a link cannot sign anyone out"
    assert client.get(HOME).status_code == 200
    key = client.session.session_key

    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert client.get(HOME).status_code == 302
    assert not Session.objects.filter(session_key=key).exists()


def test_the_logout_button_is_a_form(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    html = client_for(officer).get(HOME).content.decode()
    assert f'<form method="post" action="{reverse("accounts:logout")}">' in html


def test_an_inactive_user_cannot_sign_in(officer: User) -> None:
    User.objects.filter(pk=officer.pk).update(is_active=False)
    client = Client()
    response = sign_in(client, "officer", TEST_PASSWORD)
    assert response.status_code == 200
    assert client.get(HOME).status_code == 302


@pytest.mark.parametrize("password", ["ngan", "1234567890123", "password123"])
def test_weak_passwords_are_refused(password: str, agency: object) -> None:
    from django.core.exceptions import ValidationError

    from phoihop.accounts.services import create_user

    with pytest.raises(ValidationError):
        create_user(actor=None, username="moi", password=password, role="officer", agency=agency)  # type: ignore[arg-type]
    assert not User.objects.filter(username="moi").exists()


def test_a_read_within_a_minute_writes_nothing_to_the_session(officer: User) -> None:
    client = Client()
    sign_in(client, "officer", TEST_PASSWORD)
    assert client.get(HOME).status_code == 200
    expiry = Session.objects.get().expire_date
    # The idle timer is refreshed at most once a minute: a second page read writes nothing at all.
    with CaptureQueriesContext(connection) as captured:
        assert client.get(HOME).status_code == 200
    writes = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))]
    assert writes == []
    assert Session.objects.get().expire_date == expiry


def test_a_read_after_a_minute_renews_the_idle_timeout(officer: User) -> None:
    client = Client()
    sign_in(client, "officer", TEST_PASSWORD)
    session = client.session
    session["seen_at"] = timezone.now().timestamp() - settings.SESSION_REFRESH_SECONDS - 1
    session.save()
    Session.objects.update(expire_date=timezone.now() + dt.timedelta(minutes=1))
    assert client.get(HOME).status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)
