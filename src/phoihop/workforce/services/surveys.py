"""Writes to worker surveys: a body designs the questionnaire and opens it for enterprises and dates; workers answer
anonymously. An answer sheet stores the enterprise chosen, the day and the choices: no name, no address, no device
identifier (the one-answer-per-device limit is a cookie kept by the worker's browser, not a record here), and no
audit event, whose time and client would tie the answers to a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import clean_input, create_record, delete_record, update_record
from phoihop.core.text import clean_text
from phoihop.directory.scope import resolve_owner
from phoihop.workforce.choices import QuestionKind
from phoihop.workforce.models import Answer, Question, Survey, SurveyResponse
from phoihop.workforce.permissions import can_create_survey, can_delete_survey, can_edit_survey

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency, Enterprise

SURVEY_FIELDS = ("title", "intro", "opens_on", "closes_on")
SURVEY_M2M = ("enterprises",)
QUESTION_FIELDS = ("position", "text", "kind", "options", "scale_max", "required")
TEXT_ANSWER_MAX = 500


def _check_survey(merged: Mapping[str, Any]) -> None:
    opens, closes = merged.get("opens_on"), merged.get("closes_on")
    if opens is not None and closes is not None and closes < opens:
        raise field_error("closes_on", _("Ngày đóng khảo sát không được trước ngày mở."), "closes_before_opening")


def _check_question(cleaned: dict[str, Any]) -> None:
    kind = cleaned.get("kind")
    options = [clean_text(str(option)) for option in (cleaned.get("options") or []) if str(option).strip()]
    cleaned["options"] = options
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(options) < 2:
        raise field_error("options", _("Câu hỏi lựa chọn cần ít nhất hai phương án."), "too_few_options")
    scale = cleaned.get("scale_max") or 5
    if kind == QuestionKind.SCALE and not 2 <= scale <= 10:
        raise field_error("scale_max", _("Thang điểm từ 2 đến 10."), "bad_scale")


@transaction.atomic
def create_survey(
    *,
    actor: User,
    data: Mapping[str, Any],
    questions: Sequence[Mapping[str, Any]] = (),
    owner_agency: Agency | None = None,
) -> Survey:
    if not can_create_survey(actor):
        raise PermissionDenied
    cleaned = clean_input(data, SURVEY_FIELDS + SURVEY_M2M, one_line={"title"}, blank_if_none={"intro"})
    m2m = {name: list(cleaned.pop(name)) for name in SURVEY_M2M if name in cleaned}
    if not m2m.get("enterprises"):
        raise field_error("enterprises", _("Hãy chọn ít nhất một doanh nghiệp khảo sát."), "required")
    _check_survey(cleaned)
    owner = resolve_owner(
        actor,
        owner_agency,
        required=_("Hãy chọn đơn vị khảo sát."),
        foreign=_("Anh/chị chỉ có thể tạo khảo sát cho đơn vị của mình hoặc đơn vị trực thuộc."),
    )
    survey = create_record(actor=actor, instance=Survey(**cleaned, owner_agency=owner), m2m=m2m)
    for position, question in enumerate(questions, start=1):
        add_question(actor=actor, survey=survey, data={"position": position, **question})
    return survey


@transaction.atomic
def update_survey(*, actor: User, survey: Survey, data: Mapping[str, Any], expected_version: int) -> Survey:
    if not can_edit_survey(actor, survey):
        raise PermissionDenied
    cleaned = clean_input(data, SURVEY_FIELDS + SURVEY_M2M, one_line={"title"}, blank_if_none={"intro"})
    m2m = {name: list(cleaned.pop(name)) for name in SURVEY_M2M if name in cleaned}
    _check_survey({name: getattr(survey, name) for name in SURVEY_FIELDS} | cleaned)
    return update_record(actor=actor, instance=survey, data=cleaned, expected_version=expected_version, m2m=m2m)


@transaction.atomic
def delete_survey(*, actor: User, survey: Survey, expected_version: int) -> None:
    if not can_delete_survey(actor, survey):
        raise PermissionDenied
    if survey.responses.exists():
        raise ValidationError(_("Khảo sát đã có phiếu trả lời nên không xóa được."), code="has_responses")
    delete_record(actor=actor, instance=survey, expected_version=expected_version)


@transaction.atomic
def add_question(*, actor: User, survey: Survey, data: Mapping[str, Any]) -> Question:
    if not can_edit_survey(actor, survey):
        raise PermissionDenied
    if survey.responses.exists():
        raise ValidationError(_("Khảo sát đã có phiếu trả lời: không thêm câu hỏi được nữa."), code="has_responses")
    cleaned = clean_input(data, QUESTION_FIELDS, one_line={"text"})
    _check_question(cleaned)
    return create_record(actor=actor, instance=Question(survey=survey, **cleaned))


def _choice(question: Question, raw: Any) -> int:
    try:
        index = int(raw)
    except (TypeError, ValueError):
        index = -1
    if not 0 <= index < len(question.labels()):
        raise field_error(f"q{question.pk}", _("Lựa chọn không hợp lệ."), "invalid_choice")
    return index


@transaction.atomic
def submit_response(
    *, survey: Survey, enterprise: Enterprise | None, answers: Mapping[int, Any], today: dt.date | None = None
) -> SurveyResponse:
    """Record one anonymous answer sheet. `answers` maps a question id to an option index, a list of indexes
    (multiple choice) or a short text."""
    today = today or timezone.localdate()
    if not survey.is_open_on(today):
        raise ValidationError(_("Khảo sát này hiện không nhận trả lời."), code="survey_closed")
    if enterprise is None or not survey.enterprises.filter(pk=enterprise.pk).exists():
        raise field_error("enterprise", _("Hãy chọn doanh nghiệp anh/chị đang làm việc."), "enterprise_required")
    rows: list[Answer] = []
    response = SurveyResponse(survey=survey, enterprise=enterprise, answered_on=today)
    for question in survey.questions.all():
        raw = answers.get(question.pk)
        empty = raw is None or raw == "" or raw == []
        if empty:
            if question.required:
                raise field_error(f"q{question.pk}", _("Hãy trả lời câu hỏi này."), "required")
            continue
        if question.kind == QuestionKind.TEXT:
            text = clean_text(str(raw))[:TEXT_ANSWER_MAX]
            rows.append(Answer(response=response, question=question, text=text))
        elif question.kind == QuestionKind.MULTIPLE:
            values = raw if isinstance(raw, list | tuple) else [raw]
            for index in sorted({_choice(question, value) for value in values}):
                rows.append(Answer(response=response, question=question, choice=index))
        else:
            rows.append(Answer(response=response, question=question, choice=_choice(question, raw)))
    response.save()
    Answer.objects.bulk_create(rows)
    from phoihop.workforce.services.warnings import evaluate_warnings

    evaluate_warnings(enterprise_ids=[enterprise.pk])
    return response
