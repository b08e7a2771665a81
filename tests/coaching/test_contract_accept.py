"""Accepting a contract version: the other party only, once, and only the latest version."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from tests.factories import ContractFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import Contract

pytestmark = pytest.mark.django_db


def url_of(contract) -> str:
    return f"/coaching/contracts/{contract.pk}/accept/"


@pytest.fixture
def proposal(engagement):
    """Version 1, proposed (and so accepted) by Sari, waiting for Budi."""
    return ContractFactory(engagement=engagement)


def test_coachee_accepts_the_coachs_proposal_and_it_is_in_force(client_as, budi, engagement, proposal):
    client = client_as(budi)

    response = client.post(url_of(proposal))

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/contract/"
    proposal.refresh_from_db()
    assert proposal.is_accepted
    page = client.get(response["Location"]).content.decode()
    accepted = in_indonesian("You accepted version %(version)s. The contract is now in force.") % {"version": 1}
    assert accepted in page


def test_proposer_pressing_accept_again_is_told_and_nothing_changes(client_as, sari, engagement, proposal):
    client = client_as(sari)

    response = client.post(url_of(proposal))

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    # Sari reads Tumbuh in Indonesian, in WITA.
    with override("id"), timezone.override("Asia/Makassar"):
        when = date_format(timezone.localtime(proposal.coach_accepted_at), "j F Y H:i")
    already = in_indonesian("You already accepted version %(version)s on %(date)s; nothing more to do.")
    assert already % {"version": 1, "date": when} in page
    assert Contract.objects.get().coachee_accepted_at is None


def test_an_older_version_cannot_be_accepted(client_as, budi, engagement, proposal):
    ContractFactory(engagement=engagement, version=2, rhythm="weekly")
    client = client_as(budi)

    client.post(url_of(proposal))

    page = client.get(f"/coaching/engagements/{engagement.pk}/contract/").content.decode()
    replaced = in_indonesian(
        "Version %(version)s is no longer the current proposal: version %(newest)s replaced it. "
        "Review version %(newest)s and accept that one."
    ) % {"version": 1, "newest": 2}
    assert replaced in page
    proposal.refresh_from_db()
    assert proposal.coachee_accepted_at is None


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, proposal, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(url_of(proposal))

    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.coachee_accepted_at is None


def test_accepting_takes_a_post(client_as, budi, proposal):
    response = client_as(budi).get(url_of(proposal))

    assert response.status_code == 405
    proposal.refresh_from_db()
    assert proposal.coachee_accepted_at is None
