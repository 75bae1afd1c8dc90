from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField, OwnedRecordForm, owner_field
from phoihop.directory.selectors import agency_choices
from phoihop.planning.selectors import plan_item_choices
from phoihop.practices.models import Award, GoodPractice
from phoihop.practices.services import AWARD_FIELDS, PRACTICE_FIELDS, PRACTICE_M2M


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (a model choice or multiple choice field)
    return field


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PracticeForm(OwnedRecordForm):
    owner_order = ("title",)
    owner_agency = owner_field(_("Đơn vị xây dựng"))
    enterprises = EnterpriseField(
        multiple=True,
        required=False,
        label=_("Doanh nghiệp"),
        help_text=_("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục; chọn được nhiều."),
    )

    class Meta:
        model = GoodPractice
        fields = [*PRACTICE_FIELDS, *PRACTICE_M2M]
        widgets = {
            "year": forms.NumberInput(attrs={"min": 2000, "max": 2100}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "plan_items": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "plan_items").queryset = plan_item_choices()
        searchable(self, "plan_items")
        self.style_widgets()


class AwardForm(VersionedForm):
    class Meta:
        model = Award
        fields = list(AWARD_FIELDS)
        widgets = {"decision_date": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, practice: GoodPractice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "awarding_agency").queryset = agency_choices(active_only=True)
        self.style_widgets()
