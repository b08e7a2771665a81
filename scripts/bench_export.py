"""Time the XLSX export of the largest agency's requests on the bench world, and read the file back.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tumbuh_bench .venv/bin/python scripts/bench_export.py [world.json]

Prints the rows in the agency, the seconds `build_export` took (the budget is 10 s for 100,000 requests) and the
rows openpyxl reads back from the Requests sheet.
"""

import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tumbuh.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Max, Min  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from tumbuh.people.models import Employee  # noqa: E402
from tumbuh.service.exports import build_export  # noqa: E402
from tumbuh.service.models import ExportJob, ServiceRequest  # noqa: E402
from tumbuh.service.models.exports import ExportKind  # noqa: E402


def main(world_path: str) -> None:
    world = json.loads(Path(world_path).read_text())
    admin = Employee.objects.get(pk=world["people"]["service_admin"]["id"])
    agency_id = world["objects"]["admin_agency_id"]
    requests = ServiceRequest.objects.filter(agency_id=agency_id)
    span = requests.aggregate(first=Min("created_at"), last=Max("created_at"))
    job = ExportJob.objects.create(
        requested_by=admin,
        agency_id=agency_id,
        kind=ExportKind.SERVICE_REQUESTS,
        period_start=span["first"].date(),
        period_end=span["last"].date(),
    )
    started = time.perf_counter()
    build_export(job_id=job.pk)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    sheet = load_workbook(job.file.path, read_only=True).worksheets[0]
    rows = sum(1 for _ in sheet.iter_rows()) - 1  # the header
    print(json.dumps({"requests": requests.count(), "seconds": round(seconds, 1), "status": job.status, "rows": rows}))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(REPO / "var" / "bench" / "world.json"))
