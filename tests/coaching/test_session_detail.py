"""A session's page: shared notes for coach and coachee, private notes for the coach alone, every read logged."""

import datetime

import pytest

from tests.factories import ActionItemFactory, SessionFactory
from tests.helpers import PRIVATE_NOTES, SHARED_NOTES, in_indonesian
from tumbuh.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(engagement, budi):
    session = SessionFactory(engagement=engagement, shared_notes=SHARED_NOTES, private_notes=PRIVATE_NOTES)
    ActionItemFactory(engagement=engagement, session=session, title="Serahkan laporan bulanan kepada Andi", owner=budi)
    return session


def url_of(session) -> str:
    return f"/coaching/sessions/{session.pk}/"


def notes_reads() -> list[tuple]:
    return list(AuditEvent.objects.order_by("pk").values_list("actor", "action", "target_type", "target_id", "detail"))


def test_coach_sees_shared_and_private_notes(client_as, sari, session):
    response = client_as(sari).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<div class="notes">{SHARED_NOTES}</div>' in html
    assert f'<div class="notes">{PRIVATE_NOTES}</div>' in html
    assert '<span class="action-title">Serahkan laporan bulanan kepada Andi</span>' in html
    assert f'href="/coaching/sessions/{session.pk}/edit/"' in html


def test_coachee_sees_shared_notes_but_never_the_private_ones(client_as, budi, session):
    response = client_as(budi).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<div class="notes">{SHARED_NOTES}</div>' in html
    assert '<span class="action-title">Serahkan laporan bulanan kepada Andi</span>' in html
    assert PRIVATE_NOTES not in html
    assert "ragu" not in html
    assert in_indonesian("Private notes") not in html
    assert f"/coaching/sessions/{session.pk}/edit/" not in html


def test_each_participant_reads_the_time_on_their_own_clock(client_as, sari, budi, engagement):
    # Sari works in WITA (UTC+8), Budi in WIB (UTC+7).
    held = SessionFactory(
        engagement=engagement, scheduled_at=datetime.datetime(2026, 3, 10, 1, 30, tzinfo=datetime.UTC)
    )

    for_sari = client_as(sari).get(url_of(held)).content.decode()
    for_budi = client_as(budi).get(url_of(held)).content.decode()

    assert '10 Maret 2026 09:30 <span class="small text-body-secondary">WITA</span></h1>' in for_sari
    assert '10 Maret 2026 08:30 <span class="small text-body-secondary">WIB</span></h1>' in for_budi


def test_session_without_notes_says_so(client_as, budi, engagement):
    empty = SessionFactory(engagement=engagement, shared_notes="", private_notes="")

    html = client_as(budi).get(url_of(empty)).content.decode()

    assert f'<div class="notes">{in_indonesian("No shared notes.")}</div>' in html


def test_coach_reading_notes_is_audit_logged(client_as, sari, session):
    client_as(sari).get(url_of(session))

    assert notes_reads() == [(sari.pk, "session.notes.read", "coaching.session", str(session.pk), "shared+private")]


def test_coachee_reading_notes_is_audit_logged(client_as, budi, session):
    client_as(budi).get(url_of(session))

    assert notes_reads() == [(budi.pk, "session.notes.read", "coaching.session", str(session.pk), "shared")]


def test_every_view_of_the_notes_is_logged_again(client_as, sari, budi, session):
    coach, coachee = client_as(sari), client_as(budi)

    coach.get(url_of(session))
    coachee.get(url_of(session))
    coach.get(url_of(session))

    events = AuditEvent.objects.filter(action="session.notes.read", target_id=str(session.pk)).order_by("pk")
    assert [event.actor for event in events] == [sari, budi, sari]
    assert [event.ip_address for event in events] == ["127.0.0.1"] * 3


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_no_notes(client_as, session, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 404
    assert SHARED_NOTES not in html
    assert PRIVATE_NOTES not in html
    assert AuditEvent.objects.count() == 0


def test_supervisor_cannot_read_private_notes(client_as, wayan, session):
    response = client_as(wayan).get(url_of(session))

    assert response.status_code == 404
    assert PRIVATE_NOTES not in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client, session):
    response = client.get(url_of(session))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/sessions/{session.pk}/"
    assert AuditEvent.objects.count() == 0
