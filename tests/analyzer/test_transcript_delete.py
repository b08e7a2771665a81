"""Deleting a transcript: the coach may, for good; nobody else can."""

import pytest
from django.urls import reverse

from tests.analyzer.factories import TranscriptFactory
from tests.factories import SessionFactory
from tumbuh.analyzer.models import Transcript
from tumbuh.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def transcript(engagement):
    return TranscriptFactory(session=SessionFactory(engagement=engagement))


def test_the_coach_deletes_the_transcript_and_returns_to_the_session(client_as, sari, transcript):
    url = reverse("analyzer:transcript-delete", args=[transcript.pk])
    response = client_as(sari).post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("coaching:session-detail", args=[transcript.session_id])
    assert not Transcript.objects.exists()
    event = AuditEvent.objects.get(action="transcript.deleted")
    assert (event.actor, event.target_id) == (sari, str(transcript.pk))


@pytest.mark.parametrize(("who", "status"), [("budi", 403), ("wayan", 404), ("rina", 404)])
def test_nobody_else_may_delete_it(request, client_as, transcript, who, status):
    url = reverse("analyzer:transcript-delete", args=[transcript.pk])
    assert client_as(request.getfixturevalue(who)).post(url).status_code == status
    assert Transcript.objects.count() == 1


def test_deleting_needs_a_post(client_as, sari, transcript):
    assert client_as(sari).get(reverse("analyzer:transcript-delete", args=[transcript.pk])).status_code == 405
    assert Transcript.objects.count() == 1
