"""A booked session between Sari (provider, WITA) and Budi (requester, WIB), built with the ORM."""

import datetime

import pytest
from django.utils import timezone

from tests.service.factories import ProviderProfileFactory, ServiceRequestFactory, TopicFactory
from tumbuh.coaching.models import Session, SessionStatus
from tumbuh.service.models import Booking, RequestStatus

MEETING_URL = "https://meet.example.id/sari-budi"


@pytest.fixture
def make_booking(sari, budi, engagement):
    ProviderProfileFactory(employee=sari)
    topic = TopicFactory(agency=budi.agency, name="Delegasi tugas")

    def make(
        *,
        starts_at: datetime.datetime,
        minutes: int = 60,
        mode: str = "online",
        meeting_url: str = MEETING_URL,
        location: str = "",
        created_at: datetime.datetime | None = None,
        sequence: int = 0,
    ) -> Booking:
        request = ServiceRequestFactory(
            requester=budi, provider=sari, topic=topic, kind="coaching", mode=mode, status=RequestStatus.SCHEDULED
        )
        session = Session.objects.create(
            engagement=engagement,
            scheduled_at=starts_at,
            duration_minutes=minutes,
            mode=mode,
            meeting_url=meeting_url,
            location=location,
            status=SessionStatus.SCHEDULED,
            shared_notes="Catatan bersama yang tidak boleh keluar dari Tumbuh.",
            private_notes="Catatan pribadi coach yang tidak boleh keluar dari Tumbuh.",
        )
        return Booking.objects.create(
            provider=sari,
            booked_by=budi,
            request=request,
            session=session,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
            sequence=sequence,
            created_at=created_at or timezone.now() - datetime.timedelta(days=3),
        )

    return make


@pytest.fixture
def booking(make_booking):
    """Tuesday 12 March 2030, 10:00 WITA = 09:00 WIB, online, one hour."""
    return make_booking(starts_at=datetime.datetime(2030, 3, 12, 2, 0, tzinfo=datetime.UTC))
