"""Template helpers of the plan pages: citations from the document registry, status badges."""

from __future__ import annotations

from typing import Any

from django import template

from phoihop.planning.citation import citation

register = template.Library()

ITEM_BADGES = {
    "done": "text-bg-success",
    "in_progress": "text-bg-primary",
    "not_started": "text-bg-secondary",
    "not_done": "text-bg-danger",
}
APPROVAL_BADGES = {
    "draft": "text-bg-secondary",
    "submitted": "text-bg-info",
    "approved": "text-bg-success",
    "returned": "text-bg-warning",
}


@register.filter
def cite(document: Any) -> str:
    """ "Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023"."""
    return citation(document) if document else ""


@register.filter
def cite_full(document: Any) -> str:
    """With the issuing body and the title."""
    return citation(document, with_issuer=True, with_title=True) if document else ""


@register.filter
def item_badge(status: str) -> str:
    return ITEM_BADGES.get(status, "text-bg-light")


@register.filter
def approval_badge(status: str) -> str:
    return APPROVAL_BADGES.get(status, "text-bg-light")
