"""An engagement keeps the agency and unit its coachee worked in when it started, so that reports still count it
there after the coachee's transfer (mutasi): whichever way it was opened, and for engagements opened before.
"""

import importlib

import pytest
from django.apps import apps

from tests.factories import AgencyFactory, EmployeeFactory, EngagementFactory, PeerInvitationFactory, UnitFactory
from tests.service.factories import ProviderProfileFactory, TopicFactory
from tumbuh.coaching.models import Engagement
from tumbuh.coaching.services import start_engagement
from tumbuh.coaching.services.peer import accept_peer_invitation
from tumbuh.people.models import Employee
from tumbuh.service.services import requests as service_requests

pytestmark = pytest.mark.django_db

fill_migration = importlib.import_module("tumbuh.coaching.migrations.0005_fill_engagement_agency_unit")


@pytest.fixture
def elsewhere(db):
    """Where Budi is transferred to: a unit of another agency."""
    return UnitFactory(agency=AgencyFactory(name="Pemerintah Kabupaten Bangka", short_name="Pemkab Bangka"))


def transfer(person: Employee, unit) -> None:
    Employee.objects.filter(pk=person.pk).update(agency=unit.agency, unit=unit)


def started_in(engagement: Engagement) -> tuple:
    engagement = Engagement.objects.get(pk=engagement.pk)
    return engagement.agency_id, engagement.unit_id


def test_engagement_started_by_a_coach_stays_where_the_coachee_was_after_a_transfer(sari, budi, unit, elsewhere):
    engagement = start_engagement(coach=sari, coachee=budi, topic="Delegasi tugas")
    transfer(budi, elsewhere)
    assert started_in(engagement) == (unit.agency_id, unit.pk)
    assert list(Engagement.objects.filter(agency=unit.agency).values_list("pk", flat=True)) == [engagement.pk]
    assert not Engagement.objects.filter(agency=elsewhere.agency).exists()


def test_engagement_from_an_accepted_service_request_stays_in_the_requesters_unit(
    sari, budi, rina, agency, unit, elsewhere
):
    ProviderProfileFactory(employee=sari)
    topic = TopicFactory(agency=agency, name="Manajemen kinerja")
    request = service_requests.submit_request(requester=budi, kind="coaching", topic=topic, need="Delegasi.")
    service_requests.assign_request(request=request, provider=sari, by=rina)
    request = service_requests.accept_request(request=request, by=sari)
    transfer(budi, elsewhere)
    assert request.engagement is not None
    assert started_in(request.engagement) == (unit.agency_id, unit.pk)


def test_peer_engagement_stays_in_the_coachees_unit_whoever_invited(budi, dewi, unit, elsewhere):
    # Budi asks Dewi to coach him: he is the coachee, and the one transferred.
    invitation = PeerInvitationFactory(invited_by=budi, invitee=dewi, inviter_role="coachee")
    engagement = accept_peer_invitation(invitation=invitation, by=dewi)
    transfer(budi, elsewhere)
    assert (engagement.coachee, started_in(engagement)) == (budi, (unit.agency_id, unit.pk))


def test_a_coachee_without_unit_starts_an_engagement_with_agency_only(sari, agency):
    newcomer = EmployeeFactory(agency=agency, unit=None)
    engagement = start_engagement(coach=sari, coachee=newcomer, topic="Orientasi")
    assert started_in(engagement) == (agency.pk, None)


def test_engagements_opened_before_take_the_coachees_current_agency_and_unit(sari, budi, unit, elsewhere):
    older = EngagementFactory(coach=sari, coachee=budi, agency=None, unit=None)
    kept = EngagementFactory(coach=sari, coachee=budi)
    transfer(budi, elsewhere)
    fill_migration.fill_from_coachee(apps, None)
    assert started_in(older) == (elsewhere.agency_id, elsewhere.pk)
    assert started_in(kept) == (unit.agency_id, unit.pk)
