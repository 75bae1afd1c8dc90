from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField, OwnedRecordForm, owner_field
from phoihop.directory.selectors import agency_choices
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic
from phoihop.oversight.selectors import topic_choices
from phoihop.oversight.services import FINDING_FIELDS, FOLLOW_UP_FIELDS, INSPECTION_FIELDS, INSPECTION_M2M, TOPIC_FIELDS
from phoihop.planning.selectors import plan_item_choices


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (a model choice or multiple choice field)
    return field


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YES_NO = [("true", _("Có — chấp hành đúng quy định")), ("false", _("Không — còn vi phạm, thiếu sót"))]


class InspectionForm(OwnedRecordForm):
    owner_agency = owner_field(_("Cơ quan chủ trì"))
    enterprises = EnterpriseField(
        multiple=True,
        label=_("Doanh nghiệp được giám sát"),
        help_text=_("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục; chọn được nhiều."),
    )

    class Meta:
        model = Inspection
        fields = [*INSPECTION_FIELDS, *INSPECTION_M2M]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "topics": forms.CheckboxSelectMultiple,
            "plan_items": forms.SelectMultiple(attrs={"size": 6}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "recommendations": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "partner_agencies").queryset = agency_choices(active_only=True)
        _choices(self, "plan_items").queryset = plan_item_choices()
        _choices(self, "topics").queryset = topic_choices(inspection=self.instance)
        self.order_fields(
            [
                "kind",
                "title",
                "owner_agency",
                "partner_agencies",
                "start_date",
                "end_date",
                "basis",
                "enterprises",
                "topics",
                "summary",
                "recommendations",
                "plan_items",
            ]
        )
        searchable(self, "partner_agencies", "plan_items")
        self.style_widgets()


class FindingForm(VersionedForm):
    compliant = forms.TypedChoiceField(
        label=_("Chấp hành đúng quy định"),
        choices=YES_NO,
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Finding
        fields = list(FINDING_FIELDS)
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, inspection: Inspection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["compliant"] = "true" if self.instance.compliant else "false"
        _choices(self, "enterprise").queryset = inspection.enterprises.order_by("name")
        _choices(self, "topic").queryset = inspection.topics.order_by("position", "name")
        searchable(self, "enterprise")
        self.style_widgets()


class FollowUpForm(VersionedForm):
    class Meta:
        model = FollowUpAction
        fields = list(FOLLOW_UP_FIELDS)
        widgets = {
            "due_date": DATE_WIDGET,
            "completed_on": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, inspection: Inspection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "enterprise").queryset = inspection.enterprises.order_by("name")
        searchable(self, "enterprise")
        self.style_widgets()


class TopicForm(VersionedForm):
    class Meta:
        model = InspectionTopic
        fields = list(TOPIC_FIELDS)
