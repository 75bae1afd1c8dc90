"""Small fixtures shared by every app's tests. No shared populated database: each test builds what it needs."""

from __future__ import annotations

import pytest
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
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
