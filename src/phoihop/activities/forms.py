from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phoihop.activities.choices import OutputKind
from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
from phoihop.activities.permissions import own_scope
from phoihop.activities.services import OUTPUT_FIELDS, PARTICIPANT_FIELDS
from phoihop.core.forms import StyledFormMixin, VersionedForm
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.validators import normalize_tax_code
from phoihop.planning.models import PlanItem

_SEPARATORS = re.compile(r"[\s,;]+")


class PlanItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Năm {obj.plan.year} — {obj}"


class EnterpriseTaxCodesField(forms.CharField):
    """Enterprises named by their tax codes, one per line (or separated by commas): an enterprise outside the
    directory cannot be referenced, and the directory can hold far too many enterprises for a drop-down list."""

    widget = forms.Textarea

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"rows": 3, "placeholder": "0299000011\n0299000012"})

    def prepare_value(self, value: Any) -> Any:
        if not isinstance(value, str) and hasattr(value, "__iter__"):
            return "\n".join(getattr(item, "tax_code", str(item)) for item in value)
        return value

    def clean(self, value: Any) -> list[Enterprise]:
        text = super().clean(value) or ""
        codes: list[str] = []
        for raw in _SEPARATORS.split(text):
            if raw:
                code = normalize_tax_code(raw)
                if code not in codes:
                    codes.append(code)
        found = {e.tax_code: e for e in Enterprise.objects.filter(tax_code__in=codes)}
        missing = [code for code in codes if code not in found]
        if missing:
            raise ValidationError(
                _(
                    "Không có doanh nghiệp mang mã số thuế %(codes)s trong danh mục. "
                    "Hãy thêm doanh nghiệp vào danh mục trước."
                )
                % {"codes": ", ".join(missing)},
                code="unknown_enterprise",
            )
        return [found[code] for code in codes]


class ActivityForm(VersionedForm):
    owner_agency = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=Agency.objects.none(), required=False)
    enterprises = EnterpriseTaxCodesField(
        label=_("Doanh nghiệp tham gia (mã số thuế)"),
        help_text=_("Mỗi dòng một mã số thuế của doanh nghiệp đã có trong danh mục."),
    )

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "series",
            "start_date",
            "end_date",
            "place",
            "zone",
            "partner_agencies",
            "enterprises",
            "plan_items",
            "notes",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"plan_items": PlanItemChoiceField}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choice fields typed loosely: only their querysets are narrowed here.
        zone: Any = self.fields["zone"]
        zone.queryset = Zone.objects.order_by("name")
        partners: Any = self.fields["partner_agencies"]
        partners.queryset = Agency.objects.filter(is_active=True).order_by("name")
        items: Any = self.fields["plan_items"]
        items.queryset = PlanItem.objects.select_related("plan").order_by("-plan__year", "number")
        if self.instance.pk:
            self.initial["enterprises"] = list(self.instance.enterprises.all())
        # The organising body is chosen only on creation, by the administrator or by a user whose body has units.
        owners = Agency.objects.filter(is_active=True).order_by("name")
        if not user.is_admin:
            owners = owners.filter(pk__in=own_scope(user))
        if self.instance.pk or not (user.is_admin or len(own_scope(user)) > 1):
            del self.fields["owner_agency"]
        else:
            field: Any = self.fields["owner_agency"]
            field.queryset = owners
            field.required = bool(user.is_admin)
            if not user.is_admin:
                field.initial = user.agency_id
        self.style_widgets()


class ParticipantForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ActivityParticipant
        fields = list(PARTICIPANT_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class OutputForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ActivityOutput
        fields = list(OUTPUT_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].required = False
        self.fields["unit"].help_text = ""
        self.fields["unit"].widget.attrs["placeholder"] = ", ".join(
            sorted({OutputKind(kind).default_unit for kind in OutputKind.values} - {""})
        )[:60]
        self.style_widgets()


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=0, can_delete=True)
OutputFormSet = forms.formset_factory(OutputForm, extra=0, can_delete=True)


def formset_rows(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The rows the user kept: filled in and not ticked for deletion."""
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        rows.append({name: value for name, value in data.items() if name != "DELETE"})
    return rows


class AttachmentForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Tệp đính kèm"), help_text=_("PDF, Word (.docx), Excel (.xlsx), JPEG hoặc PNG."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()
