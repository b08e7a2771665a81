"""The service over the REST API: request → assign → accept → book → message, with tokens."""

import datetime

import pytest
from django.test import Client

from tests.service.factories import ProviderProfileFactory, TopicFactory, WeeklyAvailabilityFactory, day_next_week
from tumbuh.people.services import create_api_token
from tumbuh.service.models import Booking, RequestStatus, ServiceRequest

pytestmark = pytest.mark.django_db
MAKASSAR = datetime.timezone(datetime.timedelta(hours=8))


def api(person) -> Client:
    _token, raw = create_api_token(employee=person, name="uji")
    return Client(headers={"Authorization": f"Bearer {raw}"})


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Kepemimpinan")


@pytest.fixture
def sari_pool(sari):
    profile = ProviderProfileFactory(employee=sari)
    WeeklyAvailabilityFactory(provider=profile, weekday=1)  # Tuesday 09:00-12:00 WITA
    return profile


def test_the_whole_service_over_the_api(budi, rina, sari, sari_pool, topic):
    filed = api(budi).post(
        "/api/v1/service/requests",
        {"kind": "coaching", "topic_id": topic.pk, "need": "Belajar delegasi.", "windows": []},
        content_type="application/json",
    )
    assert filed.status_code == 201
    request_id = filed.json()["id"]
    assert filed.json()["status"] == "submitted"

    matches = api(rina).get(f"/api/v1/service/requests/{request_id}/matches").json()
    assert [(m["provider"]["full_name"], m["excluded"]) for m in matches] == [("Sari Wulandari", None)]
    assigned = api(rina).post(
        f"/api/v1/service/requests/{request_id}/assign", {"provider_id": sari.pk}, content_type="application/json"
    )
    assert assigned.json()["status"] == "assigned"
    assert api(sari).post(f"/api/v1/service/requests/{request_id}/accept").json()["status"] == "accepted"

    tuesday = day_next_week(1, MAKASSAR)
    slots = api(budi).get(f"/api/v1/service/providers/{sari_pool.pk}/slots?days=21").json()
    starts = datetime.datetime.combine(tuesday, datetime.time(9), tzinfo=MAKASSAR)
    assert starts.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z") in [s["starts_at"] for s in slots]
    booked = api(budi).post(
        f"/api/v1/service/requests/{request_id}/bookings",
        {"starts_at": starts.isoformat()},
        content_type="application/json",
    )
    assert booked.status_code == 201
    assert ServiceRequest.objects.get(pk=request_id).status == RequestStatus.SCHEDULED

    again = api(budi).post(
        f"/api/v1/service/requests/{request_id}/bookings",
        {"starts_at": starts.isoformat()},
        content_type="application/json",
    )
    assert again.status_code == 422
    assert again.json()["message"]
    assert Booking.objects.count() == 1

    sent = api(budi).post(
        f"/api/v1/service/requests/{request_id}/messages",
        {"body": "Terima kasih, Bu."},
        content_type="application/json",
    )
    assert sent.status_code == 201
    thread = api(sari).get(f"/api/v1/service/requests/{request_id}/messages").json()
    assert [m["body"] for m in thread["items"]] == ["Terima kasih, Bu."]


def test_admin_does_not_read_the_conversation_and_outsiders_see_nothing(budi, rina, dewi, topic):
    filed = (
        api(budi)
        .post(
            "/api/v1/service/requests",
            {"kind": "coaching", "topic_id": topic.pk, "need": "Belajar delegasi."},
            content_type="application/json",
        )
        .json()
    )
    assert api(rina).get(f"/api/v1/service/requests/{filed['id']}/messages").status_code == 403
    assert api(dewi).get(f"/api/v1/service/requests/{filed['id']}").status_code == 404
    assert api(dewi).get("/api/v1/service/requests").json()["count"] == 0


def test_the_provider_declines_over_the_api_and_the_request_goes_back_to_the_queue(budi, rina, sari, sari_pool, topic):
    request_id = (
        api(budi)
        .post(
            "/api/v1/service/requests",
            {"kind": "coaching", "topic_id": topic.pk, "need": "Belajar delegasi.", "windows": []},
            content_type="application/json",
        )
        .json()["id"]
    )
    api(rina).post(
        f"/api/v1/service/requests/{request_id}/assign", {"provider_id": sari.pk}, content_type="application/json"
    )

    declined = api(sari).post(
        f"/api/v1/service/requests/{request_id}/decline", {"reason": "Jadwal penuh."}, content_type="application/json"
    )

    assert declined.status_code == 200
    assert (declined.json()["id"], declined.json()["status"], declined.json()["provider"]) == (
        request_id,
        "declined",
        None,
    )
    assert ServiceRequest.objects.get(pk=request_id).status == RequestStatus.DECLINED
    # Declined, the request is no longer hers to see.
    assert api(sari).get(f"/api/v1/service/requests/{request_id}").status_code == 404


def test_a_request_with_a_past_window_is_refused_with_field_errors(budi, topic):
    response = api(budi).post(
        "/api/v1/service/requests",
        {
            "kind": "coaching",
            "topic_id": topic.pk,
            "need": "x",
            "windows": [{"starts_at": "2020-01-01T09:00:00+07:00", "ends_at": "2020-01-01T10:00:00+07:00"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["windows"]
    assert ServiceRequest.objects.count() == 0


def test_openapi_lists_the_service_endpoints(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/service/requests",
        "/api/v1/service/requests/{request_id}/bookings",
        "/api/v1/service/providers/{profile_id}/slots",
        "/api/v1/service/availability",
        "/api/v1/service/requests/{request_id}/messages",
    ]:
        assert path in paths
