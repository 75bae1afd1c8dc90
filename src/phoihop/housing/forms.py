from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField
from phoihop.directory.selectors import owner_choices, zone_choices
from phoihop.housing.models import HousingProject, Milestone
from phoihop.housing.services import MILESTONE_FIELDS, PROJECT_FIELDS, PROJECT_M2M
from phoihop.planning.selectors import plan_item_choices

if TYPE_CHECKING:
    from phoihop.directory.models import Agency


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (a model choice or multiple choice field)
    return field


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProjectForm(VersionedForm):
    # Its choices depend on the user: set in __init__.
    owner_agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label=_("Đơn vị theo dõi"), queryset=None, required=False
    )
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
        super().__init__(*args, **kwargs)
        _choices(self, "zone").queryset = zone_choices()
        _choices(self, "plan_items").queryset = plan_item_choices()
        from phoihop.housing.selectors import projects_visible_to

        parents = projects_visible_to(user).order_by("name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        _choices(self, "part_of").queryset = parents
        owners = owner_choices(user=user)
        if self.instance.pk or (not user.is_admin and owners.count() <= 1):
            del self.fields["owner_agency"]
        else:
            _choices(self, "owner_agency").queryset = owners
            self.fields["owner_agency"].required = user.is_admin
            self.fields["owner_agency"].initial = user.agency_id
            self.order_fields(["kind", "name", "owner_agency"])
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
