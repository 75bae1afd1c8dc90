from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.planning.choices import DocumentKind, ItemStatus, PlanStatus
from phoihop.planning.citation import reference_key
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme
from tests.directory.factories import AgencyFactory


class DocumentFactory(DjangoModelFactory[Document]):
    class Meta:
        model = Document

    kind = DocumentKind.PLAN
    number = factory.Sequence(lambda n: f"{n + 1:02d}")
    symbol = "KH/BDVTU-BQLKKT-LĐLĐTP"
    issued_on = dt.date(2023, 1, 4)
    title = "phối hợp thực hiện nhiệm vụ xây dựng giai cấp công nhân"
    reference_key = factory.LazyAttribute(lambda o: reference_key(o.number, o.symbol))


class ProgrammeFactory(DjangoModelFactory[Programme]):
    class Meta:
        model = Programme

    title = "Chương trình phối hợp giai đoạn 2021 - 2025"
    start_year = 2021
    end_year = 2025


class PlanFactory(DjangoModelFactory[Plan]):
    class Meta:
        model = Plan
        django_get_or_create = ("year",)

    programme = factory.SubFactory(ProgrammeFactory)
    year = 2023
    title = factory.LazyAttribute(lambda o: f"Kế hoạch phối hợp năm {o.year}")
    period_start = factory.LazyAttribute(lambda o: dt.date(o.year, 1, 1))
    period_end = factory.LazyAttribute(lambda o: dt.date(o.year, 12, 31))
    status = PlanStatus.ACTIVE


class AreaFactory(DjangoModelFactory[Area]):
    class Meta:
        model = Area

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Lĩnh vực phối hợp {n + 1}")


class PlanItemFactory(DjangoModelFactory[PlanItem]):
    class Meta:
        model = PlanItem
        skip_postgeneration_save = True

    area = factory.SubFactory(AreaFactory)
    plan = factory.LazyAttribute(lambda o: o.area.plan)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Nội dung phối hợp thử nghiệm {n + 1}")
    lead_agency = factory.SubFactory(AgencyFactory)
    status = ItemStatus.IN_PROGRESS

    @factory.post_generation
    def partners(obj: PlanItem, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.partners.set(extracted)  # type: ignore[arg-type]
