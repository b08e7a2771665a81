"""Request pages: filing, following, and moving a request along, for each role."""

import datetime

import pytest
from django.utils import timezone

from tests.helpers import in_indonesian
from tests.service.factories import ProviderProfileFactory, ServiceRequestFactory, TopicFactory
from tumbuh.people.models import Role, RoleGrant
from tumbuh.service.models import RequestStatus, ServicePolicy, ServiceRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def sari_pool(sari):
    return ProviderProfileFactory(employee=sari)


@pytest.fixture
def submitted(budi, topic):
    return ServiceRequestFactory(requester=budi, topic=topic, need="Saya sulit mendelegasikan tugas.")


def detail(pk):
    return f"/service/requests/{pk}/"


def test_asn_files_a_request_with_a_time_window_in_their_own_zone(client_as, budi, topic):
    day = timezone.localdate() + datetime.timedelta(days=3)
    response = client_as(budi).post(
        "/service/requests/new/",
        {
            "kind": "coaching",
            "topic": topic.pk,
            "need": "Saya ingin belajar mendelegasikan.",
            "mode": "online",
            "window_0_date": day.isoformat(),
            "window_0_from": "09:00",
            "window_0_until": "11:00",
        },
    )
    request = ServiceRequest.objects.get()
    assert response["Location"] == detail(request.pk)
    window = request.preferred_windows.get()
    # Budi is in WIB: 09:00 WIB is 02:00 UTC.
    assert (window.starts_at.astimezone(datetime.UTC).hour, window.ends_at.astimezone(datetime.UTC).hour) == (2, 4)


def test_bad_request_keeps_what_was_typed_and_says_what_to_fix(client_as, budi, topic):
    response = client_as(budi).post(
        "/service/requests/new/",
        {
            "kind": "coaching",
            "topic": topic.pk,
            "need": "Tolong bantu saya.",
            "mode": "online",
            "window_0_date": "2020-01-01",
            "window_0_from": "09:00",
            "window_0_until": "10:00",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tolong bantu saya." in html
    assert in_indonesian("A time window is in the past; pick a future time.") in html
    assert ServiceRequest.objects.count() == 0


def test_requester_sees_the_need_and_history_but_no_provider_actions(client_as, budi, submitted):
    response = client_as(budi).get(detail(submitted.pk))
    assert response.status_code == 200
    assert "Saya sulit mendelegasikan tugas." in response.content.decode()
    assert response.context["can"]["see_matches"] is False
    assert response.context["can"]["cancel_request"] is True
    assert response.context["can"]["respond_to_offer"] is False


def test_service_admin_sees_the_request_and_can_find_a_provider(client_as, rina, submitted):
    response = client_as(rina).get(detail(submitted.pk))
    assert response.context["can"]["see_matches"] is True
    assert response.context["can"]["view_conversation"] is False


@pytest.mark.parametrize("who", ["dewi", "wayan", "sari"])
def test_others_cannot_see_a_request(who, request, client_as, submitted):
    person = request.getfixturevalue(who)
    assert client_as(person).get(detail(submitted.pk)).status_code == 404


def test_admin_of_another_agency_cannot_see_it(client_as, submitted):
    from tests.factories import EmployeeFactory
    from tumbuh.people.models import Agency

    other = Agency.objects.create(name="Kabupaten Belitung")
    outsider = EmployeeFactory(agency=other, unit=None)
    RoleGrant.objects.create(employee=outsider, role=Role.SERVICE_ADMIN, agency=other)
    assert client_as(outsider).get(detail(submitted.pk)).status_code == 404


def test_admin_assigns_from_the_ranked_list_and_the_provider_accepts(client_as, rina, sari_pool, submitted):
    matches = client_as(rina).get(f"/service/requests/{submitted.pk}/matches/")
    assert [m.provider for m in matches.context["matches"] if not m.excluded] == [sari_pool.employee]
    response = client_as(rina).post(f"/service/requests/{submitted.pk}/assign/", {"provider": sari_pool.employee.pk})
    assert response["Location"] == detail(submitted.pk)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.provider) == (RequestStatus.ASSIGNED, sari_pool.employee)

    sari_page = client_as(sari_pool.employee).get(detail(submitted.pk))
    assert sari_page.context["can"]["respond_to_offer"] is True
    client_as(sari_pool.employee).post(f"/service/requests/{submitted.pk}/accept/")
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.ACCEPTED
    assert submitted.engagement.coach == sari_pool.employee


def test_requester_cannot_assign_unless_the_agency_allows_self_pick(client_as, budi, sari_pool, submitted):
    assert client_as(budi).get(f"/service/requests/{submitted.pk}/matches/").status_code == 403
    response = client_as(budi).post(f"/service/requests/{submitted.pk}/assign/", {"provider": sari_pool.employee.pk})
    assert response.status_code == 403
    ServicePolicy.objects.update_or_create(agency=submitted.agency, defaults={"allow_self_pick": True})
    client_as(budi).post(f"/service/requests/{submitted.pk}/assign/", {"provider": sari_pool.employee.pk})
    submitted.refresh_from_db()
    assert submitted.provider == sari_pool.employee


def test_assigning_ones_own_supervisor_shows_why_and_changes_nothing(client_as, rina, wayan, submitted):
    ProviderProfileFactory(employee=wayan)
    response = client_as(rina).post(f"/service/requests/{submitted.pk}/assign/", {"provider": wayan.pk}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("I Wayan Sudarta" in m for m in messages)
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.SUBMITTED


def test_provider_declines_with_a_reason(client_as, rina, sari_pool, submitted):
    client_as(rina).post(f"/service/requests/{submitted.pk}/assign/", {"provider": sari_pool.employee.pk})
    client_as(sari_pool.employee).post(f"/service/requests/{submitted.pk}/decline/", {"reason": "Cuti sebulan"})
    submitted.refresh_from_db()
    assert (submitted.status, submitted.provider) == (RequestStatus.DECLINED, None)


def test_requester_cancels(client_as, budi, submitted):
    client_as(budi).post(f"/service/requests/{submitted.pk}/cancel/")
    submitted.refresh_from_db()
    assert submitted.status == RequestStatus.CANCELLED


def test_consulting_close_form_demands_the_recommendation_and_keeps_nothing_half_done(
    client_as, rina, sari_pool, budi, topic
):
    request = ServiceRequestFactory(requester=budi, topic=topic, kind="consulting")
    client_as(rina).post(f"/service/requests/{request.pk}/assign/", {"provider": sari_pool.employee.pk})
    client_as(sari_pool.employee).post(f"/service/requests/{request.pk}/accept/")
    empty = client_as(sari_pool.employee).post(f"/service/requests/{request.pk}/close/", {"recommendation": ""})
    assert empty.status_code == 200
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    client_as(sari_pool.employee).post(f"/service/requests/{request.pk}/close/", {"recommendation": "Susun SOP."})
    request.refresh_from_db()
    assert (request.status, request.recommendation) == (RequestStatus.CLOSED, "Susun SOP.")
    client_as(budi).post(f"/service/requests/{request.pk}/rate/", {"rating": "4", "feedback": "Jelas"})
    request.refresh_from_db()
    assert request.rating == 4


@pytest.mark.parametrize("count", [1, 3])
def test_request_list_queries_do_not_grow_with_rows(count, client_as, budi, topic, django_assert_num_queries):
    for _ in range(count):
        ServiceRequestFactory(requester=budi, topic=topic)
    client = client_as(budi)
    with django_assert_num_queries(6):
        response = client.get("/service/")
    assert len(response.context["mine"]) == count


def test_provider_pool_page_lists_the_agency_providers(client_as, budi, sari_pool, topic):
    sari_pool.topics.add(topic)
    html = client_as(budi).get("/service/providers/").content.decode()
    assert "Sari Wulandari" in html
    assert "Manajemen kinerja" in html


def test_reading_the_request_and_the_provider_pool_writes_no_service_policy(
    client_as, budi, rina, sari_pool, submitted
):
    # Permission checks read the agency's policy (its defaults when it has none); a page view never creates it.
    for person, url in ((budi, detail(submitted.pk)), (rina, detail(submitted.pk)), (budi, "/service/providers/")):
        assert client_as(person).get(url).status_code == 200
    assert client_as(rina).get(f"/service/requests/{submitted.pk}/matches/").status_code == 200
    assert not ServicePolicy.objects.exists()


def test_provider_page_shows_the_certifications(client_as, budi, sari_pool):
    from tumbuh.service.models import Certification

    Certification.objects.create(provider=sari_pool, name="ICF ACC", issuer="International Coaching Federation")
    html = client_as(budi).get(f"/service/providers/{sari_pool.pk}/").content.decode()
    assert "ICF ACC" in html
