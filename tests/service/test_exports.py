"""The XLSX export of the service: started by an admin, built by a background task, downloaded by its owner."""

import datetime
import io
import zoneinfo

import openpyxl
import pytest
from django.utils import timezone

from tests.factories import EmployeeFactory, SessionFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ServiceRequestFactory, TopicFactory
from tumbuh.coaching.models import SessionStatus
from tumbuh.people.models import Role
from tumbuh.service.exports import build_export
from tumbuh.service.models import ExportJob, RequestStatus
from tumbuh.service.services.exports import start_export

pytestmark = pytest.mark.django_db

EXPORT = "/service/admin/exports/"
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def wib(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def march(budi, dewi, sari, topic):
    """Two requests in March 2026: one closed after a session, one still waiting; one in April."""
    closed = AcceptedRequestFactory(
        requester=budi,
        provider=sari,
        engagement__coach=sari,
        topic=topic,
        status=RequestStatus.CLOSED,
        need="Saya sulit mendelegasikan tugas kepada staf baru.",
        created_at=wib(2026, 3, 2, 9, 0),
        first_response_at=wib(2026, 3, 2, 12, 30),
        closed_at=wib(2026, 3, 20, 16, 0),
    )
    SessionFactory(engagement=closed.engagement, scheduled_at=wib(2026, 3, 5, 10, 0), status=SessionStatus.HELD)
    SessionFactory(engagement=closed.engagement, scheduled_at=wib(2026, 3, 12, 10, 0), status=SessionStatus.NO_SHOW)
    waiting = ServiceRequestFactory(
        requester=dewi, topic=topic, kind="consulting", created_at=wib(2026, 3, 30, 8, 15), need="Rahasia dewi."
    )
    ServiceRequestFactory(requester=budi, topic=topic, created_at=wib(2026, 4, 2, 8, 0))
    return closed, waiting


def export_as(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(EXPORT, {"from": "2026-03-01", "to": "2026-03-31", **data})


def read_back(job: ExportJob) -> openpyxl.Workbook:
    with job.file.open("rb") as stream:
        return openpyxl.load_workbook(io.BytesIO(stream.read()))


def test_admin_exports_a_period_and_is_sent_to_its_progress_page(
    client_as, rina, march, django_capture_on_commit_callbacks
):
    response = export_as(client_as(rina), django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/service/admin/exports/{job.pk}/"
    assert (job.requested_by, job.agency, job.period_start, job.period_end) == (
        rina,
        None,
        datetime.date(2026, 3, 1),
        datetime.date(2026, 3, 31),
    )
    # The test settings run the task at once: the workbook is ready.
    assert (job.status, job.progress, job.error) == ("done", 100, "")
    assert job.finished_at is not None
    assert job.file.name.startswith("exports/") and job.file.name.endswith(".xlsx")
    # Named in Rina's language, the period in figures (the storage may add a suffix to keep names unique).
    assert job.file.name.split("/")[-1].startswith("layanan-20260301-20260331")


def test_workbook_lists_the_periods_requests_without_what_was_asked(
    client_as, rina, march, django_capture_on_commit_callbacks
):
    closed, waiting = march
    export_as(client_as(rina), django_capture_on_commit_callbacks)
    book = read_back(ExportJob.objects.get())
    assert book.sheetnames == ["Permintaan", "Ringkasan"]
    sheet = book["Permintaan"]
    assert [cell.value for cell in sheet[1]] == [
        in_indonesian(header)
        for header in (
            "No.",
            "Submitted",
            "Service",
            "Topic",
            "Status",
            "Requester's unit",
            "Provider",
            "First response (hours)",
            "First session",
            "Closed",
            "Agency",
        )
    ]
    # Times on Rina's clock (WIB), without a zone: Excel has none.
    assert [cell.value for cell in sheet[2]] == [
        closed.pk,
        datetime.datetime(2026, 3, 2, 9, 0),
        in_indonesian("Coaching"),
        "Manajemen kinerja",
        in_indonesian("Closed"),
        "Bidang Pengembangan Kompetensi",
        "Sari Wulandari",
        3.5,
        datetime.datetime(2026, 3, 5, 10, 0),
        datetime.datetime(2026, 3, 20, 16, 0),
        "Pemprov Babel",
    ]
    assert [cell.value for cell in sheet[3]] == [
        waiting.pk,
        datetime.datetime(2026, 3, 30, 8, 15),
        in_indonesian("Consulting"),
        "Manajemen kinerja",
        in_indonesian("Submitted"),
        "Bidang Pengembangan Kompetensi",
        None,
        None,
        None,
        None,
        "Pemprov Babel",
    ]
    assert sheet.max_row == 3
    every_cell = [str(cell.value) for name in book.sheetnames for row in book[name].iter_rows() for cell in row]
    assert not any("mendelegasikan" in value or "Rahasia" in value for value in every_cell)


def test_summary_sheet_holds_the_figures_of_the_period(client_as, rina, march, django_capture_on_commit_callbacks):
    export_as(client_as(rina), django_capture_on_commit_callbacks)
    sheet = read_back(ExportJob.objects.get())["Ringkasan"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    labels = {row[0]: row[1:] for row in rows if row and row[0]}
    assert rows[1][:2] == [in_indonesian("Agency"), in_indonesian("All my agencies")]
    assert rows[2] == [
        in_indonesian("From"),
        datetime.datetime(2026, 3, 1),
        in_indonesian("Until"),
        datetime.datetime(2026, 3, 31),
    ]
    assert labels[in_indonesian("Requests submitted")][0] == 2
    assert labels[in_indonesian("Coaching")][0] == 1
    assert labels[in_indonesian("Consulting")][0] == 1
    assert labels[in_indonesian("Mentoring")][0] == 0
    assert labels["Manajemen kinerja"][0] == 2
    assert labels[in_indonesian("Median time to first response (hours)")][:2] == [3.5, 1]
    # From 2 March 09:00 to 5 March 10:00: 3 days and an hour.
    assert labels[in_indonesian("Median time from submission to first session (days)")][:2] == [3.0, 1]
    assert labels[in_indonesian("Sessions held")][0] == 1
    assert labels[in_indonesian("Sessions missed (no-show)")][0] == 1
    assert labels[in_indonesian("No-show rate")][0] == 0.5
    assert sheet.cell(row=rows.index([in_indonesian("No-show rate"), 0.5, None, None]) + 1, column=2).number_format == (
        "0.0%"
    )


def test_progress_page_polls_every_two_seconds_while_the_export_is_being_built(client_as, rina):
    job = ExportJob.objects.create(
        requested_by=rina, period_start=datetime.date(2026, 3, 1), period_end=datetime.date(2026, 3, 31), progress=40
    )
    ExportJob.objects.filter(pk=job.pk).update(status="running")
    client = client_as(rina)
    page = client.get(f"/service/admin/exports/{job.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="/service/admin/exports/{job.pk}/"' in page
    assert '<progress class="w-100" id="export-bar" max="100" value="40">' in page
    # htmx asks for the progress block alone.
    fragment = client.get(f"/service/admin/exports/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<section id="export-progress"')
    assert "<html" not in fragment


def test_finished_export_stops_polling_and_offers_the_download(
    client_as, rina, march, django_capture_on_commit_callbacks
):
    export_as(client_as(rina), django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    page = client_as(rina).get(f"/service/admin/exports/{job.pk}/").content.decode()
    assert "hx-trigger" not in page
    assert f'href="/service/admin/exports/{job.pk}/download/"' in page


def test_owner_downloads_the_workbook(client_as, rina, march, django_capture_on_commit_callbacks):
    export_as(client_as(rina), django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    response = client_as(rina).get(f"/service/admin/exports/{job.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book["Permintaan"].max_row == 3


def test_an_unfinished_export_cannot_be_downloaded(client_as, rina):
    job = ExportJob.objects.create(
        requested_by=rina, period_start=datetime.date(2026, 3, 1), period_end=datetime.date(2026, 3, 31)
    )
    assert client_as(rina).get(f"/service/admin/exports/{job.pk}/download/").status_code == 404


def test_another_admin_of_the_same_agency_cannot_see_or_download_it(
    client_as, rina, agency, march, django_capture_on_commit_callbacks
):
    export_as(client_as(rina), django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    colleague = EmployeeFactory(agency=agency, is_staff=True, roles=[Role.SERVICE_ADMIN])
    client = client_as(colleague)
    assert client.get(f"/service/admin/exports/{job.pk}/").status_code == 404
    assert client.get(f"/service/admin/exports/{job.pk}/download/").status_code == 404


def test_platform_admin_may_download_any_export(client_as, rina, agency, march, django_capture_on_commit_callbacks):
    export_as(client_as(rina), django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    platform_admin = EmployeeFactory(agency=agency, is_staff=True, is_superuser=True)
    assert client_as(platform_admin).get(f"/service/admin/exports/{job.pk}/download/").status_code == 200


@pytest.mark.parametrize("person", ["budi", "sari", "dewi"])
def test_people_who_do_not_run_the_service_cannot_export(
    client_as, person, request, rina, django_capture_on_commit_callbacks
):
    job = ExportJob.objects.create(
        requested_by=rina, period_start=datetime.date(2026, 3, 1), period_end=datetime.date(2026, 3, 31)
    )
    client = client_as(request.getfixturevalue(person))
    assert export_as(client, django_capture_on_commit_callbacks).status_code == 403
    assert client.get(f"/service/admin/exports/{job.pk}/").status_code == 404
    assert ExportJob.objects.count() == 1


def test_a_bad_period_is_refused_with_a_message_and_starts_nothing(client_as, rina, django_capture_on_commit_callbacks):
    client = client_as(rina)
    response = export_as(client, django_capture_on_commit_callbacks, **{"from": "2026-04-01", "to": "2026-03-01"})
    assert response["Location"] == "/service/admin/figures/"
    page = client.get(response["Location"]).content.decode()
    assert in_indonesian("The end date is before the start date; pick an end on or after the start.") in page
    assert ExportJob.objects.count() == 0


def test_an_export_of_one_agency_covers_only_that_agency(rina, agency, march, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_export(
            by=rina, agency=agency, period_start=datetime.date(2026, 3, 1), period_end=datetime.date(2026, 3, 31)
        )
    job.refresh_from_db()
    assert read_back(job)["Ringkasan"]["B2"].value == agency.name


def test_a_job_is_built_at_most_once(rina, march, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_export(by=rina, period_start=datetime.date(2026, 3, 1), period_end=datetime.date(2026, 3, 31))
    job.refresh_from_db()
    first_file, finished = job.file.name, job.finished_at
    # A worker that restarts and runs the task again leaves the finished export alone.
    build_export(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name, job.finished_at) == ("done", first_file, finished)


def test_requesters_unit_is_blank_when_they_have_none(rina, topic, django_capture_on_commit_callbacks):
    loner = EmployeeFactory(agency=topic.agency, unit=None)
    ServiceRequestFactory(requester=loner, topic=topic, created_at=timezone.now())
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        job = start_export(by=rina, period_start=today, period_end=today)
    job.refresh_from_db()
    assert read_back(job)["Permintaan"]["F2"].value is None


def test_a_build_that_fails_is_marked_failed_and_says_so(settings, tmp_path, client_as, rina, march):
    # Storage that cannot be written to: MEDIA_ROOT is a file, not a folder.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    settings.MEDIA_ROOT = blocked
    job = ExportJob.objects.create(
        requested_by=rina, period_start=datetime.date(2026, 3, 1), period_end=datetime.date(2026, 3, 31)
    )
    with pytest.raises(OSError):
        build_export(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name) == ("failed", "")
    assert job.error.startswith(("FileExistsError", "NotADirectoryError"))
    page = client_as(rina).get(f"/service/admin/exports/{job.pk}/").content.decode()
    assert (
        in_indonesian(
            "Building the export failed. Go back to the figures and export again; "
            "if it fails again, tell the platform team."
        )
        in page
    )
    assert "hx-trigger" not in page
