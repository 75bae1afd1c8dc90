"""The one place that knows how htmx talks to our views: fragment or page, and where to go after a write."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers


def htmx_partial(request: HttpRequest) -> bool:
    """True when the request is an htmx swap that wants a fragment, not a whole page. Boosted links and the
    navigation that follows a write (`hx_location`, which marks itself boosted) get whole pages."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not getattr(htmx, "boosted", False)


class VaryOnHtmxMiddleware:
    """Every page may be answered whole or, for htmx, as a fragment of itself (a list's rows): `Vary: HX-Request` on
    every HTML answer keeps the two apart in the browser's cache. Without it the fragment fetched for an address htmx
    pushed (a list filtered as one types) is what Back shows when the user returns to that address: the rows without
    menu, styles or title."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("HX-Request",))
        return response


def hx_location(url: str) -> HttpResponse:
    """After a successful POST from htmx: let htmx navigate to `url` and put the whole page in `body`.

    A plain `HX-Location: url` would fetch the page with `HX-Request: true`, and a list view would answer its
    fragment, which htmx would then swap in place of the whole page (menu, title and message gone). Marking the
    request boosted makes every view answer its full page, as for a boosted link; htmx takes the title from it and
    pushes the URL to the history. Never a 302, which htmx would follow and swap blindly."""
    response = HttpResponse(status=204)
    response["HX-Location"] = json.dumps(
        {"path": url, "target": "body", "swap": "innerHTML", "headers": {"HX-Boosted": "true"}},
        separators=(",", ":"),
    )
    return response


def hx_location_path(response: HttpResponse) -> str:
    """The path an `hx_location` response sends the browser to (for callers and tests that read it back)."""
    value = response["HX-Location"]
    return str(json.loads(value)["path"]) if value.startswith("{") else value
