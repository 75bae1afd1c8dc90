"""The site's error pages: Vietnamese, in the site's layout, and the same whether DEBUG is on or off."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.generic import RedirectView

CSP_HEADER = "Content-Security-Policy"


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """`handler404`: the site's page; the API keeps answering in JSON, in its own error shape."""
    if is_api(request):
        return JsonResponse({"message": _("Không tìm thấy."), "code": "not_found", "fields": {}}, status=404)
    return defaults.page_not_found(request, exception or Http404())


class FriendlyNotFoundMiddleware:
    """Under DEBUG Django answers a missing page with its English technical page; the demo runs with DEBUG on, so
    people would meet it. Show the site's page (JSON for the API) instead, unless PHOIHOP_TECHNICAL_404 asks for
    Django's.

    Error pages also carry the site's Content-Security-Policy: django-csp leaves 404 and 500 answers without it
    under DEBUG (for Django's technical pages), and the demo runs with DEBUG on. Only Django's technical 500 page
    (DEBUG, for developers, with inline scripts) is left without it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and not getattr(settings, "PHOIHOP_TECHNICAL_404", False)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            response = not_found(request)
        if response.status_code >= 400:
            with_error_page_csp(request, response)
        return response


def with_error_page_csp(request: HttpRequest, response: HttpResponseBase) -> None:
    if CSP_HEADER in response or (settings.DEBUG and response.status_code >= 500):
        return
    from csp.utils import build_policy

    policy = build_policy(nonce=getattr(request, "_csp_nonce", None))
    if policy:
        response[CSP_HEADER] = policy


def favicon_redirect(request: HttpRequest) -> HttpResponseBase:
    """Browsers ask for /favicon.ico whatever the page links; send them to the site's icon."""
    return RedirectView.as_view(url=static("favicon.svg"), permanent=False)(request)
