"""`flush` as Django has it, able to empty the audit trail too: the triggers that keep the trail append-only are
lifted for the flush and put back right after (the tests' transactional cases end with a flush). Emptying the whole
database is the one thing that removes audit events; it asks for confirmation like Django's own flush."""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import DEFAULT_DB_ALIAS, connections

from phoihop.core.audit import install_guards, remove_audit_guards


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        remove_audit_guards(connection)
        try:
            super().handle(**options)
        finally:
            install_guards(connection)
