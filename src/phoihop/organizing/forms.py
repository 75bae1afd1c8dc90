from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField
from phoihop.directory.scope import own_scope
from phoihop.directory.selectors import owner_choices
from phoihop.organizing.models import Founding
from phoihop.organizing.services import FOUNDING_FIELDS, FOUNDING_M2M
from phoihop.planning.selectors import document_choices, plan_item_choices

if TYPE_CHECKING:
    from phoihop.directory.models import Agency


class PlanItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Năm {obj.plan.year} — {obj}"


class FoundingForm(VersionedForm):
    # Its choices depend on the user: set in __init__.
    owner_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label=_("Đơn vị thành lập"), queryset=None, required=False
    )
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

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choice fields typed loosely: only their querysets are narrowed here.
        items: Any = self.fields["plan_items"]
        items.queryset = plan_item_choices()
        documents: Any = self.fields["decision_document"]
        documents.queryset = document_choices()
        if self.instance.pk:
            self.initial["enterprise"] = self.instance.enterprise
        owners = owner_choices(user=user).filter(is_active=True)
        if self.instance.pk or not (user.is_admin or len(own_scope(user)) > 1):
            del self.fields["owner_agency"]
        else:
            field: Any = self.fields["owner_agency"]
            field.queryset = owners
            field.required = bool(user.is_admin)
            if not user.is_admin:
                field.initial = user.agency_id
        searchable(self, "plan_items", "decision_document")
        self.style_widgets()
