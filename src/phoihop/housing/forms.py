from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField, OwnedRecordForm, owner_field
from phoihop.directory.selectors import zone_choices
from phoihop.housing.models import HousingProject, Milestone
from phoihop.housing.services import MILESTONE_FIELDS, PROJECT_FIELDS, PROJECT_M2M
from phoihop.planning.selectors import plan_item_choices


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (a model choice or multiple choice field)
    return field


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(OwnedRecordForm):
    owner_order = ("kind", "name")
    owner_agency = owner_field(_("Đơn vị theo dõi"))
    investor_enterprise = EnterpriseField(
        label=_("Chủ đầu tư (trong danh mục doanh nghiệp)"),
        required=False,
        help_text=_("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục."),
    )

    class Meta:
        model = HousingProject
        fields = [*PROJECT_FIELDS, *PROJECT_M2M]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "plan_items": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        _choices(self, "zone").queryset = zone_choices()
        _choices(self, "plan_items").queryset = plan_item_choices()
        from phoihop.housing.selectors import projects_visible_to

        parents = projects_visible_to(user).order_by("name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        _choices(self, "part_of").queryset = parents
        searchable(self, "zone", "plan_items")
        self.style_widgets()


class MilestoneForm(VersionedForm):
    class Meta:
        model = Milestone
        fields = list(MILESTONE_FIELDS)
        widgets = {"date": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"date": _("Nếu chỉ biết tháng hoặc năm, chọn một ngày bất kỳ trong tháng, năm đó.")}

    def __init__(self, *args: Any, project: HousingProject, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()
