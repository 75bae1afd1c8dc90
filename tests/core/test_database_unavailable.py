"""A database that cannot be reached (a restart, a lost connection) answers 503 with Retry-After and a Vietnamese
message, never a 500: the page, the API in its JSON shape, and an error raised before any view (the session read)."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.test import Client

from phoihop.accounts.models import User
from phoihop.directory import selectors

MESSAGE = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."


def lost(*args: object, **kwargs: object) -> None:
    raise OperationalError("server closed the connection unexpectedly")


def test_a_page_answers_503_when_the_database_is_gone(
    officer: User, client_for, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    monkeypatch.setattr(selectors, "list_enterprises", lost)
    response = client.get("/danh-muc/doanh-nghiep/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert MESSAGE in response.content.decode()


def test_the_api_answers_503_in_its_json_shape(officer: User, api_for, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    monkeypatch.setattr(selectors, "list_enterprises", lost)
    response = api.get("/directory/enterprises")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert response.json()["message"] == MESSAGE


def test_a_lost_database_before_any_view_answers_503(officer: User, monkeypatch: pytest.MonkeyPatch) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(officer)
    monkeypatch.setattr(SessionStore, "load", lost)
    response = client.get("/danh-muc/doanh-nghiep/")
    assert response.status_code == 503
    assert MESSAGE in response.content.decode()


def test_other_errors_stay_a_500(officer: User, client_for, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug")

    client = Client(raise_request_exception=False)
    client.force_login(officer)
    monkeypatch.setattr(selectors, "list_enterprises", broken)
    assert client.get("/danh-muc/doanh-nghiep/").status_code == 500


def test_a_malformed_query_on_sqlite_is_not_taken_for_a_lost_database() -> None:
    import sqlite3

    from phoihop.core.dbdown import is_unavailable

    def wrapped(message: str) -> OperationalError:
        error = OperationalError(message)
        error.__cause__ = sqlite3.OperationalError(message)
        return error

    assert is_unavailable(wrapped("database is locked"))
    assert not is_unavailable(wrapped("incomplete input"))
    assert is_unavailable(OperationalError("server closed the connection unexpectedly"))
