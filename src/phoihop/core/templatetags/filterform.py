"""`{% filter_layout filter.form "kind:3 scope year" "enterprise" as layout %}`: which shared include draws each field
of a list's filter form (htmx/filter_form.html), and the hx-trigger that refreshes the list when one of them changes."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms, template
from django.forms import BoundField

register = template.Library()

SEARCH_TRIGGER = "input changed delay:300ms from:#id_q"


@dataclass(frozen=True)
class FilterBox:
    template: str
    field: BoundField
    width: str | None

    @property
    def choices(self) -> list[tuple[object, str]]:
        """A select's options read once: a template's `for` over a model choice field's own iterator asks the
        database twice (its length, then its rows)."""
        return list(iter(getattr(self.field.field, "choices", ())))  # iter(): list() would ask len() first

    @property
    def holds_choice(self) -> bool:
        """Whether the box narrows the list: a value, other than a select's first option where that option is a
        choice of its own rather than "Tất cả" (the "Đơn vị" box's "Tất cả các đơn vị", `all`)."""
        value = self.field.value()
        if value in (None, "", [], False):
            return False
        field = self.field.field
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            choices = self.choices  # plain choices: no query
            return not choices or str(value) != str(choices[0][0])
        return True


@dataclass(frozen=True)
class FilterLayout:
    boxes: list[FilterBox]
    hidden: list[BoundField]
    trigger: str
    search: bool

    @property
    def chosen(self) -> int:
        """How many boxes hold a choice: on a phone the boxes fold behind a "Bộ lọc" button that names this number,
        and stay open while it is not zero."""
        return sum(1 for box in self.boxes if box.holds_choice)


SELECT = "htmx/filter_select.html"
SCOPE = "htmx/scope_filter.html"
# The boxes that refresh the list through `change from:select`; every other box names itself.
SELECTS = (SELECT, SCOPE)


def _template_for(field: BoundField) -> str:
    if field.name == "scope":
        return SCOPE
    if isinstance(field.field, forms.NullBooleanField | forms.BooleanField):
        return "htmx/filter_check.html"
    if isinstance(field.field, forms.ChoiceField):  # model choices too
        return SELECT
    if isinstance(field.field, forms.IntegerField | forms.DecimalField):
        return "htmx/filter_year.html"
    if isinstance(field.field, forms.DateField):
        return "htmx/filter_date.html"
    # a page asking for a field no include draws must fail while it is written, not show a blank box
    raise template.TemplateSyntaxError(f"No filter include draws the field {field.name!r}.")


@register.simple_tag
def filter_layout(form: forms.Form, fields: str, hidden: str | None = None, search: object = True) -> FilterLayout:
    """`fields`: the names in the order shown, each with an optional column width after a colon; `search=False`: the
    list has no search box (`q`; a page that does not pass it has one); `hidden`: names kept as hidden inputs (a list
    opened from another page, narrowed to one enterprise). Selects refresh the list on any change (`from:select`); a
    number box, a date box or a checkbox on its own change."""
    boxes = []
    for spec in fields.split():
        name, _, width = spec.partition(":")
        field = form[name]
        boxes.append(FilterBox(template=_template_for(field), field=field, width=width or None))
    triggers = [SEARCH_TRIGGER] if search is not False else []
    if any(box.template in SELECTS for box in boxes):
        triggers.append("change from:select")
    triggers += [f"change from:#id_{box.field.name}" for box in boxes if box.template not in SELECTS]
    triggers.append("submit")
    return FilterLayout(
        boxes=boxes,
        hidden=[form[name] for name in (hidden or "").split()],
        trigger=", ".join(triggers),
        search=search is not False,
    )
