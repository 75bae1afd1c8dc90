"""Ten times the demo: every kind of record the pages show, copied nine more times, bulk-inserted (data, not user
actions), so that a page whose query count grows with its rows shows it.

Two kinds of copies:

- **nine parallel worlds.** Copy k of a row points at copy k of every row it refers to that is copied too (the
  enterprise's zone and owner body, the activity's enterprises, the report's plan…), so each world is a whole
  programme of its own: lists get ten times the rows, each with its own children. The bodies' copies are units
  under the original bodies (a body's scope reaches them); plans move back by a century per world (one plan per
  year); unique names and codes get a suffix.
- **more children of the demo's own records**, so that the detail pages measured on the demo's records (the first row
  of each list) have ten times the rows under them too: plan items, reported values and approvals of the unit copies,
  outputs, findings, follow-ups, awards, milestones, case events, petition follow-ups, incident steps and support,
  warning evidence and events, survey responses, each record's history, and the copied enterprises,
  bodies and plan items linked to the demo's records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.db import models

# Parents before children: a row is copied after every row it refers to.
WORLD = [
    "directory.Agency",
    "directory.Zone",
    "directory.Enterprise",
    "planning.Document",
    "planning.Programme",
    "planning.Plan",
    "planning.Area",
    "planning.PlanItem",
    "indicators.Indicator",
    "indicators.Target",
    "indicators.ReportedValue",
    "indicators.PeriodApproval",
    "indicators.ValidationRule",
    "activities.Activity",
    "activities.ActivityParticipant",
    "activities.ActivityOutput",
    "organizing.Founding",
    "oversight.InspectionTopic",
    "oversight.Inspection",
    "oversight.InspectionEnterprise",
    "oversight.Finding",
    "oversight.FollowUpAction",
    "practices.GoodPractice",
    "practices.Award",
    "housing.HousingProject",
    "housing.Milestone",
    "cases.Topic",
    "cases.Case",
    "cases.CasePerson",
    "cases.Consent",
    "cases.CaseEvent",
    "cases.Petition",
    "cases.PetitionFollowUp",
    "workforce.LabourReport",
    "workforce.Incident",
    "workforce.IncidentStep",
    "workforce.IncidentSupport",
    "workforce.Survey",
    "workforce.Question",
    "workforce.SurveyResponse",
    "workforce.Answer",
    "workforce.Warning",
    "workforce.WarningEvidence",
    "workforce.WarningEvent",
    "reports.Report",
    "reports.ReportIssuer",
    "reports.ReportSection",
    "reports.ReportBlock",
    "reports.ReportFigure",
    "reports.Listing",
    "reports.ListingEntry",
]

# Children added under the demo's own rows: (model, the field that keeps pointing at the demo's row).
CHILDREN = [
    ("directory.Enterprise", "zone"),
    ("workforce.LabourReport", "enterprise"),
    ("workforce.Incident", "enterprise"),
    ("planning.PlanItem", "plan"),
    ("indicators.ReportedValue", "indicator"),
    ("indicators.PeriodApproval", "plan"),
    ("activities.ActivityOutput", "activity"),
    ("oversight.InspectionEnterprise", "inspection"),
    ("oversight.Finding", "inspection"),
    ("oversight.FollowUpAction", "inspection"),
    ("practices.Award", "practice"),
    ("housing.Milestone", "project"),
    ("cases.CaseEvent", "case"),
    ("cases.PetitionFollowUp", "petition"),
    ("workforce.IncidentStep", "incident"),
    ("workforce.IncidentSupport", "incident"),
    ("workforce.SurveyResponse", "survey"),
    ("workforce.WarningEvidence", "warning"),
    ("workforce.WarningEvent", "warning"),
]
# Fields kept as they are in a copy under the demo's row (the other references go to the world's copies).
KEPT = {"planning.PlanItem": {"area"}, "indicators.ReportedValue": {"plan"}}
# Links from the demo's records to copies (many-to-many) that stay out: a programme's bodies are the top-level bodies.
NOT_LINKED = {("planning.Programme", "bodies")}

Tweak = Callable[[models.Model, models.Model, int], None]


def _plan_year(copy: Any, original: Any, k: int) -> None:
    copy.year = original.year - 100 * k


def _item_number(copy: Any, original: Any, k: int) -> None:
    copy.number = original.number + 1000 * k
    copy.carried_from_id = None


def _agency_parent(copy: Any, original: Any, k: int) -> None:
    copy.parent_id = original.pk  # a unit of the original body: inside its scope


TWEAKS: dict[str, Tweak] = {"planning.Plan": _plan_year, "directory.Agency": _agency_parent}


def _earlier_period(copy: Any, original: Any, k: int) -> None:
    # The same day of the month k years earlier (a 29 February ends on the 28th).
    copy.period_start = original.period_start.replace(year=original.period_start.year - k)
    end = original.period_end
    copy.period_end = end.replace(year=end.year - k, day=min(end.day, 28 if end.month == 2 else end.day))


CHILD_TWEAKS: dict[str, Tweak] = {"planning.PlanItem": _item_number, "workforce.LabourReport": _earlier_period}


def _suffixed(value: str, field: models.Field[Any, Any], suffix: str) -> str:
    limit = (field.max_length or 255) - len(suffix)  # type: ignore[attr-defined]
    return value[:limit] + suffix


class Copier:
    def __init__(self) -> None:
        # model label -> original pk -> [pk of copy 1, …, copy n]
        self.copies: dict[str, dict[Any, list[Any]]] = defaultdict(dict)

    def copy_of(self, model: type[models.Model], pk: Any, k: int) -> Any:
        copies = self.copies.get(model._meta.label, {}).get(pk)
        return copies[k - 1] if copies else pk

    def _text_to_vary(self, model: type[models.Model], kept: set[str]) -> list[models.Field[Any, Any]]:
        """The text fields that must differ between copies: unique ones, and one text field of each unique
        constraint none of whose references is moved to the copy's world."""
        fields = [f for f in model._meta.concrete_fields if f.unique and not f.primary_key and not f.is_relation]
        together = [c.fields for c in model._meta.constraints if isinstance(c, models.UniqueConstraint) and c.fields]
        for names in together:
            group = [model._meta.get_field(name) for name in names]
            if any(
                f.is_relation and f.name not in kept and f.related_model._meta.label in self.copies  # type: ignore[union-attr]
                for f in group
            ):
                continue
            fields += [f for f in group if isinstance(f, models.CharField)][:1]
        return [f for f in dict.fromkeys(fields) if isinstance(f, models.CharField)]

    def _copy_rows(
        self,
        model: type[models.Model],
        rows: list[models.Model],
        times: int,
        kept: set[str],
        tweak: Tweak | None,
        mark: str,
    ) -> dict[Any, list[Any]]:
        label = model._meta.label
        vary = self._text_to_vary(model, kept)
        self_refs = [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is model]
        made: dict[Any, list[Any]] = defaultdict(list)
        batch: list[tuple[Any, models.Model]] = []
        for k in range(1, times):
            for row in rows:
                values = {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields if not f.primary_key}
                for f in model._meta.concrete_fields:
                    if not f.is_relation or f.name in kept or values[f.attname] is None:
                        continue
                    if f.related_model is model:
                        values[f.attname] = None  # set once every copy exists
                    else:
                        values[f.attname] = self.copy_of(f.related_model, values[f.attname], k)  # type: ignore[arg-type]
                for f in vary:
                    if values[f.attname]:
                        values[f.attname] = _suffixed(values[f.attname], f, f"{mark}{k}")
                copy = model(**values)
                if tweak is not None:
                    tweak(copy, row, k)
                batch.append((row.pk, copy))
        model._default_manager.bulk_create([copy for _pk, copy in batch], batch_size=500)
        for pk, copy in batch:
            made[pk].append(copy.pk)
        if self_refs and not kept:
            self.copies[label].update(made)
            changed = []
            for k in range(1, times):
                for row in rows:
                    copy = model(pk=made[row.pk][k - 1])
                    for f in self_refs:
                        target = getattr(row, f.attname)
                        setattr(copy, f.attname, None if target is None else self.copy_of(model, target, k))
                    changed.append(copy)
            if tweak is None:
                model._default_manager.bulk_update(changed, [f.attname for f in self_refs], batch_size=500)
        return made

    def _copy_links(self, model: type[models.Model], made: dict[Any, list[Any]], times: int, *, world: bool) -> None:
        """Many-to-many links: a world's copy links to the same world's copies; a demo row (world=False) is linked
        to the copies of what it is linked to."""
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through  # type: ignore[attr-defined]
            if not through._meta.auto_created or (not world and (model._meta.label, m2m.name) in NOT_LINKED):
                continue
            source = m2m.m2m_field_name()  # type: ignore[attr-defined]
            target = m2m.m2m_reverse_field_name()  # type: ignore[attr-defined]
            target_model = m2m.related_model
            links = list(through.objects.filter(**{f"{source}__in": list(made)}).values_list(source, target))
            rows = []
            for k in range(1, times):
                for src, tgt in links:
                    moved = self.copy_of(target_model, tgt, k)  # type: ignore[arg-type]
                    if world:
                        rows.append(through(**{f"{source}_id": made[src][k - 1], f"{target}_id": moved}))
                    elif moved != tgt:
                        rows.append(through(**{f"{source}_id": src, f"{target}_id": moved}))
            through.objects.bulk_create(rows, batch_size=500, ignore_conflicts=not world)

    def world(self, label: str, times: int) -> int:
        model = apps.get_model(label)
        rows = list(model._default_manager.order_by("pk"))
        made = self._copy_rows(model, rows, times, set(), TWEAKS.get(label), "~")
        self.copies[label] = made
        self._copy_links(model, made, times, world=True)
        return sum(len(pks) for pks in made.values())

    def children(self, label: str, parent: str, originals: Iterable[Any], times: int) -> int:
        model = apps.get_model(label)
        rows = list(model._default_manager.filter(pk__in=list(originals)).order_by("pk"))
        kept = {parent} | KEPT.get(label, set())
        made = self._copy_rows(model, rows, times, kept, CHILD_TWEAKS.get(label), "+")
        return sum(len(pks) for pks in made.values())

    def links(self, label: str, originals: Iterable[Any], times: int) -> None:
        model = apps.get_model(label)
        self._copy_links(model, {pk: [] for pk in originals}, times, world=False)


def multiply(times: int = 10) -> dict[str, int]:
    """Top every record kind the pages show up to `times` the demo's count, and the children of the demo's own
    records likewise. Returns the rows added per kind."""
    from phoihop.core.models import AuditEvent

    originals = {label: set(apps.get_model(label)._default_manager.values_list("pk", flat=True)) for label in WORLD}
    copier = Copier()
    added = {label: copier.world(label, times) for label in WORLD}
    for label, parent in CHILDREN:
        added[f"{label} (demo's)"] = copier.children(label, parent, originals[label], times)
    for label in WORLD:
        copier.links(label, originals[label], times)
    history = list(AuditEvent.objects.order_by("pk"))
    fields = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
    # Bypasses the append-only guard (each event is chained by its save): these are copies of the history for the
    # detail pages to show, not events that happened; the chain is not verified here.
    models.QuerySet(AuditEvent).bulk_create(
        (
            AuditEvent(**{f.attname: getattr(event, f.attname) for f in fields})
            for _ in range(times - 1)
            for event in history
        ),
        batch_size=500,
    )
    added["core.AuditEvent"] = len(history) * (times - 1)
    return added
