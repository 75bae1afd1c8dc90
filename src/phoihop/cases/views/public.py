"""The public question page (no login): ask a question, get a tracking code, read the answer with that code.

Guards: a body-size limit checked before the body is parsed, a size limit on every field, a per-client rate limit
counted in the database, escaping by the template engine, the tracking code only ever in a POST body (never in a
URL), and one neutral answer for every code that matches nothing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from phoihop.cases import selectors, services
from phoihop.cases.choices import CURRENT_PURPOSE_VERSION, PURPOSE_TEXTS
from phoihop.cases.forms import PublicLookupForm, PublicQuestionForm
from phoihop.core.clientip import client_ip
from phoihop.core.views import apply_validation_error

NOT_FOUND_MESSAGE = _(
    "Không tìm thấy câu hỏi nào với mã tra cứu này. Hãy kiểm tra lại mã (gồm 20 ký tự, chia thành 4 nhóm)."
)


def _too_large(request: HttpRequest) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.PUBLIC_INTAKE_MAX_BYTES


def _throttled(request: HttpRequest, bucket: str, limit_setting: str) -> services.ThrottleResult:
    return services.consume(
        bucket=bucket,
        address=client_ip(request),
        limit=services.RateLimit.parse(limit_setting),
    )


def _refuse(request: HttpRequest, template: str, form: object, message: str, status: int) -> HttpResponse:
    context = {"form": form, "error": message, "purpose_text": PURPOSE_TEXTS[CURRENT_PURPOSE_VERSION]}
    return render(request, template, context, status=status)


def _too_many(minutes: int) -> str:
    return _(
        "Anh/chị đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau khoảng %(n)s phút, "
        "hoặc gọi đường dây nóng tư vấn của Công đoàn."
    ) % {"n": max(minutes, 1)}


def _too_big() -> str:
    return _("Nội dung gửi lên quá dài (tối đa khoảng %(n)s ký tự). Hãy rút gọn câu hỏi rồi gửi lại.") % {
        "n": settings.PUBLIC_INTAKE_MAX_BYTES // 4
    }


@never_cache
@sensitive_post_parameters("account", "full_name", "phone", "employer")
@require_http_methods(["GET", "POST"])
def public_ask(request: HttpRequest) -> HttpResponse:
    template = "cases/public_ask.html"
    if request.method != "POST":
        context = {"form": PublicQuestionForm(), "purpose_text": PURPOSE_TEXTS[CURRENT_PURPOSE_VERSION]}
        return render(request, template, context)
    if _too_large(request):
        return _refuse(request, template, PublicQuestionForm(), _too_big(), 413)
    throttle = _throttled(request, "ask", settings.PUBLIC_INTAKE_RATE_LIMIT)
    if not throttle.allowed:
        response = _refuse(request, template, PublicQuestionForm(), _too_many(throttle.retry_after_seconds // 60), 429)
        response["Retry-After"] = str(throttle.retry_after_seconds)
        return response
    form = PublicQuestionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            _case, code = services.submit_public_question(
                agency=data["agency"],
                topic=data["topic"],
                account=data["account"],
                full_name=data["full_name"],
                phone=data["phone"],
                employer=data["employer"],
                consent_given=bool(data["consent_given"]),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return render(request, "cases/public_thanks.html", {"code": code})
    context = {"form": form, "purpose_text": PURPOSE_TEXTS[CURRENT_PURPOSE_VERSION]}
    return render(request, template, context, status=422)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def public_lookup(request: HttpRequest) -> HttpResponse:
    """Show the answer to the question whose tracking code is posted; the same neutral 404 for every unknown code."""
    template = "cases/public_lookup.html"
    if request.method != "POST":
        return render(request, template, {"form": PublicLookupForm()})
    if _too_large(request):
        return render(request, template, {"form": PublicLookupForm(), "error": _too_big()}, status=413)
    throttle = _throttled(request, "lookup", settings.PUBLIC_LOOKUP_RATE_LIMIT)
    if not throttle.allowed:
        context = {"form": PublicLookupForm(), "error": _too_many(throttle.retry_after_seconds // 60)}
        response = render(request, template, context, status=429)
        response["Retry-After"] = str(throttle.retry_after_seconds)
        return response
    form = PublicLookupForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=422)
    answer = selectors.public_answer(code=form.cleaned_data["code"])
    if answer is None:
        return render(request, template, {"form": PublicLookupForm(), "error": NOT_FOUND_MESSAGE}, status=404)
    # A fresh, empty form: the code is not echoed back into the page.
    return render(request, template, {"form": PublicLookupForm(), "answer": answer})
