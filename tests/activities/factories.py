from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.activities.choices import ActivityKind, CountUnit, OutputKind, ParticipantGroup
from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
from phoihop.core.choices import Qualifier
from phoihop.core.text import fold_vi
from tests.directory.factories import AgencyFactory


class ActivityFactory(DjangoModelFactory[Activity]):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    kind = ActivityKind.COMMUNICATION_CAMPAIGN
    title = factory.Sequence(lambda n: f"Tuyên truyền pháp luật lao động đợt {n}")
    start_date = dt.date(2023, 3, 15)
    owner_agency = factory.SubFactory(AgencyFactory)
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.title} {getattr(o, 'series', '')}"))

    @factory.post_generation
    def enterprises(obj: Activity, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.enterprises.set(extracted)  # type: ignore[arg-type]


class ParticipantFactory(DjangoModelFactory[ActivityParticipant]):
    class Meta:
        model = ActivityParticipant

    activity = factory.SubFactory(ActivityFactory)
    group = ParticipantGroup.WORKERS
    count = 120
    unit = CountUnit.PERSONS
    qualifier = Qualifier.EXACT


class OutputFactory(DjangoModelFactory[ActivityOutput]):
    class Meta:
        model = ActivityOutput

    activity = factory.SubFactory(ActivityFactory)
    kind = OutputKind.BOOKLETS
    label = "Hỏi đáp về pháp luật lao động"
    quantity = 500
    unit = "cuốn"
    qualifier = Qualifier.EXACT
