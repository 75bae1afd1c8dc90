"""The API over real HTTP, against a server started by the test (pytest-django's `live_server`), with nothing but
the standard library's urllib: what a program holding a personal token meets, and what a forged cross-site write
riding on a signed-in browser's cookies meets (issue #9)."""

from __future__ import annotations

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.activities.models import Activity
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.choices import AgencyKind
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.activities.helpers import activity_payload
from tests.directory.factories import AgencyFactory

ACTIVITIES = "/api/v1/activities/activities"
LOGIN = "/tai-khoan/dang-nhap/"
TIMEOUT = 10


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to check (the login's 302), not something to follow."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Answer:
    status: int
    headers: Any
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


class Http:
    """A program or a browser talking to the live server: its own cookie jar, no proxy, redirects not followed."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),  # never a proxy from the environment between us and 127.0.0.1
            urllib.request.HTTPCookieProcessor(self.cookies),
            KeepRedirects(),
        )

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def send(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
        request = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return Answer(response.status, response.headers, response.read().decode())
        except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx are answers too
            with error:
                return Answer(error.code, error.headers, error.read().decode())

    def api(self, method: str, path: str, data: Any = None, headers: dict[str, str] | None = None) -> Answer:
        body = None if data is None else json.dumps(data).encode()
        return self.send(method, path, body, {"Content-Type": "application/json", **(headers or {})})

    def log_in(self, username: str, password: str) -> None:
        """As a person does: open the login page (csrftoken cookie and the form's hidden token), post the form."""
        page = self.send("GET", LOGIN)
        assert page.status == 200
        assert "Đăng nhập" in page.text
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert match is not None
        assert self.cookie(settings.CSRF_COOKIE_NAME)
        form = {"username": username, "password": password, "csrfmiddlewaretoken": match.group(1)}
        answer = self.send(
            "POST",
            LOGIN,
            urllib.parse.urlencode(form).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert answer.status == 302, answer.text
        assert answer.headers["Location"] == "/"
        assert self.cookie(settings.SESSION_COOKIE_NAME)


@pytest.fixture
def union_officer(transactional_db: None) -> User:
    """Committed before the server thread reads it (a transactional test commits each write)."""
    federation = AgencyFactory(
        short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION
    )
    return UserFactory(
        username="canbo.ldld", role=Role.OFFICER, agency=federation, first_name="Trần", last_name="Thị Hoa"
    )


@pytest.fixture
def token(union_officer: User) -> str:
    from phoihop.accounts.services import create_token

    _token, raw = create_token(actor=union_officer, owner=union_officer, name="chương trình báo cáo")
    return raw


def test_a_program_with_a_token_creates_and_edits_an_activity_over_http(
    live_server: Any, union_officer: User, token: str
) -> None:
    program = Http(live_server.url)
    bearer = {"Authorization": f"Bearer {token}"}

    created = program.api("POST", ACTIVITIES, activity_payload(), bearer)
    assert created.status == 201, created.text
    activity = created.json()
    assert activity["title"] == "Tuyên truyền Bộ luật Lao động tại KCN Tràng Duệ"
    assert activity["version"] == 1
    assert not list(program.cookies)  # the program never held a cookie, so nothing for CSRF to protect

    listing = program.api("GET", ACTIVITIES, headers=bearer)
    assert listing.status == 200
    assert [item["id"] for item in listing.json()["items"]] == [activity["id"]]

    edited = program.api("PATCH", f"{ACTIVITIES}/{activity['id']}", {"version": 1, "place": "Lê Chân"}, bearer)
    assert edited.status == 200, edited.text
    assert edited.json()["place"] == "Lê Chân"
    assert edited.json()["version"] == 2

    saved = Activity.objects.get(pk=activity["id"])
    assert (saved.place, saved.version) == ("Lê Chân", 2)
    history = AuditEvent.objects.filter(object_type="activities.activity", object_id=str(saved.pk))
    assert sorted(event.action for event in history) == [AuditAction.CREATE, AuditAction.UPDATE]
    assert {event.actor_name for event in history} == {"Trần Thị Hoa"}


def test_a_signed_in_browser_write_needs_the_csrf_header_over_http(live_server: Any, union_officer: User) -> None:
    browser = Http(live_server.url)
    browser.log_in("canbo.ldld", TEST_PASSWORD)

    # A forged cross-site request: the browser adds its cookies (session and csrftoken), but no X-CSRFToken header.
    forged = browser.api("POST", ACTIVITIES, activity_payload(title="Hoạt động giả mạo"))
    assert forged.status == 403, forged.text
    assert set(forged.json()) == {"message", "code", "fields"}
    assert forged.json()["code"] == "csrf_failed"
    assert "tải lại trang" in forged.json()["message"]
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.exclude(action=AuditAction.LOGIN).exists()

    # The page's own script sends the header with the cookie's value: the same write goes through.
    csrf = {"X-CSRFToken": browser.cookie(settings.CSRF_COOKIE_NAME) or ""}
    created = browser.api("POST", ACTIVITIES, activity_payload(), csrf)
    assert created.status == 201, created.text
    assert Activity.objects.get().title == "Tuyên truyền Bộ luật Lao động tại KCN Tràng Duệ"


@pytest.mark.parametrize("header", ["Bearer ph_khong-hop-le", "Bearer ", "Basic Y2FuYm86bWF0a2hhdQ=="])
def test_a_write_without_a_valid_token_is_a_401_in_the_error_shape(
    live_server: Any, union_officer: User, header: str
) -> None:
    answer = Http(live_server.url).api("POST", ACTIVITIES, activity_payload(), {"Authorization": header})
    assert answer.status == 401, answer.text
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.json() == {"message": "Cần đăng nhập hoặc mã API hợp lệ.", "code": "unauthenticated", "fields": {}}
    assert not Activity.objects.exists()
