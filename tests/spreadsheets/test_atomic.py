"""A write that fails half-way (after the bulk insert, before the import log) leaves no row: the rows, the import log
and its audit event are one transaction. Run with real transactions, as a crash would meet them."""

from __future__ import annotations

import dataclasses

import pytest

from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.registry import spreadsheets
from phoihop.spreadsheets.services import import_file
from tests.spreadsheets.helpers import xlsx


@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_insert_leaves_nothing(officer) -> None:  # type: ignore[no-untyped-def]
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None

    def apply_then_fail(user, checked):  # type: ignore[no-untyped-def]
        kind.apply(user, checked)
        assert Enterprise.objects.count() == 2  # written inside the transaction…
        raise RuntimeError("tiến trình bị dừng")  # …and the process stops

    failing = dataclasses.replace(kind, apply=apply_then_fail)
    rows = [
        {"name": "A", "tax_code": "0201234567", "ownership": "Doanh nghiệp trong nước"},
        {"name": "B", "tax_code": "0201234568", "ownership": "Doanh nghiệp trong nước"},
    ]
    with pytest.raises(RuntimeError):
        import_file(actor=officer, kind=failing, content=xlsx(kind, rows), filename="x.xlsx")
    assert Enterprise.objects.count() == 0
    assert ImportBatch.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="spreadsheets.importbatch").exists()
    # The same file then imports normally: a failed attempt does not count as "already imported".
    assert import_file(actor=officer, kind=kind, content=xlsx(kind, rows), filename="x.xlsx").status == "imported"
    assert Enterprise.objects.count() == 2
