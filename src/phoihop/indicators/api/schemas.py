"""Request and response schemas of the indicators API."""

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from phoihop.core.api import patch_schema
from phoihop.directory.filters import OwnerScope
from phoihop.indicators.choices import (
    ApprovalStatus,
    Counting,
    Measure,
    PeriodType,
    RoundingRule,
    RuleOperator,
    UnitKind,
)
from phoihop.indicators.models import Indicator, ReportedValue


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    unit: str
    unit_kind: UnitKind
    owner_agency_id: int | None
    measure: Measure
    frequency: PeriodType | Literal[""]
    record_kind: str
    record_filter: dict[str, Any]
    sum_field: str
    counting: Counting | Literal[""] = Field(description="What a record-based indicator counts; empty otherwise.")
    counting_text: str = Field(description="The same in words: “số doanh nghiệp khác nhau được kiểm tra, giám sát”.")
    component_ids: list[int]
    rounding: RoundingRule
    description: str
    is_active: bool
    version: int

    @staticmethod
    def resolve_component_ids(obj: Indicator) -> list[int]:
        return [component.pk for component in obj.components.all()]


class IndicatorIn(Schema):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=40)
    name: str = Field(max_length=500)
    unit: str = Field(max_length=50)
    unit_kind: UnitKind
    owner_agency_id: int | None = None
    measure: Measure
    frequency: PeriodType | Literal[""] = ""
    record_kind: str = Field("", max_length=60)
    record_filter: dict[str, Any] = {}
    sum_field: str = Field("", max_length=60)
    counting: Counting | Literal[""] = Field(
        "",
        description="rows, distinct_enterprises, distinct_persons (where the record kind supports them) or sum; "
        "empty: rows for count_records, sum for sum_records. `sum` goes with measure sum_records, the others with "
        "count_records.",
    )
    component_ids: list[int] = []
    rounding: RoundingRule = RoundingRule.HALF_UP
    description: str = ""
    is_active: bool = True


@patch_schema(IndicatorIn)
class IndicatorPatch(Schema): ...


class TargetOut(Schema):
    id: int
    plan_id: int
    indicator_id: int
    agency_id: int | None
    value: Decimal | None
    position: int
    note: str
    version: int


class TargetIn(Schema):
    model_config = ConfigDict(extra="forbid")

    plan_id: int
    indicator_id: int
    agency_id: int | None = None
    value: Decimal | None = None
    position: int = Field(0, ge=0, le=32000)
    note: str = ""


@patch_schema(TargetIn, drop=("plan_id", "indicator_id"))
class TargetPatch(Schema): ...


class ValueOut(Schema):
    id: int
    plan_id: int
    indicator_id: int
    indicator_code: str
    agency_id: int
    period: str
    period_label: str
    period_type: PeriodType
    period_start: dt.date
    period_end: dt.date
    value: Decimal
    note: str
    source: str
    entered_by: str
    version: int

    @staticmethod
    def resolve_indicator_code(obj: ReportedValue) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_period(obj: ReportedValue) -> str:
        return obj.period.key

    @staticmethod
    def resolve_period_label(obj: ReportedValue) -> str:
        return obj.period.label

    @staticmethod
    def resolve_entered_by(obj: ReportedValue) -> str:
        return str(obj.entered_by) if obj.entered_by else ""


class ValueIn(Schema):
    model_config = ConfigDict(extra="forbid")

    plan_id: int
    indicator_id: int
    agency_id: int
    period: str = Field(description="Tháng 2023-03, quý 2023-Q1 hoặc năm 2023")
    value: Decimal
    note: str = ""
    source: str = Field("", max_length=255)


@patch_schema(ValueIn, drop=("plan_id", "indicator_id", "agency_id", "period"))
class ValuePatch(Schema): ...


class ImportRowIn(Schema):
    model_config = ConfigDict(extra="forbid")

    indicator: str
    agency: str
    period: str
    value: str | Decimal
    note: str = ""
    source: str = ""


class ImportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    plan_id: int
    rows: list[ImportRowIn]


class ImportOut(Schema):
    created: int
    updated: int
    unchanged: int


class ApprovalOut(Schema):
    plan_id: int
    agency_id: int
    agency: str
    period: str
    period_label: str
    value_count: int
    status: ApprovalStatus
    status_label: str
    reason: str
    version: int | None


class ApprovalIn(Schema):
    model_config = ConfigDict(extra="forbid")

    plan_id: int
    agency_id: int
    period: str
    reason: str = ""
    version: int | None = None


class RuleOut(Schema):
    id: int
    left_id: int
    operator: RuleOperator
    right_id: int
    message: str
    is_active: bool
    version: int


class RuleIn(Schema):
    model_config = ConfigDict(extra="forbid")

    left_id: int
    operator: RuleOperator
    right_id: int
    message: str = Field(max_length=500)
    is_active: bool = True


@patch_schema(RuleIn)
class RulePatch(Schema): ...


class ProvenanceOut(Schema):
    source: str
    source_label: str
    object_id: int
    indicator_code: str
    agency_id: int | None
    agency_name: str
    label: str
    date: dt.date | None
    value: Decimal
    url: str
    note: str
    status: str


class LineOut(Schema):
    target_id: int | None
    indicator_id: int
    code: str
    name: str
    unit: str
    unit_kind: UnitKind
    measure: Measure
    agency_id: int | None
    agency_name: str
    actual: Decimal | None
    low: Decimal | None
    high: Decimal | None
    target: Decimal | None
    ratio: Decimal | None
    rounding: str
    projection: Decimal | None
    behind: bool
    source_count: int
    actual_text: str
    target_text: str
    fraction_text: str
    ratio_text: str
    projection_text: str
    provenance: list[ProvenanceOut]


class ViolationOut(Schema):
    rule_id: int
    agency_id: int
    agency_name: str
    left_code: str
    left_value: Decimal
    operator: str
    right_code: str
    right_value: Decimal
    message: str
    text: str


class ProgressOut(Schema):
    plan_id: int
    as_of: dt.date
    elapsed_share: Decimal | None
    lines: list[LineOut]
    violations: list[ViolationOut]


class ValueFilters(Schema):
    plan: int | None = None
    indicator: int | None = None
    agency: int | None = None
    period_type: PeriodType | None = None
    scope: OwnerScope | None = None
