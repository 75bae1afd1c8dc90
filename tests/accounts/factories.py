from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from tests.directory.factories import AgencyFactory

TEST_PASSWORD = "Mat-khau-thu-nghiem-2023"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Nguyễn Văn"
    last_name = factory.Sequence(lambda n: f"Thử {n}")
    role = Role.OFFICER
    agency = factory.SubFactory(AgencyFactory)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save()


class AdminFactory(UserFactory):
    role = Role.ADMIN
    agency = None
    is_staff = True
    is_superuser = True
