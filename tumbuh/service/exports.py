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
from django_tasks_db.models import DBTaskResult
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from tumbuh.worker.services import mark_failed

from .models import ExportJob, RequestStatus, ServiceKind
from .models.exports import ExportStatus
from .selectors.figures import (
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


def abandon_export(result: DBTaskResult) -> None:
    """The export task's worker died mid-way (tumbuh.worker): mark the job failed, so its page says to start again."""
    call = result.args_kwargs or {}
    job_id = int((call.get("args") or [None])[0] or (call.get("kwargs") or {}).get("job_id") or 0)
    ExportJob.objects.filter(pk=job_id, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]).update(
        status=ExportStatus.FAILED, error="WorkerDied: the worker building it stopped", finished_at=timezone.now()
    )
    mark_failed(result, "The worker stopped while building the export; the job was marked failed.")


def _report(job_id: int, progress: int) -> None:
    ExportJob.objects.filter(pk=job_id).update(progress=progress)


def _bold(sheet: WriteOnlyWorksheet, values: list) -> list[WriteOnlyCell]:
    cells = [WriteOnlyCell(sheet, value=value) for value in values]
    for cell in cells:
        cell.font = Font(bold=True)
    return cells


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    """MOMENT on the active clock without its zone: Excel has no time zones."""
    return None if moment is None else timezone.localtime(moment).replace(tzinfo=None)


def _workbook(job: ExportJob) -> bytes:
    zone = timezone.get_current_timezone()
    agency_ids = scope_ids(job.requested_by, job.agency)
    figures = service_figures(agency_ids=agency_ids, first_day=job.period_start, last_day=job.period_end, zone=zone)
    _report(job.pk, 5)
    # Write-only: rows go to a temporary file as they come instead of a cell object each held in memory.
    book = Workbook(write_only=True)
    _request_rows(book.create_sheet(_("Requests")), job, agency_ids, zone)
    _summary(book.create_sheet(_("Summary")), job, figures)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Only what the sheet shows, as plain values: no model instances, no query per row.
REQUEST_COLUMNS = (
    "pk",
    "created_at",
    "kind",
    "topic__name",
    "status",
    "requester__unit__name",
    "provider__full_name",
    "first_response_at",
    "first_session",
    "closed_at",
    "agency__short_name",
    "agency__name",
)
CHUNK = 2000


def _request_rows(
    sheet: WriteOnlyWorksheet, job: ExportJob, agency_ids: list[int] | None, zone: datetime.tzinfo
) -> None:
    for letter, width in zip("ABCDEFGHIJK", (8, 18, 14, 32, 22, 32, 28, 12, 18, 18, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.append(
        _bold(
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
    )
    requests = requests_in_period(agency_ids, job.period_start, job.period_end, zone)
    total = requests.count()
    every = max(1, total // PROGRESS_STEPS)
    rows = with_first_session(requests).order_by("created_at", "pk").values_list(*REQUEST_COLUMNS)
    # Labels translated once, not once per row.
    kinds = {key: str(label) for key, label in ServiceKind.choices}
    statuses = {key: str(label) for key, label in RequestStatus.choices}
    for done, row in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        sheet.append(_request_row(sheet, row, kinds, statuses))
        if done % every == 0:
            _report(job.pk, 5 + 85 * done // total)


def _dated(sheet: WriteOnlyWorksheet, moment: datetime.datetime | None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_local(moment))
    cell.number_format = DATE_TIME
    return cell


def _request_row(sheet: WriteOnlyWorksheet, row: tuple, kinds: dict, statuses: dict) -> list:
    pk, created, kind, topic, status, unit, provider, answered, first_session, closed, short_name, agency = row
    first_response = None if answered is None else round((answered - created).total_seconds() / 3600, 1)
    return [
        pk,
        _dated(sheet, created),
        kinds.get(kind, kind),
        topic,
        statuses.get(status, status),
        unit or "",
        provider or "",
        first_response,
        _dated(sheet, first_session),
        _dated(sheet, closed),
        short_name or agency,
    ]


def _summary(sheet: WriteOnlyWorksheet, job: ExportJob, figures: ServiceFigures) -> None:
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 14
    sheet.append(_bold(sheet, [_("Consulting, coaching & mentoring: service figures")]))
    sheet.append([_("Agency"), job.agency.name if job.agency else _("All my agencies")])
    start, end = WriteOnlyCell(sheet, value=job.period_start), WriteOnlyCell(sheet, value=job.period_end)
    start.number_format = end.number_format = DATE
    sheet.append([_("From"), start, _("Until"), end])
    sheet.append([_("Requests submitted"), figures.total])
    for title, tallies in (
        (_("By service"), figures.by_kind),
        (_("By status"), figures.by_status),
        (_("By topic"), figures.by_topic),
    ):
        sheet.append([])
        sheet.append(_bold(sheet, [title, _("Requests")]))
        for tally in tallies:
            sheet.append([tally.label, tally.count])
    sheet.append([])
    sheet.append(_bold(sheet, [_("Responsiveness and sessions"), _("Value"), _("Based on")]))
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
    rate = WriteOnlyCell(sheet, value=figures.no_show_rate)
    rate.number_format = "0.0%"
    sheet.append([_("No-show rate"), rate])
