"""Starting the service export: the job is recorded here and its workbook built by a task (`service.exports`)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tumbuh.people.models import Agency, Employee

from .. import tasks
from ..models import ExportJob
from ..models.exports import ExportKind


@transaction.atomic
def start_export(
    *, by: Employee, period_start: datetime.date, period_end: datetime.date, agency: Agency | None = None
) -> ExportJob:
    """Record an export of the service's requests and figures for BY, and queue it to be built."""
    if period_end < period_start:
        raise ValidationError({"to": _("The end date is before the start date; pick an end on or after the start.")})
    job = ExportJob.objects.create(
        requested_by=by,
        agency=agency,
        kind=ExportKind.SERVICE_REQUESTS,
        period_start=period_start,
        period_end=period_end,
    )
    job_id = job.pk
    transaction.on_commit(lambda: tasks.build_service_export.enqueue(job_id))
    return job
