"""The views every owned-record app shares: a list page, a create and an edit form that call one service, a form for a
record's child rows (awards of a model, milestones of a project), and a delete confirmation. Each app subclasses
these with its own names, permissions, services and messages; nothing is discovered by magic. A plain record kind
declares its five pages and their URLs at once with `RecordPages` (organizing, practices, oversight, housing).

The rules they carry are the project's: reads through the app's scoped selector (out of scope = 404), the permission
predicate before any form is shown (403 with a Vietnamese message), writes through one service, a version conflict
or a service's ValidationError shown on the page, and after a write a whole page (`hx_location` for htmx)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from phoihop.core import cache
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial
from phoihop.core.plugins import menu, sections
from phoihop.core.views import ServiceFormView, paginate, redirect_after, require_permission, user_of

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def posted_version(request: HttpRequest) -> int:
    """The `version` a form was based on; -1 (never a row's version, so a conflict) when missing or garbled."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def render_list(
    request: HttpRequest,
    *,
    template: str,
    rows: Any,
    context: dict[str, Any] | None = None,
    per_page: int = 25,
    page_rows: Callable[[Any], Any] | None = None,
    paginate_rows: Callable[[HttpRequest, Any], Page[Any]] | None = None,
    model: type[models.Model] | None = None,
    depends_on: Iterable[type[models.Model]] = (),
) -> HttpResponse:
    """A list page: its `results` partial for an htmx swap (search, filter, paging), the whole page otherwise.
    `page_rows(page)`, when given, computes what each row of the page shows beside the record (`rows` in the
    template), e.g. a housing project's progress, for the page's rows only. `paginate_rows(request, rows)` replaces
    the plain paginator (the directory's bounded count of a search); `model` is the rows' model when `rows` is not
    a queryset yet (a lazy one).

    The rendered content is kept in the shared cache for readers of the same scope (core/cache.py): the page and its
    rows are read only when the template needs them, which it does not when the entry is valid. `rows.model` and
    `depends_on` (models a row shows that `rows.model` does not point to) say which writes make it stale."""
    page = SimpleLazyObject(lambda: (paginate_rows or _paginate(per_page))(request, rows))
    full = {"page": page, "q": request.GET.get("q", ""), **(context or {})}
    if page_rows is not None:
        full["rows"] = SimpleLazyObject(lambda: page_rows(page))
    partial = htmx_partial(request)
    entry = cache.lookup(
        request,
        kind=f"{template}#results" if partial else template,
        user=user_of(request),
        depends_on=[model or rows.model, *depends_on],
    )
    if not partial:
        return render(request, template, {**full, "list_cache": entry})
    if entry is None:
        return render(request, f"{template}#results", full)
    if entry.text is None:
        entry.text = render_to_string(f"{template}#results", {**full, "csrf_token": cache.CSRF_MARKER}, request)
        entry.store(entry.text)
        if cache.CSRF_MARKER in entry.text:  # a form with a token: not stored, rendered again with the real one
            return render(request, f"{template}#results", full)
    return HttpResponse(entry.text)


def _paginate(per_page: int) -> Callable[[HttpRequest, Any], Page[Any]]:
    return lambda request, rows: paginate(request, rows, per_page=per_page)


def list_view(
    *,
    template: str,
    rows: Callable[..., Any],
    filter: Callable[..., Any],
    can_create: Callable[[User], bool],
    page_rows: Callable[[Any], Any] | None = None,
) -> Callable[..., HttpResponse]:
    """A record kind's list page: `rows(user=, params=)` (the scoped, filtered, ordered rows), the filter form
    (`filter`, a FilterSet class built with `user=`), whether the user may add one, through `render_list`."""

    @login_required
    def view(request: HttpRequest) -> HttpResponse:
        user = user_of(request)
        found = rows(user=user, params=request.GET)
        context = {"filter": filter(request.GET, queryset=found, user=user), "can_create": can_create(user)}
        return render_list(request, template=template, rows=found, context=context, page_rows=page_rows)

    return view


def confirm_delete(
    request: HttpRequest,
    *,
    row: Any,
    delete: Callable[..., Any],
    heading: str,
    consequence: str,
    cancel_url: str,
    done_url: str,
    done_message: str,
) -> HttpResponse:
    """GET: ask, saying what else goes with the row. POST: `delete(actor=…, expected_version=…)`; a conflict or a
    refusal is shown on the same page (422), success goes to `done_url` with `done_message`."""
    error = ""
    if request.method == "POST":
        try:
            delete(actor=user_of(request), expected_version=posted_version(request))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except ConflictError as exc:
            error = exc.message
        else:
            messages.success(request, done_message)
            return redirect_after(request, done_url)
    context = {"object": row, "error": error, "heading": heading, "consequence": consequence, "cancel_url": cancel_url}
    return render(request, "htmx/confirm_delete.html", context, status=422 if error else 200)


class RecordCreateView(ServiceFormView):
    """A new record. Subclasses set `form_class`, `template_name`, `allowed` (the create predicate: 403) and write
    `create()`, which calls the app's create service and returns the record."""

    # Whether the form is built for the user (its choices depend on who fills it in): `Form(..., user=...)`.
    form_for_user = True

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        return {**kwargs, "user": user_of(self.request)} if self.form_for_user else kwargs

    def create(self, *, actor: User, form: Any) -> Any:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def created_message(self, record: Any) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def perform(self, form: Any) -> Any:
        record = self.create(actor=user_of(self.request), form=form)
        messages.success(self.request, self.created_message(record))
        return record


class RecordUpdateView(ServiceFormView):
    """An existing record's form. Subclasses set `form_class`, `template_name`, `context_name`, `selector` (the
    scoped selector: 404 out of scope), `allowed_on_record` (the edit predicate: 403) and write `update()`."""

    edits = True
    saved_message = gettext_lazy("Đã lưu thay đổi.")
    form_for_user = True

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        return {**kwargs, "user": user_of(self.request)} if self.form_for_user else kwargs

    def update(self, *, actor: User, record: Any, form: Any) -> Any:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def perform(self, form: Any) -> Any:
        record = self.update(actor=user_of(self.request), record=self.fresh_record(), form=form)
        messages.success(self.request, str(self.saved_message))
        return record


class ChildFormView(ServiceFormView):
    """A form for a row that belongs to a parent record (an award of a model, a milestone of a project): allowed
    when the parent may be edited, and back to the parent's page after saving. Subclasses set `form_class`,
    `template_name`, `heading`, `parent_context_name`, `can_edit_parent`, and write `load()` and `perform()`."""

    heading: str | Promise = ""
    parent_context_name: str
    can_edit_parent: Callable[[User, Any], bool]
    # The child row being edited (None when adding one).
    row: Any = None

    def load(self, request: HttpRequest, **kwargs: Any) -> Any:  # pragma: no cover - every subclass overrides it
        """The parent record (and, for an edit, set `self.row`), through scoped selectors."""
        raise NotImplementedError

    def read_record(self, user: User, **kwargs: Any) -> Any:
        self.parent = self.load(self.request, **kwargs)
        require_permission(type(self).can_edit_parent(user, self.parent))
        return self.row

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), self.parent_context_name: self.parent}
        if self.row is not None:
            kwargs["instance"] = self.row
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), self.parent_context_name: self.parent, "heading": self.heading}

    def success_url_for(self, result: Any) -> str:
        return str(self.parent.get_absolute_url())


def detail_view(
    *,
    template: str,
    name: str,
    load: Callable[..., Any],
    can_edit: Callable[[User, Any], bool],
    can_delete: Callable[[User, Any], bool],
    history: Callable[[Any], Any],
    extra: Callable[[Any, User], dict[str, Any]] | None = None,
) -> Callable[..., HttpResponse]:
    """A record's page: the record under `name` (read through the scoped `load`: 404 out of scope), its last 50
    changes, whether the user may edit and delete it, and what `extra(record, user)` adds."""

    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        user = user_of(request)
        record = load(user=user, pk=pk)
        context = {
            name: record,
            "history": history(record)[:50],
            "can_edit": can_edit(user, record),
            "can_delete": can_delete(user, record),
            **(extra(record, user) if extra else {}),
        }
        return render(request, template, context)

    return view


def delete_view(
    *,
    load: Callable[..., Any],
    can_delete: Callable[[User, Any], bool],
    delete: Callable[..., Any],
    what: str | Promise,
    consequence: str | Promise,
    list_url: str,
    done_message: str | Promise | None = None,
) -> Callable[..., HttpResponse]:
    """The delete confirmation of a record kind: `load` (scoped, 404), `can_delete` (403), then `confirm_delete` with
    “Xóa <what> “<record>”?” and back to the list (`list_url`, a URL name) with `done_message` (by default “Đã xóa
    <what> “<record>”.”). `delete(row, actor=…, expected_version=…)` calls the app's delete service."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        row = load(user=user_of(request), pk=pk)
        require_permission(can_delete(user_of(request), row))
        names = {"what": what, "name": row}
        return confirm_delete(
            request,
            row=row,
            delete=lambda **kwargs: delete(row, **kwargs),
            heading=_("Xóa %(what)s “%(name)s”?") % names,
            consequence=str(consequence),
            cancel_url=row.get_absolute_url(),
            done_url=reverse(list_url),
            done_message=str(done_message) if done_message else _("Đã xóa %(what)s “%(name)s”.") % names,
        )

    return view


HISTORY_KEPT = gettext_lazy("Lịch sử thay đổi vẫn được lưu.")
DELETED = gettext_lazy("Đã xóa.")


def child_delete_view(
    *,
    load: Callable[..., Any],
    parent: Callable[[Any], Any],
    can_edit_parent: Callable[[User, Any], bool],
    delete: Callable[..., Any],
    heading: Callable[[Any], str],
    consequence: str | Promise = HISTORY_KEPT,
    done_message: str | Promise = DELETED,
) -> Callable[..., HttpResponse]:
    """The delete confirmation of a row that belongs to a record (an award, a milestone, a finding): `load` (scoped,
    404), allowed when the user may edit `parent(row)` (403), and back to the parent's page. `heading(row)` asks;
    `delete(row, actor=…, expected_version=…)` calls the app's service."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        row = load(user=user_of(request), pk=pk)
        record = parent(row)
        require_permission(can_edit_parent(user_of(request), record))
        return confirm_delete(
            request,
            row=row,
            delete=lambda **kwargs: delete(row, **kwargs),
            heading=heading(row),
            consequence=str(consequence),
            cancel_url=record.get_absolute_url(),
            done_url=record.get_absolute_url(),
            done_message=str(done_message),
        )

    return view


@dataclass(frozen=True)
class RecordWrites:
    """A record kind's three write services, called one way by its pages, its spreadsheet kind and its API:
    `create(actor, data, owner_agency)`, `update(actor, record, data, expected_version)` and `delete(actor, record,
    expected_version)`. `record` is the keyword the app's update and delete services name the record by."""

    create_service: Callable[..., Any]
    update_service: Callable[..., Any]
    delete_service: Callable[..., Any]
    record: str

    def create(self, actor: User, data: dict[str, Any], owner_agency: Any = None) -> Any:
        return self.create_service(actor=actor, data=data, owner_agency=owner_agency)

    def update(self, actor: User, record: Any, data: dict[str, Any], expected_version: int) -> Any:
        return self.update_service(actor=actor, **{self.record: record}, data=data, expected_version=expected_version)

    def delete(self, actor: User, record: Any, expected_version: int) -> Any:
        return self.delete_service(actor=actor, **{self.record: record}, expected_version=expected_version)


@dataclass(frozen=True)
class ChildWrites:
    """The three write services of the rows a record holds (`add_award`, `update_award`, `delete_award`), called one
    way by their pages and their API (`core.api.ChildRoutes`): `create(actor, parent, data)`, `update(actor, row, data,
    expected_version)` and `delete(actor, row, expected_version)`. `parent` and `row` are the keywords the app's
    services name them by."""

    create_service: Callable[..., Any]
    update_service: Callable[..., Any]
    delete_service: Callable[..., Any]
    parent: str
    row: str

    def create(self, actor: User, parent: Any, data: dict[str, Any]) -> Any:
        return self.create_service(actor=actor, **{self.parent: parent}, data=data)

    def update(self, actor: User, row: Any, data: dict[str, Any], expected_version: int) -> Any:
        return self.update_service(actor=actor, **{self.row: row}, data=data, expected_version=expected_version)

    def delete(self, actor: User, row: Any, expected_version: int) -> Any:
        return self.delete_service(actor=actor, **{self.row: row}, expected_version=expected_version)


@dataclass(frozen=True, kw_only=True)
class ChildPages:
    """The pages of the rows a record holds (a project's milestones, a model's awards), declared once: the add and
    edit forms (`ChildFormView`, template `template`) and the delete confirmation (`child_delete_view`), each allowed
    when the user may edit the parent and back to the parent's page. `urls()` gives `<int:pk>/<segment>/them/` (pk:
    the parent's), `<segment>/<int:pk>/sua/` and `<segment>/<int:pk>/xoa/`, named `<name>_create`, `_update`,
    `_delete`. The parent is in the form's keyword arguments and the template's context under `parent_name`."""

    name: str  # "milestone"
    segment: str  # "moc": the rows' part of the URLs
    parent_name: str  # "project"
    form: type[Any]
    list_url: str  # the parents' list, the form's first breadcrumb: "housing:project_list"
    list_label: str | Promise  # "Nhà ở công nhân"
    parent: Callable[..., Any]  # parent(user=, pk=): one record, scoped (404)
    load: Callable[..., Any]  # load(user=, pk=): one row, scoped (404)
    parent_of: Callable[[Any], Any]  # the record a row belongs to
    can_edit_parent: Callable[[User, Any], bool]
    writes: ChildWrites
    add_heading: str | Promise
    edit_heading: str | Promise
    delete_heading: Callable[[Any], str]  # “Xóa mốc “…”?”
    consequence: str | Promise = HISTORY_KEPT  # what the delete confirmation says goes with the row
    done_message: str | Promise = DELETED
    added: str | Promise = ""  # a message after adding a row, if any
    saved: str | Promise = ""  # a message after editing one, if any
    template: str = "records/child_form.html"

    def _form_view(self, title: str | Promise) -> type[ChildFormView]:
        """What the add and edit forms share: the form, its template, the parent's name, who may edit, a heading."""
        pages = self

        class View(ChildFormView):
            form_class = pages.form
            template_name = pages.template
            parent_context_name = pages.parent_name
            can_edit_parent = staticmethod(pages.can_edit_parent)
            heading = title

            def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
                breadcrumb = {"parent": self.parent, "list_url": pages.list_url, "list_label": pages.list_label}
                return {**super().get_context_data(**kwargs), **breadcrumb}

        return View

    def create_view(self) -> Callable[..., HttpResponseBase]:
        pages = self

        class View(self._form_view(self.add_heading)):  # type: ignore[misc]
            def load(self, request: HttpRequest, **kwargs: Any) -> Any:
                return pages.parent(user=user_of(request), pk=kwargs["pk"])

            def perform(self, form: Any) -> Any:
                row = pages.writes.create(user_of(self.request), self.parent, form.service_data())
                if pages.added:
                    messages.success(self.request, str(pages.added))
                return row

        return View.as_view()

    def update_view(self) -> Callable[..., HttpResponseBase]:
        pages = self

        class View(self._form_view(self.edit_heading)):  # type: ignore[misc]
            def load(self, request: HttpRequest, **kwargs: Any) -> Any:
                self.row = pages.load(user=user_of(request), pk=kwargs["pk"])
                return pages.parent_of(self.row)

            def perform(self, form: Any) -> Any:
                # The form has written the posted values onto `self.row`; the service compares a fresh read.
                user = user_of(self.request)
                row = pages.load(user=user, pk=self.row.pk)
                row = pages.writes.update(user, row, form.service_data(), form.expected_version)
                if pages.saved:
                    messages.success(self.request, str(pages.saved))
                return row

        return View.as_view()

    def delete_view(self) -> Callable[..., HttpResponse]:
        return child_delete_view(
            load=self.load,
            parent=self.parent_of,
            can_edit_parent=self.can_edit_parent,
            delete=lambda row, *, actor, expected_version: self.writes.delete(actor, row, expected_version),
            heading=self.delete_heading,
            consequence=self.consequence,
            done_message=self.done_message,
        )

    def urls(self, prefix: str = "") -> list[URLPattern]:
        """`prefix` goes before each path, as "vu-viec/" where the parent's own pages are under it."""
        return [
            path(f"{prefix}<int:pk>/{self.segment}/them/", self.create_view(), name=f"{self.name}_create"),
            path(f"{prefix}{self.segment}/<int:pk>/sua/", self.update_view(), name=f"{self.name}_update"),
            path(f"{prefix}{self.segment}/<int:pk>/xoa/", self.delete_view(), name=f"{self.name}_delete"),
        ]


@dataclass(frozen=True, kw_only=True)
class RecordPages:
    """One record kind's five pages, declared once: the list, the record's page, the create and edit forms and the
    delete confirmation, with their URLs (`urls()`) under the app's namespace. The templates are
    `<app>/<name>_list.html`, `_detail.html`, `_form.html`; the URL names `<name>_list`, `_create`, `_detail`,
    `_update`, `_delete`. What is the app's own is passed in: its scoped selectors, filter, form, permission
    predicates, its write services (`writes`, a `RecordWrites`) and its messages."""

    app: str
    name: str
    rows: Callable[..., Any]  # rows(user=, params=): the list's scoped, filtered and ordered rows
    filter: Callable[..., Any]  # the list's FilterSet class
    load: Callable[..., Any]  # load(user=, pk=): one record, 404 out of scope
    history: Callable[[Any], Any]
    can_create: Callable[[User], bool]
    can_edit: Callable[[User, Any], bool]
    can_delete: Callable[[User, Any], bool]
    form: type[Any]
    writes: RecordWrites
    created: Callable[[Any], str]  # the message after a create, e.g. “Đã thêm mô hình “…”.”
    what: str | Promise  # “Xóa <what> “…”?”
    consequence: str | Promise  # what else goes with a deleted record
    load_detail: Callable[..., Any] | None = None  # the record's page, when it reads more than the forms
    extra: Callable[[Any, User], dict[str, Any]] | None = None  # what the record's page shows beside it
    deleted: str | Promise | None = None  # the message after a delete; by default “Đã xóa <what> “…”.”
    page_rows: Callable[[Any], Any] | None = None  # see render_list
    preset: tuple[str, ...] = ()  # GET parameters that preset the create form (“Ghi nhận” from an enterprise's page)

    def template(self, page: str) -> str:
        return f"{self.app}/{self.name}_{page}.html"

    def list_view(self) -> Callable[..., HttpResponse]:
        return list_view(
            template=self.template("list"),
            rows=self.rows,
            filter=self.filter,
            can_create=self.can_create,
            page_rows=self.page_rows,
        )

    def create_view(self) -> Callable[..., HttpResponseBase]:
        pages = self

        class View(RecordCreateView):
            form_class = pages.form
            template_name = pages.template("form")
            allowed = staticmethod(pages.can_create)

            def get_initial(self) -> dict[str, Any]:
                preset = {key: self.request.GET[key] for key in pages.preset if self.request.GET.get(key)}
                return {**super().get_initial(), **preset}

            def create(self, *, actor: User, form: Any) -> Any:
                return pages.writes.create(actor, form.service_data(), form.cleaned_data.get("owner_agency"))

            def created_message(self, record: Any) -> str:
                return pages.created(record)

        return View.as_view()

    def update_view(self) -> Callable[..., HttpResponseBase]:
        pages = self

        class View(RecordUpdateView):
            form_class = pages.form
            template_name = pages.template("form")
            context_name = pages.name
            selector = staticmethod(pages.load)
            allowed_on_record = staticmethod(pages.can_edit)

            def update(self, *, actor: User, record: Any, form: Any) -> Any:
                return pages.writes.update(actor, record, form.service_data(), form.expected_version)

        return View.as_view()

    def urls(self, prefix: str = "") -> list[URLPattern]:
        """`prefix` goes before each path, as "vu-viec/" where an app has several record kinds."""
        name = self.name
        detail = detail_view(
            template=self.template("detail"),
            name=name,
            load=self.load_detail or self.load,
            can_edit=self.can_edit,
            can_delete=self.can_delete,
            history=self.history,
            extra=self.extra,
        )
        delete = delete_view(
            load=self.load,
            can_delete=self.can_delete,
            delete=lambda row, *, actor, expected_version: self.writes.delete(actor, row, expected_version),
            what=self.what,
            consequence=self.consequence,
            list_url=f"{self.app}:{name}_list",
            done_message=self.deleted,
        )
        return [
            path(prefix, self.list_view(), name=f"{name}_list"),
            path(f"{prefix}them/", self.create_view(), name=f"{name}_create"),
            path(f"{prefix}<int:pk>/", detail, name=f"{name}_detail"),
            path(f"{prefix}<int:pk>/sua/", self.update_view(), name=f"{name}_update"),
            path(f"{prefix}<int:pk>/xoa/", delete, name=f"{name}_delete"),
        ]


def plug_in_records(
    *,
    app: str,
    name: str,
    label: str | Promise,
    prefix: str,
    order: int,
    section: Callable[..., dict[str, Any] | None] | None = None,
    section_order: int = 100,
) -> None:
    """What a record app adds to pages it does not own (core/plugins.py): its list page in the menu's “Hồ sơ hoạt
    động” group, and its section of the enterprise page (`<app>/enterprise_section.html`, with what
    `section(user=, enterprise=, rows=)` gathers through the app's selectors)."""
    menu.add(group="records", url_name=f"{app}:{name}_list", label=label, prefix=prefix, order=order)
    if section is not None:
        template = f"{app}/enterprise_section.html"
        sections.add("enterprise", key=app, template=template, context=section, order=section_order)
