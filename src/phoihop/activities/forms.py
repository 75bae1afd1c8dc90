from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.activities.choices import OutputKind
from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
from phoihop.activities.services import OUTPUT_FIELDS, PARTICIPANT_FIELDS
from phoihop.core.forms import StyledFormMixin, searchable
from phoihop.directory.forms import EnterpriseField, OwnedRecordForm, owner_field
from phoihop.directory.selectors import agency_choices, zone_choices
from phoihop.planning.forms import PlanItemChoiceField


class ActivityForm(OwnedRecordForm):
    active_owners_only = True
    owner_agency = owner_field(_("Đơn vị tổ chức"))
    enterprises = EnterpriseField(
        multiple=True,
        required=False,
        label=_("Doanh nghiệp tham gia"),
        help_text=_("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục; chọn được nhiều."),
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choice fields typed loosely: only their querysets are narrowed here.
        zone: Any = self.fields["zone"]
        zone.queryset = zone_choices()
        partners: Any = self.fields["partner_agencies"]
        partners.queryset = agency_choices(active_only=True)
        if self.instance.pk:
            self.initial["enterprises"] = list(self.instance.enterprises.all())
        searchable(self, "zone", "partner_agencies", "plan_items")
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
