"""Rendering to files: the request, the job's progress (an htmx partial), the download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.core.htmx import htmx_partial
from phoihop.core.views import redirect_after, user_of
from phoihop.reports import selectors, services
from phoihop.reports.forms import (
    RenderForm,
)


@login_required
@require_POST
def render_request(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    form = RenderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn định dạng: docx, pdf hoặc html."))
        return redirect_after(request, report.get_absolute_url())
    try:
        job = services.request_render(actor=user, report=report, format=form.cleaned_data["format"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect_after(request, report.get_absolute_url())
    if htmx_partial(request):
        return render(request, "reports/job.html#job", {"job": job})
    return HttpResponseRedirect(report.get_absolute_url() + f"#job-{job.pk}")


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.get_job(user=user_of(request), pk=pk)
    template = "reports/job.html"
    return render(request, f"{template}#job" if htmx_partial(request) else template, {"job": job})


@login_required
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    from phoihop.reports.rendering import CONTENT_TYPES

    job = selectors.get_job(user=user_of(request), pk=pk)
    if not job.file:
        raise Http404
    handle = job.file.open("rb")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=job.filename or job.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES.get(job.format, "application/octet-stream"),
    )
