"""Accounts in the administration site: the one place where the administrator creates and changes accounts, so
every write here goes through the accounts services and leaves an audit event (role, body, staff/superuser status,
activity and password changes included). Accounts are deactivated, never deleted. API tokens are only revoked here
(never created, changed or revived). Sign-in records (django-axes) are read-only, except that deleting a lockout
(unlocking a user) is audited. Groups and per-user permissions are not used: roles decide (see permissions.py)."""

from __future__ import annotations

from typing import Any, cast

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from phoihop.accounts import services
from phoihop.accounts.models import ApiToken, User
from phoihop.core.admin import ReadOnlyAdmin
from phoihop.core.audit import record_event
from phoihop.core.models import AuditAction


class AccountCreationForm(UserCreationForm):
    actor: User

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "position", "role", "agency")


class AccountChangeForm(UserChangeForm):
    actor: User

    class Meta:
        model = User
        fields = ("username", "password", *services.USER_FIELDS[1:])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        data = {name: cleaned[name] for name in services.USER_FIELDS if name in cleaned}
        try:
            services.check_user_change(actor=self.actor, user=self.instance, data=data)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return cleaned


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = AccountChangeForm
    add_form = AccountCreationForm
    list_display = ("username", "first_name", "last_name", "agency", "role", "is_active")
    list_filter = ("role", "agency", "is_active", "is_staff", "is_superuser")
    filter_horizontal = ()
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Thông tin cá nhân", {"fields": ("first_name", "last_name", "email", "position")}),
        ("Đơn vị và quyền", {"fields": ("agency", "role", "is_active", "is_staff", "is_superuser")}),
        ("Thời điểm", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "position",
                    "role",
                    "agency",
                    "password1",
                    "password2",
                ),
            },
        ),
    )

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        actor = cast(User, request.user)
        cleaned = form.cleaned_data
        if change:
            data = {name: cleaned[name] for name in services.USER_FIELDS if name in cleaned}
            stored = services.update_user(actor=actor, user=obj, data=data)
        else:
            stored = services.create_user(
                actor=actor,
                username=cleaned["username"],
                password=cleaned["password1"],
                role=cleaned["role"],
                agency=cleaned.get("agency"),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
                position=cleaned.get("position", ""),
                email=cleaned.get("email", ""),
            )
        obj.pk = stored.pk
        obj._state.adding = False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """No many-to-many fields are edited here (groups and per-user permissions are not used)."""

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        """Django's own password page, in one transaction with the audit event that records it was used."""
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            done = reverse(f"{self.admin_site.name}:accounts_user_change", args=(id,))
            if request.method == "POST" and isinstance(response, HttpResponseRedirect) and response.url == done:
                services.record_password_set(actor=cast(User, request.user), user=User.objects.get(pk=id))
        return response


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Tokens are created by their owner on the profile page (shown once); here the administrator can only revoke
    them, through the service (audited). A revoked token is never revived."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    actions = ["revoke"]

    @admin.action(description="Thu hồi các mã API đã chọn")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        actor = cast(User, request.user)
        count = 0
        for token in queryset.select_related("user").filter(revoked_at__isnull=True):
            services.revoke_token(actor=actor, token=token)
            count += 1
        self.message_user(request, _("Đã thu hồi %(n)s mã API.") % {"n": count}, messages.SUCCESS)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(ReadOnlyAdmin):
    """Not used: what a user may do follows from their role."""


for _model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(AccessLog)
class SignInLogAdmin(AccessLogAdmin):
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AccessFailureLog)
class SignInFailureLogAdmin(AccessFailureLogAdmin):
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    """Deleting a row lifts that lockout before its cool-off ends: audited, one event per row. (Axes' own clean-up
    action deletes without an event, so it is not offered: expired rows are cleared by `axes_reset` if needed.)"""

    actions = ["delete_selected"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: AccessAttempt) -> None:
        with transaction.atomic():
            _record_unlock(cast(User, request.user), obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        with transaction.atomic():
            for attempt in queryset:
                _record_unlock(cast(User, request.user), attempt)
            super().delete_queryset(request, queryset)


def _record_unlock(actor: User, attempt: AccessAttempt) -> None:
    record_event(
        actor=actor,
        action=AuditAction.DELETE,
        obj=attempt,
        changes={"failures_since_start": [str(attempt.failures_since_start), ""]},
        note=_("Mở khóa đăng nhập cho tài khoản “%(username)s”.") % {"username": attempt.username or ""},
    )
