"""List filters. None of them takes personal data: a search by phone number goes by POST
(selectors.find_cases_by_phone)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.cases.choices import CaseStatus, Channel, PetitionStatus, RequesterKind
from phoihop.cases.models import Case, Petition, Topic
from phoihop.directory.models import Agency


def topic_and_descendant_ids(topic: Topic) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Topic.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found = [topic.pk]
    frontier = [topic.pk]
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in found:
                found.append(child)
                frontier.append(child)
    return found


def local_day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# How close to its deadline an open case counts as "đến hạn" on the home page's card and the list's filter.
DUE_SOON = dt.timedelta(hours=24)


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=CaseStatus.choices, empty_label=_("Tất cả"))
    channel = django_filters.ChoiceFilter(label=_("Kênh"), choices=Channel.choices, empty_label=_("Tất cả"))
    requester_kind = django_filters.ChoiceFilter(
        label=_("Người hỏi là"), choices=RequesterKind.choices, empty_label=_("Tất cả")
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Chủ đề"), queryset=Topic.objects.select_related("parent"), method="filter_topic"
    )
    handling_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị xử lý"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )
    overdue = django_filters.BooleanFilter(label=_("Chỉ vụ việc quá hạn"), method="filter_overdue")
    due_soon = django_filters.BooleanFilter(
        label=_("Quá hạn hoặc đến hạn trong 24 giờ"),
        method="filter_due_soon",
    )
    received_from = django_filters.DateFilter(label=_("Tiếp nhận từ ngày"), method="filter_from")
    received_to = django_filters.DateFilter(label=_("đến ngày"), method="filter_to")

    class Meta:
        model = Case
        fields = ["status", "channel", "requester_kind", "topic", "handling_agency"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.filters["topic"].field.empty_label = str(_("Tất cả"))

    def filter_topic(self, queryset: Any, name: str, value: Topic | None) -> Any:
        # A topic also covers the topics under it.
        if value is None:
            return queryset
        return queryset.filter(topic_id__in=topic_and_descendant_ids(value))

    def filter_overdue(self, queryset: Any, name: str, value: bool | None) -> Any:
        if not value:
            return queryset
        return queryset.filter(status__in=CaseStatus.open_statuses(), due_at__lt=timezone.now())

    def filter_due_soon(self, queryset: Any, name: str, value: bool | None) -> Any:
        if not value:
            return queryset
        return queryset.filter(status__in=CaseStatus.open_statuses(), due_at__lt=timezone.now() + DUE_SOON)

    def filter_from(self, queryset: Any, name: str, value: dt.date | None) -> Any:
        return queryset if value is None else queryset.filter(received_at__gte=local_day_start(value))

    def filter_to(self, queryset: Any, name: str, value: dt.date | None) -> Any:
        if value is None:
            return queryset
        return queryset.filter(received_at__lt=local_day_start(value + dt.timedelta(days=1)))


class PetitionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=PetitionStatus.choices, empty_label=_("Tất cả"))
    responsible_agency = django_filters.ModelChoiceFilter(
        label=_("Cơ quan chịu trách nhiệm"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )
    year = django_filters.NumberFilter(label=_("Năm"), field_name="raised_on", lookup_expr="year")
    unresolved = django_filters.BooleanFilter(label=_("Chỉ kiến nghị chưa giải quyết xong"), method="filter_open")

    class Meta:
        model = Petition
        fields = ["status", "responsible_agency"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_open(self, queryset: Any, name: str, value: bool | None) -> Any:
        if not value:
            return queryset
        return queryset.filter(status__in=PetitionStatus.open_statuses())
