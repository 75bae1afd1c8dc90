"""One error shape for the whole API, and the helpers every app's api.py uses.

422 {"message", "code", "fields": {field: [messages]}} for invalid input (ours or the schema's),
403 for a forbidden action, 404 for anything out of the caller's scope, 409 for a version conflict."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Query, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict, Field, create_model

from phoihop.core import cache
from phoihop.core.errors import ConflictError, field_error
from phoihop.core.params import Year

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from phoihop.accounts.models import User
    from phoihop.core.records import ChildWrites, RecordWrites


class ErrorOut(Schema):
    message: str
    code: str
    fields: dict[str, list[str]] = {}


ERROR_RESPONSES: dict[int, type[Schema]] = {403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def api_user(request: HttpRequest) -> User:
    """The authenticated caller (session or token)."""
    user = getattr(request, "auth", None)
    if user is None or not user.is_authenticated:
        raise AuthenticationError
    return user


def resolve_ids(
    queryset: QuerySet[Any], ids: Iterable[int], *, field: str, message: StrOrPromise, code: str
) -> list[Any]:
    """The rows with these ids that the caller can see (`queryset` is a scoped selector), in the order given. An id
    that is not there is a 422 naming the field — `message` takes `%(ids)s` — never a 500 or a silent drop."""
    wanted = list(dict.fromkeys(ids))
    found = {obj.pk: obj for obj in queryset.filter(pk__in=wanted)}
    missing = [str(pk) for pk in wanted if pk not in found]
    if missing:
        raise field_error(field, message % {"ids": ", ".join(missing)}, code)
    return [found[pk] for pk in wanted]


def resolve_id(queryset: QuerySet[Any], pk: int | None, *, field: str, message: StrOrPromise, code: str) -> Any:
    """One optional reference: None stays None; otherwise as `resolve_ids`."""
    return None if pk is None else resolve_ids(queryset, [pk], field=field, message=message, code=code)[0]


@dataclass(frozen=True)
class Ref:
    """A reference in a payload: `key` holds the id of a row of another kind (`many`: a list of ids), which
    `apply_refs` looks up in `selector(user)` — a scoped selector, so what the caller cannot read is not there — and
    hands to the service under `field`. An id that is not found is a 422 naming `field`: with `what`, the usual
    “Không có <what> số 7, 9.” and code `unknown_<field>`; `message` (with `%(ids)s`) and `code` replace either.
    `null` clears: None for one row, no rows for a list.

        Ref("enterprise_id", "enterprise", enterprises_visible_to, gettext_lazy("doanh nghiệp trong danh mục"))
        Ref("plan_item_ids", "plan_items", linkable, gettext_lazy("nội dung phối hợp"), many=True)
    """

    key: str
    field: str
    selector: Callable[[User], QuerySet[Any]]
    what: StrOrPromise = ""
    message: StrOrPromise = ""
    code: str = ""
    many: bool = False

    def resolve(self, user: User, value: Any) -> Any:
        message = self.message or _("Không có %(what)s số %%(ids)s.") % {"what": self.what}
        code = self.code or f"unknown_{self.field}"
        if self.many:
            return resolve_ids(self.selector(user), value or [], field=self.field, message=message, code=code)
        return resolve_id(self.selector(user), value, field=self.field, message=message, code=code)


def apply_refs(user: User, data: dict[str, Any], refs: Iterable[Ref]) -> dict[str, Any]:
    """A copy of the payload with each reference it carries turned into rows (`Ref`); keys it does not carry (a
    PATCH that leaves them alone) stay out."""
    resolved = dict(data)
    for ref in refs:
        if ref.key in resolved:
            resolved[ref.field] = ref.resolve(user, resolved.pop(ref.key))
    return resolved


# What an owner body's id that is not found says, in every app.
OWNER_MESSAGE = gettext_lazy("Không có đơn vị số %(ids)s.")

S = TypeVar("S", bound=Schema)


def patch_schema(
    create_in: type[Schema], *, drop: Iterable[str] = (), version: bool = True
) -> Callable[[type[S]], type[S]]:
    """The PATCH body of a record kind, made from its create schema. Goes on a class that names the schema (its name
    is the schema's name in the OpenAPI document) and declares only the fields the patch types differently:

        @patch_schema(FoundingIn, drop=("owner_agency_id",))
        class FoundingPatch(Schema): ...

    Every other field of `create_in` but those in `drop` becomes `T | None = None` with the same constraints
    (max_length, ge, max_digits…) and description; `version: int` is required (`version=False` for a part nested
    in a patch); unknown fields are refused. A field the client leaves out stays unset, so `patch_data` sees only
    what was sent."""
    dropped = frozenset(drop)
    if dropped - create_in.model_fields.keys():
        raise TypeError(
            f"{create_in.__name__} has no field {', '.join(sorted(dropped - create_in.model_fields.keys()))}"
        )

    def build(stub: type[S]) -> type[S]:
        fields: dict[str, Any] = {"version": (int, ...)} if version else {}
        for name, info in create_in.model_fields.items():
            if name in dropped or name in stub.model_fields:
                continue
            annotation: Any = Optional[info.annotation]  # noqa: UP045 - a runtime type, not an annotation
            if info.metadata:
                annotation = Annotated[(annotation, *info.metadata)]
            fields[name] = (annotation, Field(None, description=info.description) if info.description else None)
        return create_model(
            stub.__name__,
            __base__=stub,
            __module__=stub.__module__,
            __config__=ConfigDict(extra="forbid"),
            **fields,
        )

    return build


def patch_data(payload: Schema, model: type[models.Model]) -> dict[str, Any]:
    """The fields a PATCH sent (`exclude_unset`). `null` is how a client clears an optional field; for a field the
    record cannot be without (NOT NULL, other than optional text, which services store as "") it is a 422
    `null_not_allowed` naming the field — before any domain check meets a None it does not expect, and before the
    database answers with an IntegrityError."""
    data = payload.dict(exclude_unset=True)
    fields: dict[str, models.Field[Any, Any]] = {}
    for concrete in model._meta.concrete_fields:
        fields[concrete.name] = fields[concrete.attname] = concrete
    errors: dict[str, list[ValidationError]] = {}
    for name, value in data.items():
        field = fields.get(name)
        if value is not None or field is None or field.null:
            continue
        if field.blank and isinstance(field, models.CharField | models.TextField):
            continue
        errors[name] = [ValidationError(_("Trường này không được để trống (null)."), code="null_not_allowed")]
    if errors:
        raise ValidationError(errors)
    return data


def filter_schema(
    filterset: type[django_filters.FilterSet], *, sort: str, enums: Iterable[type[models.Choices]] = ()
) -> type[Schema]:
    """The query parameters of a list endpoint, read from the filter set of the same list's page, so the two offer
    the same filters: `q` (the search box), one optional parameter per filter of the set, `sort` (its default
    given) and, last, the set's `scope` choice. The schema is named after the set: FoundingFilter ->
    FoundingFilters.

    Each filter's type: a choice filter takes the enum among `enums` holding the same values (its name and members
    stay in the OpenAPI document; a wrong value is a 422 listing the choices); a model choice or number filter an
    id or number (`int`), `year` / `…_year` / a year lookup the bounded `core.params.Year`; a date filter a date; a
    yes/no filter a bool; a text filter a string. A filter of another kind, or a choice no enum matches, is a
    TypeError when the app's api module is imported, never a parameter that silently goes missing."""
    fields: dict[str, Any] = {"q": (str, "")}
    # In the order the set declares them (a page's form puts those of `Meta.fields` first).
    names = [name for name in {**filterset.declared_filters, **filterset.base_filters} if name != "scope"]
    for name in names:
        fields[name] = (Optional[_filter_type(name, filterset.base_filters[name], enums)], None)  # noqa: UP045
    fields["sort"] = (str, sort)
    if "scope" in filterset.base_filters:
        fields["scope"] = (Optional[_filter_type("scope", filterset.base_filters["scope"], enums)], None)  # noqa: UP045
    return create_model(f"{filterset.__name__}s", __base__=Schema, **fields)


def filter_params(filters: Any) -> dict[str, Any]:
    """What a list's selector takes from its query parameters (a `filter_schema`): those the caller gave."""
    return {key: value for key, value in filters.dict().items() if value is not None}


def _filter_type(name: str, declared: django_filters.Filter, enums: Iterable[type[models.Choices]]) -> Any:
    # ModelChoiceFilter is a ChoiceFilter too: it takes an id.
    if isinstance(declared, django_filters.ModelChoiceFilter):
        return int
    if isinstance(declared, django_filters.ChoiceFilter):
        choices = declared.extra["choices"]
        values = {str(value) for value, _label in (choices() if callable(choices) else choices)}
        for enum in enums:
            if {str(value) for value in enum.values} == values:
                return enum
        raise TypeError(f"{name}: no enum in `enums` has the choices {sorted(values)}")
    if isinstance(declared, django_filters.NumberFilter):
        return Year if name == "year" or name.endswith("_year") or declared.lookup_expr == "year" else int
    if isinstance(declared, django_filters.DateFilter):
        return dt.date
    if isinstance(declared, django_filters.BooleanFilter):
        return bool
    if isinstance(declared, django_filters.CharFilter):
        return str
    raise TypeError(f"{name}: no API parameter type for {type(declared).__name__}")


JSON = "application/json; charset=utf-8"


def cached_list(model: type[models.Model], *, depends_on: Iterable[type[models.Model]] = ()) -> Callable[..., Any]:
    """A list endpoint whose answer (one page, serialized) is kept in the shared cache for callers of the same scope,
    like the list pages (core/cache.py). Goes on the endpoint's function, above `@paginate`: it runs after the
    caller is authenticated; a valid entry is answered as is, else the answer is stored once ninja has written it."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(func)
        def view(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            entry = cache.lookup(
                request, kind=f"api {request.path}", user=api_user(request), depends_on=[model, *depends_on]
            )
            if entry is not None and entry.text is not None:
                return HttpResponse(entry.text, content_type=JSON)
            request.list_cache_entry = entry  # type: ignore[attr-defined]
            return func(request, *args, **kwargs)

        return decorate_view(_store_answer)(view)

    return decorate


def _store_answer(run: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        response = run(request, *args, **kwargs)
        entry = getattr(request, "list_cache_entry", None)
        if entry is not None and response.status_code == 200 and response.get("Content-Type") == JSON:
            entry.store(response.content.decode())
        return response

    return wrapper


@dataclass(frozen=True)
class RecordRoutes:
    """The five endpoints of one owned record kind on a ninja router: list (filters + paging), detail, create,
    patch (the body carries `version`; a stale one is a 409) and delete (`?version=`). The app gives its schemas,
    its scoped selectors, its services — `writes` (its core.records.RecordWrites; a new record is filed under the
    payload's owner body, else the caller's), or `create`, `update` and `delete` — and `resolve`, which turns
    payload ids into rows the user can read: a tuple of `Ref`s, or a function `(user, data) -> data` for what they
    do not say; with `owners`, `owner_agency_id` becomes `owner_agency` before that. Each endpoint reads through
    `get`, so what is out of scope is a 404."""

    path: str  # "/foundings"; the detail is "/foundings/{pk}"
    name: str  # "founding": operation ids list_founding, get_founding, …
    model: type[models.Model]
    out: type[Schema]
    create_in: type[Schema]
    patch_in: type[Schema]
    filters: type[Schema]
    rows: Callable[[User, dict[str, Any]], QuerySet[Any]]  # the list, filtered and sorted, with its prefetches
    get: Callable[[User, int], Any]
    writes: RecordWrites | None = None
    create: Callable[[User, dict[str, Any]], Any] | None = None
    update: Callable[[User, Any, dict[str, Any], int], Any] | None = None
    delete: Callable[[User, Any, int], Any] | None = None
    resolve: tuple[Ref, ...] | Callable[[User, dict[str, Any]], dict[str, Any]] = ()
    owners: Callable[[User], QuerySet[Any]] | None = None  # the bodies a payload's `owner_agency_id` may name
    detail_out: type[Schema] | None = None  # what detail, create and patch answer, when richer than a list row
    summary: str = ""
    page_size: int = 50

    def mount(self, router: Router) -> Router:
        detail = f"{self.path}/{{pk}}"
        writes, create, update, delete = self.writes, self.create, self.update, self.delete
        if writes is not None:
            create, update, delete = (
                lambda user, data: writes.create(user, data, data.pop("owner_agency", None)),
                writes.update,
                writes.delete,
            )
        if create is None or update is None or delete is None:
            raise TypeError(f"{self.name}: give `writes`, or `create`, `update` and `delete`")
        one = self.detail_out or self.out
        responses = {200: one, **ERROR_RESPONSES}

        owner = (
            ()
            if self.owners is None
            else (Ref("owner_agency_id", "owner_agency", self.owners, message=OWNER_MESSAGE, code="unknown_agency"),)
        )

        def resolve(user: User, data: dict[str, Any]) -> dict[str, Any]:
            data = apply_refs(user, data, owner)
            if callable(self.resolve):
                return self.resolve(user, data)
            return apply_refs(user, data, self.resolve)

        def list_records(request: HttpRequest, filters: Any) -> Any:
            return self.rows(api_user(request), filter_params(filters))

        def get_record(request: HttpRequest, pk: int) -> Any:
            return self.get(api_user(request), pk)

        def create_record(request: HttpRequest, payload: Any) -> Any:
            user = api_user(request)
            record = create(user, resolve(user, payload.dict()))
            return Status(201, self.get(user, record.pk))

        def update_record(request: HttpRequest, pk: int, payload: Any) -> Any:
            user = api_user(request)
            data = patch_data(payload, self.model)
            version = data.pop("version")
            update(user, self.get(user, pk), resolve(user, data), version)
            return self.get(user, pk)

        def delete_record(request: HttpRequest, pk: int, version: int) -> Any:
            user = api_user(request)
            delete(user, self.get(user, pk), version)
            return Status(204, None)

        # The payload types are this record kind's; ninja reads them from the annotations.
        list_records.__annotations__ = {"request": HttpRequest, "filters": Query[self.filters]}  # type: ignore[misc,name-defined]
        get_record.__annotations__ = {"request": HttpRequest, "pk": int}
        create_record.__annotations__ = {"request": HttpRequest, "payload": self.create_in}
        update_record.__annotations__ = {"request": HttpRequest, "pk": int, "payload": self.patch_in}
        delete_record.__annotations__ = {"request": HttpRequest, "pk": int, "version": int}
        paged = cached_list(self.model)(paginate(PageNumberPagination, page_size=self.page_size)(list_records))
        router.get(self.path, response=list[self.out], summary=self.summary, operation_id=f"list_{self.name}")(paged)  # type: ignore[name-defined]
        router.get(detail, response=responses, operation_id=f"get_{self.name}")(get_record)
        router.post(self.path, response={201: one, **ERROR_RESPONSES}, operation_id=f"create_{self.name}")(
            create_record
        )
        router.patch(detail, response=responses, operation_id=f"update_{self.name}")(update_record)
        router.delete(detail, response={204: None, **ERROR_RESPONSES}, operation_id=f"delete_{self.name}")(
            delete_record
        )
        return router


@dataclass(frozen=True)
class ChildRoutes:
    """The endpoints of the rows one parent record holds (a project's milestones, an inspection's findings) on a
    ninja router. The list and create live under the parent, `under` ("/projects/{project_id}/milestones"); patch
    (the body carries `version`; a stale one is a 409), delete (`?version=`) and, with `detail`, a plain GET live at
    the row, `at` ("/milestones/{milestone_id}"). Each path names one id, which is the endpoint's parameter.

    The app gives its schemas and its scoped selectors — `parent(user=, pk=)` and `get(user=, pk=)` read one parent
    or row the user can see, so anything out of reach is a 404 before a service runs — and its services (the
    `core.records.ChildWrites` of the app's services, `writes`, stands for `create`, `update` and `delete`). `refs`
    turns payload ids into rows (`Ref`) before `create` or `update` sees them. Every write answers what `get` reads
    afterwards. Leave out `rows` or `create` where the parent has no such endpoint.

    Operation ids and summaries are those ninja gives a hand-written endpoint in `module`: `<module>_list_<plural>`
    (`plural` is `<name>s` unless given),
    `<module>_<create_verb>_<name>`, `<module>_update_<name>`, `<module>_delete_<name>`, `<module>_get_<name>`.
    """

    module: str  # the app's api module, `__name__`
    name: str  # "milestone"
    at: str  # "/milestones/{milestone_id}": detail, patch, delete
    model: type[models.Model]
    out: type[Schema]
    patch_in: type[Schema]
    get: Callable[..., Any]  # get(user=, pk=): one row, scoped
    writes: ChildWrites | None = None  # or the three below
    update: Callable[[User, Any, dict[str, Any], int], Any] | None = None  # (user, row, data, version)
    delete: Callable[[User, Any, int], Any] | None = None  # (user, row, version)
    under: str = ""  # "/projects/{project_id}/milestones": list, create
    parent: Callable[..., Any] | None = None  # parent(user=, pk=): one parent, scoped
    rows: Callable[[User, Any], Any] | None = None  # (user, parent) -> its rows
    create_in: type[Schema] | None = None
    create: Callable[[User, Any, dict[str, Any]], Any] | None = None  # (user, parent, data) -> the new row
    create_verb: str = "create"
    plural: str = ""  # "<name>s" when empty
    refs: tuple[Ref, ...] = ()
    detail: bool = False

    def __post_init__(self) -> None:
        if self.writes is not None:
            for name in ("create", "update", "delete"):
                object.__setattr__(self, name, getattr(self.writes, name))
        if (self.rows or self.create) and not (self.parent and self.under):
            raise TypeError(f"{self.name}: `rows` and `create` need `parent` and `under`")
        if self.create and self.create_in is None:
            raise TypeError(f"{self.name}: `create` needs `create_in`")

    def mount(self, router: Router) -> Router:
        parent_id, row_id = _path_id(self.under) if self.under else "", _path_id(self.at)
        prefix = self.module.replace(".", "_")

        def route(method: Callable[..., Any], path: str, op: str, responses: dict[int, Any]) -> Callable[..., Any]:
            return method(
                path,
                response={**responses, **ERROR_RESPONSES},
                operation_id=f"{prefix}_{op}",
                summary=op.title().replace("_", " "),
            )

        # ninja reads an endpoint's parameters from its signature: `_signature` gives the ids the names in the path.
        parent, rows, create, update, delete = (
            self.parent or _no_parent,
            self.rows,
            self.create,
            self.update,
            self.delete,
        )
        if update is None or delete is None:
            raise TypeError(f"{self.name}: give `writes`, or `update` and `delete`")
        if rows is not None:

            def list_rows(request: HttpRequest, **ids: int) -> Any:
                user = api_user(request)
                return rows(user, parent(user=user, pk=ids[parent_id]))

            list_rows.__signature__ = _signature((parent_id, int))  # type: ignore[attr-defined]
            route(router.get, self.under, f"list_{self.plural or self.name + 's'}", {200: list[self.out]})(list_rows)  # type: ignore[name-defined]

        if create is not None:

            def create_row(request: HttpRequest, payload: Schema, **ids: int) -> Any:
                user = api_user(request)
                row = create(user, parent(user=user, pk=ids[parent_id]), apply_refs(user, payload.dict(), self.refs))
                return Status(201, self.get(user=user, pk=row.pk))

            create_row.__signature__ = _signature((parent_id, int), ("payload", self.create_in))  # type: ignore[attr-defined]
            route(router.post, self.under, f"{self.create_verb}_{self.name}", {201: self.out})(create_row)

        if self.detail:

            def get_row(request: HttpRequest, **ids: int) -> Any:
                return self.get(user=api_user(request), pk=ids[row_id])

            get_row.__signature__ = _signature((row_id, int))  # type: ignore[attr-defined]
            route(router.get, self.at, f"get_{self.name}", {200: self.out})(get_row)

        def update_row(request: HttpRequest, payload: Schema, **ids: int) -> Any:
            user = api_user(request)
            row = self.get(user=user, pk=ids[row_id])
            data = apply_refs(user, patch_data(payload, self.model), self.refs)
            version = data.pop("version")
            update(user, row, data, version)
            return self.get(user=user, pk=ids[row_id])

        update_row.__signature__ = _signature((row_id, int), ("payload", self.patch_in))  # type: ignore[attr-defined]
        route(router.patch, self.at, f"update_{self.name}", {200: self.out})(update_row)

        def delete_row(request: HttpRequest, version: int, **ids: int) -> Any:
            user = api_user(request)
            delete(user, self.get(user=user, pk=ids[row_id]), version)
            return Status(204, None)

        delete_row.__signature__ = _signature((row_id, int), ("version", int))  # type: ignore[attr-defined]
        route(router.delete, self.at, f"delete_{self.name}", {204: None})(delete_row)
        return router


def _no_parent(*, user: User, pk: int) -> Any:
    raise TypeError  # never called: __post_init__ refuses `rows` or `create` without `parent`


def _path_id(path: str) -> str:
    """The one id a child route's path names: "/milestones/{milestone_id}" -> "milestone_id"."""
    names = re.findall(r"{(\w+)}", path)
    if len(names) != 1:
        raise ValueError(f"{path!r} should name exactly one id")
    return str(names[0])


def _signature(*params: tuple[str, Any]) -> inspect.Signature:
    """What ninja reads as an endpoint's parameters (their names are the path's): `request`, then these, by keyword."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    return inspect.Signature(
        [
            inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=HttpRequest),
            *(inspect.Parameter(name, keyword, annotation=annotation) for name, annotation in params),
        ]
    )


def _validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    message_list: list[str] = []
    code = "invalid"
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            key = "__all__" if field == "__all__" else field
            fields[key] = [m for e in errors for m in e.messages]
            message_list.extend(fields[key])
            code = next((e.code for e in errors if e.code), code)
    else:
        message_list = list(exc.messages)
        code = next((e.code for e in exc.error_list if e.code), getattr(exc, "code", None) or code)
    message = " ".join(message_list) or _("Dữ liệu không hợp lệ.")
    return api.create_response(request, {"message": message, "code": code, "fields": fields}, status=422)


def _schema_error(request: HttpRequest, exc: SchemaValidationError, api: NinjaAPI) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload", "query", "path")]
        name = ".".join(location) or "__all__"
        fields.setdefault(name, []).append(_schema_message(error))
    message = _("Dữ liệu gửi lên không đúng định dạng: %(fields)s.") % {"fields": ", ".join(fields)}
    return api.create_response(request, {"message": message, "code": "invalid_input", "fields": fields}, status=422)


def _schema_message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind == "missing":
        return _("Thiếu trường bắt buộc.")
    if kind == "extra_forbidden":
        return _("Trường này không được phép gửi.")
    limits = {"greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le", "less_than": "lt"}
    if kind in limits:
        texts = {
            "ge": _("Phải lớn hơn hoặc bằng %(n)s."),
            "gt": _("Phải lớn hơn %(n)s."),
            "le": _("Phải nhỏ hơn hoặc bằng %(n)s."),
            "lt": _("Phải nhỏ hơn %(n)s."),
        }
        key = limits[kind]
        return texts[key] % {"n": error.get("ctx", {}).get(key, "")}
    if kind == "enum":
        return _("Giá trị không hợp lệ; chọn một trong: %(expected)s.") % {
            "expected": str(error.get("ctx", {}).get("expected", "")).replace(" or ", " hoặc ")
        }
    if kind.startswith(("int_", "float_", "decimal_")):
        return _("Phải là một số.")
    if kind.startswith("string_too_long"):
        return _("Quá dài (tối đa %(n)s ký tự).") % {"n": error.get("ctx", {}).get("max_length", "")}
    if kind.startswith("string"):
        return _("Phải là chuỗi ký tự.")
    if kind.startswith("date"):
        return _("Ngày không hợp lệ (định dạng YYYY-MM-DD).")
    return _("Giá trị không hợp lệ.")


def _forbidden(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return api.create_response(
        request,
        {"message": _("Anh/chị không có quyền thực hiện thao tác này."), "code": "forbidden", "fields": {}},
        status=403,
    )


def _not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return api.create_response(
        request, {"message": _("Không tìm thấy."), "code": "not_found", "fields": {}}, status=404
    )


def _conflict(request: HttpRequest, exc: ConflictError, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"message": exc.message, "code": exc.code, "fields": {}}, status=409)


def _unauthenticated(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return api.create_response(
        request,
        {"message": _("Cần đăng nhập hoặc mã API hợp lệ."), "code": "unauthenticated", "fields": {}},
        status=401,
    )


def _http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    """ninja's own errors in our shape; the one a client meets is a body that is not JSON (ninja says 400)."""
    if exc.status_code == 400:
        message = _("Nội dung gửi lên không đọc được: phải là JSON hợp lệ.")
        return api.create_response(request, {"message": message, "code": "invalid_json", "fields": {}}, status=422)
    if exc.status_code == 403 and "CSRF" in str(exc):
        # A write that rides on the session cookie without the page's CSRF token (a forged cross-site request,
        # or a script that should use a personal token instead).
        message = _(
            "Yêu cầu ghi dữ liệu bằng phiên đăng nhập phải kèm mã chống giả mạo (CSRF) của trang; "
            "hãy tải lại trang rồi thử lại. Chương trình kết nối thì dùng mã API cá nhân (Authorization: Bearer …)."
        )
        return api.create_response(request, {"message": message, "code": "csrf_failed", "fields": {}}, status=403)
    return api.create_response(request, {"message": str(exc), "code": "error", "fields": {}}, status=exc.status_code)


def install_error_handlers(api: NinjaAPI) -> None:
    from functools import partial

    api.add_exception_handler(ValidationError, partial(_validation_error, api=api))
    api.add_exception_handler(SchemaValidationError, partial(_schema_error, api=api))
    api.add_exception_handler(PermissionDenied, partial(_forbidden, api=api))
    api.add_exception_handler(Http404, partial(_not_found, api=api))
    api.add_exception_handler(ConflictError, partial(_conflict, api=api))
    api.add_exception_handler(HttpError, partial(_http_error, api=api))
    api.add_exception_handler(AuthenticationError, partial(_unauthenticated, api=api))
