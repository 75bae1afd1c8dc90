"""Forms of the report pages. They parse and validate input; the services write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import StyledFormMixin, VersionedForm
from phoihop.indicators.models import Target
from phoihop.reports.choices import RenderFormat
from phoihop.reports.docx.profiles import default_profiles
from phoihop.reports.models import Listing, Report, ReportBlock, ReportIssuer
from phoihop.reports.services import ISSUER_FIELDS, LISTING_FIELDS, REPORT_FIELDS
from phoihop.reports.sources import source_choices

TEXTAREA = {"rows": 3}


class ReportCreateForm(StyledFormMixin, forms.Form):
    # Each list is given by the view from a selector (see __init__).
    plan: forms.ModelChoiceField[Any] = forms.ModelChoiceField(queryset=None, label=_("Kế hoạch"), empty_label=None)

    def __init__(self, *args: Any, plans: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["plan"]).queryset = plans
        self.style_widgets()


class ReportForm(VersionedForm):
    class Meta:
        model = Report
        fields = list(REPORT_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs=TEXTAREA),
            "recipients": forms.Textarea(attrs={"rows": 5}),
            "fixed_expressions": forms.Textarea(attrs={"rows": 3}),
            "issue_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class IssuerForm(VersionedForm):
    profile = forms.ChoiceField(
        label=_("Thể thức văn bản"),
        choices=(),
        help_text=_("Theo hệ thống của cơ quan: Đảng, Nhà nước hay Công đoàn."),
    )

    class Meta:
        model = ReportIssuer
        fields = list(ISSUER_FIELDS)
        widgets = {"header_lines": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["profile"]).choices = [(k, p.display_name) for k, p in default_profiles().items()]
        self.style_widgets()


class BlockForm(VersionedForm):
    owner_agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, label=_("Cơ quan soạn"), empty_label=None
    )

    class Meta:
        model = ReportBlock
        fields = ["owner_agency", "text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10, "spellcheck": "true"})}
        help_texts = {
            "text": _(
                "Mỗi dòng là một đoạn. Số liệu ghi bằng tên: {{DV_MOI}}, {{DV_MOI.ty_le}}, {{ke_hoach.hoan_thanh}}; "
                "văn bản bằng {{van_ban:28-NQ/TU}}; chú thích bằng [[chu_thich:TEN_DANH_SACH]]; *nghiêng*, **đậm**."
            )
        }

    def __init__(self, *args: Any, owners: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["owner_agency"]).queryset = owners
        if self.instance.pk:
            del self.fields["owner_agency"]
        self.fields["position"].required = False


def _target_label(target: Target) -> str:
    body = f" ({target.agency.short_code})" if target.agency_id and target.agency else ""
    return f"{target.indicator.code} — {target.indicator.name}{body}"


class FigureNameForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên dùng trong đoạn"), max_length=40, help_text=_("Ví dụ: DV_MOI"))
    target: forms.ModelChoiceField[Any] = forms.ModelChoiceField(queryset=None, label=_("Chỉ tiêu của kế hoạch"))

    def __init__(self, *args: Any, targets: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(Any, self.fields["target"])
        field.queryset = targets
        field.label_from_instance = _target_label
        self.style_widgets()


class ListingForm(VersionedForm):
    source = forms.ChoiceField(label=_("Nguồn bản ghi"), choices=())
    record_filter = forms.JSONField(
        label=_("Điều kiện lọc"),
        required=False,
        initial=dict,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_('Dạng {"tên trường": giá trị}, ví dụ {"kind": "party_cell"}. Để {} nếu không lọc.'),
    )
    owner_agency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, label=_("Cơ quan soạn"), empty_label=None
    )

    class Meta:
        model = Listing
        fields = list(LISTING_FIELDS)
        widgets = {"intro": forms.Textarea(attrs=TEXTAREA), "pattern": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {
            "pattern": _(
                "Các trường của bản ghi trong { }: {ten}, {ngay}, {du_an.can_ho}; |02 thêm số 0, |thuong viết thường "
                "chữ đầu; phần trong [ ] chỉ in khi có đủ giá trị. Ví dụ: [{thang}, ]khởi công {du_an}."
            )
        }

    def __init__(self, *args: Any, owners: Any = None, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["source"]).choices = source_choices()
        cast(Any, self.fields["owner_agency"]).queryset = owners
        cast(Any, self.fields["agency"]).queryset = agencies
        cast(Any, self.fields["separator"]).strip = False
        cast(Any, self.fields["ending"]).strip = False
        self.style_widgets()

    def clean_record_filter(self) -> Any:
        return self.cleaned_data.get("record_filter") or {}


class EntryForm(StyledFormMixin, forms.Form):
    record_id = forms.IntegerField(label=_("Mã bản ghi"), min_value=1)
    position = forms.IntegerField(label=_("Thứ tự"), min_value=0, required=False, initial=0)
    pattern = forms.CharField(label=_("Mẫu câu riêng"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class RenderForm(forms.Form):
    format = forms.ChoiceField(choices=RenderFormat.choices)


class ReopenForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do mở lại"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)
