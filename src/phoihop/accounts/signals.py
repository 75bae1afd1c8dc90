"""Successful and failed logins are logged by django-axes (AccessLog, AccessFailureLog). A successful login
also lands in the audit trail, so a user's history shows when they signed in."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import Signal, receiver

from phoihop.core.audit import record_event
from phoihop.core.models import AuditAction

# Sent by `services.update_user` when a user moves to another body, inside its transaction, with `user`, `actor` and
# `previous_agency_id`. Apps that tie rights to a body end them here (cases: handler grants); moving back restores
# nothing.
agency_changed = Signal()


@receiver(user_logged_in)
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None:
        request.session["login_at"] = request.session.get("login_at") or _now_ts()
        request.session["seen_at"] = _now_ts()  # the login saves the session: no second save on the next request
    record_event(actor=user, action=AuditAction.LOGIN, obj=user)


def _now_ts() -> float:
    from django.utils import timezone

    return timezone.now().timestamp()
