"""The public survey page /khao-sat/<token>/: no login, no personal data asked, one answer per device per survey as
a soft limit (a cookie the worker's browser keeps), and the rate limit of the public question page (/hoi-dap/):
the same database counter, under its own bucket."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from phoihop.cases.services import RateLimit, consume
from phoihop.workforce import selectors, services
from phoihop.workforce.choices import QuestionKind
from phoihop.workforce.models import Survey

COOKIE_DAYS = 120
# Workers of one factory often answer from one address (the factory's Wi-Fi, a phone carrier's gateway): the limit
# per address is wider than the question page's, and a deployment can set PUBLIC_SURVEY_RATE_LIMIT ("60/60").
DEFAULT_RATE_LIMIT = "60/60"


def cookie_name(survey: Survey) -> str:
    return f"khao_sat_{survey.pk}"


def _answers(request: HttpRequest, survey: Survey) -> dict[int, Any]:
    answers: dict[int, Any] = {}
    for question in survey.questions.all():
        key = f"q{question.pk}"
        if question.kind == QuestionKind.MULTIPLE:
            answers[question.pk] = request.POST.getlist(key)
        else:
            answers[question.pk] = request.POST.get(key, "")
    return answers


def _too_large(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > settings.PUBLIC_INTAKE_MAX_BYTES
    except ValueError:
        return True


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    survey = selectors.public_survey(token=token)
    template = "workforce/public_survey.html"
    context: dict[str, Any] = {
        "survey": survey,
        "questions": list(survey.questions.all()),
        "enterprises": list(selectors.survey_enterprise_choices(survey)),
        "is_open": survey.is_open_on(selectors.today()),
        "errors": {},
    }
    if request.COOKIES.get(cookie_name(survey)):
        return render(request, "workforce/public_survey_thanks.html", {"survey": survey, "already": True})
    if request.method != "POST":
        return render(request, template, context)
    if _too_large(request):
        context["error"] = _("Nội dung gửi lên quá dài.")
        return render(request, template, context, status=413)
    throttle = consume(
        bucket="survey",
        address=get_client_ip_address(request) or "",
        limit=RateLimit.parse(getattr(settings, "PUBLIC_SURVEY_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
    )
    if not throttle.allowed:
        context["error"] = _(
            "Anh/chị đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau khoảng %(n)s phút."
        ) % {"n": max(throttle.retry_after_seconds // 60, 1)}
        response = render(request, template, context, status=429)
        response["Retry-After"] = str(throttle.retry_after_seconds)
        return response
    enterprise = next((e for e in context["enterprises"] if str(e.pk) == request.POST.get("enterprise", "")), None)
    try:
        services.submit_response(survey=survey, enterprise=enterprise, answers=_answers(request, survey))
    except ValidationError as error:
        context["errors"] = (
            {key: " ".join(messages) for key, messages in error.message_dict.items()}
            if hasattr(error, "error_dict")
            else {}
        )
        context["error"] = " ".join(error.messages)
        context["posted"] = request.POST
        return render(request, template, context, status=422)
    response = render(request, "workforce/public_survey_thanks.html", {"survey": survey, "already": False})
    response.set_cookie(
        cookie_name(survey),
        "1",
        max_age=COOKIE_DAYS * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
