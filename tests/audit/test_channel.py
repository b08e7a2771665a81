"""Audit events name the channel a change or a read came through; screens that show saved notes log a read."""

import json

import pytest
from django.test import RequestFactory

from tests.api.test_coaching_api import bearer_client
from tests.coaching.test_canvas_page import canvas_form
from tests.coaching.test_session_edit import form_data
from tests.factories import SessionFactory
from tests.helpers import PRIVATE_NOTES, SHARED_NOTES
from tumbuh.audit.models import AuditEvent
from tumbuh.audit.services import record_event
from tumbuh.coaching.services import update_session
from tumbuh.coaching.services.canvas import update_stage_notes

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(engagement):
    return SessionFactory(
        engagement=engagement,
        canvas="grow",
        stage_notes={"goal": "Budi ingin mendelegasikan laporan bulanan."},
        shared_notes=SHARED_NOTES,
        private_notes=PRIVATE_NOTES,
    )


def events(**filters) -> list[tuple[str, str, str]]:
    return list(AuditEvent.objects.filter(**filters).order_by("pk").values_list("action", "detail", "via"))


def put_canvas(client, session, version: int = 1):
    body = json.dumps({"version": version, "stage_notes": {"goal": "Tujuan baru."}})
    return client.put(f"/api/v1/sessions/{session.pk}/canvas", body, content_type="application/json")


def test_an_api_write_with_the_browser_session_is_logged_as_api_with_one_read_of_the_returned_notes(
    client_as, sari, session
):
    response = put_canvas(client_as(sari), session)

    assert response.status_code == 200
    assert response.json()["stages"][0]["notes"] == "Tujuan baru."
    assert events() == [("session.canvas.changed", "", "api"), ("session.notes.read", "canvas", "api")]


def test_an_api_write_with_a_token_is_logged_as_token(sari, session):
    response = put_canvas(bearer_client(sari), session)

    assert response.status_code == 200
    assert events(actor=sari) == [("session.canvas.changed", "", "token"), ("session.notes.read", "canvas", "token")]


def test_a_refused_canvas_put_logs_nothing(client_as, sari, session):
    update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Tab lain."})
    AuditEvent.objects.all().delete()

    response = put_canvas(client_as(sari), session, version=1)

    assert response.status_code == 409
    assert events() == []


def test_a_page_write_is_logged_as_web(client_as, sari, session):
    response = client_as(sari).post(f"/coaching/sessions/{session.pk}/edit/", form_data(shared_notes="Baru."))

    assert response.status_code == 302
    assert events() == [("session.changed", "", "web")]


def test_a_change_made_in_the_back_office_is_logged_as_admin(sari, session):
    request = RequestFactory().post(f"/admin/coaching/session/{session.pk}/change/", REMOTE_ADDR="10.0.0.7")

    event = record_event(actor=sari, action="session.changed", target=session, request=request)

    assert (event.via, event.ip_address) == ("admin", "10.0.0.7")


def test_the_session_conflict_page_logs_one_read_of_the_notes_it_shows(client_as, sari, session):
    update_session(
        session=session,
        by=sari,
        expected_version=1,
        scheduled_at=session.scheduled_at,
        duration_minutes=60,
        mode="online",
        shared_notes="Dari tab lain.",
        private_notes=PRIVATE_NOTES,
    )
    AuditEvent.objects.all().delete()

    response = client_as(sari).post(f"/coaching/sessions/{session.pk}/edit/", form_data(shared_notes="Dari tab ini."))

    assert response.status_code == 200
    assert "Dari tab lain." in response.content.decode()
    assert events() == [("session.notes.read", "conflict", "web")]


def test_the_canvas_conflict_page_logs_one_read_of_the_notes_it_shows(client_as, sari, session):
    update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Tujuan dari tab lain."})
    AuditEvent.objects.all().delete()

    response = client_as(sari).post(f"/coaching/sessions/{session.pk}/canvas/", canvas_form(session, version=1))

    assert response.status_code == 200
    assert "Tujuan dari tab lain." in response.content.decode()
    assert events() == [("session.notes.read", "canvas conflict", "web")]
