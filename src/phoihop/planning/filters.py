"""Filters of the plan pages: the document register's kind and year (its page, its Excel export and the API read them
through `list_documents(params=...)`). Plans are few: their list has no filter."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.directory.filters import year_and_dates
from phoihop.planning.choices import DocumentKind
from phoihop.planning.models import Document


class DocumentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại văn bản"), choices=DocumentKind.choices, empty_label=_("Tất cả"))
    year, date_from, date_to = year_and_dates("issued_on")

    class Meta:
        model = Document
        fields = ["kind"]
