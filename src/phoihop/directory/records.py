"""The reads and writes every owned-record app shares (foundings, "Dân vận khéo" models, housing projects,
inspections, activities), declared once per record kind in the app's selectors.py and services.py.

`OwnedRecords` is a record kind's reader: which rows a user sees (`visible_to`: the owner body by `read_scope`, none
without the view permission), the list's diacritic-insensitive search, its filter set and sort keys, and one record
(404 out of scope). `OwnedWrites` is its writer: create, update and delete, each one transaction that checks the
permission, cleans the input, resolves the owner body, applies the app's rules and writes through `core.services`
(versioned, one AuditEvent). `OwnedRows` does the same for the rows a record holds (a model's awards, a project's
milestones), allowed when the record may be edited. What is the app's own (annotations, prefetches, rules) is
passed in as small hooks; nothing is discovered."""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import reduce
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from phoihop.core.models import VersionedModel
from phoihop.core.records import ChildWrites, RecordWrites
from phoihop.core.services import clean_input, create_record, delete_record, update_record
from phoihop.core.text import fold_vi
from phoihop.directory.scope import read_scope, resolve_owner

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

M = TypeVar("M", bound=VersionedModel)

# A word of a search: a field whose folded text must contain it ("enterprise__search_text"), or a function giving
# the condition for one word (an Exists over a many-to-many, say).
SearchField = str | Callable[[str], Any]
Hook = Callable[[QuerySet[Any]], QuerySet[Any]]


# What most record kinds say when an officer names a body outside their own as the owner.
FOREIGN_OWNER = gettext_lazy("Anh/chị chỉ có thể tạo hồ sơ cho đơn vị của mình hoặc đơn vị trực thuộc.")


def sort_keys(fields: Mapping[str, str]) -> dict[str, str]:
    """Each sort key of a list, ascending and with "-" descending: {"date": "founded_on"} gives "date" and "-date"."""
    return {f"{sign}{key}": f"{sign}{field}" for key, field in fields.items() for sign in ("", "-")}


@dataclass(frozen=True, kw_only=True)
class OwnedRecords(Generic[M]):
    """The reads of one owned record kind. `sorts` maps a list's sort keys (both directions) to fields; an unknown
    key sorts by `default_sort`, and `tiebreak` keeps the order stable. `listed` adds what the list shows beside the
    record (annotations, prefetches) before sorting; `details` what one record's page or API answer reads."""

    model: type[M]
    filter: Callable[..., Any]  # the list's FilterSet class, built with `user=`
    can_view: Callable[[User], bool]
    related: tuple[str, ...] = ()  # select_related of every read
    search: tuple[SearchField, ...] = ("search_text",)
    sorts: Mapping[str, str]
    default_sort: str
    tiebreak: tuple[str, ...] = ("-pk",)
    listed: Hook | None = None
    details: Hook | None = None
    owner: str = "owner_agency"

    def scoped(self, queryset: QuerySet[Any], user: User, *, via: str = "") -> QuerySet[Any]:
        """Rows whose owner body, reached through `via` ("practice" for an award), the user may read."""
        if not self.can_view(user):
            return queryset.none()
        scope = read_scope(user)
        if scope is not None:
            path = f"{via}__{self.owner}" if via else self.owner
            queryset = queryset.filter(**{f"{path}__in": scope})
        return queryset

    def visible_to(self, user: User) -> QuerySet[M]:
        queryset = self.model._default_manager.all()
        if self.related:
            queryset = queryset.select_related(*self.related)
        return self.scoped(queryset, user)

    def search_rows(self, queryset: QuerySet[M], query: str) -> QuerySet[M]:
        """Diacritic-insensitive: every word of the query must match one of the `search` fields."""
        for word in fold_vi(query).split():
            conditions = [Q(**{f"{f}__contains": word}) if isinstance(f, str) else f(word) for f in self.search]
            queryset = queryset.filter(reduce(operator.or_, conditions))
        return queryset

    def list(self, *, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[M]:
        """The list page's rows: filtered, searched (`q`) and sorted (`sort`)."""
        params = params or {}
        queryset = self.filter(params, queryset=self.visible_to(user), user=user).qs
        query = str(params.get("q") or "").strip()
        if query:
            queryset = self.search_rows(queryset, query)
        if self.listed is not None:
            queryset = self.listed(queryset)
        sort = self.sorts.get(str(params.get("sort") or self.default_sort), self.sorts[self.default_sort])
        return queryset.order_by(sort, *self.tiebreak)

    def with_details(self, queryset: QuerySet[M]) -> QuerySet[M]:
        return self.details(queryset) if self.details is not None else queryset

    def get(self, *, user: User, pk: int) -> M:
        """One record with its details; out of scope (or missing) is a 404."""
        return get_object_or_404(self.with_details(self.visible_to(user)), pk=pk)


@dataclass(frozen=True, kw_only=True)
class OwnedWrites(Generic[M]):
    """The three writes of one owned record kind. `record` is the keyword its update and delete take ("founding").
    The input is cleaned by `core.services.clean_input` (`fields` and `m2m` allowed, `one_line` text collapsed,
    `blank_if_none` text stored as ""). Then two hooks, each raising a ValidationError for a broken rule:
    `clean(fields, instance)` before the owner body is resolved (it may change `fields`), and `rules(fields, m2m,
    owner, instance)` after (`instance` is None on create; on update `owner` is the record's)."""

    model: type[M]
    record: str
    fields: tuple[str, ...]
    m2m: tuple[str, ...] = ()
    one_line: Collection[str] = ()
    blank_if_none: Collection[str] = ()
    owner_required: str | Promise  # the owner field's messages (see `scope.resolve_owner`)
    owner_foreign: str | Promise = FOREIGN_OWNER
    can_create: Callable[[User], bool]
    can_edit: Callable[[User, Any], bool]
    can_delete: Callable[[User, Any], bool]
    clean: Callable[[dict[str, Any], M | None], None] | None = None
    rules: Callable[[dict[str, Any], dict[str, list[models.Model]], Agency, M | None], None] | None = None
    owner: str = "owner_agency"

    def cleaned(self, data: Mapping[str, Any], instance: M | None) -> tuple[dict[str, Any], dict[str, list[Any]]]:
        cleaned = clean_input(data, self.fields + self.m2m, one_line=self.one_line, blank_if_none=self.blank_if_none)
        m2m = {name: list(cleaned.pop(name)) for name in self.m2m if name in cleaned}
        if self.clean is not None:
            self.clean(cleaned, instance)
        return cleaned, m2m

    def owner_for(self, actor: User, owner_agency: Agency | None) -> Agency:
        required, foreign = str(self.owner_required), str(self.owner_foreign)
        return resolve_owner(actor, owner_agency, required=required, foreign=foreign)

    def create(self, *, actor: User, data: Mapping[str, Any], owner_agency: Agency | None = None) -> M:
        with transaction.atomic():
            if not self.can_create(actor):
                raise PermissionDenied
            fields, m2m = self.cleaned(data, None)
            owner = self.owner_for(actor, owner_agency)
            if self.rules is not None:
                self.rules(fields, m2m, owner, None)
            return create_record(actor=actor, instance=self.model(**fields, **{self.owner: owner}), m2m=m2m)

    def update(self, *, actor: User, data: Mapping[str, Any], expected_version: int, **record: M) -> M:
        """`update(actor=…, <record>=…, data=…, expected_version=…)`."""
        instance: M = _only(record, self.record)
        with transaction.atomic():
            if not self.can_edit(actor, instance):
                raise PermissionDenied
            fields, m2m = self.cleaned(data, instance)
            if self.rules is not None:
                self.rules(fields, m2m, getattr(instance, self.owner), instance)
            return update_record(
                actor=actor, instance=instance, data=fields, expected_version=expected_version, m2m=m2m
            )

    def delete(self, *, actor: User, expected_version: int, **record: M) -> None:
        """`delete(actor=…, <record>=…, expected_version=…)`."""
        instance: M = _only(record, self.record)
        with transaction.atomic():
            if not self.can_delete(actor, instance):
                raise PermissionDenied
            delete_record(actor=actor, instance=instance, expected_version=expected_version)

    @property
    def writes(self) -> RecordWrites:
        """The three writes as the pages, the spreadsheet kind and the API call them (core/records.py)."""
        return RecordWrites(self.create, self.update, self.delete, record=self.record)


@dataclass(frozen=True, kw_only=True)
class OwnedRows(Generic[M]):
    """The three writes of the rows an owned record holds (a model's awards): each allowed when the user may edit
    the record (`can_edit_parent`), one transaction, audited. `parent` and `row` are the keywords the services take
    ("practice", "award"; the row's field naming its record is `parent` too). `rules(parent, cleaned, row)` checks
    the cleaned input (it may change it) and raises a ValidationError for a broken rule; `row` is None on add."""

    model: type[M]
    parent: str
    row: str
    fields: tuple[str, ...]
    one_line: Collection[str] = ()
    can_edit_parent: Callable[[User, Any], bool]
    rules: Callable[[Any, dict[str, Any], M | None], None] | None = None

    def cleaned(self, parent: Any, data: Mapping[str, Any], row: M | None) -> dict[str, Any]:
        cleaned = clean_input(data, self.fields, one_line=self.one_line)
        if self.rules is not None:
            self.rules(parent, cleaned, row)
        return cleaned

    def create(self, *, actor: User, data: Mapping[str, Any], **parent_: Any) -> M:
        """`create(actor=…, <parent>=…, data=…)`."""
        parent = _only(parent_, self.parent)
        with transaction.atomic():
            if not self.can_edit_parent(actor, parent):
                raise PermissionDenied
            cleaned = self.cleaned(parent, data, None)
            return create_record(actor=actor, instance=self.model(**{self.parent: parent}, **cleaned))

    def update(self, *, actor: User, data: Mapping[str, Any], expected_version: int, **row_: M) -> M:
        """`update(actor=…, <row>=…, data=…, expected_version=…)`."""
        row = _only(row_, self.row)
        with transaction.atomic():
            parent = getattr(row, self.parent)
            if not self.can_edit_parent(actor, parent):
                raise PermissionDenied
            cleaned = self.cleaned(parent, data, row)
            return update_record(actor=actor, instance=row, data=cleaned, expected_version=expected_version)

    def delete(self, *, actor: User, expected_version: int, **row_: M) -> None:
        """`delete(actor=…, <row>=…, expected_version=…)`."""
        row = _only(row_, self.row)
        with transaction.atomic():
            if not self.can_edit_parent(actor, getattr(row, self.parent)):
                raise PermissionDenied
            delete_record(actor=actor, instance=row, expected_version=expected_version)

    @property
    def writes(self) -> ChildWrites:
        """The three writes as the pages and the API call them (core/records.py)."""
        return ChildWrites(self.create, self.update, self.delete, parent=self.parent, row=self.row)


def _only(given: Mapping[str, Any], keyword: str) -> Any:
    """The one keyword argument a write names its record or row by."""
    if set(given) != {keyword}:
        raise TypeError(f"expected the keyword argument {keyword!r}, got {sorted(given)}")
    return given[keyword]
