from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import StyledFormMixin, VersionedForm
from phoihop.directory.selectors import agency_choices
from phoihop.indicators.choices import Counting, PeriodType
from phoihop.indicators.models import Indicator, ReportedValue, Target, ValidationRule
from phoihop.indicators.periods import Period, periods_between
from phoihop.indicators.registry import RecordKind, record_kinds
from phoihop.indicators.selectors import indicator_choices, value_indicator_choices

if TYPE_CHECKING:
    from phoihop.directory.models import Agency
from phoihop.indicators.services import IMPORT_COLUMNS, INDICATOR_FIELDS, RULE_FIELDS, TARGET_FIELDS, parse_value
from phoihop.indicators.services.values import reporting_frequency

FILTER_PREFIX = "rf"
VALUE_SEPARATOR = ";"


class FilterJSONField(forms.JSONField):
    """The raw filter for administrators: an empty filter shows an empty box, never `null` or `{}`."""

    def prepare_value(self, value: Any) -> Any:
        if value in (None, {}, ""):
            return ""
        return super().prepare_value(value)


def _filter_form_field(kind: RecordKind, path: str) -> forms.Field | None:
    """A form field for one registered filter path, or None when only lookups other than equality are allowed
    (those stay in the administrators' raw filter)."""
    lookups = kind.filter_fields[path]
    if "exact" not in lookups and "in" not in lookups:
        return None
    model_field = kind.filter_field(path)
    label = kind.filter_label(path)
    many = "in" in lookups
    invalid = _("“%(value)s” không phải là một lựa chọn của trường này.")
    related = model_field.related_model
    if isinstance(model_field, models.BooleanField):
        return forms.TypedChoiceField(
            label=label,
            required=False,
            choices=[("", _("Không lọc")), ("true", _("Có")), ("false", _("Không"))],
            coerce=lambda text: text == "true",
            empty_value=None,
            error_messages={"invalid_choice": invalid},
        )
    if model_field.choices:
        choices = [(str(value), str(text)) for value, text in model_field.flatchoices]
        if many:
            return forms.MultipleChoiceField(
                label=label,
                required=False,
                choices=choices,
                widget=forms.SelectMultiple(attrs={"size": min(len(choices), 6)}),
                error_messages={"invalid_choice": invalid},
            )
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[("", _("Không lọc")), *choices],
            error_messages={"invalid_choice": invalid},
        )
    if related is not None and not isinstance(related, str):
        queryset = related._default_manager.all()
        messages = {
            "invalid_choice": _("Mục đã chọn không còn trong danh mục."),
            "invalid_pk_value": _("Mục đã chọn không hợp lệ."),
            "invalid_list": _("Mục đã chọn không hợp lệ."),
        }
        if many:
            return forms.ModelMultipleChoiceField(
                label=label, required=False, queryset=queryset, error_messages=messages
            )
        return forms.ModelChoiceField(
            label=label, required=False, queryset=queryset, empty_label=_("Không lọc"), error_messages=messages
        )
    help_text = _("Nhiều giá trị cách nhau bằng dấu chấm phẩy (;).") if many else ""
    return forms.CharField(label=label, required=False, help_text=help_text)


class IndicatorForm(VersionedForm):
    """The record filter is edited through one named field per filterable field of each record kind (only the
    chosen kind's fields count); administrators may also edit the stored JSON, behind "Nâng cao"."""

    record_kind = forms.ChoiceField(label=_("Loại bản ghi được đếm"), required=False)
    record_filter = FilterJSONField(
        label=_("Điều kiện lọc dạng JSON"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Chỉ dùng khi các ô ở trên không đủ. Nếu sửa ô này, nội dung ở đây thay cho các ô trên. "
            'Ví dụ: {"ownership__in": ["wholly_foreign", "foreign_invested"]}'
        ),
        error_messages={"invalid": _('Điều kiện lọc phải viết dạng JSON, ví dụ {"ownership": "domestic"}.')},
    )
    components = forms.ModelMultipleChoiceField(
        label=_("Các chỉ tiêu thành phần (chỉ với chỉ tiêu tổng hợp)"),
        queryset=indicator_choices(),
        required=False,
    )

    class Meta:
        model = Indicator
        fields = list(INDICATOR_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, show_advanced: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_advanced = show_advanced
        cast(Any, self.fields["record_kind"]).choices = [("", "—"), *record_kinds.choices()]
        counting: Any = self.fields["counting"]
        counting.choices = [("", _("Theo cách tính đã chọn")), *Counting.choices]
        # The script offers only the modes the chosen kind supports; the service refuses any other.
        counting.widget.attrs["data-countings"] = json.dumps(
            {kind.key: kind.countings() for kind in record_kinds.all()}
        )
        cast(Any, self.fields["owner_agency"]).queryset = agency_choices()
        if self.instance.pk:
            cast(Any, self.fields["components"]).queryset = indicator_choices(exclude=self.instance)
            self.fields["components"].initial = list(self.instance.components.all())
        stored: dict[str, Any] = dict(self.instance.record_filter or {}) if self.instance.pk else {}
        self.filter_groups: list[tuple[RecordKind, list[str]]] = []
        for kind in record_kinds.all():
            names = []
            for path in kind.filter_fields:
                field = _filter_form_field(kind, path)
                if field is None:
                    continue
                name = self.filter_field_name(kind, path)
                if self.instance.record_kind == kind.key:
                    field.initial = self._initial_of(field, stored, path)
                self.fields[name] = field
                names.append(name)
            if names:
                self.filter_groups.append((kind, names))
        if not show_advanced:
            # Kept (disabled, never rendered) rather than removed: the model form and the service's errors on
            # "record_filter" expect the field; a disabled field ignores whatever is posted for it.
            self.fields["record_filter"].disabled = True
            self.fields["record_filter"].widget = forms.HiddenInput()
        self.style_widgets()

    @staticmethod
    def filter_field_name(kind: RecordKind, path: str) -> str:
        return f"{FILTER_PREFIX}-{kind.key.replace('.', '-')}-{path}"

    @staticmethod
    def _initial_of(field: forms.Field, stored: dict[str, Any], path: str) -> Any:
        values: list[Any] | None = None
        if path in stored:
            values = [stored[path]]
        elif isinstance(stored.get(f"{path}__in"), list):
            values = list(stored[f"{path}__in"])
        if values is None:
            return None
        if isinstance(field, forms.TypedChoiceField):
            return "true" if values[0] else "false"
        if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
            return values
        if isinstance(field, forms.ModelChoiceField | forms.ChoiceField):
            return values[0]
        return VALUE_SEPARATOR.join(str(value) for value in values)

    @property
    def plain_hidden_fields(self) -> list[Any]:
        return [bf for bf in self.hidden_fields() if bf.name != "record_filter"]

    @property
    def main_fields(self) -> list[Any]:
        skip = {"record_filter"}
        return [bf for bf in self.visible_fields() if bf.name not in skip and not bf.name.startswith(FILTER_PREFIX)]

    @property
    def counting_groups(self) -> list[tuple[RecordKind, list[str]]]:
        """Each kind's counting modes in words, shown under the counting field for the chosen kind."""
        return [(kind, [kind.counting_text(mode) for mode in kind.countings()]) for kind in record_kinds.all()]

    @property
    def filter_fieldsets(self) -> list[tuple[RecordKind, list[Any]]]:
        return [(kind, [self[name] for name in names]) for kind, names in self.filter_groups]

    def _named_filter(self, kind: RecordKind) -> dict[str, Any]:
        spec: dict[str, Any] = {}
        for path in kind.filter_fields:
            name = self.filter_field_name(kind, path)
            if name not in self.fields:
                continue
            value = self.cleaned_data.get(name)
            if isinstance(self.fields[name], forms.CharField) and not isinstance(self.fields[name], forms.ChoiceField):
                value = [part.strip() for part in (value or "").split(VALUE_SEPARATOR) if part.strip()]
                if "in" not in kind.filter_fields[path]:
                    value = value[0] if value else None
            if isinstance(value, models.QuerySet):
                value = [obj.pk for obj in value]
            elif isinstance(value, models.Model):
                value = value.pk
            if value is None or value == "" or value == []:
                continue
            if isinstance(value, list):
                if len(value) == 1 and "exact" in kind.filter_fields[path]:
                    spec[path] = value[0]
                else:
                    spec[f"{path}__in"] = value
            else:
                spec[path] = value
        return spec

    def _has_named_field(self, kind: RecordKind, key: str) -> bool:
        for path in kind.filter_fields:
            if key in (path, f"{path}__in"):
                return self.filter_field_name(kind, path) in self.fields
        return False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        key = cleaned.get("record_kind")
        if not key or key not in record_kinds:
            cleaned["record_filter"] = {}
            return cleaned
        kind = record_kinds.get(key)
        if self.show_advanced and "record_filter" in self.changed_data and "record_filter" not in self.errors:
            cleaned["record_filter"] = cleaned.get("record_filter") or {}
            return cleaned
        spec = self._named_filter(kind)
        if self.instance.pk and self.instance.record_kind == key:
            # Conditions the named fields cannot express (date ranges, "is empty") were set by an administrator:
            # they stay unless the JSON itself is edited.
            for stored_key, value in (self.instance.record_filter or {}).items():
                if not self._has_named_field(kind, str(stored_key)):
                    spec.setdefault(str(stored_key), value)
        cleaned["record_filter"] = spec
        return cleaned


class TargetForm(VersionedForm):
    class Meta:
        model = Target
        fields = list(TARGET_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["indicator"]).queryset = indicator_choices(active_only=True)
        cast(Any, self.fields["agency"]).queryset = agency_choices()


class RuleForm(VersionedForm):
    class Meta:
        model = ValidationRule
        fields = list(RULE_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["left"]).queryset = indicator_choices()
        cast(Any, self.fields["right"]).queryset = indicator_choices()


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

    # Their choices depend on the plan and the user: set in __init__.
    indicator: forms.ModelChoiceField[Indicator] = forms.ModelChoiceField(label=_("Chỉ tiêu"), queryset=None)
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(label=_("Đơn vị báo cáo"), queryset=None)
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
        indicators = value_indicator_choices()
        cast(Any, self.fields["indicator"]).queryset = indicators
        cast(Any, self.fields["agency"]).queryset = agencies
        chosen = str((self.data if self.is_bound else self.initial).get("indicator") or "")
        indicator = indicators.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        period: Any = self.fields["period"]
        frequency = reporting_frequency(indicator) if indicator else ""
        period.choices = [("", "—"), *period_choices(plan, frequency)]
        # Choosing another indicator brings the periods of its frequency: the form's own page answers with the
        # form, from which htmx takes the period field alone. The period list is disabled until it arrives (a period
        # chosen meanwhile would be replaced by the answer), and a later choice replaces an earlier request.
        url = f"{reverse('indicators:value_create')}?plan={plan.pk}"
        self.fields["indicator"].widget.attrs.update(
            {
                "hx-get": url,
                "hx-trigger": "change",
                "hx-include": "#id_period",
                "hx-target": "#id_period",
                "hx-select": "#id_period",
                "hx-swap": "outerHTML",
                "hx-disabled-elt": "#id_period",
                "hx-sync": "this:replace",
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


# A year of monthly values of every indicator and body is a few hundred rows, far below this; a larger upload is a
# wrong file, refused before it is read into memory.
IMPORT_MAX_BYTES = 2 * 1024 * 1024


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
            if upload.size is not None and upload.size > IMPORT_MAX_BYTES:
                raise ValidationError(
                    _("Tệp CSV quá lớn (%(size)s MB); tệp số liệu chỉ tiêu tối đa 2 MB.")
                    % {"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")},
                    code="file_too_large",
                )
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
