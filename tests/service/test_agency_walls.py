"""Agencies are walls: a provider of another agency is neither assigned, nor preferred, nor listed or shown,
and a refusal does not name them. Through the services, the pages and the API."""

import json

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.utils.translation import override

from tests.factories import AgencyFactory, CoachFactory, EmployeeFactory
from tests.helpers import in_indonesian
from tests.service.factories import ProviderProfileFactory, TopicFactory
from tumbuh.notifications.models import Notification
from tumbuh.service.matching import rank_providers
from tumbuh.service.models import RequestEvent, RequestStatus, ServiceRequest
from tumbuh.service.services import requests as services

pytestmark = pytest.mark.django_db

CHOOSE = "Choose a provider from the list."


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def outsider():
    """A coach in the provider pool of another agency."""
    other = AgencyFactory(name="Pemerintah Kabupaten Bangka", short_name="Pemkab Bangka")
    profile = ProviderProfileFactory(employee=CoachFactory(full_name="Yusuf Hakim", agency=other))
    return profile.employee


@pytest.fixture
def filed(budi, topic):
    return services.submit_request(requester=budi, kind="coaching", topic=topic, need="Saya sulit mendelegasikan.")


def unchanged(request: ServiceRequest) -> None:
    request.refresh_from_db()
    assert (request.status, request.provider_id, request.version) == (RequestStatus.SUBMITTED, None, 1)
    assert list(RequestEvent.objects.filter(request=request).values_list("to_status", flat=True)) == ["submitted"]


def test_a_provider_of_another_agency_cannot_be_assigned_and_is_not_named(filed, rina, outsider):
    with pytest.raises(ValidationError) as caught, override("en"):
        services.assign_request(request=filed, provider=outsider, by=rina)
    assert caught.value.message_dict == {"provider": [CHOOSE]}
    unchanged(filed)
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_someone_of_no_agency_without_a_profile_is_refused_the_same_way(filed, rina):
    platform_admin = EmployeeFactory(full_name="Admin Platform", agency=None, unit=None, is_superuser=True)
    with pytest.raises(ValidationError) as caught, override("en"):
        services.assign_request(request=filed, provider=platform_admin, by=rina)
    assert caught.value.message_dict == {"provider": [CHOOSE]}
    unchanged(filed)


def test_a_provider_of_another_agency_cannot_be_named_as_preferred(budi, topic, outsider):
    with pytest.raises(ValidationError) as caught, override("en"):
        services.submit_request(
            requester=budi, kind="coaching", topic=topic, need="Saya sulit mendelegasikan.", preferred_provider=outsider
        )
    assert caught.value.message_dict == {"preferred_provider": [CHOOSE]}
    assert not ServiceRequest.objects.exists()


def test_the_assign_page_answers_for_an_outsider_as_for_an_unknown_number(client_as, filed, rina, outsider):
    url = f"/service/requests/{filed.pk}/assign/"

    outside = client_as(rina).post(url, {"provider": str(outsider.pk)})
    outside_said = [str(m) for m in get_messages(outside.wsgi_request)]
    unknown = client_as(rina).post(url, {"provider": "999999"})

    assert (outside.status_code, outside["Location"]) == (302, f"/service/requests/{filed.pk}/matches/")
    assert outside["Location"] == unknown["Location"]
    assert outside_said == [str(m) for m in get_messages(unknown.wsgi_request)] == [in_indonesian(CHOOSE)]
    unchanged(filed)


def test_the_assign_api_answers_for_an_outsider_as_for_an_unknown_id(client_as, filed, rina, outsider):
    def assign(provider_id: int):
        return client_as(rina).post(
            f"/api/v1/service/requests/{filed.pk}/assign",
            json.dumps({"provider_id": provider_id}),
            content_type="application/json",
        )

    outside, unknown = assign(outsider.pk), assign(999999)

    assert (outside.status_code, outside.json()) == (unknown.status_code, unknown.json())
    assert outside.json()["errors"] == {"provider_id": [in_indonesian("No such person.")]}
    assert "Yusuf" not in outside.content.decode()
    unchanged(filed)


def test_a_provider_of_another_agency_is_neither_listed_nor_shown(client_as, budi, outsider):
    ProviderProfileFactory(employee=CoachFactory(full_name="Sari Dalam Pool", agency=budi.agency))
    client = client_as(budi)

    listing = client.get("/service/providers/")
    detail = client.get(f"/service/providers/{outsider.provider_profile.pk}/")

    assert [p.employee.full_name for p in listing.context["providers"]] == ["Sari Dalam Pool"]
    assert detail.status_code == 404
    assert "Yusuf" not in listing.content.decode() + detail.content.decode()


def test_matching_ranks_only_the_requests_own_agency_pool(filed, sari, outsider):
    ProviderProfileFactory(employee=sari)
    assert [match.provider for match in rank_providers(request=filed)] == [sari]
