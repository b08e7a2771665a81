"""The service admin's queue: open requests of the admin's agency, oldest first, metadata only."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import AgencyFactory, EmployeeFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ServiceRequestFactory, TopicFactory
from tumbuh.people.models import Role
from tumbuh.service.models import RequestStatus

pytestmark = pytest.mark.django_db

QUEUE = "/service/admin/queue/"


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Pemerintah Kabupaten Belitung", short_name="Pemkab Belitung")


@pytest.fixture
def platform_admin(agency):
    return EmployeeFactory(full_name="Admin Platform", agency=agency, is_staff=True, is_superuser=True)


def rows(response) -> list[tuple[int, str, str]]:
    return [(req.pk, req.status, age) for req, age in response.context["rows"]]


def test_admin_sees_open_requests_of_her_agency_oldest_first_with_their_age(client_as, rina, budi, dewi, topic):
    newer = ServiceRequestFactory(requester=dewi, topic=topic, created_at=days_ago(1.2))
    older = AcceptedRequestFactory(requester=budi, topic=topic, kind="mentoring", created_at=days_ago(3.5))
    ServiceRequestFactory(requester=budi, topic=topic, status=RequestStatus.CLOSED, created_at=days_ago(9))
    ServiceRequestFactory(requester=budi, topic=topic, status=RequestStatus.CANCELLED, created_at=days_ago(8))

    response = client_as(rina).get(QUEUE)

    assert response.status_code == 200
    assert rows(response) == [(older.pk, "accepted", "3\xa0hari"), (newer.pk, "submitted", "1\xa0hari")]
    html = response.content.decode()
    assert f'href="/service/requests/{older.pk}/"' in html
    assert older.provider.full_name in html
    assert "Budi Santoso" in html and "Dewi Lestari" in html
    assert in_indonesian("Mentoring") in html


def test_queue_shows_no_need_text_nor_messages(client_as, rina, budi, topic):
    ServiceRequestFactory(requester=budi, topic=topic, need="Atasan saya sering marah dalam rapat.")
    html = client_as(rina).get(QUEUE).content.decode()
    assert "Atasan saya sering marah" not in html


def test_unassigned_requests_link_to_the_provider_list_for_assignment(client_as, rina, budi, topic):
    waiting = ServiceRequestFactory(requester=budi, topic=topic)
    accepted = AcceptedRequestFactory(requester=budi, topic=topic)
    html = client_as(rina).get(QUEUE).content.decode()
    assert f'href="/service/requests/{waiting.pk}/matches/"' in html
    assert f'href="/service/requests/{accepted.pk}/matches/"' not in html


def test_service_admin_sees_only_her_own_agencys_requests(client_as, rina, budi, topic, other_agency):
    mine = ServiceRequestFactory(requester=budi, topic=topic)
    outsider = EmployeeFactory(agency=other_agency)
    ServiceRequestFactory(requester=outsider, topic=TopicFactory(agency=other_agency, name="Keuangan daerah"))
    response = client_as(rina).get(QUEUE)
    assert [pk for pk, _status, _age in rows(response)] == [mine.pk]
    # One agency: no agency column and no agency choice.
    assert response.context["show_agency"] is False
    assert "agency" not in response.context["form"].fields


def test_platform_admin_sees_every_agency_and_can_narrow_to_one(client_as, platform_admin, budi, topic, other_agency):
    mine = ServiceRequestFactory(requester=budi, topic=topic, created_at=days_ago(2))
    outsider = EmployeeFactory(agency=other_agency)
    theirs = ServiceRequestFactory(
        requester=outsider, topic=TopicFactory(agency=other_agency, name="Keuangan daerah"), created_at=days_ago(1)
    )
    client = client_as(platform_admin)
    response = client.get(QUEUE)
    assert [pk for pk, _status, _age in rows(response)] == [mine.pk, theirs.pk]
    assert response.context["show_agency"] is True
    assert "Pemkab Belitung" in response.content.decode()
    narrowed = client.get(QUEUE, {"agency": other_agency.pk})
    assert [pk for pk, _status, _age in rows(narrowed)] == [theirs.pk]


def test_filter_by_status_and_service(client_as, rina, budi, dewi, topic):
    ServiceRequestFactory(requester=budi, topic=topic, kind="coaching")
    consulting = ServiceRequestFactory(requester=dewi, topic=topic, kind="consulting")
    AcceptedRequestFactory(requester=budi, topic=topic, kind="consulting")
    response = client_as(rina).get(QUEUE, {"status": "submitted", "kind": "consulting"})
    assert [pk for pk, _status, _age in rows(response)] == [consulting.pk]


def test_a_filter_on_a_closed_status_is_refused_with_a_message(client_as, rina, budi, topic):
    ServiceRequestFactory(requester=budi, topic=topic)
    response = client_as(rina).get(QUEUE, {"status": "closed"})
    assert response.status_code == 200
    assert response.context["form"].errors["status"] == [
        in_indonesian("Select a valid choice. %(value)s is not one of the available choices.") % {"value": "closed"}
    ]
    # The faulty filter is not applied: the queue is shown whole.
    assert len(rows(response)) == 1


def test_an_agency_the_admin_does_not_run_cannot_be_picked(client_as, budi, topic, other_agency, agency):
    two_agencies = EmployeeFactory(agency=agency, roles=[Role.SERVICE_ADMIN])
    two_agencies.role_grants.create(role=Role.SERVICE_ADMIN, agency=AgencyFactory(name="Kota Pangkalpinang"))
    ServiceRequestFactory(requester=budi, topic=topic)
    response = client_as(two_agencies).get(QUEUE, {"agency": other_agency.pk})
    assert "agency" in response.context["form"].errors
    assert len(rows(response)) == 1


@pytest.mark.parametrize("person", ["budi", "sari", "wayan", "dewi"])
def test_people_who_do_not_run_the_service_are_refused(client_as, person, request, budi, topic):
    ServiceRequestFactory(requester=budi, topic=topic)
    assert client_as(request.getfixturevalue(person)).get(QUEUE).status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("items", [1, 3])
def test_queue_queries_do_not_grow_with_rows(client_as, rina, topic, items, django_assert_num_queries):
    for _ in range(items):
        AcceptedRequestFactory(topic=topic, requester=EmployeeFactory(agency=topic.agency))
    client = client_as(rina)
    # Session, user, the rule's role check, the admin's agencies, the count, the rows, the menu's role check.
    with django_assert_num_queries(6):
        response = client.get(QUEUE)
    assert response.content.decode().count("queue-row") == items
