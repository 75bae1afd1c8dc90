from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from phoihop.core.audit import history_of
from phoihop.core.plugins import sections
from phoihop.core.records import confirm_delete, render_list
from phoihop.core.views import ServiceFormView, paginate, require_permission, user_of
from phoihop.directory import permissions, selectors, services
from phoihop.directory.filters import EnterpriseFilter
from phoihop.directory.forms import EnterpriseForm, ZoneForm, enterprise_option
from phoihop.directory.models import Enterprise


@login_required
def enterprise_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    # Read only when the page is rendered, not when it comes from the cache (core/cache.py): a search's selector
    # reads the zones at once.
    enterprises = SimpleLazyObject(lambda: selectors.list_enterprises(user=user, params=request.GET))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": SimpleLazyObject(lambda: EnterpriseFilter(request.GET, queryset=enterprises, user=user)),
        "sort": request.GET.get("sort", "name"),
        "query_string": query.urlencode(),
        "can_create": permissions.can_create_enterprise(user),
    }
    return render_list(
        request,
        template="directory/enterprise_list.html",
        rows=enterprises,
        model=Enterprise,
        context=context,
        paginate_rows=_enterprise_page,
    )


def _enterprise_page(request: HttpRequest, enterprises: Any) -> Page[Any]:
    """A search counts up to a bound ("hơn 1.000"), never the whole directory."""
    if not request.GET.get("q", "").strip():
        page = paginate(request, enterprises)
        page.count_is_lower_bound = False  # type: ignore[attr-defined]
        return page
    count, count_is_lower_bound = selectors.count_bounded(enterprises)
    paginator = Paginator(enterprises, 25)
    paginator.count = count
    page = paginator.get_page(request.GET.get("page"))
    page.count_is_lower_bound = count_is_lower_bound  # type: ignore[attr-defined]
    return page


# Enough to find one enterprise among a hundred thousand as the user types a few letters of its name.
PICKER_LIMIT = 20


@login_required
@require_GET
def enterprise_options(request: HttpRequest) -> JsonResponse:
    """The enterprise picker's suggestions (static/js/pickers.js): JSON, since the directory is far too big to put
    in the page as a drop-down list."""
    query = request.GET.get("q", "")[:200]
    enterprises = selectors.enterprise_options(user=user_of(request), query=query, limit=PICKER_LIMIT)
    return JsonResponse({"results": [enterprise_option(enterprise) for enterprise in enterprises]})


# Rows of a section on the enterprise page; a longer section links to the full, filtered list.
ENTERPRISE_PAGE_ROWS = 20


@login_required
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One page per enterprise: the directory record and everything the programme knows of it across modules."""
    user = user_of(request)
    enterprise = selectors.get_enterprise(user=user, pk=pk)
    context = {
        "enterprise": enterprise,
        "history": history_of(enterprise)[:50],
        "can_edit": permissions.can_edit_enterprise(user, enterprise),
        "can_delete": permissions.can_delete_enterprise(user, enterprise),
        # What the programme's record apps know of the enterprise, each through its own scoped selector, in a fixed
        # number of queries (core/plugins.py): the directory does not depend on those apps.
        "sections": sections.render("enterprise", user=user, enterprise=enterprise, rows=ENTERPRISE_PAGE_ROWS),
    }
    return render(request, "directory/enterprise_detail.html", context)


class EnterpriseCreateView(ServiceFormView):
    form_class = EnterpriseForm
    template_name = "directory/enterprise_form.html"
    allowed = staticmethod(permissions.can_create_enterprise)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: EnterpriseForm) -> Any:
        enterprise = services.create_enterprise(
            actor=user_of(self.request),
            data=form.service_data(),
            owner_agency=form.cleaned_data.get("owner_agency"),
        )
        messages.success(self.request, _("Đã thêm doanh nghiệp “%(name)s”.") % {"name": enterprise.name})
        return enterprise


class EnterpriseUpdateView(ServiceFormView):
    form_class = EnterpriseForm
    template_name = "directory/enterprise_form.html"
    selector = staticmethod(selectors.get_enterprise)
    allowed_on_record = staticmethod(permissions.can_edit_enterprise)
    edits = True
    context_name = "enterprise"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: EnterpriseForm) -> Any:
        enterprise = services.update_enterprise(
            actor=user_of(self.request),
            enterprise=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return enterprise


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_delete(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = selectors.get_enterprise(user=user_of(request), pk=pk)
    require_permission(permissions.can_delete_enterprise(user_of(request), enterprise))
    return confirm_delete(
        request,
        row=enterprise,
        delete=lambda **kwargs: services.delete_enterprise(enterprise=enterprise, **kwargs),
        heading=_("Xóa doanh nghiệp “%(name)s”?") % {"name": enterprise.name},
        consequence=_("Doanh nghiệp sẽ bị xóa khỏi danh mục. Lịch sử thay đổi vẫn được lưu."),
        cancel_url=enterprise.get_absolute_url(),
        done_url=reverse("directory:enterprise_list"),
        done_message=_("Đã xóa doanh nghiệp “%(name)s”.") % {"name": enterprise.name},
    )


@login_required
def zone_list(request: HttpRequest) -> HttpResponse:
    zones = selectors.list_zones(user=user_of(request), query=request.GET.get("q", ""))
    # Kept in the shared list cache like the record lists: each zone's enterprise count reads every enterprise.
    context = {"can_manage": permissions.can_manage_reference(user_of(request))}
    return render_list(request, template="directory/zone_list.html", rows=zones, context=context)


@login_required
def zone_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    zone = selectors.get_zone(user=user, pk=pk)
    enterprises = selectors.list_enterprises(user=user, params={"zone": zone.pk})
    year = int(request.GET.get("year") or timezone.localdate().year)  # checked at the edge (core/params.py)
    context = {
        "zone": zone,
        "sections": sections.render("zone", user=user, zone=zone, year=year),
        "page": paginate(request, enterprises),
        "history": history_of(zone)[:50],
        "can_manage": permissions.can_manage_reference(user_of(request)),
    }
    return render(request, "directory/zone_detail.html", context)


class ZoneCreateView(ServiceFormView):
    form_class = ZoneForm
    template_name = "directory/zone_form.html"
    allowed = staticmethod(permissions.can_manage_reference)

    def perform(self, form: ZoneForm) -> Any:
        return services.create_zone(actor=user_of(self.request), data=form.service_data())


class ZoneUpdateView(ServiceFormView):
    form_class = ZoneForm
    template_name = "directory/zone_form.html"
    selector = staticmethod(selectors.get_zone)
    allowed = staticmethod(permissions.can_manage_reference)
    edits = True
    context_name = "zone"

    def perform(self, form: ZoneForm) -> Any:
        return services.update_zone(
            actor=user_of(self.request),
            zone=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = selectors.list_agencies(user=user_of(request), query=request.GET.get("q", ""))
    return render(request, "directory/agency_list.html", {"agencies": agencies, "q": request.GET.get("q", "")})


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.get_agency(user=user_of(request), pk=pk)
    return render(
        request,
        "directory/agency_detail.html",
        {"agency": agency, "children": agency.children.all(), "history": history_of(agency)[:50]},
    )
