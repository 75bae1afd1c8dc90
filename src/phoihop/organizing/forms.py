from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm
from phoihop.directory.models import Agency, Enterprise
from phoihop.directory.validators import normalize_tax_code
from phoihop.organizing.models import Founding
from phoihop.organizing.permissions import own_scope
from phoihop.organizing.services import FOUNDING_FIELDS, FOUNDING_M2M
from phoihop.planning.models import Document, PlanItem


class PlanItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Năm {obj.plan.year} — {obj}"


class EnterpriseTaxCodeField(forms.CharField):
    """One enterprise of the directory, named by its tax code (the directory is far too big for a drop-down)."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Enterprise):
            return value.tax_code
        if isinstance(value, int):
            enterprise = Enterprise.objects.filter(pk=value).only("tax_code").first()
            return enterprise.tax_code if enterprise else ""
        return value

    def clean(self, value: Any) -> Enterprise | None:
        code = normalize_tax_code(super().clean(value) or "")
        if not code:
            return None
        enterprise = Enterprise.objects.filter(tax_code=code).first()
        if enterprise is None:
            raise ValidationError(
                _(
                    "Không có doanh nghiệp mang mã số thuế %(code)s trong danh mục. "
                    "Hãy thêm doanh nghiệp vào danh mục trước."
                )
                % {"code": code},
                code="unknown_enterprise",
            )
        return enterprise


class FoundingForm(VersionedForm):
    owner_agency = forms.ModelChoiceField(label=_("Đơn vị thành lập"), queryset=Agency.objects.none(), required=False)
    enterprise = EnterpriseTaxCodeField(
        label=_("Doanh nghiệp (mã số thuế)"),
        help_text=_("Mã số thuế của doanh nghiệp đã có trong danh mục, ví dụ 0299000013."),
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
        self.style_widgets()
