"""Factories for the cases app. Personal values here are test markers, never the demo's strings."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from phoihop.cases.choices import CURRENT_PURPOSE_VERSION, CaseStatus, Channel, ConsentMethod, RequesterKind
from phoihop.cases.models import Case, CaseHandlerGrant, CasePerson, Consent, Petition, Topic
from phoihop.cases.validators import PHONE_INDEX_PURPOSE
from phoihop.core.crypto import blind_index
from tests.accounts.factories import UserFactory
from tests.directory.factories import AgencyFactory


class TopicFactory(DjangoModelFactory[Topic]):
    class Meta:
        model = Topic
        django_get_or_create = ("name", "parent")

    name = factory.Sequence(lambda n: f"Chủ đề thử nghiệm {n}")
    parent = None
    report_phrase = ""
    position = 0
    is_active = True


class CaseFactory(DjangoModelFactory[Case]):
    """A received case with its requester record and consent. Pass person=dict(...) for the personal fields."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    channel = Channel.HOTLINE
    requester_kind = RequesterKind.WORKER
    topic = factory.SubFactory(TopicFactory)
    handling_agency = factory.SubFactory(AgencyFactory)
    status = CaseStatus.RECEIVED
    received_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))

    @factory.post_generation
    def person(obj: Case, create: bool, extracted: dict[str, str] | None, **kwargs: object) -> None:
        if not create:
            return
        values = extracted or {}
        phone = values.get("phone", "")
        CasePerson.objects.create(
            case=obj,
            full_name=values.get("full_name", ""),
            phone=phone,
            employer=values.get("employer", ""),
            account=values.get("account", ""),
            phone_index=blind_index(phone, purpose=PHONE_INDEX_PURPOSE),
        )
        Consent.objects.create(
            case=obj, given_at=obj.received_at, method=ConsentMethod.PHONE, purpose_version=CURRENT_PURPOSE_VERSION
        )


class GrantFactory(DjangoModelFactory[CaseHandlerGrant]):
    class Meta:
        model = CaseHandlerGrant

    user = factory.SubFactory(UserFactory)
    agency = factory.SelfAttribute("user.agency")


class PetitionFactory(DjangoModelFactory[Petition]):
    class Meta:
        model = Petition

    title = factory.Sequence(lambda n: f"Kiến nghị thử nghiệm {n}")
    raised_by = "Công nhân lao động KCN thử nghiệm"
    conference = "Hội nghị đối thoại thử nghiệm"
    raised_on = dt.date(2023, 5, 13)
    owner_agency = factory.SubFactory(AgencyFactory)
    responsible_agency = factory.SelfAttribute("owner_agency")
