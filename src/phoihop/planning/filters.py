"""Filters of the plan pages. Plans and documents are few; their list filters are plain query parameters read by
the selectors (`list_documents(params=...)`), so no FilterSet is needed beyond this one for the API and forms."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.planning.choices import DocumentKind
from phoihop.planning.models import Document


class DocumentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại văn bản"), choices=DocumentKind.choices, empty_label=_("Tất cả"))

    class Meta:
        model = Document
        fields = ["kind"]
