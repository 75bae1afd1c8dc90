from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from phoihop.core.text import fold_vi
from phoihop.directory.choices import AgencyKind
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding
from tests.directory.factories import AgencyFactory, EnterpriseFactory


class FoundingFactory(DjangoModelFactory[Founding]):
    class Meta:
        model = Founding

    kind = FoundingKind.GRASSROOTS_UNION
    enterprise = factory.SubFactory(EnterpriseFactory)
    owner_agency = factory.SubFactory(AgencyFactory, kind=AgencyKind.UNION)
    founded_on = dt.date(2023, 6, 1)
    members_at_founding = 45
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.enterprise.name} {o.enterprise.tax_code}"))
