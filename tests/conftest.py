"""Small fixtures shared by every app's tests. No shared populated database: each test builds what it needs."""

from __future__ import annotations

import pytest
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.choices import AgencyKind
from phoihop.directory.models import Agency
from tests.accounts.factories import AdminFactory, UserFactory
from tests.directory.factories import AgencyFactory


@pytest.fixture
def agency(db: None) -> Agency:
    return AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")


@pytest.fixture
def other_agency(db: None) -> Agency:
    return AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")


@pytest.fixture
def make_user(db: None):  # type: ignore[no-untyped-def]
    def make(role: Role | str = Role.OFFICER, agency: Agency | None = None, **kwargs: object) -> User:
        if role == Role.ADMIN:
            return AdminFactory(**kwargs)
        return UserFactory(role=role, agency=agency or AgencyFactory(), **kwargs)

    return make


# The bodies and users of the Hải Phòng programme that several apps' tests act as (activities, foundings).
@pytest.fixture
def federation(db: None) -> Agency:
    return AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION)


@pytest.fixture
def zone_union(federation: Agency) -> Agency:
    return AgencyFactory(
        short_code="CĐKKT", name="Công đoàn Khu kinh tế Hải Phòng", kind=AgencyKind.UNION, parent=federation
    )


@pytest.fixture
def union_officer(federation: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.OFFICER, federation, username="canbo.ldld", first_name="Trần", last_name="Thị Hoa")


@pytest.fixture
def union_leader(federation: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, federation, username="lanhdao.ldld", first_name="Lê", last_name="Văn Nam")


@pytest.fixture
def officer(agency: Agency, make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.OFFICER, agency, username="officer")


@pytest.fixture
def admin_user(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user(Role.ADMIN, username="admin")


@pytest.fixture
def client_for():  # type: ignore[no-untyped-def]
    """A test client already signed in as the given user."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


# --- added: API clients, tokens, hypothesis profile -----------------------------------------------------------

from hypothesis import settings as hypothesis_settings  # noqa: E402

from tests.apiclient import ApiClient  # noqa: E402

# Reproducible property tests (derandomized), without an example database: a failure is found again on every run.
hypothesis_settings.register_profile("phoihop", database=None, derandomize=True, deadline=None)
hypothesis_settings.load_profile("phoihop")


@pytest.fixture
def token_for(db: None):  # type: ignore[no-untyped-def]
    """A fresh personal API token (the raw `ph_…` string) for the given user."""
    from phoihop.accounts.services import create_token

    def make(user: User, name: str = "kiểm thử") -> str:
        _token, raw = create_token(actor=user, owner=user, name=name)
        return raw

    return make


@pytest.fixture
def api_for(client_for, token_for):  # type: ignore[no-untyped-def]
    """An ApiClient signed in as the user: by session (the browser's way) or, with token=True, by a Bearer token."""

    def make(user: User, *, token: bool = False) -> ApiClient:
        if token:
            return ApiClient(token=token_for(user))
        return ApiClient(client_for(user))

    return make


@pytest.fixture
def anonymous_api() -> ApiClient:
    return ApiClient()


# --- personal data never in a log: a root handler for the whole run fails it on any demo personal value ----------

import logging  # noqa: E402

from tests.demo.data import PERSONAL_STRINGS  # noqa: E402


class PersonalDataLogGuard(logging.Handler):
    """Sees every record of the run (at whatever level loggers let through) and remembers those whose message or
    traceback holds one of the demo's personal values (docs/privacy.md: personal data is never logged)."""

    def __init__(self, needles: tuple[str, ...]) -> None:
        super().__init__(level=logging.DEBUG)
        self.needles = needles
        self.hits: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a malformed record is still searched, as raw text
            text = f"{record.msg} {record.args!r}"
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        for position, needle in enumerate(self.needles):
            if needle in text:
                self.hits.append(f"{record.name} ({record.levelname}): demo personal value #{position}")


_LOG_GUARD = PersonalDataLogGuard(PERSONAL_STRINGS)


def pytest_configure(config: pytest.Config) -> None:
    logging.getLogger().addHandler(_LOG_GUARD)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    logging.getLogger().removeHandler(_LOG_GUARD)
    if _LOG_GUARD.hits:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: object, exitstatus: int, config: pytest.Config) -> None:
    if _LOG_GUARD.hits:
        write = terminalreporter.write_line  # type: ignore[attr-defined]
        write(f"FAILED: demo personal data reached the log {len(_LOG_GUARD.hits)} time(s):", red=True, bold=True)
        for hit in sorted(set(_LOG_GUARD.hits)):
            write(f"  {hit}", red=True)


# --- reference rows written by data migrations survive the flush of a transactional (live-server) test ------------

from django.db import DEFAULT_DB_ALIAS, connections  # noqa: E402
from django.db.models.signals import post_migrate  # noqa: E402


def replay_data_migrations(using: str = DEFAULT_DB_ALIAS) -> None:
    """Run the project's data migrations (RunPython) again, in migration order, against the current schema.

    A test that commits its data (live_server, transaction=True) ends with a flush that empties every table, the
    reference rows the data migrations wrote included (inspection topics, channel policies…); every later test, and
    load_demo, would then miss them. Data migrations are written idempotently (get_or_create), so replaying them is
    safe whatever is left in the tables."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    connection = connections[using]
    project_apps = {config.label for config in apps.get_app_configs() if config.name.startswith("phoihop.")}
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    ordered: list[tuple[str, str]] = []
    for leaf in loader.graph.leaf_nodes():
        ordered += [key for key in loader.graph.forwards_plan(leaf) if key not in ordered]
    for key in ordered:
        migration = loader.graph.nodes[key]
        if key[0] not in project_apps or not any(isinstance(op, RunPython) for op in migration.operations):
            continue
        state = loader.project_state(key, at_end=False)
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                with connection.schema_editor() as editor:
                    operation.database_forwards(key[0], editor, state, state)
            else:
                operation.state_forwards(key[0], state)


def _reseed_after_flush(sender: object, using: str = DEFAULT_DB_ALIAS, **kwargs: object) -> None:
    # `flush` sends post_migrate once per app and without a plan; `migrate` sends it with one (nothing to redo).
    if kwargs.get("plan") is None and getattr(sender, "label", "") == "core":
        replay_data_migrations(using)


post_migrate.connect(_reseed_after_flush, dispatch_uid="tests.reseed_after_flush")


# --- the browser fixtures, for browser tests in every app's folder ------------------------------------------------

# --- the Hai Phong demo data set: once per test module (rolled back after it), or committed for a live server -------
from collections.abc import Iterator  # noqa: E402

from django.db import transaction  # noqa: E402

from phoihop.demo.loader import LoadReport, load_demo  # noqa: E402
from tests.browser.conftest import browser_page, chromium_path  # noqa: E402, F401


@pytest.fixture(scope="module")
def whole_demo(django_db_setup: None, django_db_blocker) -> Iterator[LoadReport]:  # type: ignore[no-untyped-def]
    """The whole demo data set, loaded once for a test module inside a transaction rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def committed_demo(transactional_db: None) -> LoadReport:
    """The demo loaded and committed from the test's own thread before a browser starts, so that the live server's
    threads see it; the transactional test flushes it afterwards."""
    return load_demo()
