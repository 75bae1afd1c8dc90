"""The public question page: receive a worker's question without a login, and throttle each client.

The throttle keeps its counts in the database (several app servers share them) under a keyed hash of the client
address: the address itself is never stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from phoihop.cases import selectors
from phoihop.cases.choices import CURRENT_PURPOSE_VERSION, CaseEventKind, CaseStatus, Channel, ConsentMethod
from phoihop.cases.models import Case, CasePerson, Consent, IntakeThrottle, Topic
from phoihop.cases.services.cases import due_at_for
from phoihop.cases.services.common import add_event, apply_person, clean_person
from phoihop.cases.validators import generate_tracking_code
from phoihop.core.audit import diff, record_event, snapshot
from phoihop.core.crypto import keyed_hash
from phoihop.core.models import AuditAction
from phoihop.core.text import nfc

if TYPE_CHECKING:
    from phoihop.directory.models import Agency

PUBLIC_ACTOR = "Người hỏi (trang hỏi đáp)"
ACCOUNT_MIN = 10
ACCOUNT_MAX = 4000


@dataclass(frozen=True)
class RateLimit:
    count: int
    minutes: int

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """ "5/60": five requests per sixty minutes."""
        count, _sep, minutes = text.partition("/")
        return cls(count=int(count), minutes=int(minutes or "60"))


@dataclass(frozen=True)
class ThrottleResult:
    allowed: bool
    retry_after_seconds: int


def client_hash(address: str) -> str:
    return keyed_hash(address or "unknown", purpose="intake-client")


def _window_start(now: dt.datetime, minutes: int) -> dt.datetime:
    epoch = int(now.timestamp())
    length = minutes * 60
    return dt.datetime.fromtimestamp(epoch - epoch % length, tz=dt.UTC)


@transaction.atomic
def consume(*, bucket: str, address: str, limit: RateLimit, now: dt.datetime | None = None) -> ThrottleResult:
    """Count one request of this client in the current window; refuse once the window's limit is reached."""
    now = now or timezone.now()
    start = _window_start(now, limit.minutes)
    key = client_hash(address)
    row, created = IntakeThrottle.objects.get_or_create(bucket=bucket, client_hash=key, window_start=start)
    if created:
        # Old windows are of no use: drop them when a new one opens (cheap, indexed).
        IntakeThrottle.objects.filter(window_start__lt=now - dt.timedelta(days=1)).delete()
    IntakeThrottle.objects.filter(pk=row.pk).update(count=F("count") + 1)
    count = IntakeThrottle.objects.filter(pk=row.pk).values_list("count", flat=True).get()
    retry = int((start + dt.timedelta(minutes=limit.minutes) - now).total_seconds())
    return ThrottleResult(allowed=count <= limit.count, retry_after_seconds=max(retry, 1))


@sensitive_variables()
@transaction.atomic
def submit_public_question(
    *,
    agency: Agency | None,
    topic: Topic | None,
    account: str,
    full_name: str = "",
    phone: str = "",
    employer: str = "",
    consent_given: bool,
) -> tuple[Case, str]:
    """Receive a question from the public page. Returns the case and its tracking code, which is shown once and
    never stored (only its hash is)."""
    errors: dict[str, list[ValidationError]] = {}
    if agency is None or not selectors.intake_agencies().filter(pk=agency.pk).exists():
        errors["agency"] = [ValidationError(_("Hãy chọn cơ quan nhận câu hỏi."), code="required")]
    if topic is None or not topic.is_active:
        errors["topic"] = [ValidationError(_("Hãy chọn một chủ đề có trong danh sách."), code="unknown_topic")]
    text = nfc(account or "").strip()
    if len(text) < ACCOUNT_MIN:
        errors["account"] = [
            ValidationError(
                _("Hãy trình bày câu hỏi (ít nhất %(n)s ký tự).") % {"n": ACCOUNT_MIN}, code="account_required"
            )
        ]
    elif len(text) > ACCOUNT_MAX:
        errors["account"] = [
            ValidationError(_("Câu hỏi quá dài: tối đa %(n)s ký tự.") % {"n": ACCOUNT_MAX}, code="too_long")
        ]
    if not consent_given:
        errors["consent_given"] = [
            ValidationError(
                _(
                    "Câu hỏi chưa được gửi: anh/chị cần đánh dấu ô đồng ý để chúng tôi được dùng thông tin anh/chị "
                    "cung cấp để trả lời. Nếu không đánh dấu, chúng tôi không lưu bất cứ thông tin nào."
                ),
                code="consent_required",
            )
        ]
    try:
        values = clean_person({"full_name": full_name, "phone": phone, "employer": employer})
    except ValidationError as error:
        for field, field_errors in error.error_dict.items():
            errors.setdefault(field, []).extend(field_errors)
        values = {}
    if errors:
        raise ValidationError(errors)
    assert agency is not None  # noqa: S101  (checked above)
    assert topic is not None  # noqa: S101
    values["account"] = text
    code = generate_tracking_code()
    now = timezone.now()
    case = Case(
        channel=Channel.ONLINE,
        requester_kind="worker",
        topic=topic,
        handling_agency=agency,
        status=CaseStatus.RECEIVED,
        received_at=now,
        due_at=due_at_for(Channel.ONLINE, now),
        tracking_hash=selectors.tracking_hash(code),
    )
    case.full_clean()
    case.save(force_insert=True)
    person = CasePerson(case=case)
    person_changes = apply_person(person, values)
    person.save(force_insert=True)
    consent = Consent.objects.create(
        case=case, given_at=now, method=ConsentMethod.ONLINE_FORM, purpose_version=CURRENT_PURPOSE_VERSION
    )
    add_event(
        case=case, kind=CaseEventKind.RECEIVED, actor=None, to_status=CaseStatus.RECEIVED, actor_label=PUBLIC_ACTOR
    )
    changes = {
        **diff({}, snapshot(case)),
        **person_changes,
        "sự đồng ý": ["", f"{consent.get_method_display()}, nội dung mục đích phiên bản {consent.purpose_version}"],
    }
    record_event(
        actor=None, action=AuditAction.CREATE, obj=case, changes=changes, note=_("Gửi qua trang hỏi đáp trực tuyến.")
    )
    return case, code
