from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.services import ENTERPRISE_FIELDS, ZONE_FIELDS
from phoihop.directory.validators import normalize_tax_code


class EnterpriseForm(VersionedForm):
    owner_agency = forms.ModelChoiceField(
        label=_("Đơn vị quản lý hồ sơ"), queryset=Agency.objects.filter(is_active=True), required=False
    )
    # Longer than the stored 14 characters: spaces and dots typed between the digits are dropped first
    # (clean_tax_code), then the model checks the code itself.
    tax_code = forms.CharField(
        label=_("Mã số thuế"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "0201234567 hoặc 0201234567-001", "inputmode": "numeric"}),
    )

    class Meta:
        model = Enterprise
        fields = list(ENTERPRISE_FIELDS)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = Zone.objects.order_by("name")  # type: ignore[attr-defined]
        # Only the administrator files a record under another body; for everyone else the field does not exist,
        # so a forged owner_agency in the POST is simply ignored.
        if not (user.is_admin and not self.instance.pk):
            del self.fields["owner_agency"]
        self.style_widgets()

    def clean_tax_code(self) -> str:
        return normalize_tax_code(self.cleaned_data["tax_code"])


class ZoneForm(VersionedForm):
    class Meta:
        model = Zone
        fields = list(ZONE_FIELDS)
