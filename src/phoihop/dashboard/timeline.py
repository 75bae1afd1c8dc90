"""The enterprise page's timeline: every body's records about the enterprise, newest first, on one line each.

Each kind of record is one declaration (`Source`): the app's own scoped selector for the enterprise, which date
places the record, and its title. A source costs one query whatever the number of records (each is cut to the
timeline's length before it is read); a new kind of record is one more line in `SOURCES`. Worker cases are not on
it: they are about a person, not the enterprise's relations with the programme, and stay on the case pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, QuerySet

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise

# How many events the enterprise page shows.
TIMELINE_LENGTH = 20


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: str
    title: str
    body: str  # the owner body's short code
    body_name: str
    url: str


@dataclass(frozen=True)
class Source:
    kind: str
    records: Callable[[User, Enterprise], QuerySet[Any]]
    date: Callable[[Any], dt.date]
    title: Callable[[Any], str]
    owner: str = "owner_agency"


def _activities(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.activities.models import Activity
    from phoihop.activities.selectors import activities_visible_to

    through = Activity.enterprises.through
    took_part = Exists(through.objects.filter(activity_id=OuterRef("pk"), enterprise_id=enterprise.pk))
    return activities_visible_to(user).filter(took_part).order_by("-start_date", "-pk")


def _foundings(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.organizing.selectors import foundings_visible_to

    return foundings_visible_to(user).filter(enterprise_id=enterprise.pk).order_by("-founded_on", "-pk")


def _inspections(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.oversight.selectors import inspections_for_enterprise

    return inspections_for_enterprise(user=user, enterprise=enterprise)


def _practices(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.practices.selectors import practices_for_enterprise

    return practices_for_enterprise(user=user, enterprise=enterprise).order_by("-year_start", "-pk")


def _labour_reports(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.workforce.selectors import reports_for_enterprise

    return reports_for_enterprise(user=user, enterprise=enterprise).order_by("-period_start", "-pk")


def _incidents(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.workforce.selectors import incidents_visible_to

    return incidents_visible_to(user).filter(enterprise_id=enterprise.pk).order_by("-started_on", "-pk")


def _warnings(user: User, enterprise: Enterprise) -> QuerySet[Any]:
    from phoihop.workforce.selectors import warnings_for_enterprise

    return warnings_for_enterprise(user=user, enterprise=enterprise).order_by("-opened_at", "-pk")


def _local_day(moment: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localdate(moment)


SOURCES: tuple[Source, ...] = (
    Source("Hoạt động", _activities, date=lambda r: r.start_date, title=lambda r: r.title),
    Source(
        "Thành lập tổ chức",
        _foundings,
        date=lambda r: r.founded_on,
        title=lambda r: f"{r.get_kind_display()}: {r.name}" if r.name else r.get_kind_display(),
    ),
    Source("Kiểm tra, giám sát", _inspections, date=lambda r: r.start_date, title=lambda r: r.title),
    Source("Dân vận khéo", _practices, date=lambda r: r.year_start, title=lambda r: r.title),
    Source(
        "Báo cáo tình hình lao động",
        _labour_reports,
        date=lambda r: r.period_end,
        title=lambda r: f"Báo cáo {r.period_label}",
    ),
    Source(
        "Tranh chấp, ngừng việc",
        _incidents,
        date=lambda r: r.started_on,
        title=lambda r: f"{r.get_kind_display()} — {r.get_cause_topic_display()}",
    ),
    Source(
        "Cảnh báo",
        _warnings,
        date=lambda r: _local_day(r.opened_at),
        title=lambda r: f"{r.summary} ({r.get_status_display().lower()})",
        owner="handling_agency",
    ),
)


def enterprise_timeline(*, user: User, enterprise: Enterprise, length: int = TIMELINE_LENGTH) -> list[Event]:
    """The latest `length` events of every source the user reads, newest first: one query per source."""
    events: list[Event] = []
    for source in SOURCES:
        for record in source.records(user, enterprise).select_related(source.owner)[:length]:
            owner = getattr(record, source.owner)
            events.append(
                Event(
                    date=source.date(record),
                    kind=source.kind,
                    title=source.title(record),
                    body=owner.short_code if owner is not None else "",
                    body_name=owner.name if owner is not None else "",
                    url=record.get_absolute_url(),
                )
            )
    events.sort(key=lambda event: event.date, reverse=True)
    return events[:length]
