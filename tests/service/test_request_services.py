"""The life of a service request, through its services."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import EmployeeFactory
from tests.service.factories import ProviderProfileFactory, ServiceRequestFactory, TopicFactory
from tumbuh.coaching.models import Engagement, EngagementStatus
from tumbuh.common.conflicts import EditConflict
from tumbuh.notifications.models import Notification
from tumbuh.people.models import Agency
from tumbuh.service.models import RequestEvent, RequestStatus, ResponseSample, ServiceRequest
from tumbuh.service.services import requests as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def sari_pool(sari):
    return ProviderProfileFactory(employee=sari, offers_consulting=False)


def submit(budi, topic, **kwargs):
    values = {"requester": budi, "kind": "coaching", "topic": topic, "need": "Saya sulit mendelegasikan tugas."}
    return services.submit_request(**{**values, **kwargs})


def in_an_hour(hours=1):
    return timezone.now() + datetime.timedelta(hours=hours)


def test_submitted_request_is_recorded_with_its_windows_and_tells_the_admins(budi, topic, rina):
    window = (in_an_hour(24), in_an_hour(26))
    request = submit(budi, topic, windows=[window])
    assert request.status == RequestStatus.SUBMITTED
    assert request.agency_id == budi.agency_id
    assert [(w.starts_at, w.ends_at) for w in request.preferred_windows.all()] == [window]
    assert list(RequestEvent.objects.values_list("to_status", "actor")) == [("submitted", budi.pk)]
    assert Notification.objects.get(recipient=rina).url == f"/service/requests/{request.pk}/"


def test_request_needs_a_need_and_an_agency_topic(budi, agency):
    other_topic = TopicFactory(agency=Agency.objects.create(name="Kabupaten Bangka"))
    with pytest.raises(ValidationError) as error:
        submit(budi, other_topic, need="  ")
    assert set(error.value.message_dict) == {"topic", "need"}
    assert ServiceRequest.objects.count() == 0


def test_windows_in_the_past_or_reversed_are_refused_and_nothing_is_saved(budi, topic):
    with pytest.raises(ValidationError) as error:
        submit(budi, topic, windows=[(in_an_hour(-5), in_an_hour(-4)), (in_an_hour(5), in_an_hour(4))])
    assert len(error.value.message_dict["windows"]) == 2
    assert ServiceRequest.objects.count() == 0


def test_preferred_provider_who_does_not_offer_the_service_is_refused(budi, topic, sari_pool):
    with pytest.raises(ValidationError) as error:
        submit(budi, topic, kind="consulting", preferred_provider=sari_pool.employee)
    assert "Sari Wulandari" in error.value.message_dict["preferred_provider"][0]
    assert ServiceRequest.objects.count() == 0


def test_only_consulting_may_be_asked_for_a_unit(budi, topic, unit):
    with pytest.raises(ValidationError) as error:
        submit(budi, topic, on_behalf_of_unit=unit)
    assert "on_behalf_of_unit" in error.value.message_dict


def test_admin_assigns_and_the_provider_is_told(budi, topic, sari_pool, rina):
    request = submit(budi, topic)
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    request.refresh_from_db()
    assert (request.status, request.provider) == (RequestStatus.ASSIGNED, sari_pool.employee)
    assert Notification.objects.filter(recipient=sari_pool.employee).count() == 1


def test_nobody_is_assigned_their_own_direct_supervisor_as_coach(budi, topic, wayan, rina):
    ProviderProfileFactory(employee=wayan)
    request = submit(budi, topic)
    with pytest.raises(ValidationError) as error:
        services.assign_request(request=request, provider=wayan, by=rina)
    assert "I Wayan Sudarta" in error.value.message_dict["provider"][0]
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED


def test_provider_without_capacity_cannot_be_assigned(budi, topic, sari_pool, rina):
    sari_pool.capacity = 1
    sari_pool.save()
    Engagement.objects.create(coach=sari_pool.employee, coachee=EmployeeFactory(), topic="x", status="active")
    with pytest.raises(ValidationError):
        services.assign_request(request=submit(budi, topic), provider=sari_pool.employee, by=rina)


def test_acceptance_opens_an_engagement_and_measures_the_response(budi, topic, sari_pool, rina):
    request = submit(budi, topic)
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    ServiceRequest.objects.filter(pk=request.pk).update(assigned_at=timezone.now() - datetime.timedelta(hours=2))
    request.refresh_from_db()
    services.accept_request(request=request, by=sari_pool.employee)
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert (request.engagement.coach, request.engagement.coachee) == (sari_pool.employee, budi)
    assert request.engagement.status == EngagementStatus.ACTIVE
    sample = ResponseSample.objects.get()
    assert 7190 <= sample.seconds <= 7300
    assert request.first_response_at is not None


def test_declined_request_returns_to_the_queue_with_the_reason(budi, topic, sari_pool, rina):
    request = submit(budi, topic)
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    with pytest.raises(ValidationError):
        services.decline_request(request=request, by=sari_pool.employee, reason=" ")
    services.decline_request(request=request, by=sari_pool.employee, reason="Jadwal penuh sampai Januari")
    request.refresh_from_db()
    assert (request.status, request.provider) == (RequestStatus.DECLINED, None)
    assert request.events.last().note == "Jadwal penuh sampai Januari"


def test_a_stale_copy_cannot_move_the_request(budi, topic, sari_pool, rina):
    request = submit(budi, topic)
    stale = ServiceRequest.objects.get(pk=request.pk)
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    with pytest.raises(EditConflict):
        services.cancel_request(request=stale, by=budi)
    assert ServiceRequest.objects.get(pk=request.pk).status == RequestStatus.ASSIGNED


def test_closed_request_cannot_be_cancelled(budi, topic, sari_pool, rina):
    request = submit(budi, topic)
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    services.accept_request(request=request, by=sari_pool.employee)
    services.close_request(request=request, by=sari_pool.employee)
    with pytest.raises(ValidationError):
        services.cancel_request(request=request, by=budi)


def test_consulting_closes_only_with_a_recommendation(budi, topic, sari_pool, rina):
    sari_pool.offers_consulting = True
    sari_pool.save()
    request = submit(budi, topic, kind="consulting")
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    services.accept_request(request=request, by=sari_pool.employee)
    with pytest.raises(ValidationError) as error:
        services.close_request(request=request, by=sari_pool.employee, recommendation="")
    assert "recommendation" in error.value.message_dict
    services.close_request(request=request, by=sari_pool.employee, recommendation="Susun SOP delegasi.")
    request.refresh_from_db()
    assert (request.status, request.recommendation) == (RequestStatus.CLOSED, "Susun SOP delegasi.")
    assert request.engagement.status == EngagementStatus.COMPLETED


def test_cancelling_ends_the_engagement_and_tells_the_provider(budi, topic, sari_pool, rina):
    request = submit(budi, topic)
    services.assign_request(request=request, provider=sari_pool.employee, by=rina)
    services.accept_request(request=request, by=sari_pool.employee)
    mail.outbox.clear()
    services.cancel_request(request=request, by=budi, reason="Sudah teratasi")
    request.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED
    assert request.engagement.status == EngagementStatus.CANCELLED
    assert Notification.objects.filter(recipient=sari_pool.employee).count() == 2


def test_rating_is_one_to_five(budi, topic):
    request = ServiceRequestFactory(requester=budi, topic=topic, status=RequestStatus.CLOSED)
    with pytest.raises(ValidationError):
        services.rate_request(request=request, by=budi, rating=6)
    services.rate_request(request=request, by=budi, rating=5, feedback=" Sangat membantu ")
    request.refresh_from_db()
    assert (request.rating, request.feedback) == (5, "Sangat membantu")


def test_only_the_requester_rates(budi, sari, topic):
    request = ServiceRequestFactory(requester=budi, provider=sari, topic=topic, status=RequestStatus.CLOSED)
    with pytest.raises(PermissionDenied):
        services.rate_request(request=request, by=sari, rating=5)
    request.refresh_from_db()
    assert (request.rating, request.feedback) == (None, "")
