from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.core.text import fold_vi
from phoihop.oversight.choices import FollowUpStatus, InspectionKind
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic
from tests.directory.factories import AgencyFactory, EnterpriseFactory


def topic(code: str) -> InspectionTopic:
    """A topic of the managed list, as seeded by the migration."""
    return InspectionTopic.objects.get(code=code)


class InspectionFactory(DjangoModelFactory[Inspection]):
    """An inspection with one enterprise and the minimum-wage topic unless told otherwise."""

    class Meta:
        model = Inspection
        skip_postgeneration_save = True

    kind = InspectionKind.SUPERVISION
    title = factory.Sequence(lambda n: f"Giám sát thực hiện chính sách tại doanh nghiệp đợt {n}")
    owner_agency = factory.SubFactory(AgencyFactory)
    start_date = dt.date(2023, 6, 5)
    end_date = dt.date(2023, 6, 30)
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.title} Giám sát"))

    @factory.post_generation
    def enterprises(obj: Inspection, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.enterprises.set(extracted if extracted is not None else [EnterpriseFactory()])  # type: ignore[arg-type]

    @factory.post_generation
    def topics(obj: Inspection, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.topics.set(extracted if extracted is not None else [topic("regional_minimum_wage")])  # type: ignore[arg-type]


class FindingFactory(DjangoModelFactory[Finding]):
    class Meta:
        model = Finding

    inspection = factory.SubFactory(InspectionFactory)
    enterprise = factory.LazyAttribute(lambda o: o.inspection.enterprises.first())
    topic = factory.LazyAttribute(lambda o: o.inspection.topics.first())
    compliant = True
    text = "Doanh nghiệp trả lương không thấp hơn mức lương tối thiểu vùng."


class FollowUpFactory(DjangoModelFactory[FollowUpAction]):
    class Meta:
        model = FollowUpAction

    inspection = factory.SubFactory(InspectionFactory)
    description = "Doanh nghiệp bổ sung nội quy lao động và gửi cơ quan quản lý."
    responsible = "Công đoàn cơ sở"
    due_date = dt.date(2023, 9, 30)
    status = FollowUpStatus.OPEN
