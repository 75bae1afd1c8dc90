from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField
from phoihop.directory.models import Agency
from phoihop.organizing.models import Founding
from phoihop.organizing.permissions import own_scope
from phoihop.organizing.services import FOUNDING_FIELDS, FOUNDING_M2M
from phoihop.planning.models import Document, PlanItem


class PlanItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Năm {obj.plan.year} — {obj}"


class FoundingForm(VersionedForm):
    owner_agency = forms.ModelChoiceField(label=_("Đơn vị thành lập"), queryset=Agency.objects.none(), required=False)
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
        items.queryset = PlanItem.objects.select_related("plan").order_by("-plan__year", "number")
        documents: Any = self.fields["decision_document"]
        documents.queryset = Document.objects.order_by("-issued_on", "number")
        if self.instance.pk:
            self.initial["enterprise"] = self.instance.enterprise
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
        searchable(self, "plan_items", "decision_document")
        self.style_widgets()
