from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.core.text import fold_vi
from phoihop.practices.choices import AwardLevel, PracticeField, PracticeStatus
from phoihop.practices.models import Award, GoodPractice
from tests.directory.factories import AgencyFactory


class PracticeFactory(DjangoModelFactory[GoodPractice]):
    class Meta:
        model = GoodPractice

    title = factory.Sequence(lambda n: f"Mô hình hỗ trợ doanh nghiệp số {n}")
    owner_agency = factory.SubFactory(AgencyFactory)
    year = 2023
    year_start = factory.LazyAttribute(lambda o: dt.date(o.year, 1, 1))
    field = PracticeField.ADMINISTRATIVE_SUPPORT
    status = PracticeStatus.IMPLEMENTING
    search_text = factory.LazyAttribute(lambda o: fold_vi(o.title))


class AwardFactory(DjangoModelFactory[Award]):
    class Meta:
        model = Award

    practice = factory.SubFactory(PracticeFactory)
    level = AwardLevel.CERTIFICATE_OF_MERIT
    awarding_agency = factory.SubFactory(AgencyFactory, short_code="UBNDTP", name="Ủy ban nhân dân thành phố Hải Phòng")
    awarding_body_name = ""
    decision_date = dt.date(2023, 12, 20)
