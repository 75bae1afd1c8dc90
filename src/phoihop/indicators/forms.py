from __future__ import annotations

import csv
import io
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import StyledFormMixin, VersionedForm
from phoihop.directory.models import Agency
from phoihop.indicators.choices import Measure, PeriodType
from phoihop.indicators.models import Indicator, ReportedValue, Target, ValidationRule
from phoihop.indicators.periods import Period, periods_between
from phoihop.indicators.registry import record_kinds
from phoihop.indicators.services import IMPORT_COLUMNS, INDICATOR_FIELDS, RULE_FIELDS, TARGET_FIELDS, parse_value


class IndicatorForm(VersionedForm):
    record_kind = forms.ChoiceField(label=_("Loại bản ghi được đếm"), required=False)
    record_filter = forms.JSONField(
        label=_("Điều kiện lọc bản ghi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_('Ví dụ: {"ownership__in": ["wholly_foreign", "foreign_invested"]}'),
        error_messages={"invalid": _('Điều kiện lọc phải viết dạng JSON, ví dụ {"ownership": "domestic"}.')},
    )
    components = forms.ModelMultipleChoiceField(
        label=_("Các chỉ tiêu thành phần (chỉ với chỉ tiêu tổng hợp)"),
        queryset=Indicator.objects.order_by("code"),
        required=False,
    )

    class Meta:
        model = Indicator
        fields = list(INDICATOR_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["record_kind"]).choices = [("", "—"), *record_kinds.choices()]
        cast(Any, self.fields["owner_agency"]).queryset = Agency.objects.order_by("name")
        if self.instance.pk:
            cast(Any, self.fields["components"]).queryset = Indicator.objects.exclude(pk=self.instance.pk).order_by(
                "code"
            )
            self.fields["components"].initial = list(self.instance.components.all())
        self.style_widgets()

    def clean_record_filter(self) -> Any:
        return self.cleaned_data.get("record_filter") or {}


class TargetForm(VersionedForm):
    class Meta:
        model = Target
        fields = list(TARGET_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["indicator"]).queryset = Indicator.objects.filter(is_active=True).order_by("code")
        cast(Any, self.fields["agency"]).queryset = Agency.objects.order_by("name")


class RuleForm(VersionedForm):
    class Meta:
        model = ValidationRule
        fields = list(RULE_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["left"]).queryset = Indicator.objects.order_by("code")
        cast(Any, self.fields["right"]).queryset = Indicator.objects.order_by("code")


class NumberField(forms.CharField):
    """A number as people type it (13297, 13.297, 42,08); text or a negative value is refused with a clear
    message instead of the browser's or Django's generic one."""

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        if text in (None, ""):
            return None
        try:
            return parse_value(text)
        except ValidationError as error:
            raise ValidationError(error.messages[0] if error.messages else str(error), code="invalid") from None


def period_choices(plan: Any, frequency: str = "") -> list[Any]:
    """The periods of the plan up to its cut-off date, as select choices: those of one frequency, or every
    frequency grouped (month, quarter, year) while the indicator has none."""
    end = plan.counted_until
    groups: list[Any] = []
    for period_type in (PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR):
        if frequency and period_type != frequency:
            continue
        periods = periods_between(plan.period_start, plan.period_end, period_type)
        options = [(period.key, period.label) for period in periods if period.start <= end]
        groups.append((PeriodType(period_type).label, options))
    return groups[0][1] if frequency else groups


class ValueForm(StyledFormMixin, forms.Form):
    """A new reported value. The period is chosen among those of the indicator's frequency within the plan; the
    choices follow the indicator when it changes (htmx)."""

    indicator = forms.ModelChoiceField(label=_("Chỉ tiêu"), queryset=Indicator.objects.none())
    agency = forms.ModelChoiceField(label=_("Đơn vị báo cáo"), queryset=Agency.objects.none())
    period = forms.ChoiceField(
        label=_("Kỳ báo cáo"),
        error_messages={
            "required": _("Hãy chọn kỳ báo cáo."),
            "invalid_choice": _(
                "Kỳ “%(value)s” không có trong danh sách: hãy chọn một kỳ của chỉ tiêu trong kế hoạch."
            ),
        },
    )
    value = NumberField(
        label=_("Giá trị"),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"required": _("Hãy nhập giá trị.")},
    )
    source = forms.CharField(label=_("Nguồn số liệu"), required=False, max_length=255)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, plan: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        indicators = Indicator.objects.filter(is_active=True, measure__in=Measure.from_values()).order_by("code")
        cast(Any, self.fields["indicator"]).queryset = indicators
        cast(Any, self.fields["agency"]).queryset = agencies
        chosen = str((self.data if self.is_bound else self.initial).get("indicator") or "")
        indicator = indicators.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        period: Any = self.fields["period"]
        period.choices = [("", "—"), *period_choices(plan, indicator.frequency if indicator else "")]
        # Choosing another indicator brings the periods of its frequency: the form's own page answers with the
        # form, from which htmx takes the period field alone.
        url = f"{reverse('indicators:value_create')}?plan={plan.pk}"
        self.fields["indicator"].widget.attrs.update(
            {
                "hx-get": url,
                "hx-trigger": "change",
                "hx-include": "#id_period",
                "hx-target": "#id_period",
                "hx-select": "#id_period",
                "hx-swap": "outerHTML",
            }
        )
        self.style_widgets()

    def clean_period(self) -> Period:
        try:
            return Period.parse(self.cleaned_data["period"])
        except ValidationError as error:
            raise ValidationError(error.messages[0], code="invalid_period") from None


class ValueEditForm(VersionedForm):
    value = NumberField(label=_("Giá trị"), widget=forms.TextInput(attrs={"inputmode": "decimal"}))

    class Meta:
        model = ReportedValue
        fields = ["value", "source", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Tệp CSV"), required=False)
    text = forms.CharField(
        label=_("Hoặc dán nội dung CSV"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": ",".join(IMPORT_COLUMNS)}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload:
            try:
                content = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(_("Tệp phải là CSV mã hóa UTF-8."), code="encoding") from None
        else:
            content = cleaned.get("text") or ""
        if not content.strip():
            raise ValidationError(_("Hãy chọn tệp CSV hoặc dán nội dung."), code="empty")
        cleaned["rows"] = parse_csv(content)
        return cleaned


def parse_csv(content: str) -> list[dict[str, str]]:
    """Rows of a CSV with a header line naming the columns (comma, semicolon or tab separated)."""
    sample = content[:2048]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(content), dialect=dialect)
    missing = {"indicator", "agency", "period", "value"} - {name.strip() for name in (reader.fieldnames or [])}
    if missing:
        raise ValidationError(
            _("Dòng tiêu đề thiếu cột: %(cols)s (cần: %(all)s).")
            % {"cols": ", ".join(sorted(missing)), "all": ", ".join(IMPORT_COLUMNS)},
            code="missing_columns",
        )
    return [{(key or "").strip(): (value or "").strip() for key, value in row.items()} for row in reader]


class ReturnForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Trả lại số liệu phải ghi rõ lý do.")},
    )
