from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import StyledFormMixin, VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField, OwnedRecordForm, owner_field
from phoihop.directory.selectors import agency_choices
from phoihop.workforce.choices import QuestionKind
from phoihop.workforce.models import Incident, IncidentStep, IncidentSupport, LabourReport, Survey
from phoihop.workforce.services import INCIDENT_FIELDS, REPORT_FIELDS, STEP_FIELDS, SUPPORT_FIELDS, SURVEY_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ENTERPRISE_HELP = _("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục.")


class LabourReportForm(OwnedRecordForm):
    owner_order = ("enterprise",)
    owner_agency = owner_field(_("Đơn vị báo cáo"))
    enterprise = EnterpriseField(label=_("Doanh nghiệp"), help_text=ENTERPRISE_HELP)

    class Meta:
        model = LabourReport
        fields = list(REPORT_FIELDS)
        widgets = {
            "period_start": DATE_WIDGET,
            "agreement_expires_on": DATE_WIDGET,
            "last_workers_conference": DATE_WIDGET,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "period_start": _("Ngày 01 của tháng đầu kỳ: báo cáo tháng 3/2023 là 01/3/2023; 6 tháng cuối năm là 01/7."),
            "lowest_wage": _("Ghi bằng đồng, ví dụ 4680000."),
            "meal_value": _("Ghi bằng đồng một suất, ví dụ 25000."),
        }


class TransitionForm(StyledFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Lý do trả lại"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class IncidentForm(OwnedRecordForm):
    owner_order = ("enterprise",)
    owner_agency = owner_field(_("Đơn vị theo dõi"))
    enterprise = EnterpriseField(label=_("Doanh nghiệp"), help_text=ENTERPRISE_HELP)

    class Meta:
        model = Incident
        fields = [*INCIDENT_FIELDS, "handled_by"]
        widgets = {
            "started_on": DATE_WIDGET,
            "ended_on": DATE_WIDGET,
            "demands": forms.Textarea(attrs={"rows": 2}),
            "outcome_text": forms.Textarea(attrs={"rows": 2}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"workers_involved": _("Chỉ ghi số người; không ghi tên người lao động.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["handled_by"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101
        field.queryset = agency_choices(active_only=True)
        searchable(self, "handled_by")
        self.style_widgets()


class StepForm(VersionedForm):
    class Meta:
        model = IncidentStep
        fields = list(STEP_FIELDS)
        widgets = {"date": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, incident: Incident, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class SupportForm(VersionedForm):
    class Meta:
        model = IncidentSupport
        fields = list(SUPPORT_FIELDS)
        widgets = {"given_on": DATE_WIDGET}

    def __init__(self, *args: Any, incident: Incident, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["given_by"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = agency_choices(active_only=True)
        self.style_widgets()


QUESTIONS_HELP = _(
    "Mỗi dòng một câu hỏi: loại | câu hỏi | các lựa chọn cách nhau bằng dấu ;. Loại là “mot” (chọn một), "
    "“nhieu” (chọn nhiều), “thang” (thang điểm 1–5) hoặc “ngan” (trả lời ngắn). Ví dụ: "
    "mot | Anh/chị có hài lòng với bữa ăn giữa ca? | Rất hài lòng; Hài lòng; Chưa hài lòng; Rất không hài lòng"
)
KIND_WORDS = {
    "mot": QuestionKind.SINGLE,
    "nhieu": QuestionKind.MULTIPLE,
    "thang": QuestionKind.SCALE,
    "ngan": QuestionKind.TEXT,
}


class SurveyForm(OwnedRecordForm):
    owner_order = ("title",)
    owner_agency = owner_field(_("Đơn vị khảo sát"))
    enterprises = EnterpriseField(multiple=True, label=_("Doanh nghiệp khảo sát"), help_text=ENTERPRISE_HELP)
    questions = forms.CharField(label=_("Câu hỏi"), widget=forms.Textarea(attrs={"rows": 6}), help_text=QUESTIONS_HELP)

    class Meta:
        model = Survey
        fields = [*SURVEY_FIELDS, "enterprises"]
        widgets = {"opens_on": DATE_WIDGET, "closes_on": DATE_WIDGET, "intro": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["questions"]
        self.style_widgets()

    def clean_questions(self) -> list[dict[str, Any]]:
        parsed = []
        for number, line in enumerate(str(self.cleaned_data["questions"]).splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            kind = KIND_WORDS.get(parts[0].lower())
            if kind is None or len(parts) < 2 or not parts[1]:
                raise ValidationError(
                    _("Dòng %(n)s chưa đúng mẫu “loại | câu hỏi | lựa chọn; lựa chọn”.") % {"n": number},
                    code="bad_question",
                )
            options = [option.strip() for option in parts[2].split(";")] if len(parts) > 2 else []
            parsed.append({"kind": kind, "text": parts[1], "options": [o for o in options if o]})
        if not parsed:
            raise ValidationError(_("Hãy nhập ít nhất một câu hỏi."), code="required")
        return parsed

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in [*SURVEY_FIELDS, "enterprises"] if name in self.cleaned_data}
