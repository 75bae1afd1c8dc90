"""Writers of the audit trail at the same moment, each in its own transaction (PostgreSQL; SQLite's writers already
take turns): the advisory lock makes them chain one after the other, so the chain stays one line. Its own module:
a transactional test cannot share a module with the demo loaded in a module-wide transaction."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from phoihop.core.audit import record_event, verify_chain
from phoihop.core.models import AuditAction, AuditEvent
from tests.accounts.factories import AdminFactory


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_concurrent_writers_keep_one_chain(transactional_db: None) -> None:
    """Eight writers at once, each in its own transaction: the advisory lock makes them take turns."""
    assert not connection.in_atomic_block
    officer = AdminFactory(username="quantri")
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(5):
                with transaction.atomic():
                    record_event(actor=officer, action=AuditAction.UPDATE, obj=officer)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    before = AuditEvent.objects.count()
    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEvent.objects.count() == before + 40
    result = verify_chain()
    assert result.broken_at is None
    assert result.checked == before + 40
