"""The audit trail is append-only in the database and hash-chained: `phoihop verify_audit` passes on an untouched
trail (the demo's included) and names the first event that was changed, or that follows a removed one, once someone
with the database in hand has lifted the triggers to tamper with it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from phoihop.accounts.models import User
from phoihop.core.audit import install_guards, missing_guards, record_event, remove_audit_guards, verify_chain
from phoihop.core.models import AppendOnly, AuditAction, AuditEvent


def verify() -> tuple[bool, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except CommandError as error:
        return False, err.getvalue() + str(error)
    return True, out.getvalue()


def some_events(user: User, n: int = 4) -> list[AuditEvent]:
    return [
        record_event(actor=user, action=AuditAction.UPDATE, obj=user, changes={"position": [str(i), str(i + 1)]})
        for i in range(n)
    ]


def raw(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_each_event_is_chained_to_the_one_before(officer: User) -> None:
    events = some_events(officer)
    hashes = [event.chain_hash for event in events]
    assert all(len(value) == 64 for value in hashes)
    assert len(set(hashes)) == len(hashes)
    ok, out = verify()
    assert ok, out
    assert f"mã băm cuối chuỗi {hashes[-1]}" in out


def test_the_database_refuses_to_change_or_delete_an_event(officer: User) -> None:
    event = some_events(officer, 1)[0]
    for sql in (
        "UPDATE core_auditevent SET note = %s WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s AND note <> %s",
    ):
        params: list[object] = ["sửa lén", event.pk] if sql.startswith("UPDATE") else [event.pk, "x"]
        with pytest.raises(DatabaseError), transaction.atomic():
            raw(sql, params)
    assert AuditEvent.objects.get(pk=event.pk).note == ""
    ok, out = verify()
    assert ok, out


def test_the_model_refuses_too(officer: User) -> None:
    event = some_events(officer, 1)[0]
    event.note = "sửa"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(note="sửa")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).delete()


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_refuses_to_truncate_the_trail(officer: User) -> None:
    some_events(officer, 1)
    with pytest.raises(DatabaseError), transaction.atomic():
        raw("TRUNCATE core_auditevent", [])
    assert AuditEvent.objects.count() == 1


def test_a_changed_event_is_found(officer: User) -> None:
    events = some_events(officer)
    remove_audit_guards(connection)
    raw("UPDATE core_auditevent SET changes = %s WHERE id = %s", ['{"position": ["1", "9"]}', events[1].pk])
    install_guards(connection)
    ok, out = verify()
    assert not ok
    assert f"Chuỗi nhật ký bị đứt tại sự kiện #{events[1].pk}" in out
    assert "1 sự kiện trước đó nguyên vẹn" in out


def test_a_removed_event_is_found_at_the_next_one(officer: User) -> None:
    events = some_events(officer)
    remove_audit_guards(connection)
    raw("DELETE FROM core_auditevent WHERE id = %s", [events[2].pk])
    install_guards(connection)
    ok, out = verify()
    assert not ok
    assert f"sự kiện #{events[3].pk}" in out


def test_a_removed_tail_is_found_against_the_head_noted_earlier(officer: User) -> None:
    events = some_events(officer)
    head = verify_chain().head
    assert head == events[-1].chain_hash
    remove_audit_guards(connection)
    raw("DELETE FROM core_auditevent WHERE id = %s", [events[-1].pk])
    install_guards(connection)
    assert verify()[0], "the chain itself still holds"
    with pytest.raises(CommandError):
        call_command("verify_audit", expect_head=head, stdout=StringIO(), stderr=StringIO())


def test_missing_triggers_fail_the_check(officer: User) -> None:
    some_events(officer, 1)
    remove_audit_guards(connection)
    assert missing_guards(connection)
    ok, out = verify()
    install_guards(connection)
    assert not ok
    assert "Thiếu trigger bảo vệ" in out
    assert not missing_guards(connection)


def test_the_demo_trail_verifies_and_a_tampered_row_fails(whole_demo: object, db: None) -> None:
    assert AuditEvent.objects.count() > 100
    ok, out = verify()
    assert ok, out
    target = AuditEvent.objects.order_by("pk")[50]
    remove_audit_guards(connection)
    raw("UPDATE core_auditevent SET object_repr = %s WHERE id = %s", ["Giá trị đã bị sửa", target.pk])
    install_guards(connection)
    ok, out = verify()
    assert not ok
    assert f"sự kiện #{target.pk}" in out


def test_the_demo_loads_twice(whole_demo: object, db: None) -> None:
    from phoihop.demo.loader import load_demo

    again = load_demo()
    assert again.created == {}
    assert verify()[0]
