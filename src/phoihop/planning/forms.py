from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import StyledFormMixin, VersionedForm, searchable
from phoihop.directory.selectors import agency_choices
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme
from phoihop.planning.selectors import area_choices, plan_item_choices, registered_documents
from phoihop.planning.services import (
    AREA_FIELDS,
    DOCUMENT_FIELDS,
    ITEM_FIELDS,
    ITEM_STATUS_FIELDS,
    PLAN_FIELDS,
    PROGRAMME_FIELDS,
)


class PlanItemChoiceField(forms.ModelMultipleChoiceField):
    """The plan items a record carries out (a form's `plan_items`, through `Meta.field_classes`): the items of every
    plan, newest plan first, each named with its plan's year."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["queryset"] = plan_item_choices()
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return f"Năm {obj.plan.year} — {obj}"


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DocumentForm(VersionedForm):
    class Meta:
        model = Document
        fields = list(DOCUMENT_FIELDS)
        widgets = {
            "issued_on": date_input(),
            "title": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["issuer_agency"]).queryset = agency_choices()


class ProgrammeForm(VersionedForm):
    bodies = forms.ModelMultipleChoiceField(
        label=_("Các cơ quan phối hợp"),
        queryset=agency_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Programme
        fields = list(PROGRAMME_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["bodies"].initial = list(self.instance.bodies.all())


class PlanForm(VersionedForm):
    class Meta:
        model = Plan
        fields = list(PLAN_FIELDS)
        widgets = {"period_start": date_input(), "period_end": date_input(), "cut_off_date": date_input()}
        help_texts = {"title": _("Để trống: “Kế hoạch phối hợp năm <năm>”.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def clean_title(self) -> str:
        title = (self.cleaned_data.get("title") or "").strip()
        year = self.data.get("year") or ""
        return title or (f"Kế hoạch phối hợp năm {year}" if str(year).isdigit() else "")


class AreaForm(VersionedForm):
    class Meta:
        model = Area
        fields = list(AREA_FIELDS)


class PlanItemForm(VersionedForm):
    partners = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"),
        queryset=agency_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Văn bản liên quan"), queryset=registered_documents(), required=False
    )

    class Meta:
        model = PlanItem
        fields = list(ITEM_FIELDS)
        widgets = {
            "due_date": date_input(),
            "title": forms.Textarea(attrs={"rows": 3}),
            "result_note": forms.Textarea(attrs={"rows": 3}),
            "not_done_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["area"]).queryset = plan.areas.order_by("number")
        cast(Any, self.fields["lead_agency"]).queryset = agency_choices()
        if self.instance.pk:
            self.fields["partners"].initial = list(self.instance.partners.all())
            self.fields["documents"].initial = list(self.instance.documents.all())
        searchable(self, "documents")


class ItemStatusForm(VersionedForm):
    class Meta:
        model = PlanItem
        fields = list(ITEM_STATUS_FIELDS)
        widgets = {
            "result_note": forms.Textarea(attrs={"rows": 4}),
            "not_done_reason": forms.Textarea(attrs={"rows": 3}),
        }


class CarryOverForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do chuyển sang năm sau"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy ghi lý do chuyển nội dung sang năm sau.")},
    )
    area = forms.ModelChoiceField(
        label=_("Đặt vào lĩnh vực của kế hoạch năm sau"),
        queryset=area_choices(plan=None),
        required=False,
        empty_label=_("(lĩnh vực cùng tên)"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, next_plan: Plan | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["area"]).queryset = area_choices(plan=next_plan)
        self.style_widgets()
