"""The service figures: counts, response and session times, no-shows, their charts, and who may see them."""

import datetime
import io

import pypdf
import pytest
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from tests.factories import AgencyFactory, EmployeeFactory, SessionFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ServiceRequestFactory, TopicFactory
from tumbuh.coaching.models import SessionStatus
from tumbuh.service.charts import data_uri, topics_chart
from tumbuh.service.models import RequestStatus
from tumbuh.service.selectors.figures import Tally, default_period, service_figures

pytestmark = pytest.mark.django_db

FIGURES = "/service/admin/figures/"
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def performance(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def leadership(agency):
    return TopicFactory(agency=agency, name="Kepemimpinan")


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Pemerintah Kabupaten Belitung", short_name="Pemkab Belitung")


@pytest.fixture
def service(now, budi, dewi, performance, leadership, other_agency):
    """Three requests in the last 90 days, one older, and one of another agency."""
    first = AcceptedRequestFactory(
        requester=budi, topic=performance, created_at=now - 20 * DAY, first_response_at=now - 20 * DAY + 2 * HOUR
    )
    SessionFactory(engagement=first.engagement, scheduled_at=now - 19 * DAY, status=SessionStatus.CANCELLED)
    SessionFactory(engagement=first.engagement, scheduled_at=now - 17 * DAY, status=SessionStatus.HELD)
    second = AcceptedRequestFactory(
        requester=dewi,
        topic=performance,
        status=RequestStatus.CLOSED,
        created_at=now - 10 * DAY,
        first_response_at=now - 10 * DAY + 4 * HOUR,
    )
    SessionFactory(engagement=second.engagement, scheduled_at=now - 5 * DAY, status=SessionStatus.HELD)
    SessionFactory(engagement=second.engagement, scheduled_at=now - 4 * DAY, status=SessionStatus.NO_SHOW)
    ServiceRequestFactory(requester=budi, topic=leadership, kind="consulting", created_at=now - 2 * DAY)
    # Submitted before the period: not counted as a request, but its session in the period is.
    old = AcceptedRequestFactory(requester=budi, topic=leadership, kind="mentoring", created_at=now - 100 * DAY)
    SessionFactory(engagement=old.engagement, scheduled_at=now - 50 * DAY, status=SessionStatus.HELD)
    outsider = EmployeeFactory(agency=other_agency)
    elsewhere = AcceptedRequestFactory(
        requester=outsider, topic=TopicFactory(agency=other_agency, name="Keuangan daerah"), created_at=now - DAY
    )
    SessionFactory(engagement=elsewhere.engagement, scheduled_at=now - DAY / 2, status=SessionStatus.NO_SHOW)


@pytest.fixture
def platform_admin(agency):
    return EmployeeFactory(full_name="Admin Platform", agency=agency, is_staff=True, is_superuser=True)


def test_figures_count_requests_times_and_no_shows_of_the_period(service, agency, django_assert_num_queries):
    first_day, last_day = default_period()
    with django_assert_num_queries(4):
        figures = service_figures(agency_ids=[agency.pk], first_day=first_day, last_day=last_day)
    assert figures.total == 3
    assert [(t.key, t.count) for t in figures.by_kind] == [("consulting", 1), ("coaching", 2), ("mentoring", 0)]
    assert [(t.key, t.count) for t in figures.by_status] == [
        ("submitted", 1),
        ("assigned", 0),
        ("accepted", 1),
        ("declined", 0),
        ("scheduled", 0),
        ("closed", 1),
        ("cancelled", 0),
    ]
    assert figures.by_topic == [
        Tally("Manajemen kinerja", "Manajemen kinerja", 2),
        Tally("Kepemimpinan", "Kepemimpinan", 1),
    ]
    assert figures.by_kind_and_status["coaching"]["closed"] == 1
    # Median of 2 h and 4 h; the consulting request is not answered yet.
    assert (figures.median_first_response_seconds, figures.answered, figures.median_first_response_hours) == (
        3 * 3600,
        2,
        3.0,
    )
    # First sessions 3 and 5 days after submission (the cancelled one does not count).
    assert (figures.median_first_session_seconds, figures.with_session, figures.median_first_session_days) == (
        4 * 86400,
        2,
        4.0,
    )
    assert (figures.sessions_held, figures.sessions_no_show, figures.no_show_rate, figures.no_show_percent) == (
        3,
        1,
        0.25,
        25.0,
    )


@pytest.mark.parametrize("requests", [1, 3])
def test_figures_take_four_queries_however_many_requests(
    agency, budi, performance, requests, django_assert_num_queries
):
    for _ in range(requests):
        AcceptedRequestFactory(requester=budi, topic=performance, first_response_at=timezone.now())
    first_day, last_day = default_period()
    with django_assert_num_queries(4):
        figures = service_figures(agency_ids=[agency.pk], first_day=first_day, last_day=last_day)
    assert figures.total == requests


def test_an_empty_period_has_no_medians_and_no_rate(agency):
    figures = service_figures(
        agency_ids=[agency.pk], first_day=datetime.date(2020, 1, 1), last_day=datetime.date(2020, 3, 31)
    )
    assert (figures.total, figures.by_topic, figures.median_first_response_seconds) == (0, [], None)
    assert (figures.median_first_session_days, figures.no_show_rate, figures.no_show_percent) == (None, None, None)


def test_admin_sees_her_agencys_figures_for_the_last_90_days(client_as, rina, service):
    response = client_as(rina).get(FIGURES)
    assert response.status_code == 200
    figures = response.context["figures"]
    first_day, last_day = default_period()
    assert (figures.first_day, figures.last_day) == (first_day, last_day)
    assert (figures.total, figures.sessions_held, figures.sessions_no_show) == (3, 3, 1)
    query = f"from={first_day.isoformat()}&amp;to={last_day.isoformat()}"
    html = response.content.decode()
    assert f'src="/service/admin/figures/chart/requests.svg?{query}"' in html
    assert f'src="/service/admin/figures/chart/topics.svg?{query}"' in html
    # The numbers are also in tables, for screen readers and for copying.
    assert '<tr><th scope="row" class="fw-normal">Manajemen kinerja</th><td class="text-end">2</td></tr>' in html
    assert 'id="figure-no-show">25&nbsp;%' in html


def test_a_chosen_period_counts_the_requests_submitted_in_it(client_as, rina, service, now):
    first_day = timezone.localdate(now - 120 * DAY)
    response = client_as(rina).get(FIGURES, {"from": first_day.isoformat(), "to": timezone.localdate().isoformat()})
    assert response.context["figures"].total == 4
    assert [(t.key, t.count) for t in response.context["figures"].by_kind] == [
        ("consulting", 1),
        ("coaching", 2),
        ("mentoring", 1),
    ]


def test_platform_admin_sees_every_agency(client_as, platform_admin, service):
    figures = client_as(platform_admin).get(FIGURES).context["figures"]
    assert (figures.total, figures.sessions_no_show) == (4, 2)


def test_a_period_that_ends_before_it_starts_says_what_to_fix(client_as, rina, service):
    response = client_as(rina).get(FIGURES, {"from": "2026-03-10", "to": "2026-03-01"})
    assert response.status_code == 200
    assert response.context["figures"] is None
    assert response.context["form"].errors["to"] == [
        in_indonesian("The end date is before the start date; pick an end on or after the start.")
    ]
    assert 'src="/service/admin/figures/chart/' not in response.content.decode()


def test_a_period_longer_than_two_years_is_refused(client_as, rina):
    response = client_as(rina).get(FIGURES, {"from": "2020-01-01", "to": "2026-01-01"})
    assert response.context["form"].errors["to"] == [
        in_indonesian("Pick a period of at most %(days)d days (two years).") % {"days": 731}
    ]


def test_a_date_that_is_not_a_date_is_refused(client_as, rina):
    response = client_as(rina).get(FIGURES, {"from": "kemarin"})
    assert response.context["form"].errors["from"] == [in_indonesian("Enter a valid date.")]


def test_requests_chart_is_an_svg_image_without_scripts(client_as, rina, service):
    response = client_as(rina).get("/service/admin/figures/chart/requests.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert in_indonesian("Requests by service and status") in svg
    assert in_indonesian("Closed") in svg
    # The picture may keep its own styles; nothing may load or run in it.
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_topics_chart_names_the_topics(client_as, rina, service):
    svg = client_as(rina).get("/service/admin/figures/chart/topics.svg").content.decode()
    assert "Manajemen kinerja" in svg and "Kepemimpinan" in svg
    assert "Keuangan daerah" not in svg


def test_pages_keep_the_strict_policy(client_as, rina, service):
    policy = client_as(rina).get(FIGURES)["Content-Security-Policy"]
    assert "unsafe-inline" not in policy


def test_an_unknown_chart_is_not_found(client_as, rina):
    assert client_as(rina).get("/service/admin/figures/chart/salaries.svg").status_code == 404


def test_a_chart_for_a_bad_period_is_a_bad_request(client_as, rina):
    response = client_as(rina).get(
        "/service/admin/figures/chart/requests.svg", {"from": "2026-03-10", "to": "2026-01-01"}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("person", ["budi", "sari", "wayan", "dewi"])
@pytest.mark.parametrize("url", [FIGURES, "/service/admin/figures/chart/requests.svg"])
def test_people_who_do_not_run_the_service_are_refused(client_as, person, url, request):
    assert client_as(request.getfixturevalue(person)).get(url).status_code == 403


@pytest.mark.parametrize("items", [1, 3])
def test_figures_page_queries_do_not_grow_with_topics_or_requests(
    client_as, rina, agency, budi, items, django_assert_num_queries
):
    for i in range(items):
        AcceptedRequestFactory(requester=budi, topic=TopicFactory(agency=agency, name=f"Topik {i}"))
    client = client_as(rina)
    # Session, user, the rule's role check, the admin's agencies, four for the figures, her recent exports,
    # and the menu's role check.
    with django_assert_num_queries(9):
        response = client.get(FIGURES)
    assert len(response.context["figures"].by_topic) == items


def test_the_same_chart_goes_into_a_pdf_as_a_data_uri(service, agency):
    first_day, last_day = default_period()
    svg = topics_chart(service_figures(agency_ids=[agency.pk], first_day=first_day, last_day=last_day))
    page = f'<img src="{data_uri(svg)}" alt="">'
    pdf = HTML(string=page, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Manajemen kinerja" in text
