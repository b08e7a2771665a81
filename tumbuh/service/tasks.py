"""Background work of the service. Tasks take ids and call the code that does the work."""

from django.tasks import task

from . import exports


@task()
def build_service_export(job_id: int) -> None:
    exports.build_export(job_id=job_id)
