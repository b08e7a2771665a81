"""Issue 10: the lists that grew with the data. Their query counts stay put from 3 rows to 30, their counts stay
exact, and the thread shows its latest messages with the older ones a click away."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ActionItemFactory, EmployeeFactory, EngagementFactory, SessionFactory
from tests.service.factories import AcceptedRequestFactory, ServiceRequestFactory, TopicFactory
from tumbuh.coaching.selectors import engagement_list_for
from tumbuh.people.services import create_api_token
from tumbuh.service.exports import build_export
from tumbuh.service.models import ExportJob, Message
from tumbuh.service.selectors.messaging import THREAD_PAGE_SIZE
from tumbuh.service.selectors.requests import requests_visible_to

pytestmark = pytest.mark.django_db


def queries_for(action) -> int:
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context)


def bearer(person) -> Client:
    _token, raw = create_api_token(employee=person, name="uji")
    return Client(headers={"Authorization": f"Bearer {raw}"})


# The coach's engagements and their counts


def test_each_engagement_counts_its_own_sessions_and_open_actions(sari, budi, dewi):
    busy = EngagementFactory(coach=sari, coachee=budi)
    SessionFactory.create_batch(3, engagement=busy)
    ActionItemFactory.create_batch(2, engagement=busy)
    ActionItemFactory(engagement=busy, done_at=timezone.now())
    quiet = EngagementFactory(coach=sari, coachee=dewi)
    counts = {e.pk: (e.session_count, e.open_action_count) for e in engagement_list_for(sari)}
    # 3 sessions and 2 open actions, not 3 x 3 joined rows; an engagement with neither shows zeros.
    assert counts == {busy.pk: (3, 2), quiet.pk: (0, 0)}


def coach_with(coach, engagements: int) -> None:
    for _ in range(engagements):
        engagement = EngagementFactory(coach=coach)
        SessionFactory(engagement=engagement)
        ActionItemFactory(engagement=engagement)


@pytest.mark.parametrize("page", ["/coaching/", "/"])
def test_coach_pages_take_the_same_queries_for_3_or_30_engagements(client_as, sari, page):
    client = client_as(sari)
    coach_with(sari, 3)
    client.get(page)
    few = queries_for(lambda: client.get(page))
    coach_with(sari, 27)
    response = client.get(page)
    assert response.status_code == 200
    assert queries_for(lambda: client.get(page)) == few


# Who sees which request, and the API list


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Kepemimpinan")


def test_service_admin_sees_her_agencys_requests_and_her_own_elsewhere(rina, budi, topic, other_agency):
    in_agency = ServiceRequestFactory(requester=budi, topic=topic)
    outsider = EmployeeFactory(agency=other_agency)
    hers_elsewhere = ServiceRequestFactory(requester=rina, agency=other_agency)
    served_elsewhere = AcceptedRequestFactory(requester=outsider, provider=rina)
    not_hers = ServiceRequestFactory(requester=outsider)
    visible = set(requests_visible_to(rina).values_list("pk", flat=True))
    assert visible == {in_agency.pk, hers_elsewhere.pk, served_elsewhere.pk}
    assert not_hers.pk not in visible


def test_requester_and_provider_see_only_their_own_requests(budi, sari, dewi, topic):
    filed = AcceptedRequestFactory(requester=budi, provider=sari, topic=topic)
    someone_elses = ServiceRequestFactory(requester=dewi, topic=topic)
    assert list(requests_visible_to(budi)) == [filed]
    assert list(requests_visible_to(sari)) == [filed]
    assert list(requests_visible_to(dewi)) == [someone_elses]


@pytest.mark.parametrize("who", ["budi", "sari", "rina"])
def test_request_api_list_takes_the_same_queries_for_3_or_30_requests(request, who, budi, sari, topic):
    person = request.getfixturevalue(who)
    client = bearer(person)

    def add(count: int) -> None:
        AcceptedRequestFactory.create_batch(count, requester=budi, provider=sari, topic=topic)

    add(3)
    few = queries_for(lambda: client.get("/api/v1/service/requests?page_size=20"))
    add(27)
    response = client.get("/api/v1/service/requests?page_size=20")
    body = response.json()
    assert (len(body["items"]), body["count"]) == (20, 30)
    assert queries_for(lambda: client.get("/api/v1/service/requests?page_size=20")) == few


def test_the_last_page_is_counted_from_its_items(budi, topic):
    ServiceRequestFactory.create_batch(5, requester=budi, topic=topic)
    client = bearer(budi)
    first = client.get("/api/v1/service/requests?page_size=2").json()
    last = client.get("/api/v1/service/requests?page=3&page_size=2").json()
    beyond = client.get("/api/v1/service/requests?page=4&page_size=2").json()
    assert [(len(page["items"]), page["count"]) for page in (first, last, beyond)] == [(2, 5), (1, 5), (0, 5)]
    # A full page needs the count query; the last one does not.
    assert queries_for(lambda: client.get("/api/v1/service/requests?page=3&page_size=2")) + 1 == queries_for(
        lambda: client.get("/api/v1/service/requests?page=1&page_size=2")
    )


# The figures page and the export


def test_figures_page_takes_the_same_queries_for_3_or_30_requests(client_as, rina, budi, topic):
    client = client_as(rina)
    AcceptedRequestFactory.create_batch(3, requester=budi, topic=topic, first_response_at=timezone.now())
    few = queries_for(lambda: client.get("/service/admin/figures/"))
    AcceptedRequestFactory.create_batch(27, requester=budi, topic=topic, first_response_at=timezone.now())
    response = client.get("/service/admin/figures/")
    assert response.context["figures"].total == 30
    assert queries_for(lambda: client.get("/service/admin/figures/")) == few


def test_a_chart_counts_requests_in_two_grouped_queries_without_the_pages_timings(client_as, rina, budi, topic):
    client = client_as(rina)
    AcceptedRequestFactory.create_batch(3, requester=budi, topic=topic, first_response_at=timezone.now())
    page = queries_for(lambda: client.get("/service/admin/figures/"))
    chart = queries_for(lambda: client.get(reverse("service:dashboard-chart", args=["requests"])))
    AcceptedRequestFactory.create_batch(27, requester=budi, topic=topic, first_response_at=timezone.now())

    assert queries_for(lambda: client.get(reverse("service:dashboard-chart", args=["requests"]))) == chart
    # The page adds the timings, the sessions and the exports list to what a chart needs.
    assert chart <= page - 3


@pytest.fixture
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.usefixtures("_media_in_tmp")
def test_export_takes_the_same_queries_for_3_or_30_requests(rina, budi, topic):
    today = timezone.localdate()

    def export() -> ExportJob:
        job = ExportJob.objects.create(
            requested_by=rina, period_start=today - datetime.timedelta(days=1), period_end=today
        )
        build_export(job_id=job.pk)
        return job

    AcceptedRequestFactory.create_batch(3, requester=budi, topic=topic)
    few = queries_for(export)
    AcceptedRequestFactory.create_batch(27, requester=budi, topic=topic)
    with CaptureQueriesContext(connection) as context:
        job = export()
    job.refresh_from_db()
    assert (job.status, job.progress) == ("done", 100)
    # Progress is reported ten times whatever the size, so only those updates differ from 3 to 30 rows.
    reports = [q for q in context.captured_queries if '"progress" =' in q["sql"] and "UPDATE" in q["sql"]]
    assert len(context) - len(reports) <= few


# The thread


def thread(pk: int) -> str:
    return f"/service/requests/{pk}/messages/"


@pytest.fixture
def accepted(budi, sari, topic):
    return AcceptedRequestFactory(requester=budi, provider=sari, topic=topic)


def write(request, count: int, start: datetime.datetime) -> list[Message]:
    people = (request.requester, request.provider)
    return [
        Message.objects.create(
            request=request,
            sender=people[n % 2],
            provider=request.provider,
            body=f"Pesan {n}",
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count)
    ]


def test_thread_page_takes_the_same_queries_for_3_or_30_messages(client_as, accepted, budi):
    client = client_as(budi)
    start = timezone.now() - datetime.timedelta(days=1)
    write(accepted, 3, start)
    client.get(thread(accepted.pk))
    few = queries_for(lambda: client.get(thread(accepted.pk)))
    write(accepted, 27, start + datetime.timedelta(hours=1))
    assert len(client.get(thread(accepted.pk)).context["thread"]) == 30
    assert queries_for(lambda: client.get(thread(accepted.pk))) == few


def test_thread_shows_the_latest_messages_and_the_older_ones_are_a_link_away(client_as, accepted, budi):
    messages = write(accepted, THREAD_PAGE_SIZE + 5, timezone.now() - datetime.timedelta(days=1))
    client = client_as(budi)
    page = client.get(thread(accepted.pk))
    assert page.context["thread"] == messages[5:]
    older = f"{thread(accepted.pk)}?before={messages[5].pk}"
    assert f'href="{older}"' in page.content.decode()
    # Without htmx: the page with the earlier run, and no link further back.
    earlier = client.get(older)
    assert earlier.context["thread"] == messages[:5]
    assert earlier.context["older_than"] is None
    # With htmx: only the earlier run, to put in place of the link.
    fragment = client.get(older, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<li class="row g-0 mb-2" id="message-')
    assert [f"Pesan {n}" in fragment for n in (0, 4, 5)] == [True, True, False]


def test_seen_marks_my_last_message_even_when_it_is_on_an_earlier_page(client_as, accepted, budi, sari):
    mine = Message.objects.create(
        request=accepted, sender=budi, body="Pertanyaan saya", created_at=timezone.now() - datetime.timedelta(days=3)
    )
    replies = [
        Message.objects.create(
            request=accepted,
            sender=sari,
            provider=sari,
            body=f"Jawaban {n}",
            created_at=timezone.now() - datetime.timedelta(hours=n + 1),
        )
        for n in range(THREAD_PAGE_SIZE)
    ]
    client_as(sari).get(thread(accepted.pk))  # Sari reads it all
    page = client_as(budi).get(thread(accepted.pk))
    assert mine not in page.context["thread"] and replies[0] in page.context["thread"]
    assert page.context["seen_id"] == mine.pk
