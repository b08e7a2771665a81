"""The service admin's pages: the queue of open requests, the figures with their charts, the XLSX export.

Also the PDF of a closed request's written recommendation, for its requester and provider.
"""

import io
import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import fetch, require
from tumbuh.audit.services import record_event
from tumbuh.common.charts import svg_response
from tumbuh.common.paging import CappedPaginator

from .. import pdf
from ..charts import CHARTS
from ..forms.dashboard import PeriodForm, QueueFilterForm
from ..models.exports import ExportStatus
from ..models.requests import RequestStatus
from ..selectors import figures as selectors
from ..selectors.requests import requests_visible_to
from ..services.exports import start_export

QUEUE_PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Where the admin can offer a request to a provider straight from the queue.
ASSIGNABLE = (RequestStatus.SUBMITTED, RequestStatus.DECLINED)


def _agency_choice(user) -> dict:
    ids = selectors.dashboard_agency_ids(user)
    return {"agencies": selectors.agencies_run_by(user), "several_agencies": ids is None or len(ids) > 1}


def dashboard_queue(request):
    user = request.user
    require(user, "service.view_queue")
    form = QueueFilterForm(request.GET or None, **_agency_choice(user))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queue = selectors.queue_for(
        user, agency=filters.get("agency"), status=filters.get("status", ""), kind=filters.get("kind", "")
    )
    page = CappedPaginator(queue, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": [(req, timesince(req.created_at, now, depth=1)) for req in page],
        "assignable": ASSIGNABLE,
        "show_agency": form.fields.get("agency") is not None,
        "filter_query": query.urlencode(),
    }
    return render(request, "service/dashboard_queue.html", context)


def _period_form(request, data) -> PeriodForm:
    return PeriodForm(data, today=timezone.localdate(), **_agency_choice(request.user))


def _figures_of(request, form: PeriodForm) -> selectors.ServiceFigures:
    return selectors.service_figures(
        agency_ids=selectors.scope_ids(request.user, form.chosen_agency()),
        first_day=form.cleaned_data["from"],
        last_day=form.cleaned_data["to"],
    )


def dashboard_figures(request):
    require(request.user, "service.view_figures")
    form = _period_form(request, request.GET)
    valid = form.is_valid()
    context = {
        "form": form,
        "figures": _figures_of(request, form) if valid else None,
        "query": urlencode(form.query()) if valid else "",
        "export_fields": form.query() if valid else {},
        "exports": selectors.recent_exports_of(request.user),
    }
    return render(request, "service/dashboard_figures.html", context)


def dashboard_chart(request, name: str):
    require(request.user, "service.view_figures")
    draw = CHARTS.get(name)
    if draw is None:
        raise Http404(_("There is no such chart."))
    form = _period_form(request, request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Pick a valid period for the chart."))
    # A chart draws counts only: the two grouped queries, not the page's timings and sessions.
    counts = selectors.request_counts(
        agency_ids=selectors.scope_ids(request.user, form.chosen_agency()),
        first_day=form.cleaned_data["from"],
        last_day=form.cleaned_data["to"],
    )
    return svg_response(draw(counts), cache_control="private, max-age=60")


@require_POST
def dashboard_export(request):
    require(request.user, "service.view_figures")
    form = _period_form(request, request.POST)
    if form.is_valid():
        try:
            job = start_export(
                by=request.user,
                period_start=form.cleaned_data["from"],
                period_end=form.cleaned_data["to"],
                agency=form.chosen_agency(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("service:dashboard-export-detail", pk=job.pk)
    for errors in form.errors.values():
        for text in errors:
            messages.error(request, text)
    return redirect("service:dashboard-figures")


def _export(request, pk: int):
    return fetch(request.user, "service.view_figures", selectors.exports_visible_to(request.user), pk=pk)


def dashboard_export_detail(request, pk: int):
    job = _export(request, pk)
    template = "service/dashboard_export.html"
    return render(request, f"{template}#progress" if request.htmx else template, {"job": job})


def dashboard_export_download(request, pk: int):
    job = _export(request, pk)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404(_("This export is not ready yet."))
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=os.path.basename(job.file.name), content_type=XLSX
    )


def recommendation_pdf(request, pk: int):
    service_request = fetch(
        request.user,
        "service.download_recommendation",
        requests_visible_to(request.user).select_related("requester__unit", "provider__unit", "on_behalf_of_unit"),
        pk=pk,
    )
    if not service_request.recommendation:
        raise Http404(_("This request was closed without a written recommendation."))
    record_event(actor=request.user, action="request.recommendation.read", target=service_request, request=request)
    content = pdf.recommendation_pdf(request=service_request)
    filename = _("recommendation-%(number)d.pdf") % {"number": service_request.pk}
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type="application/pdf")


urlpatterns = [
    path("admin/queue/", dashboard_queue, name="dashboard-queue"),
    path("admin/figures/", dashboard_figures, name="dashboard-figures"),
    path("admin/figures/chart/<slug:name>.svg", dashboard_chart, name="dashboard-chart"),
    path("admin/exports/", dashboard_export, name="dashboard-export"),
    path("admin/exports/<int:pk>/", dashboard_export_detail, name="dashboard-export-detail"),
    path("admin/exports/<int:pk>/download/", dashboard_export_download, name="dashboard-export-download"),
    path("requests/<int:pk>/recommendation.pdf", recommendation_pdf, name="recommendation-pdf"),
]
