from __future__ import annotations

from typing import Any

import django_filters
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.directory.choices import Ownership
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.scope import own_scope


class OwnerScope(models.TextChoices):
    ALL = "all", _("Tất cả các đơn vị")
    MINE = "mine", _("Đơn vị của tôi")


class OwnerScopeFilter(django_filters.ChoiceFilter):
    """The "Đơn vị" choice of every programme list: all bodies (the default) or the user's own body. The filter set
    must keep the user as `self.user`. A user who belongs to no body (the administrator) has no "mine": the choice
    then changes nothing rather than emptying the list."""

    def __init__(self, *, field_name: str = "owner_agency_id", **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Đơn vị"))
        super().__init__(field_name=field_name, choices=OwnerScope.choices, empty_label=None, **kwargs)

    def filter(self, qs: Any, value: Any) -> Any:
        if value != OwnerScope.MINE:
            return qs
        user = getattr(self.parent, "user", None)
        scope = own_scope(user) if user is not None else frozenset()
        if not scope:
            return qs
        return qs.filter(**{f"{self.field_name}__in": scope})


class OwnerAgencyFilter(django_filters.ModelChoiceFilter):
    """A body of the programme, and with it every unit under it (a body's records include its units')."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Agency.objects.order_by("name"))
        kwargs.setdefault("empty_label", _("Tất cả"))
        super().__init__(**kwargs)

    def filter(self, qs: Any, value: Any) -> Any:
        if value is None:
            return qs
        from phoihop.directory.selectors import agency_scope_ids

        return qs.filter(**{f"{self.field_name}__in": agency_scope_ids(value)})


class ZoneFilter(django_filters.ModelChoiceFilter):
    """A zone; an economic zone also covers the parks inside it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Khu"))
        kwargs.setdefault("queryset", Zone.objects.order_by("name"))
        kwargs.setdefault("empty_label", _("Tất cả các khu"))
        super().__init__(**kwargs)

    def filter(self, qs: Any, value: Any) -> Any:
        if value is None:
            return qs
        return qs.filter(Q(**{self.field_name: value}) | Q(**{f"{self.field_name}__parent": value}))


def year_and_dates(
    field_name: str,
) -> tuple[django_filters.NumberFilter, django_filters.DateFilter, django_filters.DateFilter]:
    """A list's "Năm", "Từ ngày" and "Đến ngày" filters over one date field, declared in a filter set as
    `year, date_from, date_to = year_and_dates("start_date")`."""
    return (
        django_filters.NumberFilter(label=_("Năm"), field_name=field_name, lookup_expr="year"),
        django_filters.DateFilter(label=_("Từ ngày"), field_name=field_name, lookup_expr="gte"),
        django_filters.DateFilter(label=_("Đến ngày"), field_name=field_name, lookup_expr="lte"),
    )


class OwnedRecordFilter(django_filters.FilterSet):
    """The filters of a programme list: the "Đơn vị" scope choice, and the user the set is built for (`user=`)."""

    scope = OwnerScopeFilter()

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user


class EnterpriseFilter(django_filters.FilterSet):
    zone = django_filters.ModelChoiceFilter(
        label=_("Khu"),
        queryset=Zone.objects.order_by("name"),
        method="filter_zone",
        empty_label=_("Tất cả các khu"),
    )
    ownership = django_filters.ChoiceFilter(label=_("Loại hình"), choices=Ownership.choices, empty_label=_("Tất cả"))
    fdi = django_filters.BooleanFilter(label=_("Chỉ doanh nghiệp FDI"), method="filter_fdi")
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị quản lý"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )

    class Meta:
        model = Enterprise
        fields = ["zone", "ownership", "owner_agency"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_zone(self, queryset: Any, name: str, value: Zone | None) -> Any:
        # An economic zone also covers the parks inside it.
        if value is None:
            return queryset
        return queryset.filter(Q(zone=value) | Q(zone__parent=value))

    def filter_fdi(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        if value:
            return queryset.filter(ownership__in=Ownership.fdi())
        return queryset.exclude(ownership__in=Ownership.fdi())
