"""Forms parse and validate; services decide and write. Personal fields are plain form fields (never model fields
of Case), filled only for a handler of the handling body."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.cases import permissions, selectors
from phoihop.cases.choices import (
    CURRENT_PURPOSE_VERSION,
    PURPOSE_TEXTS,
    TRANSITIONS,
    CaseStatus,
    Channel,
    ConsentMethod,
    DataRequestKind,
    PetitionStatus,
    RequesterKind,
)
from phoihop.cases.models import Case, ChannelPolicy, Holiday, Petition, Topic
from phoihop.cases.services.common import PERSON_LIMITS
from phoihop.cases.services.petitions import PETITION_FIELDS
from phoihop.core.forms import StyledFormMixin, VersionedForm, searchable
from phoihop.directory.forms import EnterpriseField
from phoihop.directory.selectors import agency_choices, zone_choices
from phoihop.planning.selectors import document_choices

if TYPE_CHECKING:
    from phoihop.directory.models import Agency


def enterprise_field() -> EnterpriseField:
    return EnterpriseField(
        label=_("Doanh nghiệp liên quan"),
        required=False,
        help_text=_("Gõ tên (không cần dấu) hoặc mã số thuế rồi chọn doanh nghiệp trong danh mục."),
    )


UNKNOWN_TOPIC = _("Chủ đề này không có trong danh mục chủ đề; hãy chọn trong danh sách.")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TopicChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": UNKNOWN_TOPIC}

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.path)


def topic_field(required: bool = True, label: Any = None) -> TopicChoiceField:
    return TopicChoiceField(
        label=label or _("Chủ đề"),
        queryset=selectors.active_topics(),
        required=required,
        empty_label=_("— Chọn chủ đề —"),
    )


def order_topic_choices(field: TopicChoiceField) -> None:
    """Tree order with full paths: "Tiền lương, phụ cấp › Tiền lương làm thêm giờ"."""
    options = selectors.topic_options()
    field.choices = [("", field.empty_label or "")] + [(topic.pk, topic.path) for topic in options]


def set_queryset(field: forms.Field, queryset: Any) -> None:
    cast(forms.ModelChoiceField, field).queryset = queryset


def person_fields() -> dict[str, forms.Field]:
    return {
        "full_name": forms.CharField(
            label=_("Họ và tên người hỏi"), required=False, max_length=PERSON_LIMITS["full_name"]
        ),
        "phone": forms.CharField(
            label=_("Số điện thoại"),
            required=False,
            max_length=PERSON_LIMITS["phone"] + 10,
            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        ),
        "employer": forms.CharField(label=_("Nơi làm việc"), required=False, max_length=PERSON_LIMITS["employer"]),
        "account": forms.CharField(
            label=_("Nội dung người hỏi trình bày"),
            required=False,
            max_length=PERSON_LIMITS["account"],
            widget=forms.Textarea(attrs={"rows": 5}),
        ),
    }


PERSON_FIELD_NAMES = ("full_name", "phone", "employer", "account")
FACT_FIELDS = ["channel", "requester_kind", "topic", "handling_agency", "enterprise", "zone", "handler", "received_at"]


class CaseForm(VersionedForm):
    """Receive (create) or edit a case. On create it carries the consent; on edit the handling body is fixed."""

    topic = topic_field()
    enterprise = enterprise_field()
    received_at = forms.DateTimeField(
        label=_("Tiếp nhận lúc"), widget=DATETIME_WIDGET, input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
    )
    consent_given = forms.BooleanField(
        label=_("Người hỏi đã đồng ý rõ ràng với nội dung mục đích xử lý dữ liệu cá nhân"), required=False
    )
    consent_method = forms.ChoiceField(
        label=_("Hình thức đồng ý"), choices=[("", "—"), *ConsentMethod.choices], required=False
    )

    class Meta:
        model = Case
        fields = [*FACT_FIELDS, "answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, user: Any, person: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in person_fields().items():
            self.fields[name] = field
            if person is not None:
                value = getattr(person, name)
                self.initial[name] = value
        order_topic_choices(self.fields["topic"])  # type: ignore[arg-type]
        handled = permissions.handler_agency_ids(user)
        set_queryset(self.fields["handling_agency"], selectors.handling_agency_choices(handled))
        set_queryset(self.fields["zone"], zone_choices())
        searchable(self, "zone")
        agency_ids = [self.instance.handling_agency_id] if self.instance.pk else list(handled)
        set_queryset(self.fields["handler"], selectors.handler_choices(agency_ids))
        self.fields["answer"].help_text = _("Không ghi họ tên, số điện thoại người hỏi vào đây.")
        if self.instance.pk:
            del self.fields["handling_agency"]
            del self.fields["consent_given"]
            del self.fields["consent_method"]
        else:
            self.fields["consent_given"].help_text = PURPOSE_TEXTS[CURRENT_PURPOSE_VERSION]
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0, microsecond=0))
            if len(handled) == 1:
                self.initial.setdefault("handling_agency", next(iter(handled)))
        self.style_widgets()

    def fact_data(self) -> dict[str, Any]:
        names = [name for name in [*FACT_FIELDS, "answer"] if name in self.fields]
        return {name: self.cleaned_data.get(name) for name in names}

    def person_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) or "" for name in PERSON_FIELD_NAMES}


class TransitionForm(StyledFormMixin, forms.Form):
    to_status = forms.ChoiceField(label=_("Chuyển sang"), choices=CaseStatus.choices)
    answer = forms.CharField(
        label=_("Nội dung trả lời, tư vấn"), required=False, max_length=8000, widget=forms.Textarea(attrs={"rows": 4})
    )
    referred_to = forms.CharField(label=_("Chuyển đến cơ quan"), required=False, max_length=255)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(case.status, ())
        labels = dict(CaseStatus.choices)
        cast(forms.ChoiceField, self.fields["to_status"]).choices = [(value, labels[value]) for value in allowed]
        self.fields["version"].initial = case.version
        self.fields["answer"].initial = case.answer
        self.fields["note"].help_text = _("Không ghi dữ liệu cá nhân của người hỏi vào ghi chú.")
        self.style_widgets()


class AssignForm(StyledFormMixin, forms.Form):
    # The choices of these fields depend on the case or the user: set in __init__.
    handler: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Cán bộ xử lý"), queryset=None, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self.fields["handler"], selectors.handlers_of(case.handling_agency_id))
        self.fields["handler"].initial = case.handler_id
        self.fields["version"].initial = case.version
        self.style_widgets()


class PhoneSearchForm(StyledFormMixin, forms.Form):
    phone = forms.CharField(
        label=_("Số điện thoại người hỏi"), max_length=30, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class DataRequestForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại yêu cầu"), choices=DataRequestKind.choices)
    details = forms.CharField(
        label=_("Nội dung yêu cầu"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class DataRequestHandleForm(StyledFormMixin, forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Quyết định"),
        choices=[("1", _("Thực hiện yêu cầu")), ("0", _("Từ chối (ghi lý do)"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    outcome = forms.CharField(
        label=_("Kết quả xử lý / lý do"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, request_obj: Any, person: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = request_obj.version
        if request_obj.kind == DataRequestKind.CORRECTION:
            for name, field in person_fields().items():
                self.fields[name] = field
                if person is not None:
                    self.initial[name] = getattr(person, name)
        self.style_widgets()

    def corrections(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) or "" for name in PERSON_FIELD_NAMES if name in self.fields}


class TopicForm(VersionedForm):
    class Meta:
        model = Topic
        fields = ["name", "parent", "report_phrase", "position", "is_active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self.fields["parent"], selectors.topic_parent_choices(topic=self.instance))
        self.fields["parent"].label_from_instance = lambda obj: obj.path  # type: ignore[attr-defined]


class ChannelPolicyForm(VersionedForm):
    class Meta:
        model = ChannelPolicy
        fields = ["response_hours"]


class HolidayForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "name"]
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class GrantForm(StyledFormMixin, forms.Form):
    # Their choices depend on the actor: set in __init__.
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Cán bộ"), queryset=None)
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(label=_("Xử lý vụ việc của đơn vị"), queryset=None)

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self.fields["user"], selectors.grantable_users(user=actor))
        self.fields["user"].label_from_instance = lambda obj: (  # type: ignore[attr-defined]
            f"{obj} ({obj.username}, {obj.agency.short_code if obj.agency else ''})"
        )
        set_queryset(self.fields["agency"], selectors.grantable_agencies(user=actor))
        self.style_widgets()


class PetitionForm(VersionedForm):
    topic = topic_field(required=False)
    enterprise = enterprise_field()
    owner_agency = forms.ModelChoiceField(
        label=_("Đơn vị theo dõi"), queryset=agency_choices(active_only=True), required=False
    )

    class Meta:
        model = Petition
        fields = list(PETITION_FIELDS)
        widgets = {
            "raised_on": DATE_WIDGET,
            "content": forms.Textarea(attrs={"rows": 3}),
            "answer": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        order_topic_choices(self.fields["topic"])  # type: ignore[arg-type]
        set_queryset(self.fields["responsible_agency"], agency_choices(active_only=True))
        set_queryset(self.fields["conclusion_document"], document_choices())
        set_queryset(self.fields["zone"], zone_choices())
        searchable(self, "zone", "conclusion_document")
        if not (user.is_admin and not self.instance.pk):
            del self.fields["owner_agency"]
        self.style_widgets()


class FollowUpForm(StyledFormMixin, forms.Form):
    occurred_on = forms.DateField(label=_("Ngày"), widget=DATE_WIDGET)
    status = forms.ChoiceField(label=_("Trạng thái sau bước này"), choices=PetitionStatus.choices)
    note = forms.CharField(label=_("Nội dung theo dõi"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, petition: Petition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = petition.version
        self.fields["status"].initial = petition.status
        self.fields["occurred_on"].initial = timezone.localdate()
        self.style_widgets()


class AggregateForm(StyledFormMixin, forms.Form):
    start = forms.DateField(label=_("Từ ngày"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("Đến ngày"), widget=DATE_WIDGET)
    requester_kind = forms.ChoiceField(
        label=_("Người hỏi là"), choices=[("", _("Tất cả")), *RequesterKind.choices], required=False
    )
    agency = forms.ModelChoiceField(
        label=_("Đơn vị xử lý (gồm đơn vị trực thuộc)"),
        queryset=agency_choices(),
        required=False,
        empty_label=_("Tất cả"),
    )
    channel = forms.ChoiceField(label=_("Kênh"), choices=[("", _("Tất cả")), *Channel.choices], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["start"].initial = dt.date(year, 1, 1)
        self.fields["end"].initial = dt.date(year, 12, 31)
        self.style_widgets()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Ngày cuối phải sau ngày đầu."))
        return data


class PublicQuestionForm(StyledFormMixin, forms.Form):
    """The public page. Every field has a size limit; contact fields are optional; consent is an explicit tick."""

    # Its choices are read when the form is built: set in __init__.
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label=_("Gửi câu hỏi tới"), queryset=None, empty_label=_("— Chọn cơ quan —")
    )
    topic = topic_field(label=_("Câu hỏi về"))
    account = forms.CharField(
        label=_("Câu hỏi, nội dung cần tư vấn"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
    )
    full_name = forms.CharField(label=_("Họ và tên (không bắt buộc)"), required=False, max_length=150)
    phone = forms.CharField(
        label=_("Số điện thoại để cán bộ gọi lại (không bắt buộc)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    employer = forms.CharField(label=_("Nơi làm việc (không bắt buộc)"), required=False, max_length=255)
    consent_given = forms.BooleanField(label=_("Tôi đồng ý với nội dung trên"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = selectors.intake_agencies()
        set_queryset(self.fields["agency"], agencies)
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk
        order_topic_choices(self.fields["topic"])  # type: ignore[arg-type]
        self.fields["topic"].error_messages["invalid_choice"] = UNKNOWN_TOPIC
        self.style_widgets()


class PublicLookupForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "XXXXX-XXXXX-XXXXX-XXXXX"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()
