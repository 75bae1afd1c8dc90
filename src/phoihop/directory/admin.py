from typing import Any, cast

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from phoihop.accounts.models import User
from phoihop.core.admin import ReadOnlyAdmin
from phoihop.core.services import conflict_for
from phoihop.directory import services
from phoihop.directory.models import Agency, Enterprise, Zone


class AgencyForm(forms.ModelForm):
    """Carries the version the administrator opened, so that an edit made meanwhile is a conflict, not overwritten."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agency
        fields = services.AGENCY_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        expected = cleaned.get("expected_version")
        if self.instance.pk and expected is not None:
            stored = Agency.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if stored != expected:
                raise forms.ValidationError(conflict_for(self.instance).message)
        return cleaned


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    """Agencies have no page of their own: the administrator keeps them here, through the same services as
    everything else (one AuditEvent per change, version checked). They are deactivated, never deleted."""

    list_display = ("name", "short_code", "kind", "parent", "is_active")
    search_fields = ("name", "short_code")
    form = AgencyForm
    fields = (*services.AGENCY_FIELDS, "expected_version")

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        data = {name: form.cleaned_data[name] for name in services.AGENCY_FIELDS if name in form.cleaned_data}
        actor = cast(User, request.user)
        if change:
            expected = form.cleaned_data.get("expected_version") or obj.version
            stored = services.update_agency(actor=actor, agency=obj, data=data, expected_version=expected)
        else:
            stored = services.create_agency(actor=actor, data=data)
        obj.pk, obj.version = stored.pk, stored.version

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Zone)
class ZoneAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "parent", "district")


@admin.register(Enterprise)
class EnterpriseAdmin(ReadOnlyAdmin):
    list_display = ("name", "tax_code", "zone", "ownership", "owner_agency")
    list_filter = ("ownership", "zone")
    search_fields = ("name", "tax_code", "search_text")
