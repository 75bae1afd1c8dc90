"""The client's address, the one place every per-client control asks: the sign-in lockout (django-axes, through
AXES_CLIENT_IP_CALLABLE), the rate limits of the public question page, and the administration site's network
allow-list.

`PHOIHOP_TRUSTED_PROXY_COUNT` says how many reverse proxies stand in front of the application:

- 0 (the default): the peer of the connection (`REMOTE_ADDR`) is the client. `X-Forwarded-For` is ignored, so a
  client cannot pick its own address by sending the header.
- N > 0: each trusted proxy appends the address it received the request from to `X-Forwarded-For` (nginx:
  `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`), and the nearest proxy is the connection's peer.
  The client is the N-th address counted from the right of `X-Forwarded-For`; whatever a client wrote to the left
  of it is ignored. A request that passed fewer proxies than configured yields the leftmost address the proxies
  vouched for; one without the header, the peer.

python-ipware parses the header (IPv4, IPv6, ports, RFC 7239 forms; tokens that are no address are skipped)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest, HttpResponse
from python_ipware.modern.parsers import split_proxy_chain

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


def trusted_proxy_count() -> int:
    return max(int(getattr(settings, "PHOIHOP_TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_ip(request: HttpRequest) -> str:
    """The client's address as text ("" when the request carries none, e.g. a RequestFactory without REMOTE_ADDR)."""
    peer = (request.META.get("REMOTE_ADDR") or "").strip()
    count = trusted_proxy_count()
    if count == 0:
        return peer
    # Each trusted proxy appended the address it received the request from; the nearest one is the peer itself
    # (over TCP, or a Unix socket with no address at all). So the client is the count-th entry from the right.
    forwarded = split_proxy_chain(str(request.META.get(FORWARDED_HEADER) or "")) or []
    if not forwarded:
        return peer
    # Fewer entries than trusted proxies: the leftmost is the farthest address a trusted proxy vouched for.
    return str(forwarded[-min(count, len(forwarded))])


def check_proxy_setup(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """`check --deploy`: behind a TLS proxy with no trusted proxy counted, every client would be the proxy."""
    messages: list[checks.CheckMessage] = []
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and trusted_proxy_count() == 0:
        messages.append(
            checks.Warning(
                "Behind a TLS proxy (BEHIND_TLS_PROXY) with PHOIHOP_TRUSTED_PROXY_COUNT=0: every client has the "
                "proxy's address, so the sign-in lockout and the public page's rate limits count all users as one.",
                hint="Set PHOIHOP_TRUSTED_PROXY_COUNT to the number of proxies in front of the app "
                "(docs/deployment.md).",
                id="phoihop.W101",
            )
        )
    try:
        _networks()
    except ImproperlyConfigured as error:
        messages.append(checks.Error(str(error), id="phoihop.E101"))
    return messages


def axes_client_ip(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: axes keys its lockout on this address (with the username)."""
    return client_ip(request) or None


def _networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(cidr, strict=False) for cidr in getattr(settings, "PHOIHOP_ADMIN_NETWORKS", [])]
    except ValueError as error:
        raise ImproperlyConfigured(f"PHOIHOP_ADMIN_NETWORKS: {error}") from None


def admin_allowed_from(address: str) -> bool:
    """Whether the administration site answers a client at `address`: always when no allow-list is set."""
    networks = _networks()
    if not networks:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in network for network in networks if network.version == ip.version)


class AdminNetworkMiddleware:
    """Requests for the administration site (PHOIHOP_ADMIN_URL) from outside PHOIHOP_ADMIN_NETWORKS get a plain
    404, as if the site were not there; its login page included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefix = "/" + str(getattr(settings, "PHOIHOP_ADMIN_URL", "quan-tri/")).strip("/") + "/"
        _networks()  # a mistyped network stops the start, not a request

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(self.prefix) and not admin_allowed_from(client_ip(request)):
            raise Http404
        return self.get_response(request)
