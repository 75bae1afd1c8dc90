"""The cases tests' world of bodies, users and one case, shared with the security tests."""

from tests.cases.conftest import bearer, login, world

__all__ = ["bearer", "login", "world"]
