from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def htmx_partial(request: HttpRequest) -> bool:
    """True when the request is an htmx swap that wants a fragment, not a whole page (boosted links get pages)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not getattr(htmx, "boosted", False)


def hx_location(url: str) -> HttpResponse:
    """After a successful POST from htmx: let htmx navigate, never a 302 (which htmx would follow and swap)."""
    response = HttpResponse(status=204)
    response["HX-Location"] = url
    return response
