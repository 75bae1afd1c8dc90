"""The administration site writes nothing behind the services' back: every programme model is read-only there
(changes go through the pages and the API, validated and audited), and every list page still opens. The accounts
admin (users), the directory's agency admin, which save through the services, and lifting a sign-in lockout
(audited) are the exceptions: tests/security/test_admin_no_unaudited_path.py shows each leaves an audit event."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from phoihop.accounts.models import User

WRITABLE = {
    "accounts.user",
    "directory.agency",
    "axes.accessattempt",
}


def registered() -> list[tuple[str, admin.ModelAdmin]]:  # type: ignore[type-arg]
    return sorted(
        ((model._meta.label_lower, model_admin) for model, model_admin in admin.site._registry.items()),
        key=lambda pair: pair[0],
    )


@pytest.mark.parametrize(("label", "model_admin"), [pair for pair in registered() if pair[0] not in WRITABLE])
def test_programme_models_are_read_only_in_the_admin(
    label: str,
    model_admin: admin.ModelAdmin,
    admin_user: User,  # type: ignore[type-arg]
) -> None:
    request = RequestFactory().get("/quan-tri/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    for inline in model_admin.get_inline_instances(request):
        assert not inline.has_add_permission(request, None)
        assert not inline.has_delete_permission(request, None)


def test_every_admin_list_opens_for_the_administrator(admin_user: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(admin_user)
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
