"""No double booking, ever: two people booking the same slot at the same moment get exactly one booking.

The race runs in real concurrent transactions (two threads, each with its own database connection),
not a mock. PostgreSQL is the proof: there the provider row lock makes the second booker wait for the
first to commit, then see its booking. SQLite serialises writers, so the same test holds there too.
"""

import datetime
import threading
import time
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction

from tests.factories import EmployeeFactory
from tests.helpers import in_indonesian
from tests.service.factories import (
    AcceptedRequestFactory,
    ProviderProfileFactory,
    TopicFactory,
    WeeklyAvailabilityFactory,
    day_next_week,
)
from tumbuh.coaching.models import Session
from tumbuh.service.models import Booking
from tumbuh.service.services.booking import book_slot

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
ROUNDS = 5


def in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def book_waiting_for_the_writer(request, starts_at) -> Booking:
    """book_slot, waiting while another connection writes, as a database file does (SQLite's busy timeout).

    An in-memory SQLite test database shares one cache between connections, and there a second writer is
    refused at once ("database table is locked") instead of waiting; PostgreSQL and SQLite files wait.
    """
    for _attempt in range(200):
        try:
            return book_slot(request=request, starts_at=starts_at, by=request.requester)
        except OperationalError as error:
            if not (in_memory_sqlite() and "locked" in str(error)):
                raise
            time.sleep(0.01)
    raise AssertionError("the other writer never finished")


def race(requests, starts_at) -> list:
    """The requesters book STARTS_AT at the same moment; what each of them got (a Booking or the error)."""
    barrier = threading.Barrier(len(requests))
    outcomes: list = [None] * len(requests)

    def book(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes[index] = book_waiting_for_the_writer(requests[index], starts_at)
        except Exception as error:  # the test reports whatever each thread got
            outcomes[index] = error
        finally:
            connection.close()  # each thread opened its own connection

    threads = [threading.Thread(target=book, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_people_booking_the_same_slot_at_once_get_exactly_one_booking(sari, settings):
    # Invitations are not this test's subject; sent inline after each commit they would only add writers.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    provider = ProviderProfileFactory(employee=sari)
    # Every day 08:00–13:00 WITA: five slots, one per round.
    for weekday in range(7):
        WeeklyAvailabilityFactory(
            provider=provider, weekday=weekday, start_time=datetime.time(8), end_time=datetime.time(13)
        )
    topic = TopicFactory(agency=sari.agency, name="Delegasi tugas")
    day = day_next_week(2, WITA)
    taken = in_indonesian("This time was just taken; choose another slot.")
    for round_ in range(ROUNDS):
        requests = [
            AcceptedRequestFactory(requester=EmployeeFactory(agency=sari.agency), provider=sari, topic=topic)
            for _ in range(2)
        ]
        starts_at = datetime.datetime.combine(day, datetime.time(8 + round_), tzinfo=WITA)
        outcomes = race(requests, starts_at)
        booked = [o for o in outcomes if isinstance(o, Booking)]
        refused = [o for o in outcomes if isinstance(o, ValidationError)]
        assert (len(booked), len(refused)) == (1, 1), f"round {round_}: {outcomes!r}"
        assert refused[0].messages == [taken]
        assert Booking.objects.filter(provider=sari, starts_at=starts_at, status="active").count() == 1
        # The loser's session was rolled back with its booking.
        assert Session.objects.filter(scheduled_at=starts_at).count() == 1
    assert Booking.objects.count() == ROUNDS


@pytest.mark.django_db
def test_the_database_refuses_a_second_active_booking_of_the_same_slot(sari, budi, dewi):
    ProviderProfileFactory(employee=sari)
    starts_at = datetime.datetime(2030, 3, 12, 2, tzinfo=datetime.UTC)

    def insert(requester, status="active"):
        request = AcceptedRequestFactory(requester=requester, provider=sari)
        session = Session.objects.create(engagement=request.engagement, scheduled_at=starts_at, status="scheduled")
        return Booking.objects.create(
            provider=sari,
            booked_by=requester,
            request=request,
            session=session,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=1),
            status=status,
        )

    insert(budi, status="cancelled")
    insert(budi)
    with pytest.raises(IntegrityError), transaction.atomic():
        insert(dewi)
    assert list(Booking.objects.order_by("pk").values_list("status", flat=True)) == ["cancelled", "active"]
