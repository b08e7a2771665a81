"""The service export: an XLSX workbook of the requests in a period and their figures, built in the background.

`services.exports.start_export` records the job and enqueues its task; `build_export` (run by the task) writes
the workbook in the requester's language and time zone, reporting progress as it goes. The workbook holds request
metadata only: never what was asked (`need`), nor the conversation.
"""

import datetime
import io
import logging

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .models import ExportJob, ServiceRequest
from .models.exports import ExportStatus
from .selectors.figures import (
    NOT_FOR_DASHBOARD,
    ServiceFigures,
    requests_in_period,
    scope_ids,
    service_figures,
    with_first_session,
)

logger = logging.getLogger(__name__)

DATE_TIME = "yyyy-mm-dd hh:mm"
DATE = "yyyy-mm-dd"
PROGRESS_STEPS = 10


def build_export(*, job_id: int) -> None:
    """Build the workbook of a queued export. A job already started or finished is left alone (run at most once)."""
    if not ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(status=ExportStatus.RUNNING):
        return
    job = ExportJob.objects.select_related("requested_by", "agency").get(pk=job_id)
    person = job.requested_by
    try:
        with translation.override(person.language), timezone.override(person.time_zone):
            content = _workbook(job)
            name = _("service-%(start)s-%(end)s.xlsx") % {
                "start": f"{job.period_start:%Y%m%d}",
                "end": f"{job.period_end:%Y%m%d}",
            }
        job.file.save(name, ContentFile(content), save=False)
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportStatus.DONE, progress=100, file=job.file.name, finished_at=timezone.now()
        )
    except Exception as error:
        logger.exception("Export %s failed", job_id)
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000], finished_at=timezone.now()
        )
        raise


def _report(job_id: int, progress: int) -> None:
    ExportJob.objects.filter(pk=job_id).update(progress=progress)


def _bold_row(sheet: Worksheet, values: list) -> None:
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    """MOMENT on the active clock without its zone: Excel has no time zones."""
    return None if moment is None else timezone.localtime(moment).replace(tzinfo=None)


def _workbook(job: ExportJob) -> bytes:
    zone = timezone.get_current_timezone()
    agency_ids = scope_ids(job.requested_by, job.agency)
    figures = service_figures(agency_ids=agency_ids, first_day=job.period_start, last_day=job.period_end, zone=zone)
    _report(job.pk, 5)
    book = Workbook()
    requests_sheet = book.active
    requests_sheet.title = _("Requests")
    _request_rows(requests_sheet, job, agency_ids, zone)
    _summary(book.create_sheet(_("Summary")), job, figures)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _request_rows(sheet: Worksheet, job: ExportJob, agency_ids: list[int] | None, zone: datetime.tzinfo) -> None:
    _bold_row(
        sheet,
        [
            _("No."),
            _("Submitted"),
            _("Service"),
            _("Topic"),
            _("Status"),
            _("Requester's unit"),
            _("Provider"),
            _("First response (hours)"),
            _("First session"),
            _("Closed"),
            _("Agency"),
        ],
    )
    requests = requests_in_period(agency_ids, job.period_start, job.period_end, zone)
    total = requests.count()
    every = max(1, total // PROGRESS_STEPS)
    rows = (
        with_first_session(requests)
        .select_related("requester__unit", "provider", "topic", "agency")
        .defer(*NOT_FOR_DASHBOARD)
        .order_by("created_at", "pk")
    )
    for done, request in enumerate(rows.iterator(chunk_size=500), start=1):
        sheet.append(_request_row(request))
        if done % every == 0:
            _report(job.pk, 5 + 85 * done // total)
    for column in (2, 9, 10):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = DATE_TIME
    for letter, width in zip("ABCDEFGHIJK", (8, 18, 14, 32, 22, 32, 28, 12, 18, 18, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def _request_row(request: ServiceRequest) -> list:
    first_response = None
    if request.first_response_at is not None:
        first_response = round((request.first_response_at - request.created_at).total_seconds() / 3600, 1)
    unit = request.requester.unit
    return [
        request.pk,
        _local(request.created_at),
        request.get_kind_display(),
        request.topic.name,
        request.get_status_display(),
        unit.name if unit else "",
        request.provider.full_name if request.provider else "",
        first_response,
        _local(request.first_session),  # type: ignore[attr-defined]
        _local(request.closed_at),
        request.agency.short_name or request.agency.name,
    ]


def _summary(sheet: Worksheet, job: ExportJob, figures: ServiceFigures) -> None:
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 14
    _bold_row(sheet, [_("Consulting, coaching & mentoring: service figures")])
    sheet.append([_("Agency"), job.agency.name if job.agency else _("All my agencies")])
    sheet.append([_("From"), job.period_start, _("Until"), job.period_end])
    sheet["B3"].number_format = sheet["D3"].number_format = DATE
    sheet.append([_("Requests submitted"), figures.total])
    for title, tallies in (
        (_("By service"), figures.by_kind),
        (_("By status"), figures.by_status),
        (_("By topic"), figures.by_topic),
    ):
        sheet.append([])
        _bold_row(sheet, [title, _("Requests")])
        for tally in tallies:
            sheet.append([tally.label, tally.count])
    sheet.append([])
    _bold_row(sheet, [_("Responsiveness and sessions"), _("Value"), _("Based on")])
    sheet.append([_("Median time to first response (hours)"), figures.median_first_response_hours, figures.answered])
    sheet.append(
        [
            _("Median time from submission to first session (days)"),
            figures.median_first_session_days,
            figures.with_session,
        ]
    )
    sheet.append([_("Sessions held"), figures.sessions_held])
    sheet.append([_("Sessions missed (no-show)"), figures.sessions_no_show])
    sheet.append([_("No-show rate"), figures.no_show_rate])
    sheet.cell(row=sheet.max_row, column=2).number_format = "0.0%"
