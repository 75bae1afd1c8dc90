from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import searchable
from phoihop.directory.forms import EnterpriseField, OwnedRecordForm, owner_field
from phoihop.organizing.models import Founding
from phoihop.organizing.services import FOUNDING_FIELDS, FOUNDING_M2M
from phoihop.planning.forms import PlanItemChoiceField
from phoihop.planning.selectors import document_choices


class FoundingForm(OwnedRecordForm):
    active_owners_only = True
    owner_agency = owner_field(_("Đơn vị thành lập"))
    enterprise = EnterpriseField(
        label=_("Doanh nghiệp"),
        help_text=_("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục."),
    )

    class Meta:
        model = Founding
        fields = list(FOUNDING_FIELDS + FOUNDING_M2M)
        widgets = {
            "founded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"plan_items": PlanItemChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        documents: Any = self.fields["decision_document"]
        documents.queryset = document_choices()
        if self.instance.pk:
            self.initial["enterprise"] = self.instance.enterprise
        searchable(self, "plan_items", "decision_document")
        self.style_widgets()
