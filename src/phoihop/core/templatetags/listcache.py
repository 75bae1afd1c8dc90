"""`{% cached_list %}…{% end_cached_list %}` around base.html's content block: a record list page's content comes
from the shared cache when render_list put an entry in the context (core/cache.py); any other page renders as is."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context

from phoihop.core.cache import CSRF_MARKER

register = template.Library()


class CachedListNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: Context) -> str:
        entry = context.get("list_cache")
        if entry is None:
            return self.nodelist.render(context)
        if entry.text is not None:
            return str(entry.text)
        with context.push(csrf_token=CSRF_MARKER):
            text = self.nodelist.render(context)
        if CSRF_MARKER in text:  # a form with a token: rendered again with the real one, never stored
            entry.store(text)  # refuses and logs
            return self.nodelist.render(context)
        entry.store(text)
        return text


@register.tag("cached_list")
def cached_list(parser: Parser, token: Token) -> Any:
    nodelist = parser.parse(("end_cached_list",))
    parser.delete_first_token()
    return CachedListNode(nodelist)
