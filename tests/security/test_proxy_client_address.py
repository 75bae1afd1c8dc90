"""The client's address behind a proxy (phoihop.core.clientip): with one trusted proxy, twelve clients sharing it
each have their own sign-in lockout and their own question-page limit; without a trusted proxy, a forged
X-Forwarded-For changes nothing; the lockout keys on user name and address together, never on the address alone.
The administration site's login is behind the same lockout, and its network allow-list answers 404 elsewhere."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings

from phoihop.accounts.models import User
from phoihop.cases.models import Case
from phoihop.core.clientip import client_ip
from tests.accounts.factories import TEST_PASSWORD
from tests.cases.conftest import World
from tests.cases.test_public_intake import question

PROXY = "10.0.0.2"  # the reverse proxy, the connection's peer for every client behind it
LOGIN = "/tai-khoan/dang-nhap/"
ADMIN_LOGIN = "/quan-tri/login/"


def behind_proxy(address: str) -> Client:
    """A client whose requests reach the application through the proxy, which appended the client's address."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def fail_five_times(client: Client, username: str, path: str = LOGIN) -> None:
    for attempt in range(5):
        client.post(path, {"username": username, "password": f"sai-{attempt}"})


def sign_in(client: Client, username: str, path: str = LOGIN) -> int:
    return client.post(path, {"username": username, "password": TEST_PASSWORD}).status_code


@pytest.mark.parametrize(
    ("count", "forwarded", "peer", "expected"),
    [
        (0, "198.51.100.9", "203.0.113.5", "203.0.113.5"),  # no proxy trusted: the header is ignored
        (1, "198.51.100.9", PROXY, "198.51.100.9"),
        (1, "1.2.3.4, 198.51.100.9", PROXY, "198.51.100.9"),  # what the client wrote itself is ignored
        (1, "bad, 198.51.100.9", PROXY, "198.51.100.9"),
        (1, "", PROXY, PROXY),  # reached the application without the proxy
        (2, "1.2.3.4, 198.51.100.9, 10.0.0.1", PROXY, "198.51.100.9"),
        (2, "198.51.100.9", PROXY, "198.51.100.9"),  # fewer hops than proxies: the farthest vouched for
        (1, "2001:db8::7", PROXY, "2001:db8::7"),
        (1, "198.51.100.9", "", "198.51.100.9"),  # proxy over a Unix socket: no peer address
    ],
)
def test_the_client_address(count: int, forwarded: str, peer: str, expected: str) -> None:
    meta = {"REMOTE_ADDR": peer}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **meta)
    with override_settings(PHOIHOP_TRUSTED_PROXY_COUNT=count):
        assert client_ip(request) == expected


@override_settings(PHOIHOP_TRUSTED_PROXY_COUNT=1)
def test_twelve_clients_behind_one_proxy_have_their_own_lockout(officer: User) -> None:
    clients = [behind_proxy(f"198.51.100.{n}") for n in range(1, 13)]
    fail_five_times(clients[0], officer.username)
    assert sign_in(clients[0], officer.username) == 429, "the client that failed five times is locked out"
    for client in clients[1:]:
        assert sign_in(client, officer.username) == 302, "the others behind the same proxy sign in"


@override_settings(PHOIHOP_TRUSTED_PROXY_COUNT=1)
def test_twelve_clients_behind_one_proxy_have_their_own_question_limit(world: World) -> None:
    with override_settings(PUBLIC_INTAKE_RATE_LIMIT="2/60"):
        for n in range(1, 13):
            client = behind_proxy(f"198.51.100.{n}")
            for _ in range(2):
                assert client.post("/hoi-dap/", question(world)).status_code == 200
            assert client.post("/hoi-dap/", question(world)).status_code == 429
    assert Case.objects.filter(channel="online").count() == 24


def test_a_forged_header_without_a_trusted_proxy_changes_nothing(officer: User, world: World) -> None:
    """PHOIHOP_TRUSTED_PROXY_COUNT=0 (the default): a new X-Forwarded-For on each attempt escapes neither limit."""
    client = Client(REMOTE_ADDR="203.0.113.50")
    for attempt in range(5):
        client.post(LOGIN, {"username": officer.username, "password": "sai"}, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    forged = client.post(
        LOGIN, {"username": officer.username, "password": TEST_PASSWORD}, HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert forged.status_code == 429
    with override_settings(PUBLIC_INTAKE_RATE_LIMIT="2/60"):
        statuses = [
            client.post("/hoi-dap/", question(world), HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code for n in range(4)
        ]
    assert statuses == [200, 200, 429, 429]


@override_settings(PHOIHOP_TRUSTED_PROXY_COUNT=1)
def test_a_forged_header_behind_the_proxy_changes_nothing(officer: User) -> None:
    """The proxy appends the real address after whatever the client sent: only that last entry counts."""
    for attempt in range(5):
        behind_proxy(f"192.0.2.{attempt}, 198.51.100.77").post(LOGIN, {"username": officer.username, "password": "x"})
    assert sign_in(behind_proxy("192.0.2.200, 198.51.100.77"), officer.username) == 429


@override_settings(PHOIHOP_TRUSTED_PROXY_COUNT=1)
def test_wrong_passwords_for_one_user_do_not_lock_another_from_the_same_client(officer: User, make_user) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(username="dongnghiep", agency=officer.agency)
    client = behind_proxy("198.51.100.1")
    fail_five_times(client, officer.username)
    assert sign_in(client, officer.username) == 429
    assert sign_in(behind_proxy("198.51.100.1"), colleague.username) == 302


def test_the_admin_login_is_behind_the_same_lockout(admin_user: User) -> None:
    client = Client(REMOTE_ADDR="203.0.113.60")
    fail_five_times(client, admin_user.username, ADMIN_LOGIN)
    response = client.post(ADMIN_LOGIN, {"username": admin_user.username, "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert client.get("/quan-tri/").status_code == 302, "still signed out of the administration site"
    assert sign_in(Client(REMOTE_ADDR="203.0.113.61"), admin_user.username, ADMIN_LOGIN) == 302


@override_settings(PHOIHOP_ADMIN_NETWORKS=["192.168.10.0/24", "2001:db8:10::/48"])
def test_the_admin_site_answers_only_inside_its_networks(admin_user: User) -> None:
    outside = Client(REMOTE_ADDR="203.0.113.70")
    assert outside.get(ADMIN_LOGIN).status_code == 404
    assert outside.post(ADMIN_LOGIN, {"username": admin_user.username, "password": TEST_PASSWORD}).status_code == 404
    outside.force_login(admin_user)
    assert outside.get("/quan-tri/").status_code == 404, "a session does not open it from outside either"
    inside = Client(REMOTE_ADDR="192.168.10.5")
    assert inside.get(ADMIN_LOGIN).status_code == 200
    assert sign_in(inside, admin_user.username, ADMIN_LOGIN) == 302
    assert inside.get("/quan-tri/").status_code == 200
    assert Client(REMOTE_ADDR="2001:db8:10::5").get(ADMIN_LOGIN).status_code == 200
    assert outside.get("/").status_code == 200, "the rest of the site is not affected"


@override_settings(PHOIHOP_ADMIN_NETWORKS=["192.168.10.0/24"], PHOIHOP_TRUSTED_PROXY_COUNT=1)
def test_the_admin_allow_list_uses_the_address_behind_the_proxy(admin_user: User) -> None:
    assert behind_proxy("192.168.10.5").get(ADMIN_LOGIN).status_code == 200
    assert behind_proxy("192.168.10.5, 203.0.113.70").get(ADMIN_LOGIN).status_code == 404


def test_the_admin_site_lives_at_its_setting() -> None:
    from django.conf import settings
    from django.urls import reverse

    assert reverse("admin:index") == "/" + settings.PHOIHOP_ADMIN_URL


def test_the_deploy_check_warns_about_a_tls_proxy_with_no_proxy_counted() -> None:
    from phoihop.core.clientip import check_proxy_setup

    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), PHOIHOP_TRUSTED_PROXY_COUNT=0):
        assert [message.id for message in check_proxy_setup()] == ["phoihop.W101"]
    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), PHOIHOP_TRUSTED_PROXY_COUNT=1):
        assert check_proxy_setup() == []
    with override_settings(PHOIHOP_ADMIN_NETWORKS=["10.0.0.0/33"]):
        assert [message.id for message in check_proxy_setup()] == ["phoihop.E101"]
