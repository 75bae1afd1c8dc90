from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.core.text import fold_vi
from phoihop.housing.choices import DatePrecision, MilestoneKind, ProjectKind
from phoihop.housing.models import HousingProject, Milestone
from tests.directory.factories import AgencyFactory


class ProjectFactory(DjangoModelFactory[HousingProject]):
    class Meta:
        model = HousingProject

    kind = ProjectKind.SOCIAL_HOUSING
    name = factory.Sequence(lambda n: f"Dự án nhà ở xã hội thử nghiệm {n}")
    owner_agency = factory.SubFactory(AgencyFactory)
    district = "huyện An Dương"
    investor_name = "Công ty Cổ phần Đầu tư nhà ở thử nghiệm"
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.name} {o.district} {o.investor_name}"))


class MilestoneFactory(DjangoModelFactory[Milestone]):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    kind = MilestoneKind.GROUNDBREAKING
    date = dt.date(2023, 5, 1)
    date_precision = DatePrecision.MONTH
