"""Editing a session: the coach only; an edit based on an older version never overwrites a newer one."""

import datetime
import re
import zoneinfo

import pytest

from tests.factories import SessionFactory
from tests.helpers import PRIVATE_NOTES, SHARED_NOTES, in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Session
from tumbuh.coaching.services import update_session

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")


@pytest.fixture
def session(engagement):
    scheduled = datetime.datetime(2026, 3, 10, 9, 30, tzinfo=MAKASSAR)
    return SessionFactory(
        engagement=engagement, scheduled_at=scheduled, shared_notes=SHARED_NOTES, private_notes=PRIVATE_NOTES
    )


def url_of(session) -> str:
    return f"/coaching/sessions/{session.pk}/edit/"


def form_data(**changes) -> dict:
    """The form as Sari's browser (WITA) posts it."""
    data = {
        "version": "1",
        "scheduled_at": "2026-03-10T09:30",
        "duration_minutes": "60",
        "mode": "online",
        "meeting_url": "",
        "location": "",
        "shared_notes": SHARED_NOTES,
        "private_notes": PRIVATE_NOTES,
    }
    return data | {key: str(value) for key, value in changes.items()}


def hidden_version(html: str) -> int:
    return int(re.search(r'<input type="hidden" name="version" value="(\d+)"', html).group(1))


def test_coach_gets_the_form_filled_with_the_current_session(client_as, sari, session):
    response = client_as(sari).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 200
    assert hidden_version(html) == 1
    assert 'name="scheduled_at" value="2026-03-10T09:30"' in html
    assert f">\n{SHARED_NOTES}</textarea>" in html
    assert f">\n{PRIVATE_NOTES}</textarea>" in html


def test_opening_the_form_is_logged_as_a_read_of_the_notes(client_as, sari, session):
    client_as(sari).get(url_of(session))

    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.target_id, event.detail) == (
        sari,
        "session.notes.read",
        str(session.pk),
        "edit",
    )


def test_coach_saves_a_change_and_the_version_goes_up(client_as, sari, session):
    response = client_as(sari).post(
        url_of(session),
        form_data(duration_minutes=90, mode="offline", location="Aula Widyaiswara", shared_notes="Catatan yang baru."),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/sessions/{session.pk}/"
    session.refresh_from_db()
    assert session.version == 2
    assert (session.duration_minutes, session.mode, session.location) == (90, "offline", "Aula Widyaiswara")
    assert (session.shared_notes, session.private_notes) == ("Catatan yang baru.", PRIVATE_NOTES)
    assert session.scheduled_at == datetime.datetime(2026, 3, 10, 9, 30, tzinfo=MAKASSAR)


def test_concurrent_edit_keeps_both_texts_and_overwrites_nothing(client_as, sari, session):
    client = client_as(sari)
    assert hidden_version(client.get(url_of(session)).content.decode()) == 1
    # Meanwhile the coach saves from another tab.
    update_session(
        session=session,
        by=sari,
        expected_version=1,
        scheduled_at=session.scheduled_at,
        duration_minutes=60,
        mode="online",
        shared_notes="Dari tab lain: Andi sudah menerima laporan bulanan.",
        private_notes=PRIVATE_NOTES,
    )

    response = client.post(url_of(session), form_data(version=1, shared_notes="Dari tab ini: Budi menunda delegasi."))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dari tab lain: Andi sudah menerima laporan bulanan." in html
    assert "Dari tab ini: Budi menunda delegasi." in html
    assert (
        in_indonesian("Someone else saved this in the meantime. Review their version and apply your change again.")
        in html
    )
    assert hidden_version(html) == 2
    session.refresh_from_db()
    assert (session.version, session.shared_notes) == (2, "Dari tab lain: Andi sudah menerima laporan bulanan.")

    merged = "Andi sudah menerima laporan bulanan; Budi menunda delegasi berikutnya."
    second = client.post(url_of(session), form_data(version=hidden_version(html), shared_notes=merged))

    assert second.status_code == 302
    assert second["Location"] == f"/coaching/sessions/{session.pk}/"
    session.refresh_from_db()
    assert (session.version, session.shared_notes) == (3, merged)


def test_offline_session_without_a_place_is_refused_and_nothing_changes(client_as, sari, session):
    response = client_as(sari).post(url_of(session), form_data(mode="offline", shared_notes="Teks yang diketik."))

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("An in-person session needs a place; write where you meet.") in html
    assert "Teks yang diketik." in html
    session.refresh_from_db()
    assert (session.version, session.mode, session.shared_notes) == (1, "online", SHARED_NOTES)


def test_coachee_cannot_open_the_edit_form(client_as, budi, session):
    response = client_as(budi).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 403
    assert PRIVATE_NOTES not in html
    assert AuditEvent.objects.count() == 0


def test_coachee_cannot_change_a_session(client_as, budi, session):
    response = client_as(budi).post(url_of(session), form_data(shared_notes="Diubah oleh coachee."))

    assert response.status_code == 403
    assert Session.objects.get(pk=session.pk).shared_notes == SHARED_NOTES


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, session, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 404
    assert SHARED_NOTES not in html
    assert PRIVATE_NOTES not in html


def test_supervisor_cannot_change_a_session(client_as, wayan, session):
    response = client_as(wayan).post(url_of(session), form_data(shared_notes="Diubah oleh atasan."))

    assert response.status_code == 404
    assert Session.objects.get(pk=session.pk).shared_notes == SHARED_NOTES


def test_anonymous_visitor_is_sent_to_log_in(client, session):
    response = client.get(url_of(session))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/sessions/{session.pk}/edit/"
