"""The service's records hold together: nobody serves their own request (the database refuses it, the service
says why), and a provider's profile lives in the provider's own agency (the model's check, the back-office
form and the request services all hold to it).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.backoffice import shown_form
from tests.factories import EmployeeFactory
from tests.service.factories import ProviderProfileFactory, ServiceRequestFactory, TopicFactory
from tumbuh.people.models import Employee
from tumbuh.service.matching import rank_providers
from tumbuh.service.models import ProviderProfile, RequestEvent, RequestStatus, ServiceRequest, WeeklyAvailability
from tumbuh.service.selectors.requests import pool_member, providers_visible_to
from tumbuh.service.services import requests as services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("back_office_in_english")]


@pytest.fixture
def request_of_budi(budi, agency):
    topic = TopicFactory(agency=agency, name="Manajemen kinerja")
    return services.submit_request(requester=budi, kind="coaching", topic=topic, need="Saya sulit mendelegasikan.")


def unchanged(request: ServiceRequest) -> tuple:
    row = ServiceRequest.objects.get(pk=request.pk)
    return row.status, row.provider_id, row.version, RequestEvent.objects.filter(request=request).count()


# Nobody serves their own request.


def test_database_refuses_a_request_served_by_its_requester(budi):
    request = ServiceRequestFactory(requester=budi)
    request.provider = budi
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save()
    assert ServiceRequest.objects.get(pk=request.pk).provider_id is None


def test_requester_in_the_pool_is_not_offered_their_own_request(budi, rina, request_of_budi):
    ProviderProfileFactory(employee=budi)
    with pytest.raises(ValidationError) as error:
        services.assign_request(request=request_of_budi, provider=budi, by=rina)
    assert error.value.message_dict == {"provider": ["Nobody can serve their own request."]}
    assert unchanged(request_of_budi) == (RequestStatus.SUBMITTED, None, 1, 1)


def test_a_request_served_by_its_requester_fails_model_validation_with_the_same_words(budi):
    request = ServiceRequestFactory.build(requester=budi, provider=budi)
    with pytest.raises(ValidationError) as error:
        request.validate_constraints()
    assert error.value.message_dict == {"__all__": ["Nobody can serve their own request."]}


# A provider's profile is in the provider's agency.


def test_provider_profile_in_another_agency_than_the_providers_is_refused(sari, other_agency):
    profile = ProviderProfile(employee=sari, agency=other_agency)
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert error.value.message_dict == {
        "agency": ["Sari Wulandari works at Pemprov Babel; a provider profile belongs to the provider's own agency."]
    }


def test_provider_profile_of_a_person_without_agency_is_refused(agency):
    drifter = EmployeeFactory(full_name="Tanpa Instansi", agency=None, unit=None)
    with pytest.raises(ValidationError) as error:
        ProviderProfile(employee=drifter, agency=agency).full_clean()
    assert error.value.message_dict == {
        "agency": ["Tanpa Instansi has no agency; set the person's agency before adding them to a pool."]
    }


def test_back_office_refuses_a_profile_in_another_agency_and_saves_nothing(
    sari, other_agency, platform_admin, client_as
):
    client = client_as(platform_admin)
    url = reverse("admin:service_providerprofile_add")
    response = client.post(url, shown_form(client.get(url)) | {"employee": sari.pk, "agency": other_agency.pk})
    assert response.status_code == 200
    assert dict(response.context["adminform"].form.errors) == {
        "agency": ["Sari Wulandari works at Pemprov Babel; a provider profile belongs to the provider's own agency."]
    }
    assert not ProviderProfile.objects.exists()


def test_provider_who_moved_to_another_agency_no_longer_serves_the_old_pool(
    sari, budi, rina, other_agency, request_of_budi
):
    ProviderProfileFactory(employee=sari)
    Employee.objects.filter(pk=sari.pk).update(agency=other_agency, unit=None)
    sari.refresh_from_db()
    assert [match.provider for match in rank_providers(request=request_of_budi)] == []
    assert list(providers_visible_to(budi)) == []
    assert pool_member(request_of_budi.agency_id, sari.pk) is None
    with pytest.raises(ValidationError) as error:
        services.assign_request(request=request_of_budi, provider=sari, by=rina)
    assert error.value.message_dict == {"provider": ["Choose a provider from the list."]}
    assert unchanged(request_of_budi) == (RequestStatus.SUBMITTED, None, 1, 1)


# The back-office shows a check constraint of an inline row as a form error.


def test_back_office_refuses_weekly_hours_that_end_before_they_start(sari, rina, client_as):
    profile = ProviderProfileFactory(employee=sari)
    client = client_as(rina)
    url = reverse("admin:service_providerprofile_change", args=[profile.pk])
    data = shown_form(client.get(url))
    prefix = "weekly_availability"
    row = {f"{prefix}-0-weekday": "1", f"{prefix}-0-start_time": "12:00", f"{prefix}-0-end_time": "09:00"}
    response = client.post(url, data | row | {f"{prefix}-TOTAL_FORMS": "1"})
    assert response.status_code == 200
    [_certifications, hours] = response.context["inline_admin_formsets"]
    assert hours.formset.errors == [{"__all__": ["The end time must be after the start time."]}]
    assert not WeeklyAvailability.objects.filter(provider=profile).exists()


def test_weekly_hours_in_the_right_order_are_saved(sari, rina, client_as):
    profile = ProviderProfileFactory(employee=sari)
    client = client_as(rina)
    url = reverse("admin:service_providerprofile_change", args=[profile.pk])
    prefix = "weekly_availability"
    row = {f"{prefix}-0-weekday": "1", f"{prefix}-0-start_time": "09:00", f"{prefix}-0-end_time": "12:00"}
    response = client.post(url, shown_form(client.get(url)) | row | {f"{prefix}-TOTAL_FORMS": "1"})
    assert response.status_code == 302
    assert list(WeeklyAvailability.objects.values_list("weekday", "start_time", "end_time")) == [
        (1, datetime.time(9), datetime.time(12))
    ]
