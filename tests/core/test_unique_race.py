"""Two requests writing the same natural key at once — two app servers, or a client sending a write again after a
timeout while the first is still being written: the second passes the uniqueness check before the first commits, and
its INSERT (or UPDATE) breaks the database's unique constraint. It gets the same Vietnamese field error as any
duplicate (422), not a 500, and writes nothing: no row, no history entry. The window is opened by letting the first
uniqueness check see nothing, as it would before the other request commits."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from tests.directory.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

TAX_CODE = "0201234567"


@pytest.fixture
def racing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first uniqueness check of the request sees no duplicate: the other row is not committed yet."""
    original = Enterprise.validate_unique
    calls = {"n": 0}

    def validate_unique(self: Enterprise, exclude: Any = None) -> None:
        calls["n"] += 1
        if calls["n"] > 1:
            original(self, exclude)

    monkeypatch.setattr(Enterprise, "validate_unique", validate_unique)


def duplicate_message(api: Any) -> Any:
    """What a duplicate tax code answers when no race is involved."""
    answer = api.post(
        "/directory/enterprises", {"name": "Công ty Trùng", "tax_code": TAX_CODE, "ownership": "domestic"}
    )
    assert answer.status_code == 422
    return answer.json()


def test_a_create_that_loses_the_race_gets_the_duplicate_error(officer: Any, api_for: Any, monkeypatch: Any) -> None:
    EnterpriseFactory(tax_code=TAX_CODE, owner_agency=officer.agency)
    api = api_for(officer, token=True)
    expected = duplicate_message(api)
    events = AuditEvent.objects.count()

    original = Enterprise.validate_unique
    seen = {"n": 0}

    def first_blind(self: Enterprise, exclude: Any = None) -> None:
        seen["n"] += 1
        if seen["n"] > 1:
            original(self, exclude)

    monkeypatch.setattr(Enterprise, "validate_unique", first_blind)
    answer = api.post(
        "/directory/enterprises", {"name": "Công ty Trùng", "tax_code": TAX_CODE, "ownership": "domestic"}
    )
    assert answer.status_code == 422
    assert answer.json() == expected
    assert seen["n"] == 2  # the check ran again after the constraint refused the row
    assert Enterprise.objects.filter(tax_code=TAX_CODE).count() == 1
    assert AuditEvent.objects.count() == events


def test_an_edit_that_loses_the_race_gets_the_duplicate_error(officer: Any, api_for: Any, racing: None) -> None:
    EnterpriseFactory(tax_code=TAX_CODE, owner_agency=officer.agency)
    other = EnterpriseFactory(tax_code="0207654321", owner_agency=officer.agency, name="Công ty Khác")
    api = api_for(officer, token=True)
    events = AuditEvent.objects.count()
    answer = api.patch(f"/directory/enterprises/{other.pk}", {"tax_code": TAX_CODE, "version": other.version})
    assert answer.status_code == 422
    assert "tax_code" in str(answer.json())
    other.refresh_from_db()
    assert (other.tax_code, other.version) == ("0207654321", 1)
    assert AuditEvent.objects.count() == events


def test_another_integrity_error_is_not_dressed_as_a_duplicate(officer: Any, monkeypatch: Any) -> None:
    from django.db import IntegrityError

    from phoihop.core.services import create_record

    def broken_insert(self: Enterprise, *args: Any, **kwargs: Any) -> None:
        raise IntegrityError("some other constraint")

    monkeypatch.setattr(Enterprise, "save", broken_insert)
    enterprise = Enterprise(
        name="Công ty Mới", tax_code="0201111111", ownership="domestic", owner_agency=officer.agency
    )
    with pytest.raises(IntegrityError, match="some other constraint"):
        create_record(actor=officer, instance=enterprise)
