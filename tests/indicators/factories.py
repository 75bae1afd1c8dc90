from __future__ import annotations

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from phoihop.indicators.choices import ApprovalStatus, Measure, PeriodType, RuleOperator, UnitKind
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule
from phoihop.indicators.periods import Period
from tests.directory.factories import AgencyFactory
from tests.planning.factories import PlanFactory


class IndicatorFactory(DjangoModelFactory[Indicator]):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"CT{n:03d}")
    name = factory.Sequence(lambda n: f"Chỉ tiêu thử nghiệm {n}")
    unit = "người"
    unit_kind = UnitKind.PERSONS
    measure = Measure.SUM_VALUES


class TargetFactory(DjangoModelFactory[Target]):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    plan = factory.SubFactory(PlanFactory)
    agency = factory.SubFactory(AgencyFactory)
    value = Decimal(100)


class ReportedValueFactory(DjangoModelFactory[ReportedValue]):
    """`period` is a Period (default: March of the plan's year)."""

    class Meta:
        model = ReportedValue
        exclude = ("period",)

    indicator = factory.SubFactory(IndicatorFactory)
    plan = factory.SubFactory(PlanFactory)
    agency = factory.SubFactory(AgencyFactory)
    period = factory.LazyAttribute(lambda o: Period.month(o.plan.year, 3))
    period_type = factory.LazyAttribute(lambda o: o.period.type)
    period_start = factory.LazyAttribute(lambda o: o.period.start)
    period_end = factory.LazyAttribute(lambda o: o.period.end)
    value = Decimal(10)


class PeriodApprovalFactory(DjangoModelFactory[PeriodApproval]):
    class Meta:
        model = PeriodApproval
        exclude = ("period",)

    plan = factory.SubFactory(PlanFactory)
    agency = factory.SubFactory(AgencyFactory)
    period = factory.LazyAttribute(lambda o: Period.month(o.plan.year, 3))
    period_type = factory.LazyAttribute(lambda o: o.period.type)
    period_start = factory.LazyAttribute(lambda o: o.period.start)
    period_end = factory.LazyAttribute(lambda o: o.period.end)
    status = ApprovalStatus.DRAFT


class ValidationRuleFactory(DjangoModelFactory[ValidationRule]):
    class Meta:
        model = ValidationRule

    left = factory.SubFactory(IndicatorFactory)
    operator = RuleOperator.LE
    right = factory.SubFactory(IndicatorFactory)
    message = "Số kết nạp không được vượt số được giới thiệu."


__all__ = [
    "IndicatorFactory",
    "PeriodApprovalFactory",
    "PeriodType",
    "ReportedValueFactory",
    "TargetFactory",
    "ValidationRuleFactory",
]
