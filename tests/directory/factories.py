from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from phoihop.core.text import fold_vi
from phoihop.directory.choices import AgencyKind, Ownership, ZoneKind
from phoihop.directory.models import Agency, Enterprise, Zone


class AgencyFactory(DjangoModelFactory[Agency]):
    class Meta:
        model = Agency
        django_get_or_create = ("short_code",)

    name = factory.Sequence(lambda n: f"Cơ quan thử nghiệm {n}")
    short_code = factory.Sequence(lambda n: f"CQ{n}")
    kind = AgencyKind.STATE
    header_lines = "ỦY BAN NHÂN DÂN\nCƠ QUAN THỬ NGHIỆM"
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.name} {o.short_code}"))


class ZoneFactory(DjangoModelFactory[Zone]):
    class Meta:
        model = Zone
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"KCN Thử nghiệm {n}")
    kind = ZoneKind.INDUSTRIAL_PARK
    district = "An Dương"
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.name} {o.district}"))


class EnterpriseFactory(DjangoModelFactory[Enterprise]):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"Công ty TNHH Thử nghiệm {n}")
    tax_code = factory.Sequence(lambda n: f"{9900000000 + n:010d}")
    zone = factory.SubFactory(ZoneFactory)
    ownership = Ownership.DOMESTIC
    owner_agency = factory.SubFactory(AgencyFactory)
    search_text = factory.LazyAttribute(lambda o: fold_vi(f"{o.name} {o.tax_code}"))
