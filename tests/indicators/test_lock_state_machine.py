"""Random sequences of enter / change / delete / enter-another-period / submit / approve / return, through the
services, against one body's data: an approved figure never changes, and a write is refused exactly when its
period overlaps an approved or submitted period (of any length) of the body — no more, no less.

Each example runs inside its own savepoint, rolled back when it ends, so every example starts from the same clean
plan (pytest-django's `db` fixture holds the outer transaction). Runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from phoihop.indicators import services
from phoihop.indicators.choices import ApprovalStatus, Measure, PeriodType
from phoihop.indicators.models import PeriodApproval, ReportedValue
from phoihop.indicators.periods import Period
from tests.indicators.factories import IndicatorFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

# The first half of 2023 in every length: six months, two quarters, the year.
PERIODS = [Period.month(2023, m) for m in range(1, 7)] + [Period.quarter(2023, 1), Period.quarter(2023, 2)]
PERIODS.append(Period.year(2023))
HOLDING = (ApprovalStatus.APPROVED, ApprovalStatus.SUBMITTED)


def test_an_approved_figure_never_changes(plan, bodies: Bodies, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    agency = bodies.cdkkt
    indicators = {
        "month": IndicatorFactory(code="SM-THANG", frequency=PeriodType.MONTH),
        "quarter": IndicatorFactory(
            code="SM-QUY", unit_kind="vnd", measure=Measure.RANGE_OF_VALUES, frequency=PeriodType.QUARTER
        ),
        "year": IndicatorFactory(code="SM-NAM", frequency=PeriodType.YEAR),
    }

    def stored() -> dict[tuple[str, str], Decimal]:
        return {
            (v.indicator.code, v.period.key): v.value
            for v in ReportedValue.objects.filter(plan=plan, agency=agency).select_related("indicator")
        }

    def holders(period: Period) -> list[str]:
        """What the database says holds the period: the statuses of overlapping approved or submitted periods."""
        return list(
            PeriodApproval.objects.filter(
                plan=plan,
                agency=agency,
                status__in=HOLDING,
                period_start__lte=period.end,
                period_end__gte=period.start,
            ).values_list("status", flat=True)
        )

    def expected_code(period: Period) -> str | None:
        statuses = holders(period)
        if ApprovalStatus.APPROVED in statuses:
            return "period_locked"
        if statuses:
            return "period_submitted"
        return None

    class LockMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.savepoint = transaction.atomic()
            self.savepoint.__enter__()
            # What each approved period covered when it was approved: (indicator, period) -> value.
            self.frozen: dict[str, dict[tuple[str, str], Decimal]] = {}

        def teardown(self) -> None:
            transaction.set_rollback(True)
            self.savepoint.__exit__(None, None, None)

        def covered(self, period: Period) -> dict[tuple[str, str], Decimal]:
            return {key: value for key, value in stored().items() if Period.parse(key[1]).overlaps(period)}

        def write(self, period: Period, action) -> None:  # type: ignore[no-untyped-def]
            """Run a write and check that it is refused exactly when the period is held."""
            code = expected_code(period)
            before = stored()
            codes: set[str | None] = set()
            messages: list[str] = []
            try:
                action()
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    codes = {e.code for errors in error.error_dict.values() for e in errors}
                else:
                    codes = {e.code for e in error.error_list}
                messages = error.messages
            if not codes:
                assert code is None, f"{period.key} was written while held ({code})"
                return
            if code is not None:
                event(f"write refused: {code}")
                assert code in codes, (period.key, code, messages)
            else:
                # Refused for another reason (another frequency, a duplicate), never for a lock.
                assert not codes & {"period_locked", "period_submitted"}, (period.key, messages)
            assert stored() == before

        def enter_figure(self, kind: str, period: Period, amount: int) -> None:
            indicator = indicators[kind]
            existing = ReportedValue.objects.filter(
                indicator=indicator, agency=agency, period_type=period.type, period_start=period.start
            ).first()
            if existing is None:
                self.write(
                    period,
                    lambda: services.record_value(
                        actor=ld_officer, plan=plan, indicator=indicator, agency=agency, period=period, value=amount
                    ),
                )
            else:
                self.write(
                    period,
                    lambda: services.update_value(
                        actor=ld_officer,
                        reported_value=existing,
                        data={"value": amount},
                        expected_version=existing.version,
                    ),
                )

        def pick(self, index: int, statuses: tuple[str, ...] = ()) -> Period:
            """A period that makes the step meaningful most of the time: one with values, or one in the given
            statuses; any period when there is none."""
            if statuses:
                approvals = PeriodApproval.objects.filter(plan=plan, agency=agency, status__in=statuses)
                found = sorted({Period.of(a.period_type, a.period_start) for a in approvals})
            else:
                found = sorted({Period.parse(key) for _code, key in stored()})
            return found[index % len(found)] if found else PERIODS[index % len(PERIODS)]

        @rule(kind=st.sampled_from(sorted(indicators)), index=st.integers(0, 11), amount=st.integers(0, 999))
        def enter(self, kind: str, index: int, amount: int) -> None:
            """Enter or change a figure of a period of the indicator's own frequency."""
            own = [period for period in PERIODS if period.type == kind]
            self.enter_figure(kind, own[index % len(own)], amount)

        @rule(kind=st.sampled_from(sorted(indicators)), period=st.sampled_from(PERIODS), amount=st.integers(0, 999))
        def enter_other_period(self, kind: str, period: Period, amount: int) -> None:
            """Enter a figure for any period: often another length than the indicator's (refused), or one inside
            or around a held period."""
            self.enter_figure(kind, period, amount)

        @rule(index=st.integers(0, 20))
        def delete(self, index: int) -> None:
            values = list(ReportedValue.objects.filter(plan=plan, agency=agency).order_by("pk"))
            if not values:
                return
            value = values[index % len(values)]
            self.write(
                value.period,
                lambda: services.delete_value(actor=ld_officer, reported_value=value, expected_version=value.version),
            )

        @rule(index=st.integers(0, 11))
        def submit(self, index: int) -> None:
            with contextlib.suppress(ValidationError):
                services.submit_period(actor=ld_officer, plan=plan, agency=agency, period=self.pick(index))
                event("period submitted")

        @rule(index=st.integers(0, 11))
        def approve(self, index: int) -> None:
            period = self.pick(index, (ApprovalStatus.SUBMITTED,))
            try:
                services.approve_period(actor=ld_leader, plan=plan, agency=agency, period=period)
            except ValidationError:
                return
            event("period approved")
            self.frozen[period.key] = self.covered(period)

        @rule(index=st.integers(0, 11))
        def give_back(self, index: int) -> None:
            period = self.pick(index, HOLDING)
            try:
                services.return_period(actor=ld_leader, plan=plan, agency=agency, period=period, reason="Sửa lại")
            except ValidationError:
                return
            self.frozen.pop(period.key, None)

        @invariant()
        def approved_figures_never_change(self) -> None:
            approved = PeriodApproval.objects.filter(plan=plan, agency=agency, status=ApprovalStatus.APPROVED)
            keys = {Period.of(a.period_type, a.period_start).key for a in approved}
            assert keys == set(self.frozen)
            for key, figures in self.frozen.items():
                assert self.covered(Period.parse(key)) == figures, key

    run_state_machine_as_test(LockMachine, settings=settings(max_examples=40, stateful_step_count=20, deadline=None))
