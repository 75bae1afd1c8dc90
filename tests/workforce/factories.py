from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.workforce.choices import CauseTopic, IncidentKind, ReportStatus, ReportType
from phoihop.workforce.models import Incident, LabourReport, WageDecree, WageRegionAssignment
from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory


class LabourReportFactory(DjangoModelFactory[LabourReport]):
    class Meta:
        model = LabourReport

    enterprise = factory.SubFactory(EnterpriseFactory)
    owner_agency = factory.SubFactory(AgencyFactory)
    report_type = ReportType.MONTHLY
    period_start = dt.date(2023, 3, 1)
    period_end = dt.date(2023, 3, 31)
    status = ReportStatus.DRAFT
    headcount = 500
    women = 300
    lowest_wage = 5_000_000
    meal_value = 22_000
    last_workers_conference = dt.date(2023, 1, 10)
    has_collective_agreement = True


class IncidentFactory(DjangoModelFactory[Incident]):
    class Meta:
        model = Incident

    owner_agency = factory.SubFactory(AgencyFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
    kind = IncidentKind.STOPPAGE
    started_on = dt.date(2023, 5, 4)
    workers_involved = 120
    cause_topic = CauseTopic.MEALS


def region_one(zone: object | None = None) -> WageRegionAssignment:
    """The zone (a new one if none is given) in wage region I from 01/7/2022 under NĐ 38/2022."""
    decree = WageDecree.objects.get(number="38/2022/NĐ-CP")
    return WageRegionAssignment.objects.create(
        zone=zone or ZoneFactory(), region="1", effective_from=dt.date(2022, 7, 1), decree=decree
    )
