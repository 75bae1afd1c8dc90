"""Early warnings: the rules (`WarningRule`, data) evaluated over approved labour reports and incidents. A rule that
holds at an enterprise opens a warning with its evidence; a warning whose condition stops holding closes itself; the
warning's events keep the story. Run after every write that can change a condition (the report and incident
services call `evaluate_warnings` for the enterprise) and over everything by `phoihop evaluate_warnings`.

Every condition reads the enterprise's own records, dated by their period or incident date, never today's date: an
evaluation run years later reaches the same answer from the same records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.audit import record_event
from phoihop.core.models import AuditAction
from phoihop.core.services import update_record
from phoihop.core.text import lower_first, nfc
from phoihop.core.vnformat import format_date, format_money, format_number
from phoihop.workforce.choices import ReportStatus, RuleCode, WarningAction, WarningStatus
from phoihop.workforce.models import (
    Incident,
    LabourReport,
    Survey,
    Warning,
    WarningEvent,
    WarningEvidence,
    WarningRule,
)
from phoihop.workforce.permissions import can_take_up_warning, can_work_warning
from phoihop.workforce.wages import MinimumWageTable

if TYPE_CHECKING:
    from phoihop.accounts.models import User

LIVE = (WarningStatus.OPEN, WarningStatus.ACKNOWLEDGED)


@dataclass
class Finding:
    summary: str
    evidence: list[tuple[LabourReport | None, Incident | None, str]] = field(default_factory=list)
    surveys: list[tuple[Survey, str]] = field(default_factory=list)

    def keys(self) -> set[tuple[int | None, int | None, int | None, str]]:
        rows = {(r.pk if r else None, i.pk if i else None, None, text) for r, i, text in self.evidence}
        return rows | {(None, None, survey.pk, text) for survey, text in self.surveys}


@dataclass
class Facts:
    """What the rules read, loaded once per evaluation."""

    reports: dict[int, list[LabourReport]]  # approved, newest period first
    incidents: dict[int, list[Incident]]  # newest first
    wages: MinimumWageTable
    enterprise_ids: list[int] | None


@dataclass(frozen=True)
class EvaluationResult:
    opened: int
    closed: int
    changed: int


def _param(rule: WarningRule, name: str, default: Any) -> Decimal:
    value = (rule.params or {}).get(name, default)
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return Decimal(str(default))


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 - months, 12)
    year += day.year
    month += 1
    last = (dt.date(year + (month // 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _wage_below_minimum(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    found: dict[int, Finding] = {}
    for enterprise_id, reports in facts.reports.items():
        report = reports[0]
        if report.lowest_wage is None:
            continue
        zone = report.enterprise.zone
        zones = [zone.pk, zone.parent_id] if zone is not None else []
        minimum = facts.wages.in_force(zones, report.period_start)
        if minimum is None or report.lowest_wage >= minimum.amount:
            continue
        text = _(
            "Báo cáo %(period)s: lương thấp nhất %(wage)s/tháng, thấp hơn mức tối thiểu %(region)s %(minimum)s/tháng "
            "(Nghị định số %(decree)s)."
        ) % {
            "period": report.period_label,
            "wage": format_money(report.lowest_wage),
            "region": lower_first(minimum.region_label),
            "minimum": format_money(minimum.amount),
            "decree": minimum.decree_number,
        }
        found[enterprise_id] = Finding(text, [(report, None, text)])
    return found


def _si_arrears(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    months = _param(rule, "months", 3)
    found: dict[int, Finding] = {}
    for enterprise_id, reports in facts.reports.items():
        report = reports[0]
        if report.si_arrears_months >= months:
            amount = f", {format_money(report.si_arrears_amount)}" if report.si_arrears_amount else ""
            text = _("Báo cáo %(period)s: nợ bảo hiểm xã hội %(n)s tháng%(amount)s.") % {
                "period": report.period_label,
                "n": report.si_arrears_months,
                "amount": amount,
            }
            found[enterprise_id] = Finding(text, [(report, None, text)])
    return found


def _overtime_cap(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    month_cap, year_cap = _param(rule, "month_hours", 40), _param(rule, "year_hours", 300)
    found: dict[int, Finding] = {}
    for enterprise_id, reports in facts.reports.items():
        report = reports[0]
        parts = []
        if report.overtime_max_hours is not None and report.overtime_max_hours > month_cap:
            parts.append(
                _("có người làm thêm %(h)s giờ trong một tháng (giới hạn %(cap)s giờ)")
                % {"h": format_number(report.overtime_max_hours), "cap": format_number(month_cap)}
            )
        if report.overtime_year_max_hours is not None and report.overtime_year_max_hours > year_cap:
            parts.append(
                _("có người làm thêm %(h)s giờ từ đầu năm (giới hạn %(cap)s giờ/năm)")
                % {"h": format_number(report.overtime_year_max_hours), "cap": format_number(year_cap)}
            )
        if parts:
            text = _("Báo cáo %(period)s: %(what)s.") % {"period": report.period_label, "what": "; ".join(parts)}
            found[enterprise_id] = Finding(text, [(report, None, text)])
    return found


def _agreement(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    threshold = _param(rule, "headcount", 100)
    found: dict[int, Finding] = {}
    for enterprise_id, reports in facts.reports.items():
        report = reports[0]
        if report.headcount < threshold:
            continue
        if not report.has_collective_agreement:
            what = _("chưa có thỏa ước lao động tập thể")
        elif report.agreement_expires_on is not None and report.agreement_expires_on < report.period_end:
            what = _("thỏa ước lao động tập thể đã hết hạn ngày %(d)s") % {
                "d": format_date(report.agreement_expires_on)
            }
        else:
            continue
        text = _("Báo cáo %(period)s: %(n)s lao động, %(what)s.") % {
            "period": report.period_label,
            "n": format_number(report.headcount),
            "what": what,
        }
        found[enterprise_id] = Finding(text, [(report, None, text)])
    return found


def _no_conference(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    months = int(_param(rule, "months", 12))
    found: dict[int, Finding] = {}
    for enterprise_id, reports in facts.reports.items():
        report = reports[0]
        held = report.last_workers_conference
        if held is not None and held > _months_before(report.period_end, months):
            continue
        when = _("lần gần nhất ngày %(d)s") % {"d": format_date(held)} if held else _("chưa ghi nhận lần nào")
        text = _("Báo cáo %(period)s: không có hội nghị người lao động trong %(m)s tháng (%(when)s).") % {
            "period": report.period_label,
            "m": months,
            "when": when,
        }
        found[enterprise_id] = Finding(text, [(report, None, text)])
    return found


def _headcount_drop(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    percent = _param(rule, "percent", 20)
    found: dict[int, Finding] = {}
    for enterprise_id, reports in facts.reports.items():
        latest = reports[0]
        previous = next((r for r in reports[1:] if r.report_type == latest.report_type), None)
        if previous is None or not previous.headcount:
            continue
        drop = Decimal(previous.headcount - latest.headcount) * 100 / Decimal(previous.headcount)
        if drop > percent:
            text = _("Số lao động giảm từ %(a)s (%(pa)s) xuống %(b)s (%(pb)s), giảm %(p)s%%.") % {
                "a": format_number(previous.headcount),
                "pa": previous.period_label,
                "b": format_number(latest.headcount),
                "pb": latest.period_label,
                "p": format_number(drop.quantize(Decimal("0.1"))),
            }
            found[enterprise_id] = Finding(text, [(previous, None, text), (latest, None, text)])
    return found


def _repeated_incidents(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    count, months = int(_param(rule, "count", 2)), int(_param(rule, "months", 6))
    found: dict[int, Finding] = {}
    for enterprise_id, incidents in facts.incidents.items():
        recent = incidents[:count]
        if len(recent) < count or recent[-1].started_on <= _months_before(recent[0].started_on, months):
            continue
        text = _("%(n)s vụ việc trong vòng %(m)s tháng (từ %(a)s đến %(b)s).") % {
            "n": count,
            "m": months,
            "a": format_date(recent[-1].started_on),
            "b": format_date(recent[0].started_on),
        }
        found[enterprise_id] = Finding(
            text,
            [
                (None, incident, f"{incident.get_kind_display()} ngày {format_date(incident.started_on)}")
                for incident in recent
            ],
        )
    return found


def _survey_dissatisfied(rule: WarningRule, facts: Facts) -> dict[int, Finding]:
    """Per enterprise and choice question with an option named like `option` ("rất không hài lòng"): the share of
    that enterprise's answers choosing it, over at least `min_answers` answers (never fewer than 5, the survey's own
    anonymity floor)."""
    from django.db.models import Count

    from phoihop.core.text import fold_vi
    from phoihop.workforce.choices import QuestionKind
    from phoihop.workforce.models import Answer, Question

    percent = _param(rule, "percent", 30)
    minimum = max(int(_param(rule, "min_answers", 5)), 5)
    wanted = fold_vi(str((rule.params or {}).get("option", "rất không hài lòng")))
    questions = {
        q.pk: (q, index)
        for q in Question.objects.filter(kind__in=[QuestionKind.SINGLE, QuestionKind.MULTIPLE]).select_related("survey")
        for index, label in enumerate(q.labels())
        if fold_vi(label) == wanted
    }
    if not questions:
        return {}
    answers = Answer.objects.filter(question_id__in=list(questions))
    if facts.enterprise_ids is not None:
        answers = answers.filter(response__enterprise_id__in=facts.enterprise_ids)
    answered = {
        (row["question_id"], row["response__enterprise_id"]): row["n"]
        for row in answers.values("question_id", "response__enterprise_id").annotate(n=Count("response", distinct=True))
    }
    found: dict[int, Finding] = {}
    for row in answers.values("question_id", "response__enterprise_id", "choice").annotate(n=Count("pk")):
        question, index = questions[row["question_id"]]
        total = answered.get((row["question_id"], row["response__enterprise_id"]), 0)
        if row["choice"] != index or total < minimum:
            continue
        share = Decimal(row["n"]) * 100 / Decimal(total)
        if share <= percent:
            continue
        text = _("Khảo sát “%(survey)s”, câu “%(q)s”: %(n)s/%(total)s người trả lời (%(p)s%%) chọn “%(option)s”.") % {
            "survey": question.survey.title,
            "q": question.text,
            "n": format_number(row["n"]),
            "total": format_number(total),
            "p": format_number(share.quantize(Decimal("0.1"))),
            "option": question.labels()[index],
        }
        finding = found.setdefault(row["response__enterprise_id"], Finding(text))
        finding.surveys.append((question.survey, text))
    return found


EVALUATORS: dict[str, Callable[[WarningRule, Facts], dict[int, Finding]]] = {
    RuleCode.WAGE_BELOW_MINIMUM: _wage_below_minimum,
    RuleCode.SI_ARREARS: _si_arrears,
    RuleCode.OVERTIME_CAP: _overtime_cap,
    RuleCode.AGREEMENT: _agreement,
    RuleCode.NO_CONFERENCE: _no_conference,
    RuleCode.HEADCOUNT_DROP: _headcount_drop,
    RuleCode.REPEATED_INCIDENTS: _repeated_incidents,
    RuleCode.SURVEY_DISSATISFIED: _survey_dissatisfied,
}


def _facts(enterprise_ids: list[int] | None) -> Facts:
    reports = LabourReport.objects.filter(status=ReportStatus.APPROVED).select_related("enterprise", "enterprise__zone")
    incidents = Incident.objects.select_related("enterprise")
    if enterprise_ids is not None:
        reports = reports.filter(enterprise_id__in=enterprise_ids)
        incidents = incidents.filter(enterprise_id__in=enterprise_ids)
    by_report: dict[int, list[LabourReport]] = {}
    for report in reports.order_by("enterprise_id", "-period_end", "-pk"):
        by_report.setdefault(report.enterprise_id, []).append(report)
    by_incident: dict[int, list[Incident]] = {}
    for incident in incidents.order_by("enterprise_id", "-started_on", "-pk"):
        by_incident.setdefault(incident.enterprise_id, []).append(incident)
    return Facts(reports=by_report, incidents=by_incident, wages=MinimumWageTable(), enterprise_ids=enterprise_ids)


def _event(
    warning: Warning, action: str, text: str, actor: User | None = None, at: dt.datetime | None = None
) -> WarningEvent:
    """A warning's own story line (saved by the caller in bulk when `at` is given, else saved here)."""
    event = WarningEvent(
        warning=warning,
        at=at or timezone.now(),
        action=action,
        actor_name=(actor.get_full_name() or actor.get_username()) if actor else "hệ thống",
        agency_id=getattr(actor, "agency_id", None),
        text=text,
    )
    if at is None:
        event.save()
    return event


def _evidence_rows(warning: Warning, finding: Finding) -> list[WarningEvidence]:
    rows = [
        WarningEvidence(warning=warning, labour_report=report, incident=incident, text=text[:500])
        for report, incident, text in finding.evidence
    ]
    return rows + [WarningEvidence(warning=warning, survey=survey, text=text[:500]) for survey, text in finding.surveys]


@dataclass
class _Changes:
    """What one rule's evaluation writes, in a fixed number of statements whatever the number of enterprises."""

    opened: list[Warning] = field(default_factory=list)
    findings: dict[int, Finding] = field(default_factory=dict)  # by enterprise, for the opened ones
    changed: list[tuple[Warning, Finding]] = field(default_factory=list)
    closed: list[Warning] = field(default_factory=list)


def _apply(rule: WarningRule, changes: _Changes, now: dt.datetime, reason: str) -> None:
    if changes.closed:
        Warning.objects.filter(pk__in=[w.pk for w in changes.closed], status__in=LIVE).update(
            status=WarningStatus.CLOSED, closed_at=now, version=F("version") + 1, updated_at=now
        )
    if changes.changed:
        for warning, finding in changes.changed:
            warning.summary, warning.version, warning.updated_at = finding.summary[:500], warning.version + 1, now
        Warning.objects.bulk_update([w for w, _f in changes.changed], ["summary", "version", "updated_at"])
        WarningEvidence.objects.filter(warning__in=[w for w, _f in changes.changed]).delete()
    if changes.opened:
        Warning.objects.bulk_create(changes.opened)
    evidence: list[WarningEvidence] = []
    events: list[WarningEvent] = []
    for warning, finding in changes.changed:
        evidence += _evidence_rows(warning, finding)
        events.append(_event(warning, WarningAction.EVIDENCE, finding.summary, at=now))
    for warning in changes.opened:
        finding = changes.findings[warning.enterprise_id]
        evidence += _evidence_rows(warning, finding)
        events.append(_event(warning, WarningAction.OPENED, finding.summary, at=now))
    events += [_event(warning, WarningAction.CLOSED, reason, at=now) for warning in changes.closed]
    WarningEvidence.objects.bulk_create(evidence)
    WarningEvent.objects.bulk_create(events)
    if events:
        # One audit event for the rule's run, naming the warnings it opened, updated and closed.
        parts = [
            (_("mở"), changes.opened),
            (_("cập nhật căn cứ"), [w for w, _f in changes.changed]),
            (_("đóng"), changes.closed),
        ]
        note = "; ".join(
            f"{label} {len(rows)} cảnh báo (số {', '.join(str(w.pk) for w in rows[:200])})"
            for label, rows in parts
            if rows
        )
        record_event(actor=None, action=AuditAction.TRANSITION, obj=rule, note=note[:2000])


@transaction.atomic
def evaluate_warnings(*, enterprise_ids: Iterable[int] | None = None) -> EvaluationResult:
    """Open, update and close warnings so they match what the records show now (for the given enterprises, or all).

    Batched: the facts are read once, and each rule reads its live warnings and writes what changed in a fixed number
    of statements (bulk inserts and updates, one audit event per rule that changed something), so the number of
    queries depends on the number of rules, not on the number of enterprises or reports."""
    ids = None if enterprise_ids is None else list(enterprise_ids)
    facts = _facts(ids)
    opened = closed = changed = 0
    now = timezone.now()
    for rule in WarningRule.objects.order_by("code"):
        evaluator = EVALUATORS.get(rule.code)
        holding = evaluator(rule, facts) if (evaluator and rule.is_active) else {}
        live = Warning.objects.filter(rule=rule, status__in=LIVE).prefetch_related("evidence")
        if ids is not None:
            live = live.filter(enterprise_id__in=ids)
        live_by_enterprise = {warning.enterprise_id: warning for warning in live.select_for_update(of=("self",))}
        changes = _Changes()
        for enterprise_id, warning in live_by_enterprise.items():
            finding = holding.get(enterprise_id)
            if finding is None:
                changes.closed.append(warning)
                continue
            current = {(e.labour_report_id, e.incident_id, e.survey_id, e.text) for e in warning.evidence.all()}
            if current != finding.keys():
                changes.changed.append((warning, finding))
        for enterprise_id, finding in holding.items():
            if enterprise_id not in live_by_enterprise:
                changes.findings[enterprise_id] = finding
                changes.opened.append(
                    Warning(
                        rule=rule,
                        enterprise_id=enterprise_id,
                        severity=rule.severity,
                        summary=finding.summary[:500],
                        opened_at=now,
                    )
                )
        reason = (
            _("Quy tắc “%(rule)s” đã tạm dừng.") % {"rule": rule.name}
            if not rule.is_active
            else _("Số liệu mới nhất không còn thỏa điều kiện cảnh báo.")
        )
        _apply(rule, changes, now, reason)
        opened, closed, changed = (
            opened + len(changes.opened),
            closed + len(changes.closed),
            changed + len(changes.changed),
        )
    return EvaluationResult(opened=opened, closed=closed, changed=changed)


@transaction.atomic
def acknowledge_warning(*, actor: User, warning: Warning, expected_version: int, note: str = "") -> Warning:
    """The actor's body takes the warning up and works it."""
    if not can_take_up_warning(actor) or not can_work_warning(actor, warning):
        raise PermissionDenied
    if warning.status == WarningStatus.CLOSED:
        raise ValidationError(_("Cảnh báo đã đóng."), code="closed")
    warning = update_record(
        actor=actor,
        instance=warning,
        data={"status": WarningStatus.ACKNOWLEDGED, "handling_agency": actor.agency},
        expected_version=expected_version,
        note=nfc(note).strip(),
    )
    text = _("%(agency)s tiếp nhận xử lý.") % {"agency": actor.agency.name if actor.agency else ""}
    _event(warning, WarningAction.ACKNOWLEDGED, f"{text} {nfc(note).strip()}".strip(), actor)
    return warning


@transaction.atomic
def add_warning_note(*, actor: User, warning: Warning, text: str) -> WarningEvent:
    if not can_work_warning(actor, warning) or warning.status != WarningStatus.ACKNOWLEDGED:
        raise PermissionDenied
    text = nfc(text or "").strip()
    if not text:
        raise ValidationError(_("Hãy ghi nội dung đã xử lý."), code="required")
    _event(warning, WarningAction.NOTE, text[:5000], actor)
    return warning.events.order_by("-pk").first()  # type: ignore[return-value]


@transaction.atomic
def update_rule(*, actor: User, rule: WarningRule, data: dict[str, Any], expected_version: int) -> WarningRule:
    """The secretariat (or the administrator) changes a rule's thresholds, severity or whether it runs; every
    enterprise is evaluated again."""
    from phoihop.accounts.choices import Role
    from phoihop.core.services import clean_input

    if not (actor.is_authenticated and (actor.is_admin or actor.role == Role.SECRETARIAT)):
        raise PermissionDenied
    cleaned = clean_input(data, ("name", "severity", "params", "is_active", "citation"), one_line={"name"})
    rule = update_record(actor=actor, instance=rule, data=cleaned, expected_version=expected_version)
    evaluate_warnings()
    return rule
