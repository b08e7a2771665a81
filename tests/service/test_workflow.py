"""The request's state machine: one table, read here; every move goes through it, for pages, API and services."""

import pytest
import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import override

from tests.factories import EmployeeFactory
from tests.service.factories import ProviderProfileFactory, TopicFactory
from tumbuh.coaching.models import EngagementStatus
from tumbuh.service.api import router
from tumbuh.service.models import RequestEvent, RequestStatus, ServiceRequest
from tumbuh.service.services import requests as services
from tumbuh.service.services.workflow import TRANSITIONS, move_request, transition_for

S = RequestStatus

# Each action of a page or of the API, and the transition it takes.
PAGE_ACTIONS = {
    "service:request-assign": "assign",
    "service:request-accept": "accept",
    "service:request-decline": "decline",
    "service:request-cancel": "cancel",
    "service:request-close": "close",
    "service:booking-create": "book",
    "service:booking-cancel": "unbook",
}
API_ACTIONS = {
    "/service/requests/{request_id}/assign": "assign",
    "/service/requests/{request_id}/accept": "accept",
    "/service/requests/{request_id}/decline": "decline",
    "/service/requests/{request_id}/cancel": "cancel",
    "/service/requests/{request_id}/close": "close",
    "/service/requests/{request_id}/bookings": "book",
    "/service/bookings/{booking_id}/cancel": "unbook",
}


def test_the_table_holds_exactly_the_lifecycle_of_a_request():
    steps = {(source, t.target) for t in TRANSITIONS for source in t.sources}
    assert steps == {
        (S.SUBMITTED, S.ASSIGNED),
        (S.DECLINED, S.ASSIGNED),
        (S.ASSIGNED, S.ASSIGNED),
        (S.ASSIGNED, S.ACCEPTED),
        (S.ASSIGNED, S.DECLINED),
        (S.ACCEPTED, S.SCHEDULED),
        (S.SCHEDULED, S.SCHEDULED),
        (S.SCHEDULED, S.ACCEPTED),
        (S.ACCEPTED, S.CLOSED),
        (S.SCHEDULED, S.CLOSED),
        *((status, S.CANCELLED) for status in (S.SUBMITTED, S.ASSIGNED, S.DECLINED, S.ACCEPTED, S.SCHEDULED)),
    }
    # One step per pair: the table never has two answers to "who may take this request there?".
    assert len(steps) == sum(len(t.sources) for t in TRANSITIONS)


def test_every_transition_names_a_rule_that_exists():
    assert [(t.name, rules.perm_exists(t.rule)) for t in TRANSITIONS] == [(t.name, True) for t in TRANSITIONS]


def test_closed_and_cancelled_requests_go_nowhere():
    assert [t.name for t in TRANSITIONS if S.CLOSED in t.sources or S.CANCELLED in t.sources] == []


def test_each_page_and_api_action_maps_to_a_transition_and_every_transition_has_both():
    names = {t.name for t in TRANSITIONS}
    for url_name in PAGE_ACTIONS:
        reverse(url_name, args=[1])  # the page exists
    api_paths = set(router.path_operations)
    assert set(API_ACTIONS) <= api_paths
    assert set(PAGE_ACTIONS.values()) == set(API_ACTIONS.values()) == names


@pytest.fixture
def topic(agency):
    return TopicFactory(agency=agency, name="Manajemen kinerja")


@pytest.fixture
def offered(budi, topic, sari, rina):
    ProviderProfileFactory(employee=sari)
    request = services.submit_request(requester=budi, kind="coaching", topic=topic, need="Delegasi tugas.")
    return services.assign_request(request=request, provider=sari, by=rina)


def history(request):
    return list(RequestEvent.objects.filter(request=request).values_list("from_status", "to_status"))


def test_a_move_records_who_took_it_from_where_to_where(offered, sari):
    version = offered.version
    moved = move_request(request=offered, to=S.DECLINED, by=sari, note="Penuh", provider=None)

    assert (moved.status, moved.provider_id, moved.version) == (S.DECLINED, None, version + 1)
    assert RequestEvent.objects.filter(request=offered).latest("pk").actor == sari
    assert history(offered) == [("", S.SUBMITTED), (S.SUBMITTED, S.ASSIGNED), (S.ASSIGNED, S.DECLINED)]


def test_a_step_not_in_the_table_is_a_state_error_and_changes_nothing(offered, sari):
    with override("en"), pytest.raises(ValidationError) as error:
        transition_for(request=offered, to=S.CLOSED)
    with pytest.raises(ValidationError):
        services.close_request(request=offered, by=sari, recommendation="")

    assert error.value.messages == ["This request is Offered to a provider; it cannot become Closed."]
    assert ServiceRequest.objects.get(pk=offered.pk).status == S.ASSIGNED
    assert len(history(offered)) == 2


def test_another_provider_cannot_accept_an_offer_made_to_sari(offered):
    stranger = EmployeeFactory(agency=offered.agency)
    ProviderProfileFactory(employee=stranger)

    with pytest.raises(PermissionDenied):
        services.accept_request(request=offered, by=stranger)

    assert ServiceRequest.objects.get(pk=offered.pk).status == S.ASSIGNED
    assert (len(history(offered)), offered.engagement) == (2, None)


def test_the_requester_cannot_answer_the_offer_for_the_provider(offered, budi):
    with pytest.raises(PermissionDenied):
        services.decline_request(request=offered, by=budi, reason="Saya berubah pikiran")

    assert ServiceRequest.objects.get(pk=offered.pk).provider_id == offered.provider_id
    assert len(history(offered)) == 2


def test_only_the_requester_cancels_and_the_provider_closes(offered, sari, budi, rina):
    with pytest.raises(PermissionDenied):
        services.cancel_request(request=offered, by=sari)
    with pytest.raises(PermissionDenied):
        services.cancel_request(request=offered, by=rina)
    accepted = services.accept_request(request=offered, by=sari)
    with pytest.raises(PermissionDenied):
        services.close_request(request=accepted, by=budi, recommendation="")

    accepted.refresh_from_db()
    assert (accepted.status, accepted.engagement.status) == (S.ACCEPTED, EngagementStatus.ACTIVE)


def test_a_requester_without_self_pick_cannot_offer_their_own_request(budi, topic, sari, dewi):
    ProviderProfileFactory(employee=sari)
    request = services.submit_request(requester=budi, kind="coaching", topic=topic, need="Delegasi tugas.")

    with pytest.raises(PermissionDenied):
        services.assign_request(request=request, provider=sari, by=budi)
    with pytest.raises(PermissionDenied):
        services.assign_request(request=request, provider=sari, by=dewi)

    assert ServiceRequest.objects.get(pk=request.pk).status == S.SUBMITTED


def test_cancelling_ends_the_engagement_as_the_table_says(offered, sari, budi):
    accepted = services.accept_request(request=offered, by=sari)

    services.cancel_request(request=accepted, by=budi)

    accepted.refresh_from_db()
    assert (accepted.status, accepted.engagement.status) == (S.CANCELLED, EngagementStatus.CANCELLED)
    assert history(accepted)[-1] == (S.ACCEPTED, S.CANCELLED)


def test_each_rule_lets_its_person_take_the_step_from_exactly_the_tables_statuses(offered, budi, sari, rina):
    # The rules also decide which buttons a page shows: they must agree with the table, status by status.
    actor = {"assign": rina, "accept": sari, "decline": sari, "book": budi, "unbook": budi, "close": sari}
    actor["cancel"] = budi
    found, expected = {}, {}
    for transition in TRANSITIONS:
        for status in S.values:
            offered.status = status
            found[transition.name, status] = rules.has_perm(transition.rule, actor[transition.name], offered)
            expected[transition.name, status] = status in transition.sources
    assert found == expected
